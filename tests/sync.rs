//! Loading and saving against storage, one path at a time: each test is a
//! way answers used to be lost or hidden. (`state_machine.rs` then mixes
//! all of them at random.)
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::document::SnapshotKind;

use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Document, Rating};
use l5_selfcheck::core::engine::{Engine, Input, Widget};
use l5_selfcheck::core::keys::{instance_prefix, CheckRef, DocKeys};
use l5_selfcheck::core::state::{Action, State, Undo};
use l5_selfcheck::core::store::{MemoryStore, Store, StoreFault};
use l5_selfcheck::core::sync::{self, delete_all, restore_deleted, Persistence, Removed};
use std::cell::Cell;
use std::rc::Rc;

fn ladder() -> Rc<Ladder> {
    let path = format!(
        "{}/assets/ladders/example-l3.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Rc::new(Ladder::parse(&std::fs::read_to_string(path).unwrap()).unwrap())
}

fn keys() -> DocKeys {
    DocKeys::new("main", "example-l3", &CheckRef::Own)
}

/// One page of the app: its engine over the given storage.
struct Page {
    engine: Engine,
}

impl Page {
    fn open(store: &dyn Store, name: &'static str, now: u64) -> Page {
        let widget = Widget {
            instance: "main".into(),
            tab: name.into(),
            hash_routing: true,
            checkin_weeks: 8,
        };
        let (engine, _) = Engine::start(store, widget, ladder(), "", None, now, 0);
        Page { engine }
    }

    fn state(&self) -> &State {
        self.engine.state()
    }

    fn act(&mut self, store: &dyn Store, now: u64, action: Action) {
        self.engine.handle(store, now, Input::Act(action));
    }

    /// The page is shown again (`force`: it heard another tab's write).
    fn sync(&mut self, store: &dyn Store, now: u64, force: bool) {
        let input = if force {
            Input::Storage(None)
        } else {
            Input::Shown
        };
        self.engine.handle(store, now, input);
    }

    fn rate(&mut self, store: &dyn Store, statement: usize, value: u8, now: u64) {
        self.act(
            store,
            now,
            Action::Rate {
                statement,
                rating: Rating::Step(value),
            },
        );
    }

    /// What "delete my data" removed, from the undo it offers.
    fn removed(&self) -> Removed {
        self.state()
            .undos
            .iter()
            .find_map(|p| match &p.undo {
                Undo::DeleteAll(removed) => Some((**removed).clone()),
                _ => None,
            })
            .expect("the deletion is undoable")
    }
}

fn stored(store: &dyn Store) -> Document {
    Document::decode(
        &store
            .read(&keys().document)
            .unwrap()
            .expect("a document is stored"),
    )
    .unwrap()
}

fn id(statement: usize) -> String {
    ladder().statements[statement].id.clone()
}

/// Reproduced in the browser before: page A answers and closes; page B
/// never received A's `storage` event, answers another statement, and
/// A's answer was gone.
#[test]
fn a_page_that_missed_another_pages_write_does_not_erase_it() {
    let store = MemoryStore::new();
    let mut a = Page::open(&store, "a", 1);
    let mut b = Page::open(&store, "b", 2);
    a.rate(&store, 0, 2, 10);
    drop(a);
    b.rate(&store, 1, 1, 20);
    let document = stored(&store);
    assert_eq!(
        document.rating(&id(0)),
        Some(Rating::Step(2)),
        "A's answer stays"
    );
    assert_eq!(document.rating(&id(1)), Some(Rating::Step(1)));
    assert_eq!(
        b.state().document.rating(&id(0)),
        Some(Rating::Step(2)),
        "B now shows it"
    );
}

/// Storage as the tests need to watch it: counts reads of the document
/// itself, and makes writes to one key fail.
struct Watched<'a> {
    inner: &'a MemoryStore,
    document_reads: Cell<usize>,
    failing_key: Option<String>,
}

impl<'a> Watched<'a> {
    fn new(inner: &'a MemoryStore) -> Watched<'a> {
        Watched {
            inner,
            document_reads: Cell::new(0),
            failing_key: None,
        }
    }
}

impl Store for Watched<'_> {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFault> {
        if key == keys().document {
            self.document_reads.set(self.document_reads.get() + 1);
        }
        self.inner.read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        if self.failing_key.as_deref() == Some(key) {
            return Err(StoreFault::Failed("QuotaExceededError".into()));
        }
        self.inner.write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        self.inner.remove(key)
    }
    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreFault> {
        self.inner.keys(prefix)
    }
}

