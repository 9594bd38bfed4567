//! Model-based test of the engine (`core::engine`), the code the app runs:
//! three tabs of one browser share one storage, each with a clock of its
//! own (one ahead, one behind, and any of them may go back). A person
//! rates, writes notes, takes snapshots, imports (someone else's file, or
//! their own with its history and plan) and undoes, adds a focus to the
//! plan, marks it done or drops it and undoes that, deletes all and
//! undoes, adds checks about other people (with names of every kind),
//! renames, switches, deletes, restores and purges them and undoes that,
//! follows links (unknown ones too) and reloads, while `storage` events
//! arrive late, twice or never, storage fails (quota, blocked) and heals,
//! and something else writes the person's check: a newer version of the
//! app, or text that cannot be read.
//!
//! The reference is a ledger of what the person did and saw: the latest
//! rating and note given to each statement of each check, each focus and
//! its status, what each undo promises, which checks are deleted. After
//! every step a copy of the browser settles (pending notes written, every
//! tab shown again), and then, in both directions:
//! - every stored document decodes (text written by something else aside);
//! - the latest answer and note of every check are stored, or shown as
//!   not saved in a tab that holds them (its storage failed, or a newer
//!   version or a deletion elsewhere stopped it writing), and nothing else
//!   is: an answer deleted (by "delete my data", a replace) is not back;
//! - the plan holds each focus as the person left it: a dropped, removed
//!   or deleted focus stays so;
//! - every check listed is one the person has: a deleted or purged check
//!   does not come back, and one under "Deleted checks" is kept there with
//!   its answers;
//! - unreadable text is kept (where it was, or as a backup), and a newer
//!   version's copy is never written over;
//! - every undo on offer, carried out on another copy, brings back what it
//!   promised, or refuses and says why.
//!
//! Storage fails for answers, notes, snapshots, switching and reloads;
//! the bulk actions (import, delete, add, plan changes) run while it
//! works, and their failures have tests of their own (`sync.rs`,
//! `checks.rs`).
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::checks;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::plan::{PlanItem, PlanStatus};
use l5_selfcheck::core::document::{
    Answer, Answers, Beside, Document, Rating, Snapshot, SnapshotKind, MAX_SNAPSHOTS,
};
use l5_selfcheck::core::engine::{Effect, Engine, Input, Widget};
use l5_selfcheck::core::keys::{kept_key, CheckRef, DocKeys};
use l5_selfcheck::core::route::Route;
use l5_selfcheck::core::state::{Action, CheckChange, NewCheck, Undo};
use l5_selfcheck::core::store::{MemoryStore, Store, StoreFault};
use l5_selfcheck::core::sync::Removed;
use proptest::prelude::*;
use proptest::test_runner::Config;
use proptest_state_machine::{prop_state_machine, ReferenceStateMachine, StateMachineTest};
use std::collections::BTreeMap;
use std::rc::Rc;

const TABS: usize = 3;
const STATEMENTS: usize = 4;
const INSTANCE: &str = "t";
/// Where the real clock starts (2025), and how far each tab's clock is off.
const START: u64 = 1_750_000_000_000;
const OFFSETS: [i64; TABS] = [0, 3_600_000, -86_400_000];

fn ladder() -> Rc<Ladder> {
    thread_local! {
        static LADDER: Rc<Ladder> = Rc::new(Ladder::parse(&format!(
            r#"{{"format":1,"id":"m","title":"Model","version":"1",
            "scale":{{"steps":[
              {{"value":0,"label":"A","description":"a"}},{{"value":1,"label":"B","description":"b"}},
              {{"value":2,"label":"C","description":"c"}},{{"value":3,"label":"D","description":"d"}}],
              "unsure":{{"label":"U","description":"u"}},"not_my_role":{{"label":"N","description":"n"}}}},
            "sections":[{{"id":"s","title":"S","summary":"S."}}],
            "statements":[{}]}}"#,
            (0..STATEMENTS)
                .map(|i| format!(r#"{{"id":"s.{i}","section":"s","kind":"expectation","quick":true,"role_dependent":true,"text":"When it applies, I {i}."}}"#))
                .collect::<Vec<_>>()
                .join(",")
        )).expect("model ladder is valid"));
    }
    LADDER.with(Rc::clone)
}

/// The check a ledger entry is about: "" for the person's own, else its id.
type CheckKey = String;

fn check_ref(key: &str) -> CheckRef {
    if key.is_empty() {
        CheckRef::Own
    } else {
        CheckRef::Other(key.to_string())
    }
}

fn check_key(check: &CheckRef) -> CheckKey {
    match check {
        CheckRef::Own => String::new(),
        CheckRef::Other(id) => id.clone(),
    }
}

fn keys(check: &CheckRef) -> DocKeys {
    DocKeys::new(INSTANCE, "m", check)
}

/// A statement's answer as the person reads it.
type Shown = (Option<Rating>, String);
/// Statement index to answer, leaving out statements with neither.
type Person = BTreeMap<usize, Shown>;

fn read(answers: &Answers) -> Person {
    answers
        .iter()
        .filter_map(|(id, a)| {
            let s: usize = id.strip_prefix("s.")?.parse().ok()?;
            (!a.is_cleared()).then(|| (s, (a.rating, a.note.clone())))
        })
        .collect()
}

/// Names people type: plain, accented, other scripts, marks, emoji, markup
/// and quotes, and some the app must refuse (control and direction
/// characters, too long, blank).
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Alex Chen".to_string()),
        Just("Zoë Ødegård-Ñúñez".to_string()),
        Just("李雷".to_string()),
        Just("عمر الفاروق".to_string()),
        Just("O'Brien <b>x</b> & \"Co\"".to_string()),
        Just("🙂 Kim".to_string()),
        Just("Sam\u{202e}gnp.exe".to_string()),
        Just("x\ny".to_string()),
        Just("   ".to_string()),
        Just("L".repeat(61)),
        "[A-Za-zé '.-]{1,12}[a-z]",
    ]
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        (0u8..4).prop_map(Rating::Step),
        Just(Rating::Unsure),
        Just(Rating::NotMyRole)
    ]
}

fn note() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z <>\"é\u{200f}]{1,8}"]
}

