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
/// A new page starts at its top (`from_top`), so the sticky header never
/// hides the progress above the heading; a statement or a message is
/// brought into view where it is.
pub fn focus(root: &web_sys::Element, id: &str, from_top: bool) {
    let element = root
        .query_selector(&format!("[id=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    let Some(element) = element else {
        return;
    };
    if from_top {
        root.scroll_into_view_with_bool(true);
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    } else {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// Brings a just-opened confirmation into view and puts focus on its
/// first button.
pub fn focus_first_button(element: &web_sys::Element) {
    let button = element
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|button| button.dyn_into::<HtmlElement>().ok());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(button) = button {
        let _ = button.focus();
    }
}

/// Whether a media query matches now (for `use_media`).
pub fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.match_media(query).ok().flatten())
        .is_some_and(|list| list.matches())
}

/// Sets the browser tab's title (stand-alone page and iframe embed).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Whether the page is hidden (another tab, minimised, being closed).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// Shows a route in the address bar (a new history entry, so back returns).
pub fn set_hash(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href);
    }
}

/// Puts a route in the address in place of the current entry (a move the
/// app refused leaves no history entry behind).
pub fn replace_hash(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(href);
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

/// Tells the page the app has taken over (see assets/early.js): the
/// deep-link cover and the "opening" cue go.
pub fn mark_ready() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-l5-ready", "");
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("l5-ready");
        }
        let _ = root.remove_attribute("data-l5-deep");
        let _ = root.remove_attribute("data-l5-opening");
    }
}

/// Runs `then` once the browser is idle (or after a moment where it
/// cannot say when it is).
pub fn when_idle(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    let function = callback.unchecked_ref::<js_sys::Function>();
    if window.request_idle_callback(function).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 200);
    }
}

/// What assets/early.js kept of answers given on the prerendered page
/// before the app ran (also when storage is blocked), if anything.
pub fn early_answers() -> Option<String> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"l5EarlyAnswers".into())
        .ok()?
        .as_string()
}

/// The id of the element inside `root` that has focus (a radio button
/// chosen on the prerendered page), to give it focus again once the app
/// has replaced the page with the same markup.
pub fn focused_id(root: &web_sys::Element) -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    (root.contains(Some(&active)) && !active.id().is_empty()).then(|| active.id())
}

/// Focuses the element with `id` inside `root` where it is, without
/// scrolling.
pub fn refocus(root: &web_sys::Element, id: &str) {
    let element = root
        .query_selector(&format!("[id=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = element {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}
