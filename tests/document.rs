//! The persisted document: encode/decode, validation, migrations and merge.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::document::plan::{PlanItem, PlanStatus};
use l5_selfcheck::core::document::{
    check_name, reconcile, safe_label, safe_name, Agenda, Answer, Answers, Beside, CheckMode,
    DecodeError, Document, Rater, Rating, Replaced, Resume, Snapshot, SnapshotKind, MAX_NOTE_LEN,
    MAX_SNAPSHOTS, SCHEMA,
};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("fixture exists")
}

#[test]
fn schema_1_fixture_loads_with_every_answer_and_note() {
    let document = Document::decode(&fixture("document-v1.json")).expect("schema 1 loads");
    assert_eq!(document.schema, SCHEMA);
    assert_eq!(document.ladder, "l5");
    assert_eq!(document.revision, 4);
    assert_eq!(document.answers.len(), 4);
    assert_eq!(
        document.rating("impact.operational-plan"),
        Some(Rating::Step(2))
    );
    assert_eq!(document.rating("ownership.step-in"), Some(Rating::Unsure));
    assert_eq!(document.rating("process.uphold"), None);
    assert_eq!(
        document.answers["process.uphold"].note,
        "Only a note so far <b>bold</b>"
    );
    assert_eq!(document.resume.mode, Some(CheckMode::Quick));
    assert_eq!(document.resume.section.as_deref(), Some("impact"));
    assert!(document.snapshots.is_empty(), "schema 1 had no snapshots");
}

#[test]
fn schema_2_fixture_loads_with_its_snapshots() {
    let document = Document::decode(&fixture("document-v2.json")).expect("schema 2 loads");
    assert_eq!(document.schema, SCHEMA);
    assert_eq!(document.answers.len(), 3);
    assert_eq!(document.snapshots.len(), 1);
    let snapshot = &document.snapshots[0];
    assert_eq!(snapshot.taken_at, 1764230500000);
    assert_eq!(
        snapshot.answers["impact.operational-plan"].note,
        "Planned the rollout."
    );
    assert_eq!(
        snapshot.answers["ownership.step-in"].rating,
        Some(Rating::Unsure)
    );
    assert_eq!(Document::decode(&document.encode()).unwrap(), document);
}

/// Every stored format ever shipped loads forever, with its meaning: the
/// fixtures are files as the app wrote them (schema 1 to 4), never
/// regenerated. A field renamed on both the writing and the reading side
/// fails here.
#[test]
fn schema_3_fixture_loads_with_names_undo_and_the_deletion_mark() {
    let document = Document::decode(&fixture("document-v3.json")).expect("schema 3 loads");
    assert_eq!(document.schema, SCHEMA);
    assert_eq!(document.subject, "Sam Rivera");
    assert_eq!(
        document.rater,
        Rater::Other {
            name: "Alex Chen".into()
        }
    );
    assert_eq!(
        document.rating("impact.lead-engineers"),
        Some(Rating::NotMyRole)
    );
    assert_eq!(
        document.rating("ownership.write-tests"),
        Some(Rating::Unsure)
    );
    let noted = &document.answers["impact.hands-on-coding"];
    assert_eq!(
        noted.note,
        "Shipped the <b>retry</b> queue myself; \"quoted\" & done."
    );
    assert_eq!(
        (noted.rated_at, noted.noted_at),
        (1764403200000, 1764489600000)
    );
    assert!(
        document.answers["process.improve"].is_cleared(),
        "a cleared entry stays"
    );
    assert_eq!(document.snapshots.len(), 2);
    assert_eq!(
        document.snapshots[1].kind(),
        SnapshotKind::Kept,
        "read from its label"
    );
    assert_eq!(document.snapshots[0].kind(), SnapshotKind::Saved);
    let replaced = document.replaced.as_ref().expect("the undo record");
    assert_eq!(replaced.kept, 1764489500000);
    assert_eq!(document.cleared_before, 1764300000000);
    assert_eq!(Document::decode(&document.encode()).unwrap(), document);
}