/// Where a link may point: a page of the open check, another check by its
/// place in the list, or nowhere.
#[derive(Clone, Debug)]
enum Link {
    Page(&'static str),
    /// The n-th check of the list (0: the person's own), at a page.
    Check(usize, &'static str),
    /// `#/p/<a check that is not here>/results`.
    Missing,
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
    /// A typed note's timer fires.
    NoteDue {
        tab: usize,
    },
    /// The page is hidden, then shown again later.
    Hide {
        tab: usize,
    },
    Show {
        tab: usize,
    },
    Snapshot {
        tab: usize,
    },
    /// Replace the answers with a file's, after the preview; a file of
    /// one's own carries a snapshot and a plan too.
    Import {
        tab: usize,
        answers: Vec<(usize, Option<Rating>, String)>,
        own: bool,
    },
    /// Makes a statement a focus of the open check's plan.
    Focus {
        tab: usize,
        statement: usize,
    },
    /// Marks the n-th active focus done, or drops it.
    FocusDone {
        tab: usize,
        n: usize,
    },
    FocusDrop {
        tab: usize,
        n: usize,
    },
    /// Gives the n-th active focus a new next step.
    FocusEdit {
        tab: usize,
        n: usize,
        step: u8,
    },
    /// Something else writes the person's own check: a newer version of
    /// the app, or text that cannot be read (a broken disk, a hand edit).
    Foreign {
        newer: bool,
    },
    UndoReplace {
        tab: usize,
    },
    /// Keep the n-th received view (a report's self-check) beside the
    /// open check.
    Attach {
        tab: usize,
        n: u8,
    },
    KeepReplaced {
        tab: usize,
    },
    DeleteAll {
        tab: usize,
    },
    AddCheck {
        tab: usize,
        name: String,
    },
    Rename {
        tab: usize,
        name: String,
    },
    Follow {
        tab: usize,
        link: Link,
    },
    /// The n-th check of the list, or of the deleted list.
    DeleteCheck {
        tab: usize,
        n: usize,
    },
    RestoreCheck {
        tab: usize,
        n: usize,
    },
    PurgeCheck {
        tab: usize,
        n: usize,
    },
    /// Undo or keep the tab's oldest pending change.
    UndoPending {
        tab: usize,
    },
    KeepPending {
        tab: usize,
    },
    Reload {
        tab: usize,
    },
    /// The oldest pending `storage` event reaches the tab, twice, or never.
    Deliver {
        tab: usize,
    },
    Duplicate {
        tab: usize,
    },
    Lose {
        tab: usize,
    },
    /// Storage starts failing (quota full, or blocked), or works again.
    Fail {
        blocked: bool,
    },
    Heal,
    /// This tab's clock goes back a minute.
    ClockBack {
        tab: usize,
    },
    /// Time passes (a few seconds).
    Wait,
}

/// The generator's view: whether storage is failing (bulk actions then
/// wait for it to work again).
#[derive(Clone, Debug, Default)]
struct Reference {
    failing: bool,
}

impl ReferenceStateMachine for Reference {
    type State = Reference;
    type Transition = Step;

    fn init_state() -> BoxedStrategy<Reference> {
        Just(Reference::default()).boxed()
    }

    fn transitions(model: &Reference) -> BoxedStrategy<Step> {
        let tab = || 0..TABS;
        let statement = || 0..STATEMENTS;
        let link = prop_oneof![
            Just(Link::Page("")),
            Just(Link::Page("results")),
            Just(Link::Page("nope")),
            Just(Link::Page("check/s/s.1")),
            (
                0usize..3,
                prop_oneof![Just(""), Just("quick"), Just("nope")]
            )
                .prop_map(|(n, page)| Link::Check(n, page)),
            Just(Link::Missing),
        ];
        let mut steps: Vec<(u32, BoxedStrategy<Step>)> = vec![
            (
                8,
                (tab(), statement(), rating())
                    .prop_map(|(tab, statement, rating)| Step::Rate {
                        tab,
                        statement,
                        rating,
                    })
                    .boxed(),
            ),
            (
                5,
                (tab(), statement(), note())
                    .prop_map(|(tab, statement, text)| Step::Note {
                        tab,
                        statement,
                        text,
                    })
                    .boxed(),
            ),
            (3, tab().prop_map(|tab| Step::NoteDue { tab }).boxed()),
            (1, tab().prop_map(|tab| Step::Hide { tab }).boxed()),
            (2, tab().prop_map(|tab| Step::Show { tab }).boxed()),
            (2, tab().prop_map(|tab| Step::Snapshot { tab }).boxed()),
            (
                3,
                (tab(), link)
                    .prop_map(|(tab, link)| Step::Follow { tab, link })
                    .boxed(),
            ),
            (2, tab().prop_map(|tab| Step::Reload { tab }).boxed()),
            (3, tab().prop_map(|tab| Step::Deliver { tab }).boxed()),
            (1, tab().prop_map(|tab| Step::Duplicate { tab }).boxed()),
            (2, tab().prop_map(|tab| Step::Lose { tab }).boxed()),
            (1, tab().prop_map(|tab| Step::ClockBack { tab }).boxed()),
            (1, Just(Step::Wait).boxed()),
        ];
        if model.failing {
            steps.push((3, Just(Step::Heal).boxed()));
        } else {
            steps.extend([
                (
                    1,
                    any::<bool>()
                        .prop_map(|blocked| Step::Fail { blocked })
                        .boxed(),
                ),
                (
                    2,
                    (
                        tab(),
                        proptest::collection::btree_map(
                            statement(),
                            (proptest::option::of(rating()), note()),
                            0..4,
                        ),
                        any::<bool>(),
                    )
                        .prop_map(|(tab, answers, own)| Step::Import {
                            tab,
                            answers: answers.into_iter().map(|(s, (r, n))| (s, r, n)).collect(),
                            own,
                        })
                        .boxed(),
                ),
                (
                    2,
                    (tab(), statement())
                        .prop_map(|(tab, statement)| Step::Focus { tab, statement })
                        .boxed(),
                ),
                (
                    1,
                    (tab(), 0usize..3)
                        .prop_map(|(tab, n)| Step::FocusDone { tab, n })
                        .boxed(),
                ),
                (
                    1,
                    (tab(), 0usize..3)
                        .prop_map(|(tab, n)| Step::FocusDrop { tab, n })
                        .boxed(),
                ),
                (
                    1,
                    (tab(), 0usize..3, any::<u8>())
                        .prop_map(|(tab, n, step)| Step::FocusEdit { tab, n, step })
                        .boxed(),
                ),
                (
                    1,
                    any::<bool>()
                        .prop_map(|newer| Step::Foreign { newer })
                        .boxed(),
                ),
                (2, tab().prop_map(|tab| Step::UndoReplace { tab }).boxed()),
                (
                    2,
                    (tab(), 0u8..4)
                        .prop_map(|(tab, n)| Step::Attach { tab, n })
                        .boxed(),
                ),
                (1, tab().prop_map(|tab| Step::KeepReplaced { tab }).boxed()),
                (1, tab().prop_map(|tab| Step::DeleteAll { tab }).boxed()),
                (
                    3,
                    (tab(), name())
                        .prop_map(|(tab, name)| Step::AddCheck { tab, name })
                        .boxed(),
                ),
                (
                    1,
                    (tab(), name())
                        .prop_map(|(tab, name)| Step::Rename { tab, name })
                        .boxed(),
                ),
                (
                    2,
                    (tab(), 0usize..3)
                        .prop_map(|(tab, n)| Step::DeleteCheck { tab, n })
                        .boxed(),
                ),
                (
                    2,
                    (tab(), 0usize..3)
                        .prop_map(|(tab, n)| Step::RestoreCheck { tab, n })
                        .boxed(),
                ),
                (
                    1,
                    (tab(), 0usize..3)
                        .prop_map(|(tab, n)| Step::PurgeCheck { tab, n })
                        .boxed(),
                ),
                (3, tab().prop_map(|tab| Step::UndoPending { tab }).boxed()),
                (1, tab().prop_map(|tab| Step::KeepPending { tab }).boxed()),
            ]);
        }
        proptest::strategy::Union::new_weighted(steps).boxed()
    }

    fn preconditions(model: &Reference, step: &Step) -> bool {
        match step {
            Step::Heal => model.failing,
            Step::Fail { .. }
            | Step::Import { .. }
            | Step::UndoReplace { .. }
            | Step::Attach { .. }
            | Step::KeepReplaced { .. }
            | Step::DeleteAll { .. }
            | Step::AddCheck { .. }
            | Step::Rename { .. }
            | Step::DeleteCheck { .. }
            | Step::RestoreCheck { .. }
            | Step::PurgeCheck { .. }
            | Step::UndoPending { .. }
            | Step::KeepPending { .. }
            | Step::Focus { .. }
            | Step::FocusDone { .. }
            | Step::FocusDrop { .. }
            | Step::FocusEdit { .. }
            | Step::Foreign { .. } => !model.failing,
            _ => true,
        }
    }

    fn apply(mut model: Reference, step: &Step) -> Reference {
        match step {
            Step::Fail { .. } => model.failing = true,
            Step::Heal => model.failing = false,
            _ => {}
        }
        model
    }
}

/// Where a check is, for the person.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Live,
    /// Under "Deleted checks", restorable.
    Deleted,
    /// Deleted for good by this tab, which still offers Undo.
    Purged(usize),
}

/// What the person did to one check, and what it promises.
#[derive(Clone, Debug)]
struct CheckLedger {
    answers: Person,
    status: Status,
    /// What undoing the last replace brings back.
    undo: Option<Person>,
    /// The replace happened while a tab held answers it could not save:
    /// those were not there to be kept, so the promise is not exact.
    undo_contested: bool,
    /// The contested answers at the replace: any may be what it kept.
    undo_alternatives: BTreeMap<usize, (Vec<Option<Rating>>, Vec<String>)>,
    /// Ratings and notes given while a tab could not save: tabs that
    /// cannot write cannot agree on an order, and when storage works again
    /// the one with the later clock wins. Any of them may end up stored
    /// (each was shown as not saved); a give all tabs could save ends it.
    contested: BTreeMap<usize, (Vec<Option<Rating>>, Vec<String>)>,
    /// The views ever kept beside this check (by where they came from):
    /// the one stored is one of them, never changed by anything else.
    besides: std::collections::BTreeSet<String>,
    /// The plan as the person left it: each focus shown, by id.
    plan: Plan,
    /// The plan undoing the last replace brings back.
    undo_plan: Option<Plan>,
    /// A plan change was made while a tab could not save: tabs then
    /// settle by their clocks, so the plan is no longer exact.
    plan_loose: bool,
}

/// A plan by focus id: each status, removed ones (by a replace) included
/// so that a merge knows they went.
type Plan = BTreeMap<u64, (PlanStatus, String)>;

fn plan_of(items: &[PlanItem]) -> Plan {
    items
        .iter()
        .map(|item| (item.id, (item.status, item.step.clone())))
        .collect()
}

/// The focus items the person sees.
fn shown(plan: &Plan) -> Plan {
    plan.iter()
        .filter(|(_, (status, _))| *status != PlanStatus::Removed)
        .map(|(id, kept)| (*id, kept.clone()))
        .collect()
}

/// The plan after a replace brought `incoming` (or an undo brought the
/// earlier plan back): its items, and the others removed.
fn replaced(current: &Plan, incoming: &Plan) -> Plan {
    let mut next = shown(incoming);
    for id in current.keys() {
        next.entry(*id)
            .or_insert((PlanStatus::Removed, String::new()));
    }
    next
}

impl CheckLedger {
    fn new() -> CheckLedger {
        CheckLedger {
            answers: Person::new(),
            status: Status::Live,
            undo: None,
            undo_contested: false,
            undo_alternatives: BTreeMap::new(),
            contested: BTreeMap::new(),
            besides: Default::default(),
            plan: Plan::new(),
            undo_plan: None,
            plan_loose: false,
        }
    }
}

impl Browser {
    /// Whether a give in `tab` to the open check was made while some tab
    /// with that check could not save.
    fn contested(&self, tab: usize) -> bool {
        let check = &self.tabs[tab].engine.state().check;
        self.store.is_failing()
            || self
                .tabs
                .iter()
                .any(|t| &t.engine.state().check == check && !t.engine.state().writes())
    }
}

/// What the person did, check by check.
#[derive(Clone, Debug, Default)]
struct Ledger {
    checks: BTreeMap<CheckKey, CheckLedger>,
    /// Each "delete my data" whose Undo a tab still offers (the tab, the
    /// undo's id there): what it removed, the ledger as it was.
    deleted_all: Vec<(usize, u64, BTreeMap<CheckKey, CheckLedger>)>,
    /// Text something else wrote over the person's own check that this
    /// version cannot read: it is kept (where it was, or as a backup)
    /// until the person deletes everything.
    unreadable: Option<String>,
    /// Text a newer version wrote: this version never writes over it.
    newer: Option<String>,
    /// Every text something else wrote, for the check that whatever else
    /// is stored decodes.
    foreign: Vec<String>,
}

impl Ledger {
    fn check(&mut self, key: &str) -> &mut CheckLedger {
        self.checks
            .entry(key.to_string())
            .or_insert_with(CheckLedger::new)
    }
}

#[derive(Clone)]
struct Tab {
    engine: Engine,
    /// `storage` events waiting to be delivered.
    events: usize,
    /// The note timer is running.
    timer: bool,
}

#[derive(Clone)]
struct Browser {
    store: MemoryStore,
    tabs: Vec<Tab>,
    /// Real time, and each tab's offset from it.
    real: u64,
    offsets: [i64; TABS],
    ledger: Ledger,
    /// The tab the person used last.
    active: usize,
}

impl Browser {
    fn now(&mut self, tab: usize) -> u64 {
        self.real += 7;
        (self.real as i64 + self.offsets[tab]) as u64
    }

