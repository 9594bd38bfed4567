//! Loading and saving a document: storage joined to decoding and merging.
//! These are the decisions that keep answers from being lost, written
//! against the `Store` trait so they are tested natively (including the
//! model-based test of several tabs sharing one storage).
//!
//! Every write is read, merge, write: just before writing, the tab reads
//! the small marker stored beside the document. If another tab wrote since
//! this tab last looked, the marker differs; only then is the stored
//! document decoded and reconciled with this tab's copy (see
//! `document::reconcile`), so a write never overwrites what it has not
//! seen, and the common case costs one tiny read.
//!
//! Browsers do not make `localStorage` transactional across processes: two
//! tabs writing within the same few milliseconds can still race. The
//! `storage` event and the marker make that window small; this module
//! makes sure that whatever a tab has seen, it never drops.

use super::content::Ladder;
use super::document::plan::{merge_plans, PlanItem};
use super::document::{reconcile, Answers, DecodeError, Document};
use super::keys::DocKeys;
use super::store::{Store, StoreFault};
use std::rc::Rc;

/// Where answers go, as the person must be told.
#[derive(Debug, Clone, PartialEq)]
pub enum Persistence {
    /// Every change is written to this browser's storage.
    Saving,
    /// Storage cannot be used; answers live only in this page. When
    /// `retry`, the page tries again with the next change or when it is
    /// shown again (storage may have been freed); not when writing would
    /// destroy text that could not be read or backed up.
    InMemory { reason: String, retry: bool },
    /// A newer version of the app wrote the stored answers; nothing is
    /// written so its data survives.
    ReadOnly { schema: u64 },
    /// This check about someone was deleted in another tab; its answers
    /// are kept under "Deleted checks", and nothing is written here.
    CheckDeleted,
}

/// Stored text that could not be read, kept so the person can download it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub why: String,
    /// The backup key it was copied to.
    pub backup_key: Option<String>,
    pub raw: Rc<str>,
}

/// A document as loaded at start-up (or when a check is opened).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub document: Document,
    /// Answers that moved to a statement replacing the one they were given
    /// to (the ladder changed since they were stored).
    pub moved: usize,
    /// The marker read with it (`None` when nothing is stored).
    pub marker: Option<String>,
    pub persistence: Persistence,
    pub unreadable: Option<Unreadable>,
}

/// Decodes stored text and checks it belongs to this ladder. Answers to
/// statements this ladder says it replaces move to their successors.
pub fn decode_for(ladder: &Ladder, raw: &str) -> Result<Document, DecodeError> {
    decode_counting(ladder, raw).map(|(document, _)| document)
}

/// `decode_for`, and how many answers moved to a statement that replaces
/// the one they were given to.
fn decode_counting(ladder: &Ladder, raw: &str) -> Result<(Document, usize), DecodeError> {
    let mut document = Document::decode(raw)?;
    if document.ladder != ladder.id {
        return Err(DecodeError::Invalid(format!(
            "it belongs to another ladder (\"{}\")",
            document.ladder.chars().take(40).collect::<String>()
        )));
    }
    let moved = carry_over(ladder, &mut document);
    Ok((document, moved))
}

/// Moves answers given to an earlier statement to the statement that
/// replaces it (`replaces` in the content file), where the successor has
/// no answer of its own; anything else stays, as a retired answer. Times
/// are kept, so every tab moves them the same way. Returns how many of
/// the check's own answers moved.
pub fn carry_over(ladder: &Ladder, document: &mut Document) -> usize {
    // Answers were given on the document's content version: an id whose
    // meaning changed since carries over only from the version it names.
    let version = document.content_version.clone();
    let move_in = |answers: &mut Answers| {
        let mut moved = 0;
        for statement in &ladder.statements {
            for old in statement.replaces.iter().filter(|r| r.applies_to(&version)) {
                let old = &old.id;
                let free = answers.get(&statement.id).is_none_or(|a| a.is_cleared());
                if free && answers.get(old).is_some_and(|a| !a.is_cleared()) {
                    if let Some(answer) = answers.remove(old) {
                        answers.insert(statement.id.clone(), answer);
                        moved += 1;
                    }
                }
            }
        }
        moved
    };
    let moved = move_in(&mut document.answers);
    for snapshot in &mut document.snapshots {
        move_in(&mut snapshot.answers);
    }
    // The other view kept beside the check was answered on the same
    // ladder: its answers move the same way, so the 1:1 agenda still sets
    // both views side by side on the new statement.
    if let Some(beside) = &mut document.beside {
        move_in(&mut beside.answers);
    }
    moved
}

