//! Two sets of answers side by side: a snapshot and now, a report's
//! self-check and their manager's view, or a check and a file.

use super::content::{Kind, Ladder};
use super::document::{Document, Rating};
use super::scoring::score;

/// Answers this many scale steps apart are highlighted and open the
/// conversation.
pub const FAR_APART: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionPair {
    pub section: usize,
    /// Share of the scale (0.0 to 1.0), when the side has scored answers.
    pub left: Option<f64>,
    pub right: Option<f64>,
}

/// How one statement differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// Both sides answered, differently; `steps` apart when both answers
    /// are on the scale.
    Changed { steps: Option<usize> },
    /// Only the right side answered (since the snapshot: newly answered).
    OnlyRight,
    /// Only the left side answered.
    OnlyLeft,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementPair {
    pub statement: usize,
    pub left: Option<Rating>,
    pub right: Option<Rating>,
    pub difference: Difference,
    /// Which side rated higher, when both are on the scale: positive when
    /// the left did (for an anti-pattern: said it shows up more often).
    pub left_higher: Option<bool>,
}

impl StatementPair {
    /// For a change over time (left before, right now): whether it moved
    /// the good way. Higher is better for an expectation; for a habit to
    /// avoid, lower is. `None` when either side is off the scale.
    pub fn better(&self, kind: Kind) -> Option<bool> {
        let left_higher = self.left_higher?;
        if self.steps_apart() == Some(0) {
            return None;
        }
        Some(match kind {
            Kind::Expectation => !left_higher,
            Kind::AntiPattern => left_higher,
        })
    }

    pub fn steps_apart(&self) -> Option<usize> {
        match self.difference {
            Difference::Changed { steps } => steps,
            _ => None,
        }
    }

    pub fn far_apart(&self) -> bool {
        self.steps_apart().is_some_and(|steps| steps >= FAR_APART)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Sections with expectations, in ladder order.
    pub sections: Vec<SectionPair>,
    /// Statements whose answers differ: the largest gaps first, then the
    /// statements only one side answered, each in ladder order.
    pub differences: Vec<StatementPair>,
    /// Statements both sides answered (the same or not).
    pub both_answered: usize,
    pub left_answered: usize,
    pub right_answered: usize,
}

impl Comparison {
    /// Statements at least `FAR_APART` steps apart: worth talking about.
    pub fn far_apart(&self) -> impl Iterator<Item = &StatementPair> {
        self.differences.iter().filter(|pair| pair.far_apart())
    }

    pub fn changed(&self) -> usize {
        self.differences
            .iter()
            .filter(|p| matches!(p.difference, Difference::Changed { .. }))
            .count()
    }

    pub fn only_right(&self) -> usize {
        self.differences
            .iter()
            .filter(|p| p.difference == Difference::OnlyRight)
            .count()
    }

