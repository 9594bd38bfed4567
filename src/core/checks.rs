//! Checks about other people kept in this browser, beside the person's own:
//! listing, adding, deleting (with undo) and restoring. Each check is a
//! separate document under its own key (see `keys`), with the same safety
//! rules as the person's own.

use super::content::Ladder;
use super::document::{check_name, Document, Rater};
use super::keys::{check_id_in, checks_prefix, deleted_prefix, kept_key, CheckRef, DocKeys};
use super::state::CheckInfo;
use super::store::{Store, StoreFault};
use super::sync::{bring_back, decode_for, deletion_time, tombstone, Removed};

/// Every check about someone else (names sorted), and the deleted ones.
pub fn list(
    store: &dyn Store,
    instance: &str,
    ladder: &Ladder,
) -> Result<(Vec<CheckInfo>, Vec<CheckInfo>), StoreFault> {
    let read = |prefix: String| -> Result<Vec<CheckInfo>, StoreFault> {
        let mut found = Vec::new();
        for key in store.keys(&prefix)? {
            let Some(id) = check_id_in(&key, &prefix) else {
                continue;
            };
            let Some(raw) = store.read(&key)? else {
                continue;
            };
            // A check that cannot be read is still listed, so it can be
            // opened (and its text downloaded) or deleted.
            let info = match decode_for(ladder, &raw) {
                Ok(document) => CheckInfo {
                    id: id.to_string(),
                    name: document.subject.clone(),
                    self_check: document.rater == Rater::Subject,
                    answered: document.answers.rated(),
                    snapshots: document.snapshots.len(),
                    updated_at: document.updated_at,
                    document: Some(std::rc::Rc::new(document)),
                },
                Err(_) => CheckInfo {
                    id: id.to_string(),
                    name: String::new(),
                    self_check: false,
                    answered: 0,
                    snapshots: 0,
                    updated_at: 0,
                    document: None,
                },
            };
            found.push(info);
        }
        sort_by_name(&mut found);
        Ok(found)
    };
    Ok((
        read(checks_prefix(instance, &ladder.id))?,
        read(deleted_prefix(instance, &ladder.id))?,
    ))
}

