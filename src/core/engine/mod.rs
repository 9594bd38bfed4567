//! The engine: every decision about what happens in which order. It takes
//! what happened (a person's action, a new address, another tab's write,
//! the page hidden or shown, the note timer) with the time, reads and
//! writes storage through the `Store` trait, changes the state pages
//! render, and returns what the browser edge must do (set the address,
//! start the note timer, move focus, set the title).
//!
//! Storage is synchronous in the browser (`localStorage`), so the engine
//! calls it directly and every ordering (write before a switch, what a
//! failed write means, which undo is offered) is decided here, where the
//! model-based test (`tests/state_machine.rs`) runs it with several tabs,
//! clocks that disagree and storage that fails. The hooks only translate.
//!
//! One file per kind of transition, all methods of the one `Engine`:
//! - here: the types, `start` and `handle` (every input enters there);
//! - `actions`: what a person does to the open check (`act`);
//! - `moves`: moving between pages and checks;
//! - `undo`: what deletes or replaces, and every undo;
//! - `files`: downloads, the backup and its restore;
//! - `storage`: this check's reads and writes (through `core::sync`, which
//!   holds the merge) and the browser's preferences.
//!
//! The parts take what they share from here (`use super::*`).

mod actions;
mod files;
mod moves;
mod storage;
mod undo;

pub use files::beside_name;
use moves::missing_check;
use storage::{move_legacy_prefs, read_prefs, write_prefs};

use super::checks;
use super::content::Ladder;
use super::document::plan::{
    date_or_empty, FocusRefused, PlanItem, PlanStatus, MAX_FOCUS, MAX_STEP_LEN,
};
use super::document::{
    check_name, early_answers, safe_name, Beside, Document, Rater, SnapshotKind,
};
use super::exchange::{outgoing, Backup};
use super::keys::{
    early_key, instance_prefix, legacy_prefs_key, prefs_key, CheckRef, DocKeys, LEGACY_KEY_SEEN,
};
use super::markdown;
use super::route::{Compared, Route};
use super::scoring::progress;
use super::state::{
    Action, Change, CheckChange, Notice, Pending, Place, State, Undo, NOTE_SAVE_DELAY_MS, WEEK_MS,
};
use super::store::Store;
use super::sync::{self, delete_all, restore_deleted, Persistence, Removed, SyncInput};
use super::time::local_date;
use std::rc::Rc;

/// After this long without a change, the next change is a check-in: the
/// answers as they stood are kept first, to compare with. Eight weeks
/// unless the deployer sets `checkin-weeks`.
pub const DEFAULT_CHECKIN_WEEKS: u32 = 8;

/// What the engine needs to know about this widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Widget {
    /// Names this embed; keeps its storage apart from other embeds.
    pub instance: String,
    /// Names this page in storage markers, so two tabs never write the
    /// same marker.
    pub tab: String,
    /// Routes by the address's fragment (stand-alone page, iframe); a
    /// script embed routes inside itself and leaves the address alone.
    pub hash_routing: bool,
    /// Weeks without a change after which the next change is a check-in.
    pub checkin_weeks: u32,
}

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A person's action on a page.
    Act(Action),
    /// The address (or, in a script embed, a link inside it) names this
    /// page: `#/…`. Sent on every address change and once at start-up, in
    /// case a link was clicked while the page loaded.
    Address(String),
    /// Another tab changed storage: the key, or none when it cleared all.
    Storage(Option<String>),
    /// The page is hidden or closing: write what is pending.
    Hidden,
    /// The page is shown again (visible, or back from the back/forward
    /// cache): it may have missed other tabs' writes.
    Shown,
    /// The note timer started by `Effect::StartNoteTimer` fired.
    NoteDue,
    /// Answers given on the prerendered check page before the app ran,
    /// as assets/early.js kept them (`keys::early_key`).
    Early(String),
}

/// What the browser edge must do, in order, after the page renders.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Show this route in the address: a new history entry.
    SetAddress(String),
    /// Put this route back in the address, replacing the entry (a move the
    /// engine refused).
    ReplaceAddress(String),
    /// Call back with `Input::NoteDue` after this many milliseconds.
    StartNoteTimer(u32),
    CancelNoteTimer,
    /// Move keyboard focus.
    Focus(Focus),
    /// The browser tab's title.
    Title(String),
    /// Offer a file to save, which the person asked for.
    Download {
        name: String,
        mime: &'static str,
        text: String,
    },
}

