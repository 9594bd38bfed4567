//! What the pages render (`State`) and what a person can do (`Action`).
//! The engine (`core::engine`) owns the state and changes it; pages read
//! it and dispatch actions. Pure: nothing here touches storage.

use super::content::Ladder;
use super::document::plan::PlanItem;
use super::document::{
    Answers, Beside, CheckMode, Document, Rater, Rating, Snapshot, SnapshotKind,
};
use super::exchange::{Backup, Contents};
use super::keys::CheckRef;
use super::route::Route;
use super::sync::{Loaded, Persistence, Removed, SyncOutcome, Unreadable};
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
    /// The delete controls.
    Delete,
    /// The list of checks about other people (added, deleted, restored).
    Checks,
    /// Import, share-link answers, restore.
    Replace,
    /// The plan on the start page and the results.
    Plan,
    /// The undo bar: what an undo did.
    Undo,
    /// The names form: saved, or what is wrong with a name.
    Names,
}

/// A week in milliseconds: check-ins are counted in weeks.
pub const WEEK_MS: u64 = 7 * 24 * 3_600_000;

/// A check-in on offer (see `State::check_in_due`).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInDue {
    pub answered_at: u64,
    pub weeks: u64,
    pub mode: CheckMode,
    pub start: Route,
}

/// A check-in as the check pages show it (`State::check_in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckIn {
    /// When the answers it compares with were given (or kept).
    pub since: u64,
    /// Whether they are kept as a snapshot yet ("What moved" can open).
    pub kept: bool,
    /// Answers rated differently since.
    pub changed: usize,
}

/// A message shown next to its control.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub place: Place,
    pub text: String,
    /// An error rather than news.
    pub error: bool,
}

impl Notice {
    pub fn new(place: Place, text: impl Into<String>) -> Notice {
        Notice {
            place,
            text: text.into(),
            error: false,
        }
    }

    pub fn error(place: Place, text: impl Into<String>) -> Notice {
        Notice {
            place,
            text: text.into(),
            error: true,
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
    pub snapshots: usize,
    pub updated_at: u64,
    /// The check as read, for the team table; `None` when it cannot be read.
    pub document: Option<Rc<Document>>,
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

/// A check to add about someone.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCheck {
    pub name: String,
    /// Who rated (a manager adding a view of someone, or a file's rater).
    pub rater: Rater,
    /// Answers to start from (an imported file).
    pub from: Option<Rc<Document>>,
    /// A view to keep beside it from the start (their own self-check).
    pub beside: Option<Box<Beside>>,
    /// Where to go in the new check.
    pub then: Route,
}

/// What can be done to a check about someone: the kind of a change is a
/// type, never a string matched at the last moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckChange {
    /// Out of the list, kept under "Deleted checks" (undoable).
    Delete,
    /// Back into the list.
    Restore,
    /// Removed for good (undoable until the page closes).
    Purge,
}

/// A change that replaced or deleted data and can still be undone. Held
/// as state and shown in the undo bar until the person keeps the change
/// or leaves the page; other messages never take it away.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// "Delete my data": everything this embed stored.
    DeleteAll(Rc<Removed>),
    /// A check about someone moved to "Deleted checks".
    DeleteCheck { id: String, name: String },
    /// A deleted check removed for good: what it held.
    Purge { name: String, removed: Rc<Removed> },
    /// A plan item marked done or dropped: how it was before.
    Plan { check: CheckRef, before: PlanItem },
    /// Checks added from a backup: (id, name) of each.
    Restored { added: Vec<(String, String)> },
    /// A view kept beside a check, replacing what was there (or nothing).
    Beside {
        check: CheckRef,
        before: Option<Beside>,
        /// What the undo bar says was kept, e.g. "Sam Rivera's self-check".
        what: String,
    },
}