/// Name order, ignoring case; an insertion sort (a handful of people, and
/// no std sort in the wasm).
fn sort_by_name(checks: &mut [CheckInfo]) {
    let key = |c: &CheckInfo| c.name.to_ascii_lowercase();
    for i in 1..checks.len() {
        let mut j = i;
        while j > 0 && key(&checks[j]) < key(&checks[j - 1]) {
            checks.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Checks a name for a new check: valid, and not the name of another
/// check of the same kind here (ignoring case): a view of Alex and Alex's
/// own self-check may sit side by side, two views of Alex may not.
/// Returns the trimmed name or the message.
pub fn check_new_name(
    name: &str,
    self_check: bool,
    existing: &[CheckInfo],
) -> Result<String, String> {
    let name = check_name(name).map_err(|why| format!("The name {why}."))?;
    if let Some(taken) = find(&name, self_check, existing) {
        return Err(format!(
            "There is already a check about \u{201c}{}\u{201d}. Open it from the list, or use another name.",
            taken.label()
        ));
    }
    Ok(name)
}

/// The check of this kind about `name` (ignoring the case of Latin
/// letters: the Unicode case tables would cost the widget more than
/// telling "zoë" from "ZOË" is worth), if there is one.
pub fn find<'a>(name: &str, self_check: bool, existing: &'a [CheckInfo]) -> Option<&'a CheckInfo> {
    existing
        .iter()
        .find(|c| c.self_check == self_check && c.name.eq_ignore_ascii_case(name))
}

/// A new, unused check id made from the time: ids end up in addresses,
/// names should not.
fn new_id(store: &dyn Store, instance: &str, ladder: &str, now: u64) -> Result<String, StoreFault> {
    let mut n = now;
    loop {
        let mut digits = Vec::new();
        let mut v = n;
        loop {
            digits.push(char::from_digit((v % 36) as u32, 36).unwrap_or('0'));
            v /= 36;
            if v == 0 {
                break;
            }
        }
        let id: String = std::iter::once('c')
            .chain(digits.into_iter().rev())
            .collect();
        let keys = DocKeys::new(instance, ladder, &CheckRef::Other(id.clone()));
        let deleted = kept_key(instance, ladder, &id);
        if store.read(&keys.document)?.is_none()
            && store.read(&keys.marker)?.is_none()
            && store.read(&deleted)?.is_none()
        {
            return Ok(id);
        }
        n += 1;
    }
}

fn store_fault(f: StoreFault) -> String {
    format!(
        "This browser did not let the page store the check ({}).",
        f.detail()
    )
}

/// Stores `document` as a new check, under a new id (returned).
fn store_new(
    store: &dyn Store,
    instance: &str,
    ladder: &str,
    document: &Document,
    now: u64,
) -> Result<String, String> {
    let id = new_id(store, instance, ladder, now).map_err(store_fault)?;
    let keys = DocKeys::new(instance, ladder, &CheckRef::Other(id.clone()));
    let text = document
        .checked_encode()
        .map_err(|why| format!("The check could not be stored: {why}."))?;
    store
        .write(&keys.marker, &format!("{}.{now}.new", document.revision))
        .and_then(|()| store.write(&keys.document, &text))
        .map_err(store_fault)?;
    Ok(id)
}

/// Adds a check about `name`, rated by `rater` (empty: unnamed), with
/// `answers_from` (an imported file) or empty. Returns its id.
pub fn add(
    store: &dyn Store,
    instance: &str,
    ladder: &Ladder,
    name: &str,
    rater: Rater,
    answers_from: Option<&Document>,
    now: u64,
) -> Result<String, String> {
    let (existing, _) = list(store, instance, ladder).map_err(store_fault)?;
    let name = check_new_name(name, rater == Rater::Subject, &existing)?;
    let mut document = match answers_from {
        Some(file) => {
            let mut document = file.clone();
            document.ladder = ladder.id.clone();
            document.replaced = None;
            document.cleared_before = 0;
            // Stamped now, like any import: the file's own times could be
            // from a clock ahead of this one, and would then win merges.
            document.answers = file.answers.without_cleared().restamped(now);
            document
        }
        None => Document::new(&ladder.id, &ladder.version),
    };
    document.subject = name;
    document.rater = rater;
    document.touch(now);
    store_new(store, instance, &ladder.id, &document, now)
}

/// Adds a check that comes whole from a backup: its answers, notes, plan,
/// history and 1:1 notes, with their own times (none later than now, in
/// case the other browser's clock ran ahead), so check-ins fall due as
/// they would have there. Returns its id.
pub fn add_copy(
    store: &dyn Store,
    instance: &str,
    ladder: &Ladder,
    from: &Document,
    now: u64,
) -> Result<String, String> {
    let mut document = from.clone();
    document.ladder = ladder.id.clone();
    document.replaced = None;
    document.cleared_before = 0;
    document.answers = from.answers.without_cleared().capped(now);
    for snapshot in &mut document.snapshots {
        snapshot.taken_at = snapshot.taken_at.min(now);
    }
    for item in &mut document.plan {
        item.changed_at = item.changed_at.min(now);
    }
    document.updated_at = document.updated_at.min(now);
    store_new(store, instance, &ladder.id, &document, now)
}

/// Takes back a check just added (the undo of restoring a backup): it
/// goes, and its marker says when, so a page still showing it reads it as
/// deleted rather than writing it back.
pub fn unadd(
    store: &dyn Store,
    instance: &str,
    ladder: &str,
    id: &str,
    now: u64,
) -> Result<(), StoreFault> {
    let keys = DocKeys::new(instance, ladder, &CheckRef::Other(id.to_string()));
    store.write(&keys.marker, &tombstone(now))?;
    store.remove(&keys.document)
}

/// Deletes a check from the list, keeping it under the deleted prefix so
/// the deletion can be undone (also after a reload). A tombstone marker
/// tells tabs that still show it.
pub fn delete(
    store: &dyn Store,
    instance: &str,
    ladder: &str,
    id: &str,
    now: u64,
) -> Result<(), StoreFault> {
    let keys = DocKeys::new(instance, ladder, &CheckRef::Other(id.to_string()));
    let kept_at = kept_key(instance, ladder, id);
    let mut now = now;
    if let Some(raw) = store.read(&keys.document)? {
        // The tombstone is later than anything in the check, whatever
        // this tab's clock says.
        if let Ok(document) = Document::decode(&raw) {
            now = now.max(document.latest_time().saturating_add(1));
        }
        // Deleted before (and written again since): keep both.
        let earlier = store
            .read(&kept_at)?
            .and_then(|kept| Document::decode(&kept).ok());
        let kept = match (earlier, Document::decode(&raw)) {
            (Some(mut earlier), Ok(mut now_stored)) => {
                // Two kept copies: neither's deletion clears the other.
                earlier.cleared_before = 0;
                now_stored.cleared_before = 0;
                earlier
                    .merge(&now_stored)
                    .checked_encode()
                    .unwrap_or(raw.clone())
            }
            _ => raw,
        };
        store.write(&kept_at, &kept)?;
    }
    store.write(&keys.marker, &tombstone(now))?;
    store.remove(&keys.document)
}

/// Puts a deleted check back in the list.
pub fn restore(
    store: &dyn Store,
    instance: &str,
    ladder: &str,
    id: &str,
    now: u64,
) -> Result<(), StoreFault> {
    let keys = DocKeys::new(instance, ladder, &CheckRef::Other(id.to_string()));
    let deleted = kept_key(instance, ladder, id);
    let Some(raw) = store.read(&deleted)? else {
        return Err(StoreFault::Failed(
            "that check is no longer kept in this browser".into(),
        ));
    };
    // Restored answers must win over copies that saw the deletion, and
    // what was written in its place since must stay.
    let text = match Document::decode(&raw) {
        Ok(old) => {
            let current = store
                .read(&keys.document)?
                .and_then(|text| Document::decode(&text).ok());
            let deleted_at = store
                .read(&keys.marker)?
                .as_deref()
                .and_then(deletion_time)
                .unwrap_or(0);
            bring_back(&old, current.as_ref(), deleted_at, now)
                .checked_encode()
                .map_err(|why| {
                    StoreFault::Failed(format!("the check could not be restored ({why})"))
                })?
        }
        Err(_) => raw,
    };
    store.write(&keys.marker, &format!("restored.{now}"))?;
    store.write(&keys.document, &text)?;
    store.remove(&deleted)
}

/// Removes a deleted check for good: its kept copy, marker and backups.
/// Returns what it removed, so the page can still undo it.
pub fn purge(
    store: &dyn Store,
    instance: &str,
    ladder: &str,
    id: &str,
) -> Result<Removed, StoreFault> {
    let keys = DocKeys::new(instance, ladder, &CheckRef::Other(id.to_string()));
    let mut names = vec![kept_key(instance, ladder, id)];
    names.extend(store.keys(&format!("{}/", keys.document))?);
    let mut removed = Removed {
        at: 0,
        items: Vec::new(),
    };
    for key in names {
        if let Some(value) = store.read(&key)? {
            store.remove(&key)?;
            removed.items.push((key, value));
        }
    }
    Ok(removed)
}

/// Where answers received from a file or a link belong, decided from whose
/// they are and which check is open, so the main action is the right one
/// and every button can name the check it acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pairing {
    /// The person's own answers from another browser (or a manager's own
    /// export of the check about the same person): replacing is the point.
    SameCheck,
    /// Another view of the person this check is about: kept beside it.
    Beside { check: CheckRef, name: String },
    /// Nobody here yet: a new check about them, with it beside.
    NewCheck { name: String },
}

