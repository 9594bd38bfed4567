//! Files: names, the backup of every check, and restoring one.

use super::*;

impl Engine {
    pub(super) fn file_name(
        &self,
        document: &Document,
        what: &str,
        extension: &str,
        now: u64,
    ) -> String {
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
    pub(super) fn backup(&self, store: &dyn Store, now: u64) -> Backup {
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
    pub(super) fn restore_backup(
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
