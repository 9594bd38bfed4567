//! The Yew app: one reducer holds the state, components render it and
//! dispatch actions, and the shell is the only place that saves.

pub mod components;
pub mod persist;
pub mod state;

use crate::core::config::{Config, StartMode, Theme};
use crate::core::content::Ladder;
use crate::core::document::CheckMode;
use crate::core::route::Route;
use crate::edge::{config, fetch};
use components::app::App;
use std::rc::Rc;
use web_sys::Element;
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
    /// The page to open when the link names none (from `mode`/`section`).
    pub start: Option<Route>,
    /// Messages about settings that were rejected.
    pub problems: Rc<Vec<String>>,
    /// The stand-alone page (and so the iframe embed) routes by the URL's
    /// hash; a script embed routes inside the widget.
    pub hash_routing: bool,
}

/// Mounts the app into the stand-alone page's `#l5-selfcheck` element.
pub fn start() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("l5-selfcheck"));
    if let Some(root) = root {
        mount(root, true);
    }
}

/// Mounts one widget into `root` for a script embed (called by embed.js
/// for each placeholder), configured by its `data-*` attributes.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_embed(root: Element) {
    mount(root, false);
}

/// Bytes of wasm linear memory, for the benchmark's memory figures.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size::<0>() * 65_536) as f64
}

/// Mounts one widget into `root`, configured by its `data-*` attributes.
pub fn mount(root: Element, hash_routing: bool) {
    let (config, problems) = config::read(&root);
    let _ = root.class_list().add_1("l5-root");
    // Validated origins for boot.js, which reports the height to the parent.
    let _ = root.set_attribute("data-l5-parent-origins", &config.parent_origins.join(" "));
    match config.theme {
        Theme::Auto => root.remove_attribute("data-theme").unwrap_or_default(),
        Theme::Light => root
            .set_attribute("data-theme", "light")
            .unwrap_or_default(),
        Theme::Dark => root.set_attribute("data-theme", "dark").unwrap_or_default(),
    }
    if config.compact {
        let _ = root.class_list().add_1("compact");
    }
    match config.content.clone() {
        None => render(
            root,
            Ladder::parse(BUILT_IN_LADDER).map_err(|e| e.to_string()),
            config,
            problems,
            hash_routing,
        ),
        Some(url) => {
            root.set_text_content(Some("Loading the self-check\u{2026}"));
            wasm_bindgen_futures::spawn_local(async move {
                let ladder = match fetch::same_origin_text(&url).await {
                    Ok(text) => Ladder::parse(&text).map_err(|e| format!("{e} (in \"{url}\")")),
                    Err(why) => Err(why),
                };
                render(root, ladder, config, problems, hash_routing);
            });
        }
    }
}

fn render(
    root: Element,
    ladder: Result<Ladder, String>,
    config: Config,
    mut problems: Vec<String>,
    hash_routing: bool,
) {
    root.set_text_content(None);
    let start = ladder
        .as_ref()
        .ok()
        .and_then(|ladder| start_route(ladder, &config, &mut problems));
    let setup = Setup {
        ladder: ladder.map(Rc::new),
        instance: AttrValue::from(config.instance),
        start,
        problems: Rc::new(problems),
        hash_routing,
    };
    yew::Renderer::<App>::with_root_and_props(root, setup).render();
}

/// The page the `mode` and `section` settings ask for.
fn start_route(ladder: &Ladder, config: &Config, problems: &mut Vec<String>) -> Option<Route> {
    let section = match &config.section {
        Some(id) if ladder.section_index(id).is_none() => {
            problems.push(format!(
                "Setting \"section\": \"{id}\" is not a section of this ladder; starting at the first section."
            ));
            None
        }
        other => other.clone(),
    };
    let first = || ladder.sections[0].id.clone();
    match (config.mode, section) {
        (Some(StartMode::Learn), section) => Some(Route::Learn { section }),
        (Some(StartMode::Quick), section) => Some(Route::check(
            CheckMode::Quick,
            &section.unwrap_or_else(first),
        )),
        (Some(StartMode::Full), section) => Some(Route::check(
            CheckMode::Full,
            &section.unwrap_or_else(first),
        )),
        (None, Some(section)) => Some(Route::check(CheckMode::Full, &section)),
        (None, None) => None,
    }
}