#[test]
fn schema_4_fixture_loads_with_every_field_and_writes_back_the_same_keys() {
    let text = fixture("document-v4.json");
    let document = Document::decode(&text).expect("schema 4 loads");
    assert_eq!(document.content_version, "2026.12.2");
    assert_eq!(
        (document.revision, document.updated_at),
        (41, 1765000000000)
    );
    assert_eq!(
        document.rating("responsibilities.mentor"),
        Some(Rating::NotMyRole)
    );
    assert_eq!(
        document.answers["impact.hands-on-coding"].noted_at,
        1764950000000
    );
    assert_eq!(document.resume.mode, Some(CheckMode::Full));
    let kinds: Vec<_> = document.snapshots.iter().map(|s| s.kind()).collect();
    assert_eq!(
        kinds,
        [
            SnapshotKind::Quick,
            SnapshotKind::Kept,
            SnapshotKind::Baseline
        ]
    );
    assert_eq!(document.snapshots[0].plan[0].step, "Pair on the queue");
    assert_eq!(document.plan.len(), 2);
    let done = &document.plan[0];
    assert_eq!(
        (
            done.status,
            done.due.as_str(),
            done.helper.as_str(),
            done.outcome.as_str(),
            done.origin.as_str()
        ),
        (
            PlanStatus::Done,
            "2027-01-31",
            "Priya",
            "Ran it; two changes adopted.",
            "Agreed in the 1:1 of 2026-12-02"
        )
    );
    assert_eq!(document.plan[1].status, PlanStatus::Dropped);
    let beside = document.beside.as_ref().expect("the view beside");
    assert_eq!(
        (beside.received_at, beside.updated_at),
        (1764970000000, 1764960000000)
    );
    assert_eq!(beside.rater, Rater::Subject);
    assert_eq!(beside.answers["impact.hands-on-coding"].note, "I led it.");
    assert_eq!(beside.plan[0].origin, "Agreed in the 1:1 of 2026-12-02");
    assert_eq!(document.agenda.notes, "Start with the on-call rota.");
    assert_eq!(document.agenda.noted_at, 1764980000000);
    assert_eq!(document.cleared_before, 1764000000000);
    // The writer's keys are the fixture's: the same text comes out.
    assert_eq!(document.encode(), text.trim_end());
}

#[test]
fn a_plan_from_a_hand_made_file_reads_without_what_could_not_be_kept() {
    let text = fixture("document-v4.json")
        .replace("\"due\":\"2027-01-31\"", "\"due\":\"next week\"")
        .replace(
            "\"statement\":\"ownership.write-tests\"",
            "\"statement\":\"Not An Id\"",
        );
    let document = Document::decode(&text).expect("still loads");
    assert_eq!(
        document.plan.len(),
        1,
        "the item about no statement is left out"
    );
    assert_eq!(
        document.plan[0].due, "",
        "a due date that is no date is read as none"
    );
    assert!(document.validate().is_ok());
    let mut bad = document.clone();
    bad.plan[0].due = "soon".into();
    assert!(
        bad.checked_encode().is_err(),
        "the writer refuses what the reader would repair"
    );
}

#[test]
fn snapshots_copy_the_answers_and_keep_at_most_the_limit() {
    let mut document = Document::new("l5", "1");
    document.set_rating("a", Rating::Step(1), 10);
    document.take_snapshot(20, 20, SnapshotKind::Saved, "");
    document.set_rating("a", Rating::Step(3), 30);
    assert_eq!(
        document.snapshots[0].answers["a"].rating,
        Some(Rating::Step(1))
    );
    assert_eq!(
        document.as_of(&document.snapshots[0]).rating("a"),
        Some(Rating::Step(1))
    );
    assert_eq!(document.rating("a"), Some(Rating::Step(3)));
    for now in 0..(MAX_SNAPSHOTS as u64 + 5) {
        document.take_snapshot(40 + now, 40 + now, SnapshotKind::Saved, "");
    }
    assert_eq!(document.snapshots.len(), MAX_SNAPSHOTS);
    let times: Vec<u64> = document.snapshots.iter().map(|s| s.taken_at).collect();
    assert!(
        times.windows(2).all(|w| w[0] < w[1]),
        "distinct and in order"
    );
}

#[test]
fn encode_then_decode_keeps_the_fixture_unchanged() {
    let document = Document::decode(&fixture("document-v1.json")).unwrap();
    assert_eq!(Document::decode(&document.encode()).unwrap(), document);
}

#[test]
fn text_that_is_not_json_is_reported_as_such() {
    for text in ["", "{", "not json", "{\"schema\":1,\"ladder\":\"l5\""] {
        assert!(
            matches!(Document::decode(text), Err(DecodeError::NotJson(_))),
            "{text:?}"
        );
    }
}

