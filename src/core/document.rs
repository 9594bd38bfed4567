//! The persisted document: everything saved for one ladder, one instance
//! and one check (the person's own, or one about someone else).
//!
//! Stored text is decoded, then migrated from its schema version to the
//! current one, then validated. The same path reads storage and imported
//! files, so a bad value is caught in one place. Writing is by hand with
//! `json::Writer` (no serde in the widget).

use super::json::{self, number_text, type_name, FieldError, Obj, Value, Writer};
use std::fmt;

/// The schema version this app writes. Bump it only with a migration in
/// `migrate` and a fixture under `tests/fixtures/`.
/// 1: answers and resume point. 2: adds snapshots. 3: adds whose check it
/// is (subject, rater), snapshot labels, the undo record of a replace, and
/// the "not part of my role" answer.
pub const SCHEMA: u64 = 3;
/// Most snapshots kept in one document; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 50;
/// Longest note, in UTF-16 code units: the unit the browser's `maxlength`
/// counts, so the field, its counter and this check always agree.
pub const MAX_NOTE_LEN: usize = 2000;
/// More answers than any sane ladder has; guards against absurd files.
pub const MAX_ANSWERS: usize = 100_000;
/// Longest name of a person (subject or rater), in characters.
pub const MAX_NAME_LEN: usize = 60;
/// Longest snapshot label or undo description, in characters.
const MAX_LABEL_LEN: usize = 300;
const MAX_ID_LEN: usize = 64;
const MAX_RATING: u8 = 100;
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub schema: u64,
    pub ladder: String,
    /// Content version the answers were last given against.
    pub content_version: String,
    /// Counts saved changes; lets a tab tell whether storage moved on.
    pub revision: u64,
    /// Milliseconds since the Unix epoch of the last change.
    pub updated_at: u64,
    /// The name of the person the check is about; empty when unnamed (a
    /// self-check whose owner gave no name).
    pub subject: String,
    /// Who gave the answers.
    pub rater: Rater,
    pub answers: Answers,
    pub resume: Resume,
    /// Dated copies of the answers, oldest first (schema 2).
    pub snapshots: Vec<Snapshot>,
    /// The last replace of the answers, while it can be undone (schema 3).
    pub replaced: Option<Replaced>,
    /// Everything older than this was deleted ("delete my data" in another
    /// tab, before this copy was written again): a copy of an older answer
    /// or snapshot still open somewhere must not bring it back (schema 3).
    pub cleared_before: u64,
}

/// Who rated: the subject themselves, or someone else (a manager).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Rater {
    #[default]
    Subject,
    /// Someone else; the name may be empty when they chose to leave it out.
    Other { name: String },
}

/// A dated copy of the answers, kept to see progress later, or kept
/// automatically before the answers were replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Milliseconds since the Unix epoch; also the snapshot's id.
    pub taken_at: u64,
    /// Why it was kept, e.g. "Before importing “x.json”"; empty for one
    /// the person saved.
    pub label: String,
    pub answers: Answers,
}

/// What the last replace did, so it can be undone even after a reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    pub at: u64,
    /// What replaced the answers, e.g. "importing “x.json”".
    pub what: String,
    /// The snapshot holding the answers as they were before.
    pub kept: u64,
}

/// One statement's answer. The rating and the note each carry the time
/// they last changed (milliseconds since the Unix epoch), so a merge keeps
/// the later rating and the later note separately: a rating given in one
/// tab and a note typed in another both survive.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub rating: Option<Rating>,
    pub rated_at: u64,
    pub note: String,
    pub noted_at: u64,
}

impl Answer {
    /// An answer removed at `now` (by a replace): no rating, no note.
    pub fn cleared(now: u64) -> Answer {
        Answer {
            rating: None,
            rated_at: now,
            note: String::new(),
            noted_at: now,
        }
    }

    /// Neither a rating nor a note: nothing the person would see.
    pub fn is_cleared(&self) -> bool {
        self.rating.is_none() && self.note.is_empty()
    }

    /// When anything in it last changed.
    pub fn changed_at(&self) -> u64 {
        self.rated_at.max(self.noted_at)
    }

    /// The later rating and the later note of two copies. Equal times
    /// (two tabs in one millisecond) are settled by the values themselves,
    /// so every tab picks the same one and no two tabs write back and forth.
    fn merged_with(&self, other: &Answer) -> Answer {
        let rating_order = |r: Option<Rating>| match r {
            None => 0,
            Some(Rating::Step(v)) => 1 + u16::from(v),
            Some(Rating::Unsure) => 300,
            Some(Rating::NotMyRole) => 301,
        };
        let (rating, rated_at) = if (other.rated_at, rating_order(other.rating))
            > (self.rated_at, rating_order(self.rating))
        {
            (other.rating, other.rated_at)
        } else {
            (self.rating, self.rated_at)
        };
        let (note, noted_at) = if (other.noted_at, &other.note) > (self.noted_at, &self.note) {
            (&other.note, other.noted_at)
        } else {
            (&self.note, self.noted_at)
        };
        Answer {
            rating,
            rated_at,
            note: note.clone(),
            noted_at,
        }
    }
}