/// Copies stored text that cannot be read to a backup key, never to be
/// overwritten; a copy already there is reused, so reloads and other tabs'
/// writes do not pile up copies until storage is full. No key when even
/// the copy failed.
fn keep_unreadable(
    store: &dyn Store,
    keys: &DocKeys,
    raw: &str,
    why: &str,
    now: u64,
) -> Unreadable {
    let existing = store.keys(&keys.backup_prefix()).ok().and_then(|found| {
        found
            .into_iter()
            .find(|key| matches!(store.read(key), Ok(Some(text)) if text == raw))
    });
    let backup_key = existing.or_else(|| {
        let backup = keys.backup(now);
        store.write(&backup, raw).is_ok().then_some(backup)
    });
    Unreadable {
        why: why.to_string(),
        backup_key,
        raw: Rc::from(raw),
    }
}

fn in_memory(fault: &StoreFault) -> Persistence {
    Persistence::InMemory {
        reason: fault.detail().to_string(),
        retry: true,
    }
}

/// Without a backup copy, writing would destroy the only copy of what
/// could not be read: the page keeps answers in memory instead.
fn no_backup() -> Persistence {
    Persistence::InMemory {
        reason:
            "your saved answers could not be read or backed up, so nothing is written over them"
                .into(),
        retry: false,
    }
}

/// Reads one document. Never fails: whatever goes wrong, the person gets
/// a usable document and an honest message.
pub fn load(store: &dyn Store, keys: &DocKeys, ladder: &Ladder, now: u64) -> Loaded {
    let fresh = || Document::new(&ladder.id, &ladder.version);
    let failed = |fault: StoreFault| Loaded {
        document: fresh(),
        moved: 0,
        marker: None,
        persistence: in_memory(&fault),
        unreadable: None,
    };
    let marker = match store.read(&keys.marker) {
        Ok(marker) => marker,
        Err(fault) => return failed(fault),
    };
    let raw = match store.read(&keys.document) {
        Err(fault) => return failed(fault),
        Ok(None) => {
            // Deleted: remember when, so that writing again later keeps
            // older copies in other tabs from coming back.
            let mut document = fresh();
            document.cleared_before = marker.as_deref().and_then(deletion_time).unwrap_or(0);
            return Loaded {
                document,
                moved: 0,
                marker,
                persistence: Persistence::Saving,
                unreadable: None,
            };
        }
        Ok(Some(raw)) => raw,
    };
    match decode_counting(ladder, &raw) {
        Ok((document, moved)) => Loaded {
            document,
            moved,
            marker,
            persistence: Persistence::Saving,
            unreadable: None,
        },
        Err(DecodeError::Newer { schema, readable }) => Loaded {
            document: readable.map(|document| *document).unwrap_or_else(fresh),
            moved: 0,
            marker,
            persistence: Persistence::ReadOnly { schema },
            unreadable: None,
        },
        Err(error) => {
            let unreadable = keep_unreadable(store, keys, &raw, &error.to_string(), now);
            let persistence = match &unreadable.backup_key {
                Some(_) => Persistence::Saving,
                None => no_backup(),
            };
            Loaded {
                document: fresh(),
                moved: 0,
                marker,
                persistence,
                unreadable: Some(unreadable),
            }
        }
    }
}

