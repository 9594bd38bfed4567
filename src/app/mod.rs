//! The Yew app: one reducer holds the state, components render it and
//! dispatch actions, and `App` is the only place that saves.

pub mod components;
pub mod persist;
pub mod state;

use crate::core::content::Ladder;
use crate::edge::{clock, storage};
use components::app::App;
use std::rc::Rc;
use yew::prelude::*;

/// The content file chosen at build time (see build.rs).
pub const BUILT_IN_LADDER: &str = include_str!(env!("L5_LADDER_PATH"));

/// Props of the root component: what start-up worked out.
#[derive(Clone, PartialEq, Properties)]
pub struct Setup {
    /// The ladder, or the message that says why the content is broken.
    pub ladder: Result<Rc<Ladder>, String>,
    /// Names this embed; keeps its storage apart from other embeds.
    pub instance: AttrValue,
}

/// Mounts the app into `#l5-selfcheck` (or `body` when absent).
pub fn start() {
    let setup = Setup {
        ladder: Ladder::parse(BUILT_IN_LADDER)
            .map(Rc::new)
            .map_err(|error| error.to_string()),
        instance: AttrValue::from("default"),
    };
    // Touch the clock and storage modules once so a broken browser shows up
    // in the console early rather than on first answer.
    let _ = clock::now_ms();
    let _ = storage::local_storage();
    let document = web_sys::window().and_then(|window| window.document());
    match document.and_then(|document| document.get_element_by_id("l5-selfcheck")) {
        Some(root) => {
            yew::Renderer::<App>::with_root_and_props(root, setup).render();
        }
        None => {
            yew::Renderer::<App>::with_props(setup).render();
        }
    }
}
