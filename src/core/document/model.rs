//! The persisted document's model: everything saved for one ladder, one
//! instance and one check (the person's own, or one about someone else),
//! and the changes a person makes to it. Described once, with serde
//! (`codec` holds the few representations that are not plain fields).

use super::beside::{cut_agenda, Agenda, Beside};
use super::codec::rater_field;
use super::plan::PlanItem;
use super::validate::{cut_note, safe_label, MAX_SNAPSHOTS, SCHEMA};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subject: String,
    /// Who gave the answers: absent for the subject, `{"name": …}` for
    /// someone else.
    #[serde(skip_serializing_if = "Rater::is_subject", with = "rater_field")]
    pub rater: Rater,
    pub answers: Answers,
    pub resume: Resume,
    /// Dated copies of the answers, oldest first (schema 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    /// The last replace of the answers, while it can be undone (schema 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<Replaced>,
    /// Everything older than this was deleted ("delete my data" in another
    /// tab, before this copy was written again): a copy of an older answer
    /// or snapshot still open somewhere must not bring it back (schema 3).
    #[serde(skip_serializing_if = "is_zero")]
    pub cleared_before: u64,
    /// The one to three statements the person chose to work on, and the
    /// ones done or dropped since (schema 4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanItem>,
    /// The other view of the same person kept beside this check, read-only
    /// (schema 4): a report's own self-check beside their manager's view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beside: Option<Beside>,
    /// The 1:1 notes (schema 4).
    #[serde(skip_serializing_if = "Agenda::is_empty")]
    pub agenda: Agenda,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

/// Who rated: the subject themselves, or someone else (a manager).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Rater {
    #[default]
    Subject,
    /// Someone else; the name may be empty when they chose to leave it out.
    Other { name: String },
}

impl Rater {
    pub fn is_subject(&self) -> bool {
        *self == Rater::Subject
    }
}

/// A dated copy of the answers, kept to see progress later, or kept
/// automatically before the answers were replaced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    /// Milliseconds since the Unix epoch; also the snapshot's id.
    pub taken_at: u64,
    /// Why it was kept, e.g. "Before importing “x.json”"; empty for one
    /// the person saved.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// What kind of moment it keeps (schema 4; older ones are read from
    /// their label: none for one the person saved, else kept by a replace).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<SnapshotKind>,
    pub answers: Answers,
    /// The plan as it was (schema 4).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanItem>,
}

/// Why a snapshot was kept. Finished checks and check-in baselines are
/// what "since last time" compares with; copies kept by a replace or an
/// undo are history, not a baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SnapshotKind {
    /// The person saved it.
    Saved,
    /// The quick check was finished then.
    Quick,
    /// The full check was finished then.
    Full,
    /// The answers as they stood before a check-in changed them.
    Baseline,
    /// Kept before a replace (or by its undo).
    Kept,
}

impl Snapshot {
    /// Its kind, reading snapshots from before schema 4 by their label.
    pub fn kind(&self) -> SnapshotKind {
        self.kind.unwrap_or(if self.label.is_empty() {
            SnapshotKind::Saved
        } else {
            SnapshotKind::Kept
        })
    }

    /// What it is, in words for the history: what a replace kept says so
    /// itself ("Before importing …").
    pub fn what(&self) -> String {
        match self.kind() {
            SnapshotKind::Saved => "saved".into(),
            SnapshotKind::Quick => "quick check finished".into(),
            SnapshotKind::Full => "full check finished".into(),
            SnapshotKind::Baseline => "before a check-in".into(),
            SnapshotKind::Kept if self.label.is_empty() => "kept by a replace".into(),
            SnapshotKind::Kept => self.label.clone(),
        }
    }

    /// Whether it marks a moment to compare with later (not a copy kept by
    /// a replace).
    pub fn is_baseline(&self) -> bool {
        self.kind() != SnapshotKind::Kept
    }
}

/// What the last replace did, so it can be undone even after a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// When the person gave it, where that is earlier than the times
    /// above: an answer brought back by an undo is stamped anew so it wins
    /// every merge, but it was given when it was given (the check-in and
    /// "last answered" go by this).
    pub given_at: Option<u64>,
}

