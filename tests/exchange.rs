//! Taking answers elsewhere: export and import, Markdown, share links,
//! comparisons and dates.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::compare::compare;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{read_export, Document, Rating};
use l5_selfcheck::core::markdown::{escape, summary};
use l5_selfcheck::core::share::{self, MAX_LINK_LEN};
use l5_selfcheck::core::time::date;
use proptest::prelude::*;

fn l5() -> Ladder {
    let text = std::fs::read_to_string(format!(
        "{}/assets/ladders/l5.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    Ladder::parse(&text).unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn export_then_import_gives_the_same_document() {
    let document = Document::decode(&fixture("document-v2.json")).unwrap();
    let exported = document.encode();
    assert_eq!(read_export("l5", "L5", &exported), Ok(document));
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let cases = [
        ("not json at all", "not valid JSON"),
        ("{\"schema\":2,\"ladder\":\"l5\",\"content_vers", "not valid JSON"),
        ("[1,2,3]", "not a valid self-check export"),
        ("{\"schema\":99,\"ladder\":\"l5\"}", "newer version"),
        ("{\"schema\":2,\"ladder\":\"l6\",\"content_version\":\"1\",\"revision\":1,\"updated_at\":1}", "another ladder"),
        ("{\"schema\":2,\"ladder\":\"l5\",\"content_version\":\"1\",\"revision\":1,\"updated_at\":1,\"answers\":{\"a\":{\"rating\":9000,\"changed_at\":1}}}", "not a step value"),
    ];
    for (text, expected) in cases {
        let error = read_export("l5", "Senior engineer (L5)", text).unwrap_err();
        assert!(error.contains(expected), "{text}: {error}");
    }
}

#[test]
fn markdown_escapes_everything_a_person_typed() {
    assert_eq!(
        escape("<img src=x onerror=alert(1)>"),
        "\\<img src=x onerror=alert(1)\\>"
    );
    assert_eq!(
        escape("**bold** | [link](x)\nnext"),
        "\\*\\*bold\\*\\* \\| \\[link\\](x) next"
    );
    assert_eq!(
        escape("&lt; # ~~x~~ `code` ![i]"),
        "\\&lt; \\# \\~\\~x\\~\\~ \\`code\\` \\!\\[i\\]"
    );
    assert_eq!(
        escape("Plain, readable: text (yes)."),
        "Plain, readable: text (yes)."
    );
}

/// The summary of the v2 fixture, with a hostile note added, equals the
/// reviewed text in tests/fixtures/summary-v2.md.
#[test]
fn markdown_summary_of_the_fixture_equals_the_reviewed_text() {
    let mut document = Document::decode(&fixture("document-v2.json")).unwrap();
    document.answers.get_mut("ownership.step-in").unwrap().note =
        "<img src=x onerror=alert(1)> fixed the *queue*".into();
    let expected = fixture("summary-v2.md");
    assert_eq!(summary(&l5(), &document, false), expected);
}

#[test]
fn share_links_round_trip_and_refuse_other_content() {
    let ladder = l5();
    let mut document = Document::new("l5", &ladder.version);
    document.set_rating(&ladder.statements[0].id, Rating::Step(3), 1);
    document.set_rating(&ladder.statements[5].id, Rating::Unsure, 1);
    document.set_note(&ladder.statements[5].id, "not in the link", 1);
    let link = share::encode(&ladder, &document).unwrap();
    assert!(link.starts_with("v1.l5."), "{link}");
    assert!(link.len() < 40, "a short link: {link}");
    let back = share::decode(&ladder, &link).unwrap();
    assert_eq!(back.rating(&ladder.statements[0].id), Some(Rating::Step(3)));
    assert_eq!(back.rating(&ladder.statements[5].id), Some(Rating::Unsure));
    assert_eq!(back.answers.len(), 2);

    let mut changed = ladder.clone();
    changed.statements.remove(3);
    assert!(share::decode(&changed, &link)
        .unwrap_err()
        .contains("different version"));
    assert!(share::decode(&ladder, "v1.l6.x.3")
        .unwrap_err()
        .contains("another ladder"));
    assert!(share::decode(&ladder, "v1.l5")
        .unwrap_err()
        .contains("incomplete"));
    assert!(share::decode(&ladder, &"x".repeat(MAX_LINK_LEN + 1))
        .unwrap_err()
        .contains("longer"));
}

#[test]
fn a_ladder_too_big_for_a_link_is_refused_with_advice() {
    let mut ladder = l5();
    let template = ladder.statements[0].clone();
    let mut document = Document::new("l5", "1");
    for n in 0..2500 {
        let mut statement = template.clone();
        statement.id = format!("big.s{n}");
        document.set_rating(&statement.id, Rating::Step(1), 1);
        ladder.statements.push(statement);
    }
    let error = share::encode(&ladder, &document).unwrap_err();
    assert!(error.contains("Download the answers as a file"), "{error}");
}

proptest! {
    #[test]
    fn any_ratings_round_trip_through_a_link(codes in proptest::collection::vec(0u8..6, 61)) {
        let ladder = l5();
        let mut document = Document::new("l5", &ladder.version);
        for (statement, code) in ladder.statements.iter().zip(&codes) {
            match code {
                0..=3 => document.set_rating(&statement.id, Rating::Step(ladder.scale.steps[*code as usize].value), 0),
                4 => document.set_rating(&statement.id, Rating::Unsure, 0),
                _ => {}
            }
        }
        let back = share::decode(&ladder, &share::encode(&ladder, &document).unwrap()).unwrap();
        for statement in &ladder.statements {
            prop_assert_eq!(back.rating(&statement.id), document.rating(&statement.id));
        }
    }

    #[test]
    fn decoding_any_fragment_never_panics(fragment in ".{0,300}") {
        let _ = share::decode(&l5(), &fragment);
    }

    #[test]
    fn decoding_link_shaped_fragments_never_panics(tail in "[0-9u\\-a-z.]{0,80}") {
        let ladder = l5();
        let _ = share::decode(&ladder, &format!("v1.l5.{}.{tail}", share::fingerprint(&ladder)));
    }
}

#[test]
fn comparison_pairs_sections_and_flags_answers_two_steps_apart() {
    let ladder = l5();
    let (a, b, c) = (
        &ladder.statements[0].id,
        &ladder.statements[1].id,
        &ladder.statements[2].id,
    );
    let mut mine = Document::new("l5", "1");
    mine.set_rating(a, Rating::Step(3), 1);
    mine.set_rating(b, Rating::Step(2), 1);
    mine.set_rating(c, Rating::Step(1), 1);
    let mut theirs = Document::new("l5", "1");
    theirs.set_rating(a, Rating::Step(1), 1);
    theirs.set_rating(b, Rating::Step(2), 1);
    theirs.set_rating(c, Rating::Unsure, 1);
    let comparison = compare(&ladder, &mine, &theirs);
    assert_eq!(
        comparison.differences.len(),
        2,
        "only statements that differ"
    );
    let far: Vec<usize> = comparison.far_apart().map(|p| p.statement).collect();
    assert_eq!(far, [0]);
    assert_eq!(
        comparison.differences[1].steps_apart, None,
        "not sure is not on the scale"
    );
    let overview = &comparison.sections[0];
    assert_eq!(overview.section, 0);
    assert!(overview.left.unwrap() > overview.right.unwrap());
    assert!(comparison
        .sections
        .iter()
        .all(|s| ladder.sections[s.section].id != "complacency"));
}

#[test]
fn dates_are_calendar_dates_in_utc() {
    assert_eq!(date(0), "1970-01-01");
    assert_eq!(date(1_764_230_400_000), "2025-11-27");
    assert_eq!(date(951_782_400_000), "2000-02-29");
    assert_eq!(date(4_107_542_399_000), "2100-02-28");
    let _ = date(u64::MAX);
}