    fn start(&mut self, tab: usize, hash: &str) -> Tab {
        let now = self.now(tab);
        let widget = Widget {
            instance: INSTANCE.into(),
            tab: format!("tab{tab}"),
            hash_routing: true,
            checkin_weeks: 8,
        };
        let (engine, _) = Engine::start(&self.store, widget, ladder(), hash, None, now, 0);
        Tab {
            engine,
            events: 0,
            timer: false,
        }
    }

    /// Runs an input in a tab and does what the browser would with its
    /// effects; other tabs hear about any write.
    fn input(&mut self, tab: usize, input: Input) -> Vec<Effect> {
        let now = self.now(tab);
        let before = self.store.items();
        let was_writing = self.tabs[tab].engine.state().writes();
        let effects = self.tabs[tab].engine.handle(&self.store, now, input);
        // A tab that just stopped saving (its write failed) holds what it
        // had not written yet: from now on that competes with other tabs.
        let state = &self.tabs[tab].engine.state();
        if was_writing && !state.writes() {
            let held = read(&state.document.answers);
            let key = check_key(&state.check);
            if let Some(entry) = self.ledger.checks.get_mut(&key) {
                entry.plan_loose = true;
                for (s, (rating, note)) in held {
                    let others = entry.contested.entry(s).or_default();
                    others.0.push(rating);
                    others.1.push(note);
                }
            }
        }
        for effect in &effects {
            match effect {
                Effect::StartNoteTimer(_) => self.tabs[tab].timer = true,
                Effect::CancelNoteTimer => self.tabs[tab].timer = false,
                _ => {}
            }
        }
        if self.store.items() != before {
            for (index, other) in self.tabs.iter_mut().enumerate() {
                if index != tab {
                    other.events += 1;
                }
            }
        }
        effects
    }

    fn act(&mut self, tab: usize, action: Action) -> Vec<Effect> {
        self.input(tab, Input::Act(action))
    }

    fn open_check(&self, tab: usize) -> CheckKey {
        check_key(&self.tabs[tab].engine.state().check)
    }

    fn stored(&self, check: &CheckRef) -> Option<Document> {
        self.store
            .read(&keys(check).document)
            .unwrap()
            // Text something else wrote that this version cannot read
            // holds nothing it can show (check_stored_values_decode checks
            // that this version never writes such text itself).
            .and_then(|raw| readable(&raw))
    }

    /// Every tab writes what it holds and takes in what others wrote.
    fn settle(&mut self) {
        for tab in 0..TABS {
            self.input(tab, Input::Hidden);
            self.tabs[tab].timer = false;
        }
        for _ in 0..3 {
            for tab in 0..TABS {
                self.input(tab, Input::Shown);
            }
        }
    }

    /// A copy with storage of its own.
    fn detached(&self) -> Browser {
        let mut copy = self.clone();
        copy.store = self.store.detached();
        copy
    }
}

/// Applies a step to the ledger after the engine accepted it.
struct Tabs;

impl StateMachineTest for Tabs {
    type SystemUnderTest = Browser;
    type Reference = Reference;

    fn init_test(_: &Reference) -> Browser {
        let mut browser = Browser {
            store: MemoryStore::new(),
            tabs: Vec::new(),
            real: START,
            offsets: OFFSETS,
            ledger: Ledger::default(),
            active: 0,
        };
        browser.ledger.check("");
        for tab in 0..TABS {
            let started = browser.start(tab, "");
            browser.tabs.push(started);
        }
        browser
    }

    fn apply(mut browser: Browser, _: &Reference, step: Step) -> Browser {
        apply_step(&mut browser, step);
        note_held_unsaved(&mut browser);
        browser
    }

