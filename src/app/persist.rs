//! Loading and saving the document: core decoding joined to browser storage.
//! Only `App` calls this; components never touch storage.

use super::state::Persistence;
use crate::core::content::Ladder;
use crate::core::document::{DecodeError, Document};
use crate::edge::{clock, storage};

pub struct Loaded {
    pub document: Document,
    pub persistence: Persistence,
    pub notice: Option<String>,
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
                notice: None,
            }
        }
        Ok(None) => {
            return Loaded {
                document: fresh(),
                persistence: Persistence::Saving,
                notice: None,
            }
        }
        Ok(Some(raw)) => raw,
    };
    match Document::decode(&raw) {
        Ok(document) if document.ladder == ladder.id => Loaded {
            document,
            persistence: Persistence::Saving,
            notice: None,
        },
        Ok(document) => keep_unreadable(
            instance,
            ladder,
            &raw,
            &format!("it belongs to another ladder (\"{}\")", document.ladder),
        ),
        Err(DecodeError::Newer { schema, readable }) => Loaded {
            document: readable.map(|document| *document).unwrap_or_else(fresh),
            persistence: Persistence::ReadOnly { schema },
            notice: None,
        },
        Err(error) => keep_unreadable(instance, ladder, &raw, &error.to_string()),
    }
}

/// Stored text we cannot read is copied to a backup key before anything
/// else is written, so it is never lost.
fn keep_unreadable(instance: &str, ladder: &Ladder, raw: &str, why: &str) -> Loaded {
    let backup = storage::backup_key(instance, &ladder.id, clock::now_ms());
    let document = Document::new(&ladder.id, &ladder.version);
    match storage::write(&backup, raw) {
        Ok(()) => Loaded {
            document,
            persistence: Persistence::Saving,
            notice: Some(format!(
                "Your saved answers could not be read: {why}. They are kept unchanged in this browser under \"{backup}\", and you are starting with a fresh check."
            )),
        },
        // Without a backup, writing would destroy the only copy: stay in memory.
        Err(fault) => Loaded {
            document,
            persistence: Persistence::InMemory {
                reason: format!(
                    "your saved answers could not be read ({why}) and could not be backed up ({}), so nothing is written over them",
                    fault.detail()
                ),
            },
            notice: None,
        },
    }
}

pub fn save(instance: &str, document: &Document) -> Result<(), storage::StorageFault> {
    storage::write(
        &storage::document_key(instance, &document.ladder),
        &document.encode(),
    )
}
