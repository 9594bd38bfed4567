//! Turning answers into results: per-section spread and average, strengths,
//! growth areas and watch-outs. Pure functions of the ladder and document.

use super::content::{Kind, Ladder};
use super::document::{Answer, Document, Rating};

/// A growth area is one of the lowest sections; this many at least
/// (when that many sections have answers) and at most `MAX_GROWTH`.
pub const MIN_GROWTH: usize = 3;
pub const MAX_GROWTH: usize = 5;
/// Sections averaging at or above this share of the scale are strengths.
pub const STRENGTH_FROM: f64 = 2.0 / 3.0;
/// Sections below this share count as growth areas beyond the lowest three.
pub const WEAK_BELOW: f64 = 0.5;
/// Anti-pattern answers at or above this share of the scale are watch-outs.
pub const WATCH_OUT_FROM: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionResult {
    pub section: usize,
    /// Statements of the section in this check (expectations and anti-patterns).
    pub total: usize,
    /// Statements with any rating, "not sure" included.
    pub answered: usize,
    pub unsure: usize,
    /// How many expectation answers fell on each step of the scale.
    pub spread: Vec<usize>,
    /// Average of expectation answers as a share of the scale, 0.0 to 1.0;
    /// `None` when no expectation in the section has a scored answer.
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WatchOut {
    pub statement: usize,
    /// Share of the scale, 0.0 to 1.0: how often the risky behaviour shows.
    pub level: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub sections: Vec<SectionResult>,
    /// Section indexes, strongest first.
    pub strengths: Vec<usize>,
    /// Section indexes, weakest first.
    pub growth: Vec<usize>,
    /// Anti-pattern statements answered at or above `WATCH_OUT_FROM`, worst first.
    pub watch_outs: Vec<WatchOut>,
    /// Statement indexes in this check without an answer.
    pub unanswered: Vec<usize>,
    /// Statement indexes answered "not sure".
    pub unsure: Vec<usize>,
}

impl Results {
    pub fn answered(&self) -> usize {
        self.sections.iter().map(|s| s.answered).sum()
    }

    pub fn total(&self) -> usize {
        self.sections.iter().map(|s| s.total).sum()
    }
}

/// Sorts (index, share) pairs by share, ties in index order. An insertion
/// sort: the lists hold a few sections, and one small function replaces
/// three instances of the standard library's sort in the wasm (12 KB).
fn sort_by_share(pairs: &mut [(usize, f64)], highest_first: bool) {
    let before = |a: &(usize, f64), b: &(usize, f64)| {
        let by_share = if highest_first {
            b.1.total_cmp(&a.1)
        } else {
            a.1.total_cmp(&b.1)
        };
        by_share.then(a.0.cmp(&b.0)).is_lt()
    };
    for i in 1..pairs.len() {
        let mut j = i;
        while j > 0 && before(&pairs[j], &pairs[j - 1]) {
            pairs.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Where a scale value sits between the lowest (0.0) and highest (1.0) step.
pub fn share_of_scale(ladder: &Ladder, value: u8) -> f64 {
    let (low, high) = (ladder.scale.lowest(), ladder.scale.highest());
    if high <= low {
        return 0.0;
    }
    f64::from(value.clamp(low, high) - low) / f64::from(high - low)
}

/// Scores the statements of a check (the quick set, or every statement).
pub fn score(ladder: &Ladder, document: &Document, quick_only: bool) -> Results {
    let steps = ladder.scale.steps.len();
    let mut sections: Vec<SectionResult> = (0..ladder.sections.len())
        .map(|section| SectionResult {
            section,
            total: 0,
            answered: 0,
            unsure: 0,
            spread: vec![0; steps],
            score: None,
        })
        .collect();
    let mut sums = vec![(0.0_f64, 0_usize); ladder.sections.len()];
    let mut risks: Vec<(usize, f64)> = Vec::new();
    let mut unanswered = Vec::new();
    let mut unsure = Vec::new();

    for (index, statement) in ladder.statements.iter().enumerate() {
        if quick_only && !statement.quick {
            continue;
        }
        let result = &mut sections[statement.section];
        result.total += 1;
        match document.rating(&statement.id) {
            None => unanswered.push(index),
            Some(Rating::Unsure | Rating::NotMyRole) => {
                result.answered += 1;
                result.unsure += 1;
                unsure.push(index);
            }
            Some(Rating::Step(value)) => {
                result.answered += 1;
                // A value no longer on the scale (content changed) is not scored.
                let Some(position) = ladder.scale.position(value) else {
                    continue;
                };
                let share = share_of_scale(ladder, value);
                match statement.kind {
                    Kind::Expectation => {
                        result.spread[position] += 1;
                        let sum = &mut sums[statement.section];
                        sum.0 += share;
                        sum.1 += 1;
                    }
                    Kind::AntiPattern if share >= WATCH_OUT_FROM => risks.push((index, share)),
                    Kind::AntiPattern => {}
                }
            }
        }
    }
    for (result, (sum, count)) in sections.iter_mut().zip(&sums) {
        if *count > 0 {
            result.score = Some(sum / *count as f64);
        }
    }
    sort_by_share(&mut risks, true);
    let watch_outs: Vec<WatchOut> = risks
        .into_iter()
        .map(|(statement, level)| WatchOut { statement, level })
        .collect();

    let mut ranked: Vec<(usize, f64)> = sections
        .iter()
        .filter_map(|s| s.score.map(|score| (s.section, score)))
        .collect();
    // Lowest first; ties keep ladder order so results are stable.
    sort_by_share(&mut ranked, false);
    let weak = ranked
        .iter()
        .filter(|(_, score)| *score < WEAK_BELOW)
        .count();
    // A section answered "consistently" throughout has no room to grow.
    let room: Vec<usize> = ranked
        .iter()
        .filter(|(_, score)| *score < 1.0)
        .map(|(section, _)| *section)
        .collect();
    let growth_count = weak.clamp(MIN_GROWTH, MAX_GROWTH).min(room.len());
    let growth: Vec<usize> = room[..growth_count].to_vec();
    let mut strong: Vec<(usize, f64)> = ranked
        .iter()
        .copied()
        .filter(|(section, score)| *score >= STRENGTH_FROM && !growth.contains(section))
        .collect();
    sort_by_share(&mut strong, true);
    let strengths: Vec<usize> = strong.into_iter().map(|(section, _)| section).collect();

    Results {
        sections,
        strengths,
        growth,
        watch_outs,
        unanswered,
        unsure,
    }
}

/// The scale step closest to a share of the scale, for describing a result
/// in the scale's own words ("Usually").
pub fn nearest_step(ladder: &Ladder, share: f64) -> Option<&crate::core::content::Step> {
    let steps = &ladder.scale.steps;
    let (low, high) = (ladder.scale.lowest(), ladder.scale.highest());
    let target = f64::from(low) + share.clamp(0.0, 1.0) * f64::from(high.saturating_sub(low));
    steps.iter().min_by(|a, b| {
        (f64::from(a.value) - target)
            .abs()
            .total_cmp(&(f64::from(b.value) - target).abs())
    })
}

/// How many of a check's statements have an answer, overall and per section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// (answered, total) for each section, in ladder order.
    pub sections: Vec<(usize, usize)>,
}

pub fn progress(ladder: &Ladder, document: &Document, quick_only: bool) -> Progress {
    let mut sections = vec![(0, 0); ladder.sections.len()];
    for statement in &ladder.statements {
        if quick_only && !statement.quick {
            continue;
        }
        let entry = &mut sections[statement.section];
        entry.1 += 1;
        if document.rating(&statement.id).is_some() {
            entry.0 += 1;
        }
    }
    Progress {
        answered: sections.iter().map(|s| s.0).sum(),
        total: sections.iter().map(|s| s.1).sum(),
        sections,
    }
}

/// A number with one decimal, e.g. "2.3". Written by hand because Rust's
/// float formatting adds about 20 KB to the wasm bundle.
pub fn one_decimal(value: f64) -> String {
    if !value.is_finite() {
        return "\u{2013}".to_string();
    }
    let tenths = (value.abs() * 10.0 + 0.5).floor() as u64;
    let sign = if value < 0.0 && tenths > 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// Answers kept for statements this ladder no longer has (content changed).
/// They stay in the document and are shown as retired, never dropped.
pub fn retired<'a>(ladder: &Ladder, document: &'a Document) -> Vec<(&'a str, &'a Answer)> {
    // Answers are sorted by id: mark the ones the ladder still asks about.
    let mut current = vec![false; document.answers.len()];
    for statement in &ladder.statements {
        if let Some(at) = document.answers.position(&statement.id) {
            current[at] = true;
        }
    }
    document
        .answers
        .iter()
        .zip(current)
        .filter(|(_, current)| !current)
        .map(|((id, answer), _)| (id.as_str(), answer))
        .collect()
}

/// The average answer on the scale's own numbers, e.g. "2.3".
pub fn average_on_scale(ladder: &Ladder, share: f64) -> String {
    let (low, high) = (ladder.scale.lowest(), ladder.scale.highest());
    one_decimal(f64::from(low) + share * f64::from(high - low))
}

/// The label of the step closest to a section's average, in the scale's
/// words, or "No rated answers".
pub fn closest_label(ladder: &Ladder, share: Option<f64>) -> String {
    share
        .and_then(|share| nearest_step(ladder, share))
        .map(|step| step.choice.label.clone())
        .unwrap_or_else(|| "No rated answers".to_string())
}

/// The label of one answer ("Usually", "Not sure / no chance yet").
pub fn rating_label(ladder: &Ladder, rating: Option<Rating>) -> String {
    match rating {
        Some(Rating::Step(value)) => ladder
            .scale
            .step(value)
            .map(|step| step.choice.label.clone())
            .unwrap_or_else(|| value.to_string()),
        Some(Rating::Unsure) => ladder.scale.unsure.label.clone(),
        Some(Rating::NotMyRole) => "Not part of my role".to_string(),
        None => "No answer".to_string(),
    }
}
