//! The persisted document: everything saved for one ladder and one instance.
//!
//! Stored text is decoded, then migrated from its schema version to the
//! current one, then validated. The same path reads storage and (later)
//! imported files, so a bad value is caught in one place.

use super::json::{self, number_text, type_name, FieldError, Obj, Value};
use serde::ser::Serializer;
use serde::Serialize;
use std::fmt;

/// The schema version this app writes. Bump it only with a migration in
/// `migrate` and a fixture under `tests/fixtures/`.
/// 1: answers and resume point. 2: adds snapshots.
pub const SCHEMA: u64 = 2;
/// Most snapshots kept in one document; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 50;
/// Longest note, in characters. The note field shows a counter against it.
pub const MAX_NOTE_LEN: usize = 2000;
/// More answers than any sane ladder has; guards against absurd files.
pub const MAX_ANSWERS: usize = 100_000;
const MAX_ID_LEN: usize = 64;
const MAX_RATING: u8 = 100;

// Written with serde; read by hand from a `Value` (see `from_value`), which
// names the field at fault and keeps serde's deserializer code out of the wasm.
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
    pub answers: Answers,
    pub resume: Resume,
    /// Dated copies of the answers, oldest first (schema 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
}

/// A dated copy of the answers, kept to see progress later.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    /// Milliseconds since the Unix epoch; also the snapshot's id.
    pub taken_at: u64,
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Answer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Milliseconds since the Unix epoch; the later change wins a merge.
    pub changed_at: u64,
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

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// A chosen answer: a step value of the scale, or "not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Step(u8),
    Unsure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckMode {
    Quick,
    Full,
}

/// Where to pick up again.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Resume {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<CheckMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Rating::Step(value) => serializer.serialize_u8(*value),
            Rating::Unsure => serializer.serialize_str("unsure"),
        }
    }
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

impl Document {
    pub fn new(ladder: &str, content_version: &str) -> Document {
        Document {
            schema: SCHEMA,
            ladder: ladder.to_string(),
            content_version: content_version.to_string(),
            revision: 0,
            updated_at: 0,
            answers: Answers::default(),
            resume: Resume::default(),
            snapshots: Vec::new(),
        }
    }

    pub fn encode(&self) -> String {
        // Serializing plain structs with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
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
        Ok(Document {
            schema: root.whole_number("schema")?,
            ladder: root.raw_text("ladder")?.unwrap_or_default().to_string(),
            content_version: root
                .raw_text("content_version")?
                .unwrap_or_default()
                .to_string(),
            revision: root.whole_number("revision")?,
            updated_at: root.whole_number("updated_at")?,
            answers,
            resume,
            snapshots,
        })
    }

    /// Checks the values serde cannot: sizes and id shapes.
    pub fn validate(&self) -> Result<(), String> {
        if !is_id(&self.ladder) {
            return Err(format!("ladder id \"{}\" is not valid", self.ladder));
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
            let length = answer.note.chars().count();
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
        answer.changed_at = now;
        self.touch(now);
    }

    /// Records a note; notes longer than the limit are cut at the limit.
    pub fn set_note(&mut self, statement: &str, note: &str, now: u64) {
        let note: String = note.chars().take(MAX_NOTE_LEN).collect();
        let answer = self.answers.entry(statement);
        if answer.note == note {
            return;
        }
        answer.note = note;
        answer.changed_at = now;
        self.touch(now);
    }

    /// Keeps a dated copy of the current answers (the oldest goes when
    /// there are more than `MAX_SNAPSHOTS`).
    pub fn take_snapshot(&mut self, now: u64) {
        let taken_at = self
            .snapshots
            .last()
            .map_or(now, |last| now.max(last.taken_at + 1));
        self.snapshots.push(Snapshot {
            taken_at,
            answers: self.answers.clone(),
        });
        if self.snapshots.len() > MAX_SNAPSHOTS {
            self.snapshots.remove(0);
        }
        self.touch(now);
    }

    pub fn snapshot(&self, taken_at: u64) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.taken_at == taken_at)
    }

    /// The document as it was at a snapshot, for comparing with now.
    pub fn as_of(&self, snapshot: &Snapshot) -> Document {
        Document {
            answers: snapshot.answers.clone(),
            snapshots: Vec::new(),
            updated_at: snapshot.taken_at,
            ..self.clone()
        }
    }

    pub fn touch(&mut self, now: u64) {
        self.revision += 1;
        self.updated_at = self.updated_at.max(now);
    }

    pub fn rating(&self, statement: &str) -> Option<Rating> {
        self.answers.get(statement).and_then(|answer| answer.rating)
    }

    /// Combines two versions of one document (two tabs, say). Each answer
    /// keeps its later change, so neither side's answers are lost. Returns
    /// the merged document; its revision is past both.
    pub fn merge(&self, other: &Document) -> Document {
        let mut merged = self.clone();
        for (id, theirs) in &other.answers {
            match merged.answers.get(id) {
                Some(ours) if ours.changed_at >= theirs.changed_at => {}
                _ => {
                    merged.answers.insert(id.clone(), theirs.clone());
                }
            }
        }
        // Snapshots are kept from both sides, in time order.
        for snapshot in &other.snapshots {
            if merged.snapshot(snapshot.taken_at).is_none() {
                let at = merged
                    .snapshots
                    .iter()
                    .position(|s| s.taken_at > snapshot.taken_at)
                    .unwrap_or(merged.snapshots.len());
                merged.snapshots.insert(at, snapshot.clone());
            }
        }
        if other.updated_at > self.updated_at {
            merged.resume = other.resume.clone();
            merged.content_version = other.content_version.clone();
        }
        merged.updated_at = self.updated_at.max(other.updated_at);
        merged.revision = self.revision.max(other.revision) + 1;
        merged
    }

    /// True when merging `other` into this document would change no answer
    /// and add no snapshot.
    pub fn has_all_answers_of(&self, other: &Document) -> bool {
        other.answers.iter().all(|(id, theirs)| {
            self.answers
                .get(id)
                .is_some_and(|ours| ours.changed_at >= theirs.changed_at)
        }) && other
            .snapshots
            .iter()
            .all(|s| self.snapshot(s.taken_at).is_some())
    }
}

fn read_answers(parent: &Obj) -> Result<Answers, FieldError> {
    let mut answers = Answers::default();
    if parent.get("answers").is_none() {
        return Ok(answers);
    }
    for (id, item) in parent.object("answers")?.entries() {
        let answer = Obj::new(item, format!("answer \"{}\"", truncate(id, 40)))?;
        answers.insert(
            id.clone(),
            Answer {
                rating: read_rating(&answer)?,
                note: answer.raw_text("note")?.unwrap_or_default().to_string(),
                changed_at: answer.whole_number("changed_at")?,
            },
        );
    }
    Ok(answers)
}

fn read_rating(answer: &Obj) -> Result<Option<Rating>, FieldError> {
    match answer.get("rating") {
        None => Ok(None),
        Some(Value::String(word)) if word == "unsure" => Ok(Some(Rating::Unsure)),
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
                "must be a step value or \"unsure\", found {}",
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
            fields.retain(|(name, _)| name != "schema" && name != "snapshots");
            fields.push((
                "schema".to_string(),
                json::Value::Number(json::Number::from(2)),
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