    /// Whether there is anything to set side by side: both sides need
    /// answers, or every "difference" is just a blank.
    pub fn comparable(&self) -> bool {
        self.left_answered > 0 && self.right_answered > 0
    }
}

fn position(ladder: &Ladder, kind: Kind, rating: Option<Rating>) -> Option<usize> {
    match rating {
        Some(Rating::Step(value)) => ladder.scale_for(kind).position(value),
        _ => None,
    }
}

/// Compares two documents over every statement of the ladder.
pub fn compare(ladder: &Ladder, left: &Document, right: &Document) -> Comparison {
    let left_results = score(ladder, left, false);
    let right_results = score(ladder, right, false);
    let sections = left_results
        .sections
        .iter()
        .zip(&right_results.sections)
        .filter(|(l, _)| ladder.has_expectations(l.section))
        .map(|(l, r)| SectionPair {
            section: l.section,
            left: l.score,
            right: r.score,
        })
        .collect();
    let (mut both_answered, mut left_answered, mut right_answered) = (0, 0, 0);
    let mut by_gap: Vec<(usize, StatementPair)> = Vec::new();
    let mut one_sided = Vec::new();
    for (index, statement) in ladder.statements.iter().enumerate() {
        let (a, b) = (left.rating(&statement.id), right.rating(&statement.id));
        left_answered += usize::from(a.is_some());
        right_answered += usize::from(b.is_some());
        both_answered += usize::from(a.is_some() && b.is_some());
        if a == b {
            continue;
        }
        let (pa, pb) = (
            position(ladder, statement.kind, a),
            position(ladder, statement.kind, b),
        );
        let pair = |difference| StatementPair {
            statement: index,
            left: a,
            right: b,
            difference,
            left_higher: pa.zip(pb).map(|(x, y)| x > y),
        };
        match (a, b) {
            (Some(_), Some(_)) => {
                let steps = pa.zip(pb).map(|(x, y)| x.abs_diff(y));
                by_gap.push((steps.unwrap_or(0), pair(Difference::Changed { steps })));
            }
            (None, Some(_)) => one_sided.push(pair(Difference::OnlyRight)),
            (Some(_), None) => one_sided.push(pair(Difference::OnlyLeft)),
            (None, None) => {}
        }
    }
    // Largest gap first; a stable insertion sort keeps ladder order on ties.
    for i in 1..by_gap.len() {
        let mut j = i;
        while j > 0 && by_gap[j].0 > by_gap[j - 1].0 {
            by_gap.swap(j, j - 1);
            j -= 1;
        }
    }
    let mut differences: Vec<StatementPair> = by_gap.into_iter().map(|(_, p)| p).collect();
    differences.extend(one_sided);
    Comparison {
        sections,
        differences,
        both_answered,
        left_answered,
        right_answered,
    }
}

/// One section on a 1:1 agenda: both averages and how far apart.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionGap {
    pub section: usize,
    /// Share of the scale (0.0 to 1.0) on each side, when it has scored answers.
    pub left: Option<f64>,
    pub right: Option<f64>,
    /// How many steps of the scale the right side is above the left (below
    /// when negative); `None` unless both sides have scored answers.
    pub gap: Option<f64>,
}

/// Where both views see a section the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Both averages within one step of the top of the scale.
    Strength,
    /// Both averages within one step of the bottom.
    Growth,
}

/// Two views of one person arranged for a conversation rather than as a
/// diff: sections by the size of their gap, where both agree, the
/// statements far apart (the real topics), and one-step differences
/// gathered by section so they take a line each.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    /// Sections with expectations; the largest gap first, sections only
    /// one side (or neither) scored last, each group in ladder order.
    pub sections: Vec<SectionGap>,
    /// Sections both views put near the top or near the bottom.
    pub agreements: Vec<(usize, Agreement)>,
    /// Statements `FAR_APART` steps or more apart, the largest gap first.
    pub far: Vec<StatementPair>,
    /// Statements one step apart, by section in ladder order.
    pub near: Vec<(usize, Vec<StatementPair>)>,
    /// Statements both answered alike.
    pub same: usize,
    /// Answered by one side only, or differing off the scale (one "not sure").
    pub other: Vec<StatementPair>,
    pub left_answered: usize,
    pub right_answered: usize,
}

