//! Scoring: spread, averages, anti-pattern reversal, "not sure", and how
//! strengths and growth areas are picked.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Document, Rating};
use l5_selfcheck::core::scoring::score;
use serde_json::json;

/// Five sections a–e with two expectations each, and one anti-pattern in e.
fn ladder() -> Ladder {
    let sections: Vec<_> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|id| json!({"id": id, "title": id.to_uppercase(), "summary": "s"}))
        .collect();
    let mut statements = Vec::new();
    for id in ["a", "b", "c", "d", "e"] {
        for n in 1..=2 {
            statements.push(json!({"id": format!("{id}.{n}"), "section": id, "kind": "expectation", "quick": n == 1, "text": "I do it."}));
        }
    }
    statements.push(json!({"id": "e.risk", "section": "e", "kind": "anti-pattern", "text": "I coast.", "ideas": ["Try one new thing."]}));
    statements.push(json!({"id": "e.role", "section": "e", "kind": "expectation", "role_dependent": true, "text": "I cover for my manager."}));
    Ladder::parse(
        &json!({
            "format": 1, "id": "t", "title": "T", "version": "1",
            "scale": {
                "steps": [
                    {"value": 0, "label": "Not yet", "description": "d"},
                    {"value": 1, "label": "Sometimes", "description": "d"},
                    {"value": 2, "label": "Usually", "description": "d"},
                    {"value": 3, "label": "Consistently", "description": "d"}
                ],
                "unsure": {"label": "Not sure", "description": "d"},
                "not_my_role": {"label": "Not my role", "description": "d"}
            },
            "anti_pattern_scale": {
                "steps": [
                    {"value": 0, "label": "Rarely", "description": "d"},
                    {"value": 1, "label": "Sometimes", "description": "d"},
                    {"value": 2, "label": "Often", "description": "d"},
                    {"value": 3, "label": "Almost always", "description": "d"}
                ],
                "unsure": {"label": "Can't tell", "description": "d"}
            },
            "sections": sections,
            "statements": statements
        })
        .to_string(),
    )
    .unwrap()
}

fn answered(pairs: &[(&str, Rating)]) -> Document {
    let mut document = Document::new("t", "1");
    for (time, (id, rating)) in pairs.iter().enumerate() {
        document.set_rating(id, *rating, time as u64);
    }
    document
}

use Rating::{NotMyRole, Step, Unsure};

#[test]
fn section_average_is_a_share_of_the_scale_with_the_spread() {
    let ladder = ladder();
    let results = score(
        &ladder,
        &answered(&[("a.1", Step(3)), ("a.2", Step(1))]),
        false,
    );
    let a = &results.sections[0];
    assert_eq!(a.total, 2);
    assert_eq!(a.answered, 2);
    assert_eq!(a.spread, vec![0, 1, 0, 1]);
    assert!((a.score.unwrap() - 4.0 / 6.0).abs() < 1e-9);
    assert_eq!(results.sections[1].score, None, "b has no answers");
}