/// The ladder changed since the open check's answers were stored: what
/// that did to them, said once on the start page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderUpdate {
    /// The content version the answers were stored with.
    pub from: String,
    /// Answers that moved to a statement replacing the one they answered.
    pub moved: usize,
    /// Answers to statements no longer asked, kept as retired.
    pub retired: usize,
}

impl LadderUpdate {
    /// What changed for a check just loaded, if the ladder did.
    pub fn of(ladder: &Ladder, loaded: &Loaded) -> Option<LadderUpdate> {
        let document = &loaded.document;
        (document.content_version != ladder.version && document.answers.given() > 0).then(|| {
            LadderUpdate {
                from: document.content_version.clone(),
                moved: loaded.moved,
                retired: super::scoring::retired(ladder, document).len(),
            }
        })
    }
}

/// An undo on offer, with an id the bar's buttons name.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub id: u64,
    pub undo: Undo,
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
    /// The name the person gave as the one rating, remembered in this
    /// browser for the next check they add.
    pub rater_name: String,
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
    /// Answers this tab holds that will not be written (a newer version
    /// took over, or the check was deleted elsewhere): offered as a file.
    pub unsaved: Option<Rc<Document>>,
    pub save_status: SaveStatus,
    pub notice: Option<Notice>,
    pub last_change: Change,
    /// The page being shown.
    pub route: Route,
    /// Changes that can still be undone, oldest first.
    pub undos: Rc<Vec<Pending>>,
    /// The ladder changed since the open check's answers were stored.
    pub ladder_update: Option<LadderUpdate>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Rate {
        statement: usize,
        rating: Rating,
    },
    Note {
        statement: usize,
        text: String,
    },
    /// Replace the answers (after the person confirmed a preview), keeping
    /// the current ones so the replace can be undone.
    Replace {
        answers: Answers,
        /// Snapshots to bring along (the person's own history from another
        /// browser); empty for someone else's file.
        snapshots: Vec<Snapshot>,
        /// The plan to bring along (the person's own), or none.
        plan: Option<Vec<PlanItem>>,
        /// What replaces them, e.g. "importing “x.json”".
        what: String,
    },
    /// Undo the last replace.
    UndoReplace,
    /// Keep the replaced answers: stop offering the undo (the earlier
    /// answers stay in the history).
    KeepReplaced,
    /// Keep a dated copy of the answers.
    Snapshot,
    /// Keep this view beside a check (opening that check), replacing the
    /// one there, with undo.
    Attach {
        beside: Box<Beside>,
        to: CheckRef,
    },
    /// The 1:1 notes as typed (saved like a statement's note).
    AgendaNotes(String),
    /// Show a message next to a control.
    Notify(Notice),
    /// Every stored item of this embed, after the person confirmed.
    DeleteAll,
    AddCheck(NewCheck),
    /// Delete, restore or purge the check with this id.
    ChangeCheck {
        id: String,
        change: CheckChange,
    },
    /// Undo the pending change with this id.
    Undo(u64),
    /// Keep the pending change with this id: its undo goes.
    Keep(u64),
    /// Names in the open check, as typed: whom it is about and, for a
    /// check about someone, who rates (empty leaves a name out). The
    /// engine checks them and says what is wrong.
    Names {
        subject: String,
        rater: String,
    },
    /// Makes a statement a focus of the plan, with its next step.
    Focus {
        statement: usize,
        step: String,
        /// By when (`2027-01-31`), or empty.
        due: String,
        /// Who could help, or empty.
        helper: String,
        /// Where it came from ("Agreed in the 1:1 of 2026-12-02"), or empty.
        origin: String,
    },
    /// A focus is done: what happened (evidence for the next check).
    FocusDone {
        id: u64,
        outcome: String,
    },
    /// A focus is dropped.
    FocusDrop {
        id: u64,
    },
    /// A focus being worked on gets a new next step, date or helper, as
    /// typed (an empty date or helper leaves it out); Undo puts it back.
    FocusEdit {
        id: u64,
        step: String,
        due: String,
        helper: String,
    },
    /// A file of the open check that carries what the person chose.
    ExportCheck(Contents),
    /// A file of every check kept in this browser.
    ExportBackup,
    /// The person has read that the ladder changed: the check is marked as
    /// answered against this version.
    SeenLadderUpdate,
    /// Every check of a backup: the own check's answers replaced (undoable
    /// like any replace), the checks about others not here added (undoable
    /// while the page is open); checks about others already here stay as
    /// they are.
    RestoreBackup(Box<Backup>),
}