impl Answer {
    /// An answer removed at `now` (by a replace): no rating, no note.
    pub fn cleared(now: u64) -> Answer {
        Answer {
            rating: None,
            rated_at: now,
            note: String::new(),
            noted_at: now,
            given_at: None,
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

    /// When the person last gave it (its rating or note), for dates shown
    /// and check-ins: earlier than `changed_at` after an undo brought it
    /// back.
    pub fn given_at(&self) -> u64 {
        self.given_at.unwrap_or_else(|| self.changed_at())
    }

    /// The later rating and the later note of two copies. Equal times
    /// (two tabs in one millisecond) are settled by the values themselves,
    /// so every tab picks the same one and no two tabs write back and forth.
    pub(super) fn merged_with(&self, other: &Answer) -> Answer {
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
        // The date given goes with the side whose time is the latest kept.
        let latest = rated_at.max(noted_at);
        let given_at = if self.changed_at() == latest {
            self.given_at
        } else {
            other.given_at
        };
        Answer {
            rating,
            rated_at,
            note: note.clone(),
            noted_at,
            given_at,
        }
    }
}

/// Answers keyed by statement id, kept sorted by id: a sorted list is all
/// this needs, and it keeps a second copy of the standard B-tree code out of
/// the wasm (about 2 KB gzip).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers(pub(super) Vec<(String, Answer)>);

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

    /// Takes the answer for `id` out.
    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.find(id).ok().map(|at| self.0.remove(at).1)
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
    /// How many statements have a note.
    pub fn noted(&self) -> usize {
        self.values().filter(|a| !a.note.is_empty()).count()
    }

    /// Each answer, to change in place (ids stay as they are).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut Answer)> {
        self.0.iter_mut().map(|(id, answer)| (&*id, answer))
    }

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

    /// The answers with no time later than `now` (from a browser whose
    /// clock ran ahead): their own times otherwise.
    pub fn capped(&self, now: u64) -> Answers {
        Answers(
            self.0
                .iter()
                .map(|(id, a)| {
                    let mut answer = a.clone();
                    answer.rated_at = answer.rated_at.min(now);
                    answer.noted_at = answer.noted_at.min(now);
                    answer.given_at = answer.given_at.map(|at| at.min(now));
                    (id.clone(), answer)
                })
                .collect(),
        )
    }

