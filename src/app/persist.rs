//! Loading and saving the document: core decoding joined to browser storage.
//! Only the shell calls this; components never touch storage.

use super::state::{Incoming, Persistence, Unreadable};
use crate::core::content::Ladder;
use crate::core::document::{DecodeError, Document};
use crate::edge::clock;
use crate::edge::storage::{self, StorageFault};
use std::rc::Rc;

pub struct Loaded {
    pub document: Document,
    pub persistence: Persistence,
    pub unreadable: Option<Unreadable>,
}

/// Reads this instance's document for `ladder`. Never fails: whatever goes
/// wrong, the person gets a usable document and an honest message.
pub fn load(instance: &str, ladder: &Ladder) -> Loaded {
    let key = storage::document_key(instance, &ladder.id);
    let fresh = || Document::new(&ladder.id, &ladder.version);
    let raw = match storage::read(&key) {
        Err(fault) => {
            return Loaded {
                document: fresh(),
                persistence: Persistence::InMemory {
                    reason: fault.detail().to_string(),
                },
                unreadable: None,
            }
        }
        Ok(None) => {
            return Loaded {
                document: fresh(),
                persistence: Persistence::Saving,
                unreadable: None,
            }
        }
        Ok(Some(raw)) => raw,
    };
    match decode_for(ladder, &raw) {
        Ok(document) => Loaded {
            document,
            persistence: Persistence::Saving,
            unreadable: None,
        },
        Err(DecodeError::Newer { schema, readable }) => Loaded {
            document: readable.map(|document| *document).unwrap_or_else(fresh),
            persistence: Persistence::ReadOnly { schema },
            unreadable: None,
        },
        Err(error) => {
            let unreadable = keep_unreadable(instance, ladder, &raw, &error.to_string());
            // Without a backup, writing would destroy the only copy: stay in memory.
            let persistence = match &unreadable.backup_key {
                Some(_) => Persistence::Saving,
                None => Persistence::InMemory {
                    reason: "your saved answers could not be read or backed up, so nothing is written over them".into(),
                },
            };
            Loaded {
                document: fresh(),
                persistence,
                unreadable: Some(unreadable),
            }
        }
    }
}

/// Decodes stored text and checks it belongs to this ladder.
fn decode_for(ladder: &Ladder, raw: &str) -> Result<Document, DecodeError> {
    let document = Document::decode(raw)?;
    if document.ladder != ladder.id {
        return Err(DecodeError::Invalid(format!(
            "it belongs to another ladder (\"{}\")",
            document.ladder
        )));
    }
    Ok(document)
}

/// Copies stored text we cannot read to a backup key, never overwritten.
fn keep_unreadable(instance: &str, ladder: &Ladder, raw: &str, why: &str) -> Unreadable {
    let backup = storage::backup_key(instance, &ladder.id, clock::now_ms());
    let copied = storage::write(&backup, raw).is_ok();
    Unreadable {
        why: why.to_string(),
        backup_key: copied.then_some(backup),
        raw: Rc::from(raw),
    }
}

/// Reads what another tab stored (`new_value` of a `storage` event).
/// Unreadable text is backed up first, so our next write loses nothing.
pub fn incoming(instance: &str, ladder: &Ladder, new_value: Option<String>) -> Option<Incoming> {
    let Some(raw) = new_value else {
        return Some(Incoming::Deleted);
    };
    match decode_for(ladder, &raw) {
        Ok(document) => Some(Incoming::Document(Box::new(document))),
        Err(DecodeError::Newer { schema, readable }) => Some(Incoming::Newer { schema, readable }),
        Err(error) => {
            keep_unreadable(instance, ladder, &raw, &error.to_string());
            None
        }
    }
}

pub fn save(instance: &str, document: &Document) -> Result<(), StorageFault> {
    storage::write(
        &storage::document_key(instance, &document.ladder),
        &document.encode(),
    )
}

/// Removes every key of this instance (all ladders, all backups).
pub fn delete_all(instance: &str) -> Result<usize, StorageFault> {
    let keys = storage::keys_with_prefix(&storage::instance_prefix(instance))?;
    for key in &keys {
        storage::remove(key)?;
    }
    Ok(keys.len())
}
