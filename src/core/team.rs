//! A manager's team at a glance: one row per person whose check is kept in
//! this browser, with what the 1:1 loop needs (their self-check beside it,
//! the last change and the last 1:1, open agreed actions, the largest gap
//! between the two views) and the next step for that person. Pure: it reads
//! the checks the engine listed, and decides nothing about storage.

use super::compare::compare;
use super::content::Ladder;
use super::document::plan::PlanStatus;
use super::document::Document;
use super::keys::CheckRef;
use super::markdown::{escape, plural};
use super::route::{Compared, Route};
use super::scoring::one_decimal;
use super::state::CheckInfo;
use super::time::local_date;
use std::fmt::Write;

/// The largest gap between the two views of a person, in scale steps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    pub section: usize,
    /// The other view's section average minus this check's: positive when
    /// their self-check rates higher than the view kept here.
    pub steps: f64,
}

/// What to do next for one person, in the order the 1:1 loop needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// The check cannot be read: open it to download or delete its text.
    Open,
    /// Neither view has answers yet: rate what you see.
    Rate,
    /// No self-check kept beside it: ask them for their file.
    AskForSelfCheck,
    /// Their self-check is here, but this view has no answers yet.
    RateBeforeOneOnOne,
    /// Agreed actions past their date.
    FollowUp(usize),
    /// Both views are here: the agenda is ready.
    Prepare,
}

impl Next {
    pub fn words(self) -> String {
        match self {
            Next::Open => "Open the check: it cannot be read".into(),
            Next::Rate => "Rate what you see".into(),
            Next::AskForSelfCheck => "Ask for their self-check file".into(),
            Next::RateBeforeOneOnOne => "Rate too, before the 1:1".into(),
            Next::FollowUp(n) => format!(
                "Follow up on {} past {} date",
                plural(n, "agreed action", "agreed actions"),
                if n == 1 { "its" } else { "their" }
            ),
            Next::Prepare => "Prepare the next 1:1".into(),
        }
    }