/// The stored document, if there is one that can be read; writes nothing
/// (the backup reads every check kept here this way).
pub fn peek(store: &dyn Store, keys: &DocKeys, ladder: &Ladder) -> Option<Document> {
    let raw = store.read(&keys.document).ok()??;
    match decode_for(ladder, &raw) {
        Ok(document) => Some(document),
        Err(DecodeError::Newer { readable, .. }) => readable.map(|document| *document),
        Err(_) => None,
    }
}

/// What a tab brings to a sync.
pub struct SyncInput<'a> {
    /// This tab's copy.
    pub mine: &'a Rc<Document>,
    /// What this tab last read or wrote (the base of the three-way merge).
    pub base: &'a Rc<Document>,
    /// The marker this tab last read or wrote.
    pub marker: Option<&'a str>,
    /// Names this tab in the marker, so two tabs never write the same one.
    pub tab: &'a str,
    /// Decode what is stored even if the marker did not change (a
    /// `storage` event said something changed).
    pub force: bool,
    /// Whether answers given after another tab deleted the document write
    /// it again (the person's own check), or leave it deleted and come
    /// back as unsaved (a check about someone, kept under "Deleted
    /// checks", which writing would split in two).
    pub recreate: bool,
    pub now: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SyncOutcome {
    /// Storage holds `document` with `marker`: written by this tab
    /// (`wrote`), or read from it with nothing of ours to add.
    Stored {
        document: Rc<Document>,
        marker: Option<String>,
        wrote: bool,
        /// Another tab's changes were taken in.
        merged: bool,
        /// Oldest snapshots dropped to stay within the limit.
        trimmed: usize,
        /// Stored text that could not be read (now kept in a backup).
        unreadable: Option<Unreadable>,
    },
    /// Another tab deleted this document and this tab had nothing new to
    /// add, so it stays deleted.
    DeletedElsewhere {
        marker: Option<String>,
        deleted_at: Option<u64>,
    },
    /// A newer version of the app wrote the document: read-only from now.
    Newer {
        schema: u64,
        readable: Option<Box<Document>>,
    },
    /// Storage failed: answers stay in this page. `document` is this
    /// tab's copy, merged with what could be read.
    Failed {
        persistence: Persistence,
        document: Rc<Document>,
        unreadable: Option<Unreadable>,
    },
}

