//! The storage edge and the app's saving, in headless Chromium, with real
//! `localStorage` and real faults injected into it.
#![cfg(target_arch = "wasm32")]

use l5_selfcheck::app::components::app::App;
use l5_selfcheck::app::Setup;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Document, Rating};
use l5_selfcheck::core::keys::{instance_prefix, CheckRef, DocKeys};
use l5_selfcheck::core::store::{Store, StoreFault};
use l5_selfcheck::core::sync::{self, delete_all, Persistence};
use l5_selfcheck::edge::storage::BrowserStore;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn run_js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("test script runs");
}

/// Every test starts with empty, working storage.
fn reset() {
    restore_storage();
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn break_writes() {
    run_js(
        "if (!window.__l5SetItem) window.__l5SetItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () {
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
         };",
    );
}

fn block_storage() {
    run_js(
        "if (!window.__l5Descriptor) window.__l5Descriptor =
           Object.getOwnPropertyDescriptor(window, 'localStorage')
           || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() {
           throw new DOMException('The operation is insecure.', 'SecurityError');
         } });",
    );
}

fn restore_storage() {
    run_js(
        "if (window.__l5SetItem) { Storage.prototype.setItem = window.__l5SetItem; delete window.__l5SetItem; }
         if (window.__l5Descriptor) { Object.defineProperty(window, 'localStorage', window.__l5Descriptor); delete window.__l5Descriptor; }",
    );
}

fn ladder() -> Ladder {
    Ladder::parse(include_str!("../assets/ladders/l5.json")).expect("the L5 ladder is valid")
}

fn keys(instance: &str) -> DocKeys {
    DocKeys::new(instance, &ladder().id, &CheckRef::Own)
}

fn load(instance: &str) -> sync::Loaded {
    sync::load(&BrowserStore, &keys(instance), &ladder(), 1)
}

#[wasm_bindgen_test]
fn reads_back_what_it_wrote_and_removes_it() {
    reset();
    let store = BrowserStore;
    assert_eq!(store.read("l5-selfcheck/t/x"), Ok(None));
    store.write("l5-selfcheck/t/x", "hello").unwrap();
    assert_eq!(
        store.read("l5-selfcheck/t/x"),
        Ok(Some("hello".to_string()))
    );
    assert_eq!(
        store.keys("l5-selfcheck/t/"),
        Ok(vec!["l5-selfcheck/t/x".to_string()])
    );
    store.remove("l5-selfcheck/t/x").unwrap();
    assert_eq!(store.read("l5-selfcheck/t/x"), Ok(None));
}