    /// Where the step is done, in that person's check.
    pub fn route(self) -> Route {
        match self {
            Next::Open | Next::FollowUp(_) => Route::Start,
            Next::Rate | Next::RateBeforeOneOnOne => Route::Quick { section: None },
            Next::AskForSelfCheck => Route::Data,
            Next::Prepare => Route::Compare {
                with: Compared::Beside,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub check: CheckRef,
    /// "Jo Chen", or "Jo Chen (self-check)".
    pub label: String,
    /// When the self-check beside this check last changed, if one is kept.
    pub self_check: Option<u64>,
    pub answered: usize,
    pub updated_at: u64,
    /// The last day actions were agreed in a 1:1 (the agenda adds them).
    pub last_one_on_one: Option<u64>,
    /// Agreed actions not done yet, and how many of them are past their date.
    pub open_actions: usize,
    pub overdue: usize,
    pub largest_gap: Option<Gap>,
    pub next: Next,
}

/// The orders the team table offers. Each sorts the way the question it
/// answers needs: who needs attention first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    /// Least recently changed first.
    LastChange,
    /// Longest since a 1:1 first (never first of all).
    LastOneOnOne,
    /// Most overdue actions first, then most open.
    Actions,
    /// Largest gap first.
    Gap,
}

/// One row per check about someone, in the order the checks are listed.
pub fn team(ladder: &Ladder, checks: &[CheckInfo], today: &str) -> Vec<Member> {
    checks
        .iter()
        .map(|info| {
            let check = CheckRef::Other(info.id.clone());
            let label = if info.name.is_empty() {
                "A check that cannot be read".to_string()
            } else {
                info.label()
            };
            match &info.document {
                Some(document) => member(ladder, check, label, document, today),
                None => Member {
                    check,
                    label,
                    self_check: None,
                    answered: 0,
                    updated_at: 0,
                    last_one_on_one: None,
                    open_actions: 0,
                    overdue: 0,
                    largest_gap: None,
                    next: Next::Open,
                },
            }
        })
        .collect()
}

fn member(
    ladder: &Ladder,
    check: CheckRef,
    label: String,
    document: &Document,
    today: &str,
) -> Member {
    let beside = document.beside.as_ref();
    let agreed = || {
        document
            .plan
            .iter()
            .filter(|item| !item.origin.is_empty() && item.is_shown())
    };
    let last_one_on_one = agreed().map(|item| item.id).max();
    let open_actions = agreed()
        .filter(|item| item.status == PlanStatus::Active)
        .count();
    let overdue = agreed().filter(|item| item.overdue(today)).count();
    let largest_gap = beside.and_then(|beside| {
        let other = beside.as_document(&ladder.id);
        let steps = ladder.scale.steps.len().max(2) as f64 - 1.0;
        compare(ladder, document, &other)
            .sections
            .iter()
            .filter_map(|pair| {
                let (mine, theirs) = (pair.left?, pair.right?);
                Some(Gap {
                    section: pair.section,
                    steps: (theirs - mine) * steps,
                })
            })
            // The first of equal gaps: ladder order.
            .fold(None, |best: Option<Gap>, gap| match best {
                Some(b) if b.steps.abs() >= gap.steps.abs() - 1e-9 => Some(b),
                _ => Some(gap),
            })
    });
    let answered = document.answers.rated();
    let next = match (answered > 0, beside.is_some_and(|b| b.answers.rated() > 0)) {
        _ if overdue > 0 => Next::FollowUp(overdue),
        (false, false) => Next::Rate,
        (true, false) => Next::AskForSelfCheck,
        (false, true) => Next::RateBeforeOneOnOne,
        (true, true) => Next::Prepare,
    };
    Member {
        check,
        label,
        self_check: beside.map(|b| b.updated_at),
        answered,
        updated_at: document.updated_at,
        last_one_on_one,
        open_actions,
        overdue,
        largest_gap,
        next,
    }
}

/// Sorts the rows (listed in name order); equal rows keep that order. An
/// insertion sort: a handful of people, and no std sort in the wasm.
pub fn sort(members: &mut [Member], by: SortBy) {
    let gap = |m: &Member| m.largest_gap.map_or(-1.0, |g| g.steps.abs());
    // Whether `a` goes before `b`.
    let before = |a: &Member, b: &Member| match by {
        SortBy::Name => false,
        SortBy::LastChange => a.updated_at < b.updated_at,
        SortBy::LastOneOnOne => a.last_one_on_one < b.last_one_on_one,
        SortBy::Actions => (a.overdue, a.open_actions) > (b.overdue, b.open_actions),
        SortBy::Gap => gap(a) > gap(b) + 1e-9,
    };
    for i in 1..members.len() {
        let mut j = i;
        while j > 0 && before(&members[j], &members[j - 1]) {
            members.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// "Impact: their self-check 1.0 higher", "Ownership: same".
pub fn gap_words(ladder: &Ladder, gap: Option<Gap>) -> String {
    let Some(gap) = gap else {
        return "\u{2013}".into();
    };
    let title = &ladder.sections[gap.section].title;
    let size = one_decimal(gap.steps.abs());
    if gap.steps.abs() < 0.05 {
        format!("{title}: same")
    } else if gap.steps > 0.0 {
        format!("{title}: their self-check {size} higher")
    } else {
        format!("{title}: your view {size} higher")
    }
}

/// A date, or "never" / "not yet".
pub fn date_or(at: Option<u64>, offset: i32, none: &str) -> String {
    at.map_or(none.to_string(), |at| local_date(at, offset))
}

/// "2 open, 1 overdue", "none".
pub fn actions_words(member: &Member) -> String {
    match (member.open_actions, member.overdue) {
        (0, _) => "none".into(),
        (open, 0) => format!("{open} open"),
        (open, overdue) => format!("{open} open, {overdue} overdue"),
    }
}

/// The team table in Markdown, for a 1:1 planning page or to print.
pub fn markdown(ladder: &Ladder, members: &[Member], offset: i32, today: &str) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Your team \u{2014} {}\n", escape(&ladder.title));
    let _ = writeln!(
        md,
        "{}, {today}, from the checks kept in one browser. This table holds names, dates, counts of agreed actions and the largest gaps; no answers and no notes.\n",
        plural(members.len(), "person", "people")
    );
    let _ = writeln!(
        md,
        "| Person | Self-check | Last change | Last 1:1 | Agreed actions | Largest gap | Next step |\n|---|---|---|---|---|---|---|"
    );
    for m in members {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} |",
            escape(&m.label),
            date_or(m.self_check, offset, "not yet"),
            date_or(
                (m.updated_at > 0).then_some(m.updated_at),
                offset,
                "\u{2013}"
            ),
            date_or(m.last_one_on_one, offset, "none yet"),
            actions_words(m),
            escape(&gap_words(ladder, m.largest_gap)),
            m.next.words()
        );
    }
    md
}
