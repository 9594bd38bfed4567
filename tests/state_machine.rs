//! Model-based test of the state machine: two or three tabs of one browser
//! share one storage, and a person answers, writes notes, takes snapshots,
//! imports and undoes, deletes and undoes, and reloads, in any order,
//! while `storage` events arrive late, twice or never.
//!
//! The reference model is what the person did: the latest rating and note
//! they gave for each statement, and what an undo would bring back. After
//! every step, a copy of the system is left to settle (pending notes
//! written, every tab woken up), and then storage must hold exactly the
//! model's answers, every tab must agree with it, every stored value must
//! decode and validate, and an undo must be able to restore what the last
//! replace removed.
//!
//! The tabs run the same functions as the app: `State::reduce` for each
//! action, and `sync::sync` where the app's hooks call it (after every
//! change, a typed note within 300 ms, on `storage` events, and when a page
//! is shown again). A person acting in another tab first lets the previous
//! tab's note be written: its 300 ms timer, or hiding the page, does that
//! before anyone can click elsewhere.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Answer, Answers, Document, Rating, MAX_SNAPSHOTS};
use l5_selfcheck::core::keys::{instance_prefix, CheckRef, DocKeys};
use l5_selfcheck::core::route::Route;
use l5_selfcheck::core::state::{Action, State};
use l5_selfcheck::core::store::{MemoryStore, Store};
use l5_selfcheck::core::sync::{
    self, delete_all, restore_deleted, Removed, SyncInput, SyncOutcome,
};
use proptest::prelude::*;
use proptest::test_runner::Config;
use proptest_state_machine::{prop_state_machine, ReferenceStateMachine, StateMachineTest};
use std::collections::BTreeMap;
use std::rc::Rc;

const TABS: usize = 3;
const STATEMENTS: usize = 5;
const INSTANCE: &str = "t";

fn ladder() -> Rc<Ladder> {
    thread_local! {
        static LADDER: Rc<Ladder> = Rc::new(Ladder::parse(&format!(
            r#"{{"format":1,"id":"m","title":"Model","version":"1",
            "scale":{{"steps":[
              {{"value":0,"label":"A","description":"a"}},{{"value":1,"label":"B","description":"b"}},
              {{"value":2,"label":"C","description":"c"}},{{"value":3,"label":"D","description":"d"}}],
              "unsure":{{"label":"U","description":"u"}}}},
            "sections":[{{"id":"s","title":"S","summary":"S."}}],
            "statements":[{}]}}"#,
            (0..STATEMENTS)
                .map(|i| format!(r#"{{"id":"s.{i}","section":"s","kind":"expectation","quick":true,"text":"I {i}."}}"#))
                .collect::<Vec<_>>()
                .join(",")
        )).expect("model ladder is valid"));
    }
    LADDER.with(Rc::clone)
}

fn keys() -> DocKeys {
    DocKeys::new(INSTANCE, "m", &CheckRef::Own)
}

/// What the person gave for one statement: a rating and a note, each
/// `None` until given.
type Given = (Option<Rating>, Option<String>);
type Person = BTreeMap<usize, Given>;

/// The answers as the person would read them: statement index to rating
/// and note, leaving out statements with neither.
fn normalise(person: &Person) -> BTreeMap<usize, (Option<Rating>, String)> {
    person
        .iter()
        .map(|(s, (rating, note))| (*s, (*rating, note.clone().unwrap_or_default())))
        .filter(|(_, (rating, note))| rating.is_some() || !note.is_empty())
        .collect()
}

fn read_answers(answers: &Answers) -> BTreeMap<usize, (Option<Rating>, String)> {
    answers
        .iter()
        .filter_map(|(id, a)| {
            let s: usize = id.strip_prefix("s.")?.parse().ok()?;
            (a.rating.is_some() || !a.note.is_empty()).then(|| (s, (a.rating, a.note.clone())))
        })
        .collect()
}

#[derive(Clone, Debug)]
struct Model {
    answers: Person,
    /// What an undo of the last replace brings back, while one is possible.
    undo: Option<Person>,
    /// The tab that deleted everything, with what it can put back.
    deleted: Option<(usize, Person, Option<Person>)>,
    /// Snapshots already stored when the tabs open.
    prefilled: usize,
}

