//! Turning answers into results that tell the truth: the spread of answers
//! per section and their average, never an answer the person did not
//! give; strengths and growth areas only where a section stands clearly
//! apart from the person's own average, with equal sections reported as
//! equal; watch-outs from anti-patterns on their own scale. Pure
//! functions of the ladder and the document.

use super::content::{Kind, Ladder, Scale};
use super::document::{Answer, Document, Rating};

/// A section is a strength or a growth area when its average is at least
/// this many steps of the scale above or below the person's middle (the
/// median of their section averages).
pub const STAND_OUT_STEPS: f64 = 0.5;
/// Anti-pattern answers at or above this share of their scale are
/// watch-outs (on a four-step scale: the upper two steps).
pub const WATCH_OUT_FROM: f64 = 0.5;
/// Below this share of a check's expectations answered, results say they
/// rest on few answers.
pub const FEW_ANSWERS_BELOW: f64 = 0.5;
/// Strengths and growth areas are named only from at least this many
/// rated answers, in at least `MIN_SECTIONS` sections: one or two answers
/// (a new hire's first check, mostly "not sure") say nothing about a
/// section standing apart.
pub const MIN_SCORED: usize = 6;
pub const MIN_SECTIONS: usize = 3;
/// A section is named a strength or a growth area only from at least this
/// many rated answers of its own: one answer is not a section.
pub const MIN_IN_SECTION: usize = 2;
/// A strength is at least halfway up the scale: "Sometimes" is never a
/// strength, however low the other sections are.
pub const STRENGTH_FROM: f64 = 0.5;
/// Answers below this share of the scale are low: their statements' own
/// ideas are offered as next steps (on a four-step scale: the lower two).
pub const LOW_BELOW: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionResult {
    pub section: usize,
    /// Statements of the section in this check (expectations and anti-patterns).
    pub total: usize,
    /// Statements with any answer.
    pub answered: usize,
    pub unsure: usize,
    pub not_my_role: usize,
    /// How many expectation answers fell on each step of the scale.
    pub spread: Vec<usize>,
    /// Expectation answers on the scale.
    pub scored: usize,
    /// Average of those answers as a share of the scale, 0.0 to 1.0;
    /// `None` when the section has no scored answer.
    pub score: Option<f64>,
    /// Expectations with the section's lowest answer (all of them on a tie).
    pub lowest: Vec<usize>,
    /// Expectations of the section in this check, how many have an answer,
    /// and how many of those are not scored: the results table counts only
    /// these, so its columns add up (watch-outs are listed apart).
    pub expected: usize,
    pub expected_answered: usize,
    pub expected_unscored: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WatchOut {
    pub statement: usize,
    /// Share of the anti-pattern scale, 0.0 to 1.0: how often it shows.
    pub level: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub sections: Vec<SectionResult>,
    /// The person's own middle: the median of the section averages. One
    /// unusual section cannot move it, so a single low section does not
    /// make every other section look strong.
    pub middle: Option<f64>,
    /// Sections clearly above the average, in groups of equal averages,
    /// highest group first.
    pub strengths: Vec<Vec<usize>>,
    /// Sections clearly below the average, in groups, lowest group first.
    pub growth: Vec<Vec<usize>>,
    /// Anti-pattern statements at or above `WATCH_OUT_FROM`, most often first.
    pub watch_outs: Vec<WatchOut>,
    /// Statement indexes in this check without an answer.
    pub unanswered: Vec<usize>,
    /// Answered "not sure".
    pub unsure: Vec<usize>,
    /// Answered "not part of my role".
    pub not_my_role: Vec<usize>,
    /// Expectations in this check, and how many have a scored answer.
    pub expectations: usize,
    pub scored: usize,
}

impl Results {
    pub fn answered(&self) -> usize {
        self.sections.iter().map(|s| s.answered).sum()
    }

    pub fn total(&self) -> usize {
        self.sections.iter().map(|s| s.total).sum()
    }

    /// Whether strengths and growth areas rest on few answers.
    pub fn few_answers(&self) -> bool {
        (self.scored as f64) < self.expectations as f64 * FEW_ANSWERS_BELOW
    }

    /// Whether any section stands apart from the average.
    pub fn anything_stands_out(&self) -> bool {
        !self.strengths.is_empty() || !self.growth.is_empty()
    }

    /// Whether there are enough rated answers to say anything about
    /// sections standing apart (`MIN_SCORED` in `MIN_SECTIONS` sections),
    /// and most answers are rated: when most are "not sure" (a first
    /// week), the results read as too early, whatever the count.
    pub fn enough(&self) -> bool {
        enough(&self.sections, self.scored, self.unsure.len())
    }

    /// Whether most answers given are "not sure".
    pub fn mostly_unsure(&self) -> bool {
        mostly_unsure(self.scored, self.unsure.len())
    }
}

/// The rule for naming strengths and growth areas at all (see `Results::enough`).
fn enough(sections: &[SectionResult], scored: usize, unsure: usize) -> bool {
    scored >= MIN_SCORED
        && sections.iter().filter(|s| s.score.is_some()).count() >= MIN_SECTIONS
        && !mostly_unsure(scored, unsure)
}

/// More "not sure" answers than rated ones.
fn mostly_unsure(scored: usize, unsure: usize) -> bool {
    unsure > scored
}

/// Where a scale value sits between the lowest (0.0) and highest (1.0) step.
pub fn share_of_scale(scale: &Scale, value: u8) -> f64 {
    let (low, high) = (scale.lowest(), scale.highest());
    if high <= low {
        return 0.0;
    }
    f64::from(value.clamp(low, high) - low) / f64::from(high - low)
}

/// Half a step (`STAND_OUT_STEPS`) of a scale, as a share of the scale.
fn margin(scale: &Scale) -> f64 {
    STAND_OUT_STEPS / (scale.steps.len().max(2) - 1) as f64
}

/// Sorts (index, share) pairs by share, ties in index order, and groups
/// equal shares. An insertion sort: a few sections, and it keeps the
/// standard library's sort out of the wasm.
fn groups(mut pairs: Vec<(usize, f64)>, highest_first: bool) -> Vec<Vec<usize>> {
    for i in 1..pairs.len() {
        let mut j = i;
        while j > 0 {
            let (a, b) = (&pairs[j], &pairs[j - 1]);
            let order = if highest_first {
                b.1.total_cmp(&a.1)
            } else {
                a.1.total_cmp(&b.1)
            };
            if !order.then(a.0.cmp(&b.0)).is_lt() {
                break;
            }
            pairs.swap(j, j - 1);
            j -= 1;
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<f64> = None;
    for (index, share) in pairs {
        match (out.last_mut(), last) {
            (Some(group), Some(previous)) if same(previous, share) => group.push(index),
            _ => out.push(vec![index]),
        }
        last = Some(share);
    }
    out
}

/// Equal averages print the same; tiny float noise must not split them.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The median, without the standard sort (a few values).
fn median(mut values: Vec<f64>) -> Option<f64> {
    for i in 1..values.len() {
        let mut j = i;
        while j > 0 && values[j] < values[j - 1] {
            values.swap(j, j - 1);
            j -= 1;
        }
    }
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
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
            not_my_role: 0,
            spread: vec![0; steps],
            scored: 0,
            score: None,
            lowest: Vec::new(),
            expected: 0,
            expected_answered: 0,
            expected_unscored: 0,
        })
        .collect();
    let mut sums = vec![0.0_f64; ladder.sections.len()];
    let mut lowest_share = vec![f64::INFINITY; ladder.sections.len()];
    let mut risks: Vec<(usize, f64)> = Vec::new();
    let mut unanswered = Vec::new();
    let mut unsure = Vec::new();
    let mut not_my_role = Vec::new();
    let (mut expectations, mut scored) = (0, 0);

    for (index, statement) in ladder.statements.iter().enumerate() {
        if quick_only && !statement.quick {
            continue;
        }
        let result = &mut sections[statement.section];
        result.total += 1;
        let expectation = statement.kind == Kind::Expectation;
        let rating = document.rating(&statement.id);
        if expectation {
            expectations += 1;
            result.expected += 1;
            result.expected_answered += usize::from(rating.is_some());
            result.expected_unscored +=
                usize::from(matches!(rating, Some(Rating::Unsure | Rating::NotMyRole)));
        }
        match rating {
            None => unanswered.push(index),
            Some(Rating::Unsure) => {
                result.answered += 1;
                result.unsure += 1;
                unsure.push(index);
            }
            Some(Rating::NotMyRole) => {
                result.answered += 1;
                result.not_my_role += 1;
                not_my_role.push(index);
            }
            Some(Rating::Step(value)) => {
                result.answered += 1;
                let scale = ladder.scale_for(statement.kind);
                // A value no longer on the scale (content changed) is not scored.
                let Some(position) = scale.position(value) else {
                    continue;
                };
                let share = share_of_scale(scale, value);
                match statement.kind {
                    Kind::Expectation => {
                        result.spread[position] += 1;
                        result.scored += 1;
                        sums[statement.section] += share;
                        scored += 1;
                        let low = &mut lowest_share[statement.section];
                        if share < *low && !same(share, *low) {
                            *low = share;
                            result.lowest.clear();
                        }
                        if same(share, *low) {
                            result.lowest.push(index);
                        }
                    }
                    Kind::AntiPattern if share >= WATCH_OUT_FROM => risks.push((index, share)),
                    Kind::AntiPattern => {}
                }
            }
        }
    }
    for (result, sum) in sections.iter_mut().zip(&sums) {
        if result.scored > 0 {
            result.score = Some(sum / result.scored as f64);
        }
    }
    let watch_outs = groups(risks.clone(), true)
        .into_iter()
        .flatten()
        .map(|statement| WatchOut {
            statement,
            level: risks
                .iter()
                .find(|(s, _)| *s == statement)
                .map_or(0.0, |r| r.1),
        })
        .collect();
    let middle = median(sections.iter().filter_map(|s| s.score).collect());
    let (mut strong, mut weak) = (Vec::new(), Vec::new());
    if let (Some(middle), true) = (middle, enough(&sections, scored, unsure.len())) {
        let margin = margin(&ladder.scale);
        // A section with a single rated answer is never named.
        for result in sections.iter().filter(|r| r.scored >= MIN_IN_SECTION) {
            match result.score {
                Some(score) if score >= middle + margin - 1e-9 && score >= STRENGTH_FROM - 1e-9 => {
                    strong.push((result.section, score))
                }
                Some(score) if score <= middle - margin + 1e-9 => {
                    weak.push((result.section, score))
                }
                _ => {}
            }
        }
    }
    Results {
        sections,
        middle,
        strengths: groups(strong, true),
        growth: groups(weak, false),
        watch_outs,
        unanswered,
        unsure,
        not_my_role,
        expectations,
        scored,
    }
}

/// The expectations of a section answered below the person's middle,
/// lowest first: what pulled the section down.
pub fn pulling_down(
    ladder: &Ladder,
    document: &Document,
    results: &Results,
    section: usize,
    quick_only: bool,
) -> Vec<usize> {
    let Some(middle) = results.middle else {
        return Vec::new();
    };
    below(ladder, document, quick_only, Some(section), middle)
}

/// The expectations of a check answered low (below `LOW_BELOW` of the
/// scale), lowest first, ties in ladder order: their own ideas are the next
/// steps results offer.
pub fn low_answers(ladder: &Ladder, document: &Document, quick_only: bool) -> Vec<usize> {
    below(ladder, document, quick_only, None, LOW_BELOW)
}

/// The expectations answered at the top of the scale, in ladder order:
/// a strength shown statement by statement, with its note as evidence.
pub fn top_answers(ladder: &Ladder, document: &Document, quick_only: bool) -> Vec<usize> {
    let top = ladder.scale.highest();
    (0..ladder.statements.len())
        .filter(|i| {
            let s = &ladder.statements[*i];
            s.kind == Kind::Expectation
                && (!quick_only || s.quick)
                && document.rating(&s.id) == Some(Rating::Step(top))
        })
        .collect()
}

/// A section's change between two averages, in words, worked out from the
/// values as shown beside it: "Same", "Up 0.3", "Down 0.1", "Newly
/// answered", or a dash. `Some(true)` when it went up, for a note on which
/// way is good.
pub fn change_words(
    scale: &Scale,
    before: Option<f64>,
    after: Option<f64>,
) -> (String, Option<bool>) {
    match (before, after) {
        (Some(b), Some(a)) => {
            let tenths = shown_change(scale, b, a);
            let steps = one_decimal(tenths.unsigned_abs() as f64 / 10.0);
            match tenths.signum() {
                0 => ("Same".into(), None),
                1 => (format!("Up {steps}"), Some(true)),
                _ => (format!("Down {steps}"), Some(false)),
            }
        }
        (None, Some(_)) => ("Newly answered".into(), None),
        _ => ("\u{2013}".into(), None),
    }
}

/// Every low answer (`low_answers`), lowest answer first and, among equal
/// answers, the lowest section first (then ladder order): the ideas list
/// starts where the most room to grow is, and reaches every low answer.
pub fn low_answers_lowest_section_first(
    ladder: &Ladder,
    document: &Document,
    results: &Results,
    quick_only: bool,
) -> Vec<usize> {
    let mut low = low_answers(ladder, document, quick_only);
    let key = |index: &usize| {
        let answer = match document.rating(&ladder.statements[*index].id) {
            Some(Rating::Step(value)) => share_of_scale(&ladder.scale, value),
            _ => 1.0,
        };
        let section = results.sections[ladder.statements[*index].section]
            .score
            .unwrap_or(1.0);
        (answer, section)
    };
    // A stable sort: equal keys keep ladder order.
    low.sort_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    low
}

/// The expectations (of one section, or all) whose answer sits below
/// `share` of the scale, lowest first, ties in ladder order.
fn below(
    ladder: &Ladder,
    document: &Document,
    quick_only: bool,
    section: Option<usize>,
    share: f64,
) -> Vec<usize> {
    let pairs: Vec<(usize, f64)> = ladder
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.kind == Kind::Expectation
                && (!quick_only || s.quick)
                && section.is_none_or(|section| s.section == section)
        })
        .filter_map(|(index, s)| match document.rating(&s.id) {
            Some(Rating::Step(value)) if ladder.scale.position(value).is_some() => {
                let answered = share_of_scale(&ladder.scale, value);
                (answered < share - 1e-9).then_some((index, answered))
            }
            _ => None,
        })
        .collect();
    groups(pairs, false).into_iter().flatten().collect()
}