    fn check_invariants(browser: &Browser, _: &Reference) {
        check_stored_values_decode(browser);
        check_foreign_text_kept(browser);
        let mut settled = browser.detached();
        settled.settle();
        check_answers_kept(&settled);
        check_nothing_deleted_comes_back(&settled);
        check_undos_keep_their_promise(browser);
    }
}

/// A tab that says it is not saving holds what it could not write (a
/// note still waiting for its timer when storage failed, say): when
/// storage works again, that may win over what other tabs gave meanwhile,
/// by its own clock. Each was shown as not saved, so any may end up stored.
fn note_held_unsaved(browser: &mut Browser) {
    for tab in 0..browser.tabs.len() {
        let state = &browser.tabs[tab].engine.state();
        if state.writes() {
            continue;
        }
        let key = browser.open_check(tab);
        // Cleared entries too: an erased note is held as much as a typed one.
        let held: Vec<(usize, (Option<Rating>, String))> = state
            .document
            .answers
            .iter()
            .filter_map(|(id, a)| {
                Some((
                    id.strip_prefix("s.")?.parse().ok()?,
                    (a.rating, a.note.clone()),
                ))
            })
            .collect();
        let entry = browser.ledger.check(&key);
        for (s, (rating, note)) in held {
            let others = entry.contested.entry(s).or_default();
            if !others.0.contains(&rating) {
                others.0.push(rating);
            }
            if !others.1.contains(&note) {
                others.1.push(note);
            }
        }
    }
}

/// The tab a step of the person's happens in.
fn person_tab(step: &Step) -> Option<usize> {
    match step {
        Step::Rate { tab, .. }
        | Step::Note { tab, .. }
        | Step::Snapshot { tab }
        | Step::Import { tab, .. }
        | Step::UndoReplace { tab }
        | Step::Attach { tab, .. }
        | Step::KeepReplaced { tab }
        | Step::DeleteAll { tab }
        | Step::AddCheck { tab, .. }
        | Step::Rename { tab, .. }
        | Step::Follow { tab, .. }
        | Step::DeleteCheck { tab, .. }
        | Step::RestoreCheck { tab, .. }
        | Step::PurgeCheck { tab, .. }
        | Step::UndoPending { tab }
        | Step::KeepPending { tab }
        | Step::Focus { tab, .. }
        | Step::FocusDone { tab, .. }
        | Step::FocusDrop { tab, .. }
        | Step::FocusEdit { tab, .. }
        | Step::Reload { tab } => Some(*tab),
        _ => None,
    }
}

impl Browser {
    /// The person turns to `tab`. That hides the tab used before, which
    /// writes its pending note: nobody clicks in another tab within 300 ms.
    fn turn_to(&mut self, tab: usize) {
        let previous = self.active;
        if previous != tab {
            self.input(previous, Input::Hidden);
            self.tabs[previous].timer = false;
            self.input(tab, Input::Shown);
            self.active = tab;
        }
    }
}

fn apply_step(browser: &mut Browser, step: Step) {
    if let Some(tab) = person_tab(&step) {
        browser.turn_to(tab);
    }
    match step {
        Step::Rate {
            tab,
            statement,
            rating,
        } => {
            let check = browser.open_check(tab);
            let id = format!("s.{statement}");
            // A radio already chosen sends no event.
            if browser.tabs[tab].engine.state().document.rating(&id) == Some(rating) {
                return;
            }
            browser.act(tab, Action::Rate { statement, rating });
            let contested = browser.contested(tab);
            let state = &browser.tabs[tab].engine.state();
            if state.document.rating(&id) == Some(rating) {
                let entry = browser.ledger.check(&check);
                entry.answers.entry(statement).or_default().0 = Some(rating);
                let others = &mut entry.contested.entry(statement).or_default().0;
                if contested {
                    others.push(Some(rating));
                } else {
                    others.clear();
                }
            } else {
                assert!(
                    state.read_only(),
                    "a rating is only refused where nothing can change"
                );
            }
        }
        Step::Note {
            tab,
            statement,
            text,
        } => {
            let check = browser.open_check(tab);
            let id = format!("s.{statement}");
            let shown = |b: &Browser| {
                b.tabs[tab]
                    .engine
                    .state()
                    .document
                    .answers
                    .get(&id)
                    .map(|a| a.note.clone())
                    .unwrap_or_default()
            };
            if shown(browser) == text {
                return;
            }
            browser.act(
                tab,
                Action::Note {
                    statement,
                    text: text.clone(),
                },
            );
            let contested = browser.contested(tab);
            if shown(browser) == text {
                let entry = browser.ledger.check(&check);
                entry.answers.entry(statement).or_default().1 = text.clone();
                let others = &mut entry.contested.entry(statement).or_default().1;
                if contested {
                    others.push(text);
                } else {
                    others.clear();
                }
            } else {
                assert!(browser.tabs[tab].engine.state().read_only());
            }
            browser
                .ledger
                .check(&check)
                .answers
                .retain(|_, (r, n)| r.is_some() || !n.is_empty());
        }
        Step::NoteDue { tab } => {
            if browser.tabs[tab].timer {
                browser.tabs[tab].timer = false;
                browser.input(tab, Input::NoteDue);
            }
        }
        Step::Hide { tab } => {
            browser.input(tab, Input::Hidden);
            browser.tabs[tab].timer = false;
        }
        Step::Show { tab } => {
            browser.input(tab, Input::Shown);
        }
        Step::Snapshot { tab } => {
            browser.act(tab, Action::Snapshot);
        }
        Step::Import { tab, answers, own } => {
            if browser.tabs[tab].engine.state().read_only()
                || !browser.tabs[tab].engine.state().writes()
            {
                return;
            }
            let check = browser.open_check(tab);
            let file: Answers = answers
                .iter()
                .map(|(s, rating, note)| {
                    (
                        format!("s.{s}"),
                        Answer {
                            rating: *rating,
                            rated_at: 1,
                            note: note.clone(),
                            noted_at: 1,
                            ..Default::default()
                        },
                    )
                })
                .collect();
            // A file of one's own brings its history and plan along.
            let (snapshots, plan) = if own {
                let focus = PlanItem {
                    id: 7,
                    statement: "s.0".into(),
                    step: "From the file".into(),
                    due: String::new(),
                    helper: String::new(),
                    status: PlanStatus::Active,
                    outcome: String::new(),
                    origin: String::new(),
                    changed_at: 1,
                };
                let history = Snapshot {
                    taken_at: 5,
                    label: String::new(),
                    kind: Some(SnapshotKind::Saved),
                    answers: file.clone(),
                    plan: Vec::new(),
                };
                (vec![history], Some(vec![focus]))
            } else {
                (Vec::new(), None)
            };
            browser.act(
                tab,
                Action::Replace {
                    answers: file,
                    snapshots,
                    plan: plan.clone(),
                    what: "importing “a\u{200f}.json”\n".into(),
                },
            );
            // Refused by a page that learned just now that a newer version
            // holds the check (it says so).
            if browser.tabs[tab].engine.state().read_only() {
                return;
            }
            if own {
                assert!(
                    browser.tabs[tab]
                        .engine
                        .state()
                        .document
                        .snapshot(5)
                        .is_some(),
                    "the file's history is kept"
                );
            }
            assert!(
                browser.tabs[tab].engine.state().document.replaced.is_some(),
                "the replace is undoable"
            );
            let imported: Person = answers
                .into_iter()
                .filter(|(_, rating, note)| rating.is_some() || !note.is_empty())
                .map(|(s, rating, note)| (s, (rating, note)))
                .collect();
            let contested = browser.contested(tab);
            let entry = browser.ledger.check(&check);
            entry.undo = Some(std::mem::replace(&mut entry.answers, imported));
            entry.undo_plan = Some(entry.plan.clone());
            if let Some(items) = &plan {
                entry.plan = replaced(&entry.plan, &plan_of(items));
            }
            entry.undo_contested = contested;
            // Answers given while tabs could not save may have settled
            // either way before the replace kept them.
            entry.undo_alternatives = entry.contested.clone();
        }
        Step::UndoReplace { tab } => {
            let check = browser.open_check(tab);
            if browser.tabs[tab].engine.state().read_only()
                || browser.ledger.check(&check).undo.is_none()
            {
                return;
            }
            browser.act(tab, Action::UndoReplace);
            assert!(
                browser.tabs[tab].engine.state().document.replaced.is_none(),
                "the undo was on offer after reading storage"
            );
            let entry = browser.ledger.check(&check);
            entry.answers = entry.undo.take().expect("checked above");
            if let Some(plan) = entry.undo_plan.take() {
                entry.plan = replaced(&entry.plan, &plan);
            }
            // What the replace kept may hold any value tabs competed with
            // then.
            for (s, (ratings, notes)) in std::mem::take(&mut entry.undo_alternatives) {
                let others = entry.contested.entry(s).or_default();
                others.0.extend(ratings);
                others.1.extend(notes);
            }
            if entry.undo_contested {
                // The copy the replace kept could not hold what a tab had
                // not saved then: those statements may come back empty
                // (what they held is in the history, "Undone: …").
                let statements: Vec<usize> = entry.answers.keys().copied().collect();
                for s in statements {
                    let others = entry.contested.entry(s).or_default();
                    others.0.push(None);
                    others.1.push(String::new());
                }
            }
        }
        Step::Attach { tab, n } => {
            let check = browser.open_check(tab);
            let from = format!("view-{n}.json");
            browser.ledger.check(&check).besides.insert(from.clone());
            browser.act(
                tab,
                Action::Attach {
                    beside: Box::new(received_view(&from)),
                    to: browser.tabs[tab].engine.state().check.clone(),
                },
            );
            let state = &browser.tabs[tab].engine.state();
            if !state.read_only() {
                assert_eq!(
                    state.document.beside.as_ref().map(|b| b.from.as_str()),
                    Some(from.as_str()),
                    "the view is kept beside the open check"
                );
                assert_eq!(
                    state.route,
                    Route::Compare {
                        with: l5_selfcheck::core::route::Compared::Beside
                    },
                    "the agenda opens"
                );
            }
        }
        Step::KeepReplaced { tab } => {
            let check = browser.open_check(tab);
            if browser.tabs[tab].engine.state().read_only()
                || browser.ledger.check(&check).undo.is_none()
            {
                return;
            }
            browser.act(tab, Action::KeepReplaced);
            browser.ledger.check(&check).undo = None;
            browser.ledger.check(&check).undo_plan = None;
        }
        Step::DeleteAll { tab } => {
            browser.act(tab, Action::DeleteAll);
            let pending = browser.tabs[tab].engine.state().undos.last().cloned();
            let Some((id, Undo::DeleteAll(removed))) = pending.map(|p| (p.id, p.undo)) else {
                panic!("delete all offers Undo");
            };
            // Everything stored goes, and comes back with this undo. What
            // a tab held without saving was never stored; it meets the
            // deletion when that tab can save again.
            let mut old = std::mem::take(&mut browser.ledger.checks);
            // A check deleted for good is not stored; its own undo still
            // brings it back.
            let purged: Vec<(CheckKey, CheckLedger)> = old
                .iter()
                .filter(|(_, c)| matches!(c.status, Status::Purged(_)))
                .map(|(k, c)| (k.clone(), c.clone()))
                .collect();
            old.retain(|_, c| !matches!(c.status, Status::Purged(_)));
            let mut before = ledger_of(&removed);
            // What tabs held without saving competes still, wherever it goes.
            for (key, entry) in before.iter_mut() {
                if let Some(was) = old.get(key) {
                    for (s, (ratings, notes)) in &was.contested {
                        let others = entry.contested.entry(*s).or_default();
                        others.0.extend(ratings.iter().cloned());
                        others.1.extend(notes.iter().cloned());
                    }
                    entry.besides.extend(was.besides.iter().cloned());
                }
            }
            browser.ledger.deleted_all.push((tab, id, before));
            // Deleted at the person's request: unreadable text, or a newer
            // version's copy, goes too.
            browser.ledger.unreadable = None;
            browser.ledger.newer = None;
            browser.ledger.checks.extend(purged);
            // Nothing deleted comes back: the old answers are no longer an
            // acceptable value, except where a tab held them unsaved.
            let own = browser.ledger.check("");
            if let Some(before) = old.get("") {
                own.contested = before.contested.clone();
            }
        }
        Step::AddCheck { tab, name } => {
            let listed = |b: &Browser| -> Vec<String> {
                checks::list(&b.store, INSTANCE, &ladder())
                    .unwrap()
                    .0
                    .into_iter()
                    .map(|c| c.id)
                    .collect()
            };
            let before = listed(browser);
            browser.act(
                tab,
                Action::AddCheck(NewCheck {
                    name: name.clone(),
                    rater: l5_selfcheck::core::document::Rater::Other {
                        name: String::new(),
                    },
                    from: None,
                    beside: None,
                    then: Route::Start,
                }),
            );
            let added: Vec<String> = listed(browser)
                .into_iter()
                .filter(|id| !before.contains(id))
                .collect();
            let state = &browser.tabs[tab].engine.state();
            match added.as_slice() {
                [id] => {
                    // It opens, unless this page holds answers it could not
                    // save: then it says so and stays.
                    assert!(
                        state.check == CheckRef::Other(id.clone())
                            || state.notice.as_ref().is_some_and(|n| n.error),
                        "the new check opens"
                    );
                    browser.ledger.checks.insert(id.clone(), CheckLedger::new());
                }
                [] => assert!(
                    state.notice.as_ref().is_some_and(|n| n.error),
                    "a refused name is said: {name:?}"
                ),
                more => panic!("one check added, not {more:?}"),
            }
        }
        Step::Rename { tab, name } => {
            let state = &browser.tabs[tab].engine.state();
            if state.check == CheckRef::Own || state.read_only() {
                return;
            }
            let others: Vec<_> = state
                .checks
                .iter()
                .filter(|c| CheckRef::Other(c.id.clone()) != state.check)
                .cloned()
                .collect();
            let Ok(valid) = checks::check_new_name(&name, false, &others) else {
                return;
            };
            let rater = match &state.document.rater {
                l5_selfcheck::core::document::Rater::Other { name } => name.clone(),
                l5_selfcheck::core::document::Rater::Subject => String::new(),
            };
            browser.act(
                tab,
                Action::Names {
                    subject: name.clone(),
                    rater,
                },
            );
            assert_eq!(browser.tabs[tab].engine.state().document.subject, valid);
        }
        Step::Follow { tab, link } => follow(browser, tab, link),
        Step::DeleteCheck { tab, n } => {
            let Some(id) = browser.tabs[tab]
                .engine
                .state()
                .checks
                .get(n)
                .map(|c| c.id.clone())
            else {
                return;
            };
            browser.act(
                tab,
                Action::ChangeCheck {
                    id: id.clone(),
                    change: CheckChange::Delete,
                },
            );
            browser.ledger.check(&id).status = Status::Deleted;
        }
        Step::RestoreCheck { tab, n } => {
            let Some(id) = browser.tabs[tab]
                .engine
                .state()
                .deleted_checks
                .get(n)
                .map(|c| c.id.clone())
            else {
                return;
            };
            browser.act(
                tab,
                Action::ChangeCheck {
                    id: id.clone(),
                    change: CheckChange::Restore,
                },
            );
            browser.ledger.check(&id).status = Status::Live;
        }
        Step::PurgeCheck { tab, n } => {
            let Some(id) = browser.tabs[tab]
                .engine
                .state()
                .deleted_checks
                .get(n)
                .map(|c| c.id.clone())
            else {
                return;
            };
            browser.act(
                tab,
                Action::ChangeCheck {
                    id: id.clone(),
                    change: CheckChange::Purge,
                },
            );
            let offered = browser.tabs[tab]
                .engine
                .state()
                .undos
                .iter()
                .any(|p| matches!(p.undo, Undo::Purge { .. }));
            assert!(offered, "deleting for good offers Undo");
            browser.ledger.check(&id).status = Status::Purged(tab);
        }
        Step::UndoPending { tab } => {
            let Some(pending) = browser.tabs[tab].engine.state().undos.first().cloned() else {
                return;
            };
            browser.act(tab, Action::Undo(pending.id));
            // An undo can refuse, saying why (its check is not open here and
            // this tab cannot leave the one it shows without losing what it
            // holds): then nothing was undone, and it stays on offer while
            // its check exists.
            let refused = browser.tabs[tab]
                .engine
                .state()
                .notice
                .as_ref()
                .is_some_and(|n| n.error);
            if refused {
                return;
            }
            assert!(
                !browser.tabs[tab]
                    .engine
                    .state()
                    .undos
                    .iter()
                    .any(|p| p.id == pending.id),
                "an undo that worked is no longer offered"
            );
            undo_in_ledger(&mut browser.ledger, tab, pending.id, &pending.undo);
        }
        Step::KeepPending { tab } => {
            let Some(pending) = browser.tabs[tab].engine.state().undos.first().cloned() else {
                return;
            };
            browser.act(tab, Action::Keep(pending.id));
            forget_undo(&mut browser.ledger, tab, pending.id, &pending.undo);
        }
        Step::Reload { tab } => {
            // Closing the page writes what is pending (pagehide).
            browser.input(tab, Input::Hidden);
            let held = !browser.tabs[tab].engine.state().writes();
            let check = browser.tabs[tab].engine.state().check.clone();
            let hash = browser.tabs[tab]
                .engine
                .state()
                .href(&browser.tabs[tab].engine.state().route);
            // The undos this page offered go with it.
            let pending: Vec<_> = browser.tabs[tab]
                .engine
                .state()
                .undos
                .iter()
                .cloned()
                .collect();
            for p in &pending {
                forget_undo(&mut browser.ledger, tab, p.id, &p.undo);
            }
            if held {
                // The page said it was not saving; what only it held is
                // gone, as the person was told: storage (or another tab
                // that holds it) is the truth now, field by field.
                let key = check_key(&check);
                let deleted = browser
                    .ledger
                    .checks
                    .get(&key)
                    .is_some_and(|c| c.status == Status::Deleted);
                let stored = if deleted {
                    let kept = browser.store.read(&kept_key(INSTANCE, "m", &key)).unwrap();
                    kept.and_then(|raw| Document::decode(&raw).ok())
                } else {
                    browser.stored(&check)
                };
                let stored = stored.map(|d| read(&d.answers)).unwrap_or_default();
                let others: Vec<Person> = (0..TABS)
                    .filter(|t| *t != tab)
                    .map(|t| browser.tabs[t].engine.state())
                    .filter(|state| state.check == check && !state.writes())
                    .map(|state| read(&state.document.answers))
                    .collect();
                if let Some(entry) = browser.ledger.checks.get_mut(&key) {
                    if matches!(entry.status, Status::Live | Status::Deleted) {
                        let statements: Vec<usize> =
                            entry.answers.keys().chain(stored.keys()).copied().collect();
                        for s in statements {
                            let given = entry.answers.get(&s).cloned().unwrap_or_default();
                            let kept = stored.get(&s).cloned().unwrap_or_default();
                            let elsewhere = |pick: &dyn Fn(&Shown) -> bool| {
                                others
                                    .iter()
                                    .any(|o| pick(&o.get(&s).cloned().unwrap_or_default()))
                            };
                            let mut now = given.clone();
                            if kept.0 != given.0 && !elsewhere(&|o| o.0 == given.0) {
                                now.0 = kept.0;
                            }
                            if kept.1 != given.1 && !elsewhere(&|o| o.1 == given.1) {
                                now.1 = kept.1.clone();
                            }
                            entry.answers.insert(s, now);
                        }
                        entry
                            .answers
                            .retain(|_, (r, n)| r.is_some() || !n.is_empty());
                    }
                }
            }
            let started = browser.start(tab, &hash);
            browser.tabs[tab] = started;
        }
        Step::Deliver { tab } => {
            if browser.tabs[tab].events > 0 {
                browser.tabs[tab].events -= 1;
                browser.input(tab, Input::Storage(None));
            }
        }
        Step::Duplicate { tab } => {
            if browser.tabs[tab].events > 0 {
                browser.input(tab, Input::Storage(None));
                browser.input(
                    tab,
                    Input::Storage(Some(format!("l5-selfcheck/{INSTANCE}/m"))),
                );
            }
        }
        Step::Lose { tab } => {
            browser.tabs[tab].events = browser.tabs[tab].events.saturating_sub(1);
        }
        Step::Fail { blocked } => {
            let fault = if blocked {
                StoreFault::Blocked("SecurityError: storage is blocked".into())
            } else {
                StoreFault::Failed("QuotaExceededError".into())
            };
            browser.store.fail_writes(Some(fault));
        }
        Step::Heal => browser.store.fail_writes(None),
        Step::ClockBack { tab } => browser.offsets[tab] -= 60_000,
        Step::Focus { tab, statement } => {
            let check = browser.open_check(tab);
            let before = plan_of(&browser.tabs[tab].engine.state().document.plan);
            browser.act(
                tab,
                Action::Focus {
                    statement,
                    step: "Ask for a review".into(),
                    due: String::new(),
                    helper: String::new(),
                    origin: String::new(),
                },
            );
            let contested = browser.contested(tab);
            let after = plan_of(&browser.tabs[tab].engine.state().document.plan);
            let added: Vec<u64> = after
                .keys()
                .filter(|id| !before.contains_key(id))
                .copied()
                .collect();
            let entry = browser.ledger.check(&check);
            if contested {
                entry.plan_loose = true;
            }
            for id in added {
                entry
                    .plan
                    .insert(id, (PlanStatus::Active, "Ask for a review".into()));
            }
        }
        Step::FocusDone { tab, n } | Step::FocusDrop { tab, n } => {
            let check = browser.open_check(tab);
            let active: Vec<u64> = browser.tabs[tab]
                .engine
                .state()
                .document
                .plan
                .iter()
                .filter(|item| item.status == PlanStatus::Active)
                .map(|item| item.id)
                .collect();
            let Some(&id) = active.get(n % active.len().max(1)) else {
                return;
            };
            let (action, status) = match step {
                Step::FocusDone { .. } => (
                    Action::FocusDone {
                        id,
                        outcome: "Done".into(),
                    },
                    PlanStatus::Done,
                ),
                _ => (Action::FocusDrop { id }, PlanStatus::Dropped),
            };
            browser.act(tab, action);
            let contested = browser.contested(tab);
            let changed = browser.tabs[tab]
                .engine
                .state()
                .document
                .plan
                .iter()
                .any(|item| item.id == id && item.status == status);
            let entry = browser.ledger.check(&check);
            if contested {
                entry.plan_loose = true;
            }
            if changed {
                if let Some(kept) = entry.plan.get_mut(&id) {
                    kept.0 = status;
                }
            }
        }
        Step::FocusEdit { tab, n, step } => {
            let check = browser.open_check(tab);
            let active: Vec<u64> = browser.tabs[tab]
                .engine
                .state()
                .document
                .focus_items()
                .map(|item| item.id)
                .collect();
            let Some(&id) = active.get(n % active.len().max(1)) else {
                return;
            };
            let text = format!("Step {step}");
            browser.act(
                tab,
                Action::FocusEdit {
                    id,
                    step: text.clone(),
                    due: "2027-01-31".into(),
                    helper: String::new(),
                },
            );
            let contested = browser.contested(tab);
            let edited = browser.tabs[tab]
                .engine
                .state()
                .document
                .plan
                .iter()
                .any(|item| item.id == id && item.step == text);
            let entry = browser.ledger.check(&check);
            if contested {
                entry.plan_loose = true;
            }
            if edited {
                if let Some(kept) = entry.plan.get_mut(&id) {
                    kept.1 = text;
                }
            }
        }
        Step::Foreign { newer } => {
            let own = keys(&CheckRef::Own);
            let text = if newer {
                // A newer version wrote the same answers in its own format.
                // It rewrites the check it finds (one it started afresh
                // would carry the deletion it read, which this test cannot
                // write in that format).
                let Some(current) = browser
                    .store
                    .read(&own.document)
                    .unwrap()
                    .and_then(|raw| readable(&raw))
                else {
                    return;
                };
                current
                    .encode()
                    .replacen("\"schema\":4", "\"schema\":99", 1)
            } else {
                "{\"schema\":4,\"answers\":{\"s.0\":".to_string()
            };
            browser.store.write(&own.document, &text).unwrap();
            // A newer version marks its write as the app does; a broken
            // disk does not.
            if newer {
                browser
                    .store
                    .write(&own.marker, &format!("{}.elsewhere", browser.real))
                    .unwrap();
            }
            if newer {
                for other in browser.tabs.iter_mut() {
                    other.events += 1;
                }
            } else {
                // Open pages hear of it at once (a page that never did
                // would write over text it never read: the marker, which
                // it checks before each write, did not change).
                for tab in 0..TABS {
                    browser.input(tab, Input::Storage(Some(own.document.clone())));
                }
            }
            browser.ledger.foreign.push(text.clone());
            let entry = browser.ledger.check("");
            // The copy that held the last replace's undo is no longer one
            // this version writes.
            entry.undo = None;
            entry.undo_plan = None;
            if newer {
                // Unreadable text only at this key is gone: the newer
                // version wrote over it, not this one.
                let backed_up = browser.store.items().into_iter().any(|(key, value)| {
                    key.contains("/backup-") && Some(&value) == browser.ledger.unreadable.as_ref()
                });
                if !backed_up {
                    browser.ledger.unreadable = None;
                }
                browser.ledger.newer = Some(text);
            } else {
                // What was stored is lost to this version (kept as a
                // backup): what tabs hold may be written again, or not.
                entry.plan_loose = true;
                // What a page showing the check holds (or nothing) may be
                // written again, since the record of what was erased is gone.
                let shown: Vec<Person> = browser
                    .tabs
                    .iter()
                    .filter(|t| t.engine.state().check == CheckRef::Own)
                    .map(|t| read(&t.engine.state().document.answers))
                    .collect();
                // So may a view a tab keeps beside it, or would bring back
                // with an undo.
                let besides: Vec<String> = browser
                    .tabs
                    .iter()
                    .filter(|t| t.engine.state().check == CheckRef::Own)
                    .filter_map(|t| {
                        t.engine
                            .state()
                            .document
                            .beside
                            .as_ref()
                            .map(|b| b.from.clone())
                    })
                    .chain(browser.tabs.iter().flat_map(|t| {
                        t.engine.state().undos.iter().filter_map(|p| match &p.undo {
                            Undo::Beside {
                                check: CheckRef::Own,
                                before: Some(b),
                                ..
                            } => Some(b.from.clone()),
                            _ => None,
                        })
                    }))
                    .collect();
                let entry = browser.ledger.check("");
                entry.besides.extend(besides);
                for s in 0..STATEMENTS {
                    let others = entry.contested.entry(s).or_default();
                    let given = entry.answers.get(&s).cloned().unwrap_or_default();
                    others.0.extend([given.0, None]);
                    others.1.extend([given.1, String::new()]);
                    for person in &shown {
                        let held = person.get(&s).cloned().unwrap_or_default();
                        others.0.push(held.0);
                        others.1.push(held.1);
                    }
                }
                browser.ledger.unreadable = Some(text);
                // Written over by something else, not by this version.
                browser.ledger.newer = None;
            }
        }
        Step::Wait => browser.real += 5_000,
    }
}

/// Follows a link; checks the address rules: a move the address made adds
/// no entry of the engine's own, an unknown page stays in its check, and
/// a check that is not here is never opened.
fn follow(browser: &mut Browser, tab: usize, link: Link) {
    let state = &browser.tabs[tab].engine.state();
    let before = state.check.clone();
    let hash = match &link {
        Link::Page(page) => format!("{}{page}", Route::Start.href(&before)),
        Link::Check(0, page) => format!("#/{page}"),
        Link::Check(n, page) => match state.checks.get(n - 1) {
            Some(check) => format!("#/p/{}/{page}", check.id),
            None => return,
        },
        Link::Missing => "#/p/cmissing/results".to_string(),
    };
    let effects = browser.input(tab, Input::Address(hash.clone()));
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::SetAddress(_))),
        "following the address adds no history entry of its own: {effects:?}"
    );
    let state = &browser.tabs[tab].engine.state();
    match link {
        Link::Missing => {
            assert_eq!(state.check, before, "a missing check is not opened");
            assert!(matches!(state.route, Route::NotFound { .. }));
        }
        Link::Page("nope") | Link::Check(_, "nope")
            if state.check != before || matches!(link, Link::Page(_)) =>
        {
            assert!(
                matches!(state.route, Route::NotFound { .. }),
                "{:?}",
                state.route
            );
            assert_eq!(
                Route::parse(&state.href(&state.route)).1,
                state.route,
                "the page's own address reads back the same"
            );
        }
        _ => {}
    }
    if state.check != before {
        assert_eq!(Route::parse(&hash).0, state.check);
    }
}