#[derive(Clone, Debug)]
enum Step {
    Rate {
        tab: usize,
        statement: usize,
        rating: Rating,
    },
    Note {
        tab: usize,
        statement: usize,
        text: String,
    },
    /// A typed note's timer fires (or the page is hidden).
    Flush {
        tab: usize,
    },
    Snapshot {
        tab: usize,
    },
    /// Replace the answers with a file's, after the preview.
    Import {
        tab: usize,
        answers: Vec<(usize, Option<Rating>, String)>,
    },
    Undo {
        tab: usize,
    },
    DeleteAll {
        tab: usize,
    },
    UndoDelete {
        tab: usize,
    },
    Reload {
        tab: usize,
    },
    /// The oldest pending `storage` event reaches the tab...
    Deliver {
        tab: usize,
    },
    /// ...or reaches it twice...
    Duplicate {
        tab: usize,
    },
    /// ...or is lost.
    Lose {
        tab: usize,
    },
    /// The page is shown again (`pageshow` from the back/forward cache, or
    /// `visibilitychange` to visible).
    Wake {
        tab: usize,
    },
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        (0u8..4).prop_map(Rating::Step),
        Just(Rating::Unsure),
        Just(Rating::NotMyRole)
    ]
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z <>\"é]{1,8}"]
}

struct Reference;

impl ReferenceStateMachine for Reference {
    type State = Model;
    type Transition = Step;

    fn init_state() -> BoxedStrategy<Model> {
        prop_oneof![Just(0usize), Just(MAX_SNAPSHOTS - 1), Just(MAX_SNAPSHOTS)]
            .prop_map(|prefilled| Model {
                answers: Person::new(),
                undo: None,
                deleted: None,
                prefilled,
            })
            .boxed()
    }

    fn transitions(model: &Model) -> BoxedStrategy<Step> {
        let tab = 0..TABS;
        let statement = 0..STATEMENTS;
        let mut steps = vec![
            (
                6,
                (tab.clone(), statement.clone(), rating())
                    .prop_map(|(tab, statement, rating)| Step::Rate {
                        tab,
                        statement,
                        rating,
                    })
                    .boxed(),
            ),
            (
                4,
                (tab.clone(), statement.clone(), note())
                    .prop_map(|(tab, statement, text)| Step::Note {
                        tab,
                        statement,
                        text,
                    })
                    .boxed(),
            ),
            (2, tab.clone().prop_map(|tab| Step::Flush { tab }).boxed()),
            (
                2,
                tab.clone().prop_map(|tab| Step::Snapshot { tab }).boxed(),
            ),
            (
                2,
                (
                    tab.clone(),
                    proptest::collection::btree_map(
                        statement.clone(),
                        (proptest::option::of(rating()), note()),
                        0..4,
                    ),
                )
                    .prop_map(|(tab, answers)| Step::Import {
                        tab,
                        answers: answers
                            .into_iter()
                            .map(|(s, (rating, note))| (s, rating, note))
                            .collect(),
                    })
                    .boxed(),
            ),
            (
                1,
                tab.clone().prop_map(|tab| Step::DeleteAll { tab }).boxed(),
            ),
            (2, tab.clone().prop_map(|tab| Step::Reload { tab }).boxed()),
            (3, tab.clone().prop_map(|tab| Step::Deliver { tab }).boxed()),
            (
                1,
                tab.clone().prop_map(|tab| Step::Duplicate { tab }).boxed(),
            ),
            (2, tab.clone().prop_map(|tab| Step::Lose { tab }).boxed()),
            (2, tab.clone().prop_map(|tab| Step::Wake { tab }).boxed()),
        ];
        if model.undo.is_some() {
            steps.push((3, tab.clone().prop_map(|tab| Step::Undo { tab }).boxed()));
        }
        if let Some((deleting, _, _)) = &model.deleted {
            steps.push((3, Just(Step::UndoDelete { tab: *deleting }).boxed()));
        }
        proptest::strategy::Union::new_weighted(steps).boxed()
    }

    fn preconditions(model: &Model, step: &Step) -> bool {
        match step {
            Step::Undo { .. } => model.undo.is_some(),
            Step::UndoDelete { tab } => model.deleted.as_ref().is_some_and(|(t, _, _)| t == tab),
            _ => true,
        }
    }