/// Answers keyed by statement id, kept sorted by id: a sorted list is all
/// this needs, and it keeps a second copy of the standard B-tree code out of
/// the wasm (about 2 KB gzip).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers(Vec<(String, Answer)>);

impl Answers {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.find(id).ok().map(|at| &self.0[at].1)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Answer> {
        self.find(id).ok().map(|at| &mut self.0[at].1)
    }

    /// Where `id` sits in id order, if it has an answer.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.find(id).ok()
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the answer for `id`, returning the one it replaced.
    pub fn insert(&mut self, id: String, answer: Answer) -> Option<Answer> {
        match self.find(&id) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, answer)),
            Err(at) => {
                self.0.insert(at, (id, answer));
                None
            }
        }
    }

    /// The answer for `id`, created empty if there is none.
    pub fn entry(&mut self, id: &str) -> &mut Answer {
        let at = match self.find(id) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (id.to_string(), Answer::default()));
                at
            }
        };
        &mut self.0[at].1
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (id, answer) pairs in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter().map(|(id, answer)| (id, answer))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(id, _)| id)
    }

    pub fn values(&self) -> impl Iterator<Item = &Answer> {
        self.0.iter().map(|(_, answer)| answer)
    }

    /// How many answers carry a rating (a note alone does not count).
    pub fn rated(&self) -> usize {
        self.values().filter(|a| a.rating.is_some()).count()
    }

    /// How many statements have a rating or a note.
    pub fn given(&self) -> usize {
        self.values().filter(|a| !a.is_cleared()).count()
    }

    /// The answers without cleared entries (for snapshots and exports).
    pub fn without_cleared(&self) -> Answers {
        Answers(
            self.0
                .iter()
                .filter(|(_, a)| !a.is_cleared())
                .cloned()
                .collect(),
        )
    }

    /// Every entry, cleared ones included, stamped as changed at `now`:
    /// brought back by an undo of "delete my data", they must win over the
    /// copies that saw the deletion, and stay cleared where they were.
    pub fn restamped(&self, now: u64) -> Answers {
        Answers(
            self.0
                .iter()
                .map(|(id, a)| {
                    (
                        id.clone(),
                        Answer {
                            rated_at: now,
                            noted_at: now,
                            ..a.clone()
                        },
                    )
                })
                .collect(),
        )
    }

    /// Sets the answers to `incoming`'s and clears the ones `incoming`
    /// lacks, all stamped as changed at `now` (or just after the latest
    /// answer they replace, if the clock went back). Cleared entries stay
    /// (empty) so that older copies still open in other tabs lose every
    /// merge against them: a replace stays done.
    pub fn replace_with(&mut self, incoming: &Answers, now: u64) {
        let at = self
            .0
            .iter()
            .map(|(_, a)| a.changed_at().saturating_add(1))
            .fold(now, u64::max);
        let mut next = incoming.without_cleared().restamped(at);
        for id in self.keys() {
            if !next.contains_key(id) {
                next.insert(id.clone(), Answer::cleared(at));
            }
        }
        *self = next;
    }

    /// Ratings and notes, ignoring when they changed.
    pub fn same_answers(&self, other: &Answers) -> bool {
        self.len() == other.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, x), (b, y))| a == b && x.rating == y.rating && x.note == y.note)
    }
}

impl std::ops::Index<&str> for Answers {
    type Output = Answer;
    fn index(&self, id: &str) -> &Answer {
        self.get(id).expect("no answer with this id")
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Answer);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Answer)>,
        fn(&'a (String, Answer)) -> (&'a String, &'a Answer),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, answer)| (id, answer))
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(items: I) -> Self {
        let mut answers = Answers::default();
        for (id, answer) in items {
            answers.insert(id, answer);
        }
        answers
    }
}

/// A chosen answer: a step value of the scale, "not sure", or "not part
/// of my role". Only steps are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Step(u8),
    Unsure,
    NotMyRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckMode {
    Quick,
    Full,
}

impl CheckMode {
    pub fn word(self) -> &'static str {
        match self {
            CheckMode::Quick => "quick",
            CheckMode::Full => "full",
        }
    }
}

/// Where to pick up again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resume {
    pub mode: Option<CheckMode>,
    pub section: Option<String>,
}

