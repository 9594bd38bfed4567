//! A person's actions on the open check: answers, notes, imports, the plan, names, the view kept beside it.

use super::*;

impl Engine {
    pub(super) fn act(
        &mut self,
        store: &dyn Store,
        now: u64,
        action: Action,
        effects: &mut Vec<Effect>,
    ) {
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
            Action::FocusEdit {
                id,
                step,
                due,
                helper,
            } => {
                // Only a focus being worked on: a done one keeps the day
                // it was done as its last change.
                if !state.document.focus_items().any(|item| item.id == id) {
                    return;
                }
                // Empty once hidden characters are gone, as it would be stored.
                if super::super::document::plain_line(&step, MAX_STEP_LEN).is_empty() {
                    state.notice = Some(Notice::error(
                        Place::Plan,
                        "Write a next step, or drop the focus.",
                    ));
                    effects.push(Effect::Focus(Focus::Notice));
                    return;
                }
                self.change_focus(id, now, effects, |item| {
                    item.step = step;
                    item.due = date_or_empty(&due);
                    item.helper = helper;
                });
            }
        }
    }

    /// Keeps a received view beside a check (opening it first when it is
    /// not the open one), replacing what was there, with Undo in the bar;
    /// then shows the agenda. Nothing else of the check changes.
    pub(super) fn attach(
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

    /// Marks a focus done or dropped, with Undo in the bar.
    pub(super) fn change_focus(
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

    /// Answers given on the prerendered page before the app ran: each is
    /// taken in as if given at its own time, through the same path as any
    /// answer (check-in baseline, a finished check kept), unless the check
    /// holds a later one: the later answer wins, as in every merge. They
    /// are the person's own; opened on another check, they wait in storage
    /// for the next visit, and they leave storage only once written.
    pub(super) fn take_early(
        &mut self,
        store: &dyn Store,
        now: u64,
        text: &str,
        effects: &mut Vec<Effect>,
    ) {
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
}

/// The names typed for the open check, checked: a check about someone
/// needs a name no other check of its kind here has, and says who rates
/// it (or nobody, left empty); one's own may leave the name out. Returns
/// the trimmed names or what is wrong, to show beside the form.
pub(super) fn valid_names(
    state: &State,
    subject: &str,
    rater: &str,
) -> Result<(String, Rater), String> {
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