impl State {
    /// A state for a freshly loaded document of the person's own check.
    pub fn new(ladder: Rc<Ladder>, loaded: Loaded, route: Route) -> State {
        let ladder_update = LadderUpdate::of(&ladder, &loaded);
        let document = Rc::new(loaded.document);
        State {
            ladder_update,
            ladder,
            check: CheckRef::Own,
            checks: Rc::default(),
            deleted_checks: Rc::default(),
            offset: 0,
            key_seen: false,
            rater_name: String::new(),
            key_open: true,
            synced: document.clone(),
            document,
            marker: loaded.marker,
            persistence: loaded.persistence,
            unreadable: loaded.unreadable,
            unsaved: None,
            save_status: SaveStatus::Idle,
            notice: None,
            last_change: Change::Other,
            route,
            undos: Rc::default(),
        }
    }

    pub fn answered(&self) -> usize {
        self.ladder.rated(&self.document.answers)
    }

    pub fn writes(&self) -> bool {
        self.persistence == Persistence::Saving
    }

    /// Nothing here can change: a newer version's data, or a check deleted
    /// in another tab.
    pub fn read_only(&self) -> bool {
        matches!(
            self.persistence,
            Persistence::ReadOnly { .. } | Persistence::CheckDeleted
        )
    }

    /// Storage failed here, and trying again is safe.
    pub fn may_retry(&self) -> bool {
        matches!(self.persistence, Persistence::InMemory { retry: true, .. })
    }

    /// Whether this tab holds changes storage does not have yet (and may
    /// try to write them).
    pub fn needs_sync(&self) -> bool {
        (self.writes() || self.may_retry()) && !Rc::ptr_eq(&self.document, &self.synced)
    }

    /// The check to show results and progress for: the one last taken.
    pub fn current_mode(&self) -> CheckMode {
        self.document.resume.mode.unwrap_or(CheckMode::Quick)
    }

    /// The moment "What moved" compares with: the last finished check or
    /// check-in baseline, when an answer changed since.
    pub fn moved_since(&self) -> Option<u64> {
        self.document
            .last_baseline()
            .filter(|b| {
                !b.answers
                    .same_answers(&self.document.answers.without_cleared())
            })
            .map(|b| b.taken_at)
    }

    /// A check-in due or under way, for the check pages to say so: the
    /// time of the answers it compares with, whether they are kept yet
    /// (the baseline is kept at the first change), and how many answers
    /// changed since. It ends when the check is finished.
    pub fn check_in(&self, now: u64, interval_weeks: u32) -> Option<CheckIn> {
        if let Some(due) = self.check_in_due(now, interval_weeks) {
            return Some(CheckIn {
                since: due.answered_at,
                kept: false,
                changed: 0,
            });
        }
        let baseline = self
            .document
            .last_baseline()
            .filter(|b| b.kind() == SnapshotKind::Baseline)?;
        let changed = self
            .document
            .answers
            .iter()
            .filter(|(id, answer)| {
                !answer.is_cleared()
                    && baseline.answers.get(id).map(|b| b.rating) != Some(answer.rating)
            })
            .count();
        Some(CheckIn {
            since: baseline.taken_at,
            kept: true,
            changed,
        })
    }

    /// What "Delete…" on the open check's page does: one's own check
    /// goes with everything this embed stores ("delete my data"); a check
    /// about someone goes under "Deleted checks". Both can be undone.
    pub fn delete_open_check(&self) -> Action {
        match &self.check {
            CheckRef::Own => Action::DeleteAll,
            CheckRef::Other(id) => Action::ChangeCheck {
                id: id.clone(),
                change: CheckChange::Delete,
            },
        }
    }