/// Why stored or imported text could not be used as a document.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, or another kind of file).
    NotJson(String),
    /// JSON, but not shaped like a document, or with impossible values.
    Invalid(String),
    /// Written by a newer version of the app. `readable` holds what this
    /// version could make of it, for a read-only view.
    Newer {
        schema: u64,
        readable: Option<Box<Document>>,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(why) => write!(f, "it is not valid JSON ({why})"),
            DecodeError::Invalid(why) => write!(f, "it is not a valid self-check document ({why})"),
            DecodeError::Newer { schema, .. } => write!(
                f,
                "it was saved by a newer version of this app (schema {schema}; this version reads up to {SCHEMA})"
            ),
        }
    }
}

/// What reconciling two copies of a document did that the person should
/// hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reconciled {
    /// Oldest snapshots dropped to stay within `MAX_SNAPSHOTS`.
    pub trimmed: usize,
}

impl Document {
    pub fn new(ladder: &str, content_version: &str) -> Document {
        Document {
            schema: SCHEMA,
            ladder: ladder.to_string(),
            content_version: content_version.to_string(),
            revision: 0,
            updated_at: 0,
            subject: String::new(),
            rater: Rater::Subject,
            answers: Answers::default(),
            resume: Resume::default(),
            snapshots: Vec::new(),
            replaced: None,
            cleared_before: 0,
        }
    }

    pub fn encode(&self) -> String {
        let mut w = Writer::new();
        w.begin()
            .field_num("schema", self.schema)
            .field_str("ladder", &self.ladder)
            .field_str("content_version", &self.content_version)
            .field_num("revision", self.revision)
            .field_num("updated_at", self.updated_at);
        if !self.subject.is_empty() {
            w.field_str("subject", &self.subject);
        }
        if let Rater::Other { name } = &self.rater {
            w.key("rater").begin().field_str("name", name).end();
        }
        w.key("answers");
        write_answers(&mut w, &self.answers);
        w.key("resume").begin();
        if let Some(mode) = self.resume.mode {
            w.field_str("mode", mode.word());
        }
        if let Some(section) = &self.resume.section {
            w.field_str("section", section);
        }
        w.end();
        if !self.snapshots.is_empty() {
            w.key("snapshots").begin_list();
            for snapshot in &self.snapshots {
                w.item().begin().field_num("taken_at", snapshot.taken_at);
                if !snapshot.label.is_empty() {
                    w.field_str("label", &snapshot.label);
                }
                w.key("answers");
                write_answers(&mut w, &snapshot.answers);
                w.end();
            }
            w.end_list();
        }
        if let Some(replaced) = &self.replaced {
            w.key("replaced")
                .begin()
                .field_num("at", replaced.at)
                .field_str("what", &replaced.what)
                .field_num("kept", replaced.kept)
                .end();
        }
        if self.cleared_before > 0 {
            w.field_num("cleared_before", self.cleared_before);
        }
        w.end();
        w.finish()
    }

    /// Decodes, migrates and validates stored or imported text.
    pub fn decode(text: &str) -> Result<Document, DecodeError> {
        let value = json::parse(text).map_err(|err| DecodeError::NotJson(err.to_string()))?;
        let schema = value.get("schema").and_then(Value::as_u64).ok_or_else(|| {
            DecodeError::Invalid("\"schema\" is missing or not a whole number".into())
        })?;
        if schema > SCHEMA {
            let readable = Document::from_value(&value)
                .ok()
                .filter(|doc| doc.validate().is_ok())
                .map(Box::new);
            return Err(DecodeError::Newer { schema, readable });
        }
        let value = migrate(value, schema)?;
        let document =
            Document::from_value(&value).map_err(|err| DecodeError::Invalid(err.to_string()))?;
        document.validate().map_err(DecodeError::Invalid)?;
        Ok(document)
    }