#[test]
fn json_that_is_not_a_document_is_invalid() {
    for text in [
        "[]",
        "42",
        "{}",
        "{\"schema\":\"1\"}",
        "{\"schema\":1}",
        "{\"schema\":0,\"ladder\":\"l5\",\"content_version\":\"x\",\"revision\":0,\"updated_at\":0}",
        "{\"schema\":1,\"ladder\":\"L5 ladder\",\"content_version\":\"x\",\"revision\":0,\"updated_at\":0}",
        "{\"schema\":1,\"ladder\":\"l5\",\"content_version\":\"x\",\"revision\":-1,\"updated_at\":0}",
    ] {
        assert!(matches!(Document::decode(text), Err(DecodeError::Invalid(_))), "{text:?}");
    }
}

#[test]
fn absurd_values_are_rejected() {
    let base = |answers: &str| {
        format!("{{\"schema\":1,\"ladder\":\"l5\",\"content_version\":\"x\",\"revision\":1,\"updated_at\":1,\"answers\":{answers}}}")
    };
    for answers in [
        "{\"a.b\":{\"rating\":101,\"changed_at\":1}}",
        "{\"a.b\":{\"rating\":-2,\"changed_at\":1}}",
        "{\"a.b\":{\"rating\":1.5,\"changed_at\":1}}",
        "{\"a.b\":{\"rating\":\"always\",\"changed_at\":1}}",
        "{\"../../etc\":{\"rating\":1,\"changed_at\":1}}",
        "{\"a.b\":{\"rating\":1}}",
    ] {
        assert!(
            matches!(
                Document::decode(&base(answers)),
                Err(DecodeError::Invalid(_))
            ),
            "{answers}"
        );
    }
    let long_note = format!(
        "{{\"a.b\":{{\"note\":\"{}\",\"changed_at\":1}}}}",
        "x".repeat(MAX_NOTE_LEN + 1)
    );
    let error = Document::decode(&base(&long_note)).unwrap_err();
    assert!(error.to_string().contains("characters"), "{error}");
}

#[test]
fn a_newer_schema_is_reported_with_what_can_be_read() {
    let text = fixture("document-v1.json").replace("\"schema\":1", "\"schema\":7");
    match Document::decode(&text) {
        Err(DecodeError::Newer { schema, readable }) => {
            assert_eq!(schema, 7);
            assert_eq!(readable.expect("readable").answers.len(), 4);
        }
        other => panic!("expected Newer, got {other:?}"),
    }
    let unreadable = "{\"schema\":9,\"everything\":\"changed\"}";
    assert!(matches!(
        Document::decode(unreadable),
        Err(DecodeError::Newer {
            schema: 9,
            readable: None
        })
    ));
}

#[test]
fn setting_a_rating_stamps_the_answer_and_bumps_the_revision() {
    let mut document = Document::new("l5", "1");
    document.set_rating("impact.a", Rating::Step(3), 1000);
    document.set_note("impact.a", "evidence", 2000);
    assert_eq!(document.revision, 2);
    assert_eq!(document.updated_at, 2000);
    let answer = &document.answers["impact.a"];
    assert_eq!(answer.rating, Some(Rating::Step(3)));
    assert_eq!((answer.rated_at, answer.noted_at), (1000, 2000));
    // The same note again is not a change.
    document.set_note("impact.a", "evidence", 3000);
    assert_eq!(document.revision, 2);
}

#[test]
fn notes_are_cut_at_the_limit_counted_as_the_browser_counts() {
    let mut document = Document::new("l5", "1");
    document.set_note("a", &"é".repeat(MAX_NOTE_LEN + 50), 1);
    assert_eq!(document.answers["a"].note.chars().count(), MAX_NOTE_LEN);
    assert!(document.validate().is_ok());
    // An emoji is two UTF-16 units, as `maxlength` counts it: never cut in half.
    document.set_note("b", &"🙂".repeat(MAX_NOTE_LEN), 2);
    assert_eq!(document.answers["b"].note.chars().count(), MAX_NOTE_LEN / 2);
    assert!(document.validate().is_ok());
    let mut over = Document::new("l5", "1");
    over.answers.insert(
        "c".into(),
        Answer {
            note: "🙂".repeat(MAX_NOTE_LEN / 2 + 1),
            ..Answer::default()
        },
    );
    assert!(over.validate().unwrap_err().contains("2002 characters"));
}

