//! The document as JSON, read and written with serde_json. The same path
//! reads storage and imported files: decode, migrate from the schema it
//! was written with, validate. Text a person or another system made
//! (labels, names, plan text) is made safe as it is read, so a document
//! written by an older version with a stray control character still
//! loads. Writing validates first, and refuses rather than store what
//! could not be read back.

use super::model::{Answer, Answers, Document, Rater, Rating};
use super::read;
use super::validate::{truncate, SCHEMA};
use crate::core::fields::{parse_json, Number, Value};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt;

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
    /// The stored form. Use `checked_encode` for anything that is written.
    pub fn encode(&self) -> String {
        // Serializing these types cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stored form, or why it must not be written: a document that
    /// would not decode is never stored.
    pub fn checked_encode(&self) -> Result<String, String> {
        self.validate()?;
        let text = self.encode();
        if text.is_empty() {
            return Err("it could not be written as JSON".into());
        }
        Ok(text)
    }

    /// Decodes, migrates and validates stored or imported text.
    pub fn decode(text: &str) -> Result<Document, DecodeError> {
        Document::from_value(&parse_json(text).map_err(DecodeError::NotJson)?)
    }

    /// Reads, migrates and validates a document already parsed (one of the
    /// checks in a backup).
    pub fn from_value(value: &Value) -> Result<Document, DecodeError> {
        // A newer version's document may not fit this version's shape.
        let schema = match value.get("schema") {
            Some(Value::Number(Number::Whole(schema))) => *schema,
            _ => {
                return Err(DecodeError::Invalid(
                    "\"schema\" is missing or not a whole number".into(),
                ))
            }
        };
        match read::document(value) {
            Ok(mut document) => {
                if document.schema > SCHEMA {
                    let readable = document
                        .validate()
                        .is_ok()
                        .then(|| Box::new(document.clone()));
                    return Err(DecodeError::Newer {
                        schema: document.schema,
                        readable,
                    });
                }
                migrate(&mut document)?;
                document.validate().map_err(DecodeError::Invalid)?;
                Ok(document)
            }
            Err(_) if schema > SCHEMA => Err(DecodeError::Newer {
                schema,
                readable: None,
            }),
            Err(why) => Err(DecodeError::Invalid(why)),
        }
    }
}

/// Brings a document from an older schema to the current one. Each step
/// only fills in what the older schema did not have; none drops an answer.
fn migrate(document: &mut Document) -> Result<(), DecodeError> {
    match document.schema {
        0 => return Err(DecodeError::Invalid("schema 0 is not known".into())),
        // Schema 1 had no snapshots.
        1 => document.snapshots.clear(),
        // Schemas 3 and 4 only added optional fields.
        _ => {}
    }
    document.schema = SCHEMA;
    Ok(())
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

/// The rater: absent for the subject, `{"name": …}` for someone else.
pub mod rater_field {
    use super::*;

    #[derive(Serialize)]
    struct Named {
        name: String,
    }

    pub fn serialize<S: Serializer>(rater: &Rater, s: S) -> Result<S::Ok, S::Error> {
        match rater {
            Rater::Other { name } => Named { name: name.clone() }.serialize(s),
            Rater::Subject => s.serialize_none(),
        }
    }
}

/// A rating: a step value, `"unsure"` or `"not-my-role"`.
impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Rating::Step(value) => s.serialize_u8(*value),
            Rating::Unsure => s.serialize_str("unsure"),
            Rating::NotMyRole => s.serialize_str("not-my-role"),
        }
    }
}

/// An answer as stored: the note's time only when it differs from the
/// rating's.
#[derive(Serialize)]
struct AnswerOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: Option<Rating>,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    changed_at: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    note_changed_at: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given_at: Option<u64>,
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        AnswerOut {
            rating: self.rating,
            note: &self.note,
            changed_at: self.rated_at,
            note_changed_at: (self.noted_at != self.rated_at).then_some(self.noted_at),
            given_at: self.given_at,
        }
        .serialize(s)
    }
}

/// Answers as an object keyed by statement id, in id order.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (id, answer) in self {
            map.serialize_entry(id, answer)?;
        }
        map.end()
    }
}