#[wasm_bindgen_test]
fn a_quota_error_on_write_is_reported_not_thrown() {
    reset();
    break_writes();
    let result = BrowserStore.write("l5-selfcheck/t/x", "hello");
    restore_storage();
    match result {
        Err(StoreFault::Failed(detail)) => {
            assert!(detail.contains("QuotaExceededError"), "{detail}")
        }
        other => panic!("expected a write failure, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn blocked_storage_is_reported_and_the_app_keeps_answers_in_memory() {
    reset();
    block_storage();
    let read = BrowserStore.read("l5-selfcheck/t/x");
    let loaded = load("blocked");
    restore_storage();
    match read {
        Err(StoreFault::Blocked(detail)) => assert!(detail.contains("SecurityError"), "{detail}"),
        other => panic!("expected blocked storage, got {other:?}"),
    }
    assert!(matches!(loaded.persistence, Persistence::InMemory { .. }));
    assert!(loaded.document.answers.is_empty());
}

#[wasm_bindgen_test]
fn a_stored_document_loads_again_and_instances_stay_apart() {
    reset();
    let ladder = ladder();
    let mut document = Document::new(&ladder.id, &ladder.version);
    document.set_rating(&ladder.statements[0].id, Rating::Step(2), 1);
    BrowserStore
        .write(&keys("main").document, &document.encode())
        .unwrap();
    let loaded = load("main");
    assert_eq!(loaded.document, document);
    assert_eq!(loaded.persistence, Persistence::Saving);
    assert!(load("other").document.answers.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_backed_up_untouched_and_the_person_is_told() {
    reset();
    let key = keys("main").document;
    BrowserStore
        .write(&key, "{\"schema\":1,\"answers\":{broken")
        .unwrap();
    let loaded = load("main");
    let unreadable = loaded.unreadable.expect("the person is told");
    assert!(
        unreadable.why.contains("not valid JSON"),
        "{}",
        unreadable.why
    );
    assert_eq!(&*unreadable.raw, "{\"schema\":1,\"answers\":{broken");
    assert_eq!(loaded.persistence, Persistence::Saving);
    let backups = BrowserStore.keys(&format!("{key}/backup-")).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(unreadable.backup_key.as_deref(), Some(backups[0].as_str()));
    assert_eq!(
        BrowserStore.read(&backups[0]).unwrap().as_deref(),
        Some("{\"schema\":1,\"answers\":{broken")
    );
}

#[wasm_bindgen_test]
fn a_corrupt_value_that_cannot_be_backed_up_is_never_written_over() {
    reset();
    let key = keys("main").document;
    BrowserStore.write(&key, "{broken").unwrap();
    break_writes();
    let loaded = load("main");
    restore_storage();
    assert!(matches!(loaded.persistence, Persistence::InMemory { .. }));
    assert_eq!(BrowserStore.read(&key).unwrap().as_deref(), Some("{broken"));
}

#[wasm_bindgen_test]
fn a_newer_document_is_opened_read_only() {
    reset();
    let ladder = ladder();
    let newer = format!(
        "{{\"schema\":99,\"ladder\":\"{}\",\"content_version\":\"9\",\"revision\":3,\"updated_at\":5,\"answers\":{{\"{}\":{{\"rating\":3,\"changed_at\":5}}}},\"future\":true}}",
        ladder.id, ladder.statements[0].id
    );
    BrowserStore.write(&keys("main").document, &newer).unwrap();
    let loaded = load("main");
    assert_eq!(loaded.persistence, Persistence::ReadOnly { schema: 99 });
    assert_eq!(
        loaded.document.rating(&ladder.statements[0].id),
        Some(Rating::Step(3))
    );
}

/// Mounts the app on a check page, in a fresh root element.
fn mount(instance: &str) -> Element {
    let window = web_sys::window().unwrap();
    window.location().set_hash("/check/overview").unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let setup = Setup {
        ladder: Ok(Rc::new(ladder())),
        source: "".into(),
        instance: instance.to_string().into(),
        start: None,
        problems: Rc::new(Vec::new()),
        hash_routing: true,
        checkin_weeks: 8,
        preview: false,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), setup).render();
    root
}

fn first_radio(root: &Element) -> HtmlInputElement {
    root.query_selector("input[type=radio]")
        .unwrap()
        .expect("a radio is rendered")
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn choosing_an_answer_saves_it_at_once() {
    reset();
    let root = mount("component-save");
    yew::scheduler::flush().await;
    let radio = first_radio(&root);
    assert!(!radio.checked(), "nothing is pre-selected");
    radio.click();
    yew::scheduler::flush().await;
    let ladder = ladder();
    let stored = BrowserStore
        .read(&keys("component-save").document)
        .unwrap()
        .expect("the answer was written");
    let document = Document::decode(&stored).unwrap();
    assert_eq!(
        document.rating(&ladder.statements[0].id),
        Some(Rating::Step(ladder.scale.lowest()))
    );
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert!(status.text_content().unwrap().starts_with("Saved"));
    root.remove();
}

#[wasm_bindgen_test]
async fn when_writing_fails_the_app_warns_and_keeps_the_answer() {
    reset();
    let root = mount("component-quota");
    yew::scheduler::flush().await;
    break_writes();
    let radio = first_radio(&root);
    radio.click();
    yew::scheduler::flush().await;
    restore_storage();
    assert!(radio.checked(), "the answer stays chosen");
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a warning is shown");
    assert!(alert.text_content().unwrap().contains("not being saved"));
    root.remove();
}

#[wasm_bindgen_test]
fn deleting_removes_every_key_of_the_instance_and_no_other() {
    reset();
    let store = BrowserStore;
    store.write("l5-selfcheck/main/l5", "{}").unwrap();
    store.write("l5-selfcheck/main/l5/backup-1", "x").unwrap();
    store.write("l5-selfcheck/main/example-l3", "{}").unwrap();
    store.write("l5-selfcheck/main-2/l5", "{}").unwrap();
    store.write("someone-else", "keep").unwrap();
    let removed = delete_all(&store, &instance_prefix("main"), 7).unwrap();
    assert_eq!(removed.count(), 3);
    let mut left = store.keys("").unwrap();
    left.sort();
    assert_eq!(
        left,
        ["l5-selfcheck/main-2/l5", "someone-else"],
        "another instance and another app keep their keys"
    );
}
