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

use super::checks;
use super::content::Ladder;
use super::document::plan::{FocusRefused, PlanItem, PlanStatus, MAX_FOCUS};
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

    /// Answers given on the prerendered page before the app ran: each is
    /// taken in as if given at its own time, through the same path as any
    /// answer (check-in baseline, a finished check kept), unless the check
    /// holds a later one: the later answer wins, as in every merge. They
    /// are the person's own; opened on another check, they wait in storage
    /// for the next visit, and they leave storage only once written.
    fn take_early(&mut self, store: &dyn Store, now: u64, text: &str, effects: &mut Vec<Effect>) {
        if self.state.check != CheckRef::Own || self.state.read_only() {
            return;
        }
        let ladder = self.state.ladder.clone();
        let Some(answers) = early_answers(text, &ladder.id) else {
            return;
        };
        let mut early = Document::new(&ladder.id, &ladder.version);
        early.answers = answers;
        sync::carry_over(&ladder, &mut early);
        let mut changes = Vec::new();
        for (id, answer) in early.answers.iter() {
            let Some(statement) = ladder.statement_index(id) else {
                continue;
            };
            let held = self.state.document.answers.get(id);
            if let Some(rating) = answer.rating.filter(|r| ladder.offers(statement, *r)) {
                if held.is_none_or(|held| held.rated_at < answer.rated_at) {
                    changes.push((answer.rated_at, Action::Rate { statement, rating }));
                }
            }
            if !answer.note.is_empty() && held.is_none_or(|held| held.noted_at < answer.noted_at) {
                let text = answer.note.clone();
                changes.push((answer.noted_at, Action::Note { statement, text }));
            }
        }
        changes.sort_by_key(|(at, _)| *at);
        for (at, action) in changes {
            self.act(store, at, action, effects);
        }
        self.flush(store, now, effects);
        if self.state.persistence == Persistence::Saving && !self.state.needs_sync() {
            let _ = store.remove(&early_key(&self.widget.instance));
        }
    }

    fn file_name(&self, document: &Document, what: &str, extension: &str, now: u64) -> String {
        markdown::file_name(
            &self.state.ladder.id,
            document,
            what,
            &local_date(now, self.state.offset),
            extension,
        )
    }

    /// Every check kept in this browser for this ladder, as stored (the
    /// open one as this page holds it).
    fn backup(&self, store: &dyn Store, now: u64) -> Backup {
        let ladder = &self.state.ladder;
        let read = |check: &CheckRef| {
            if *check == self.state.check {
                return Some((*self.state.document).clone());
            }
            let keys = DocKeys::new(&self.widget.instance, &ladder.id, check);
            sync::peek(store, &keys, ladder)
        };
        let own =
            read(&CheckRef::Own).unwrap_or_else(|| Document::new(&ladder.id, &ladder.version));
        let others = self
            .state
            .checks
            .iter()
            .filter_map(|c| read(&CheckRef::Other(c.id.clone())))
            .collect();
        Backup {
            ladder: ladder.id.clone(),
            made_at: now,
            own,
            others,
        }
    }

    /// Restores a backup into this browser, from the person's own check.
    fn restore_backup(
        &mut self,
        store: &dyn Store,
        now: u64,
        backup: Backup,
        effects: &mut Vec<Effect>,
    ) {
        if self.state.check != CheckRef::Own || self.state.read_only() {
            self.state.notice = Some(Notice::error(
                Place::Replace,
                "A backup is restored from your own self-check's page.",
            ));
            effects.push(Effect::Focus(Focus::Notice));
            return;
        }
        self.refresh_checks(store);
        let mut added = Vec::new();
        let mut kept = Vec::new();
        let mut failed = Vec::new();
        for other in &backup.others {
            let self_check = other.rater == Rater::Subject;
            let name = safe_name(&other.subject);
            if checks::find(&name, self_check, &self.state.checks).is_some() {
                kept.push(name);
                continue;
            }
            match checks::add_copy(store, &self.widget.instance, &self.state.ladder, other, now) {
                Ok(id) => {
                    added.push((id, name));
                    self.refresh_checks(store);
                }
                Err(why) => failed.push(format!("{name}: {why}")),
            }
        }
        let own = &backup.own;
        let mut said = Vec::new();
        if own.answers.given() > 0 || !own.snapshots.is_empty() || !own.plan.is_empty() {
            let what = format!(
                "restoring the backup of {}",
                local_date(backup.made_at.min(now), self.state.offset)
            );
            self.act(
                store,
                now,
                Action::Replace {
                    answers: own.answers.clone(),
                    snapshots: own.snapshots.clone(),
                    plan: Some(own.plan.clone()),
                    what,
                },
                effects,
            );
            said.push("Your self-check's answers are those of the backup; Undo at the top brings back the ones from before.".to_string());
        }
        if !added.is_empty() {
            let names: Vec<_> = added.iter().map(|(_, name)| name.clone()).collect();
            said.push(format!(
                "Added: {} ({}).",
                markdown::plural(added.len(), "check about someone", "checks about others"),
                names.join(", ")
            ));
            self.push_undo(Undo::Restored { added });
        }
        if !kept.is_empty() {
            said.push(format!(
                "Already here, left as they are: {}.",
                kept.join(", ")
            ));
        }
        if !failed.is_empty() {
            said.push(format!("Not restored: {}.", failed.join("; ")));
        }
        if said.is_empty() {
            said.push("The backup holds no answers: nothing changed.".into());
        }
        self.state.notice = Some(if failed.is_empty() {
            Notice::new(Place::Undo, said.join(" "))
        } else {
            Notice::error(Place::Undo, said.join(" "))
        });
        effects.push(Effect::Focus(Focus::Undo));
    }

    fn keys(&self) -> DocKeys {
        DocKeys::new(
            &self.widget.instance,
            &self.state.ladder.id,
            &self.state.check,
        )
    }

    /// Every change is written at once; a typed note within
    /// `NOTE_SAVE_DELAY_MS` (or when the page hides), so typing is not a
    /// write per key.
    fn autosave(&mut self, store: &dyn Store, now: u64, effects: &mut Vec<Effect>) {
        if !self.state.needs_sync() {
            return;
        }
        // A change is written against the ladder as it is now.
        if self.state.document.content_version != self.state.ladder.version && self.state.writes() {
            Rc::make_mut(&mut self.state.document).content_version =
                self.state.ladder.version.clone();
        }
        if self.state.last_change == Change::Note {
            if !self.note_timer {
                self.note_timer = true;
                effects.push(Effect::StartNoteTimer(NOTE_SAVE_DELAY_MS));
            }
        } else {
            self.flush(store, now, effects);
        }
    }

    /// Writes what this tab holds that storage lacks (a pending note too).
    fn flush(&mut self, store: &dyn Store, now: u64, effects: &mut Vec<Effect>) {
        if self.note_timer {
            self.note_timer = false;
            effects.push(Effect::CancelNoteTimer);
        }
        if self.state.needs_sync() {
            self.sync(store, now, false);
        }
    }

    /// Reads what changed in storage and writes what this tab has that
    /// storage lacks. `force` decodes what is stored even when the marker
    /// looks unchanged (another tab said it wrote).
    fn sync(&mut self, store: &dyn Store, now: u64, force: bool) {
        // Storage failed before: try again (it may have been freed); a
        // failure puts the page back in memory, with its message.
        if self.state.may_retry() {
            self.state.persistence = Persistence::Saving;
        }
        if !self.state.writes() {
            return;
        }
        let keys = self.keys();
        let outcome = sync::sync(
            store,
            &keys,
            &self.state.ladder,
            &SyncInput {
                mine: &self.state.document,
                base: &self.state.synced,
                marker: self.state.marker.as_deref(),
                tab: &self.widget.tab,
                force,
                // A check about someone that was deleted elsewhere stays
                // deleted; the person's own check is simply answered again.
                recreate: self.state.check == CheckRef::Own,
                now,
            },
        );
        self.state.synced(outcome);
    }

    /// Before a change: if another tab wrote since this one looked (the
    /// marker moved), take its changes in first, so the change is stamped
    /// after everything it replaces, whatever this tab's clock says.
    fn catch_up(&mut self, store: &dyn Store, now: u64) {
        if self.state.may_retry() {
            return self.sync(store, now, false);
        }
        if !self.state.writes() {
            return;
        }
        let marker = store.read(&self.keys().marker).ok().flatten();
        if marker != self.state.marker {
            self.sync(store, now, false);
        }
    }

    /// The page may have missed other tabs' writes: catch up, and read the
    /// list of checks again. A check deleted elsewhere that has come back
    /// (restored) opens again.
    fn wake(&mut self, store: &dyn Store, now: u64, force: bool) {
        if self.state.persistence == Persistence::CheckDeleted {
            self.reopen_if_restored(store, now);
        } else {
            self.sync(store, now, force);
        }
        self.refresh_checks(store);
    }

    fn reopen_if_restored(&mut self, store: &dyn Store, now: u64) {
        let keys = self.keys();
        if !matches!(store.read(&keys.document), Ok(Some(_))) {
            return;
        }
        let unsaved = self.state.unsaved.take();
        let loaded = sync::load(store, &keys, &self.state.ladder, now);
        let route = self.state.route.clone();
        self.state
            .open(self.state.check.clone(), loaded, route, now);
        // What was typed here before the deletion was noticed is given
        // again, now: it wins over the restored copy.
        if let Some(unsaved) = unsaved {
            let document = Rc::make_mut(&mut self.state.document);
            for (id, answer) in &unsaved.answers {
                if let Some(rating) = answer.rating {
                    if document.rating(id) != Some(rating) {
                        document.set_rating(id, rating, now);
                    }
                }
                if !answer.note.is_empty() {
                    document.set_note(id, &answer.note, now);
                }
            }
            self.state.last_change = Change::Rating;
        }
        self.state.notice = Some(Notice::new(
            Place::Top,
            "This check was restored in another tab or window, so it is open again here.",
        ));
    }

    fn refresh_checks(&mut self, store: &dyn Store) {
        if let Ok((checks, deleted)) =
            checks::list(store, &self.widget.instance, &self.state.ladder)
        {
            if *self.state.checks != checks {
                self.state.checks = Rc::new(checks);
            }
            if *self.state.deleted_checks != deleted {
                // Another tab restored or purged a deleted check: its undo
                // here can no longer work, so it is no longer offered.
                if self.state.undos.iter().any(|p| matches!(&p.undo, Undo::DeleteCheck { id, .. } if !deleted.iter().any(|c| &c.id == id))) {
                    Rc::make_mut(&mut self.state.undos).retain(|p| !matches!(&p.undo, Undo::DeleteCheck { id, .. } if !deleted.iter().any(|c| &c.id == id)));
                }
                self.state.deleted_checks = Rc::new(deleted);
            }
        }
    }

    /// Whether leaving the open check would drop answers: they live only
    /// in this page (storage failed) or could not be written.
    fn would_lose_answers(&self) -> bool {
        self.state.unsaved.is_some()
            || matches!(self.state.persistence, Persistence::InMemory { .. })
                && !self.state.document.same_content(&self.state.synced)
    }

    /// Goes to a page of this check, or opens another check there. Pending
    /// changes are written first; if they cannot be, the switch is refused
    /// and the address goes back, so nothing is dropped.
    fn go(
        &mut self,
        store: &dyn Store,
        now: u64,
        check: CheckRef,
        route: Route,
        effects: &mut Vec<Effect>,
    ) {
        if check == self.state.check {
            if route != self.state.route {
                self.state.enter(route, now);
            }
            return;
        }
        let refuse = |engine: &mut Engine, effects: &mut Vec<Effect>, text: &str| {
            engine.state.notice = Some(Notice::error(Place::Top, text));
            if engine.widget.hash_routing {
                effects.push(Effect::ReplaceAddress(
                    engine.state.href(&engine.state.route),
                ));
            }
            effects.push(Effect::Focus(Focus::Notice));
        };
        if !self.exists(store, &check) {
            self.state.enter(missing_check(&check, &route), now);
            return;
        }
        self.flush(store, now, effects);
        if self.would_lose_answers() {
            return refuse(self, effects, "This browser is not saving the answers on this page, so opening another check would lose them. Download them from the banner above first.");
        }
        let keys = DocKeys::new(&self.widget.instance, &self.state.ladder.id, &check);
        let loaded = sync::load(store, &keys, &self.state.ladder, now);
        self.state.open(check, loaded, route, now);
        self.refresh_checks(store);
    }

    /// Whether a check exists in storage (a link may name a deleted one).
    fn exists(&self, store: &dyn Store, check: &CheckRef) -> bool {
        match check {
            CheckRef::Own => true,
            CheckRef::Other(_) => {
                let keys = DocKeys::new(&self.widget.instance, &self.state.ladder.id, check);
                matches!(store.read(&keys.document), Ok(Some(_)))
            }
        }
    }

    /// After the page changed: the address (unless the address is what
    /// moved), focus, the list of checks.
    fn after_move(
        &mut self,
        store: &dyn Store,
        before: (CheckRef, Route),
        from_address: bool,
        effects: &mut Vec<Effect>,
    ) {
        let moved_check = before.0 != self.state.check;
        if !moved_check && before.1 == self.state.route {
            return;
        }
        if self.widget.hash_routing && !from_address {
            self.address = self.state.href(&self.state.route);
            effects.push(Effect::SetAddress(self.address.clone()));
        }
        // An action that said where focus goes (the undo bar after a
        // deletion) wins over the new page's heading.
        if effects.iter().any(|e| matches!(e, Effect::Focus(_))) {
            self.refresh_after_move(store, moved_check);
            return;
        }
        effects.push(Effect::Focus(match &self.state.route {
            Route::Check {
                focus: Some(statement),
                ..
            } => Focus::Statement(statement.clone()),
            Route::Quick {
                section: Some(section),
            } => Focus::Section(section.clone()),
            _ => Focus::Heading,
        }));
        self.refresh_after_move(store, moved_check);
    }

    fn refresh_after_move(&mut self, store: &dyn Store, moved_check: bool) {
        // The switcher shows each check's count of answers: read it again
        // when it shows.
        if moved_check || self.state.route == Route::Start {
            self.refresh_checks(store);
        }
    }

    /// The browser tab says whose check is open: on a page of its own
    /// (or an iframe); a script embed leaves the host page's title alone.
    fn title_effect(&mut self, effects: &mut Vec<Effect>) {
        if !self.widget.hash_routing {
            return;
        }
        let title = self.state.page_title();
        if title != self.title {
            self.title = title.clone();
            effects.push(Effect::Title(title));
        }
    }

    fn push_undo(&mut self, undo: Undo) {
        let id = self.next_undo;
        self.next_undo += 1;
        Rc::make_mut(&mut self.state.undos).push(Pending { id, undo });
    }

    fn take_undo(&mut self, id: u64) -> Option<Undo> {
        let undos = Rc::make_mut(&mut self.state.undos);
        let at = undos.iter().position(|p| p.id == id)?;
        Some(undos.remove(at).undo)
    }

    fn act(&mut self, store: &dyn Store, now: u64, action: Action, effects: &mut Vec<Effect>) {
        if matches!(
            action,
            Action::Rate { .. }
                | Action::Note { .. }
                | Action::Snapshot
                | Action::Names { .. }
                | Action::KeepReplaced
        ) {
            self.catch_up(store, now);
        }
        let state = &mut self.state;
        match action {
            Action::Rate { statement, rating } => {
                let Some((id, quick)) = state
                    .ladder
                    .statements
                    .get(statement)
                    .map(|s| (s.id.clone(), s.quick))
                else {
                    return;
                };
                let before = state.document.rating(&id);
                if state.read_only() || before == Some(rating) {
                    return;
                }
                let gap = u64::from(self.widget.checkin_weeks) * WEEK_MS;
                let document = Rc::make_mut(&mut state.document);
                document.keep_baseline_before_change(now, gap);
                document.set_rating(&id, rating, now);
                // A check just finished: keep that moment, to see what moved
                // at the next check-in. Only a first answer can finish one
                // (before it, every check holding the statement was open),
                // so a changed answer costs no pass over the ladder.
                if before.is_none() {
                    let done = |state: &State, quick| {
                        progress(&state.ladder, &state.document, quick).done()
                    };
                    if done(state, false) {
                        Rc::make_mut(&mut state.document).keep_finished(SnapshotKind::Full, now);
                    } else if quick && done(state, true) {
                        Rc::make_mut(&mut state.document).keep_finished(SnapshotKind::Quick, now);
                    }
                }
                state.last_change = Change::Rating;
                if !state.key_seen {
                    state.key_seen = true;
                    write_prefs(store, &self.widget.instance, &state.rater_name);
                }
            }
            Action::Note { statement, text } => {
                let Some(id) = state.ladder.statements.get(statement).map(|s| s.id.clone()) else {
                    return;
                };
                if state.read_only() {
                    return;
                }
                let before = state.document.revision;
                if state
                    .document
                    .answers
                    .get(&id)
                    .map_or("", |a| a.note.as_str())
                    != text
                {
                    let gap = u64::from(self.widget.checkin_weeks) * WEEK_MS;
                    Rc::make_mut(&mut state.document).keep_baseline_before_change(now, gap);
                }
                Rc::make_mut(&mut state.document).set_note(&id, &text, now);
                if state.document.revision != before {
                    state.last_change = Change::Note;
                }
            }
            Action::Replace {
                answers,
                snapshots,
                plan,
                what,
            } => {
                if state.read_only() {
                    return;
                }
                // Read storage first, so the copy kept for undo holds every
                // answer given until now (in this tab and others).
                self.flush(store, now, effects);
                self.sync(store, now, false);
                let state = &mut self.state;
                let document = Rc::make_mut(&mut state.document);
                let mut trimmed = document.replace_answers(&answers, plan.as_deref(), &what, now);
                if !snapshots.is_empty() {
                    // A file's times come from another clock: one from the
                    // future is dated now, so it cannot outlive a later
                    // deletion here.
                    let snapshots: Vec<_> = snapshots
                        .into_iter()
                        .map(|mut s| {
                            s.taken_at = s.taken_at.min(now);
                            s
                        })
                        .collect();
                    trimmed += document.add_snapshots(&snapshots, now);
                }
                state.last_change = Change::Other;
                state.notice = (trimmed > 0).then(|| {
                    Notice::new(
                        Place::Top,
                        format!("The {trimmed} oldest snapshots were removed to stay within the limit of the history."),
                    )
                });
                effects.push(Effect::Focus(Focus::Undo));
            }
            Action::UndoReplace => {
                if state.read_only() {
                    return;
                }
                self.flush(store, now, effects);
                self.sync(store, now, false);
                let state = &mut self.state;
                let Some(what) = state.document.replaced.as_ref().map(|r| r.what.clone()) else {
                    return;
                };
                if Rc::make_mut(&mut state.document).undo_replace(now) {
                    state.last_change = Change::Other;
                    state.notice = Some(Notice::new(
                        Place::Undo,
                        format!("Undone: the answers from before {what} are back. The replacing answers are kept in the history."),
                    ));
                    effects.push(Effect::Focus(Focus::Undo));
                }
            }
            Action::KeepReplaced => {
                if state.read_only() || state.document.replaced.is_none() {
                    return;
                }
                let document = Rc::make_mut(&mut state.document);
                document.replaced = None;
                document.touch(now);
                state.last_change = Change::Other;
            }
            Action::Snapshot => {
                if state.read_only() {
                    return;
                }
                let (_, trimmed) = Rc::make_mut(&mut state.document).take_snapshot(
                    now,
                    now,
                    SnapshotKind::Saved,
                    "",
                );
                state.last_change = Change::Other;
                state.notice = Some(Notice::new(
                    Place::Snapshot,
                    format!(
                        "Snapshot saved ({} in the history{}).",
                        state.document.snapshots.len(),
                        if trimmed > 0 {
                            "; the oldest was removed"
                        } else {
                            ""
                        }
                    ),
                ));
            }
            Action::Attach { beside, to } => self.attach(store, now, *beside, to, effects),
            Action::AgendaNotes(text) => {
                if state.read_only() {
                    return;
                }
                let before = state.document.revision;
                Rc::make_mut(&mut state.document).set_agenda_notes(&text, now);
                if state.document.revision != before {
                    state.last_change = Change::Note;
                }
            }
            Action::Notify(notice) => state.notice = Some(notice),
            Action::DeleteAll => self.delete_all(store, now, effects),
            Action::AddCheck(new) => {
                if let Rater::Other { name } = &new.rater {
                    self.remember_rater(store, name);
                }
                let added = checks::add(
                    store,
                    &self.widget.instance,
                    &self.state.ladder,
                    &new.name,
                    new.rater,
                    new.from.as_deref(),
                    now,
                );
                match added {
                    Ok(id) => {
                        self.refresh_checks(store);
                        let check = CheckRef::Other(id);
                        self.go(store, now, check.clone(), new.then, effects);
                        // A new check with their self-check beside it opens
                        // at the agenda; deleting the check undoes both.
                        if let Some(beside) = new.beside.filter(|_| self.state.check == check) {
                            Rc::make_mut(&mut self.state.document).set_beside(*beside, now);
                            self.state.last_change = Change::Other;
                            self.state.enter(
                                Route::Compare {
                                    with: Compared::Beside,
                                },
                                now,
                            );
                        }
                    }
                    Err(why) => {
                        self.state.notice = Some(Notice::error(Place::Checks, why));
                        effects.push(Effect::Focus(Focus::Notice));
                    }
                }
            }
            Action::ChangeCheck { id, change } => {
                self.change_check(store, now, &id, change, effects)
            }
            Action::ExportCheck(contents) => {
                self.flush(store, now, effects);
                let sent = outgoing(&self.state.document, contents);
                // Named for what it holds: a file about someone with
                // nothing private in it is one to send them.
                let private = sent.answers.noted() > 0
                    || !sent.agenda.is_empty()
                    || !sent.snapshots.is_empty()
                    || sent.beside.is_some();
                let to_send = self.state.check != CheckRef::Own && !private;
                let what = if to_send { "to-send" } else { "" };
                effects.push(Effect::Download {
                    name: self.file_name(&sent, what, "json", now),
                    mime: "application/json",
                    text: sent.encode(),
                });
            }
            Action::ExportBackup => {
                self.flush(store, now, effects);
                let backup = self.backup(store, now);
                effects.push(Effect::Download {
                    name: format!(
                        "l5-selfcheck-{}-backup-{}.json",
                        self.state.ladder.id,
                        local_date(now, self.state.offset)
                    ),
                    mime: "application/json",
                    text: backup.encode(),
                });
            }
            Action::RestoreBackup(backup) => self.restore_backup(store, now, *backup, effects),
            Action::SeenLadderUpdate => {
                self.state.ladder_update = None;
                if !self.state.read_only()
                    && self.state.document.content_version != self.state.ladder.version
                {
                    let document = Rc::make_mut(&mut self.state.document);
                    document.content_version = self.state.ladder.version.clone();
                    document.touch(now);
                    self.state.last_change = Change::Other;
                }
            }
            Action::Undo(id) => self.undo(store, now, id, effects),
            Action::Keep(id) => {
                self.take_undo(id);
            }
            Action::Names { subject, rater } => {
                if state.read_only() {
                    return;
                }
                let (subject, rater) = match valid_names(state, &subject, &rater) {
                    Ok(names) => names,
                    Err(why) => {
                        state.notice = Some(Notice::error(Place::Names, why));
                        return;
                    }
                };
                if state.document.subject == subject && state.document.rater == rater {
                    state.notice = Some(Notice::new(Place::Names, "Names saved."));
                    return;
                }
                let document = Rc::make_mut(&mut state.document);
                document.subject = subject;
                document.rater = rater.clone();
                document.touch(now);
                state.last_change = Change::Other;
                state.notice = Some(Notice::new(Place::Names, "Names saved."));
                if let Rater::Other { name } = &rater {
                    self.remember_rater(store, name);
                }
            }
            Action::Focus {
                statement,
                step,
                due,
                helper,
                origin,
            } => {
                let Some(id) = state.ladder.statements.get(statement).map(|s| s.id.clone()) else {
                    return;
                };
                if state.read_only() {
                    return;
                }
                let added = Rc::make_mut(&mut state.document)
                    .add_focus(&id, &step, &due, &helper, &origin, now);
                state.notice = Some(match added {
                    Ok(_) => {
                        state.last_change = Change::Other;
                        Notice::new(Place::Plan, "Added to the plan.")
                    }
                    Err(FocusRefused::Full) => Notice::error(Place::Plan, format!("The plan already has {MAX_FOCUS} focus statements. Mark one done or drop it first.")),
                    Err(FocusRefused::Already) => Notice::error(Place::Plan, "This statement is already a focus of the plan."),
                    Err(FocusRefused::NoStep) => Notice::error(Place::Plan, "Choose one of the ideas or write a next step of your own."),
                });
                effects.push(Effect::Focus(Focus::Notice));
            }
            Action::FocusDone { id, outcome } => self.change_focus(id, now, effects, |item| {
                item.status = PlanStatus::Done;
                item.outcome = outcome;
            }),
            Action::FocusDrop { id } => self.change_focus(id, now, effects, |item| {
                item.status = PlanStatus::Dropped;
            }),
        }
    }

    /// Keeps a received view beside a check (opening it first when it is
    /// not the open one), replacing what was there, with Undo in the bar;
    /// then shows the agenda. Nothing else of the check changes.
    fn attach(
        &mut self,
        store: &dyn Store,
        now: u64,
        beside: Beside,
        to: CheckRef,
        effects: &mut Vec<Effect>,
    ) {
        if to != self.state.check {
            self.go(store, now, to.clone(), Route::Start, effects);
            if self.state.check != to {
                return;
            }
        }
        if self.state.read_only() {
            return;
        }
        self.catch_up(store, now);
        let what = beside_name(&beside);
        let before = Rc::make_mut(&mut self.state.document).set_beside(beside, now);
        self.state.last_change = Change::Other;
        self.push_undo(Undo::Beside {
            check: to,
            before,
            what,
        });
        self.state.enter(
            Route::Compare {
                with: Compared::Beside,
            },
            now,
        );
    }

    /// The rater's name, remembered for the next check added here.
    fn remember_rater(&mut self, store: &dyn Store, name: &str) {
        let name = safe_name(name);
        if !name.is_empty() && name != self.state.rater_name {
            self.state.rater_name = name;
            write_prefs(store, &self.widget.instance, &self.state.rater_name);
        }
    }

    /// Marks a focus done or dropped, with Undo in the bar.
    fn change_focus(
        &mut self,
        id: u64,
        now: u64,
        effects: &mut Vec<Effect>,
        change: impl FnOnce(&mut PlanItem),
    ) {
        if self.state.read_only() {
            return;
        }
        let Some(before) = Rc::make_mut(&mut self.state.document).change_focus(id, change, now)
        else {
            return;
        };
        self.state.last_change = Change::Other;
        let check = self.state.check.clone();
        self.push_undo(Undo::Plan { check, before });
        effects.push(Effect::Focus(Focus::Undo));
    }

    /// "Delete my data": every stored item of this embed, kept in the undo
    /// bar until the person keeps the deletion or leaves the page.
    fn delete_all(&mut self, store: &dyn Store, now: u64, effects: &mut Vec<Effect>) {
        // A pending note goes with the rest, so undo brings it back.
        self.flush(store, now, effects);
        let (removed, fault) = match delete_all(store, &instance_prefix(&self.widget.instance), now)
        {
            Ok(removed) => (removed, None),
            Err((fault, removed)) => (removed, Some(fault)),
        };
        let partly = !removed.items.is_empty();
        if fault.is_none() || partly {
            let marker = store.read(&self.keys().marker).ok().flatten();
            let state = &mut self.state;
            if state.check != CheckRef::Own {
                // Checks about other people went too: back to one's own.
                state.check = CheckRef::Own;
                state.enter(Route::Start, now);
            }
            state.checks = Rc::new(Vec::new());
            state.deleted_checks = Rc::new(Vec::new());
            // What this copy remembers of the deletion is what its marker
            // says: with nothing stored, nothing was deleted, and an answer
            // another tab gives now must not count as older than it.
            let deleted_at = marker.as_deref().and_then(sync::deletion_time).unwrap_or(0);
            state.document = state.fresh_document(deleted_at);
            state.synced = state.document.clone();
            state.marker = marker;
            state.unreadable = None;
            state.unsaved = None;
            state.last_change = Change::Other;
            state.save_status = super::state::SaveStatus::Idle;
            // Nothing newer is left to protect.
            if state.read_only() {
                state.persistence = Persistence::Saving;
            }
            state.notice = None;
            // Undos of single checks no longer apply: what they would
            // change went with everything else, and comes back with this undo.
            Rc::make_mut(&mut state.undos)
                .retain(|p| matches!(p.undo, Undo::DeleteAll(_) | Undo::Purge { .. }));
            self.push_undo(Undo::DeleteAll(Rc::new(removed)));
        }
        if let Some(fault) = fault {
            let what = if partly {
                "Not everything could be deleted (Undo puts back what was)"
            } else {
                "Your data could not be deleted"
            };
            self.state.notice = Some(Notice::error(
                Place::Delete,
                format!("{what}: {}", fault.detail()),
            ));
        }
        effects.push(Effect::Focus(Focus::Undo));
    }

    fn change_check(
        &mut self,
        store: &dyn Store,
        now: u64,
        id: &str,
        change: CheckChange,
        effects: &mut Vec<Effect>,
    ) {
        self.flush(store, now, effects);
        let (instance, ladder) = (self.widget.instance.clone(), self.state.ladder.id.clone());
        let name = self
            .state
            .checks
            .iter()
            .chain(self.state.deleted_checks.iter())
            .find(|c| c.id == id)
            .map(|c| c.label())
            .unwrap_or_else(|| "someone".into());
        let done = match change {
            CheckChange::Delete => checks::delete(store, &instance, &ladder, id, now).map(|()| {
                self.push_undo(Undo::DeleteCheck {
                    id: id.to_string(),
                    name: name.clone(),
                });
                format!("The check about \u{201c}{name}\u{201d} was deleted. It is kept under \u{201c}Deleted checks\u{201d} on the start page until you delete it for good.")
            }),
            CheckChange::Restore => checks::restore(store, &instance, &ladder, id, now).map(|()| {
                let undos = Rc::make_mut(&mut self.state.undos);
                undos.retain(|p| !matches!(&p.undo, Undo::DeleteCheck { id: gone, .. } if gone == id));
                format!("The check about \u{201c}{name}\u{201d} is back.")
            }),
            CheckChange::Purge => checks::purge(store, &instance, &ladder, id).map(|removed| {
                let undos = Rc::make_mut(&mut self.state.undos);
                undos.retain(|p| !matches!(&p.undo, Undo::DeleteCheck { id: gone, .. } if gone == id));
                self.push_undo(Undo::Purge {
                    name: name.clone(),
                    removed: Rc::new(removed),
                });
                format!("The check about \u{201c}{name}\u{201d} was deleted for good.")
            }),
        };
        self.state.notice = Some(match done {
            Ok(text) => Notice::new(Place::Undo, text),
            Err(fault) => Notice::error(
                Place::Checks,
                format!("That did not work: {}", fault.detail()),
            ),
        });
        if change == CheckChange::Delete && self.state.check == CheckRef::Other(id.to_string()) {
            let notice = self.state.notice.take();
            self.go(store, now, CheckRef::Own, Route::Start, effects);
            self.state.notice = notice;
        }
        self.refresh_checks(store);
        effects.push(Effect::Focus(Focus::Undo));
    }

    fn undo(&mut self, store: &dyn Store, now: u64, id: u64, effects: &mut Vec<Effect>) {
        let Some(undo) = self
            .state
            .undos
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.undo.clone())
        else {
            return;
        };
        self.flush(store, now, effects);
        // An undo of a change to one check (its plan, the view beside it)
        // opens that check first; one that is gone can no longer be undone.
        if let Undo::Plan { check, .. } | Undo::Beside { check, .. } = &undo {
            if *check != self.state.check {
                let route = self.state.route.clone();
                self.go(store, now, check.clone(), route, effects);
            }
            if *check != self.state.check || self.state.read_only() {
                if !self.exists(store, check) {
                    self.take_undo(id);
                }
                self.state.notice = Some(Notice::error(
                    Place::Undo,
                    "That could not be undone: the check it changed is not open here.",
                ));
                effects.push(Effect::Focus(Focus::Undo));
                return;
            }
        }
        let done = match &undo {
            Undo::DeleteAll(removed) => restore_deleted(store, removed, now, &self.widget.tab)
                .map(|()| "Undone: your data is back in this browser.".to_string()),
            Undo::DeleteCheck { id, name } => checks::restore(
                store,
                &self.widget.instance,
                &self.state.ladder.id,
                id,
                now,
            )
            .map(|()| format!("Undone: the check about \u{201c}{name}\u{201d} is back.")),
            Undo::Purge { name, removed } => put_back(store, removed).map(|()| {
                format!("Undone: the check about \u{201c}{name}\u{201d} is back under \u{201c}Deleted checks\u{201d}.")
            }),
            Undo::Restored { added } => {
                let mut result = Ok(());
                for (id, _) in added {
                    result = result.and(checks::unadd(
                        store,
                        &self.widget.instance,
                        &self.state.ladder.id,
                        id,
                        now,
                    ));
                }
                result.map(|()| {
                    format!(
                        "Undone: {} from the backup removed again.",
                        markdown::plural(added.len(), "check", "checks")
                    )
                })
            }
            Undo::Beside { before, what, .. } => {
                Rc::make_mut(&mut self.state.document).restore_beside(before.clone(), now);
                self.state.last_change = Change::Other;
                Ok(match before {
                    Some(before) => format!(
                        "Undone: {} is beside this check again, instead of {what}.",
                        beside_name(before)
                    ),
                    None => format!("Undone: {what} is no longer kept beside this check."),
                })
            }
            Undo::Plan { before, .. } => {
                let before = before.clone();
                // A focus removed since (a replaced plan, a deletion) stays
                // removed: the undo has nothing left to bring back.
                let shown = self.state.document.plan.iter().any(|item| item.id == before.id && item.is_shown());
                if shown {
                    Rc::make_mut(&mut self.state.document).change_focus(before.id, |item| *item = before.clone(), now);
                    self.state.last_change = Change::Other;
                    Ok(format!("Undone: \u{201c}{}\u{201d} is back in the plan as it was.", before.step))
                } else {
                    Ok(format!("\u{201c}{}\u{201d} is no longer in the plan, so there is nothing to undo.", before.step))
                }
            }
        };
        match done {
            Ok(text) => {
                self.take_undo(id);
                self.state.notice = Some(Notice::new(Place::Undo, text));
                self.sync(store, now, true);
                self.refresh_checks(store);
            }
            Err(fault) => {
                self.state.notice = Some(Notice::error(
                    Place::Undo,
                    format!("That could not be undone: {}", fault.detail()),
                ))
            }
        }
        effects.push(Effect::Focus(Focus::Undo));
    }
}

