//! The page around the app: the URL's hash, focus after navigation, print.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The current `location.hash`, or "" when it cannot be read.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Moves focus to an element by id (a page heading with `tabindex="-1"`)
/// inside `root`, so keyboard and screen-reader users land on the new
/// page. Searching the widget, not the document, works in a shadow root.
pub fn focus(root: &web_sys::Element, id: &str) {
    let element = root
        .query_selector(&format!("[id=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// Whether the layout has room for the contents beside the section (the
/// same breakpoint as the stylesheet's two-column layout).
pub fn is_wide() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media("(min-width: 52rem)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Whether the page is hidden (another tab, minimised, being closed).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// Today's date as YYYY-MM-DD, for file names.
pub fn today() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}

/// Shows a route in the address bar (a new history entry, so back returns).
pub fn set_hash(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href);
    }
}

/// This page's address without its fragment, to build share links.
pub fn url_without_hash() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Marks, for the benchmark, the moment the first statement can be
/// answered (`performance.getEntriesByName("l5-first-statement")`).
pub fn mark_first_statement(root: &web_sys::Element) {
    let ready = root
        .query_selector("input[type=radio]")
        .ok()
        .flatten()
        .is_some();
    if let (true, Some(performance)) = (ready, web_sys::window().and_then(|w| w.performance())) {
        if performance
            .get_entries_by_name("l5-first-statement")
            .length()
            == 0
        {
            let _ = performance.mark("l5-first-statement");
        }
    }
}

/// Opens the browser's print dialog (the results have a print stylesheet).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
