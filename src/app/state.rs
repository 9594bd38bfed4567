//! All app state in one reducer. `reduce` is pure: time and anything read
//! from the browser come in with the action, and the shell saves after the
//! state changed.

use crate::core::content::Ladder;
use crate::core::document::{CheckMode, Document, Rating};
use crate::core::route::Route;
use std::rc::Rc;
use yew::prelude::*;

/// Where answers go, as the person must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum Persistence {
    /// Every change is written to this browser's storage.
    Saving,
    /// Storage cannot be used; answers live only in this page.
    InMemory { reason: String },
    /// A newer version of the app wrote the stored answers; nothing is
    /// written so its data survives.
    ReadOnly { schema: u64 },
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved {
        answered: usize,
    },
    Failed {
        reason: String,
    },
    /// Something happened to the stored answers that is not an error.
    Info(String),
}

/// Stored text that could not be read, kept so the person can download it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub why: String,
    /// The backup key it was copied to, if the copy worked.
    pub backup_key: Option<String>,
    pub raw: Rc<str>,
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

/// A stored document changed in another tab or window (a `storage` event),
/// already decoded by the shell.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Deleted,
    Document(Box<Document>),
    Newer {
        schema: u64,
        readable: Option<Box<Document>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub ladder: Rc<Ladder>,
    pub document: Rc<Document>,
    pub persistence: Persistence,
    /// Stored data that could not be read at start-up.
    pub unreadable: Option<Unreadable>,
    pub save_status: SaveStatus,
    pub last_change: Change,
    /// The revision known to be in storage: nothing to write while the
    /// document is at this revision.
    pub stored_revision: u64,
    /// The page being shown, from the URL's hash.
    pub route: Route,
    /// Someone else's answers to compare with, for this visit only.
    pub comparison: Option<Rc<Comparing>>,
}

/// Another person's view, imported to compare with (never stored).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparing {
    /// Where it came from, e.g. the file name.
    pub label: String,
    pub document: Document,
}

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
    /// The URL's hash changed (a link, back or forward).
    Navigate { route: Route, now: u64 },
    /// The document at `revision` reached storage.
    Saved { revision: u64 },
    /// Writing failed: keep the answers in memory and say so.
    SaveFailed { reason: String },
    /// Another tab changed the stored document.
    External(Incoming),
    /// Every key of this instance was removed from storage.
    Deleted { keys: usize },
    /// Removing the keys failed.
    DeleteFailed { reason: String },
    /// Replace the answers with an imported document (after confirming).
    Replace { document: Box<Document>, now: u64 },
    /// Keep a dated copy of the answers.
    Snapshot { now: u64 },
    /// Show these answers beside the person's own.
    Compare(Option<Rc<Comparing>>),
    /// Tell the person something in the status line.
    Status(String),
}

impl State {
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

    /// The check to show results and progress for: the one last taken.
    pub fn current_mode(&self) -> CheckMode {
        self.document.resume.mode.unwrap_or(CheckMode::Quick)
    }

    /// Shows `route`, remembering where a check was left so the start page
    /// can offer to resume it.
    pub fn enter(&mut self, route: Route, now: u64) {
        if let Route::Check { mode, section, .. } = &route {
            let resume = &self.document.resume;
            if self.ladder.section_index(section).is_some()
                && (resume.mode != Some(*mode) || resume.section.as_deref() != Some(section))
            {
                let document = Rc::make_mut(&mut self.document);
                document.resume.mode = Some(*mode);
                document.resume.section = Some(section.clone());
                document.touch(now);
                self.last_change = Change::Other;
            }
        }
        self.route = route;
    }

    fn fresh_document(&self) -> Rc<Document> {
        Rc::new(Document::new(&self.ladder.id, &self.ladder.version))
    }

