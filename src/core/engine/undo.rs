//! Changes that delete or replace, and their undo: delete all, a check deleted, restored or purged, and every undo on offer.

use super::*;

impl Engine {
    pub(super) fn push_undo(&mut self, undo: Undo) {
        let id = self.next_undo;
        self.next_undo += 1;
        Rc::make_mut(&mut self.state.undos).push(Pending { id, undo });
    }

    pub(super) fn take_undo(&mut self, id: u64) -> Option<Undo> {
        let undos = Rc::make_mut(&mut self.state.undos);
        let at = undos.iter().position(|p| p.id == id)?;
        Some(undos.remove(at).undo)
    }

    pub(super) fn undo(&mut self, store: &dyn Store, now: u64, id: u64, effects: &mut Vec<Effect>) {
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

    /// "Delete my data": every stored item of this embed, kept in the undo
    /// bar until the person keeps the deletion or leaves the page.
    pub(super) fn delete_all(&mut self, store: &dyn Store, now: u64, effects: &mut Vec<Effect>) {
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
            state.save_status = crate::core::state::SaveStatus::Idle;
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

    pub(super) fn change_check(
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
}

/// Writes back what a purge removed, where nothing was written since.
pub(super) fn put_back(
    store: &dyn Store,
    removed: &Removed,
) -> Result<(), crate::core::store::StoreFault> {
    for (key, value) in &removed.items {
        if store.read(key)?.is_none() {
            store.write(key, value)?;
        }
    }
    Ok(())
}