    /// Reads the current schema's shape. Unknown fields are ignored, so a
    /// newer document can still be shown read-only.
    fn from_value(value: &Value) -> Result<Document, FieldError> {
        let root = Obj::new(value, "")?;
        let answers = read_answers(&root)?;
        let mut snapshots = Vec::new();
        if root.get("snapshots").is_some() {
            for (index, item) in root.list("snapshots")?.iter().enumerate() {
                let snapshot = Obj::new(item, format!("snapshot {}", index + 1))?;
                snapshots.push(Snapshot {
                    taken_at: snapshot.whole_number("taken_at")?,
                    label: snapshot.raw_text("label")?.unwrap_or_default().to_string(),
                    answers: read_answers(&snapshot)?,
                });
            }
        }
        let mut resume = Resume::default();
        if root.get("resume").is_some() {
            let obj = root.object("resume")?;
            resume.mode = match obj.raw_text("mode")? {
                None => None,
                Some("quick") => Some(CheckMode::Quick),
                Some("full") => Some(CheckMode::Full),
                Some(other) => {
                    return Err(obj.fail(
                        "mode",
                        format!("\"{}\" is not a check", truncate(other, 20)),
                    ))
                }
            };
            resume.section = obj.raw_text("section")?.map(str::to_string);
        }
        let rater = match root.get("rater") {
            None => Rater::Subject,
            Some(_) => Rater::Other {
                name: root
                    .object("rater")?
                    .raw_text("name")?
                    .unwrap_or_default()
                    .to_string(),
            },
        };
        let replaced = match root.get("replaced") {
            None => None,
            Some(_) => {
                let obj = root.object("replaced")?;
                Some(Replaced {
                    at: obj.whole_number("at")?,
                    what: obj.raw_text("what")?.unwrap_or_default().to_string(),
                    kept: obj.whole_number("kept")?,
                })
            }
        };
        Ok(Document {
            schema: root.whole_number("schema")?,
            ladder: root.raw_text("ladder")?.unwrap_or_default().to_string(),
            content_version: root
                .raw_text("content_version")?
                .unwrap_or_default()
                .to_string(),
            revision: root.whole_number("revision")?,
            updated_at: root.whole_number("updated_at")?,
            subject: root.raw_text("subject")?.unwrap_or_default().to_string(),
            rater,
            answers,
            resume,
            snapshots,
            replaced,
            cleared_before: match root.get("cleared_before") {
                None => 0,
                Some(_) => root.whole_number("cleared_before")?,
            },
        })
    }

    /// Checks the values the shape cannot: sizes, id shapes, names.
    pub fn validate(&self) -> Result<(), String> {
        if !is_id(&self.ladder) {
            return Err(format!(
                "ladder id \"{}\" is not valid",
                truncate(&self.ladder, 40)
            ));
        }
        if self.answers.len() > MAX_ANSWERS {
            return Err(format!(
                "it holds {} answers; the most is {MAX_ANSWERS}",
                self.answers.len()
            ));
        }
        if self.snapshots.len() > MAX_SNAPSHOTS {
            return Err(format!(
                "it holds {} snapshots; the most is {MAX_SNAPSHOTS}",
                self.snapshots.len()
            ));
        }
        if !self.subject.is_empty() {
            check_name(&self.subject).map_err(|why| format!("the name of the person {why}"))?;
        }
        if let Rater::Other { name } = &self.rater {
            if !name.is_empty() {
                check_name(name).map_err(|why| format!("the name of the rater {why}"))?;
            }
        }
        let labels = self
            .snapshots
            .iter()
            .map(|s| &s.label)
            .chain(self.replaced.as_ref().map(|r| &r.what));
        for label in labels {
            if label.chars().count() > MAX_LABEL_LEN || !is_plain_line(label) {
                return Err("a snapshot label is too long or holds control characters".into());
            }
        }
        if let Some(replaced) = &self.replaced {
            if self.snapshot(replaced.kept).is_none() {
                return Err("the copy kept for undoing the last replace is missing".into());
            }
        }
        let mut times = self.snapshots.iter().map(|s| s.taken_at);
        if let Some(mut last) = times.next() {
            for time in times {
                if time <= last {
                    return Err("its snapshots are not in time order".into());
                }
                last = time;
            }
        }
        let all_answers = self
            .snapshots
            .iter()
            .flat_map(|snapshot| &snapshot.answers)
            .chain(&self.answers);
        for (id, answer) in all_answers {
            if !is_id(id) {
                return Err(format!(
                    "statement id \"{}\" is not valid",
                    truncate(id, 40)
                ));
            }
            let length = note_length(&answer.note);
            if length > MAX_NOTE_LEN {
                return Err(format!(
                    "the note for \"{id}\" has {length} characters; the most is {MAX_NOTE_LEN}"
                ));
            }
        }
        Ok(())
    }

    /// Records a rating for a statement at time `now`.
    pub fn set_rating(&mut self, statement: &str, rating: Rating, now: u64) {
        let answer = self.answers.entry(statement);
        answer.rating = Some(rating);
        // Later than what it replaces even if the clock went back, so a
        // merge never prefers the older copy.
        answer.rated_at = now.max(answer.rated_at.saturating_add(1));
        self.touch(now);
    }

    /// Records a note; notes longer than the limit are cut at the limit.
    pub fn set_note(&mut self, statement: &str, note: &str, now: u64) {
        let note = cut_note(note);
        let answer = self.answers.entry(statement);
        if answer.note == note {
            return;
        }
        answer.note = note;
        answer.noted_at = now.max(answer.noted_at.saturating_add(1));
        self.touch(now);
    }

