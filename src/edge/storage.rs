//! `localStorage`, without panics.
//!
//! Browsers break storage in many ways: reading `window.localStorage` throws
//! when it is blocked (third-party iframe, cookies off, sandboxed frame),
//! `setItem` throws when the quota is full. Every call here returns a
//! `Result`, and the app keeps working in memory when storage fails.
//! (`gloo::storage::LocalStorage` panics in these cases, so it is not used.)

use wasm_bindgen::JsValue;
use web_sys::Storage;

/// Why storage could not be used, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageFault {
    /// The browser does not let this page use storage at all.
    Blocked(String),
    /// Reading or writing failed (for example, the quota is full).
    Failed(String),
}

impl StorageFault {
    pub fn detail(&self) -> &str {
        match self {
            StorageFault::Blocked(detail) | StorageFault::Failed(detail) => detail,
        }
    }
}

/// Prefix of every key this app writes, so "delete my data" finds them all.
pub const KEY_PREFIX: &str = "l5-selfcheck";

/// The start of every key of one instance (embed).
pub fn instance_prefix(instance: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/")
}

/// The key of the document for one instance (embed) and one ladder.
pub fn document_key(instance: &str, ladder: &str) -> String {
    format!("{KEY_PREFIX}/{instance}/{ladder}")
}

/// Where undecodable stored text is kept, never to be overwritten.
pub fn backup_key(instance: &str, ladder: &str, now_ms: u64) -> String {
    format!("{KEY_PREFIX}/{instance}/{ladder}/backup-{now_ms}")
}

fn describe(error: &JsValue) -> String {
    if let Some(name) = js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
    {
        let message = js_sys::Reflect::get(error, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .unwrap_or_default();
        return if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
    }
    error
        .as_string()
        .unwrap_or_else(|| "unknown error".to_string())
}

/// The page's `localStorage`, or why it cannot be had.
pub fn local_storage() -> Result<Storage, StorageFault> {
    let window = web_sys::window().ok_or_else(|| StorageFault::Blocked("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageFault::Blocked(
            "this browser offers no local storage".into(),
        )),
        Err(error) => Err(StorageFault::Blocked(describe(&error))),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageFault> {
    local_storage()?
        .get_item(key)
        .map_err(|error| StorageFault::Failed(describe(&error)))
}

pub fn write(key: &str, value: &str) -> Result<(), StorageFault> {
    local_storage()?
        .set_item(key, value)
        .map_err(|error| StorageFault::Failed(describe(&error)))
}

pub fn remove(key: &str) -> Result<(), StorageFault> {
    local_storage()?
        .remove_item(key)
        .map_err(|error| StorageFault::Failed(describe(&error)))
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageFault> {
    let storage = local_storage()?;
    let length = storage
        .length()
        .map_err(|error| StorageFault::Failed(describe(&error)))?;
    let mut keys = Vec::new();
    for index in 0..length {
        if let Ok(Some(key)) = storage.key(index) {
            if key.starts_with(prefix) {
                keys.push(key);
            }
        }
    }
    Ok(keys)
}
