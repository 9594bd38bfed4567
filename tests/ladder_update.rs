//! A content update carries every answer everywhere and tells the person:
//! a statement given a new id with `replaces` keeps its answers in one's
//! own check, in a check about someone, in the view kept beside it and in
//! imported files; a removed statement's answer stays, shown by its text;
//! the start page says what changed, once; the stored content version
//! follows the ladder.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::app::BUILT_IN_LADDER;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Beside, Document, Rater, Rating};
use l5_selfcheck::core::engine::{Engine, Input, Widget};
use l5_selfcheck::core::exchange::{read_incoming, Incoming};
use l5_selfcheck::core::keys::{CheckRef, DocKeys};
use l5_selfcheck::core::state::{Action, LadderUpdate};
use l5_selfcheck::core::store::{MemoryStore, Store};
use std::rc::Rc;

const NOW: u64 = 1_765_000_000_000;
const INSTANCE: &str = "main";

/// Today's ladder, and the next version of it: the first statement gets a
/// new id that `replaces` the old one, the second is removed (kept under
/// `retired` with its text).
fn versions() -> (Rc<Ladder>, Rc<Ladder>, String, String, String) {
    let before = Ladder::parse(BUILT_IN_LADDER).unwrap();
    let old_id = before.statements[0].id.clone();
    let gone_at = removed_index(&before);
    let removed = before.statements[gone_at].id.clone();
    let removed_text = before.statements[gone_at].text.clone();
    let mut json: serde_json::Value = serde_json::from_str(BUILT_IN_LADDER).unwrap();
    json["version"] = "2099.1.0".into();
    let statements = json["statements"].as_array_mut().unwrap();
    statements[0]["id"] = format!("{old_id}-v2").into();
    statements[0]["replaces"] = serde_json::json!([old_id.clone()]);
    let gone = statements.remove(gone_at);
    // The new-hire focus may name the removed statement: point it elsewhere.
    if let Some(focus) = json.pointer_mut("/new_hire/focus") {
        *focus = serde_json::json!([format!("{old_id}-v2")]);
    }
    json["retired"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "id": gone["id"], "text": gone["text"] }));
    let after = Ladder::parse(&json.to_string()).expect("the next version is a valid ladder");
    (
        Rc::new(before),
        Rc::new(after),
        old_id,
        removed,
        removed_text,
    )
}

/// A statement outside the quick set, which a ladder can lose.
fn removed_index(ladder: &Ladder) -> usize {
    (1..ladder.statements.len())
        .find(|&i| !ladder.statements[i].quick)
        .unwrap()
}

fn open(store: &dyn Store, ladder: Rc<Ladder>, hash: &str, now: u64) -> Engine {
    let widget = Widget {
        instance: INSTANCE.into(),
        tab: "t".into(),
        hash_routing: true,
        checkin_weeks: 8,
    };
    Engine::start(store, widget, ladder, hash, None, now, 0).0
}

fn stored(store: &dyn Store, check: &CheckRef) -> Document {
    let keys = DocKeys::new(INSTANCE, "l5", check);
    Document::decode(&store.read(&keys.document).unwrap().unwrap()).unwrap()
}

#[test]
fn the_start_page_is_told_once_and_the_stored_version_follows_the_ladder() {
    let (before, after, old_id, removed, removed_text) = versions();
    let store = MemoryStore::new();
    let mut engine = open(&store, before.clone(), "#/", NOW);
    for statement in [0, removed_index(&before), 2] {
        engine.handle(
            &store,
            NOW + statement as u64,
            Input::Act(Action::Rate {
                statement,
                rating: Rating::Step(2),
            }),
        );
    }
    assert_eq!(
        stored(&store, &CheckRef::Own).content_version,
        before.version
    );

    let mut engine = open(&store, after.clone(), "#/", NOW + 100);
    assert_eq!(
        engine.state().ladder_update,
        Some(LadderUpdate {
            from: before.version.clone(),
            moved: 1,
            retired: 1
        })
    );
    let document = &engine.state().document;
    assert_eq!(
        document.rating(&format!("{old_id}-v2")),
        Some(Rating::Step(2))
    );
    assert_eq!(
        document.rating(&removed),
        Some(Rating::Step(2)),
        "kept, retired"
    );
    assert_eq!(after.retired_text(&removed), Some(removed_text.as_str()));

    // Seen: the notice goes, and the check is marked as answered on this version.
    engine.handle(&store, NOW + 200, Input::Act(Action::SeenLadderUpdate));
    assert_eq!(engine.state().ladder_update, None);
    assert_eq!(
        stored(&store, &CheckRef::Own).content_version,
        after.version
    );
    let again = open(&store, after.clone(), "#/", NOW + 300);
    assert_eq!(again.state().ladder_update, None);
}

#[test]
fn a_change_writes_the_new_version_too() {
    let (before, after, _, _, _) = versions();
    let store = MemoryStore::new();
    let mut engine = open(&store, before, "#/", NOW);
    engine.handle(
        &store,
        NOW,
        Input::Act(Action::Rate {
            statement: 2,
            rating: Rating::Step(1),
        }),
    );
    let mut engine = open(&store, after.clone(), "#/", NOW + 100);
    engine.handle(
        &store,
        NOW + 101,
        Input::Act(Action::Rate {
            statement: 3,
            rating: Rating::Step(3),
        }),
    );
    assert_eq!(
        stored(&store, &CheckRef::Own).content_version,
        after.version
    );
}

#[test]
fn a_reports_view_kept_beside_and_an_old_file_carry_the_replaced_answer_over() {
    let (before, after, old_id, _, _) = versions();
    let mut sams = Document::new("l5", &before.version);
    sams.subject = "Sam Rivera".into();
    sams.set_rating(&old_id, Rating::Step(3), NOW - 10);
    let store = MemoryStore::new();
    // The manager's check about Sam, with Sam's self-check beside it.
    let mut document = Document::new("l5", &before.version);
    document.subject = "Sam Rivera".into();
    document.rater = Rater::Other {
        name: "Alex".into(),
    };
    document.set_rating(&old_id, Rating::Step(1), NOW - 5);
    document.set_beside(Beside::received(&sams, "sam.json", NOW - 1), NOW - 1);
    let keys = DocKeys::new(INSTANCE, "l5", &CheckRef::Other("c1".into()));
    store
        .write(&keys.document, &document.checked_encode().unwrap())
        .unwrap();
    store.write(&keys.marker, "1.1.t").unwrap();

    let engine = open(&store, after.clone(), "#/p/c1/compare", NOW);
    let new_id = format!("{old_id}-v2");
    assert_eq!(
        engine.state().document.rating(&new_id),
        Some(Rating::Step(1))
    );
    let beside = engine.state().document.beside.as_ref().unwrap();
    assert_eq!(
        beside.answers.get(&new_id).and_then(|a| a.rating),
        Some(Rating::Step(3))
    );

    // Her old file, imported again after the update, answers the new statement.
    let Ok(Incoming::Check(read)) = read_incoming(&after, &sams.encode()) else {
        panic!("the old file reads");
    };
    assert_eq!(read.rating(&new_id), Some(Rating::Step(3)));
    assert_eq!(read.rating(&old_id), None);
}