    fn apply(mut model: Model, step: &Step) -> Model {
        match step {
            Step::Rate {
                statement, rating, ..
            } => {
                model.answers.entry(*statement).or_default().0 = Some(*rating);
            }
            Step::Note {
                statement, text, ..
            } => {
                model.answers.entry(*statement).or_default().1 = Some(text.clone());
            }
            Step::Import { answers, .. } => {
                // A file's entry with neither rating nor note is no answer.
                let imported: Person = answers
                    .iter()
                    .filter(|(_, rating, note)| rating.is_some() || !note.is_empty())
                    .map(|(s, rating, note)| (*s, (*rating, Some(note.clone()))))
                    .collect();
                model.undo = Some(std::mem::replace(&mut model.answers, imported));
            }
            Step::Undo { .. } => {
                model.answers = model.undo.take().expect("precondition");
            }
            Step::DeleteAll { tab } => {
                let answers = std::mem::take(&mut model.answers);
                model.deleted = Some((*tab, answers, model.undo.take()));
            }
            Step::UndoDelete { .. } => {
                let (_, before, undo) = model.deleted.take().expect("precondition");
                // Whatever was given since the deletion wins, field by field
                // (a note typed and erased again gave nothing).
                let since = std::mem::take(&mut model.answers);
                model.answers = before;
                for (s, (rating, note)) in since {
                    let entry = model.answers.entry(s).or_default();
                    if rating.is_some() {
                        entry.0 = rating;
                    }
                    if note.as_ref().is_some_and(|n| !n.is_empty()) {
                        entry.1 = note;
                    }
                }
                // The undo from before the deletion; else one made since.
                if undo.is_some() {
                    model.undo = undo;
                }
            }
            Step::Reload { tab } => {
                if model.deleted.as_ref().is_some_and(|(t, _, _)| t == tab) {
                    model.deleted = None;
                }
            }
            Step::Flush { .. }
            | Step::Snapshot { .. }
            | Step::Deliver { .. }
            | Step::Duplicate { .. }
            | Step::Lose { .. }
            | Step::Wake { .. } => {}
        }
        model
    }
}

#[derive(Clone)]
struct Tab {
    name: String,
    state: State,
    /// `storage` events waiting to be delivered.
    events: usize,
    /// A typed note not yet written.
    pending: bool,
    /// What this tab deleted, for its undo.
    removed: Option<Removed>,
}

#[derive(Clone)]
struct Browser {
    store: MemoryStore,
    tabs: Vec<Tab>,
    /// The tab the person used last.
    active: usize,
    clock: u64,
}

impl Browser {
    fn now(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    fn open(&mut self, tab: usize) {
        let now = self.now();
        let loaded = sync::load(&self.store, &keys(), &ladder(), now);
        self.tabs[tab].state = State::new(ladder(), loaded, Route::Start);
        self.tabs[tab].pending = false;
        self.tabs[tab].removed = None;
    }

    fn act(&mut self, tab: usize, action: Action) {
        if let Some(next) = self.tabs[tab].state.reduce(action) {
            self.tabs[tab].state = next;
        }
    }

    /// Runs a sync the way the app's hooks do, and sends the `storage`
    /// events a write causes to every other tab.
    fn sync(&mut self, tab: usize, force: bool) {
        if !self.tabs[tab].state.writes() {
            return;
        }
        let now = self.now();
        let state = &self.tabs[tab].state;
        let synced = sync::sync(
            &self.store,
            &keys(),
            &ladder(),
            SyncInput {
                mine: &state.document,
                base: &state.synced,
                marker: state.marker.as_deref(),
                tab: &self.tabs[tab].name,
                force,
                now,
            },
        );
        let wrote = matches!(synced.outcome, SyncOutcome::Stored { wrote: true, .. });
        self.act(tab, Action::Synced(synced));
        self.tabs[tab].pending = false;
        if wrote {
            self.broadcast(tab);
        }
    }

    fn broadcast(&mut self, from: usize) {
        for (index, other) in self.tabs.iter_mut().enumerate() {
            if index != from {
                other.events += 1;
            }
        }
    }

    /// After a change, the app's autosave writes at once (a note waits).
    fn autosave(&mut self, tab: usize) {
        if self.tabs[tab].state.needs_sync() {
            self.sync(tab, false);
        }
    }

    /// The person turns to `tab`: a note typed in the previous tab has been
    /// written by then (its timer, or the page being hidden).
    fn turn_to(&mut self, tab: usize) {
        let previous = self.active;
        if previous != tab && self.tabs[previous].pending {
            self.sync(previous, false);
        }
        self.active = tab;
    }

    fn stored(&self) -> Option<Document> {
        self.store
            .read(&keys().document)
            .expect("memory store reads")
            .map(|raw| Document::decode(&raw).expect("the stored document decodes"))
    }

    /// Every tab writes what it has and takes in what others wrote.
    fn settle(&mut self) {
        for tab in 0..TABS {
            if self.tabs[tab].pending {
                self.sync(tab, false);
            }
        }
        for _ in 0..3 {
            for tab in 0..TABS {
                self.sync(tab, false);
            }
        }
    }
}

struct Tabs;

impl StateMachineTest for Tabs {
    type SystemUnderTest = Browser;
    type Reference = Reference;

