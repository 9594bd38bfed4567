//! Renders pages to HTML on the native target, with the same components
//! the browser runs (Yew's server renderer): the build writes the first
//! screen into `index.html`, and the learn pages into `learn.html` for
//! browsers where WebAssembly cannot run. Native tests render pages the
//! same way and read them as a person would.

use crate::app::components::app::layout;
use crate::app::components::page::{statement_callbacks, Ctx};
use crate::core::content::Ladder;
use crate::core::document::Document;
use crate::core::route::Route;
use crate::core::state::State;
use crate::core::sync::{Loaded, Persistence};
use std::rc::Rc;
use yew::prelude::*;

/// What a rendered page shows: a state, and the widget's name.
#[derive(Clone, PartialEq, Properties)]
pub struct PageProps {
    pub ctx: Ctx,
}

/// The page as the shell renders it, without the shell's hooks.
#[component]
pub fn StaticPage(props: &PageProps) -> Html {
    html! {
        <div class="l5-app">{ layout(&props.ctx, &[]) }</div>
    }
}

/// A state for `document` at `route`, as a page opening it would have.
pub fn state_for(ladder: Rc<Ladder>, document: Document, route: Route) -> State {
    let loaded = Loaded {
        document,
        moved: 0,
        marker: None,
        persistence: Persistence::Saving,
        unreadable: None,
    };
    let mut state = State::new(ladder, loaded, Route::Start);
    state.route = route;
    state
}

/// The context a page renders with, without a browser: actions go nowhere.
pub fn context(state: State, instance: &str, now: u64) -> Ctx {
    let dispatch = Callback::noop();
    let (on_rate, on_note) = statement_callbacks(&dispatch);
    Ctx {
        state: Rc::new(state),
        dispatch,
        on_rate,
        on_note,
        instance: AttrValue::from(instance.to_string()),
        now,
        page_url: Rc::from(""),
        wide: false,
        hash_routing: true,
        checkin_weeks: crate::core::engine::DEFAULT_CHECKIN_WEEKS,
    }
}

/// Renders a page to HTML (the inside of the widget's root element).
#[cfg(not(target_arch = "wasm32"))]
pub fn render(ctx: Ctx) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        yew::LocalServerRenderer::<StaticPage>::with_props(PageProps { ctx })
            .hydratable(false)
            .render()
            .await
    })
}