#[test]
fn the_stored_document_is_read_only_when_its_marker_changed() {
    let memory = MemoryStore::new();
    let store = Watched::new(&memory);
    let mut a = Page::open(&store, "a", 1);
    let mut b = Page::open(&store, "b", 2);
    store.document_reads.set(0);
    a.rate(&store, 0, 1, 10);
    a.rate(&store, 1, 1, 11);
    assert_eq!(
        store.document_reads.get(),
        0,
        "nobody else wrote: no decode"
    );
    b.rate(&store, 2, 3, 12);
    assert_eq!(
        store.document_reads.get(),
        1,
        "A wrote since B looked: one decode"
    );
    assert_eq!(stored(&memory).answers.rated(), 3);
}

#[test]
fn when_the_backup_copy_fails_nothing_is_written_over_the_unread_text() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    store.write(&keys().marker, "someone-else").unwrap();
    store
        .write(&keys().document, "{\"schema\":2,\"answers\":{cut")
        .unwrap();
    store.fail_writes(Some(StoreFault::Failed("QuotaExceededError".into())));
    page.rate(&store, 0, 1, 5);
    assert!(matches!(
        page.state().persistence,
        Persistence::InMemory { .. }
    ));
    assert!(page.state().unreadable.is_some(), "the person is told");
    store.fail_writes(None);
    // Later changes stay in memory: the only copy is never overwritten.
    page.rate(&store, 1, 2, 6);
    assert_eq!(
        store.read(&keys().document).unwrap().as_deref(),
        Some("{\"schema\":2,\"answers\":{cut")
    );
    assert_eq!(page.state().document.rating(&id(1)), Some(Rating::Step(2)));
}

#[test]
fn unreadable_text_is_backed_up_before_anything_is_written() {
    let store = MemoryStore::new();
    store.write(&keys().document, "not json").unwrap();
    let mut page = Page::open(&store, "a", 7);
    assert_eq!(page.state().persistence, Persistence::Saving);
    let backup = page.state().unreadable.clone().unwrap().backup_key.unwrap();
    assert_eq!(store.read(&backup).unwrap().as_deref(), Some("not json"));
    page.rate(&store, 0, 1, 8);
    assert_eq!(store.read(&backup).unwrap().as_deref(), Some("not json"));
    assert_eq!(stored(&store).rating(&id(0)), Some(Rating::Step(1)));
}

#[test]
fn a_newer_version_in_storage_turns_the_page_read_only_and_is_never_overwritten() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    let newer = "{\"schema\":99,\"ladder\":\"example-l3\",\"content_version\":\"9\",\"revision\":3,\"updated_at\":5,\"answers\":{}}";
    store.write(&keys().document, newer).unwrap();
    store.write(&keys().marker, "newer").unwrap();
    page.rate(&store, 0, 1, 9);
    assert_eq!(
        page.state().persistence,
        Persistence::ReadOnly { schema: 99 }
    );
    assert_eq!(
        page.state().document.rating(&id(0)),
        None,
        "refused, not taken and dropped"
    );
    assert_eq!(
        store.read(&keys().document).unwrap().as_deref(),
        Some(newer)
    );
}

/// A note typed just before another tab with a newer version saved is not
/// dropped without a word: it is offered as a download.
#[test]
fn a_note_pending_when_a_newer_version_saves_is_kept_as_unsaved() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    page.act(
        &store,
        2,
        Action::Note {
            statement: 0,
            text: "my evidence".into(),
        },
    );
    let newer = "{\"schema\":99,\"ladder\":\"example-l3\",\"content_version\":\"9\",\"revision\":3,\"updated_at\":5,\"answers\":{}}";
    store.write(&keys().document, newer).unwrap();
    store.write(&keys().marker, "newer").unwrap();
    page.engine.handle(&store, 3, Input::NoteDue);
    assert_eq!(
        page.state().persistence,
        Persistence::ReadOnly { schema: 99 }
    );
    let unsaved = page.state().unsaved.clone().expect("kept as unsaved");
    assert_eq!(unsaved.answers[&id(0)].note, "my evidence");
    assert_eq!(
        store.read(&keys().document).unwrap().as_deref(),
        Some(newer)
    );
}