/// Small preferences of this browser: the rater's name for the next
/// check. Stored at all means the answer key was seen.
#[derive(Debug, Default)]
struct Prefs {
    rater: String,
}

/// The preferences, when any were stored (a value from an older version
/// holds only the flag).
fn read_prefs(store: &dyn Store, instance: &str) -> Option<Prefs> {
    let text = store.read(&prefs_key(instance)).ok().flatten()?;
    let rater = match super::fields::parse_json(&text).map(|v| v.get("rater").cloned()) {
        Ok(Some(super::fields::Value::String(name))) => safe_name(&name),
        _ => String::new(),
    };
    Some(Prefs { rater })
}

/// A display preference: losing it costs nothing, so a failure is ignored.
fn write_prefs(store: &dyn Store, instance: &str, rater: &str) {
    // `{"rater": "…"}`, the name written as a JSON string.
    let name = serde_json::to_string(rater).unwrap_or_default();
    let _ = store.write(&prefs_key(instance), &format!("{{\"rater\":{name}}}"));
}

/// How the undo bar and messages name a view kept beside a check:
/// "Sam Rivera's self-check", "Alex Chen's view".
pub fn beside_name(beside: &Beside) -> String {
    let possessive = |name: &str| {
        if name.is_empty() {
            "their".to_string()
        } else {
            format!("{name}\u{2019}s")
        }
    };
    match &beside.rater {
        Rater::Subject => format!("{} self-check", possessive(&beside.subject)),
        Rater::Other { name } if !name.is_empty() => format!("{} view", possessive(name)),
        Rater::Other { .. } => "a view from someone else".to_string(),
    }
}