/// Decides the pairing for `received`, with `open` the open check
/// (`open_document` its answers) and `checks` the checks about others.
pub fn pairing(
    received: &Document,
    open: &CheckRef,
    open_document: &Document,
    checks: &[CheckInfo],
) -> Pairing {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let about = &received.subject;
    let found = || {
        (!about.is_empty())
            .then(|| find(about, false, checks))
            .flatten()
            .map(|c| Pairing::Beside {
                check: CheckRef::Other(c.id.clone()),
                name: c.name.clone(),
            })
    };
    let open_pairing = || match open {
        CheckRef::Own => Pairing::Beside {
            check: CheckRef::Own,
            name: String::new(),
        },
        CheckRef::Other(id) => Pairing::Beside {
            check: open.clone(),
            name: checks
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| open_document.subject.clone(), |c| c.name.clone()),
        },
    };
    match (&received.rater, open) {
        // Their own self-check.
        (Rater::Subject, CheckRef::Own)
            if about.is_empty() || same(about, &open_document.subject) =>
        {
            Pairing::SameCheck
        }
        (Rater::Subject, CheckRef::Other(_))
            if open_document.rater != Rater::Subject
                && (about.is_empty() || same(about, &open_document.subject)) =>
        {
            open_pairing()
        }
        (Rater::Subject, _) => found().unwrap_or_else(|| Pairing::NewCheck {
            name: about.clone(),
        }),
        // Someone's view: the same rater about the same person is a copy
        // of the open check; a view of the person whose check is open goes
        // beside it.
        (Rater::Other { name }, CheckRef::Other(_))
            if same(about, &open_document.subject)
                && matches!(&open_document.rater, Rater::Other { name: mine } if same(mine, name)) =>
        {
            Pairing::SameCheck
        }
        // Someone's view of the person whose check is open (of oneself,
        // when one's own check has no name to tell).
        (Rater::Other { .. }, _)
            if about.is_empty()
                || same(about, &open_document.subject)
                || (*open == CheckRef::Own
                    && open_document.subject.is_empty()
                    && found().is_none()) =>
        {
            open_pairing()
        }
        (Rater::Other { .. }, _) => found().unwrap_or_else(|| Pairing::NewCheck {
            name: about.clone(),
        }),
    }
}