    /// A snapshot time after every existing one and not before `now`.
    fn next_snapshot_time(&self, now: u64) -> u64 {
        self.snapshots
            .last()
            .map_or(now, |last| now.max(last.taken_at.saturating_add(1)))
    }

    /// Keeps a dated copy of the current answers, with a label saying why
    /// (empty for one the person saved). Returns its time, and how many of
    /// the oldest snapshots were dropped to stay within the limit.
    pub fn take_snapshot(&mut self, now: u64, label: &str) -> (u64, usize) {
        let taken_at = self.next_snapshot_time(now);
        self.snapshots.push(Snapshot {
            taken_at,
            label: label.to_string(),
            answers: self.answers.without_cleared(),
        });
        let trimmed = self.trim_snapshots();
        self.touch(now);
        (taken_at, trimmed)
    }

    /// Drops the oldest snapshots beyond `MAX_SNAPSHOTS`, never the one an
    /// undo needs. Returns how many went.
    pub fn trim_snapshots(&mut self) -> usize {
        let mut trimmed = 0;
        while self.snapshots.len() > MAX_SNAPSHOTS {
            let protected = self.replaced.as_ref().map(|r| r.kept);
            let Some(at) = self
                .snapshots
                .iter()
                .position(|s| Some(s.taken_at) != protected)
            else {
                break;
            };
            self.snapshots.remove(at);
            trimmed += 1;
        }
        trimmed
    }

    pub fn snapshot(&self, taken_at: u64) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.taken_at == taken_at)
    }

    /// The document as it was at a snapshot, for comparing with now.
    pub fn as_of(&self, snapshot: &Snapshot) -> Document {
        Document {
            answers: snapshot.answers.clone(),
            snapshots: Vec::new(),
            replaced: None,
            updated_at: snapshot.taken_at,
            ..self.clone()
        }
    }

    /// Replaces the answers with `answers` (an import, a share link, a
    /// snapshot being restored), first keeping the current answers as a
    /// labelled snapshot so that `undo_replace` can bring them back, also
    /// after a reload. `what` says what replaced them ("importing “x.json”").
    /// Returns how many old snapshots were dropped to stay within the limit.
    pub fn replace_answers(&mut self, answers: &Answers, what: &str, now: u64) -> usize {
        let label = format!("Before {what}");
        let (kept, trimmed) = self.take_snapshot(now, &label);
        self.answers.replace_with(answers, now);
        self.replaced = Some(Replaced {
            at: now,
            what: what.to_string(),
            kept,
        });
        self.touch(now);
        trimmed
    }

    /// Undoes the last replace: the answers kept before it come back, and
    /// the answers it brought are kept as a snapshot in their place, so
    /// nothing is lost either way. False when there is nothing to undo.
    pub fn undo_replace(&mut self, now: u64) -> bool {
        let Some(replaced) = self.replaced.take() else {
            return false;
        };
        let Some(at) = self
            .snapshots
            .iter()
            .position(|s| s.taken_at == replaced.kept)
        else {
            return false;
        };
        let kept = self.snapshots.remove(at);
        let undone = Snapshot {
            taken_at: self.next_snapshot_time(now),
            label: format!("Undone: {}", replaced.what),
            answers: self.answers.without_cleared(),
        };
        self.answers.replace_with(&kept.answers, now);
        self.snapshots.push(undone);
        self.touch(now);
        true
    }

    /// Adds snapshots from another copy of this person's history (an export
    /// of their own), skipping ones already here. Returns how many of the
    /// oldest were then dropped to stay within the limit.
    pub fn add_snapshots(&mut self, snapshots: &[Snapshot], now: u64) -> usize {
        for snapshot in snapshots {
            if self.snapshot(snapshot.taken_at).is_none() {
                let at = self
                    .snapshots
                    .iter()
                    .position(|s| s.taken_at > snapshot.taken_at)
                    .unwrap_or(self.snapshots.len());
                self.snapshots.insert(at, snapshot.clone());
            }
        }
        let trimmed = self.trim_snapshots();
        self.touch(now);
        trimmed
    }

    pub fn touch(&mut self, now: u64) {
        self.revision = self.revision.saturating_add(1);
        self.updated_at = self.updated_at.max(now);
    }

    pub fn rating(&self, statement: &str) -> Option<Rating> {
        self.answers.get(statement).and_then(|answer| answer.rating)
    }

    /// Whether two copies hold the same things for the person: answers,
    /// notes, snapshots, whose check it is, the undo record and the resume
    /// point (revision and times aside).
    pub fn same_content(&self, other: &Document) -> bool {
        self.ladder == other.ladder
            && self.answers.same_answers(&other.answers)
            && self.resume == other.resume
            && self.subject == other.subject
            && self.rater == other.rater
            && self.replaced == other.replaced
            && self.cleared_before == other.cleared_before
            && self.snapshots.len() == other.snapshots.len()
            && self.snapshots.iter().zip(&other.snapshots).all(|(a, b)| {
                a.taken_at == b.taken_at && a.label == b.label && a.answers.same_answers(&b.answers)
            })
    }

    /// Makes a merged copy consistent: drops what a deletion cleared,
    /// forgets an undo whose kept copy is gone, and keeps within the
    /// snapshot limit. Returns how many old snapshots were trimmed.
    fn settle(&mut self) -> usize {
        let cleared = self.cleared_before;
        if cleared > 0 {
            for (_, answer) in self.answers.0.iter_mut() {
                if answer.rated_at <= cleared {
                    answer.rating = None;
                }
                if answer.noted_at <= cleared {
                    answer.note.clear();
                }
            }
            // An entry left empty only by the deletion can go; a cleared
            // entry newer than it (a later replace) must stay.
            self.answers
                .0
                .retain(|(_, a)| a.rated_at > cleared || a.noted_at > cleared);
        }
        if self
            .replaced
            .as_ref()
            .is_some_and(|r| self.snapshot(r.kept).is_none())
        {
            self.replaced = None;
        }
        self.trim_snapshots()
    }

    /// Combines two copies of one document with no common ancestor known:
    /// each answer keeps its later change, and every snapshot is kept.
    pub fn merge(&self, other: &Document) -> Document {
        reconcile(self, Some(other), None, None).0
    }
}