/// Brings this tab's copy and storage together: reads what changed,
/// merges, and writes when this tab has something storage lacks. Call it
/// only while the state may write (`State::writes`): in memory or
/// read-only, nothing is written. The state takes the outcome in
/// (`State::synced`) at once: nothing changes the copy in between.
pub fn sync(store: &dyn Store, keys: &DocKeys, ladder: &Ladder, input: &SyncInput) -> SyncOutcome {
    let failed = |fault: &StoreFault, document: &Document, unreadable: Option<Unreadable>| {
        SyncOutcome::Failed {
            persistence: in_memory(fault),
            document: Rc::new(document.clone()),
            unreadable,
        }
    };
    let stored_marker = match store.read(&keys.marker) {
        Ok(marker) => marker,
        Err(fault) => return failed(&fault, input.mine, None),
    };
    let changed = input.force || stored_marker.as_deref() != input.marker;
    let mut unreadable = None;
    let mut trimmed = 0;
    // What storage holds, as far as this tab can tell. Shared, not
    // copied: with a large document each copy costs on every answer.
    let stored: Option<Rc<Document>>;
    let merged = if !changed {
        stored = Some(Rc::clone(input.base));
        Rc::clone(input.mine)
    } else {
        stored = match store.read(&keys.document) {
            Err(fault) => return failed(&fault, input.mine, None),
            Ok(None) => None,
            Ok(Some(raw)) => match decode_for(ladder, &raw) {
                Ok(document) => Some(Rc::new(document)),
                Err(DecodeError::Newer { schema, readable }) => {
                    return SyncOutcome::Newer { schema, readable }
                }
                Err(error) => {
                    let kept = keep_unreadable(store, keys, &raw, &error.to_string(), input.now);
                    if kept.backup_key.is_none() {
                        return SyncOutcome::Failed {
                            persistence: no_backup(),
                            document: Rc::clone(input.mine),
                            unreadable: Some(kept),
                        };
                    }
                    unreadable = Some(kept);
                    None
                }
            },
        };
        // Deleted elsewhere: the key is gone, and the marker says when (or
        // this tab saw the document before).
        let deleted_at = stored_marker.as_deref().and_then(deletion_time);
        let deleted = stored.is_none()
            && unreadable.is_none()
            && (deleted_at.is_some() || input.marker.is_some());
        // Unreadable text is safe in its backup; merge with nothing.
        let base = (unreadable.is_none() && (stored.is_some() || deleted)).then_some(input.base);
        let (merged, reconciled) = reconcile(
            input.mine,
            stored.as_deref(),
            base.map(|b| &**b),
            deleted_at,
        );
        if deleted
            && (!input.recreate || merged.answers.given() == 0 && merged.snapshots.is_empty())
        {
            return SyncOutcome::DeletedElsewhere {
                marker: stored_marker,
                deleted_at,
            };
        }
        trimmed = reconciled.trimmed;
        Rc::new(merged)
    };
    let was_merged = changed && stored.as_ref().is_some_and(|s| !input.mine.same_content(s));
    // Write only what storage lacks. With nothing stored yet, an empty
    // document is not worth a key (visiting the start page writes nothing).
    let needs_write = match &stored {
        Some(stored) => !merged.same_content(stored),
        None => *merged != Document::new(&merged.ladder, &merged.content_version),
    };
    if !needs_write {
        // Nothing to add: take what storage holds, times included. A note
        // typed and erased again holds nothing new, and its fresh time
        // must not later win over a real change made elsewhere.
        let document = stored.unwrap_or(merged);
        return SyncOutcome::Stored {
            document,
            marker: stored_marker,
            wrote: false,
            merged: was_merged,
            trimmed,
            unreadable,
        };
    }
    // Unique to this write, even after a deletion restarts the revision.
    // Written before the document: if the document then fails to be
    // written, other tabs still see a change and read before they write.
    let marker = format!("{}.{}.{}", merged.revision, input.now, input.tab);
    // A document that would not decode is never written: say so instead.
    let text = match merged.checked_encode() {
        Ok(text) => text,
        Err(why) => {
            return failed(
                &StoreFault::Failed(format!("this change could not be stored ({why})")),
                &merged,
                unreadable,
            )
        }
    };
    if let Err(fault) = store
        .write(&keys.marker, &marker)
        .and_then(|()| store.write(&keys.document, &text))
    {
        return failed(&fault, &merged, unreadable);
    }
    SyncOutcome::Stored {
        document: merged,
        marker: Some(marker),
        wrote: true,
        merged: was_merged,
        trimmed,
        unreadable,
    }
}

/// The marker a deletion leaves: `deleted.<ms>`. It is all that remains
/// of a deleted document, so that a tab still open with an old copy knows
/// what to forget.
pub fn tombstone(now: u64) -> String {
    format!("deleted.{now}")
}

/// When the document was deleted, if the marker says so.
pub fn deletion_time(marker: &str) -> Option<u64> {
    marker.strip_prefix("deleted.")?.parse().ok()
}

/// What "delete my data" removed, kept for its undo while the page is open.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub at: u64,
    pub items: Vec<(String, String)>,
}

impl Removed {
    /// Items the person would count: documents, backups, preferences (not
    /// the markers kept beside documents).
    pub fn count(&self) -> usize {
        self.items
            .iter()
            .filter(|(k, _)| !k.ends_with("/rev"))
            .count()
    }
}