#[test]
fn merge_keeps_the_later_rating_and_the_later_note_of_each_answer() {
    let mut ours = Document::new("l5", "1");
    ours.set_rating("a", Rating::Step(1), 10);
    ours.set_rating("b", Rating::Step(1), 30);
    ours.set_note("b", "ours", 31);
    let mut theirs = Document::new("l5", "1");
    theirs.set_rating("a", Rating::Step(3), 20);
    theirs.set_rating("b", Rating::Step(2), 25);
    theirs.set_note("b", "theirs", 40);
    theirs.set_rating("c", Rating::Unsure, 5);
    let merged = ours.merge(&theirs);
    assert_eq!(merged.rating("a"), Some(Rating::Step(3)), "theirs is later");
    assert_eq!(
        merged.rating("b"),
        Some(Rating::Step(1)),
        "our rating is later"
    );
    assert_eq!(merged.answers["b"].note, "theirs", "their note is later");
    assert_eq!(
        merged.rating("c"),
        Some(Rating::Unsure),
        "only theirs has it"
    );
    assert!(merged.revision > ours.revision.max(theirs.revision));
}

/// A clock set back (or a copy stamped by a clock ahead) must not make a
/// merge prefer the value a change replaced.
#[test]
fn a_change_wins_over_the_value_it_replaced_even_when_the_clock_went_back() {
    let mut stored = Document::new("l5", "1");
    stored.set_rating("a", Rating::Step(1), 9_000);
    stored.set_note("a", "old", 9_000);
    let mut changed = stored.clone();
    changed.set_rating("a", Rating::Step(3), 1_200);
    changed.set_note("a", "new", 1_200);
    for merged in [changed.merge(&stored), stored.merge(&changed)] {
        assert_eq!(merged.rating("a"), Some(Rating::Step(3)));
        assert_eq!(merged.answers["a"].note, "new");
    }
    // The same for a replace (an import) made at the earlier time.
    let mut file = Document::new("l5", "1");
    file.set_rating("b", Rating::Step(2), 5);
    let mut imported = stored.clone();
    imported.replace_answers(&file.answers, None, "importing “x.json”", 1_300);
    for merged in [imported.merge(&stored), stored.merge(&imported)] {
        assert_eq!(merged.rating("a"), None, "replaced away");
        assert_eq!(merged.rating("b"), Some(Rating::Step(2)));
    }
}

/// Two tabs changing one answer in the same millisecond: both merges pick
/// the same value, so the tabs agree instead of writing back and forth.
#[test]
fn equal_times_are_settled_the_same_way_on_both_sides() {
    let mut a = Document::new("l5", "1");
    a.set_rating("x", Rating::Step(1), 50);
    a.set_note("x", "from a", 50);
    let mut b = Document::new("l5", "1");
    b.set_rating("x", Rating::Step(2), 50);
    b.set_note("x", "from b", 50);
    let ab = a.merge(&b);
    let ba = b.merge(&a);
    assert_eq!(ab.answers["x"], ba.answers["x"]);
}

#[test]
fn merge_keeps_snapshots_from_both_sides_in_time_order() {
    let mut ours = Document::new("l5", "1");
    ours.take_snapshot(10, 10, SnapshotKind::Saved, "");
    ours.take_snapshot(30, 30, SnapshotKind::Saved, "");
    let mut theirs = Document::new("l5", "1");
    theirs.take_snapshot(20, 20, SnapshotKind::Saved, "");
    let merged = ours.merge(&theirs);
    let times: Vec<u64> = merged.snapshots.iter().map(|s| s.taken_at).collect();
    assert_eq!(times, [10, 20, 30]);
}

/// Two tabs near the limit each took a snapshot: the merge used to hold 51
/// and the next load rejected the whole document as unreadable.
#[test]
fn a_merge_over_the_snapshot_limit_drops_the_oldest_and_says_so() {
    let mut base = Document::new("l5", "1");
    base.set_rating("a", Rating::Step(2), 1);
    for time in 0..(MAX_SNAPSHOTS as u64 - 1) {
        base.take_snapshot(100 + time, 100 + time, SnapshotKind::Saved, "");
    }
    let mut one = base.clone();
    one.take_snapshot(1000, 1000, SnapshotKind::Saved, "");
    let mut two = base.clone();
    two.take_snapshot(2000, 2000, SnapshotKind::Saved, "");
    let (merged, reconciled) = reconcile(&one, Some(&two), Some(&base), None);
    assert_eq!(merged.snapshots.len(), MAX_SNAPSHOTS);
    assert_eq!(reconciled.trimmed, 1);
    assert_eq!(merged.snapshots[0].taken_at, 101, "the oldest went");
    assert!(merged.snapshot(1000).is_some() && merged.snapshot(2000).is_some());
    assert_eq!(Document::decode(&merged.encode()), Ok(merged));
}