#[test]
fn not_sure_counts_as_answered_but_is_never_scored() {
    let ladder = ladder();
    let results = score(
        &ladder,
        &answered(&[("a.1", Unsure), ("a.2", Step(2))]),
        false,
    );
    let a = &results.sections[0];
    assert_eq!(a.answered, 2);
    assert_eq!(a.unsure, 1);
    assert_eq!(a.spread, vec![0, 0, 1, 0]);
    assert!((a.score.unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(results.unsure, vec![0]);
    // Only "not sure" answers: nothing to score.
    let only_unsure = score(&ladder, &answered(&[("b.1", Unsure)]), false);
    assert_eq!(only_unsure.sections[1].score, None);
}

#[test]
fn anti_patterns_are_reversed_into_watch_outs_not_averaged() {
    let ladder = ladder();
    let risk = ladder
        .statements
        .iter()
        .position(|s| s.id == "e.risk")
        .unwrap();
    let results = score(
        &ladder,
        &answered(&[("e.1", Step(3)), ("e.risk", Step(3))]),
        false,
    );
    assert_eq!(
        results.sections[4].score,
        Some(1.0),
        "the risk does not lower or raise the average"
    );
    assert_eq!(results.sections[4].spread, vec![0, 0, 0, 1]);
    assert_eq!(results.watch_outs.len(), 1);
    assert_eq!(results.watch_outs[0].statement, risk);
    assert_eq!(results.watch_outs[0].level, 1.0);
    // Rarely showing the risky behaviour is no watch-out.
    let calm = score(&ladder, &answered(&[("e.risk", Step(1))]), false);
    assert!(calm.watch_outs.is_empty());
    assert_eq!(calm.sections[4].score, None);
    // "Often" is.
    assert_eq!(
        score(&ladder, &answered(&[("e.risk", Step(2))]), false)
            .watch_outs
            .len(),
        1
    );
}

/// Tried as a new user would: the same answer everywhere named three
/// sections "lowest-rated", in ladder order. Equal answers are equal.
#[test]
fn the_same_answer_everywhere_ranks_nothing() {
    let ladder = ladder();
    let document = answered(&[
        ("a.1", Step(2)),
        ("b.1", Step(2)),
        ("c.1", Step(2)),
        ("d.1", Step(2)),
        ("e.1", Step(2)),
    ]);
    let results = score(&ladder, &document, true);
    assert!(results.strengths.is_empty());
    assert!(results.growth.is_empty());
    assert!(!results.anything_stands_out());
    // Every section is its own lowest: all statements tie.
    assert_eq!(results.sections[0].lowest, vec![0]);
}

#[test]
fn one_low_section_is_the_only_growth_area() {
    let ladder = ladder();
    let document = answered(&[
        ("a.1", Step(3)),
        ("a.2", Step(3)),
        ("b.1", Step(3)),
        ("c.1", Step(0)),
        ("c.2", Step(0)),
        ("d.1", Step(3)),
        ("e.1", Step(3)),
    ]);
    let results = score(&ladder, &document, false);
    assert_eq!(results.growth, vec![vec![2]]);
    assert!(
        results.strengths.is_empty(),
        "one low section does not make the rest strong"
    );
}

#[test]
fn standing_out_is_half_a_step_from_the_persons_own_average_and_ties_are_grouped() {
    let ladder = ladder();
    // Averages (share): a 1, b 1, c 0, d 1/3, e 2/3; the middle is 2/3.
    // Two rated answers in each section that may be named.
    let document = answered(&[
        ("a.1", Step(3)),
        ("a.2", Step(3)),
        ("b.1", Step(3)),
        ("b.2", Step(3)),
        ("c.1", Step(0)),
        ("c.2", Step(0)),
        ("d.1", Step(1)),
        ("d.2", Step(1)),
        ("e.1", Step(2)),
    ]);
    let results = score(&ladder, &document, false);
    assert_eq!(results.strengths, vec![vec![0, 1]], "a and b are equal");
    assert_eq!(results.growth, vec![vec![2], vec![3]], "c lowest, then d");
    assert!((results.middle.unwrap() - 2.0 / 3.0).abs() < 1e-9);
    // Half a step (1/6 of the scale) is the line: e is the middle itself.
    assert!(!results.strengths.iter().flatten().any(|s| *s == 4));
}

#[test]
fn a_growth_area_names_the_answers_below_the_average() {
    use l5_selfcheck::core::scoring::pulling_down;
    let ladder = ladder();
    let document = answered(&[
        ("a.1", Step(3)),
        ("a.2", Step(3)),
        ("b.1", Step(3)),
        ("b.2", Step(3)),
        ("c.1", Step(0)),
        ("c.2", Step(3)),
    ]);
    let results = score(&ladder, &document, false);
    assert_eq!(results.growth, vec![vec![2]]);
    let c1 = ladder
        .statements
        .iter()
        .position(|s| s.id == "c.1")
        .unwrap();
    assert_eq!(
        pulling_down(&ladder, &document, &results, 2, false),
        vec![c1]
    );
    assert_eq!(results.sections[2].lowest, vec![c1]);
}

#[test]
fn few_answers_are_said_to_be_few() {
    let ladder = ladder();
    let results = score(&ladder, &answered(&[("a.1", Step(3))]), false);
    assert!(results.few_answers(), "1 of 11 expectations");
    let results = score(
        &ladder,
        &answered(&[("a.1", Step(3)), ("b.1", Step(3)), ("c.1", Step(3))]),
        true,
    );
    assert!(!results.few_answers(), "3 of 5 in the quick check");
}

#[test]
fn not_part_of_my_role_is_listed_apart_and_never_scored() {
    let ladder = ladder();
    let results = score(
        &ladder,
        &answered(&[("e.role", NotMyRole), ("e.1", Unsure)]),
        false,
    );
    let e = &results.sections[4];
    assert_eq!(
        (e.answered, e.not_my_role, e.unsure, e.scored),
        (2, 1, 1, 0)
    );
    assert_eq!(e.score, None);
    assert_eq!(results.not_my_role.len(), 1);
    assert_eq!(results.unsure.len(), 1);
}

#[test]
fn a_section_with_only_unscored_answers_has_no_average() {
    let ladder = ladder();
    let results = score(
        &ladder,
        &answered(&[("a.1", Unsure), ("b.1", Step(0))]),
        true,
    );
    assert_eq!(results.sections[0].score, None, "not sure is not 'not yet'");
    assert_eq!(results.sections[1].score, Some(0.0));
}

#[test]
fn the_spread_is_said_in_the_scales_words_and_never_as_an_answer_not_given() {
    use l5_selfcheck::core::scoring::spread_words;
    let ladder = ladder();
    let results = score(
        &ladder,
        &answered(&[("a.1", Step(0)), ("a.2", Step(3))]),
        false,
    );
    assert_eq!(
        spread_words(&ladder, &results.sections[0]),
        "Consistently \u{d7}1, Not yet \u{d7}1"
    );
    assert_eq!(
        spread_words(&ladder, &results.sections[1]),
        "No rated answers"
    );
}

#[test]
fn the_quick_check_only_counts_quick_statements() {
    let ladder = ladder();
    let document = answered(&[("a.1", Step(3)), ("a.2", Step(0))]);
    let quick = score(&ladder, &document, true);
    assert_eq!(quick.total(), 5);
    assert_eq!(quick.answered(), 1);
    assert_eq!(quick.sections[0].score, Some(1.0));
    assert_eq!(quick.unanswered.len(), 4);
    let full = score(&ladder, &document, false);
    assert_eq!(full.total(), 12);
    assert_eq!(full.sections[0].score, Some(0.5));
}

#[test]
fn answers_to_statements_that_no_longer_exist_do_not_count() {
    let ladder = ladder();
    let document = answered(&[("gone.1", Step(3)), ("a.1", Step(101 - 100))]);
    let results = score(&ladder, &document, false);
    assert_eq!(results.answered(), 1);
}

#[test]
fn a_value_off_the_scale_counts_as_answered_but_not_scored() {
    let ladder = ladder();
    let results = score(&ladder, &answered(&[("a.1", Step(50))]), false);
    assert_eq!(results.sections[0].answered, 1);
    assert_eq!(results.sections[0].score, None);
}

#[test]
fn progress_counts_answers_per_section_in_the_check() {
    use l5_selfcheck::core::scoring::progress;
    let ladder = ladder();
    let document = answered(&[("a.1", Step(1)), ("a.2", Unsure), ("b.2", Step(0))]);
    let quick = progress(&ladder, &document, true);
    assert_eq!((quick.answered, quick.total), (1, 5));
    assert_eq!(quick.sections[0], (1, 1));
    assert_eq!(quick.sections[1], (0, 1));
    let full = progress(&ladder, &document, false);
    assert_eq!((full.answered, full.total), (3, 12));
    assert_eq!(full.sections[0], (2, 2));
    assert_eq!(full.sections[4], (0, 4));
}

#[test]
fn one_decimal_rounds_half_up_like_a_person_would() {
    use l5_selfcheck::core::scoring::one_decimal;
    assert_eq!(one_decimal(2.0), "2.0");
    assert_eq!(one_decimal(2.25), "2.3");
    assert_eq!(one_decimal(2.0 / 3.0 * 3.0), "2.0");
    assert_eq!(one_decimal(1.0 / 3.0), "0.3");
    assert_eq!(one_decimal(99.96), "100.0");
    assert_eq!(one_decimal(-0.04), "0.0");
    assert_eq!(one_decimal(-1.25), "-1.3");
    assert_eq!(one_decimal(f64::NAN), "\u{2013}");
}

#[test]
fn answers_to_removed_statements_are_listed_as_retired() {
    use l5_selfcheck::core::scoring::retired;
    let ladder = ladder();
    let mut document = answered(&[("a.1", Step(1)), ("gone.old", Step(2))]);
    document.set_note("gone.note-only", "kept evidence", 9);
    let retired = retired(&ladder, &document);
    let ids: Vec<&str> = retired.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, ["gone.note-only", "gone.old"]);
    assert_eq!(retired[0].1.note, "kept evidence");
    assert_eq!(
        document.answers.len(),
        3,
        "nothing is removed from the document"
    );
}

/// Reproduced before with a new hire's first check: six answers "not
/// sure" and one "Usually" made Culture "stronger than the rest", and with
/// a low middle even "Sometimes" counted as a strength.
#[test]
fn one_or_two_answers_name_no_strength_and_sometimes_is_never_one() {
    let ladder = ladder();
    let few = answered(&[
        ("a.1", Step(2)),
        ("b.1", Unsure),
        ("c.1", Unsure),
        ("d.1", Unsure),
        ("e.1", Unsure),
        ("a.2", Step(0)),
    ]);
    let results = score(&ladder, &few, false);
    assert!(!results.enough(), "two rated answers in one section");
    assert!(!results.anything_stands_out());
    // Enough answers, all low: the highest section stands apart from the
    // middle, but "Sometimes" (a third of the scale) is not a strength.
    let low = answered(&[
        ("a.1", Step(1)),
        ("a.2", Step(1)),
        ("b.1", Step(0)),
        ("b.2", Step(0)),
        ("c.1", Step(0)),
        ("c.2", Step(0)),
        ("d.1", Step(0)),
    ]);
    let results = score(&ladder, &low, false);
    assert!(results.enough());
    assert!(results.strengths.is_empty(), "{:?}", results.strengths);
}

#[test]
fn low_answers_are_the_lower_half_of_the_scale_lowest_first() {
    use l5_selfcheck::core::scoring::low_answers;
    let ladder = ladder();
    let index = |id: &str| ladder.statements.iter().position(|s| s.id == id).unwrap();
    let document = answered(&[
        ("a.1", Step(1)),
        ("b.1", Step(0)),
        ("c.1", Step(2)),
        ("e.risk", Step(0)),
        ("d.1", Unsure),
    ]);
    assert_eq!(
        low_answers(&ladder, &document, false),
        vec![index("b.1"), index("a.1")]
    );
}

/// Issue 27: a new hire with most answers "not sure" and one rated answer
/// in each of six sections got "stronger than the rest" and "where to
/// grow" from single answers. Most "not sure" reads as too early, and a
/// section with one rated answer is never named.
#[test]
fn mostly_not_sure_reads_as_too_early_and_one_answer_is_not_a_section() {
    let ladder = ladder();
    let first_week = answered(&[
        ("a.1", Step(3)),
        ("b.1", Step(3)),
        ("c.1", Step(0)),
        ("d.1", Step(0)),
        ("e.1", Step(1)),
        ("a.2", Step(2)),
        ("b.2", Unsure),
        ("c.2", Unsure),
        ("d.2", Unsure),
        ("e.2", Unsure),
        ("e.role", Unsure),
        ("e.risk", Unsure),
        ("e.1", Step(1)),
    ]);
    let results = score(&ladder, &first_week, false);
    assert_eq!((results.scored, results.unsure.len()), (6, 6));
    assert!(!results.mostly_unsure(), "as many rated as not sure");
    assert!(results.enough());
    // Only a has two rated answers: b (one "Consistently") and c, d (one
    // "Not yet" each) stand apart by one answer, and are not named.
    let named: Vec<usize> = results
        .strengths
        .iter()
        .chain(&results.growth)
        .flatten()
        .copied()
        .collect();
    assert!(
        named.iter().all(|s| results.sections[*s].scored >= 2),
        "{named:?}"
    );
    assert!(
        !named.contains(&1) && !named.contains(&2) && !named.contains(&3),
        "{named:?}"
    );
    // One more "not sure" than rated: too early to read, whatever the count.
    let mut unsure = first_week.clone();
    unsure.set_rating("a.2", Unsure, 100);
    let results = score(&ladder, &unsure, false);
    assert!(results.mostly_unsure());
    assert!(!results.enough());
    assert!(!results.anything_stands_out());
}

/// Issue 27: "What moved" showed "1.6 → 1.4, Down 0.1" (the change of the
/// unrounded averages beside the rounded ones). The change is worked out
/// from the values shown.
#[test]
fn a_change_is_worked_out_from_the_values_shown() {
    use l5_selfcheck::core::scoring::{average_on_scale, shown_change};
    let scale = &ladder().scale;
    // 1.55 and 1.44 on the 0-3 scale: shown 1.6 and 1.4.
    let (before, after) = (1.55 / 3.0, 1.44 / 3.0);
    assert_eq!(average_on_scale(scale, before), "1.6");
    assert_eq!(average_on_scale(scale, after), "1.4");
    assert_eq!(shown_change(scale, before, after), -2);
    // 1.31 and 1.34: both shown 1.3, so the same.
    assert_eq!(shown_change(scale, 1.31 / 3.0, 1.34 / 3.0), 0);
    assert_eq!(shown_change(scale, 0.0, 1.0), 30);
}

/// Issue 27: the ideas list stopped at the first eight low answers in
/// ladder order and never reached the lowest section. It orders every low
/// answer by the answer, then by its section's average.
#[test]
fn low_answers_come_lowest_answer_then_lowest_section_first() {
    use l5_selfcheck::core::scoring::low_answers_lowest_section_first;
    let ladder = ladder();
    let index = |id: &str| ladder.statements.iter().position(|s| s.id == id).unwrap();
    // Sections: a 1.0 (1, 1), b 0.5 (1, 0), c 2.0 (1, 3), d 3.0 (3, 3).
    let document = answered(&[
        ("a.1", Step(1)),
        ("a.2", Step(1)),
        ("b.1", Step(1)),
        ("b.2", Step(0)),
        ("c.1", Step(1)),
        ("c.2", Step(3)),
        ("d.1", Step(3)),
        ("d.2", Step(3)),
    ]);
    let results = score(&ladder, &document, false);
    let order = low_answers_lowest_section_first(&ladder, &document, &results, false);
    let ids: Vec<&str> = order
        .iter()
        .map(|i| ladder.statements[*i].id.as_str())
        .collect();
    assert_eq!(ids, ["b.2", "b.1", "a.1", "a.2", "c.1"]);
    assert!(order.contains(&index("c.1")), "every low answer is there");
}
