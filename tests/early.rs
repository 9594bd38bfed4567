//! Answers given on the prerendered quick check before the app ran
//! (assets/early.js keeps them under `keys::early_key`): the engine takes
//! them in with their own times, under the same merge rules as any answer,
//! and lets go of them only once they are stored.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Document, Rater, Rating};
use l5_selfcheck::core::engine::{Engine, Input, Widget};
use l5_selfcheck::core::keys::{early_key, CheckRef, DocKeys};
use l5_selfcheck::core::route::Route;
use l5_selfcheck::core::state::{Action, NewCheck};
use l5_selfcheck::core::store::{MemoryStore, Store, StoreFault};
use l5_selfcheck::core::sync::Persistence;
use std::rc::Rc;

const NOW: u64 = 1_800_000_000_000;

fn ladder() -> Rc<Ladder> {
    let path = format!(
        "{}/assets/ladders/example-l3.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Rc::new(Ladder::parse(&std::fs::read_to_string(path).unwrap()).unwrap())
}

fn open(store: &dyn Store, hash: &str, now: u64) -> Engine {
    let widget = Widget {
        instance: "default".into(),
        tab: "t".into(),
        hash_routing: true,
        checkin_weeks: 8,
    };
    Engine::start(store, widget, ladder(), hash, None, now, 0).0
}

fn stored(store: &MemoryStore) -> Document {
    let keys = DocKeys::new("default", "example-l3", &CheckRef::Own);
    Document::decode(&store.read(&keys.document).unwrap().unwrap()).unwrap()
}

/// What early.js writes: the ladder and answers in the stored format.
fn early(answers: &str) -> String {
    format!("{{\"ladder\":\"example-l3\",\"answers\":{{{answers}}}}}")
}

#[test]
fn answers_given_before_the_app_are_stored_with_their_own_times_and_the_key_goes() {
    let store = MemoryStore::new();
    let text = early(
        "\"delivery.finish-tasks\":{\"rating\":2,\"changed_at\":1000},\
         \"delivery.flag-early\":{\"rating\":\"unsure\",\"changed_at\":2000,\"note\":\"A note typed early\",\"note_changed_at\":3000}",
    );
    store.write(&early_key("default"), &text).unwrap();
    let mut engine = open(&store, "#/quick", NOW);
    engine.handle(&store, NOW, Input::Early(text));

    let document = stored(&store);
    let first = document.answers.get("delivery.finish-tasks").unwrap();
    assert_eq!(first.rating, Some(Rating::Step(2)));
    assert_eq!(first.rated_at, 1000);
    let second = document.answers.get("delivery.flag-early").unwrap();
    assert_eq!(second.rating, Some(Rating::Unsure));
    assert_eq!(second.rated_at, 2000);
    assert_eq!(second.note, "A note typed early");
    assert_eq!(second.noted_at, 3000);
    assert_eq!(store.read(&early_key("default")).unwrap(), None);
    assert_eq!(engine.state().document.answers.given(), 2);
}

#[test]
fn a_later_answer_already_stored_wins_over_an_early_one() {
    let store = MemoryStore::new();
    let mut engine = open(&store, "#/quick", NOW);
    engine.handle(
        &store,
        NOW,
        Input::Act(Action::Rate {
            statement: 0,
            rating: Rating::Step(3),
        }),
    );
    // Given before the app ran, but earlier than the stored answer.
    let text = early("\"delivery.finish-tasks\":{\"rating\":0,\"changed_at\":1000}");
    let mut later = open(&store, "#/quick", NOW + 10);
    later.handle(&store, NOW + 10, Input::Early(text));
    let answer = stored(&store)
        .answers
        .get("delivery.finish-tasks")
        .cloned()
        .unwrap();
    assert_eq!(answer.rating, Some(Rating::Step(3)));
    assert_eq!(answer.rated_at, NOW);
}

#[test]
fn opened_on_a_check_about_someone_else_they_wait_for_the_own_check() {
    let store = MemoryStore::new();
    let mut engine = open(&store, "", NOW);
    engine.handle(
        &store,
        NOW,
        Input::Act(Action::AddCheck(NewCheck {
            name: "Sam".into(),
            rater: Rater::Other {
                name: "Alex".into(),
            },
            from: None,
            beside: None,
            then: Route::Start,
        })),
    );
    let CheckRef::Other(id) = engine.state().check.clone() else {
        panic!("the new check opens");
    };
    let text = early("\"delivery.finish-tasks\":{\"rating\":2,\"changed_at\":1000}");
    store.write(&early_key("default"), &text).unwrap();
    let mut other = open(&store, &format!("#/p/{id}/quick"), NOW + 1);
    other.handle(&store, NOW + 1, Input::Early(text.clone()));
    assert_eq!(other.state().document.answers.rated(), 0);
    assert_eq!(
        store.read(&early_key("default")).unwrap(),
        Some(text.clone())
    );

    let mut own = open(&store, "#/quick", NOW + 2);
    own.handle(&store, NOW + 2, Input::Early(text));
    assert_eq!(stored(&store).answers.rated(), 1);
    assert_eq!(store.read(&early_key("default")).unwrap(), None);
}

#[test]
fn with_storage_failing_they_stay_in_the_page_and_their_key_stays() {
    let store = MemoryStore::new();
    let text = early("\"delivery.finish-tasks\":{\"rating\":2,\"changed_at\":1000}");
    store.write(&early_key("default"), &text).unwrap();
    store.fail_writes(Some(StoreFault::Failed("full".into())));
    let mut engine = open(&store, "#/quick", NOW);
    engine.handle(&store, NOW, Input::Early(text.clone()));
    assert_eq!(engine.state().document.answers.rated(), 1);
    assert!(matches!(
        engine.state().persistence,
        Persistence::InMemory { .. }
    ));
    assert_eq!(store.read(&early_key("default")).unwrap(), Some(text));
}

#[test]
fn early_text_for_another_ladder_or_broken_text_changes_nothing() {
    let store = MemoryStore::new();
    let mut engine = open(&store, "#/quick", NOW);
    for text in [
        "{\"ladder\":\"l5\",\"answers\":{\"delivery.finish-tasks\":{\"rating\":2,\"changed_at\":1000}}}".to_string(),
        "not json".to_string(),
        early("\"delivery.finish-tasks\":{\"rating\":99,\"changed_at\":1000}"),
        early("\"no.such-statement\":{\"rating\":1,\"changed_at\":1000}"),
    ] {
        engine.handle(&store, NOW, Input::Early(text));
    }
    assert_eq!(engine.state().document.answers.rated(), 0);
    assert!(store
        .read(&DocKeys::new("default", "example-l3", &CheckRef::Own).document)
        .unwrap()
        .is_none_or(|_| stored(&store).answers.given() == 0));
}
