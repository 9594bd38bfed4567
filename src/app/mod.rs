//! The Yew app: one reducer holds the state (`core::state`), hooks run the
//! effects (saving, routing, focus), and components render the state and
//! dispatch actions. Components also render natively: `prerender` writes
//! the first screen into the HTML at build time with the same code.

pub mod components;
pub mod hooks;
pub mod parts;
pub mod prerender;

use crate::core::config::{Config, StartMode};
use crate::core::content::Ladder;
use crate::core::route::Route;
use std::rc::Rc;
use yew::prelude::*;

/// The content file chosen at build time (see build.rs), for the
/// prerender and native tests. The browser fetches it instead: the release
/// build serves it as `ladder.json`, beside the app, so its bytes are not
/// in the wasm, and the page without WebAssembly can show it too.
#[cfg(not(target_arch = "wasm32"))]
pub const BUILT_IN_LADDER: &str = include_str!(env!("L5_LADDER_PATH"));

/// The file name of the built-in ladder in the release build.
pub const LADDER_FILE: &str = "ladder.json";

/// Props of the root component: what start-up worked out.
#[derive(Clone, PartialEq, Properties)]
pub struct Setup {
    /// The ladder, or every problem found in its content file.
    pub ladder: Result<Rc<Ladder>, Rc<Vec<String>>>,
    /// Where the content came from: a `content` URL, or empty (built in).
    pub source: AttrValue,
    /// Names this embed; keeps its storage apart from other embeds.
    pub instance: AttrValue,
    /// The page to open when the link names none (from `mode`/`section`).
    pub start: Option<Route>,
    /// Messages about settings that were rejected.
    pub problems: Rc<Vec<String>>,
    /// The stand-alone page (and so the iframe embed) routes by the URL's
    /// hash; a script embed routes inside the widget.
    pub hash_routing: bool,
    /// Weeks after which the next change is a check-in.
    pub checkin_weeks: u32,
    /// A preview on the try page: answers are kept in memory only.
    pub preview: bool,
}

/// The page the `mode` and `section` settings ask for.
pub fn start_route(ladder: &Ladder, config: &Config, problems: &mut Vec<String>) -> Option<Route> {
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
        (Some(StartMode::Quick), section) => Some(Route::Quick { section }),
        (Some(StartMode::Full), section) => Some(Route::check(&section.unwrap_or_else(first))),
        (None, Some(section)) => Some(Route::check(&section)),
        (None, None) => None,
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{check_ladder, memory_bytes, mount_embed, mount_preview, start_page};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{start_route, Setup};
    use crate::app::components::app::App;
    use crate::app::parts::{self, Part};
    use crate::core::config::{Config, Theme};
    use crate::core::content::{Ladder, Problems};
    use crate::core::fields::error;
    use crate::core::route::widget_hash;
    use crate::core::route::Route;
    use crate::edge::page;
    use crate::edge::{config, fetch};
    use std::rc::Rc;
    use wasm_bindgen::prelude::wasm_bindgen;
    use web_sys::Element;
    use yew::prelude::*;

    /// Mounts the app into the stand-alone page's `#l5-selfcheck` element,
    /// replacing the prerendered page with the same markup. `ladder` is the
    /// address of the built-in content file (`ladder.json` beside the app),
    /// used unless the page names another.
    #[wasm_bindgen]
    pub fn start_page(ladder: String) {
        let root = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("l5-selfcheck"));
        if let Some(root) = root {
            mount(root, ladder, true);
        }
    }

    /// Mounts one widget into `root` for a script embed (called by embed.js
    /// for each placeholder), configured by its `data-*` attributes.
    #[wasm_bindgen]
    pub fn mount_embed(root: Element, ladder: String) {
        mount(root, ladder, false);
    }

    /// Bytes of wasm linear memory, for the benchmark's memory figures.
    #[wasm_bindgen]
    pub fn memory_bytes() -> f64 {
        (core::arch::wasm32::memory_size::<0>() * 65_536) as f64
    }

    fn mount(root: Element, built_in: String, hash_routing: bool) {
        let (config, problems) = config::read(&root);
        let _ = root.class_list().add_1("l5-root");
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
        wasm_bindgen_futures::spawn_local(async move {
            // A team's own file is asked for again on every load (it may
            // have just been edited); the built-in one changes with the build.
            let (url, fresh) = match &config.content {
                Some(url) => (url.clone(), true),
                None => (built_in, false),
            };
            let ladder = match fetch::same_origin_text(&url, fresh).await {
                Ok(text) => Ladder::parse(&text),
                Err(why) => Err(Problems(vec![error("content file", why)])),
            };
            // The first page's own code comes before the app takes over,
            // so the page it replaces is replaced by the same page (a part
            // that cannot arrive shows its retry instead).
            if let Ok(ladder) = &ladder {
                let hash = widget_hash(hash_routing, &config.instance, &page::hash());
                let (_, mut route) = Route::parse(&hash);
                if route == Route::Start {
                    route = start_route(ladder, &config, &mut Vec::new()).unwrap_or(Route::Start);
                }
                if let Some(part) = Part::for_route(&route) {
                    parts::load(part).await;
                }
            }
            render(root, ladder, config, problems, hash_routing, false);
        });
    }

    fn render(
        root: Element,
        ladder: Result<Ladder, Problems>,
        config: Config,
        mut problems: Vec<String>,
        hash_routing: bool,
        preview: bool,
    ) -> yew::AppHandle<App> {
        let start = ladder
            .as_ref()
            .ok()
            .and_then(|ladder| start_route(ladder, &config, &mut problems));
        let setup = Setup {
            source: AttrValue::from(config.content.clone().unwrap_or_default()),
            ladder: ladder
                .map(Rc::new)
                .map_err(|p| Rc::new(p.0.iter().map(|e| e.to_string()).collect())),
            instance: AttrValue::from(config.instance),
            start,
            problems: Rc::new(problems),
            hash_routing,
            checkin_weeks: config.checkin_weeks,
            preview,
        };
        // Yew clears the prerendered page and renders the same markup in
        // its place before the browser paints again; a radio button chosen
        // on the prerendered page keeps its focus.
        let focused = page::focused_id(&root);
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), setup).render();
        if let Some(id) = focused {
            // Runs after the render, which Yew queued first.
            wasm_bindgen_futures::spawn_local(async move { page::refocus(&root, &id) });
        }
        handle
    }

    thread_local! {
        /// The try page's preview, replaced by the next one.
        static PREVIEW: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
    }

    /// The try page: every problem and warning of a content file, as JSON
    /// (`{"problems": [...], "warnings": [...]}`), the built-in ladder's
    /// text given to tell a copy that kept its id; nothing when the
    /// checker's own code could not be fetched.
    #[wasm_bindgen]
    pub async fn check_ladder(text: String, built_in: String) -> Option<String> {
        parts::content_report(text, built_in).await
    }

    /// The try page's preview of a content file in `root`: the start page,
    /// the checks and the results in that ladder's words, routed inside
    /// the preview, with answers kept in memory only.
    #[wasm_bindgen]
    pub fn mount_preview(root: Element, text: String) {
        let _ = root.class_list().add_1("l5-root");
        let config = Config {
            instance: "preview".into(),
            ..Config::default()
        };
        let handle = render(root, Ladder::parse(&text), config, Vec::new(), false, true);
        if let Some(old) = PREVIEW.with(|p| p.borrow_mut().replace(handle)) {
            old.destroy();
        }
    }
}