    fn init_test(model: &Model) -> Browser {
        let store = MemoryStore::new();
        if model.prefilled > 0 {
            let mut document = Document::new("m", "1");
            for _ in 0..model.prefilled {
                document.take_snapshot(1, "");
            }
            store.write(&keys().document, &document.encode()).unwrap();
        }
        let placeholder = State::new(
            ladder(),
            sync::load(&store, &keys(), &ladder(), 0),
            Route::Start,
        );
        let mut browser = Browser {
            store,
            tabs: (0..TABS)
                .map(|i| Tab {
                    name: format!("tab{i}"),
                    state: placeholder.clone(),
                    events: 0,
                    pending: false,
                    removed: None,
                })
                .collect(),
            active: 0,
            clock: 1000,
        };
        for tab in 0..TABS {
            browser.open(tab);
        }
        browser
    }

    fn apply(mut browser: Browser, _model: &Model, step: Step) -> Browser {
        match step {
            Step::Rate {
                tab,
                statement,
                rating,
            } => {
                browser.turn_to(tab);
                // A radio already checked in this tab sends no event: to give
                // that answer, the person picks another one and comes back.
                let id = format!("s.{statement}");
                if browser.tabs[tab].state.document.rating(&id) == Some(rating) {
                    let other = if rating == Rating::Unsure {
                        Rating::Step(0)
                    } else {
                        Rating::Unsure
                    };
                    let now = browser.now();
                    browser.act(
                        tab,
                        Action::Rate {
                            statement,
                            rating: other,
                            now,
                        },
                    );
                    browser.autosave(tab);
                }
                let now = browser.now();
                browser.act(
                    tab,
                    Action::Rate {
                        statement,
                        rating,
                        now,
                    },
                );
                assert_eq!(
                    browser.tabs[tab]
                        .state
                        .document
                        .rating(&format!("s.{statement}")),
                    Some(rating),
                    "the answer shows at once"
                );
                browser.autosave(tab);
            }
            Step::Note {
                tab,
                statement,
                text,
            } => {
                browser.turn_to(tab);
                // The browser sends an input event only for a change: to end
                // at the text this tab already shows, the person types a
                // character and deletes it again.
                let id = format!("s.{statement}");
                let shown = browser.tabs[tab]
                    .state
                    .document
                    .answers
                    .get(&id)
                    .map(|a| a.note.clone());
                if shown.unwrap_or_default() == text {
                    let now = browser.now();
                    browser.act(
                        tab,
                        Action::Note {
                            statement,
                            text: format!("{text}x"),
                            now,
                        },
                    );
                }
                let now = browser.now();
                browser.act(
                    tab,
                    Action::Note {
                        statement,
                        text,
                        now,
                    },
                );
                if browser.tabs[tab].state.needs_sync() {
                    browser.tabs[tab].pending = true;
                }
            }
            Step::Flush { tab } => {
                if browser.tabs[tab].pending {
                    browser.sync(tab, false);
                }
            }
            Step::Snapshot { tab } => {
                browser.turn_to(tab);
                let now = browser.now();
                browser.act(tab, Action::Snapshot { now });
                browser.autosave(tab);
            }
            Step::Import { tab, answers } => {
                browser.turn_to(tab);
                // The app reads storage before replacing, so the copy it
                // keeps for undo holds everything given until now.
                browser.sync(tab, false);
                let now = browser.now();
                let answers: Answers = answers
                    .into_iter()
                    .map(|(s, rating, note)| {
                        (
                            format!("s.{s}"),
                            Answer {
                                rating,
                                rated_at: 1,
                                note,
                                noted_at: 1,
                            },
                        )
                    })
                    .collect();
                browser.act(
                    tab,
                    Action::Replace {
                        answers,
                        snapshots: Vec::new(),
                        what: "importing “a.json”".into(),
                        now,
                    },
                );
                assert!(browser.tabs[tab].state.document.replaced.is_some());
                browser.autosave(tab);
            }
            Step::Undo { tab } => {
                browser.turn_to(tab);
                browser.sync(tab, false);
                let now = browser.now();
                browser.act(tab, Action::Undo { now });
                assert!(
                    browser.tabs[tab].state.document.replaced.is_none(),
                    "the undo was available after reading storage"
                );
                browser.autosave(tab);
            }
            Step::DeleteAll { tab } => {
                browser.turn_to(tab);
                // The app writes a pending note before deleting, so that an
                // undo of the deletion brings it back too.
                if browser.tabs[tab].pending {
                    browser.sync(tab, false);
                }
                let now = browser.now();
                let removed = delete_all(&browser.store, &instance_prefix(INSTANCE), now).unwrap();
                browser.tabs[tab].removed = Some(removed.clone());
                let marker = browser.store.read(&keys().marker).unwrap();
                browser.act(tab, Action::Deleted { removed, marker });
                browser.broadcast(tab);
            }
            Step::UndoDelete { tab } => {
                browser.turn_to(tab);
                if browser.tabs[tab].pending {
                    browser.sync(tab, false);
                }
                let removed = browser.tabs[tab].removed.take().expect("this tab deleted");
                let now = browser.now();
                restore_deleted(&browser.store, &removed, now, &browser.tabs[tab].name).unwrap();
                browser.act(tab, Action::DeleteUndone);
                browser.sync(tab, true);
                browser.broadcast(tab);
            }
            Step::Reload { tab } => {
                browser.turn_to(tab);
                // Closing the page writes a pending note first (pagehide).
                if browser.tabs[tab].pending {
                    browser.sync(tab, false);
                }
                browser.open(tab);
            }
            Step::Deliver { tab } => {
                if browser.tabs[tab].events > 0 {
                    browser.tabs[tab].events -= 1;
                    browser.sync(tab, true);
                }
            }
            Step::Duplicate { tab } => {
                if browser.tabs[tab].events > 0 {
                    browser.sync(tab, true);
                    browser.sync(tab, true);
                }
            }
            Step::Lose { tab } => {
                browser.tabs[tab].events = browser.tabs[tab].events.saturating_sub(1);
            }
            Step::Wake { tab } => browser.sync(tab, false),
        }
        browser
    }

