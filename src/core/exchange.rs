//! What leaves the browser. A file carries what the person chose from
//! their check, and says what it holds before it goes and when it is
//! opened; nothing private to the sender (their notes, 1:1 notes,
//! history, the other person's own view) goes unless they ticked it.
//! A backup carries every check kept in this browser, and says so.

use super::content::Ladder;
use super::document::plan::PlanItem;
use super::document::{Answers, Document, Rater};
use super::markdown::plural;
use super::sync::carry_over;

/// Which of a check's plan goes with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPart {
    None,
    /// The actions agreed in a 1:1 (plan items with an origin).
    Agreed,
    /// Every focus item, done and dropped ones included.
    All,
}

/// The parts of a check a file can carry, as the person chose them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contents {
    /// The answers given (each statement's rating).
    pub ratings: bool,
    /// The notes written as evidence beside the answers (here and in the
    /// history, if that goes too).
    pub notes: bool,
    pub plan: PlanPart,
    /// Snapshots: finished checks, check-in baselines, copies kept by a
    /// replace.
    pub history: bool,
    /// The 1:1 notes.
    pub agenda: bool,
    /// The other person's own view kept beside this check.
    pub beside: bool,
}

impl Contents {
    /// Everything the check holds: a copy to keep, or one's own answers
    /// for another browser.
    pub const ALL: Contents = Contents {
        ratings: true,
        notes: true,
        plan: PlanPart::All,
        history: true,
        agenda: true,
        beside: true,
    };

    /// A manager's way back to the person a check is about: the actions
    /// agreed in the 1:1, and nothing else until more is ticked.
    pub const TO_SUBJECT: Contents = Contents {
        ratings: false,
        notes: false,
        plan: PlanPart::Agreed,
        history: false,
        agenda: false,
        beside: false,
    };

    /// Whether the file would carry anything at all.
    pub fn is_empty_for(&self, document: &Document) -> bool {
        let sent = outgoing(document, *self);
        sent.answers.given() == 0
            && sent.plan.is_empty()
            && sent.snapshots.is_empty()
            && sent.agenda.is_empty()
            && sent.beside.is_none()
    }
}

fn plan_items(plan: &[PlanItem], part: PlanPart) -> Vec<PlanItem> {
    plan.iter()
        .filter(|item| match part {
            PlanPart::None => false,
            PlanPart::Agreed => item.is_shown() && !item.origin.is_empty(),
            PlanPart::All => item.is_shown(),
        })
        .cloned()
        .collect()
}

/// Answers with only the chosen parts; entries left empty go.
fn answers(answers: &Answers, contents: Contents) -> Answers {
    let mut kept = answers.without_cleared();
    for (_, answer) in kept.iter_mut() {
        if !contents.ratings {
            answer.rating = None;
        }
        if !contents.notes {
            answer.note = String::new();
            answer.noted_at = answer.rated_at;
        }
    }
    kept.without_cleared()
}

/// The document a file carries: only what `contents` names. The undo
/// record and deletion marks of this browser never go; an erased note is
/// in no part of it, since only the history keeps earlier notes and the
/// history goes only when chosen (and without notes unless chosen).
pub fn outgoing(document: &Document, contents: Contents) -> Document {
    let mut sent = document.clone();
    sent.replaced = None;
    sent.cleared_before = 0;
    sent.answers = answers(&document.answers, contents);
    sent.plan = plan_items(&document.plan, contents.plan);
    sent.snapshots = if contents.history {
        document
            .snapshots
            .iter()
            .map(|snapshot| {
                let mut kept = snapshot.clone();
                kept.answers = answers(&snapshot.answers, contents);
                kept.plan = plan_items(&snapshot.plan, contents.plan);
                kept
            })
            .collect()
    } else {
        Vec::new()
    };
    if !contents.agenda {
        sent.agenda = Default::default();
    }
    if !contents.beside {
        sent.beside = None;
    }
    sent
}

/// The name a view goes by in a sentence: "Sam's own self-check", "Alex's
/// view of Sam".
fn view_name(subject: &str, rater: &Rater) -> String {
    let subject = if subject.is_empty() {
        "the person"
    } else {
        subject
    };
    match rater {
        Rater::Subject => format!("{subject}\u{2019}s own self-check"),
        Rater::Other { name } if !name.is_empty() => format!("{name}\u{2019}s view of {subject}"),
        Rater::Other { .. } => format!("someone\u{2019}s view of {subject}"),
    }
}

/// What a document holds, each part in a few words, for the line said
/// before a file goes and when one is opened: "13 ratings", "4 notes",
/// "2 agreed actions", "1 snapshot", "the 1:1 notes", "Sam's own
/// self-check (13 answers, 2 notes)". Empty when it holds nothing.
pub fn parts(document: &Document) -> Vec<String> {
    let mut parts = Vec::new();
    let rated = document.answers.rated();
    if rated > 0 {
        parts.push(plural(rated, "rating", "ratings"));
    }
    let notes = document.answers.noted();
    if notes > 0 {
        parts.push(plural(notes, "note", "notes"));
    }
    let agreed = document
        .plan
        .iter()
        .filter(|i| !i.origin.is_empty())
        .count();
    let own = document.plan.len() - agreed;
    if agreed > 0 {
        parts.push(plural(agreed, "agreed action", "agreed actions"));
    }
    if own > 0 {
        parts.push(plural(own, "focus item", "focus items"));
    }
    if !document.snapshots.is_empty() {
        let with_notes = document.snapshots.iter().any(|s| s.answers.noted() > 0);
        parts.push(format!(
            "{}{}",
            plural(
                document.snapshots.len(),
                "snapshot of earlier answers",
                "snapshots of earlier answers"
            ),
            if with_notes { " with their notes" } else { "" }
        ));
    }
    if !document.agenda.notes.is_empty() {
        parts.push("the 1:1 notes".into());
    }
    if let Some(beside) = &document.beside {
        parts.push(format!(
            "{} ({}, {})",
            view_name(&beside.subject, &beside.rater),
            plural(beside.answers.rated(), "answer", "answers"),
            plural(beside.answers.noted(), "note", "notes")
        ));
    }
    parts
}