/// Where focus goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// The new page's heading.
    Heading,
    /// A statement of a check page (its id).
    Statement(String),
    /// A section of the quick check (its id).
    Section(String),
    /// The message just shown.
    Notice,
    /// The undo bar.
    Undo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Engine {
    /// What the page shows; only the engine changes it (`state()` reads).
    state: State,
    pub widget: Widget,
    /// A typed note waits for `NoteDue`.
    note_timer: bool,
    next_undo: u64,
    title: String,
    /// What the address says now, as far as this page knows: an address
    /// input that says the same again moves nothing.
    address: String,
}

impl Engine {
    /// What the page shows now.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Opens the page at `hash` (or at `start`, the configured first page,
    /// when the address names none): the check it names, its document as
    /// stored, the list of checks. Never fails: storage trouble ends in a
    /// usable state and a message.
    pub fn start(
        store: &dyn Store,
        widget: Widget,
        ladder: Rc<Ladder>,
        hash: &str,
        start: Option<Route>,
        now: u64,
        offset: i32,
    ) -> (Engine, Vec<Effect>) {
        move_legacy_prefs(store, &widget.instance);
        let (mut check, mut route) = Route::parse(hash);
        if let (Some(start), Route::Start, CheckRef::Own) = (&start, &route, &check) {
            route = start.clone();
        }
        let (others, deleted) = checks::list(store, &widget.instance, &ladder).unwrap_or_default();
        if let CheckRef::Other(id) = &check {
            if !others.iter().any(|c| &c.id == id) {
                route = missing_check(&check, &route);
                check = CheckRef::Own;
            }
        }
        let keys = DocKeys::new(&widget.instance, &ladder.id, &check);
        let loaded = sync::load(store, &keys, &ladder, now);
        let mut state = State::new(ladder, loaded, Route::Start);
        state.check = check;
        state.checks = Rc::new(others);
        state.deleted_checks = Rc::new(deleted);
        state.offset = offset;
        let prefs = read_prefs(store, &widget.instance);
        state.key_seen = prefs.is_some();
        state.rater_name = prefs.unwrap_or_default().rater;
        state.enter(route, now);
        let mut engine = Engine {
            state,
            widget,
            note_timer: false,
            next_undo: 1,
            title: String::new(),
            address: hash.to_string(),
        };
        let mut effects = Vec::new();
        engine.title_effect(&mut effects);
        (engine, effects)
    }

    /// Takes in what happened and returns what the edge must do.
    pub fn handle(&mut self, store: &dyn Store, now: u64, input: Input) -> Vec<Effect> {
        let mut effects = Vec::new();
        let before = (self.state.check.clone(), self.state.route.clone());
        let mut from_address = false;
        match input {
            Input::Act(action) => self.act(store, now, action, &mut effects),
            // The page's address as it was: nothing moved (the app
            // reports it once it listens, in case a link was clicked while
            // it loaded).
            Input::Address(hash) if hash == self.address => {}
            Input::Address(hash) => {
                from_address = true;
                self.address = hash.clone();
                let (check, route) = Route::parse(&hash);
                self.go(store, now, check, route, &mut effects);
            }
            Input::Storage(key) => {
                let ours = instance_prefix(&self.widget.instance);
                if key.as_deref().is_none_or(|key| key.starts_with(&ours)) {
                    self.wake(store, now, true);
                }
            }
            Input::Hidden => self.flush(store, now, &mut effects),
            Input::Shown => self.wake(store, now, false),
            Input::NoteDue => {
                self.note_timer = false;
                self.flush(store, now, &mut effects);
            }
            Input::Early(text) => self.take_early(store, now, &text, &mut effects),
        }
        self.autosave(store, now, &mut effects);
        self.after_move(store, before, from_address, &mut effects);
        self.title_effect(&mut effects);
        effects
    }

    fn keys(&self) -> DocKeys {
        DocKeys::new(
            &self.widget.instance,
            &self.state.ladder.id,
            &self.state.check,
        )
    }
}