/// Three-way merge of this tab's copy (`mine`) with what storage holds
/// (`stored`), given `base`, the copy both last agreed on (what this tab
/// last read or wrote).
///
/// Answers: the later rating and the later note win, each on its own. A
/// replace leaves cleared entries behind, so it wins by time like any
/// change. When the document is gone from storage (`stored` is `None`),
/// it was deleted at `deleted_at` (from the tombstone marker; without one,
/// whatever `base` held counts as deleted): only what changed after that
/// survives, so a deletion in another tab stays done unless the person
/// answers again. Snapshots never change: the union is kept, less those
/// `base` had and one side no longer has (removed there by an undo).
/// Whole-document fields (resume point, names, undo record) come from the
/// side that changed them. The result always holds the document's limits.
pub fn reconcile(
    mine: &Document,
    stored: Option<&Document>,
    base: Option<&Document>,
    deleted_at: Option<u64>,
) -> (Document, Reconciled) {
    let mut merged = mine.clone();
    let Some(stored) = stored else {
        // Gone from storage: keep only what is newer than the deletion.
        // Without a deletion time, what `base` held counts as deleted, and
        // what it did not hold (or held older) is new since.
        let survives = |time: u64, base_time: Option<u64>| match (deleted_at, base_time) {
            (Some(deleted), _) => time > deleted,
            (None, Some(base_time)) => time > base_time,
            (None, None) => true,
        };
        let mut answers = Answers::default();
        for (id, answer) in &mine.answers {
            let base_answer = base.and_then(|b| b.answers.get(id));
            let cleared_at = |base_time: Option<u64>| {
                deleted_at.unwrap_or_else(|| base_time.map_or(0, |t| t.saturating_add(1)))
            };
            let mut kept = answer.clone();
            if !survives(answer.rated_at, base_answer.map(|b| b.rated_at)) {
                kept.rating = None;
                kept.rated_at = cleared_at(base_answer.map(|b| b.rated_at));
            }
            if !survives(answer.noted_at, base_answer.map(|b| b.noted_at)) {
                kept.note = String::new();
                kept.noted_at = cleared_at(base_answer.map(|b| b.noted_at));
            }
            if !kept.is_cleared() || answer.is_cleared() {
                answers.0.push((id.clone(), kept));
            }
        }
        merged.answers = answers;
        merged.snapshots.retain(|s| match (deleted_at, base) {
            // Taken before the deletion by a copy that had not seen it.
            (Some(deleted), _) => mine.cleared_before >= deleted || s.taken_at > deleted,
            (None, Some(base)) => base.snapshot(s.taken_at).is_none(),
            (None, None) => true,
        });
        if let Some(deleted) = deleted_at {
            // Written again after a deletion: say so in the document, so
            // older copies still open elsewhere cannot bring anything back.
            merged.cleared_before = merged.cleared_before.max(deleted);
        }
        let trimmed = merged.settle();
        merged.revision = merged.revision.saturating_add(1);
        return (merged, Reconciled { trimmed });
    };
    // Whole-document fields: from the side that changed them since base;
    // when both did (or base is unknown), from the later change.
    let stored_wins = stored.updated_at > mine.updated_at;
    fn pick<T: Clone + PartialEq>(mine: &T, stored: &T, base: Option<&T>, stored_wins: bool) -> T {
        match base {
            Some(base) if mine == base => stored.clone(),
            Some(base) if stored == base => mine.clone(),
            _ if stored_wins => stored.clone(),
            _ => mine.clone(),
        }
    }
    macro_rules! pick_field {
        ($field:ident) => {
            pick(
                &mine.$field,
                &stored.$field,
                base.map(|b| &b.$field),
                stored_wins,
            )
        };
    }
    merged.answers = merge_answers(&mine.answers, &stored.answers);
    let cleared_before = pick_field!(cleared_before);
    // Snapshots never change once taken: keep the union, less those an
    // undo removed on one side, and less those a deletion cleared that
    // come only from a copy that had not seen it (a snapshot imported
    // after the deletion is older than it, but meant).
    let mut snapshots: Vec<Snapshot> = Vec::new();
    for snapshot in mine.snapshots.iter().chain(&stored.snapshots) {
        if snapshots.iter().any(|s| s.taken_at == snapshot.taken_at) {
            continue;
        }
        let in_mine = mine.snapshot(snapshot.taken_at).is_some();
        let in_stored = stored.snapshot(snapshot.taken_at).is_some();
        let in_base = base.is_some_and(|b| b.snapshot(snapshot.taken_at).is_some());
        let seen_deletion =
            |doc: &Document, here: bool| here && doc.cleared_before >= cleared_before;
        let cleared = snapshot.taken_at <= cleared_before
            && !seen_deletion(mine, in_mine)
            && !seen_deletion(stored, in_stored);
        if (in_mine && in_stored || !in_base) && !cleared {
            snapshots.push(snapshot.clone());
        }
    }
    // Insertion sort by time: a few dozen items, and no std sort in the wasm.
    for i in 1..snapshots.len() {
        let mut j = i;
        while j > 0 && snapshots[j].taken_at < snapshots[j - 1].taken_at {
            snapshots.swap(j, j - 1);
            j -= 1;
        }
    }
    merged.snapshots = snapshots;
    merged.resume = pick_field!(resume);
    merged.subject = pick_field!(subject);
    merged.rater = pick_field!(rater);
    merged.replaced = pick_field!(replaced);
    merged.cleared_before = cleared_before;
    if stored_wins {
        merged.content_version = stored.content_version.clone();
    }
    let trimmed = merged.settle();
    merged.updated_at = mine.updated_at.max(stored.updated_at);
    merged.revision = mine.revision.max(stored.revision).saturating_add(1);
    (merged, Reconciled { trimmed })
}

