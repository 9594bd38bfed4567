//! What a check keeps for a 1:1: the other view of the same person, as
//! received (a report's own self-check beside their manager's rating of
//! them, or a manager's view beside one's own self-check), and the notes
//! written while preparing and holding the conversation.
//!
//! The view beside is read-only: rating never writes it, and it is only
//! ever replaced whole, by a newer one from the same person (with undo).

use super::codec::rater_field;
use super::model::{Answers, Document, Rater};
use super::plan::PlanItem;
use super::validate::{note_length, safe_label, truncate};
use serde::Serialize;

/// Longest 1:1 notes, in UTF-16 code units (as the field's `maxlength`).
pub const MAX_AGENDA_LEN: usize = 4000;

/// The other view of the same person, kept beside a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Beside {
    /// When it was kept here (milliseconds): a newer one replaces it, and
    /// a merge keeps the later.
    pub received_at: u64,
    /// When its answers last changed where they were given.
    pub updated_at: u64,
    /// Where it came from: a file name, or "a shared link".
    pub from: String,
    /// Whom its answers are about.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub subject: String,
    /// Who gave them: the subject (their own self-check) or a rater.
    #[serde(skip_serializing_if = "Rater::is_subject", with = "rater_field")]
    pub rater: Rater,
    pub answers: Answers,
    /// Their plan as it came (a manager's file carries the actions agreed
    /// in the 1:1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanItem>,
}

impl Beside {
    /// The view a received document holds, kept at `now` from `from`.
    pub fn received(document: &Document, from: &str, now: u64) -> Beside {
        Beside {
            received_at: now,
            updated_at: document.updated_at.min(now),
            from: safe_label(from),
            subject: document.subject.clone(),
            rater: document.rater.clone(),
            answers: document.answers.without_cleared(),
            plan: document
                .plan
                .iter()
                .filter(|item| item.is_shown())
                .cloned()
                .collect(),
        }
    }

    /// Its answers as a document of `ladder`, to score and compare.
    pub fn as_document(&self, ladder: &str) -> Document {
        let mut document = Document::new(ladder, "");
        document.answers = self.answers.clone();
        document.subject = self.subject.clone();
        document.rater = self.rater.clone();
        document.updated_at = self.updated_at;
        document
    }

    /// Whether these are the subject's own answers (a self-check).
    pub fn is_self_check(&self) -> bool {
        self.rater.is_subject()
    }

    /// Sizes, ids and notes within the document's limits.
    pub(super) fn validate(&self) -> Result<(), String> {
        for (id, answer) in &self.answers {
            if !super::validate::is_id(id) {
                return Err(format!(
                    "statement id \"{}\" of the view beside is not valid",
                    truncate(id, 40)
                ));
            }
            if note_length(&answer.note) > super::validate::MAX_NOTE_LEN {
                return Err(format!("a note of the view beside (\"{id}\") is too long"));
            }
        }
        if self.answers.len() > super::validate::MAX_ANSWERS
            || self.plan.len() > super::plan::MAX_PLAN_ITEMS
        {
            return Err("the view beside holds too many answers or plan items".into());
        }
        Ok(())
    }
}

/// The 1:1 notes of a check: free text, with the time it last changed, so
/// two tabs keep the later, like a statement's note.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Agenda {
    pub notes: String,
    pub noted_at: u64,
}

impl Agenda {
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.noted_at == 0
    }

    /// The later of two copies; equal times settle on the text.
    pub(super) fn later(&self, other: &Agenda) -> Agenda {
        if (other.noted_at, &other.notes) > (self.noted_at, &self.notes) {
            other.clone()
        } else {
            self.clone()
        }
    }
}

/// 1:1 notes cut to `MAX_AGENDA_LEN` UTF-16 units, never inside a character.
pub fn cut_agenda(text: &str) -> String {
    let mut used = 0;
    text.chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= MAX_AGENDA_LEN
        })
        .collect()
}