/// An undo that worked, in the ledger.
fn undo_in_ledger(ledger: &mut Ledger, tab: usize, id: u64, undo: &Undo) {
    match undo {
        Undo::DeleteAll(_) => {
            let Some(at) = ledger
                .deleted_all
                .iter()
                .position(|(t, i, _)| (*t, *i) == (tab, id))
            else {
                return;
            };
            let (_, _, before) = ledger.deleted_all.remove(at);
            // Whatever was given since the deletion wins, field by field.
            let since = std::mem::take(&mut ledger.checks);
            ledger.checks = before;
            for (key, later) in since {
                let entry = match ledger.checks.entry(key) {
                    std::collections::btree_map::Entry::Vacant(vacant) => {
                        vacant.insert(later);
                        continue;
                    }
                    std::collections::btree_map::Entry::Occupied(occupied) => occupied.into_mut(),
                };
                // Where tabs that could not save competed since, what the
                // undo brings back may win over them, or lose.
                for s in later.contested.keys() {
                    if let Some((rating, note)) = entry.answers.get(s).cloned() {
                        let others = entry.contested.entry(*s).or_default();
                        others.0.push(rating);
                        others.1.push(note);
                    }
                }
                for (s, (rating, note)) in later.answers {
                    let given = entry.answers.entry(s).or_default();
                    if rating.is_some() {
                        given.0 = rating;
                    }
                    if !note.is_empty() {
                        given.1 = note;
                    }
                }
                if entry.undo.is_none() {
                    entry.undo = later.undo;
                    entry.undo_plan = later.undo_plan;
                }
                // Focus added or changed since the deletion wins.
                entry.plan.extend(later.plan);
                entry.plan_loose |= later.plan_loose;
                entry.besides.extend(later.besides);
                for (s, (ratings, notes)) in later.contested {
                    let others = entry.contested.entry(s).or_default();
                    others.0.extend(ratings);
                    others.1.extend(notes);
                }
            }
        }
        Undo::DeleteCheck { id, .. } => ledger.check(id).status = Status::Live,
        Undo::Purge { removed, .. } => {
            let id = purged_id(removed);
            ledger.check(&id).status = Status::Deleted;
        }
        // The checks a restored backup added go again.
        Undo::Restored { added } => {
            for (id, _) in added {
                ledger.checks.remove(id);
            }
        }
        // A focus deleted since (with everything) does not come back.
        Undo::Plan { check, before } => {
            if let Some(status) = ledger
                .check(&check_key(check))
                .plan
                .get_mut(&before.id)
                .filter(|(status, _)| *status != PlanStatus::Removed)
            {
                *status = (before.status, before.step.clone());
            }
        }
        Undo::Beside { .. } => {}
    }
}