    /// Takes in another tab's version: adopt it when it already holds all
    /// our answers (nothing to write), otherwise merge answer by answer and
    /// let the shell write the merge, so neither tab loses an answer.
    fn receive(&mut self, incoming: Incoming) {
        match incoming {
            Incoming::Deleted => {
                self.document = self.fresh_document();
                self.stored_revision = self.document.revision;
                self.save_status =
                    SaveStatus::Info("Your answers were deleted in another tab or window.".into());
            }
            Incoming::Document(theirs) if theirs.ladder == self.ladder.id => {
                if theirs.has_all_answers_of(&self.document) {
                    self.stored_revision = theirs.revision;
                    self.document = Rc::new(*theirs);
                } else {
                    self.document = Rc::new(self.document.merge(&theirs));
                }
                self.last_change = Change::Other;
            }
            Incoming::Document(_) => {}
            Incoming::Newer { schema, readable } => {
                self.persistence = Persistence::ReadOnly { schema };
                if let Some(document) = readable {
                    self.document = Rc::new(*document);
                }
                self.stored_revision = self.document.revision;
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Rate {
                statement,
                rating,
                now,
            } => {
                let Some(statement) = state.ladder.statements.get(statement) else {
                    return self;
                };
                if state.read_only() || state.document.rating(&statement.id) == Some(rating) {
                    return self;
                }
                let id = statement.id.clone();
                Rc::make_mut(&mut state.document).set_rating(&id, rating, now);
                state.last_change = Change::Rating;
            }
            Action::Note {
                statement,
                text,
                now,
            } => {
                let Some(statement) = state.ladder.statements.get(statement) else {
                    return self;
                };
                if state.read_only() {
                    return self;
                }
                let id = statement.id.clone();
                let before = state.document.revision;
                Rc::make_mut(&mut state.document).set_note(&id, &text, now);
                if state.document.revision == before {
                    return self;
                }
                state.last_change = Change::Note;
            }
            Action::Navigate { route, now } => {
                if route == state.route {
                    return self;
                }
                state.enter(route, now);
            }
            Action::Saved { revision } => {
                state.stored_revision = state.stored_revision.max(revision);
                if revision == state.document.revision && state.last_change != Change::Other {
                    state.save_status = SaveStatus::Saved {
                        answered: state.answered(),
                    };
                }
            }
            Action::SaveFailed { reason } => {
                state.save_status = SaveStatus::Failed {
                    reason: reason.clone(),
                };
                state.persistence = Persistence::InMemory { reason };
            }
            Action::External(incoming) => state.receive(incoming),
            Action::Deleted { keys } => {
                state.document = state.fresh_document();
                state.stored_revision = state.document.revision;
                state.unreadable = None;
                state.last_change = Change::Other;
                // Nothing newer is left to protect.
                if state.read_only() {
                    state.persistence = Persistence::Saving;
                }
                state.save_status = SaveStatus::Info(format!(
                    "Your answers were deleted from this browser ({keys} stored item{} removed).",
                    if keys == 1 { "" } else { "s" }
                ));
            }
            Action::Replace { document, now } => {
                if state.read_only() {
                    return self;
                }
                let revision = state.document.revision.max(document.revision);
                let mut document = *document;
                document.revision = revision;
                document.touch(now);
                state.document = Rc::new(document);
                // Saved quietly: the message below is what the person needs.
                state.last_change = Change::Other;
                state.save_status = SaveStatus::Info("The imported answers replaced yours.".into());
            }
            Action::Snapshot { now } => {
                if state.read_only() {
                    return self;
                }
                Rc::make_mut(&mut state.document).take_snapshot(now);
                state.last_change = Change::Other;
                state.save_status = SaveStatus::Info(format!(
                    "Snapshot saved ({} in your history).",
                    state.document.snapshots.len()
                ));
            }
            Action::Compare(comparing) => state.comparison = comparing,
            Action::Status(message) => state.save_status = SaveStatus::Info(message),
            Action::DeleteFailed { reason } => {
                state.save_status = SaveStatus::Failed {
                    reason: format!("Your answers could not be deleted: {reason}"),
                };
            }
        }
        Rc::new(state)
    }
}
