//! Where things live in storage. One instance (embed) owns every key that
//! starts with its prefix, so "delete my data" finds them all:
//!
//! - `l5-selfcheck/<instance>/<ladder>`: the person's own self-check
//!   (where it has always been);
//! - `l5-selfcheck/<instance>/<ladder>/check/<id>`: a check about someone
//!   else;
//! - `<document key>/rev`: a marker rewritten with every write, so a tab
//!   can tell cheaply whether another tab wrote since it last looked;
//! - `<document key>/backup-<ms>`: stored text that could not be read,
//!   kept untouched;
//! - `l5-selfcheck/<instance>/<ladder>/deleted/<id>`: a deleted check,
//!   kept so the deletion can be undone;
//! - `l5-selfcheck/<instance>/~prefs`: small display preferences;
//! - `l5-selfcheck/<instance>/~early`: answers given on a prerendered
//!   check page before the app ran (written by assets/early.js), until the
//!   engine has taken them into the person's own check.
//!
//! Keys are unambiguous: ids (instances, ladders, checks) are made of
//! `[a-z0-9._-]` and never hold a `/`; the third segment is a ladder id,
//! `~prefs` or `~early`, which no id can spell; deeper segments are fixed words
//! (`rev`, `backup-<ms>`, `check`, `deleted`) or an id right after `check`
//! or `deleted`. A test builds every kind of key for arbitrary ids and
//! finds no two alike. Versions before 0.3 kept the preferences under
//! `…/ui`, which a ladder with the id `ui` uses now: the old flag moves
//! to `~prefs` the first time the page opens.

/// Prefix of every key this app writes.
pub const KEY_PREFIX: &str = "l5-selfcheck";

/// What earlier versions wrote under `…/ui` to remember the answer key
/// was seen.
pub const LEGACY_KEY_SEEN: &str = "key-seen";

/// The start of every key of one instance (embed).
pub fn instance_prefix(instance: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/")
}

/// Which check a document belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CheckRef {
    /// The person's own self-check.
    #[default]
    Own,
    /// A check about someone else, by its id (not their name: ids end up
    /// in addresses and history, names should not).
    Other(String),
}

/// The keys of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocKeys {
    pub document: String,
    pub marker: String,
}

impl DocKeys {
    pub fn new(instance: &str, ladder: &str, check: &CheckRef) -> DocKeys {
        let document = match check {
            CheckRef::Own => format!("{KEY_PREFIX}/{instance}/{ladder}"),
            CheckRef::Other(id) => format!("{KEY_PREFIX}/{instance}/{ladder}/check/{id}"),
        };
        DocKeys {
            marker: format!("{document}/rev"),
            document,
        }
    }

    /// Where undecodable stored text is kept, never to be overwritten.
    pub fn backup(&self, now_ms: u64) -> String {
        format!("{}{now_ms}", self.backup_prefix())
    }

    /// The start of every backup key of this document.
    pub fn backup_prefix(&self) -> String {
        format!("{}/backup-", self.document)
    }
}

/// The prefix under which checks about other people are stored.
pub fn checks_prefix(instance: &str, ladder: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/{ladder}/check/")
}

/// Where a deleted check waits, so that its deletion can be undone.
pub fn deleted_prefix(instance: &str, ladder: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/{ladder}/deleted/")
}

/// The check id in a key under `prefix`, if the key is a document there
/// (not its marker or a backup).
pub fn check_id_in<'a>(key: &'a str, prefix: &str) -> Option<&'a str> {
    key.strip_prefix(prefix).filter(|rest| !rest.contains('/'))
}

/// Display preferences of one instance.
pub fn prefs_key(instance: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/~prefs")
}

/// Answers given before the app ran, waiting for the engine.
pub fn early_key(instance: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/~early")
}

/// Where versions before 0.3 kept the preferences (moved, never written).
pub fn legacy_prefs_key(instance: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/ui")
}

/// Where a deleted check is kept, so its deletion can be undone.
pub fn kept_key(instance: &str, ladder: &str, id: &str) -> String {
    format!("{}{id}", deleted_prefix(instance, ladder))
}
