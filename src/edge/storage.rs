//! `localStorage` as a `core::store::Store`, without panics.
//!
//! Browsers break storage in many ways: reading `window.localStorage` throws
//! when it is blocked (third-party iframe, cookies off, sandboxed frame),
//! `setItem` throws when the quota is full. Every call here returns a
//! `Result`, and the app keeps working in memory when storage fails.
//! (`gloo::storage::LocalStorage` panics in these cases, so it is not used.)

use crate::core::store::{Store, StoreFault};
use wasm_bindgen::JsValue;
use web_sys::Storage;

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
fn local_storage() -> Result<Storage, StoreFault> {
    let window = web_sys::window().ok_or_else(|| StoreFault::Blocked("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StoreFault::Blocked(
            "this browser offers no local storage".into(),
        )),
        Err(error) => Err(StoreFault::Blocked(describe(&error))),
    }
}

/// This browser's `localStorage`.
#[derive(Clone, Copy, Default)]
pub struct BrowserStore;

impl Store for BrowserStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFault> {
        local_storage()?
            .get_item(key)
            .map_err(|error| StoreFault::Failed(describe(&error)))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreFault> {
        local_storage()?
            .set_item(key, value)
            .map_err(|error| StoreFault::Failed(describe(&error)))
    }

    fn remove(&self, key: &str) -> Result<(), StoreFault> {
        local_storage()?
            .remove_item(key)
            .map_err(|error| StoreFault::Failed(describe(&error)))
    }

    fn keys(&self, prefix: &str) -> Result<Vec<String>, StoreFault> {
        let storage = local_storage()?;
        let length = storage
            .length()
            .map_err(|error| StoreFault::Failed(describe(&error)))?;
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
}