/// A change kept (or a page closed): its undo is no longer on offer.
fn forget_undo(ledger: &mut Ledger, tab: usize, id: u64, undo: &Undo) {
    match undo {
        Undo::DeleteAll(_) => ledger.deleted_all.retain(|(t, i, _)| (*t, *i) != (tab, id)),
        Undo::Purge { removed, .. } => {
            let id = purged_id(removed);
            ledger.checks.remove(&id);
        }
        Undo::DeleteCheck { .. }
        | Undo::Plan { .. }
        | Undo::Beside { .. }
        | Undo::Restored { .. } => {}
    }
}

/// What "delete my data" removed, as the ledger of what its undo brings back.
fn ledger_of(removed: &Removed) -> BTreeMap<CheckKey, CheckLedger> {
    let own = keys(&CheckRef::Own).document;
    let mut ledger = BTreeMap::new();
    for (key, value) in &removed.items {
        let (check, status) = if *key == own {
            (String::new(), Status::Live)
        } else if let Some(id) = key
            .strip_prefix(&format!("{own}/check/"))
            .filter(|id| !id.contains('/'))
        {
            (id.to_string(), Status::Live)
        } else if let Some(id) = key
            .strip_prefix(&format!("{own}/deleted/"))
            .filter(|id| !id.contains('/'))
        {
            (id.to_string(), Status::Deleted)
        } else {
            continue;
        };
        // Text this version cannot read was kept, not read: nothing to
        // bring back into the ledger.
        let Some(document) = readable(value) else {
            continue;
        };
        // A newer version's copy: this version cannot merge it with what
        // was written since, so it may come back as a backup instead.
        let from_newer = Document::decode(value).is_err();
        // A newer version's copy may come back only as a backup: its
        // replace's undo promises nothing here.
        let undo = document
            .replaced
            .as_ref()
            .filter(|_| !from_newer)
            .and_then(|r| document.snapshot(r.kept))
            .map(|s| read(&s.answers));
        ledger.insert(
            check,
            CheckLedger {
                answers: read(&document.answers),
                status,
                undo,
                undo_contested: false,
                undo_alternatives: BTreeMap::new(),
                contested: if from_newer {
                    read(&document.answers)
                        .into_iter()
                        .map(|(s, (rating, note))| {
                            (s, (vec![rating, None], vec![note, String::new()]))
                        })
                        .collect()
                } else {
                    BTreeMap::new()
                },
                besides: document.beside.iter().map(|b| b.from.clone()).collect(),
                plan: plan_of(&document.plan),
                undo_plan: document
                    .replaced
                    .as_ref()
                    .filter(|_| !from_newer)
                    .and_then(|r| document.snapshot(r.kept))
                    .map(|s| plan_of(&s.plan)),
                plan_loose: from_newer,
            },
        );
    }
    ledger
}