#[test]
fn a_deletion_in_another_page_stays_unless_the_person_answers_again() {
    let store = MemoryStore::new();
    let mut a = Page::open(&store, "a", 1);
    let mut b = Page::open(&store, "b", 2);
    a.rate(&store, 0, 1, 10);
    b.sync(&store, 11, true);
    b.rate(&store, 1, 2, 12);
    a.act(&store, 20, Action::DeleteAll);
    let removed = a.removed();
    // B never heard of it; it wakes up and has nothing new: stays deleted.
    b.sync(&store, 21, false);
    assert!(b
        .state()
        .notice
        .as_ref()
        .is_some_and(|n| n.text.contains("deleted in another tab")));
    assert!(store.read(&keys().document).unwrap().is_none());
    assert_eq!(b.state().document.answers.rated(), 0);
    // B answers again: only that answer is stored.
    b.rate(&store, 2, 3, 22);
    let document = stored(&store);
    assert_eq!(document.answers.rated(), 1);
    assert_eq!(document.rating(&id(2)), Some(Rating::Step(3)));
    // Undo in A brings back what the deletion removed, and keeps B's answer.
    restore_deleted(&store, &removed, 30, "a").unwrap();
    let document = stored(&store);
    assert_eq!(document.rating(&id(0)), Some(Rating::Step(1)));
    assert_eq!(document.rating(&id(1)), Some(Rating::Step(2)));
    assert_eq!(document.rating(&id(2)), Some(Rating::Step(3)));
}

/// Issue 25: an undo of "delete my data" re-dated every answer to the day
/// of the undo, which put the next check-in off by as long.
#[test]
fn an_undone_deletion_keeps_the_dates_the_answers_were_given() {
    let store = MemoryStore::new();
    let mut a = Page::open(&store, "a", 1);
    let mut b = Page::open(&store, "b", 2);
    a.rate(&store, 0, 1, 10);
    a.rate(&store, 1, 2, 15);
    b.sync(&store, 16, true);
    a.act(&store, 1_000, Action::DeleteAll);
    let removed = a.removed();
    b.sync(&store, 1_001, false);
    restore_deleted(&store, &removed, 2_000, "a").unwrap();
    let document = stored(&store);
    assert_eq!(document.rating(&id(0)), Some(Rating::Step(1)));
    assert_eq!(
        document.answered_at(),
        15,
        "the date of the last answer given"
    );
    // They still win over the tab that saw the deletion, and keep their
    // dates through its merge.
    b.sync(&store, 2_001, true);
    b.rate(&store, 2, 3, 2_002);
    let document = stored(&store);
    assert_eq!(document.rating(&id(1)), Some(Rating::Step(2)));
    assert_eq!(document.answers[id(0).as_str()].given_at(), 10);
    assert_eq!(document.answered_at(), 2_002, "a new answer is dated anew");
}

#[test]
fn delete_removes_every_item_of_the_instance_and_leaves_only_tombstones() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    page.rate(&store, 0, 1, 2);
    store
        .write("l5-selfcheck/main/example-l3/backup-1", "old")
        .unwrap();
    store.write("l5-selfcheck/main-2/example-l3", "{}").unwrap();
    store.write("someone-else", "keep").unwrap();
    let removed = delete_all(&store, &instance_prefix("main"), 50).unwrap();
    assert_eq!(
        removed.count(),
        3,
        "the document, its backup and the display preference"
    );
    let left: Vec<(String, String)> = store.items();
    assert_eq!(
        left,
        [
            (
                "l5-selfcheck/main-2/example-l3".to_string(),
                "{}".to_string()
            ),
            (
                "l5-selfcheck/main/example-l3/rev".to_string(),
                "deleted.50".to_string()
            ),
            ("someone-else".to_string(), "keep".to_string()),
        ]
    );
}

#[test]
fn a_page_reloaded_after_a_deletion_keeps_older_copies_from_coming_back() {
    let store = MemoryStore::new();
    let mut a = Page::open(&store, "a", 1);
    let mut stale = Page::open(&store, "stale", 1);
    a.rate(&store, 0, 1, 10);
    stale.sync(&store, 11, true);
    delete_all(&store, &instance_prefix("main"), 20).unwrap();
    let mut reloaded = Page::open(&store, "reloaded", 30);
    reloaded.rate(&store, 1, 2, 31);
    // The stale page still holds the first answer, from before the deletion.
    stale.sync(&store, 40, false);
    assert_eq!(stored(&store).rating(&id(0)), None);
    assert_eq!(stale.state().document.rating(&id(0)), None);
    assert_eq!(stored(&store).rating(&id(1)), Some(Rating::Step(2)));
}