#[test]
fn a_replace_keeps_the_old_answers_and_undo_brings_them_back() {
    let mut document = Document::new("l5", "1");
    document.set_rating("a", Rating::Step(1), 10);
    document.set_note("a", "my evidence", 11);
    document.set_rating("b", Rating::Step(3), 12);
    document.take_snapshot(20, 20, SnapshotKind::Saved, "");
    let mut file = Answers::default();
    file.insert(
        "b".into(),
        Answer {
            rating: Some(Rating::Step(0)),
            rated_at: 5,
            note: "theirs".into(),
            noted_at: 5,
            ..Default::default()
        },
    );
    file.insert(
        "c".into(),
        Answer {
            rating: Some(Rating::Unsure),
            ..Answer::default()
        },
    );
    document.replace_answers(&file, None, "importing \u{201c}x.json\u{201d}", 100);
    assert_eq!(document.rating("a"), None, "a is not in the file");
    assert_eq!(document.rating("b"), Some(Rating::Step(0)));
    assert_eq!(
        document.answers["b"].rated_at, 100,
        "imported answers are stamped now"
    );
    assert_eq!(
        document.snapshots.len(),
        2,
        "the person's own snapshot stays"
    );
    let replaced = document.replaced.clone().expect("an undo record");
    assert_eq!(
        document.snapshot(replaced.kept).unwrap().label,
        "Before importing \u{201c}x.json\u{201d}"
    );
    // The undo record survives a reload.
    let mut reloaded = Document::decode(&document.encode()).unwrap();
    assert!(reloaded.undo_replace(200));
    assert_eq!(reloaded.rating("a"), Some(Rating::Step(1)));
    assert_eq!(reloaded.answers["a"].note, "my evidence");
    assert_eq!(reloaded.rating("b"), Some(Rating::Step(3)));
    assert_eq!(reloaded.rating("c"), None);
    assert!(reloaded.replaced.is_none());
    let labels: Vec<&str> = reloaded
        .snapshots
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["", "Undone: importing \u{201c}x.json\u{201d}"],
        "nothing lost either way"
    );
    assert!(!reloaded.undo_replace(300), "nothing more to undo");
}

/// Imported answers used to keep their old times (0 from share links), so
/// a second open tab merged its older answers back over the import.
#[test]
fn an_older_copy_in_another_tab_does_not_undo_an_import() {
    let mut before = Document::new("l5", "1");
    before.set_rating("a", Rating::Step(1), 50);
    before.set_rating("b", Rating::Step(1), 60);
    let stale_tab = before.clone();
    let mut imported = before.clone();
    let mut file = Answers::default();
    file.insert(
        "a".into(),
        Answer {
            rating: Some(Rating::Step(3)),
            ..Answer::default()
        },
    );
    imported.replace_answers(&file, None, "opening a shared link", 100);
    let (merged, _) = reconcile(&stale_tab, Some(&imported), Some(&before), None);
    assert_eq!(merged.rating("a"), Some(Rating::Step(3)));
    assert_eq!(merged.rating("b"), None, "b was replaced away and stays so");
    // Without knowing a common base, the later change still wins.
    assert_eq!(stale_tab.merge(&imported).rating("b"), None);
}

#[test]
fn arithmetic_on_stored_numbers_saturates() {
    let text = format!(
        "{{\"schema\":3,\"ladder\":\"l5\",\"content_version\":\"1\",\"revision\":{max},\"updated_at\":{max},\"answers\":{{}},\"snapshots\":[{{\"taken_at\":{max},\"answers\":{{}}}}]}}",
        max = u64::MAX
    );
    let mut document = Document::decode(&text).unwrap();
    document.set_rating("a", Rating::Step(1), 5);
    document.take_snapshot(5, 5, SnapshotKind::Saved, "");
    assert_eq!(document.revision, u64::MAX);
    assert!(document.snapshots.len() <= 2);
    assert!(document.merge(&document.clone()).validate().is_ok());
}