/// Removes every key that starts with `prefix` (one instance: all ladders,
/// checks, markers, backups), leaving only a tombstone marker per document.
/// Returns what was removed, so the deletion can be undone while the page
/// is open; if storage fails part-way, what was removed until then comes
/// with the fault, so that much can still be undone.
pub fn delete_all(
    store: &dyn Store,
    prefix: &str,
    now: u64,
) -> Result<Removed, (StoreFault, Removed)> {
    let mut removed = Removed {
        at: now,
        items: Vec::new(),
    };
    // Read everything before removing anything.
    let read = || -> Result<Vec<(String, String)>, StoreFault> {
        let mut items = Vec::new();
        for key in store.keys(prefix)? {
            if let Some(value) = store.read(&key)? {
                items.push((key, value));
            }
        }
        Ok(items)
    };
    let items = match read() {
        Ok(items) => items,
        Err(fault) => return Err((fault, removed)),
    };
    // Later than anything it deletes, even if this tab's clock is behind
    // the tab that wrote it: otherwise what it deleted could come back.
    // And later than an earlier deletion, so it clears all that one did.
    let now = items
        .iter()
        .filter_map(|(key, value)| {
            if key.ends_with("/rev") {
                deletion_time(value)
            } else {
                // A newer version's copy counts too, as far as it reads.
                match Document::decode(value) {
                    Ok(document) => Some(document.latest_time()),
                    Err(DecodeError::Newer { readable, .. }) => readable.map(|d| d.latest_time()),
                    Err(_) => None,
                }
            }
        })
        .map(|time| time.saturating_add(1))
        .fold(now, u64::max);
    removed.at = now;
    for (key, value) in items {
        if let Err(fault) = store.remove(&key) {
            return Err((fault, removed));
        }
        removed.items.push((key, value));
    }
    // Every document's marker becomes a tombstone (documents written by an
    // older version may have had no marker yet). A kept copy of a deleted
    // check is not a live document and gets none.
    for (key, value) in &removed.items {
        let marker = if key.ends_with("/rev") {
            key.clone()
        } else if !key.contains("/deleted/")
            && matches!(
                Document::decode(value),
                Ok(_) | Err(DecodeError::Newer { .. })
            )
        {
            format!("{key}/rev")
        } else {
            continue;
        };
        if let Err(fault) = store.write(&marker, &tombstone(now)) {
            return Err((fault, removed));
        }
    }
    Ok(removed)
}

/// Puts back what `delete_all` removed. Markers are rewritten so open tabs
/// notice.
pub fn restore_deleted(
    store: &dyn Store,
    removed: &Removed,
    now: u64,
    tab: &str,
) -> Result<(), StoreFault> {
    // A newer version of the app wrote here since: this version cannot
    // merge with that copy and never writes over it.
    for (key, _) in &removed.items {
        if let Some(raw) = store.read(key)? {
            if matches!(Document::decode(&raw), Err(DecodeError::Newer { .. })) {
                return Err(StoreFault::Failed(
                    "a newer version of this app has saved answers here since; undo there".into(),
                ));
            }
        }
    }
    for (key, value) in &removed.items {
        if key.ends_with("/rev") {
            continue;
        }
        let Ok(old) = Document::decode(value) else {
            // Not a document this version can merge: a backup, preferences,
            // or a newer version's copy. Put back unless written since; a
            // newer version's copy written over since is kept beside it as
            // a backup (anything else written since is newer than it).
            let newer = matches!(Document::decode(value), Err(DecodeError::Newer { .. }));
            match store.read(key)? {
                None => store.write(key, value)?,
                Some(current) if newer && current != *value => {
                    store.write(&format!("{key}/backup-{now}"), value)?
                }
                Some(_) => {}
            }
            continue;
        };
        let raw = store.read(key)?;
        let current = raw.as_deref().and_then(|raw| Document::decode(raw).ok());
        // Text written there since that cannot be read is kept as a
        // backup before the restored copy takes its place.
        if let (Some(raw), None) = (&raw, &current) {
            let prefix = format!("{key}/backup-");
            let kept = store
                .keys(&prefix)?
                .iter()
                .any(|backup| store.read(backup).ok().flatten().as_ref() == Some(raw));
            if !kept {
                store.write(&format!("{prefix}{now}"), raw)?;
            }
        }
        // A later deletion (another "delete my data" since this one) stays
        // done for what it deleted: the restored copy remembers it.
        let later = store
            .read(&format!("{key}/rev"))?
            .as_deref()
            .and_then(deletion_time)
            .into_iter()
            .chain(current.as_ref().map(|c| c.cleared_before))
            .max()
            .unwrap_or(0);
        let mut restored = bring_back(&old, current.as_ref(), removed.at.max(later), now);
        restored.cleared_before = restored.cleared_before.max(later);
        let text = restored.checked_encode().map_err(|why| {
            StoreFault::Failed(format!("the restored answers could not be stored ({why})"))
        })?;
        store.write(&format!("{key}/rev"), &format!("restored.{now}.{tab}"))?;
        store.write(key, &text)?;
    }
    Ok(())
}