/// Both copies' answers, each id once: one pass over two lists that are
/// already sorted by id.
fn merge_answers(mine: &Answers, stored: &Answers) -> Answers {
    let (mut a, mut b) = (mine.0.iter().peekable(), stored.0.iter().peekable());
    let mut merged = Vec::with_capacity(mine.len().max(stored.len()));
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some((id_a, answer_a)), Some((id_b, answer_b))) => match id_a.cmp(id_b) {
                std::cmp::Ordering::Less => a.next().cloned(),
                std::cmp::Ordering::Greater => b.next().cloned(),
                std::cmp::Ordering::Equal => {
                    let both = (id_a.clone(), answer_a.merged_with(answer_b));
                    a.next();
                    b.next();
                    Some(both)
                }
            },
            (Some(_), None) => a.next().cloned(),
            (None, Some(_)) => b.next().cloned(),
            (None, None) => None,
        };
        match next {
            Some(entry) => merged.push(entry),
            None => return Answers(merged),
        }
    }
}

fn write_answers(w: &mut Writer, answers: &Answers) {
    w.begin();
    for (id, answer) in answers {
        w.key(id).begin();
        match answer.rating {
            Some(Rating::Step(value)) => {
                w.field_num("rating", u64::from(value));
            }
            Some(Rating::Unsure) => {
                w.field_str("rating", "unsure");
            }
            Some(Rating::NotMyRole) => {
                w.field_str("rating", "not-my-role");
            }
            None => {}
        }
        if !answer.note.is_empty() {
            w.field_str("note", &answer.note);
        }
        w.field_num("changed_at", answer.rated_at);
        if answer.noted_at != answer.rated_at {
            w.field_num("note_changed_at", answer.noted_at);
        }
        w.end();
    }
    w.end();
}

/// The length of a note as the browser's `maxlength` counts it.
pub fn note_length(note: &str) -> usize {
    note.encode_utf16().count()
}

/// A note cut to `MAX_NOTE_LEN` UTF-16 units, never inside a character.
pub fn cut_note(note: &str) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in note.chars() {
        used += c.len_utf16();
        if used > MAX_NOTE_LEN {
            break;
        }
        out.push(c);
    }
    out
}