#[test]
fn names_are_checked_as_typed() {
    assert_eq!(check_name("  Alex Kim "), Ok("Alex Kim".into()));
    assert_eq!(
        check_name("<b>Sam</b>"),
        Ok("<b>Sam</b>".into()),
        "markup is text"
    );
    assert!(check_name("   ").is_err());
    assert!(check_name(&"x".repeat(61)).is_err());
    assert!(
        check_name("Alex\u{202e}gnp.exe").is_err(),
        "right-to-left override"
    );
    assert!(check_name("Al\nex").is_err());
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        (0u8..=100).prop_map(Rating::Step),
        Just(Rating::Unsure),
        Just(Rating::NotMyRole)
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9._-]{0,40}"
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        proptest::option::of(rating()),
        any::<u64>(),
        ".{0,80}",
        any::<u64>(),
        proptest::option::of(any::<u64>()),
    )
        .prop_map(|(rating, rated_at, note, noted_at, given_at)| Answer {
            rating,
            rated_at,
            note,
            noted_at,
            given_at,
        })
}

/// A plan item with every field; text as the reader keeps it (one plain line).
fn plan_item() -> impl Strategy<Value = PlanItem> {
    (
        any::<u64>(),
        id(),
        "[A-Za-z][A-Za-z ,.]{0,40}",
        prop_oneof![Just(String::new()), Just("2027-01-31".to_string())],
        "[A-Za-z ]{0,20}",
        prop_oneof![
            Just(PlanStatus::Active),
            Just(PlanStatus::Done),
            Just(PlanStatus::Dropped),
            Just(PlanStatus::Removed)
        ],
        "[A-Za-z ]{0,30}",
        "[A-Za-z0-9 :-]{0,30}",
        any::<u64>(),
    )
        .prop_map(
            |(id, statement, step, due, helper, status, outcome, origin, changed_at)| PlanItem {
                id,
                statement,
                step: step.trim().to_string(),
                due,
                helper: helper.trim().to_string(),
                status,
                outcome: outcome.trim().to_string(),
                origin: origin.trim().to_string(),
                changed_at,
            },
        )
}

fn plan() -> impl Strategy<Value = Vec<PlanItem>> {
    proptest::collection::btree_map(any::<u64>(), plan_item(), 0..4).prop_map(|items| {
        items
            .into_iter()
            .map(|(id, item)| PlanItem { id, ..item })
            .collect()
    })
}

