//! Reading a document from parsed JSON. The document's fields are
//! described once, by the serde types in `model` (how it is written); this
//! reads the same fields back from a `fields::Value` with plain functions
//! rather than serde's derived deserializers, which cost 11 to 12 KB gzip
//! of generated code in the widget (see docs/performance.md). The round-trip
//! property test (`tests/document.rs`) keeps the two in step: anything
//! written reads back equal.
//!
//! Text a person or another system made (labels, names, plan text) is
//! made safe as it is read. Unknown fields are ignored (a newer version's
//! additions), and `null` counts as absent.

use super::beside::{Agenda, Beside};
use super::model::{
    Answer, Answers, CheckMode, Document, Rater, Rating, Replaced, Resume, Snapshot, SnapshotKind,
};
use super::plan::{PlanItem, PlanStatus, MAX_STEP_LEN};
use super::validate::{is_id, plain_line, safe_label, safe_name, MAX_RATING};
use crate::core::fields::{type_name, Number, Value};

type Fields<'a> = &'a [(String, Value)];

/// The fields of an object, or what `place` holds instead.
fn object<'a>(value: &'a Value, place: &str) -> Result<Fields<'a>, String> {
    match value {
        Value::Object(fields) => Ok(fields),
        other => Err(format!(
            "{place}: {} where an object belongs",
            type_name(other)
        )),
    }
}

/// A field's value; `null` counts as absent, and a repeated name's last.
fn get<'a>(fields: Fields<'a>, key: &str) -> Option<&'a Value> {
    fields
        .iter()
        .rev()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value)
        .filter(|value| **value != Value::Null)
}

fn wrong(key: &str, expected: &str, found: &Value) -> String {
    format!(
        "field \"{key}\": {} where {expected} belongs",
        match found {
            Value::Number(Number::Negative) => "a negative number",
            Value::Number(Number::Fraction) => "a fraction",
            other => type_name(other),
        }
    )
}

fn number(fields: Fields, key: &str) -> Result<Option<u64>, String> {
    match get(fields, key) {
        None => Ok(None),
        Some(Value::Number(Number::Whole(n))) => Ok(Some(*n)),
        Some(other) => Err(wrong(key, "a whole number", other)),
    }
}

fn required(fields: Fields, key: &str) -> Result<u64, String> {
    number(fields, key)?.ok_or_else(|| format!("field \"{key}\" is missing"))
}

fn text(fields: Fields, key: &str) -> Result<String, String> {
    match get(fields, key) {
        None => Ok(String::new()),
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Err(wrong(key, "a string", other)),
    }
}

fn list<'a>(fields: Fields<'a>, key: &str) -> Result<&'a [Value], String> {
    match get(fields, key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(wrong(key, "a list", other)),
    }
}

/// Each item of a list field, read by `read`; a problem names the item.
fn items<T>(
    fields: Fields,
    key: &str,
    read: impl Fn(Fields) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    list(fields, key)?
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let place = format!("field \"{key}\", item {}", n + 1);
            read(object(item, &place)?).map_err(|why| format!("{place}: {why}"))
        })
        .collect()
}

/// A whole field read by `read`; a problem names the field.
fn inner<T>(
    fields: Fields,
    key: &str,
    read: impl Fn(Fields) -> Result<T, String>,
) -> Result<Option<T>, String> {
    match get(fields, key) {
        None => Ok(None),
        Some(value) => {
            let place = format!("field \"{key}\"");
            read(object(value, &place)?)
                .map(Some)
                .map_err(|why| format!("{place}: {why}"))
        }
    }
}

/// One of a few words.
fn word<T: Copy>(fields: Fields, key: &str, words: &[(&str, T)]) -> Result<Option<T>, String> {
    match get(fields, key) {
        None => Ok(None),
        Some(Value::String(w)) => words
            .iter()
            .find(|(name, _)| name == w)
            .map(|(_, value)| Some(*value))
            .ok_or_else(|| format!("field \"{key}\": \"{w}\" is not one of its words")),
        Some(other) => Err(wrong(key, "a word", other)),
    }
}

fn rater(fields: Fields) -> Result<Rater, String> {
    Ok(match inner(fields, "rater", |f| text(f, "name"))? {
        Some(name) => Rater::Other {
            name: safe_name(&name),
        },
        None => Rater::Subject,
    })
}

fn rating(value: Option<&Value>) -> Result<Option<Rating>, String> {
    match value {
        None => Ok(None),
        Some(Value::Number(Number::Whole(n))) if *n <= u64::from(MAX_RATING) => {
            Ok(Some(Rating::Step(*n as u8)))
        }
        Some(Value::String(w)) if w == "unsure" => Ok(Some(Rating::Unsure)),
        Some(Value::String(w)) if w == "not-my-role" => Ok(Some(Rating::NotMyRole)),
        Some(Value::Number(Number::Whole(n))) => Err(format!(
            "field \"rating\": {n} is not a step value from 0 to {MAX_RATING}"
        )),
        Some(_) => Err(format!(
            "field \"rating\": not a step value from 0 to {MAX_RATING}, \"unsure\" or \"not-my-role\""
        )),
    }
}

