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
    statements
        .push(json!({"id": "e.risk", "section": "e", "kind": "anti-pattern", "text": "I coast."}));
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
                "unsure": {"label": "Not sure", "description": "d"}
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

use Rating::{Step, Unsure};

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
    // "Usually" is.
    assert_eq!(
        score(&ladder, &answered(&[("e.risk", Step(2))]), false)
            .watch_outs
            .len(),
        1
    );
}

#[test]
fn growth_areas_are_the_lowest_three_to_five_and_strengths_the_rest_above_two_thirds() {
    let ladder = ladder();
    let document = answered(&[
        ("a.1", Step(3)),
        ("b.1", Step(0)),
        ("c.1", Step(2)),
        ("d.1", Step(1)),
        ("e.1", Step(3)),
    ]);
    let results = score(&ladder, &document, true);
    assert_eq!(results.growth, vec![1, 3, 2], "b, d, c: lowest first");
    assert_eq!(
        results.strengths,
        vec![0, 4],
        "a and e: ties in ladder order"
    );

    // Four weak sections: all four are growth areas.
    let weak = answered(&[
        ("a.1", Step(0)),
        ("b.1", Step(1)),
        ("c.1", Step(0)),
        ("d.1", Step(1)),
        ("e.1", Step(3)),
    ]);
    let results = score(&ladder, &weak, true);
    assert_eq!(results.growth, vec![0, 2, 1, 3]);
    assert_eq!(results.strengths, vec![4]);

    // Fewer scored sections than three: every scored section, no more.
    let results = score(&ladder, &answered(&[("a.1", Step(1))]), true);
    assert_eq!(results.growth, vec![0]);

    // A section answered "consistently" throughout is never a growth area.
    let results = score(
        &ladder,
        &answered(&[("a.1", Step(3)), ("b.1", Step(2))]),
        true,
    );
    assert_eq!(results.growth, vec![1]);
    assert_eq!(results.strengths, vec![0]);
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
    assert_eq!(full.total(), 11);
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
fn results_are_described_with_the_nearest_step_of_the_scale() {
    use l5_selfcheck::core::scoring::nearest_step;
    let ladder = ladder();
    let label = |share| nearest_step(&ladder, share).unwrap().choice.label.clone();
    assert_eq!(label(0.0), "Not yet");
    assert_eq!(label(0.3), "Sometimes");
    assert_eq!(label(0.6), "Usually");
    assert_eq!(label(0.9), "Consistently");
    assert_eq!(label(7.0), "Consistently", "out of range is clamped");
    // Exactly between two steps: the lower one, so results never flatter.
    assert_eq!(label(0.5), "Sometimes");
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
    assert_eq!((full.answered, full.total), (3, 11));
    assert_eq!(full.sections[0], (2, 2));
    assert_eq!(full.sections[4], (0, 3));
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
