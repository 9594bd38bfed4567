//! Checks about other people, kept beside the person's own: each its own
//! document, deleted with an undo that keeps whatever was written since.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::checks;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Document, Rater, Rating};
use l5_selfcheck::core::engine::{Engine, Input, Widget};
use l5_selfcheck::core::keys::{CheckRef, DocKeys};
use l5_selfcheck::core::route::Route;
use l5_selfcheck::core::state::{Action, State};
use l5_selfcheck::core::store::{MemoryStore, Store};
use l5_selfcheck::core::sync::Persistence;
use std::rc::Rc;

const INSTANCE: &str = "main";

fn ladder() -> Rc<Ladder> {
    let path = format!(
        "{}/assets/ladders/example-l3.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Rc::new(Ladder::parse(&std::fs::read_to_string(path).unwrap()).unwrap())
}

fn id(statement: usize) -> String {
    ladder().statements[statement].id.clone()
}

fn keys(check: &CheckRef) -> DocKeys {
    DocKeys::new(INSTANCE, &ladder().id, check)
}

fn stored(store: &dyn Store, check: &CheckRef) -> Option<Document> {
    store
        .read(&keys(check).document)
        .unwrap()
        .map(|raw| Document::decode(&raw).unwrap())
}

/// A page with one check open: the app's engine, over the given storage.
struct Page {
    engine: Engine,
}

impl Page {
    fn open(store: &dyn Store, check: CheckRef, now: u64) -> Page {
        let widget = Widget {
            instance: INSTANCE.into(),
            tab: "t".into(),
            hash_routing: true,
            checkin_weeks: 8,
        };
        let (engine, _) = Engine::start(
            store,
            widget,
            ladder(),
            &Route::Start.href(&check),
            None,
            now,
            0,
        );
        assert_eq!(engine.state().check, check, "the check opens");
        Page { engine }
    }

    fn state(&self) -> &State {
        self.engine.state()
    }

    fn rate(&mut self, store: &dyn Store, statement: usize, value: u8, now: u64) {
        self.engine.handle(
            store,
            now,
            Input::Act(Action::Rate {
                statement,
                rating: Rating::Step(value),
            }),
        );
    }

    /// The page is shown again (or hears another tab's write).
    fn wake(&mut self, store: &dyn Store, now: u64) {
        self.engine.handle(store, now, Input::Shown);
    }
}

fn add(store: &dyn Store, name: &str, now: u64) -> CheckRef {
    let id = checks::add(
        store,
        INSTANCE,
        &ladder(),
        name,
        Rater::Other { name: "Sam".into() },
        None,
        now,
    )
    .unwrap();
    CheckRef::Other(id)
}

#[test]
fn documents_per_subject_do_not_touch_each_other() {
    let store = MemoryStore::new();
    let mut own = Page::open(&store, CheckRef::Own, 1);
    own.rate(&store, 0, 3, 2);
    let alex = add(&store, "Alex", 3);
    let kim = add(&store, "Kim", 4);
    let mut alex_page = Page::open(&store, alex.clone(), 5);
    alex_page.rate(&store, 0, 0, 6);
    let mut kim_page = Page::open(&store, kim.clone(), 7);
    kim_page.rate(&store, 1, 2, 8);

    assert_eq!(
        stored(&store, &CheckRef::Own).unwrap().rating(&id(0)),
        Some(Rating::Step(3))
    );
    let alex_doc = stored(&store, &alex).unwrap();
    assert_eq!(alex_doc.subject, "Alex");
    assert_eq!(alex_doc.rating(&id(0)), Some(Rating::Step(0)));
    assert_eq!(alex_doc.rating(&id(1)), None);
    assert_eq!(
        stored(&store, &kim).unwrap().rating(&id(1)),
        Some(Rating::Step(2))
    );
    assert_eq!(stored(&store, &kim).unwrap().rating(&id(0)), None);
    let (list, deleted) = checks::list(&store, INSTANCE, &ladder()).unwrap();
    let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Alex", "Kim"]);
    assert!(deleted.is_empty());
    assert!(
        checks::add(
            &store,
            INSTANCE,
            &ladder(),
            "alex",
            Rater::Other {
                name: String::new()
            },
            None,
            9
        )
        .is_err(),
        "two checks cannot share a name"
    );
}

#[test]
fn a_restored_check_keeps_what_was_written_in_its_place_since() {
    let store = MemoryStore::new();
    let alex = add(&store, "Alex", 1);
    let CheckRef::Other(alex_id) = alex.clone() else {
        unreachable!()
    };
    let mut first = Page::open(&store, alex.clone(), 2);
    first.rate(&store, 0, 1, 3);
    checks::delete(&store, INSTANCE, &ladder().id, &alex_id, 10).unwrap();
    // Written again in its place since (by an older version of the app
    // still open in another tab; this version leaves a deleted check be).
    let mut since = Document::new(&ladder().id, &ladder().version);
    since.subject = "Alex".into();
    since.cleared_before = 10;
    since.set_rating(&id(1), Rating::Step(2), 12);
    store.write(&keys(&alex).document, &since.encode()).unwrap();
    checks::restore(&store, INSTANCE, &ladder().id, &alex_id, 20).unwrap();
    let document = stored(&store, &alex).unwrap();
    assert_eq!(
        document.rating(&id(0)),
        Some(Rating::Step(1)),
        "the restored answer"
    );
    assert_eq!(
        document.rating(&id(1)),
        Some(Rating::Step(2)),
        "the answer given since"
    );
    assert_eq!(document.subject, "Alex");
}

/// Issue 25: restoring a deleted check dated its answers on the day of the
/// restore, which also pushed back its next check-in.
#[test]
fn a_restored_check_keeps_the_dates_its_answers_were_given() {
    let store = MemoryStore::new();
    let alex = add(&store, "Alex", 1);
    let CheckRef::Other(alex_id) = alex.clone() else {
        unreachable!()
    };
    let mut page = Page::open(&store, alex.clone(), 2);
    page.rate(&store, 0, 1, 3);
    page.rate(&store, 1, 2, 4);
    checks::delete(&store, INSTANCE, &ladder().id, &alex_id, 10).unwrap();
    checks::restore(&store, INSTANCE, &ladder().id, &alex_id, 5_000).unwrap();
    let document = stored(&store, &alex).unwrap();
    assert_eq!(document.rating(&id(1)), Some(Rating::Step(2)));
    assert_eq!(document.answered_at(), 4);
    let reopened = Page::open(&store, alex, 5_001);
    assert_eq!(reopened.state().document.answered_at(), 4);
}

#[test]
fn deleting_a_check_twice_keeps_both_copies() {
    let store = MemoryStore::new();
    let alex = add(&store, "Alex", 1);
    let CheckRef::Other(alex_id) = alex.clone() else {
        unreachable!()
    };
    Page::open(&store, alex.clone(), 2).rate(&store, 0, 1, 3);
    checks::delete(&store, INSTANCE, &ladder().id, &alex_id, 10).unwrap();
    // A copy written at its key since (by an older version of the app, or
    // a restore cut short), carrying the first deletion's time.
    let mut since = Document::new(&ladder().id, &ladder().version);
    since.subject = "Alex".into();
    since.cleared_before = 10;
    since.set_rating(&id(1), Rating::Step(2), 12);
    store.write(&keys(&alex).document, &since.encode()).unwrap();
    checks::delete(&store, INSTANCE, &ladder().id, &alex_id, 20).unwrap();
    checks::restore(&store, INSTANCE, &ladder().id, &alex_id, 30).unwrap();
    let document = stored(&store, &alex).unwrap();
    assert_eq!(document.rating(&id(0)), Some(Rating::Step(1)));
    assert_eq!(document.rating(&id(1)), Some(Rating::Step(2)));
}

#[test]
fn a_page_showing_a_check_deleted_elsewhere_stops_writing_and_says_so() {
    let store = MemoryStore::new();
    let alex = add(&store, "Alex", 1);
    let CheckRef::Other(alex_id) = alex.clone() else {
        unreachable!()
    };
    let mut page = Page::open(&store, alex.clone(), 2);
    page.rate(&store, 0, 1, 3);
    checks::delete(&store, INSTANCE, &ladder().id, &alex_id, 10).unwrap();
    // The page wakes up, then the person tries to answer there.
    page.wake(&store, 11);
    assert_eq!(page.state().persistence, Persistence::CheckDeleted);
    assert!(
        page.state().read_only(),
        "nothing can be typed to be dropped"
    );
    page.rate(&store, 1, 2, 12);
    assert_eq!(
        page.state().document.rating(&id(1)),
        None,
        "the answer is refused, not dropped"
    );
    assert!(stored(&store, &alex).is_none(), "no second, nameless copy");
    let (list, deleted) = checks::list(&store, INSTANCE, &ladder()).unwrap();
    assert!(list.is_empty());
    assert_eq!(deleted.len(), 1, "still restorable");
    // Restored in the other tab: this page opens it again and can save.
    checks::restore(&store, INSTANCE, &ladder().id, &alex_id, 20).unwrap();
    page.wake(&store, 21);
    assert_eq!(page.state().persistence, Persistence::Saving);
    page.rate(&store, 1, 2, 22);
    assert_eq!(
        stored(&store, &alex).unwrap().rating(&id(1)),
        Some(Rating::Step(2))
    );
    assert_eq!(
        stored(&store, &alex).unwrap().rating(&id(0)),
        Some(Rating::Step(1))
    );
}

#[test]
fn a_note_typed_before_the_deletion_was_noticed_comes_back_with_the_restore() {
    let store = MemoryStore::new();
    let alex = add(&store, "Alex", 1);
    let CheckRef::Other(alex_id) = alex.clone() else {
        unreachable!()
    };
    let mut page = Page::open(&store, alex.clone(), 2);
    // A note is typed; it waits for its timer...
    page.engine.handle(
        &store,
        5,
        Input::Act(Action::Note {
            statement: 0,
            text: "Paired twice".into(),
        }),
    );
    // ...while another tab deletes the check.
    checks::delete(&store, INSTANCE, &ladder().id, &alex_id, 10).unwrap();
    // The timer fires: the note finds the check gone, and is kept as
    // unsaved instead of starting a second copy.
    page.engine.handle(&store, 11, Input::NoteDue);
    assert_eq!(page.state().persistence, Persistence::CheckDeleted);
    assert!(stored(&store, &alex).is_none(), "no second copy");
    assert!(page.state().unsaved.is_some(), "offered as a download");
    checks::restore(&store, INSTANCE, &ladder().id, &alex_id, 20).unwrap();
    page.wake(&store, 21);
    assert_eq!(
        stored(&store, &alex).unwrap().answers[&id(0)].note,
        "Paired twice"
    );
}

#[test]
fn a_file_added_as_a_check_gets_times_of_this_browser() {
    let store = MemoryStore::new();
    // A file from a clock far ahead of this one.
    let mut file = Document::new(&ladder().id, &ladder().version);
    file.set_rating(&id(0), Rating::Step(1), 9_000_000);
    let added = checks::add(
        &store,
        INSTANCE,
        &ladder(),
        "Alex",
        Rater::Subject,
        Some(&file),
        100,
    )
    .unwrap();
    let check = CheckRef::Other(added);
    let answer = stored(&store, &check)
        .unwrap()
        .answers
        .get(&id(0))
        .cloned()
        .unwrap();
    assert_eq!(
        (answer.rating, answer.rated_at),
        (Some(Rating::Step(1)), 100)
    );
    // So a change made here later wins in every tab's merge.
    let mut page = Page::open(&store, check.clone(), 101);
    page.rate(&store, 0, 3, 102);
    assert_eq!(
        stored(&store, &check).unwrap().rating(&id(0)),
        Some(Rating::Step(3))
    );
}

/// Issue 25: the names form checked names in the component, and the engine
/// stored whatever it was sent. Now the engine checks them and says what
/// is wrong beside the form.
#[test]
fn the_engine_checks_names_before_it_stores_them() {
    use l5_selfcheck::core::state::Place;
    let store = MemoryStore::new();
    add(&store, "Kim", 1);
    let alex = add(&store, "Alex", 2);
    let mut page = Page::open(&store, alex.clone(), 3);
    let names = |page: &mut Page, subject: &str, rater: &str, now: u64| {
        page.engine.handle(
            &store,
            now,
            Input::Act(Action::Names {
                subject: subject.into(),
                rater: rater.into(),
            }),
        );
        page.state().notice.clone().expect("the form hears back")
    };
    for (subject, rater, why) in [
        ("  ", "", "The name is empty."),
        (
            "Al\u{202e}ex",
            "",
            "The name holds control or text-direction characters.",
        ),
        (
            "kim",
            "",
            "There is already a check about \u{201c}Kim\u{201d}",
        ),
        (
            "Alex",
            "S\u{2067}am",
            "The rater's name holds control or text-direction characters.",
        ),
    ] {
        let notice = names(&mut page, subject, rater, 4);
        assert!(
            notice.error && notice.place == Place::Names,
            "{subject:?}: {notice:?}"
        );
        assert!(notice.text.starts_with(why), "{subject:?}: {}", notice.text);
        let stored = stored(&store, &alex).unwrap();
        assert_eq!(
            (stored.subject.as_str(), &stored.rater),
            ("Alex", &Rater::Other { name: "Sam".into() })
        );
    }
    let notice = names(&mut page, "  Alex Chen ", " ", 5);
    assert!(!notice.error, "{notice:?}");
    let stored = stored(&store, &alex).unwrap();
    assert_eq!(stored.subject, "Alex Chen");
    assert_eq!(
        stored.rater,
        Rater::Other {
            name: String::new()
        },
        "an empty rater's name leaves it out"
    );
    // One's own check: the name may be left out, and the rater is oneself
    // whatever is sent.
    let mut own = Page::open(&store, CheckRef::Own, 6);
    let notice = names(&mut own, "", "Someone", 7);
    assert!(!notice.error, "{notice:?}");
    assert_eq!(own.state().document.rater, Rater::Subject);
}

/// Issue 27: a focus could only be dropped and added again. Editing its
/// step, date and helper is one change with Undo; an empty step is refused
/// with a message beside the plan; a done focus is not edited.
#[test]
fn a_focus_is_edited_with_undo_and_an_empty_step_is_refused() {
    use l5_selfcheck::core::state::Place;
    let store = MemoryStore::new();
    let mut page = Page::open(&store, CheckRef::Own, 1);
    let act = |page: &mut Page, action: Action, now: u64| {
        page.engine.handle(&store, now, Input::Act(action));
    };
    act(
        &mut page,
        Action::Focus {
            statement: 0,
            step: "Ask for a review".into(),
            due: String::new(),
            helper: String::new(),
            origin: String::new(),
        },
        2,
    );
    let id = page.state().document.plan[0].id;
    let edit = |step: &str| Action::FocusEdit {
        id,
        step: step.into(),
        due: "2027-02-28".into(),
        helper: "  Kim \n".into(),
    };
    act(&mut page, edit("Pair on the next design review"), 3);
    let item = &stored(&store, &CheckRef::Own).unwrap().plan[0];
    assert_eq!(
        (item.step.as_str(), item.due.as_str(), item.helper.as_str()),
        ("Pair on the next design review", "2027-02-28", "Kim")
    );
    let undo = page.state().undos.last().expect("Undo is on offer").id;
    act(&mut page, Action::Undo(undo), 4);
    let item = &stored(&store, &CheckRef::Own).unwrap().plan[0];
    assert_eq!(
        (item.step.as_str(), item.due.as_str()),
        ("Ask for a review", ""),
        "the undo puts the focus back as it was"
    );

    act(&mut page, edit(" \u{202e} "), 5);
    let notice = page.state().notice.clone().expect("the refusal is said");
    assert_eq!(notice.place, Place::Plan);
    assert_eq!(
        stored(&store, &CheckRef::Own).unwrap().plan[0].step,
        "Ask for a review"
    );

    act(
        &mut page,
        Action::FocusDone {
            id,
            outcome: "Done".into(),
        },
        6,
    );
    act(&mut page, edit("Too late"), 7);
    assert_eq!(
        stored(&store, &CheckRef::Own).unwrap().plan[0].step,
        "Ask for a review",
        "a done focus keeps what it was"
    );
}