/// The agenda for `left` (the open check) and `right` (the view beside it).
pub fn agenda(ladder: &Ladder, left: &Document, right: &Document) -> Agenda {
    let comparison = compare(ladder, left, right);
    let steps = ladder.scale.steps.len().max(2) as f64 - 1.0;
    let mut sections: Vec<SectionGap> = comparison
        .sections
        .iter()
        .map(|pair| SectionGap {
            section: pair.section,
            left: pair.left,
            right: pair.right,
            gap: pair.left.zip(pair.right).map(|(l, r)| (r - l) * steps),
        })
        .collect();
    // Largest gap first; a stable insertion sort keeps ladder order on ties.
    let size = |s: &SectionGap| s.gap.map_or(-1.0, f64::abs);
    for i in 1..sections.len() {
        let mut j = i;
        while j > 0 && size(&sections[j]) > size(&sections[j - 1]) {
            sections.swap(j, j - 1);
            j -= 1;
        }
    }
    let (high, low) = ((steps - 1.0) / steps, 1.0 / steps);
    let mut agreements = Vec::new();
    for pair in &comparison.sections {
        if let (Some(l), Some(r)) = (pair.left, pair.right) {
            if l >= high - 1e-9 && r >= high - 1e-9 {
                agreements.push((pair.section, Agreement::Strength));
            } else if l <= low + 1e-9 && r <= low + 1e-9 {
                agreements.push((pair.section, Agreement::Growth));
            }
        }
    }
    let mut far = Vec::new();
    let mut near: Vec<(usize, Vec<StatementPair>)> = Vec::new();
    let mut other = Vec::new();
    for pair in comparison.differences {
        match pair.steps_apart() {
            Some(steps) if steps >= FAR_APART => far.push(pair),
            Some(1) => {
                let section = ladder.statements[pair.statement].section;
                match near.iter_mut().find(|(s, _)| *s == section) {
                    Some((_, pairs)) => pairs.push(pair),
                    None => near.push((section, vec![pair])),
                }
            }
            _ => other.push(pair),
        }
    }
    // Sections in ladder order, statements within each already are.
    for i in 1..near.len() {
        let mut j = i;
        while j > 0 && near[j].0 < near[j - 1].0 {
            near.swap(j, j - 1);
            j -= 1;
        }
    }
    let differing = far.len() + near.iter().map(|(_, p)| p.len()).sum::<usize>();
    Agenda {
        sections,
        agreements,
        far,
        near,
        same: comparison.both_answered.saturating_sub(
            differing
                + other
                    .iter()
                    .filter(|p| matches!(p.difference, Difference::Changed { .. }))
                    .count(),
        ),
        other,
        left_answered: comparison.left_answered,
        right_answered: comparison.right_answered,
    }
}

/// What moved between an earlier moment of one check (`before`: a
/// snapshot read as a document) and now, sorted the way a reader asks:
/// the good way, the other way, newly answered, no longer answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub comparison: Comparison,
    pub better: Vec<StatementPair>,
    pub worse: Vec<StatementPair>,
    /// Newly answered, or from or to "not sure" (a change with no way to read).
    pub newly: Vec<StatementPair>,
    pub gone: Vec<StatementPair>,
    /// Answers then to statements the ladder has since removed: both
    /// sides are read on today's statements, so these are left out.
    pub retired: usize,
}

pub fn moved(ladder: &Ladder, before: &Document, now: &Document) -> Moved {
    let comparison = compare(ladder, before, now);
    let retired = before
        .answers
        .iter()
        .filter(|(id, answer)| !answer.is_cleared() && ladder.statement_index(id).is_none())
        .count();
    let (mut better, mut worse, mut newly, mut gone) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for pair in &comparison.differences {
        let kind = ladder.statements[pair.statement].kind;
        match (pair.difference, pair.better(kind)) {
            (Difference::Changed { .. }, Some(true)) => better.push(pair.clone()),
            (Difference::Changed { .. }, Some(false)) => worse.push(pair.clone()),
            (Difference::OnlyLeft, _) => gone.push(pair.clone()),
            _ => newly.push(pair.clone()),
        }
    }
    Moved {
        comparison,
        better,
        worse,
        newly,
        gone,
        retired,
    }
}

impl Moved {
    /// How a focus's statement fared: "moved the good way", "unchanged"…
    pub fn way_of(&self, ladder: &Ladder, statement: usize) -> &'static str {
        let pair = self
            .comparison
            .differences
            .iter()
            .find(|p| p.statement == statement);
        match pair.and_then(|p| p.better(ladder.statements[statement].kind)) {
            Some(true) => "moved the good way",
            Some(false) => "moved the other way",
            None if pair.is_none() => "unchanged",
            None => "changed",
        }
    }
}
