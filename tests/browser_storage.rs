//! The storage edge and the app's saving, in headless Chromium, with real
//! `localStorage` and real faults injected into it.
#![cfg(target_arch = "wasm32")]

use l5_selfcheck::app::components::app::App;
use l5_selfcheck::app::persist;
use l5_selfcheck::app::state::Persistence;
use l5_selfcheck::app::{Setup, BUILT_IN_LADDER};
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Document, Rating};
use l5_selfcheck::edge::storage::{self, StorageFault};
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
    Ladder::parse(BUILT_IN_LADDER).expect("built-in ladder is valid")
}

#[wasm_bindgen_test]
fn reads_back_what_it_wrote_and_removes_it() {
    reset();
    assert_eq!(storage::read("l5-selfcheck/t/x"), Ok(None));
    storage::write("l5-selfcheck/t/x", "hello").unwrap();
    assert_eq!(
        storage::read("l5-selfcheck/t/x"),
        Ok(Some("hello".to_string()))
    );
    assert_eq!(
        storage::keys_with_prefix("l5-selfcheck/t/"),
        Ok(vec!["l5-selfcheck/t/x".to_string()])
    );
    storage::remove("l5-selfcheck/t/x").unwrap();
    assert_eq!(storage::read("l5-selfcheck/t/x"), Ok(None));
}

#[wasm_bindgen_test]
fn a_quota_error_on_write_is_reported_not_thrown() {
    reset();
    break_writes();
    let result = storage::write("l5-selfcheck/t/x", "hello");
    restore_storage();
    match result {
        Err(StorageFault::Failed(detail)) => {
            assert!(detail.contains("QuotaExceededError"), "{detail}")
        }
        other => panic!("expected a write failure, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn blocked_storage_is_reported_and_the_app_keeps_answers_in_memory() {
    reset();
    block_storage();
    let read = storage::read("l5-selfcheck/t/x");
    let loaded = persist::load("blocked", &ladder());
    restore_storage();
    match read {
        Err(StorageFault::Blocked(detail)) => assert!(detail.contains("SecurityError"), "{detail}"),
        other => panic!("expected blocked storage, got {other:?}"),
    }
    assert!(matches!(loaded.persistence, Persistence::InMemory { .. }));
    assert!(loaded.document.answers.is_empty());
}

#[wasm_bindgen_test]
fn a_saved_document_loads_again() {
    reset();
    let ladder = ladder();
    let mut document = Document::new(&ladder.id, &ladder.version);
    document.set_rating(&ladder.statements[0].id, Rating::Step(2), 1);
    persist::save("main", &document).unwrap();
    let loaded = persist::load("main", &ladder);
    assert_eq!(loaded.document, document);
    assert_eq!(loaded.persistence, Persistence::Saving);
    // Another instance on the same page has its own key.
    assert!(persist::load("other", &ladder).document.answers.is_empty());
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_backed_up_untouched_and_the_person_is_told() {
    reset();
    let ladder = ladder();
    let key = storage::document_key("main", &ladder.id);
    storage::write(&key, "{\"schema\":1,\"answers\":{broken").unwrap();
    let loaded = persist::load("main", &ladder);
    let unreadable = loaded.unreadable.expect("the person is told");
    assert!(
        unreadable.why.contains("not valid JSON"),
        "{}",
        unreadable.why
    );
    assert_eq!(&*unreadable.raw, "{\"schema\":1,\"answers\":{broken");
    assert_eq!(loaded.persistence, Persistence::Saving);
    let backups = storage::keys_with_prefix(&format!("{key}/backup-")).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(unreadable.backup_key.as_deref(), Some(backups[0].as_str()));
    assert_eq!(
        storage::read(&backups[0]).unwrap().as_deref(),
        Some("{\"schema\":1,\"answers\":{broken")
    );
}

#[wasm_bindgen_test]
fn a_newer_document_is_opened_read_only() {
    reset();
    let ladder = ladder();
    let key = storage::document_key("main", &ladder.id);
    let newer = format!(
        "{{\"schema\":99,\"ladder\":\"{}\",\"content_version\":\"9\",\"revision\":3,\"updated_at\":5,\"answers\":{{\"{}\":{{\"rating\":3,\"changed_at\":5}}}},\"future\":true}}",
        ladder.id, ladder.statements[0].id
    );
    storage::write(&key, &newer).unwrap();
    let loaded = persist::load("main", &ladder);
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
        instance: instance.to_string().into(),
        start: None,
        problems: Rc::new(Vec::new()),
        hash_routing: true,
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
    let stored = storage::read(&storage::document_key("component-save", &ladder.id))
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
    storage::write("l5-selfcheck/main/l5", "{}").unwrap();
    storage::write("l5-selfcheck/main/l5/backup-1", "x").unwrap();
    storage::write("l5-selfcheck/main/example-l3", "{}").unwrap();
    storage::write("l5-selfcheck/main-2/l5", "{}").unwrap();
    storage::write("someone-else", "keep").unwrap();
    assert_eq!(persist::delete_all("main"), Ok(3));
    assert_eq!(
        storage::keys_with_prefix("").unwrap().len(),
        2,
        "another instance and another app keep their keys"
    );
    assert_eq!(
        storage::read("l5-selfcheck/main-2/l5").unwrap().as_deref(),
        Some("{}")
    );
}

#[wasm_bindgen_test]
fn another_tabs_document_is_read_and_unreadable_text_is_backed_up() {
    use l5_selfcheck::app::state::Incoming;
    reset();
    let ladder = ladder();
    let mut theirs = Document::new(&ladder.id, &ladder.version);
    theirs.set_rating(&ladder.statements[1].id, Rating::Unsure, 5);
    assert_eq!(
        persist::incoming("main", &ladder, Some(theirs.encode())),
        Some(Incoming::Document(Box::new(theirs)))
    );
    assert_eq!(
        persist::incoming("main", &ladder, None),
        Some(Incoming::Deleted)
    );
    assert_eq!(
        persist::incoming("main", &ladder, Some("garbage".into())),
        None
    );
    let backups = storage::keys_with_prefix("l5-selfcheck/main/l5/backup-").unwrap();
    assert_eq!(backups.len(), 1);
}