/// Answers keyed by statement id: the note's time only when it differs.
fn answers(fields: Fields, key: &str) -> Result<Answers, String> {
    let mut answers = Answers::default();
    let Some(value) = get(fields, key) else {
        return Ok(answers);
    };
    for (id, answer) in object(value, &format!("field \"{key}\""))? {
        let place = format!("field \"{key}\", answer \"{id}\"");
        let f = object(answer, &place)?;
        let read = || -> Result<Answer, String> {
            let rated_at = required(f, "changed_at")?;
            Ok(Answer {
                rating: rating(get(f, "rating"))?,
                rated_at,
                note: text(f, "note")?,
                noted_at: number(f, "note_changed_at")?.unwrap_or(rated_at),
                given_at: number(f, "given_at")?,
            })
        };
        answers.insert(id.clone(), read().map_err(|why| format!("{place}: {why}"))?);
    }
    Ok(answers)
}

/// `2027-01-31`: what a date field gives.
pub(super) fn is_date(text: &str) -> bool {
    text.len() == 10
        && text.bytes().enumerate().all(|(n, b)| {
            if n == 4 || n == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// A plan as read: items about something that is not a statement id are
/// left out, and of two items with one id the later change is kept, so a
/// document an earlier version wrote always reads (and validates).
fn plan(f: Fields) -> Result<Vec<PlanItem>, String> {
    let mut kept: Vec<PlanItem> = Vec::new();
    for item in items(f, "plan", plan_item)? {
        if !is_id(&item.statement) {
            continue;
        }
        match kept.iter_mut().find(|k| k.id == item.id) {
            Some(k) if item.changed_at > k.changed_at => *k = item,
            Some(_) => {}
            None => kept.push(item),
        }
    }
    Ok(kept)
}

fn plan_item(f: Fields) -> Result<PlanItem, String> {
    let line = |key| text(f, key).map(|t| plain_line(&t, MAX_STEP_LEN));
    Ok(PlanItem {
        id: required(f, "id")?,
        statement: text(f, "statement")?,
        step: line("step")?,
        // A due date is a date or nothing: anything else (a hand-made
        // file) is read as no date rather than refusing the document.
        due: Some(text(f, "due")?)
            .filter(|d| is_date(d))
            .unwrap_or_default(),
        helper: line("helper")?,
        status: word(
            f,
            "status",
            &[
                ("active", PlanStatus::Active),
                ("done", PlanStatus::Done),
                ("dropped", PlanStatus::Dropped),
                ("removed", PlanStatus::Removed),
            ],
        )?
        .unwrap_or_default(),
        outcome: line("outcome")?,
        origin: line("origin")?,
        changed_at: required(f, "changed_at")?,
    })
}

fn snapshot(f: Fields) -> Result<Snapshot, String> {
    Ok(Snapshot {
        taken_at: required(f, "taken_at")?,
        label: safe_label(&text(f, "label")?),
        kind: word(
            f,
            "kind",
            &[
                ("saved", SnapshotKind::Saved),
                ("quick", SnapshotKind::Quick),
                ("full", SnapshotKind::Full),
                ("baseline", SnapshotKind::Baseline),
                ("kept", SnapshotKind::Kept),
            ],
        )?,
        answers: answers(f, "answers")?,
        plan: plan(f)?,
    })
}

fn beside(f: Fields) -> Result<Beside, String> {
    Ok(Beside {
        received_at: required(f, "received_at")?,
        updated_at: number(f, "updated_at")?.unwrap_or(0),
        from: safe_label(&text(f, "from")?),
        subject: safe_name(&text(f, "subject")?),
        rater: rater(f)?,
        answers: answers(f, "answers")?,
        plan: plan(f)?,
    })
}

/// A document as it was written (any schema; `codec` migrates and checks).
pub(super) fn document(value: &Value) -> Result<Document, String> {
    let f = object(value, "the file")?;
    Ok(Document {
        schema: required(f, "schema")?,
        ladder: text(f, "ladder")?,
        content_version: text(f, "content_version")?,
        revision: required(f, "revision")?,
        updated_at: required(f, "updated_at")?,
        subject: safe_name(&text(f, "subject")?),
        rater: rater(f)?,
        answers: answers(f, "answers")?,
        resume: inner(f, "resume", |r| {
            Ok(Resume {
                mode: word(
                    r,
                    "mode",
                    &[("quick", CheckMode::Quick), ("full", CheckMode::Full)],
                )?,
                section: get(r, "section").map(|_| text(r, "section")).transpose()?,
            })
        })?
        .unwrap_or_default(),
        snapshots: items(f, "snapshots", snapshot)?,
        replaced: inner(f, "replaced", |r| {
            Ok(Replaced {
                at: required(r, "at")?,
                what: safe_label(&text(r, "what")?),
                kept: required(r, "kept")?,
            })
        })?,
        cleared_before: number(f, "cleared_before")?.unwrap_or(0),
        plan: plan(f)?,
        beside: inner(f, "beside", beside)?,
        agenda: inner(f, "agenda", |a| {
            Ok(Agenda {
                notes: text(a, "notes")?,
                noted_at: number(a, "noted_at")?.unwrap_or(0),
            })
        })?
        .unwrap_or_default(),
    })
}

/// Answers given on a prerendered check page before the app ran, as
/// assets/early.js keeps them: `{"ladder": <id>, "answers": {…}}`, the
/// answers in the stored format. `None` when the text is not that, or is
/// for another ladder.
pub fn early_answers(text: &str, ladder: &str) -> Option<Answers> {
    let value = crate::core::fields::parse_json(text).ok()?;
    let fields = object(&value, "").ok()?;
    match get(fields, "ladder") {
        Some(Value::String(id)) if id == ladder => answers(fields, "answers").ok(),
        _ => None,
    }
}
