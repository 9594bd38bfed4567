//! The plan: the one to three statements a person chose to work on, each
//! with a next step, maybe a date and who could help, and what happened
//! once it is done. Items merge one by one across tabs (the later change
//! wins), like answers; an item is never deleted, only marked, so a copy
//! still open elsewhere cannot bring it back.

use serde::Serialize;

/// Most items a plan is working on at once.
pub const MAX_FOCUS: usize = 3;
/// Most items kept in all, done and dropped included; the oldest finished
/// ones go first.
pub const MAX_PLAN_ITEMS: usize = 60;
/// Longest next step, outcome or helper, in characters.
pub const MAX_STEP_LEN: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    /// Its identity: when it was added (milliseconds), unique in the plan.
    pub id: u64,
    /// The statement it is about.
    pub statement: String,
    /// The next step, in the person's words or one of the statement's ideas.
    pub step: String,
    /// By when, as a date (`2027-01-31`), or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// Who could help, or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub helper: String,
    pub status: PlanStatus,
    /// What happened, once done: evidence for the next check.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub outcome: String,
    /// Where it came from, e.g. "Agreed in the 1:1 of 2026-12-02", or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub origin: String,
    /// When anything in it last changed: the later copy wins a merge.
    pub changed_at: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    /// Being worked on: one of the focus items.
    #[default]
    Active,
    Done,
    Dropped,
    /// Taken away by a replace (or its undo): kept only so that older
    /// copies elsewhere do not bring it back.
    Removed,
}

impl PlanItem {
    pub fn is_active(&self) -> bool {
        self.status == PlanStatus::Active
    }

    /// Still being worked on, and its date (`2027-01-31`) is before
    /// `today` (the same form, in the person's time zone).
    pub fn overdue(&self, today: &str) -> bool {
        self.is_active() && !self.due.is_empty() && self.due.as_str() < today
    }

    /// Shown in the plan (active, done or dropped).
    pub fn is_shown(&self) -> bool {
        self.status != PlanStatus::Removed
    }

    /// The later of two copies of one item; equal times settle on the
    /// values, so every tab picks the same.
    fn later<'a>(&'a self, other: &'a PlanItem) -> &'a PlanItem {
        let key = |item: &PlanItem| {
            (
                item.changed_at,
                item.status as u8,
                item.step.clone(),
                item.outcome.clone(),
                item.due.clone(),
                item.helper.clone(),
            )
        };
        if key(other) > key(self) {
            other
        } else {
            self
        }
    }
}

/// Both copies' items, each id once, the later copy of each; ordered by id.
pub fn merge_plans(mine: &[PlanItem], stored: &[PlanItem]) -> Vec<PlanItem> {
    let mut merged: Vec<PlanItem> = Vec::with_capacity(mine.len().max(stored.len()));
    for item in mine.iter().chain(stored) {
        match merged.iter_mut().find(|m| m.id == item.id) {
            Some(existing) => {
                let later = existing.later(item).clone();
                *existing = later;
            }
            None => merged.push(item.clone()),
        }
    }
    sort_plan(&mut merged);
    trim_plan(&mut merged);
    merged
}

/// Id order; an insertion sort (a few items, and no std sort in the wasm).
pub(super) fn sort_plan(items: &mut [PlanItem]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j].id < items[j - 1].id {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Keeps at most `MAX_PLAN_ITEMS`, dropping the oldest items that are no
/// longer being worked on.
pub fn trim_plan(items: &mut Vec<PlanItem>) {
    while items.len() > MAX_PLAN_ITEMS {
        match items.iter().position(|item| !item.is_active()) {
            Some(at) => {
                items.remove(at);
            }
            None => break,
        }
    }
}

/// The plan after a replace brought `incoming`: its items, stamped after
/// every change they replace (so they win merges), and the current items
/// it lacks marked removed at the same time.
pub fn replaced_plan(current: &[PlanItem], incoming: &[PlanItem], now: u64) -> Vec<PlanItem> {
    let at = current
        .iter()
        .map(|item| item.changed_at.saturating_add(1))
        .fold(now, u64::max);
    let mut next: Vec<PlanItem> = incoming
        .iter()
        .filter(|item| item.is_shown())
        .map(|item| PlanItem {
            changed_at: at,
            ..item.clone()
        })
        .collect();
    for item in current {
        if !next.iter().any(|n| n.id == item.id) {
            next.push(PlanItem {
                status: PlanStatus::Removed,
                changed_at: at,
                ..item.clone()
            });
        }
    }
    sort_plan(&mut next);
    trim_plan(&mut next);
    next
}

use super::model::Document;
use super::validate::plain_line;

/// Why a focus could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusRefused {
    /// Already `MAX_FOCUS` items are being worked on.
    Full,
    /// This statement is a focus already.
    Already,
    /// No next step was given.
    NoStep,
}

impl Document {
    /// The items being worked on, oldest first.
    pub fn focus_items(&self) -> impl Iterator<Item = &PlanItem> {
        self.plan.iter().filter(|item| item.is_active())
    }

    /// Makes `statement` a focus with its next step, maybe a date and who
    /// could help. Returns its id.
    pub fn add_focus(
        &mut self,
        statement: &str,
        step: &str,
        due: &str,
        helper: &str,
        origin: &str,
        now: u64,
    ) -> Result<u64, FocusRefused> {
        let step = plain_line(step, MAX_STEP_LEN);
        if step.is_empty() {
            return Err(FocusRefused::NoStep);
        }
        if self.focus_items().any(|item| item.statement == statement) {
            return Err(FocusRefused::Already);
        }
        if self.focus_items().count() >= MAX_FOCUS {
            return Err(FocusRefused::Full);
        }
        let mut id = now;
        while self.plan.iter().any(|item| item.id == id) {
            id += 1;
        }
        let at = now.max(self.cleared_before.saturating_add(1));
        self.plan.push(PlanItem {
            id,
            statement: statement.to_string(),
            step,
            due: date_or_empty(due),
            helper: plain_line(helper, MAX_STEP_LEN),
            status: PlanStatus::Active,
            outcome: String::new(),
            origin: plain_line(origin, MAX_STEP_LEN),
            changed_at: at,
        });
        sort_plan(&mut self.plan);
        trim_plan(&mut self.plan);
        self.touch(now);
        Ok(id)
    }

    /// Changes one item (marks it done with what happened, drops it, or
    /// puts back how it was); returns how it was before.
    pub fn change_focus(
        &mut self,
        id: u64,
        change: impl FnOnce(&mut PlanItem),
        now: u64,
    ) -> Option<PlanItem> {
        let after = self.cleared_before.saturating_add(1);
        let item = self.plan.iter_mut().find(|item| item.id == id)?;
        let before = item.clone();
        change(item);
        for text in [&mut item.outcome, &mut item.step, &mut item.helper] {
            *text = plain_line(text, MAX_STEP_LEN);
        }
        // Later than the copy it changes, whatever this clock says.
        item.changed_at = now.max(before.changed_at.saturating_add(1)).max(after);
        self.touch(now);
        Some(before)
    }
}

/// A date as `2027-01-31`, or nothing: what a date field gives, checked.
pub fn date_or_empty(text: &str) -> String {
    let text = text.trim();
    let ok = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if ok {
        text.to_string()
    } else {
        String::new()
    }
}