    /// The last replace of the answers, while its Undo is on offer: not
    /// on a page that cannot write (a newer version holds the check).
    pub fn replace_undo(&self) -> Option<&super::document::Replaced> {
        self.document
            .replaced
            .as_ref()
            .filter(|_| !self.read_only())
    }

    /// A check-in, when the answers were last given at least
    /// `interval_weeks` ago: when that was, how many weeks ago (to the
    /// nearest), and
    /// where going through them again starts (the check last used). The
    /// engine keeps the baseline at the first change after that gap.
    pub fn check_in_due(&self, now: u64, interval_weeks: u32) -> Option<CheckInDue> {
        let answered_at = self.document.answered_at();
        let elapsed = now.saturating_sub(answered_at);
        if answered_at == 0 || elapsed < u64::from(interval_weeks) * WEEK_MS {
            return None;
        }
        // Said to the nearest week: 62.9 days is "9 weeks ago".
        let weeks = (elapsed + WEEK_MS / 2) / WEEK_MS;
        let mode = self.current_mode();
        let start = match mode {
            CheckMode::Quick => Route::Quick { section: None },
            CheckMode::Full => Route::check(&self.ladder.sections.first()?.id),
        };
        Some(CheckInDue {
            answered_at,
            weeks,
            mode,
            start,
        })
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

    /// How sentences name the open check: "your self-check", "the check
    /// about Sam Rivera".
    pub fn check_phrase(&self) -> String {
        match &self.check {
            CheckRef::Own => "your self-check".to_string(),
            CheckRef::Other(_) => format!("the check about {}", self.check_name()),
        }
    }

    /// The browser tab's title: whose check, and the ladder.
    pub fn page_title(&self) -> String {
        match &self.check {
            CheckRef::Own => format!("{} self-check", self.ladder.title),
            CheckRef::Other(_) => format!("{} \u{2014} {}", self.check_name(), self.ladder.title),
        }
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
    pub fn fresh_document(&self, deleted_at: u64) -> Rc<Document> {
        let mut document = Document::new(&self.ladder.id, &self.ladder.version);
        document.cleared_before = deleted_at;
        Rc::new(document)
    }

    /// Takes in the result of a sync.
    pub fn synced(&mut self, outcome: SyncOutcome) {
        match outcome {
            SyncOutcome::Stored {
                document,
                marker,
                wrote,
                merged,
                trimmed,
                unreadable,
            } => {
                self.document = document.clone();
                self.synced = document;
                self.marker = marker;
                if wrote && self.last_change != Change::Other {
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
                if !self.document.same_content(&self.synced) {
                    self.unsaved = Some(self.document.clone());
                }
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
                // What this tab had not written yet is not dropped without
                // a word: it stays on offer as a download.
                if !self.document.same_content(&self.synced) {
                    self.unsaved = Some(self.document.clone());
                }
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
                self.document = document;
                self.persistence = persistence;
                self.save_status = SaveStatus::Failed;
                if unreadable.is_some() {
                    self.unreadable = unreadable;
                }
            }
        }
    }

    /// Takes in a document just loaded for `check`, shown at `route`.
    pub fn open(&mut self, check: CheckRef, loaded: Loaded, route: Route, now: u64) {
        self.ladder_update = LadderUpdate::of(&self.ladder, &loaded);
        let document = Rc::new(loaded.document);
        self.check = check;
        self.synced = document.clone();
        self.document = document;
        self.marker = loaded.marker;
        self.persistence = loaded.persistence;
        self.unreadable = loaded.unreadable;
        self.unsaved = None;
        self.save_status = SaveStatus::Idle;
        self.notice = None;
        self.last_change = Change::Other;
        self.route = Route::Start;
        self.enter(route, now);
    }
}