/// "13 ratings, 4 notes and the 1:1 notes", or "nothing".
pub fn holds(document: &Document) -> String {
    let parts = parts(document);
    match parts.len() {
        0 => "nothing".into(),
        1 => parts[0].clone(),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    }
}

/// A backup: every check kept in this browser for one ladder, in one file
/// (`{"backup": 1, "ladder": …, "made_at": …, "checks": [own, others…]}`).
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub ladder: String,
    pub made_at: u64,
    /// The person's own self-check, first in the file.
    pub own: Document,
    /// The checks about other people (not the deleted ones).
    pub others: Vec<Document>,
}

/// The version of the backup format this app writes.
pub const BACKUP: u64 = 1;

impl Backup {
    pub fn encode(&self) -> String {
        let mut text = format!(
            "{{\"backup\":{BACKUP},\"ladder\":{},\"made_at\":{},\"checks\":[",
            serde_json::to_string(&self.ladder).unwrap_or_default(),
            self.made_at
        );
        for (i, document) in std::iter::once(&self.own)
            .chain(self.others.iter())
            .enumerate()
        {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&outgoing(document, Contents::ALL).encode());
        }
        text.push_str("]}");
        text
    }

    /// What the backup holds, in one sentence.
    pub fn describe(&self) -> String {
        let names: Vec<String> = self
            .others
            .iter()
            .map(|d| {
                if d.subject.is_empty() {
                    "someone unnamed".to_string()
                } else {
                    d.subject.clone()
                }
            })
            .collect();
        let others = match names.len() {
            0 => "no checks about other people".to_string(),
            1 => format!("the check about {}", names[0]),
            n => format!(
                "{} checks about other people ({} and {})",
                n,
                names[..n - 1].join(", "),
                names[n - 1]
            ),
        };
        format!(
            "A backup of every check kept in this browser: your self-check ({}) and {others}, each with its notes, plan, history and 1:1 notes.",
            holds(&self.own)
        )
    }
}

/// What an imported file holds: one check, or a backup of many.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Check(Document),
    Backup(Backup),
}

/// Reads an imported file for `ladder`: a backup (every check of another
/// browser) or one check, with the same decoder as storage, and says in
/// plain words why a file cannot be used. Answers to statements the ladder
/// has since replaced move to their successors, as they do in storage.
pub fn read_incoming(ladder: &Ladder, text: &str) -> Result<Incoming, String> {
    let mut incoming = read_file(&ladder.id, &ladder.title, text)?;
    match &mut incoming {
        Incoming::Check(document) => {
            carry_over(ladder, document);
        }
        Incoming::Backup(backup) => {
            carry_over(ladder, &mut backup.own);
            for other in &mut backup.others {
                carry_over(ladder, other);
            }
        }
    }
    Ok(incoming)
}

fn read_file(ladder_id: &str, ladder_title: &str, text: &str) -> Result<Incoming, String> {
    use super::document::{read_export, DecodeError};
    use super::fields::{parse_json, Number, Value};
    let value = match parse_json(text) {
        Ok(value) if value.get("backup").is_some() => value,
        // Not a backup (or not JSON): read as one check, which names the problem.
        _ => return read_export(ladder_id, ladder_title, text).map(Incoming::Check),
    };
    match value.get("backup") {
        Some(Value::Number(Number::Whole(version))) if *version <= BACKUP => {}
        Some(Value::Number(Number::Whole(version))) => {
            return Err(format!(
                "This backup was made by a newer version of this self-check (backup version {version}). Open it there, or ask for this widget to be updated."
            ))
        }
        _ => return Err("This file is not a valid backup: \"backup\" is not a version number.".into()),
    }
    match value.get("ladder") {
        Some(Value::String(id)) if id == ladder_id => {}
        Some(Value::String(id)) => {
            return Err(format!(
                "This backup holds answers for another ladder (\u{201c}{}\u{201d}), not {ladder_title}.",
                id.chars().take(40).collect::<String>()
            ))
        }
        _ => return Err("This file is not a valid backup: it names no ladder.".into()),
    }
    let made_at = match value.get("made_at") {
        Some(Value::Number(Number::Whole(at))) => *at,
        _ => 0,
    };
    let Some(Value::Array(checks)) = value.get("checks") else {
        return Err("This file is not a valid backup: it holds no list of checks.".into());
    };
    let mut documents = Vec::new();
    for (i, check) in checks.iter().enumerate() {
        match Document::from_value(check) {
            Ok(document) if document.ladder == ladder_id => documents.push(document),
            Ok(_) => return Err(format!("Check {} of this backup belongs to another ladder.", i + 1)),
            Err(DecodeError::Newer { schema, .. }) => {
                return Err(format!(
                    "Check {} of this backup was saved by a newer version of this self-check (data version {schema}).",
                    i + 1
                ))
            }
            Err(why) => return Err(format!("Check {} of this backup cannot be read: {why}.", i + 1)),
        }
    }
    let mut documents = documents.into_iter();
    let Some(own) = documents.next() else {
        return Err("This backup holds no check.".into());
    };
    Ok(Incoming::Backup(Backup {
        ladder: ladder_id.to_string(),
        made_at,
        own,
        others: documents.collect(),
    }))
}
