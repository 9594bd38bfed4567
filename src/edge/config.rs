//! Reads embed settings from the mount element's `data-*` attributes and,
//! for the stand-alone page (the iframe embed), from the URL query.

use crate::core::config::{Config, SETTINGS};
use web_sys::Element;

/// Marks the element whose page URL may configure it (index.html's root).
/// A script embed ignores the host page's query, which is not ours.
pub const FROM_URL_ATTRIBUTE: &str = "data-config-from-url";
/// Lets the page address name a content file (off unless the deployer sets it).
pub const CONTENT_FROM_URL_ATTRIBUTE: &str = "data-content-from-url";

pub fn read(root: &Element) -> (Config, Vec<String>) {
    let attributes: Vec<(String, String)> = SETTINGS
        .iter()
        .filter_map(|name| {
            root.get_attribute(&format!("data-{name}"))
                .map(|value| (name.to_string(), value))
        })
        .collect();
    let mut query = Vec::new();
    if root.has_attribute(FROM_URL_ATTRIBUTE) {
        let search = web_sys::window()
            .and_then(|window| window.location().search().ok())
            .unwrap_or_default();
        if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
            for name in SETTINGS {
                if let Some(value) = params.get(name) {
                    query.push((name.to_string(), value));
                }
            }
        }
    }
    Config::from_page(
        attributes.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        query.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        root.has_attribute(CONTENT_FROM_URL_ATTRIBUTE),
    )
}
