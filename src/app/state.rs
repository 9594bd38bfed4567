//! All app state in one reducer. `reduce` is pure: time comes in with the
//! action, and saving happens in `App` after the state changed.

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
    Saved { answered: usize },
    Failed { reason: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub ladder: Rc<Ladder>,
    pub document: Rc<Document>,
    pub persistence: Persistence,
    /// Something the person must know about their stored data.
    pub notice: Option<String>,
    pub save_status: SaveStatus,
    /// Whether the next save is the person's own change (an answer or a
    /// note) and so is announced as "Saved"; moving between pages is not.
    pub announce_save: bool,
    /// The revision read from storage at start-up (already saved).
    pub loaded_revision: u64,
    /// The page being shown, from the URL's hash.
    pub route: Route,
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
            }
        }
        self.route = route;
    }

    pub fn read_only(&self) -> bool {
        matches!(self.persistence, Persistence::ReadOnly { .. })
    }

    /// The check to show results and progress for: the one last taken.
    pub fn current_mode(&self) -> CheckMode {
        self.document.resume.mode.unwrap_or(CheckMode::Quick)
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
                if state.document.rating(&statement.id) == Some(rating) {
                    return self;
                }
                let id = statement.id.clone();
                Rc::make_mut(&mut state.document).set_rating(&id, rating, now);
                state.announce_save = true;
            }
            Action::Note {
                statement,
                text,
                now,
            } => {
                let Some(statement) = state.ladder.statements.get(statement) else {
                    return self;
                };
                let id = statement.id.clone();
                let before = state.document.revision;
                Rc::make_mut(&mut state.document).set_note(&id, &text, now);
                if state.document.revision == before {
                    return self;
                }
                state.announce_save = true;
            }
            Action::Navigate { route, now } => {
                if route == state.route {
                    return self;
                }
                state.announce_save = false;
                state.enter(route, now);
            }
            Action::Saved { revision } => {
                if revision != state.document.revision || !state.announce_save {
                    return self;
                }
                state.save_status = SaveStatus::Saved {
                    answered: state.answered(),
                };
            }
            Action::SaveFailed { reason } => {
                state.save_status = SaveStatus::Failed {
                    reason: reason.clone(),
                };
                state.persistence = Persistence::InMemory { reason };
            }
        }
        Rc::new(state)
    }
}
