//! Moving between pages and checks: what a move writes first, when it is refused, and what the address and title say after it.

use super::*;

impl Engine {
    /// Whether leaving the open check would drop answers: they live only
    /// in this page (storage failed) or could not be written.
    pub(super) fn would_lose_answers(&self) -> bool {
        self.state.unsaved.is_some()
            || matches!(self.state.persistence, Persistence::InMemory { .. })
                && !self.state.document.same_content(&self.state.synced)
    }

    /// Goes to a page of this check, or opens another check there. Pending
    /// changes are written first; if they cannot be, the switch is refused
    /// and the address goes back, so nothing is dropped.
    pub(super) fn go(
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
    pub(super) fn exists(&self, store: &dyn Store, check: &CheckRef) -> bool {
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
    pub(super) fn after_move(
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
        // A message beside a control of the page left ("Added to the
        // plan.") does not follow the person; news at the top does.
        if self
            .state
            .notice
            .as_ref()
            .is_some_and(|n| !matches!(n.place, Place::Top | Place::Undo))
        {
            self.state.notice = None;
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

    pub(super) fn refresh_after_move(&mut self, store: &dyn Store, moved_check: bool) {
        // The switcher shows each check's count of answers: read it again
        // when it shows.
        if moved_check || self.state.route == Route::Start {
            self.refresh_checks(store);
        }
    }

    /// The browser tab says whose check is open: on a page of its own
    /// (or an iframe); a script embed leaves the host page's title alone.
    pub(super) fn title_effect(&mut self, effects: &mut Vec<Effect>) {
        if !self.widget.hash_routing {
            return;
        }
        let title = self.state.page_title();
        if title != self.title {
            self.title = title.clone();
            effects.push(Effect::Title(title));
        }
    }
}

/// The page for a link to a check that is not in this browser.
pub(super) fn missing_check(check: &CheckRef, route: &Route) -> Route {
    Route::NotFound {
        path: route.href(check).trim_start_matches("#/").to_string(),
    }
}
