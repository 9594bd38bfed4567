//! Storage keys: no two kinds of key, for any ids, are ever the same key,
//! and the display flag of versions before 0.3 moves out of the way of a
//! ladder with the id `ui`.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{is_id, Rating};
use l5_selfcheck::core::engine::{Engine, Input, Widget};
use l5_selfcheck::core::keys::{
    early_key, kept_key, legacy_prefs_key, prefs_key, CheckRef, DocKeys,
};
use l5_selfcheck::core::state::Action;
use l5_selfcheck::core::store::{MemoryStore, Store};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Every key this app writes for one instance, ladder, check id and time,
/// each named by what it is.
fn every_key(instance: &str, ladder: &str, check: &str, time: u64) -> Vec<(String, String)> {
    let own = DocKeys::new(instance, ladder, &CheckRef::Own);
    let other = DocKeys::new(instance, ladder, &CheckRef::Other(check.to_string()));
    // Named by the builder and the ids it takes.
    vec![
        (
            own.document.clone(),
            format!("own document({instance}, {ladder})"),
        ),
        (
            own.marker.clone(),
            format!("own marker({instance}, {ladder})"),
        ),
        (
            own.backup(time),
            format!("own backup({instance}, {ladder}, {time})"),
        ),
        (
            other.document.clone(),
            format!("check document({instance}, {ladder}, {check})"),
        ),
        (
            other.marker.clone(),
            format!("check marker({instance}, {ladder}, {check})"),
        ),
        (
            other.backup(time),
            format!("check backup({instance}, {ladder}, {check}, {time})"),
        ),
        (
            kept_key(instance, ladder, check),
            format!("deleted check({instance}, {ladder}, {check})"),
        ),
        (prefs_key(instance), format!("preferences({instance})")),
        (early_key(instance), format!("early answers({instance})")),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ui".to_string()),
        Just("rev".to_string()),
        Just("check".to_string()),
        Just("deleted".to_string()),
        Just("backup-1".to_string()),
        Just("prefs".to_string()),
        "[a-z0-9][a-z0-9._-]{0,10}",
    ]
    .prop_filter("a valid id", |id| is_id(id))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, .. ProptestConfig::default() })]

    /// Any two sets of ids: a key built for one never equals a key of
    /// another kind, or of the same kind with other ids.
    #[test]
    fn no_two_key_builders_make_the_same_key(
        a in (id(), id(), id(), 0u64..5),
        b in (id(), id(), id(), 0u64..5),
    ) {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for (instance, ladder, check, time) in [a, b] {
            for (key, what) in every_key(&instance, &ladder, &check, time) {
                if let Some(before) = seen.get(&key) {
                    // The same key may only come from the same builder and ids.
                    prop_assert_eq!(before, &what, "{} is built twice", key);
                }
                seen.insert(key, what);
            }
        }
    }
}

fn ladder(id: &str) -> Rc<Ladder> {
    Rc::new(
        Ladder::parse(&format!(
            r#"{{"format":1,"id":"{id}","title":"UI engineer","version":"1",
            "scale":{{"steps":[{{"value":0,"label":"A","description":"a"}},{{"value":1,"label":"B","description":"b"}}],
              "unsure":{{"label":"U","description":"u"}}}},
            "sections":[{{"id":"s","title":"S","summary":"S."}}],
            "statements":[{{"id":"s.a","section":"s","kind":"expectation","quick":true,"text":"When it applies, I do it."}}]}}"#
        ))
        .expect("a ladder with the id ui is valid"),
    )
}

fn visit(store: &MemoryStore, rating: Option<u8>, now: u64) -> Engine {
    let widget = Widget {
        instance: "default".into(),
        tab: format!("visit{now}"),
        hash_routing: true,
        checkin_weeks: 8,
    };
    let (mut engine, _) = Engine::start(store, widget, ladder("ui"), "", None, now, 0);
    if let Some(value) = rating {
        engine.handle(
            store,
            now + 1,
            Input::Act(Action::Rate {
                statement: 0,
                rating: Rating::Step(value),
            }),
        );
    }
    engine.handle(store, now + 2, Input::Hidden);
    engine
}

/// Reproduced before: a ladder with the id `ui` shared its key with the
/// answer key's display flag; after the first answer the stored value read
/// `key-seen`, and on the next visit every answer was gone.
#[test]
fn a_ladder_with_the_id_ui_keeps_its_answers_over_three_visits() {
    let store = MemoryStore::new();
    // A site where an earlier version left its flag under `…/ui`.
    store
        .write(&legacy_prefs_key("default"), "key-seen")
        .unwrap();
    visit(&store, Some(1), 10);
    let second = visit(&store, None, 20);
    assert_eq!(second.state().document.rating("s.a"), Some(Rating::Step(1)));
    assert!(second.state().unreadable.is_none(), "nothing to back up");
    assert!(second.state().key_seen, "the flag moved, not lost");
    visit(&store, Some(0), 30);
    let third = visit(&store, None, 40);
    assert_eq!(third.state().document.rating("s.a"), Some(Rating::Step(0)));
    assert_eq!(
        store.read(&prefs_key("default")).unwrap().as_deref(),
        Some("key-seen")
    );
}
