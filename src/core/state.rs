//! All app state in one reducer: `State`, `Action` and `State::reduce`.
//! Pure: time and anything read from storage or the browser come in with
//! the action, so the whole state machine (several tabs sharing one
//! storage included) is tested natively. The Yew app wraps it in
//! `Reducible` and runs the effects (saving, routing, focus) in hooks.

use super::content::Ladder;
use super::document::{Answers, CheckMode, Document, Rater, Rating, Snapshot};
use super::keys::CheckRef;
use super::route::Route;
use super::sync::{Loaded, Persistence, Removed, SyncOutcome, Synced, Unreadable};
use std::rc::Rc;

/// The live status line in the header: announces saves without moving focus.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved { answered: usize },
    Failed,
}

/// Where a message belongs: next to the control that caused it, so the
/// person sees it where they are looking (and it is announced politely).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At the top of the page: news from other tabs, storage trouble.
    Top,
    Snapshot,
    CopySummary,
    CopyLink,
    Download,
    /// The delete controls (and the undo of a deletion).
    Delete,
    /// The list of checks about other people (added, deleted, restored).
    Checks,
    /// Import, share-link answers, restore, undo.
    Replace,
}

/// A message shown next to its control.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub place: Place,
    pub text: String,
    /// An error rather than news.
    pub error: bool,
    /// A deleted check this message offers to restore (its id).
    pub restore: Option<String>,
}

impl Notice {
    pub fn new(place: Place, text: impl Into<String>) -> Notice {
        Notice {
            place,
            text: text.into(),
            error: false,
            restore: None,
        }
    }

    pub fn error(place: Place, text: impl Into<String>) -> Notice {
        Notice {
            place,
            text: text.into(),
            error: true,
            restore: None,
        }
    }
}

/// What kind of change made the current revision: decides whether the
/// save is announced, and whether it may wait for more typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Loading, navigating, merging: saved quietly.
    Other,
    Rating,
    /// Note typing: saved within `NOTE_SAVE_DELAY_MS`, or when the page hides.
    Note,
}

/// Most time a typed note waits before it is written.
pub const NOTE_SAVE_DELAY_MS: u32 = 300;

/// Another person's view, imported to compare with.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparing {
    /// Where it came from, e.g. the file name.
    pub label: String,
    pub document: Document,
}

/// A check about someone else kept in this browser, as the switcher
/// lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInfo {
    pub id: String,
    /// Whom it is about.
    pub name: String,
    /// Their own self-check (imported from them), not a view of them.
    pub self_check: bool,
    pub answered: usize,
    pub updated_at: u64,
}

impl CheckInfo {
    /// How the list names it: "Alex Kim", or "Alex Kim (self-check)".
    pub fn label(&self) -> String {
        label(&self.name, self.self_check)
    }
}

