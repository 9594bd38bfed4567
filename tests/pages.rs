//! Pages rendered natively from fixture states, read as a person would:
//! the same components the browser runs, without a browser.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::app::prerender::{context, render, state_for};
use l5_selfcheck::app::BUILT_IN_LADDER;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::Document;
use l5_selfcheck::core::route::Route;
use std::rc::Rc;

fn ladder() -> Rc<Ladder> {
    Rc::new(Ladder::parse(BUILT_IN_LADDER).unwrap())
}

#[test]
fn the_start_page_renders() {
    let ladder = ladder();
    let state = state_for(
        ladder.clone(),
        Document::new(&ladder.id, &ladder.version),
        Route::Start,
    );
    let html = render(context(state, "t", 0));
    std::fs::write("/tmp/pr/start.html", &html).unwrap();
    assert!(html.contains("Where do you stand today?"));
}