    /// The answers brought back (an undo of a deletion) stamped at `now`,
    /// so they win over copies that saw the deletion, each keeping the date
    /// it was given: a rating or note that holds something. An empty one
    /// keeps its time, so it never wins over a note or rating given since.
    pub fn brought_back(&self, now: u64) -> Answers {
        Answers(
            self.0
                .iter()
                .map(|(id, a)| {
                    let mut answer = a.clone();
                    if !a.is_cleared() {
                        answer.given_at = Some(a.given_at());
                    }
                    if a.rating.is_some() {
                        answer.rated_at = now;
                    }
                    if !a.note.is_empty() {
                        answer.noted_at = now;
                    }
                    (id.clone(), answer)
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Resume {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<CheckMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
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
            plan: Vec::new(),
            beside: None,
            agenda: Agenda::default(),
        }
    }

    /// Keeps `beside` next to the answers, returning the view it replaces.
    pub fn set_beside(&mut self, mut beside: Beside, now: u64) -> Option<Beside> {
        beside.received_at = now.max(self.cleared_before.saturating_add(1));
        let before = self.beside.replace(beside);
        self.touch(now);
        before
    }

    /// Puts back the view an undo names (or none).
    pub fn restore_beside(&mut self, beside: Option<Beside>, now: u64) {
        self.beside = beside;
        self.touch(now);
    }

    /// The 1:1 notes as typed; nothing changes when they are the same.
    pub fn set_agenda_notes(&mut self, text: &str, now: u64) {
        let text = cut_agenda(text);
        if self.agenda.notes == text {
            return;
        }
        self.agenda = Agenda {
            notes: text,
            noted_at: now
                .max(self.agenda.noted_at.saturating_add(1))
                .max(self.cleared_before.saturating_add(1)),
        };
        self.touch(now);
    }

    /// Records a rating for a statement at time `now`.
    pub fn set_rating(&mut self, statement: &str, rating: Rating, now: u64) {
        let after = self.cleared_before.saturating_add(1);
        let answer = self.answers.entry(statement);
        answer.rating = Some(rating);
        // Later than what it replaces, and than a deletion this copy has
        // seen, even if this clock is behind: a merge never prefers the
        // older copy, and a deletion never takes an answer given after it.
        answer.rated_at = now.max(answer.rated_at.saturating_add(1)).max(after);
        answer.given_at = None;
        self.touch(now);
    }

    /// Records a note; notes longer than the limit are cut at the limit.
    pub fn set_note(&mut self, statement: &str, note: &str, now: u64) {
        let note = cut_note(note);
        let after = self.cleared_before.saturating_add(1);
        let answer = self.answers.entry(statement);
        if answer.note == note {
            return;
        }
        answer.note = note;
        answer.noted_at = now.max(answer.noted_at.saturating_add(1)).max(after);
        answer.given_at = None;
        self.touch(now);
    }

    /// A snapshot time after every existing one and not before `now`.
    fn next_snapshot_time(&self, now: u64) -> u64 {
        self.snapshots
            .last()
            .map_or(now, |last| now.max(last.taken_at.saturating_add(1)))
    }

    /// Keeps a dated copy of the current answers and plan, of `kind`, with
    /// a label saying why (empty for one the person saved). `at` dates it:
    /// now, or when the answers it keeps were given. Returns its time, and
    /// how many of the oldest snapshots were dropped to stay within the
    /// limit.
    pub fn take_snapshot(
        &mut self,
        at: u64,
        now: u64,
        kind: SnapshotKind,
        label: &str,
    ) -> (u64, usize) {
        let taken_at = self.free_snapshot_time(at.min(now));
        let snapshot = Snapshot {
            taken_at,
            label: safe_label(label),
            kind: Some(kind),
            answers: self.answers.without_cleared(),
            plan: self.plan.clone(),
        };
        self.insert_snapshot(snapshot);
        let trimmed = self.trim_snapshots();
        self.touch(now);
        (taken_at, trimmed)
    }

    /// The first time at or after `at` that no snapshot uses (a snapshot's
    /// time is its identity).
    fn free_snapshot_time(&self, mut at: u64) -> u64 {
        while self.snapshot(at).is_some() {
            at = at.saturating_add(1);
        }
        at
    }

    /// Puts a snapshot in time order.
    fn insert_snapshot(&mut self, snapshot: Snapshot) {
        let at = self
            .snapshots
            .iter()
            .position(|s| s.taken_at > snapshot.taken_at)
            .unwrap_or(self.snapshots.len());
        self.snapshots.insert(at, snapshot);
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

    /// The latest snapshot that marks a moment to compare with (a finished
    /// check, a check-in baseline, or one the person saved).
    pub fn last_baseline(&self) -> Option<&Snapshot> {
        self.snapshots.iter().rev().find(|s| s.is_baseline())
    }

    /// The document as it was at a snapshot, for comparing with now.
    pub fn as_of(&self, snapshot: &Snapshot) -> Document {
        Document {
            answers: snapshot.answers.clone(),
            plan: snapshot.plan.clone(),
            snapshots: Vec::new(),
            replaced: None,
            updated_at: snapshot.taken_at,
            ..self.clone()
        }
    }

    /// Replaces the answers with `answers` (an import, a share link, a
    /// snapshot being restored) and, when `plan` is given, the plan; first
    /// the current ones are kept as a labelled snapshot so that
    /// `undo_replace` can bring them back, also after a reload. `what`
    /// says what replaced them ("importing “x.json”"). Returns how many old
    /// snapshots were dropped to stay within the limit.
    pub fn replace_answers(
        &mut self,
        answers: &Answers,
        plan: Option<&[PlanItem]>,
        what: &str,
        now: u64,
    ) -> usize {
        let what = safe_label(what);
        let (kept, trimmed) =
            self.take_snapshot(now, now, SnapshotKind::Kept, &format!("Before {what}"));
        let at = now.max(self.cleared_before.saturating_add(1));
        self.answers.replace_with(answers, at);
        if let Some(plan) = plan {
            self.plan = super::plan::replaced_plan(&self.plan, plan, at);
        }
        self.replaced = Some(Replaced {
            at: now,
            what,
            kept,
        });
        self.touch(now);
        trimmed
    }

    /// Undoes the last replace: the answers and plan kept before it come
    /// back, and the ones it brought are kept as a snapshot in their place,
    /// so nothing is lost either way. False when there is nothing to undo.
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
            label: safe_label(&format!("Undone: {}", replaced.what)),
            kind: Some(SnapshotKind::Kept),
            answers: self.answers.without_cleared(),
            plan: self.plan.clone(),
        };
        let at = now.max(self.cleared_before.saturating_add(1));
        self.answers.replace_with(&kept.answers, at);
        self.plan = super::plan::replaced_plan(&self.plan, &kept.plan, at);
        self.snapshots.push(undone);
        self.touch(now);
        true
    }

    /// Adds snapshots from another copy of this person's history. A
    /// snapshot already here (same time, same answers) is skipped; one that
    /// shares its time with a different snapshot here moves to the next
    /// free time instead of being dropped. Returns how many of the oldest
    /// were then dropped to stay within the limit.
    pub fn add_snapshots(&mut self, snapshots: &[Snapshot], now: u64) -> usize {
        for snapshot in snapshots {
            let same = self.snapshot(snapshot.taken_at).is_some_and(|here| {
                here.answers.same_answers(&snapshot.answers) && here.label == snapshot.label
            });
            if same {
                continue;
            }
            let mut incoming = snapshot.clone();
            incoming.label = safe_label(&incoming.label);
            incoming.taken_at = self.free_snapshot_time(snapshot.taken_at);
            self.insert_snapshot(incoming);
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

    /// The latest time anything in this copy carries (answers, snapshots,
    /// plan, the last change, a deletion it has seen): a deletion must be
    /// later than all of it, so
    /// that it clears this copy even when the deleting tab's clock is behind.
    pub fn latest_time(&self) -> u64 {
        let answers =
            |answers: &Answers| answers.values().map(Answer::changed_at).max().unwrap_or(0);
        self.snapshots
            .iter()
            .map(|s| s.taken_at.max(answers(&s.answers)))
            .chain(self.plan.iter().map(|p| p.changed_at))
            .chain([self.cleared_before, self.updated_at, answers(&self.answers)])
            .fold(0, u64::max)
    }

    /// Keeps a snapshot of a check just finished (`Quick` or `Full`), dated
    /// when its answers were given, unless the latest baseline holds these
    /// answers already. True when it kept one.
    pub fn keep_finished(&mut self, kind: SnapshotKind, now: u64) -> bool {
        if self
            .last_baseline()
            .is_some_and(|b| b.answers.same_answers(&self.answers.without_cleared()))
        {
            return false;
        }
        let at = self.answered_at();
        self.take_snapshot(at, now, kind, "");
        true
    }

    /// Before the first change after `gap` milliseconds without one (a
    /// check-in after a while): keeps the answers as they stand as the
    /// baseline, dated when they were given, so the change never loses
    /// them as the point to compare with. True when it kept one.
    pub fn keep_baseline_before_change(&mut self, now: u64, gap: u64) -> bool {
        let at = self.answered_at();
        if at == 0 || now.saturating_sub(at) < gap {
            return false;
        }
        if self
            .last_baseline()
            .is_some_and(|b| b.answers.same_answers(&self.answers.without_cleared()))
        {
            return false;
        }
        self.take_snapshot(at, now, SnapshotKind::Baseline, "");
        true
    }

    /// When the latest rating or note was given (0 when none was).
    pub fn answered_at(&self) -> u64 {
        self.answers
            .values()
            .filter(|a| !a.is_cleared())
            .map(Answer::given_at)
            .max()
            .unwrap_or(0)
    }

    /// Whether two copies hold the same things for the person: answers,
    /// notes, plan, snapshots, whose check it is, the undo record and the
    /// resume point (revision and times aside).
    pub fn same_content(&self, other: &Document) -> bool {
        self.ladder == other.ladder
            && self.content_version == other.content_version
            && self.answers.same_answers(&other.answers)
            && self.resume == other.resume
            && self.subject == other.subject
            && self.rater == other.rater
            && self.replaced == other.replaced
            && self.cleared_before == other.cleared_before
            && self.plan == other.plan
            && self.beside == other.beside
            && self.agenda == other.agenda
            && self.snapshots.len() == other.snapshots.len()
            && self.snapshots.iter().zip(&other.snapshots).all(|(a, b)| {
                a.taken_at == b.taken_at
                    && a.label == b.label
                    && a.kind == b.kind
                    && a.plan == b.plan
                    && a.answers.same_answers(&b.answers)
            })
    }
}