fn purged_id(removed: &Removed) -> String {
    removed
        .items
        .iter()
        .find_map(|(key, _)| key.rsplit_once("/deleted/").map(|(_, id)| id.to_string()))
        .expect("a purge removes the kept copy")
}

/// A stored document, or a newer version's copy read as far as this
/// version can; none for text it cannot read.
fn readable(raw: &str) -> Option<Document> {
    match Document::decode(raw) {
        Ok(document) => Some(document),
        Err(l5_selfcheck::core::document::DecodeError::Newer {
            readable: Some(document),
            ..
        }) => Some(*document),
        Err(_) => None,
    }
}

fn check_stored_values_decode(browser: &Browser) {
    let foreign = |value: &String| browser.ledger.foreign.contains(value);
    for (key, value) in browser.store.items() {
        let not_a_document =
            key.ends_with("/rev") || key.contains("/backup-") || key.ends_with("/~prefs");
        if !not_a_document && !foreign(&value) {
            let document =
                Document::decode(&value).unwrap_or_else(|e| panic!("{key} does not decode: {e}"));
            assert!(document.snapshots.len() <= MAX_SNAPSHOTS);
        }
    }
}

/// Whether `kept` holds what the person gave to `check`, statement by
/// statement and field by field, or a tab that is not saving shows it
/// (`held`), or it is one of the values tabs that could not save competed
/// with. Returns the first statement that does not.
fn kept_or_held(kept: &Person, check: &CheckLedger, held: &[Person]) -> Result<(), String> {
    let statements: std::collections::BTreeSet<usize> =
        kept.keys().chain(check.answers.keys()).copied().collect();
    for s in statements {
        let given = check.answers.get(&s).cloned().unwrap_or_default();
        let found = kept.get(&s).cloned().unwrap_or_default();
        let (ratings, notes) = check.contested.get(&s).cloned().unwrap_or_default();
        let shown = |h: &Person| h.get(&s).cloned().unwrap_or_default();
        let rating_ok = found.0 == given.0
            || ratings.contains(&found.0)
            || held.iter().any(|h| shown(h).0 == given.0);
        let note_ok = found.1 == given.1
            || notes.contains(&found.1)
            || held.iter().any(|h| shown(h).1 == given.1);
        if !(rating_ok && note_ok) {
            return Err(format!("statement {s}: kept {found:?}, but the person gave {given:?} and no tab shows it as not saved"));
        }
    }
    Ok(())
}

/// The answers of every check are stored, or shown as not saved where they
/// were given, or kept where a deleted check can come back.
fn check_answers_kept(settled: &Browser) {
    for (key, check) in &settled.ledger.checks {
        let reference = check_ref(key);
        // Held by a tab that says it is not saving (storage failed, a newer
        // version or a deletion elsewhere stopped it).
        let held: Vec<Person> = settled
            .tabs
            .iter()
            .filter(|tab| tab.engine.state().check == reference && !tab.engine.state().writes())
            .flat_map(|tab| {
                let state = &tab.engine.state();
                std::iter::once(read(&state.document.answers))
                    .chain(state.unsaved.as_ref().map(|u| read(&u.answers)))
            })
            .collect();
        match check.status {
            Status::Live => {
                // The view beside is one that was kept here, as it came:
                // rating, notes and merges never write into it.
                if let Some(beside) = settled.stored(&reference).and_then(|d| d.beside.clone()) {
                    assert!(
                        check.besides.contains(&beside.from),
                        "check {key:?} keeps a view never kept there: {:?}",
                        beside.from
                    );
                    assert_eq!(
                        beside.answers,
                        received_view(&beside.from).answers,
                        "the view beside is read-only"
                    );
                }
                let stored = settled
                    .stored(&reference)
                    .map(|d| read(&d.answers))
                    .unwrap_or_default();
                if let Err(why) = kept_or_held(&stored, check, &held) {
                    panic!("check {key:?}, {why}");
                }
                let plan = settled
                    .stored(&reference)
                    .map(|d| plan_of(&d.plan))
                    .unwrap_or_default();
                check_plan(key, &plan, check, held.is_empty());
            }
            Status::Deleted => {
                let kept = settled
                    .store
                    .read(&kept_key(INSTANCE, "m", key))
                    .unwrap()
                    .map(|raw| {
                        let document = Document::decode(&raw).expect("a kept check decodes");
                        (read(&document.answers), plan_of(&document.plan))
                    });
                let Some((kept, plan)) = kept else {
                    panic!("deleted check {key:?} is kept");
                };
                check_plan(key, &plan, check, held.is_empty());
                if let Err(why) = kept_or_held(&kept, check, &held) {
                    panic!("deleted check {key:?}, {why}");
                }
            }
            Status::Purged(tab) => {
                let offered = settled.tabs[tab].engine.state().undos.iter().any(|p| matches!(&p.undo, Undo::Purge { removed, .. } if purged_id(removed) == *key));
                assert!(
                    offered,
                    "the tab that deleted {key:?} for good still offers Undo"
                );
            }
        }
    }
}

/// The plan holds each focus as the person left it: nothing dropped or
/// deleted comes back, nothing added goes, unless tabs that could not save
/// competed (`exact` is false while a tab holds what it could not write).
fn check_plan(key: &str, stored: &Plan, check: &CheckLedger, exact: bool) {
    if exact && !check.plan_loose {
        assert_eq!(
            shown(stored),
            shown(&check.plan),
            "check {key:?}: the plan as the person left it"
        );
    }
}

/// Text this version cannot read is never lost: it stays where it was or is
/// kept as a backup. A newer version's copy is never written over. Both
/// until the person deletes everything.
fn check_foreign_text_kept(browser: &Browser) {
    let values: Vec<String> = browser.store.items().into_iter().map(|(_, v)| v).collect();
    if let Some(text) = &browser.ledger.unreadable {
        assert!(values.contains(text), "unreadable text is kept");
    }
    if let Some(text) = &browser.ledger.newer {
        assert_eq!(
            browser
                .store
                .read(&keys(&CheckRef::Own).document)
                .unwrap()
                .as_ref(),
            Some(text),
            "a newer version's copy is not written over"
        );
    }
}

/// Every check listed in this browser is one the person has (added,
/// restored or brought back by an undo): nothing deleted comes back.
fn check_nothing_deleted_comes_back(settled: &Browser) {
    let (live, deleted) = checks::list(&settled.store, INSTANCE, &ladder()).unwrap();
    for check in live {
        let status = settled.ledger.checks.get(&check.id).map(|c| &c.status);
        assert_eq!(
            status,
            Some(&Status::Live),
            "check {:?} is listed",
            check.id
        );
    }
    for check in deleted {
        let status = settled.ledger.checks.get(&check.id).map(|c| &c.status);
        assert_eq!(
            status,
            Some(&Status::Deleted),
            "check {:?} is under Deleted checks",
            check.id
        );
    }
}