    fn check_invariants(browser: &Browser, model: &Model) {
        // Every stored document decodes and validates, as things stand.
        for (key, value) in browser.store.items() {
            if !key.ends_with("/rev") && !key.contains("/backup-") {
                let document = Document::decode(&value)
                    .unwrap_or_else(|e| panic!("{key} does not decode: {e}"));
                assert!(document.snapshots.len() <= MAX_SNAPSHOTS);
            }
        }
        // Let a copy settle, then it must hold what the person did.
        let mut settled = browser.clone();
        settled.store = browser.store.detached();
        settled.settle();
        let stored = settled.stored();
        let stored_answers = stored
            .as_ref()
            .map(|d| read_answers(&d.answers))
            .unwrap_or_default();
        assert_eq!(stored_answers, normalise(&model.answers), "stored answers");
        for tab in &settled.tabs {
            assert_eq!(
                read_answers(&tab.state.document.answers),
                stored_answers,
                "{} agrees with storage",
                tab.name
            );
        }
        let undo = stored.as_ref().and_then(|d| {
            let replaced = d.replaced.as_ref()?;
            Some(read_answers(&d.snapshot(replaced.kept)?.answers))
        });
        assert_eq!(
            undo,
            model.undo.as_ref().map(normalise),
            "what undo brings back"
        );
    }
}

prop_state_machine! {
    #![proptest_config(Config {
        // 400 sequences in CI; `L5_MODEL_CASES=20000` searches longer.
        cases: std::env::var("L5_MODEL_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400),
        max_shrink_iters: 10_000,
        failure_persistence: None,
        .. Config::default()
    })]

    /// Random sequences of 1 to 40 steps.
    #[test]
    fn tabs_sharing_storage_never_lose_what_the_person_did(sequential 1..40 => Tabs);
}

/// A sequence the model-based test once found: a tab deletes everything
/// while another holds an older copy, then the first tab reloads and the
/// person answers again. The new answer must be kept, and the deleted one
/// must not come back.
#[test]
fn an_answer_given_after_another_tab_deleted_everything_is_kept() {
    let mut model = Model {
        answers: Person::new(),
        undo: None,
        deleted: None,
        prefilled: 0,
    };
    let steps = vec![
        Step::Rate {
            tab: 0,
            statement: 0,
            rating: Rating::Step(0),
        },
        Step::Duplicate { tab: 1 },
        Step::DeleteAll { tab: 2 },
        Step::Reload { tab: 0 },
        Step::Rate {
            tab: 0,
            statement: 0,
            rating: Rating::Step(1),
        },
    ];
    let mut browser = Tabs::init_test(&model);
    for step in steps {
        model = Reference::apply(model, &step);
        browser = Tabs::apply(browser, &model, step);
        Tabs::check_invariants(&browser, &model);
    }
    assert_eq!(
        normalise(&model.answers).get(&0).map(|(rating, _)| *rating),
        Some(Some(Rating::Step(1))),
        "the model expects the new answer"
    );
}