/// Versions before 0.3 kept the answer key's flag under `…/ui`, where a
/// ladder with the id `ui` keeps its answers now: the flag moves to
/// `~prefs` (only that exact value; a document there is left alone).
fn move_legacy_prefs(store: &dyn Store, instance: &str) {
    let legacy = legacy_prefs_key(instance);
    if matches!(store.read(&legacy), Ok(Some(value)) if value == LEGACY_KEY_SEEN)
        && store.write(&prefs_key(instance), LEGACY_KEY_SEEN).is_ok()
    {
        let _ = store.remove(&legacy);
    }
}

/// The page for a link to a check that is not in this browser.
fn missing_check(check: &CheckRef, route: &Route) -> Route {
    Route::NotFound {
        path: route.href(check).trim_start_matches("#/").to_string(),
    }
}

/// Writes back what a purge removed, where nothing was written since.
fn put_back(store: &dyn Store, removed: &Removed) -> Result<(), super::store::StoreFault> {
    for (key, value) in &removed.items {
        if store.read(key)?.is_none() {
            store.write(key, value)?;
        }
    }
    Ok(())
}

/// The names typed for the open check, checked: a check about someone
/// needs a name no other check of its kind here has, and says who rates
/// it (or nobody, left empty); one's own may leave the name out. Returns
/// the trimmed names or what is wrong, to show beside the form.
fn valid_names(state: &State, subject: &str, rater: &str) -> Result<(String, Rater), String> {
    let someone = state.about_someone_else();
    let subject = if someone {
        let others: Vec<_> = state
            .checks
            .iter()
            .filter(|c| state.check != CheckRef::Other(c.id.clone()))
            .cloned()
            .collect();
        checks::check_new_name(subject, state.document.rater == Rater::Subject, &others)?
    } else if subject.trim().is_empty() {
        String::new()
    } else {
        check_name(subject).map_err(|why| format!("The name {why}."))?
    };
    let rater = if !someone {
        Rater::Subject
    } else if rater.trim().is_empty() {
        Rater::Other {
            name: String::new(),
        }
    } else {
        Rater::Other {
            name: check_name(rater).map_err(|why| format!("The rater's name {why}."))?,
        }
    };
    Ok((subject, rater))
}