/// "Alex Kim", or "Alex Kim (self-check)" for someone's own self-check.
pub fn label(name: &str, self_check: bool) -> String {
    let name = if name.is_empty() { "Someone" } else { name };
    if self_check {
        format!("{name} (self-check)")
    } else {
        name.to_string()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub ladder: Rc<Ladder>,
    /// Which check is open: the person's own, or one about someone else.
    pub check: CheckRef,
    /// The checks about other people in this browser (names sorted).
    pub checks: Rc<Vec<CheckInfo>>,
    /// Checks deleted from the switcher, kept so the deletion can be undone.
    pub deleted_checks: Rc<Vec<CheckInfo>>,
    /// Minutes to add to UTC for the person's local dates.
    pub offset: i32,
    /// The answer key has been shown once; after that it starts collapsed.
    pub key_seen: bool,
    /// Whether this page shows the answer key open: decided when the page
    /// opens, so a first answer never folds it away under the person.
    pub key_open: bool,
    /// This tab's copy of the document.
    pub document: Rc<Document>,
    /// What this tab last read from or wrote to storage: the base of the
    /// three-way merge, and what tells whether there is anything to write.
    pub synced: Rc<Document>,
    /// The marker stored with `synced`.
    pub marker: Option<String>,
    pub persistence: Persistence,
    /// Stored data that could not be read (kept in a backup).
    pub unreadable: Option<Unreadable>,
    pub save_status: SaveStatus,
    pub notice: Option<Notice>,
    pub last_change: Change,
    /// The page being shown.
    pub route: Route,
    /// Someone else's answers to compare with, for this visit.
    pub comparison: Option<Rc<Comparing>>,
    /// What "delete my data" removed, so it can be put back while this
    /// page is open.
    pub deleted: Option<Rc<Removed>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Rate {
        statement: usize,
        rating: Rating,
        now: u64,
    },
    Note {
        statement: usize,
        text: String,
        now: u64,
    },
    /// The page to show changed (a link, back or forward).
    Navigate { route: Route, now: u64 },
    /// A sync with storage finished.
    Synced(Synced),
    /// Every stored item of this instance was removed; `removed` is kept
    /// for undo, and `marker` is what the deletion left beside this check's
    /// document (so this tab knows the deletion was its own).
    Deleted {
        removed: Removed,
        marker: Option<String>,
    },
    /// The removed items were put back (the shell then syncs).
    DeleteUndone,
    /// Replace the answers (after the person confirmed a preview), keeping
    /// the current ones so the replace can be undone.
    Replace {
        answers: Answers,
        /// Snapshots to bring along (the person's own history from another
        /// browser); empty for someone else's file.
        snapshots: Vec<Snapshot>,
        /// What replaces them, e.g. "importing “x.json”".
        what: String,
        now: u64,
    },
    /// Undo the last replace.
    Undo { now: u64 },
    /// Keep the replaced answers: stop offering the undo (the earlier
    /// answers stay in the history).
    KeepReplaced { now: u64 },
    /// Keep a dated copy of the answers.
    Snapshot { now: u64 },
    /// Show these answers beside the person's own.
    Compare(Option<Rc<Comparing>>),
    /// Show a message next to a control.
    Notify(Notice),
    /// Open another check (its document just loaded), at `route`.
    Open {
        check: CheckRef,
        loaded: Box<Loaded>,
        route: Route,
        now: u64,
    },
    /// The list of checks in this browser changed.
    Checks {
        checks: Vec<CheckInfo>,
        deleted: Vec<CheckInfo>,
    },
    /// Names in the open check: whom it is about and who rates.
    Names {
        subject: String,
        rater: Rater,
        now: u64,
    },
}

impl State {
    /// A state for a freshly loaded document of the person's own check.
    pub fn new(ladder: Rc<Ladder>, loaded: Loaded, route: Route) -> State {
        let document = Rc::new(loaded.document);
        State {
            ladder,
            check: CheckRef::Own,
            checks: Rc::default(),
            deleted_checks: Rc::default(),
            offset: 0,
            key_seen: false,
            key_open: true,
            synced: document.clone(),
            document,
            marker: loaded.marker,
            persistence: loaded.persistence,
            unreadable: loaded.unreadable,
            save_status: SaveStatus::Idle,
            notice: None,
            last_change: Change::Other,
            route,
            comparison: None,
            deleted: None,
        }
    }

    pub fn answered(&self) -> usize {
        self.ladder
            .statements
            .iter()
            .filter(|s| self.document.rating(&s.id).is_some())
            .count()
    }

    pub fn writes(&self) -> bool {
        self.persistence == Persistence::Saving
    }

    pub fn read_only(&self) -> bool {
        matches!(self.persistence, Persistence::ReadOnly { .. })
    }

    /// Whether this tab holds changes storage does not have yet.
    pub fn needs_sync(&self) -> bool {
        self.writes() && !Rc::ptr_eq(&self.document, &self.synced)
    }

    /// The check to show results and progress for: the one last taken.
    pub fn current_mode(&self) -> CheckMode {
        self.document.resume.mode.unwrap_or(CheckMode::Quick)
    }

    /// Shows `route`, remembering where a check was left so the start page
    /// can offer to resume it.
    pub fn enter(&mut self, route: Route, now: u64) {
        let resume = match &route {
            Route::Quick { .. } => Some((CheckMode::Quick, None)),
            Route::Check { section, .. } | Route::Rate { section }
                if self.ladder.section_index(section).is_some() =>
            {
                Some((CheckMode::Full, Some(section.clone())))
            }
            _ => None,
        };
        if let Some((mode, section)) = resume {
            let current = &self.document.resume;
            if current.mode != Some(mode) || current.section != section && section.is_some() {
                let document = Rc::make_mut(&mut self.document);
                document.resume.mode = Some(mode);
                if section.is_some() {
                    document.resume.section = section;
                }
                document.touch(now);
                self.last_change = Change::Other;
            }
        }
        self.route = route;
        self.key_open = !self.key_seen;
    }

    /// Whether the check is about someone else (statements read "They
    /// ..."): any check but the person's own self-check.
    pub fn about_someone_else(&self) -> bool {
        self.check != CheckRef::Own || self.document.rater != Rater::Subject
    }

    /// The hash of a page of the open check.
    pub fn href(&self, route: &Route) -> String {
        route.href(&self.check)
    }

    /// The name the open check goes by, for headers and labels: "You" for
    /// the person's own.
    pub fn check_name(&self) -> String {
        match &self.check {
            CheckRef::Own => "Your self-check".to_string(),
            CheckRef::Other(_) => label(
                &self.document.subject,
                self.document.rater == Rater::Subject,
            ),
        }
    }

    /// An empty document that remembers a deletion at `deleted_at`, so
    /// that writing it later keeps older copies elsewhere from coming back.
    fn fresh_document(&self, deleted_at: u64) -> Rc<Document> {
        let mut document = Document::new(&self.ladder.id, &self.ladder.version);
        document.cleared_before = deleted_at;
        Rc::new(document)
    }

    /// Takes in the result of a sync.
    fn synced(&mut self, synced: Synced) {
        let current = synced.from_revision == self.document.revision;
        match synced.outcome {
            SyncOutcome::Stored {
                document,
                marker,
                wrote,
                merged,
                trimmed,
                unreadable,
            } => {
                // If the person changed something while the sync ran, keep
                // both: merge, and let the next sync write the result.
                self.document = if current {
                    document.clone()
                } else {
                    Rc::new(self.document.merge(&document))
                };
                self.synced = document;
                self.marker = marker;
                if wrote && current && self.last_change != Change::Other {
                    self.save_status = SaveStatus::Saved {
                        answered: self.answered(),
                    };
                }
                if merged {
                    self.last_change = Change::Other;
                }
                if trimmed > 0 {
                    let text = format!(
                        "The history reached its limit of {} snapshots, so the {} removed.",
                        super::document::MAX_SNAPSHOTS,
                        if trimmed == 1 {
                            "oldest was".to_string()
                        } else {
                            format!("{trimmed} oldest were")
                        }
                    );
                    // Said next to the snapshot just taken, if that is what
                    // made the history full; else at the top.
                    self.notice = Some(match self.notice.take() {
                        Some(n) if n.place == Place::Snapshot => {
                            Notice::new(Place::Snapshot, format!("{} {text}", n.text))
                        }
                        _ => Notice::new(Place::Top, text),
                    });
                }
                if unreadable.is_some() {
                    self.unreadable = unreadable;
                }
            }
            SyncOutcome::DeletedElsewhere { marker, .. } if self.check != CheckRef::Own => {
                // A check about someone, deleted in another tab: it is kept
                // under "Deleted checks". Writing here would start a second,
                // nameless copy, so this page stops writing and says so.
                self.marker = marker;
                self.persistence = Persistence::CheckDeleted;
                self.save_status = SaveStatus::Idle;
            }
            SyncOutcome::DeletedElsewhere { marker, deleted_at } => {
                self.document = self.fresh_document(deleted_at.unwrap_or(0));
                self.synced = self.document.clone();
                self.marker = marker;
                self.last_change = Change::Other;
                self.notice = Some(Notice::new(
                    Place::Top,
                    "Your answers were deleted in another tab or window.",
                ));
            }
            SyncOutcome::Newer { schema, readable } => {
                self.persistence = Persistence::ReadOnly { schema };
                if let Some(document) = readable {
                    self.document = Rc::new(*document);
                }
                self.synced = self.document.clone();
            }
            SyncOutcome::Failed {
                persistence,
                document,
                unreadable,
            } => {
                if current {
                    self.document = document;
                }
                self.persistence = persistence;
                self.save_status = SaveStatus::Failed;
                if unreadable.is_some() {
                    self.unreadable = unreadable;
                }
            }
        }
    }

    /// Applies an action. Returns `None` when nothing changed, so the app
    /// can skip the re-render.
    pub fn reduce(&self, action: Action) -> Option<State> {
        let mut state = self.clone();
        match action {
            Action::Rate {
                statement,
                rating,
                now,
            } => {
                let id = &state.ladder.statements.get(statement)?.id;
                if state.read_only() || state.document.rating(id) == Some(rating) {
                    return None;
                }
                let id = id.clone();
                Rc::make_mut(&mut state.document).set_rating(&id, rating, now);
                state.last_change = Change::Rating;
                state.key_seen = true;
            }
            Action::Note {
                statement,
                text,
                now,
            } => {
                let id = state.ladder.statements.get(statement)?.id.clone();
                if state.read_only() {
                    return None;
                }
                let before = state.document.revision;
                Rc::make_mut(&mut state.document).set_note(&id, &text, now);
                if state.document.revision == before {
                    return None;
                }
                state.last_change = Change::Note;
            }
            Action::Navigate { route, now } => {
                if route == state.route {
                    return None;
                }
                state.enter(route, now);
            }
            Action::Synced(synced) => state.synced(synced),
            Action::Deleted { removed, marker } => {
                // Checks about other people went too: back to one's own.
                if state.check != CheckRef::Own {
                    state.check = CheckRef::Own;
                    state.enter(Route::Start, removed.at);
                }
                state.checks = Rc::new(Vec::new());
                state.deleted_checks = Rc::new(Vec::new());
                state.document = state.fresh_document(removed.at);
                state.synced = state.document.clone();
                state.marker = marker;
                state.unreadable = None;
                state.last_change = Change::Other;
                state.save_status = SaveStatus::Idle;
                // Nothing newer is left to protect.
                if state.read_only() {
                    state.persistence = Persistence::Saving;
                }
                let count = removed.count();
                state.notice = Some(Notice::new(
                    Place::Delete,
                    format!(
                        "Deleted: {count} stored item{} removed from this browser. You can undo this until you leave the page.",
                        if count == 1 { "" } else { "s" }
                    ),
                ));
                state.deleted = Some(Rc::new(removed));
            }
            Action::DeleteUndone => {
                state.deleted = None;
                state.notice = Some(Notice::new(
                    Place::Delete,
                    "Undone: your answers are back in this browser.",
                ));
            }
            Action::Replace {
                answers,
                snapshots,
                what,
                now,
            } => {
                if state.read_only() {
                    return None;
                }
                let document = Rc::make_mut(&mut state.document);
                let mut trimmed = document.replace_answers(&answers, &what, now);
                if !snapshots.is_empty() {
                    trimmed += document.add_snapshots(&snapshots, now);
                }
                state.last_change = Change::Other;
                state.notice = Some(Notice::new(
                    Place::Replace,
                    format!(
                        "Your answers were replaced by {what}. The earlier ones are kept in your history{}.",
                        if trimmed > 0 {
                            format!(" ({trimmed} oldest snapshots were removed to stay within the limit)")
                        } else {
                            String::new()
                        }
                    ),
                ));
            }
            Action::Undo { now } => {
                if state.read_only() {
                    return None;
                }
                let what = state.document.replaced.as_ref()?.what.clone();
                if !Rc::make_mut(&mut state.document).undo_replace(now) {
                    return None;
                }
                state.last_change = Change::Other;
                state.notice = Some(Notice::new(
                    Place::Replace,
                    format!("Undone: your answers from before {what} are back. The replacing answers are kept in your history."),
                ));
            }
            Action::KeepReplaced { now } => {
                if state.read_only() || state.document.replaced.is_none() {
                    return None;
                }
                let document = Rc::make_mut(&mut state.document);
                document.replaced = None;
                document.touch(now);
                state.last_change = Change::Other;
                state.notice = None;
            }
            Action::Snapshot { now } => {
                if state.read_only() {
                    return None;
                }
                let (_, trimmed) = Rc::make_mut(&mut state.document).take_snapshot(now, "");
                state.last_change = Change::Other;
                state.notice = Some(Notice::new(
                    Place::Snapshot,
                    format!(
                        "Snapshot saved ({} in your history{}).",
                        state.document.snapshots.len(),
                        if trimmed > 0 {
                            "; the oldest was removed"
                        } else {
                            ""
                        }
                    ),
                ));
            }
            Action::Compare(comparing) => state.comparison = comparing,
            Action::Notify(notice) => state.notice = Some(notice),
            Action::Open {
                check,
                loaded,
                route,
                now,
            } => {
                let loaded = *loaded;
                let document = Rc::new(loaded.document);
                state.check = check;
                state.synced = document.clone();
                state.document = document;
                state.marker = loaded.marker;
                state.persistence = loaded.persistence;
                state.unreadable = loaded.unreadable;
                state.save_status = SaveStatus::Idle;
                state.notice = None;
                state.last_change = Change::Other;
                state.route = Route::Start;
                state.enter(route, now);
            }
            Action::Checks { checks, deleted } => {
                if *state.checks == checks && *state.deleted_checks == deleted {
                    return None;
                }
                state.checks = Rc::new(checks);
                state.deleted_checks = Rc::new(deleted);
            }
            Action::Names {
                subject,
                rater,
                now,
            } => {
                if state.read_only()
                    || (state.document.subject == subject && state.document.rater == rater)
                {
                    return None;
                }
                let document = Rc::make_mut(&mut state.document);
                document.subject = subject;
                document.rater = rater;
                document.touch(now);
                state.last_change = Change::Other;
            }
        }
        Some(state)
    }
}