/// After "delete my data", a person imports their own export with its
/// history: the snapshots are older than the deletion, but meant.
#[test]
fn snapshots_imported_after_a_deletion_are_kept() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    page.rate(&store, 0, 1, 2);
    page.act(&store, 1000, Action::DeleteAll);
    let mut export = Document::new(&ladder().id, &ladder().version);
    export.set_rating(&id(1), Rating::Step(2), 500);
    export.take_snapshot(600, 600, SnapshotKind::Saved, "");
    page.act(
        &store,
        3000,
        Action::Replace {
            answers: export.answers.clone(),
            snapshots: export.snapshots.clone(),
            plan: None,
            what: "importing “mine.json”".into(),
        },
    );
    // Later syncs, forced or not, keep them too.
    page.sync(&store, 3001, true);
    page.rate(&store, 2, 3, 3002);
    let document = stored(&store);
    assert!(document.snapshot(600).is_some(), "{:?}", document.snapshots);
    assert_eq!(document.rating(&id(1)), Some(Rating::Step(2)));
}

/// The tab that deleted knows the deletion was its own.
#[test]
fn the_deleting_page_does_not_report_its_own_deletion_as_another_tabs() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    page.rate(&store, 0, 1, 2);
    page.act(&store, 10, Action::DeleteAll);
    // Hidden and shown again.
    page.sync(&store, 20, false);
    let notice = page
        .state()
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(!notice.contains("another tab"), "{notice}");
}

/// A write that stops half-way never leaves a new document under an old
/// marker: another tab would take the marker as "nothing changed" and
/// write over that document without reading it.
#[test]
fn a_write_cut_short_leaves_no_document_under_an_old_marker() {
    let store = MemoryStore::new();
    let mut a = Page::open(&store, "a", 1);
    let mut b = Page::open(&store, "b", 2);
    a.rate(&store, 0, 1, 3);
    b.sync(&store, 4, false);
    let before = store.read(&keys().document).unwrap();
    // B's marker write fails.
    let failing = Watched {
        failing_key: Some(keys().marker),
        ..Watched::new(&store)
    };
    b.rate(&failing, 1, 2, 5);
    assert!(matches!(
        b.state().persistence,
        Persistence::InMemory { .. }
    ));
    assert_eq!(
        store.read(&keys().document).unwrap(),
        before,
        "the document is written only after its marker"
    );
    a.rate(&store, 2, 3, 6);
    let document = stored(&store);
    assert_eq!(document.rating(&id(0)), Some(Rating::Step(1)));
    assert_eq!(document.rating(&id(2)), Some(Rating::Step(3)));
}

/// Every reload and every other tab's write used to add a copy of the
/// same unreadable text, until storage was full.
#[test]
fn unreadable_text_is_backed_up_once() {
    let store = MemoryStore::new();
    store.write(&keys().document, "not json").unwrap();
    for now in 1..5 {
        let mut page = Page::open(&store, "a", now);
        page.sync(&store, now, true);
    }
    let backups: Vec<_> = store
        .items()
        .into_iter()
        .filter(|(key, _)| key.contains("/backup-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].1, "not json");
}

/// Looking at another check beside this one writes nothing, even when
/// its stored text cannot be read.
#[test]
fn peeking_at_a_document_writes_nothing() {
    let store = MemoryStore::new();
    store.write(&keys().document, "not json").unwrap();
    let before = store.items();
    assert!(sync::peek(&store, &keys(), &ladder()).is_none());
    assert_eq!(store.items(), before);
}

/// A deletion that fails part-way still hands back what it removed, so
/// that much can be undone.
#[test]
fn a_deletion_cut_short_can_still_be_undone() {
    let store = MemoryStore::new();
    let mut page = Page::open(&store, "a", 1);
    page.rate(&store, 0, 1, 2);
    store.write("l5-selfcheck/main/ui", "key-seen").unwrap();
    // Removing works, but writing the tombstones fails.
    store.fail_writes(Some(StoreFault::Failed("QuotaExceededError".into())));
    let Err((_, removed)) = delete_all(&store, &instance_prefix("main"), 10) else {
        panic!("the tombstone write should fail");
    };
    store.fail_writes(None);
    assert!(removed.count() >= 2, "{removed:?}");
    restore_deleted(&store, &removed, 20, "a").unwrap();
    assert_eq!(stored(&store).rating(&id(0)), Some(Rating::Step(1)));
    assert_eq!(
        store.read("l5-selfcheck/main/ui").unwrap().as_deref(),
        Some("key-seen")
    );
}
