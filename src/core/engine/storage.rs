//! Reading and writing this check's storage, and the preferences beside it: the one place the engine's own writes go through (`core::sync` holds the merge and the deletion).

use super::*;

impl Engine {
    /// Every change is written at once; a typed note within
    /// `NOTE_SAVE_DELAY_MS` (or when the page hides), so typing is not a
    /// write per key.
    pub(super) fn autosave(&mut self, store: &dyn Store, now: u64, effects: &mut Vec<Effect>) {
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
    pub(super) fn flush(&mut self, store: &dyn Store, now: u64, effects: &mut Vec<Effect>) {
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
    pub(super) fn sync(&mut self, store: &dyn Store, now: u64, force: bool) {
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
    pub(super) fn catch_up(&mut self, store: &dyn Store, now: u64) {
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
    pub(super) fn wake(&mut self, store: &dyn Store, now: u64, force: bool) {
        if self.state.persistence == Persistence::CheckDeleted {
            self.reopen_if_restored(store, now);
        } else {
            self.sync(store, now, force);
        }
        self.refresh_checks(store);
    }

    pub(super) fn reopen_if_restored(&mut self, store: &dyn Store, now: u64) {
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

    pub(super) fn refresh_checks(&mut self, store: &dyn Store) {
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

    /// The rater's name, remembered for the next check added here.
    pub(super) fn remember_rater(&mut self, store: &dyn Store, name: &str) {
        let name = safe_name(name);
        if !name.is_empty() && name != self.state.rater_name {
            self.state.rater_name = name;
            write_prefs(store, &self.widget.instance, &self.state.rater_name);
        }
    }
}

/// Small preferences of this browser: the rater's name for the next
/// check. Stored at all means the answer key was seen.
#[derive(Debug, Default)]
pub(super) struct Prefs {
    pub(super) rater: String,
}

/// The preferences, when any were stored (a value from an older version
/// holds only the flag).
pub(super) fn read_prefs(store: &dyn Store, instance: &str) -> Option<Prefs> {
    let text = store.read(&prefs_key(instance)).ok().flatten()?;
    let rater = match crate::core::fields::parse_json(&text).map(|v| v.get("rater").cloned()) {
        Ok(Some(crate::core::fields::Value::String(name))) => safe_name(&name),
        _ => String::new(),
    };
    Some(Prefs { rater })
}

/// A display preference: losing it costs nothing, so a failure is ignored.
pub(super) fn write_prefs(store: &dyn Store, instance: &str, rater: &str) {
    // `{"rater": "…"}`, the name written as a JSON string.
    let name = serde_json::to_string(rater).unwrap_or_default();
    let _ = store.write(&prefs_key(instance), &format!("{{\"rater\":{name}}}"));
}

/// Versions before 0.3 kept the answer key's flag under `…/ui`, where a
/// ladder with the id `ui` keeps its answers now: the flag moves to
/// `~prefs` (only that exact value; a document there is left alone).
pub(super) fn move_legacy_prefs(store: &dyn Store, instance: &str) {
    let legacy = legacy_prefs_key(instance);
    if matches!(store.read(&legacy), Ok(Some(value)) if value == LEGACY_KEY_SEEN)
        && store.write(&prefs_key(instance), LEGACY_KEY_SEEN).is_ok()
    {
        let _ = store.remove(&legacy);
    }
}