/// A deleted document brought back over what was written in its place
/// since (`current`, if anything). The old answers come back stamped `now`,
/// so they win over copies that saw the deletion; anything given since the
/// deletion (a later rating or note) is kept over them, and so are
/// snapshots taken since.
pub fn bring_back(
    old: &Document,
    current: Option<&Document>,
    deleted_at: u64,
    now: u64,
) -> Document {
    // After the deletion and after anything written in its place, whatever
    // this clock says: the restored answers win over copies still open
    // elsewhere (what was given since is kept over them below).
    let now = now
        .max(deleted_at.saturating_add(1))
        .max(current.map_or(0, |c| c.latest_time().saturating_add(1)));
    let mut restored = old.clone();
    restored.answers = old.answers.brought_back(now);
    for item in &mut restored.plan {
        item.changed_at = now;
    }
    let mut replaced_since = None;
    if let Some(current) = current {
        // Entries cleared since, by a replace or its undo, are not
        // something the person gave: the old answers come back there.
        for (id, answer) in &current.answers {
            if !old.answers.contains_key(id) {
                // Only written since: keep it as it is (a cleared entry
                // included, so older copies elsewhere stay cleared).
                restored.answers.insert(id.clone(), answer.clone());
                continue;
            }
            let entry = restored.answers.entry(id);
            if answer.rating.is_some() && answer.rated_at > deleted_at {
                entry.rating = answer.rating;
                entry.rated_at = answer.rated_at;
            } else if entry.rating.is_none() {
                // Empty on both sides: it stays empty as of the latest
                // clearing, so an older answer elsewhere cannot return.
                entry.rated_at = entry.rated_at.max(answer.rated_at);
            }
            if !answer.note.is_empty() && answer.noted_at > deleted_at {
                entry.note = answer.note.clone();
                entry.noted_at = answer.noted_at;
            } else if entry.note.is_empty() {
                entry.noted_at = entry.noted_at.max(answer.noted_at);
            }
        }
        restored.add_snapshots(&current.snapshots, now);
        restored.plan = merge_plans(&restored.plan, &current.plan);
        // A focus added or changed since the deletion is kept over the one
        // brought back, as a rating or note given since is.
        for since in current
            .plan
            .iter()
            .filter(|item| item.changed_at > deleted_at)
        {
            if let Some(item) = restored.plan.iter_mut().find(|item| item.id == since.id) {
                *item = PlanItem {
                    changed_at: now,
                    ..since.clone()
                };
            }
        }
        replaced_since = current.replaced.clone();
    }
    // The undo from before the deletion; else one made since (if the copy
    // it needs is still here).
    if restored.replaced.is_none() {
        restored.replaced = replaced_since.filter(|r| restored.snapshot(r.kept).is_some());
    }
    restored.touch(now);
    restored
}
