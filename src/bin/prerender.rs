//! Writes the first screen into the release build, with the same
//! components the browser runs (see `app::prerender`):
//!
//! - `index.html`: the start page and the quick check, as a first-time
//!   visitor's app renders them, inside the widget's root element (early.js
//!   shows the quick check for `#/quick`, answerable before the app runs),
//!   the ladder's id on the `html` element (early.js keeps answers given
//!   before the app under it), and the page title;
//! - `ladder.json`: the ladder compiled in (compacted), which the app
//!   fetches, and which the page shows as text where WebAssembly cannot run.
//!
//! Run by Trunk's post-build hook: `prerender <dist folder>`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use l5_selfcheck::app::prerender::{context, render, state_for};
    use l5_selfcheck::app::{BUILT_IN_LADDER, LADDER_FILE};
    use l5_selfcheck::core::content::Ladder;
    use l5_selfcheck::core::document::Document;
    use l5_selfcheck::core::route::Route;
    use std::rc::Rc;

    let fail = |why: String| -> ! {
        eprintln!("prerender: {why}");
        std::process::exit(1);
    };
    let dist = std::env::args()
        .nth(1)
        .unwrap_or_else(|| fail("give the dist folder".into()));
    let index_path = format!("{dist}/index.html");
    let index = std::fs::read_to_string(&index_path)
        .unwrap_or_else(|e| fail(format!("cannot read {index_path}: {e}")));
    // The ladder itself, beside the app, which fetches it (and so does the
    // page where WebAssembly cannot run, to show its text). Written even
    // when broken: the app then lists its problems.
    let ladder_path = format!("{dist}/{LADDER_FILE}");
    std::fs::write(&ladder_path, BUILT_IN_LADDER)
        .unwrap_or_else(|e| fail(format!("cannot write {ladder_path}: {e}")));
    let ladder = match Ladder::parse(BUILT_IN_LADDER) {
        Ok(ladder) => Rc::new(ladder),
        // A broken built-in file: the app shows its problems; nothing to prerender.
        Err(_) => return,
    };
    let fresh = || Document::new(&ladder.id, &ladder.version);
    let page = |route: Route, instance: &str| {
        render(context(
            state_for(ladder.clone(), fresh(), route),
            instance,
            0,
        ))
    };
    // The root element's id prefixes element ids in the app ("default"
    // unless the page sets an instance).
    let prerendered = |route: Route, name: &str| {
        page(route, "default").replacen(
            "class=\"l5-app\"",
            &format!("class=\"l5-app prerendered\" data-l5-page=\"{name}\""),
            1,
        )
    };
    let start =
        prerendered(Route::Start, "start") + &prerendered(Route::Quick { section: None }, "quick");
    // Into the (empty) root element, however the HTML was minified.
    let at = ["id=\"l5-selfcheck\"", "id=l5-selfcheck"]
        .iter()
        .find_map(|id| index.find(id))
        .and_then(|at| index[at..].find("</div>").map(|end| at + end))
        .unwrap_or_else(|| fail(format!("{index_path} has no element with id l5-selfcheck")));
    let title = format!("{} self-check", ladder.title);
    // Ladder ids are made of [a-z0-9._-]: safe in an attribute as they are.
    let index = format!("{}{start}{}", &index[..at], &index[at..])
        .replacen(
            "<title>L5 Self-Check</title>",
            &format!("<title>{}</title>", escape(&title)),
            1,
        )
        .replacen(
            "<html",
            &format!("<html data-l5-ladder=\"{}\"", ladder.id),
            1,
        );
    std::fs::write(&index_path, index).unwrap_or_else(|e| fail(format!("cannot write: {e}")));
}

#[cfg(not(target_arch = "wasm32"))]
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(target_arch = "wasm32")]
fn main() {}