/// Every undo on offer, carried out on a copy, brings back what it
/// promised.
fn check_undos_keep_their_promise(browser: &Browser) {
    // The last replace of each check the tabs show.
    for tab in 0..TABS {
        let state = &browser.tabs[tab].engine.state();
        let key = check_key(&state.check);
        let Some(entry) = browser
            .ledger
            .checks
            .get(&key)
            .filter(|c| !c.undo_contested && c.undo.is_some())
        else {
            continue;
        };
        let (promise, alternatives) = (
            entry.undo.clone().unwrap_or_default(),
            entry.undo_alternatives.clone(),
        );
        // What a tab that is not saving holds joins whatever it meets when
        // storage works again; the promise is about what was saved.
        let all_saving = browser.tabs.iter().all(|t| t.engine.state().writes());
        if state.read_only() || !all_saving || browser.ledger.checks[&key].status != Status::Live {
            continue;
        }
        // A promise is kept where storage works (while it fails, the tab
        // says it is not saving).
        let mut copy = browser.detached();
        copy.store.fail_writes(None);
        copy.turn_to(tab);
        copy.act(tab, Action::UndoReplace);
        copy.settle();
        let stored = copy
            .stored(&state.check)
            .map(|d| read(&d.answers))
            .unwrap_or_default();
        let statements: std::collections::BTreeSet<usize> =
            stored.keys().chain(promise.keys()).copied().collect();
        for s in statements {
            let (got, want) = (
                stored.get(&s).cloned().unwrap_or_default(),
                promise.get(&s).cloned().unwrap_or_default(),
            );
            let (mut ratings, mut notes) = alternatives.get(&s).cloned().unwrap_or_default();
            if let Some((r, n)) = browser
                .ledger
                .checks
                .get(&key)
                .and_then(|c| c.contested.get(&s))
            {
                ratings.extend(r.iter().cloned());
                notes.extend(n.iter().cloned());
            }
            assert!(
                (got.0 == want.0 || ratings.contains(&got.0)) && (got.1 == want.1 || notes.contains(&got.1)),
                "undoing the replace of {key:?} brings back statement {s} as it was: {want:?}, not {got:?}"
            );
        }
    }
    // Each tab's pending undos.
    for tab in 0..TABS {
        for pending in browser.tabs[tab].engine.state().undos.iter() {
            let mut copy = browser.detached();
            copy.store.fail_writes(None);
            copy.turn_to(tab);
            // Turning to the tab shows what is still true: an undo another
            // tab made impossible (it restored or purged the check) is gone.
            if !copy.tabs[tab]
                .engine
                .state()
                .undos
                .iter()
                .any(|p| p.id == pending.id)
            {
                continue;
            }
            copy.act(tab, Action::Undo(pending.id));
            // An undo may refuse, saying why (a newer version of the app
            // wrote there since): then it promised nothing.
            if copy.tabs[tab]
                .engine
                .state()
                .notice
                .as_ref()
                .is_some_and(|n| n.error)
            {
                continue;
            }
            undo_in_ledger(&mut copy.ledger, tab, pending.id, &pending.undo);
            copy.settle();
            check_answers_kept(&copy);
            let restored = match &pending.undo {
                Undo::Purge { removed, .. } => Some(purged_id(removed)),
                Undo::DeleteCheck { id, .. } => Some(id.clone()),
                _ => None,
            };
            if let Some(id) = restored {
                let listed = copy.tabs[tab]
                    .engine
                    .state()
                    .checks
                    .iter()
                    .chain(copy.tabs[tab].engine.state().deleted_checks.iter())
                    .any(|c| c.id == id);
                assert!(listed, "after the undo, the check {id:?} is listed again");
            }
        }
    }
}

prop_state_machine! {
    #![proptest_config(Config {
        // 400 sequences in CI; `L5_MODEL_CASES=20000` searches longer.
        cases: std::env::var("L5_MODEL_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(400),
        max_shrink_iters: 20_000,
        failure_persistence: None,
        .. Config::default()
    })]

    /// Random sequences of 1 to 40 steps.
    #[test]
    fn tabs_sharing_storage_never_lose_what_the_person_did(sequential 1..40 => Tabs);
}

/// A report's self-check as received: the same answers whatever its name,
/// so any change to them shows.
fn received_view(from: &str) -> Beside {
    Beside {
        received_at: 0,
        updated_at: 1,
        from: from.to_string(),
        subject: "Sam".into(),
        rater: l5_selfcheck::core::document::Rater::Subject,
        answers: [(
            "s.0".to_string(),
            Answer {
                rating: Some(Rating::Step(1)),
                rated_at: 1,
                note: "from Sam".into(),
                noted_at: 1,
                ..Default::default()
            },
        )]
        .into_iter()
        .collect(),
        plan: Vec::new(),
    }
}

/// A sequence the model once failed on: a note typed in one tab while the
/// other tab's write had failed must stay held, not be overwritten.
#[test]
fn note_after_failed_write_in_another_tab_is_kept() {
    let steps = vec![
        Step::DeleteAll { tab: 0 },
        Step::Note {
            tab: 0,
            statement: 1,
            text: "a".into(),
        },
        Step::Note {
            tab: 1,
            statement: 1,
            text: "".into(),
        },
        Step::Fail { blocked: false },
        Step::Note {
            tab: 0,
            statement: 1,
            text: ">".into(),
        },
    ];
    let reference = Reference::default();
    let mut browser = <Tabs as StateMachineTest>::init_test(&reference);
    for step in steps {
        browser = <Tabs as StateMachineTest>::apply(browser, &reference, step);
        <Tabs as StateMachineTest>::check_invariants(&browser, &reference);
    }
}

/// A sequence the model failed on (2026-12-07): a note given while another
/// tab opened a check about someone, storage failing and healing, then an
/// import and its undo.
#[test]
fn note_then_import_and_undo_after_storage_healed_is_kept() {
    let steps = vec![
        Step::Note {
            tab: 0,
            statement: 1,
            text: "\u{200f}".into(),
        },
        Step::AddCheck {
            tab: 1,
            name: "Alex Chen".into(),
        },
        Step::Fail { blocked: false },
        Step::Note {
            tab: 2,
            statement: 1,
            text: "".into(),
        },
        Step::Rate {
            tab: 1,
            statement: 0,
            rating: Rating::Step(0),
        },
        Step::Heal,
        Step::Import {
            tab: 0,
            answers: vec![],
            own: false,
        },
        Step::UndoReplace { tab: 0 },
    ];
    let reference = Reference::default();
    let mut browser = <Tabs as StateMachineTest>::init_test(&reference);
    for step in steps {
        browser = <Tabs as StateMachineTest>::apply(browser, &reference, step);
        <Tabs as StateMachineTest>::check_invariants(&browser, &reference);
    }
}

#[test]
fn undo_of_a_view_kept_after_another_tab_deleted_the_check() {
    let steps = vec![
        Step::Attach { tab: 1, n: 0 },
        Step::AddCheck {
            tab: 1,
            name: "-a".into(),
        },
        Step::Note {
            tab: 1,
            statement: 0,
            text: " ".into(),
        },
        Step::Fail { blocked: false },
        Step::Rate {
            tab: 0,
            statement: 0,
            rating: Rating::Step(0),
        },
        Step::Heal,
        Step::DeleteCheck { tab: 0, n: 0 },
        Step::UndoPending { tab: 1 },
    ];
    let reference = Reference::default();
    let mut browser = <Tabs as StateMachineTest>::init_test(&reference);
    for step in steps {
        browser = <Tabs as StateMachineTest>::apply(browser, &reference, step);
        <Tabs as StateMachineTest>::check_invariants(&browser, &reference);
    }
}

/// Runs `steps` from a fresh browser, checking every invariant after each.
fn replay(steps: Vec<Step>) {
    let reference = Reference::default();
    let mut browser = <Tabs as StateMachineTest>::init_test(&reference);
    for step in steps {
        browser = <Tabs as StateMachineTest>::apply(browser, &reference, step);
        <Tabs as StateMachineTest>::check_invariants(&browser, &reference);
    }
}

/// Sequences the model failed on when it learned to look both ways
/// (2026-12-07), each a defect fixed then.
///
/// Undoing "done" on a focus that an import has since removed brought the
/// focus back as active.
#[test]
fn undoing_a_change_to_a_focus_removed_since_does_not_bring_it_back() {
    replay(vec![
        Step::Focus {
            tab: 0,
            statement: 0,
        },
        Step::FocusDone { tab: 0, n: 0 },
        Step::Import {
            tab: 0,
            answers: vec![],
            own: true,
        },
        Step::UndoPending { tab: 0 },
    ]);
}

/// Undoing "delete my data" brought a focus back as it was before the
/// deletion, over the change made to it since.
#[test]
fn a_focus_changed_after_a_deletion_keeps_that_change_when_the_deletion_is_undone() {
    replay(vec![
        Step::Import {
            tab: 0,
            answers: vec![],
            own: true,
        },
        Step::DeleteAll { tab: 0 },
        Step::Import {
            tab: 0,
            answers: vec![],
            own: true,
        },
        Step::UndoReplace { tab: 0 },
    ]);
}

/// A newer version's copy was deleted without a tombstone, and stamped by
/// a clock a day behind: a tab that had not heard wrote its answers back.
#[test]
fn deleting_a_newer_versions_copy_keeps_it_deleted() {
    replay(vec![
        Step::Attach { tab: 0, n: 0 },
        Step::Rate {
            tab: 0,
            statement: 0,
            rating: Rating::Step(0),
        },
        Step::Foreign { newer: true },
        Step::DeleteAll { tab: 2 },
    ]);
}

/// Undoing "delete my data" wrote over a newer version's copy written
/// since; now it refuses and says why.
#[test]
fn undoing_a_deletion_never_writes_over_a_newer_versions_copy() {
    replay(vec![
        Step::Import {
            tab: 0,
            answers: vec![],
            own: false,
        },
        Step::DeleteAll { tab: 1 },
        Step::Foreign { newer: true },
        Step::UndoPending { tab: 1 },
    ]);
}

/// Undoing "delete my data" wrote the restored check over unreadable text
/// written there since, keeping no copy of it.
#[test]
fn undoing_a_deletion_keeps_unreadable_text_written_since() {
    replay(vec![
        Step::Rate {
            tab: 0,
            statement: 0,
            rating: Rating::Step(0),
        },
        Step::DeleteAll { tab: 0 },
        Step::AddCheck {
            tab: 0,
            name: "Alex Chen".into(),
        },
        Step::Foreign { newer: true },
        Step::Reload { tab: 1 },
        Step::Foreign { newer: false },
        Step::UndoPending { tab: 0 },
    ]);
}