fn snapshot_kind() -> impl Strategy<Value = Option<SnapshotKind>> {
    proptest::option::of(prop_oneof![
        Just(SnapshotKind::Saved),
        Just(SnapshotKind::Quick),
        Just(SnapshotKind::Full),
        Just(SnapshotKind::Baseline),
        Just(SnapshotKind::Kept)
    ])
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[A-Za-zé<>&' ]{0,20}[a-z]"]
}

prop_compose! {
    fn document()(
        ladder in id(),
        content_version in ".{0,20}",
        revision in any::<u64>(),
        updated_at in any::<u64>(),
        subject in name(),
        rater in proptest::option::of(name()),
        answers in proptest::collection::btree_map(id(), answer(), 0..30),
        mode in proptest::option::of(prop_oneof![Just(CheckMode::Quick), Just(CheckMode::Full)]),
        section in proptest::option::of(id()),
        snapshots in proptest::collection::btree_map(
            any::<u64>(),
            ("[A-Za-z “”.]{0,20}", proptest::collection::btree_map(id(), answer(), 0..5), snapshot_kind(), plan()),
            0..4,
        ),
        plan in plan(),
        beside_plan in plan(),
        undo in any::<bool>(),
        cleared_before in prop_oneof![Just(0u64), any::<u64>()],
        kept in (
            proptest::option::of((any::<u64>(), any::<u64>(), "[A-Za-z “”.]{0,20}", name(), proptest::option::of(name()), proptest::collection::btree_map(id(), answer(), 0..5))),
            "(?s).{0,60}",
            any::<u64>(),
        ),
    ) -> Document {
        let snapshots: Vec<Snapshot> = snapshots
            .into_iter()
            .map(|(taken_at, (label, answers, kind, plan))| Snapshot { taken_at, label: safe_label(&label), kind, answers: answers.into_iter().collect(), plan })
            .collect();
        let replaced = snapshots.first().filter(|_| undo).map(|kept| Replaced {
            at: kept.taken_at,
            what: "importing “x.json”".into(),
            kept: kept.taken_at,
        });
        Document {
            schema: SCHEMA,
            ladder,
            content_version,
            revision,
            updated_at,
            subject: safe_name(&subject),
            rater: match rater {
                None => Rater::Subject,
                Some(name) => Rater::Other { name: safe_name(&name) },
            },
            answers: answers.into_iter().collect(),
            resume: Resume { mode, section },
            snapshots,
            replaced,
            cleared_before,
            plan,
            beside: kept.0.map(|(received_at, updated_at, from, subject, rater, answers)| Beside {
                received_at,
                updated_at,
                from: safe_label(&from),
                subject: safe_name(&subject),
                rater: match rater {
                    None => Rater::Subject,
                    Some(name) => Rater::Other { name: safe_name(&name) },
                },
                answers: answers.into_iter().collect(),
                plan: beside_plan,
            }),
            agenda: Agenda { notes: kept.1, noted_at: kept.2 },
        }
    }
}

proptest! {
    #[test]
    fn any_document_survives_save_then_load(document in document()) {
        prop_assert_eq!(Document::decode(&document.encode()), Ok(document));
    }

    #[test]
    fn decoding_any_string_never_panics(text in ".{0,400}") {
        let _ = Document::decode(&text);
    }

    #[test]
    fn decoding_any_json_shaped_text_never_panics(text in r#"[{}\[\]":,0-9a-z_ .-]{0,200}"#) {
        let _ = Document::decode(&text);
    }

    #[test]
    fn decoding_mangled_documents_never_panics(document in document(), cut in 0usize..400, byte in any::<u8>()) {
        let mut text = document.encode().into_bytes();
        if !text.is_empty() {
            let at = cut % text.len();
            text[at] = byte;
            text.truncate(at + 1 + cut / 2);
        }
        let _ = Document::decode(&String::from_utf8_lossy(&text));
    }

    /// Migration from every shipped schema keeps every answer and note:
    /// the document is written as schema 1 (no snapshots) and read back.
    #[test]
    fn migration_keeps_every_answer_and_note(document in document()) {
        let mut old = document.clone();
        old.snapshots.clear();
        old.replaced = None;
        let v1 = old.encode().replacen(&format!("\"schema\":{SCHEMA}"), "\"schema\":1", 1);
        let loaded = Document::decode(&v1).unwrap();
        prop_assert_eq!(loaded.schema, SCHEMA);
        let before: BTreeMap<_, _> = document.answers.iter().map(|(k, a)| (k.clone(), (a.rating, a.note.clone()))).collect();
        let after: BTreeMap<_, _> = loaded.answers.iter().map(|(k, a)| (k.clone(), (a.rating, a.note.clone()))).collect();
        prop_assert_eq!(before, after);
    }

    #[test]
    fn any_valid_document_validates(document in document()) {
        prop_assert_eq!(document.validate(), Ok(()));
    }

    /// Two copies of one document (the same ladder), each valid: their
    /// merge validates, and keeps every later rating and note.
    #[test]
    fn merging_two_valid_documents_gives_a_valid_one(a in document(), mut b in document()) {
        b.ladder = a.ladder.clone();
        b.cleared_before = 0;
        let mut a = a;
        a.cleared_before = 0;
        let merged = a.merge(&b);
        prop_assert_eq!(merged.validate(), Ok(()));
        prop_assert!(merged.snapshots.len() <= MAX_SNAPSHOTS);
        for (id, answer) in a.answers.iter().chain(b.answers.iter()) {
            let kept = &merged.answers[id.as_str()];
            prop_assert!(kept.rated_at >= answer.rated_at && kept.noted_at >= answer.noted_at);
        }
        prop_assert_eq!(Document::decode(&merged.encode()), Ok(merged));
    }
}

#[test]
fn answers_stay_sorted_by_id_whatever_the_insertion_order() {
    let mut document = Document::new("l5", "1");
    for id in ["m.b", "a.z", "z.a", "m.a"] {
        document.set_rating(id, Rating::Step(1), 1);
    }
    document.set_note("a.z", "again", 2);
    let ids: Vec<&String> = document.answers.keys().collect();
    assert_eq!(ids, ["a.z", "m.a", "m.b", "z.a"]);
    assert_eq!(document.answers.len(), 4);
    assert!(document
        .encode()
        .contains("\"answers\":{\"a.z\":{\"rating\":1,\"note\":\"again\""));
}