/// How many of a check's statements have an answer, overall and per section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// (answered, total) for each section, in ladder order.
    pub sections: Vec<(usize, usize)>,
}

impl Progress {
    pub fn done(&self) -> bool {
        self.total > 0 && self.answered == self.total
    }
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

/// The first statement of a check without an answer (ladder order).
pub fn first_unanswered(ladder: &Ladder, document: &Document, quick_only: bool) -> Option<usize> {
    ladder
        .statements
        .iter()
        .position(|s| (!quick_only || s.quick) && document.rating(&s.id).is_none())
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

/// The change between two section averages (shares of the scale), in
/// tenths of a step, worked out from the values as shown (one decimal), so
/// "1.6 → 1.4" always reads "Down 0.2", never the unrounded 0.1.
pub fn shown_change(scale: &Scale, before: f64, after: f64) -> i64 {
    let tenths = |share: f64| {
        let (low, high) = (f64::from(scale.lowest()), f64::from(scale.highest()));
        ((low + share * (high - low)) * 10.0).round() as i64
    };
    tenths(after) - tenths(before)
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
        .filter(|((_, answer), current)| !current && !answer.is_cleared())
        .map(|((id, answer), _)| (id.as_str(), answer))
        .collect()
}

/// The average answer on the scale's own numbers, e.g. "2.3".
pub fn average_on_scale(scale: &Scale, share: f64) -> String {
    let (low, high) = (scale.lowest(), scale.highest());
    one_decimal(f64::from(low) + share * f64::from(high - low))
}

/// The label of one answer ("Usually", "Not sure / no chance yet"), in the
/// words of the statement's scale; `none` when there is no answer.
/// `someone_else`: the answer was given about someone else, so a label
/// in the first person reads in the third ("Not part of their role").
pub fn rating_label(
    scale: &Scale,
    rating: Option<Rating>,
    none: &str,
    someone_else: bool,
) -> String {
    let choice = match rating {
        Some(Rating::Step(value)) => match scale.step(value) {
            Some(step) => &step.choice,
            None => return value.to_string(),
        },
        Some(Rating::Unsure) => &scale.unsure,
        Some(Rating::NotMyRole) => match &scale.not_my_role {
            Some(choice) => choice,
            None => return "Not part of the role".into(),
        },
        None => return none.to_string(),
    };
    choice.label_for(someone_else).to_string()
}

/// A statement's answer in its own scale's words.
pub fn answer_label(
    ladder: &Ladder,
    statement: usize,
    rating: Option<Rating>,
    someone_else: bool,
) -> String {
    let scale = ladder.scale_for(ladder.statements[statement].kind);
    rating_label(scale, rating, "No answer", someone_else)
}

/// How a section's answers spread, in the scale's words: "Usually ×2,
/// Not yet ×1". Never an average dressed up as an answer.
pub fn spread_words(ladder: &Ladder, result: &SectionResult) -> String {
    let parts: Vec<String> = ladder
        .scale
        .steps
        .iter()
        .zip(&result.spread)
        .rev()
        .filter(|(_, count)| **count > 0)
        .map(|(step, count)| format!("{} \u{00d7}{count}", step.choice.label))
        .collect();
    if parts.is_empty() {
        "No rated answers".to_string()
    } else {
        parts.join(", ")
    }
}
