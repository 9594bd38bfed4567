//! Two sets of answers side by side: a snapshot and now, or your view and
//! someone else's view of the same ladder.

use super::content::Ladder;
use super::document::{Document, Rating};
use super::scoring::score;

/// Answers this many scale steps apart are highlighted.
pub const FAR_APART: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionPair {
    pub section: usize,
    /// Share of the scale (0.0 to 1.0), when the side has scored answers.
    pub left: Option<f64>,
    pub right: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatementPair {
    pub statement: usize,
    pub left: Option<Rating>,
    pub right: Option<Rating>,
    /// Scale steps between the two answers, when both are on the scale.
    pub steps_apart: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Sections with expectations, in ladder order.
    pub sections: Vec<SectionPair>,
    /// Statements whose answers differ, in ladder order.
    pub differences: Vec<StatementPair>,
}

impl Comparison {
    /// Statements at least `FAR_APART` steps apart: worth talking about.
    pub fn far_apart(&self) -> impl Iterator<Item = &StatementPair> {
        self.differences
            .iter()
            .filter(|pair| pair.steps_apart.is_some_and(|steps| steps >= FAR_APART))
    }
}

fn position(ladder: &Ladder, rating: Option<Rating>) -> Option<usize> {
    match rating {
        Some(Rating::Step(value)) => ladder.scale.position(value),
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
    let differences = ladder
        .statements
        .iter()
        .enumerate()
        .filter_map(|(index, statement)| {
            let (a, b) = (left.rating(&statement.id), right.rating(&statement.id));
            (a != b).then(|| StatementPair {
                statement: index,
                left: a,
                right: b,
                steps_apart: position(ladder, a)
                    .zip(position(ladder, b))
                    .map(|(x, y)| x.abs_diff(y)),
            })
        })
        .collect();
    Comparison {
        sections,
        differences,
    }
}