/// Characters that change how text around them is shown: controls and the
/// bidirectional overrides that can make a name read differently from
/// what it is.
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text on one line with nothing hidden in it.
fn is_plain_line(text: &str) -> bool {
    !text.chars().any(is_hidden_control)
}

/// Checks a person's name as typed: trimmed, 1 to `MAX_NAME_LEN`
/// characters, no control or direction-changing characters. Returns the
/// trimmed name, or what is wrong with it (to follow "The name ...").
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    let length = name.chars().count();
    if length == 0 {
        Err("is empty".into())
    } else if length > MAX_NAME_LEN {
        Err(format!(
            "has {length} characters; the most is {MAX_NAME_LEN}"
        ))
    } else if !is_plain_line(name) {
        Err("holds control or text-direction characters".into())
    } else {
        Ok(name.to_string())
    }
}

fn read_answers(parent: &Obj) -> Result<Answers, FieldError> {
    let mut answers = Answers::default();
    if parent.get("answers").is_none() {
        return Ok(answers);
    }
    for (id, item) in parent.object("answers")?.entries() {
        let answer = Obj::new(item, format!("answer \"{}\"", truncate(id, 40)))?;
        let rated_at = answer.whole_number("changed_at")?;
        let noted_at = match answer.get("note_changed_at") {
            None => rated_at,
            Some(_) => answer.whole_number("note_changed_at")?,
        };
        answers.insert(
            id.clone(),
            Answer {
                rating: read_rating(&answer)?,
                rated_at,
                note: answer.raw_text("note")?.unwrap_or_default().to_string(),
                noted_at,
            },
        );
    }
    Ok(answers)
}

fn read_rating(answer: &Obj) -> Result<Option<Rating>, FieldError> {
    match answer.get("rating") {
        None => Ok(None),
        Some(Value::String(word)) if word == "unsure" => Ok(Some(Rating::Unsure)),
        Some(Value::String(word)) if word == "not-my-role" => Ok(Some(Rating::NotMyRole)),
        Some(Value::Number(number)) => number
            .as_u64()
            .and_then(|value| u8::try_from(value).ok())
            .filter(|value| *value <= MAX_RATING)
            .map(|value| Some(Rating::Step(value)))
            .ok_or_else(|| {
                answer.fail(
                    "rating",
                    format!(
                        "{} is not a step value from 0 to {MAX_RATING}",
                        number_text(number)
                    ),
                )
            }),
        Some(other) => Err(answer.fail(
            "rating",
            format!(
                "must be a step value, \"unsure\" or \"not-my-role\", found {}",
                type_name(other)
            ),
        )),
    }
}

/// Brings a document from an older schema to the current one. Each step is
/// a pure function from one version to the next; none may drop an answer.
fn migrate(mut value: Value, schema: u64) -> Result<Value, DecodeError> {
    let mut version = schema;
    while version < SCHEMA {
        value = match version {
            1 => v1_to_v2(value),
            // Schema 3 only added optional fields and a new answer value.
            2 => set_schema(value, 3),
            other => return Err(DecodeError::Invalid(format!("schema {other} is not known"))),
        };
        version += 1;
    }
    Ok(value)
}

/// Schema 2 added snapshots; a schema 1 document simply has none yet.
fn v1_to_v2(value: Value) -> Value {
    match value {
        Value::Object(mut fields) => {
            fields.retain(|(name, _)| name != "snapshots");
            set_schema(Value::Object(fields), 2)
        }
        other => other,
    }
}

fn set_schema(value: Value, schema: u64) -> Value {
    match value {
        Value::Object(mut fields) => {
            fields.retain(|(name, _)| name != "schema");
            fields.push((
                "schema".to_string(),
                json::Value::Number(json::Number::from(schema)),
            ));
            Value::Object(fields)
        }
        other => other,
    }
}

pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'))
}

fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Reads an exported file for `ladder` with the same decoder as storage,
/// and says in plain words why a file cannot be used.
pub fn read_export(ladder_id: &str, ladder_title: &str, text: &str) -> Result<Document, String> {
    match Document::decode(text) {
        Ok(document) if document.ladder == ladder_id => Ok(document),
        Ok(document) => Err(format!(
            "This file holds answers for another ladder (\u{201c}{}\u{201d}), not {ladder_title}.",
            truncate(&document.ladder, 40)
        )),
        Err(DecodeError::Newer { schema, .. }) => Err(format!(
            "This file was made by a newer version of this self-check (data version {schema}). Open it there, or ask for this widget to be updated."
        )),
        Err(DecodeError::NotJson(why)) => Err(format!(
            "This file is not a self-check export: it is not valid JSON ({why}). It may be cut off or be another kind of file."
        )),
        Err(DecodeError::Invalid(why)) => Err(format!(
            "This file is not a valid self-check export: {why}."
        )),
    }
}
