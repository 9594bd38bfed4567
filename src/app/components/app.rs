//! The root component, the shell (a short list of hooks around one
//! reducer) and the layout every page sits in.

use super::banners::{save_status_line, storage_banner};
use super::check::{check_page, quick_page, rate_page};
use super::compare::compare_page;
use super::data::data_page;
use super::learn::learn_page;
use super::page::{embed_hash, not_found, statement_callbacks, Ctx};
use super::results::results_page;
use super::shared::shared_page;
use super::start::start_page;
use crate::app::hooks::{
    use_effects, use_focus, use_media, use_routing, use_saving, use_title, Latest, Widget,
};
use crate::app::Setup;
use crate::core::checks;
use crate::core::content::Ladder;
use crate::core::keys::{ui_key, CheckRef, DocKeys};
use crate::core::route::Route;
use crate::core::state::State;
use crate::core::store::Store;
use crate::core::sync;
use crate::edge::storage::BrowserStore;
use crate::edge::{clock, page};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App(setup: &Setup) -> Html {
    match &setup.ladder {
        Ok(ladder) => html! {
            <Shell ladder={ladder.clone()} instance={setup.instance.clone()} hash_routing={setup.hash_routing}
                start={setup.start.clone()} problems={setup.problems.clone()} />
        },
        Err(problems) => content_problems(problems, &setup.source, &setup.problems),
    }
}

/// A broken content file: every problem at once, so whoever maintains the
/// file can fix them in one go (this is also the way to check a file).
pub fn content_problems(problems: &[String], source: &str, settings: &[String]) -> Html {
    let file = if source.is_empty() {
        "Its content file".to_string()
    } else {
        format!("The content file \u{201c}{source}\u{201d}")
    };
    html! {
        <main class="l5-app">
            <div class="banner error" role="alert">
                <h1>{ "This self-check cannot start" }</h1>
                { setting_problems(settings) }
                <p>{ if problems.len() == 1 { format!("{file} has a problem:") } else { format!("{file} has {} problems:", problems.len()) } }</p>
                <ul class="problems">
                    for problem in problems.iter() {
                        <li><code>{ problem.clone() }</code></li>
                    }
                </ul>
                <p>{ "Whoever maintains this page can fix the file; docs/content-format.md describes the format." }</p>
            </div>
        </main>
    }
}

#[derive(Properties, Clone)]
pub struct ShellProps {
    pub ladder: Rc<Ladder>,
    pub instance: AttrValue,
    /// Follow and show the page in the URL's hash (not in a script embed).
    pub hash_routing: bool,
    pub start: Option<Route>,
    pub problems: Rc<Vec<String>>,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ladder, &other.ladder)
            && self.instance == other.instance
            && self.hash_routing == other.hash_routing
            && self.start == other.start
            && Rc::ptr_eq(&self.problems, &other.problems)
    }
}

/// Settings the embedding page got wrong: named, so the wiki admin can fix them.
pub fn setting_problems(problems: &[String]) -> Html {
    if problems.is_empty() {
        return Html::default();
    }
    html! {
        <div class="banner warning" role="alert">
            <p>{ "This widget's settings have a problem; it runs with the defaults instead:" }</p>
            <ul>
                for problem in problems.iter() {
                    <li>{ problem.clone() }</li>
                }
            </ul>
        </div>
    }
}

/// The state a page opens with: the check and page in the link (or the
/// configured start), its document as stored, the list of checks.
fn first_state(props: &ShellProps, page_hash: &str) -> State {
    // A script embed ignores the page's address, unless it names this
    // widget (a link made in it: `#l5-<instance>/shared/...`).
    let hash = if props.hash_routing {
        page_hash.to_string()
    } else {
        let prefix = embed_hash(&props.instance, "#/");
        page_hash
            .strip_prefix(prefix.as_str())
            .map(|rest| format!("#/{rest}"))
            .unwrap_or_default()
    };
    let (mut check, mut route) = Route::parse(&hash);
    if let (Some(start), Route::Start, CheckRef::Own) = (&props.start, &route, &check) {
        route = start.clone();
    }
    let now = clock::now_ms();
    let store = BrowserStore;
    let (others, deleted) =
        checks::list(&store, &props.instance, &props.ladder).unwrap_or_default();
    if let CheckRef::Other(id) = &check {
        if !others.iter().any(|c| &c.id == id) {
            route = Route::NotFound {
                path: route.href(&check).trim_start_matches("#/").to_string(),
            };
            check = CheckRef::Own;
        }
    }
    let keys = DocKeys::new(&props.instance, &props.ladder.id, &check);
    let loaded = sync::load(&store, &keys, &props.ladder, now);
    let mut state = State::new(props.ladder.clone(), loaded, Route::Start);
    state.check = check;
    state.checks = Rc::new(others);
    state.deleted_checks = Rc::new(deleted);
    state.offset = clock::utc_offset_minutes();
    state.key_seen = matches!(store.read(&ui_key(&props.instance)), Ok(Some(_)));
    state.enter(route, now);
    state
}

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let first_hash: Rc<str> = use_memo((), |_| Rc::<str>::from(page::hash()))
        .as_ref()
        .clone();
    let state = {
        let props = props.clone();
        let hash = first_hash.clone();
        use_reducer(move || first_state(&props, &hash))
    };
    let widget = {
        let instance = props.instance.clone();
        let hash_routing = props.hash_routing;
        use_memo((), move |_| Widget {
            instance,
            hash_routing,
            tab: Rc::from(clock::tab_name()),
            first_hash,
        })
    };
    let latest: Latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();

    let onclick = use_routing(&widget, &latest);
    let flush = use_saving(&widget, &latest);
    let effects = use_effects(&widget, &latest, flush);
    let root = use_node_ref();
    use_focus(&widget, &state, &root);
    use_title(&widget, &state);
    let wide = use_media("(min-width: 52rem)");

    let (dispatch, on_rate, on_note) = (*use_memo((), {
        let state = state.clone();
        move |_| {
            let dispatch = Callback::from(move |action| state.dispatch(action));
            let (rate, note) = statement_callbacks(&dispatch, clock::now_ms);
            (dispatch, rate, note)
        }
    }))
    .clone();
    let ctx = Ctx {
        state: Rc::new((*state).clone()),
        dispatch,
        effects,
        on_rate,
        on_note,
        instance: props.instance.clone(),
        now: clock::now_ms(),
        page_url: Rc::from(page::url_without_hash()),
        wide,
        hash_routing: props.hash_routing,
    };
    html! {
        <div class="l5-app" ref={root} {onclick}>
            { layout(&ctx, &props.problems) }
        </div>
    }
}

/// Header, messages and the page for the route: the same markup in the
/// browser and in the prerender.
pub fn layout(ctx: &Ctx, problems: &[String]) -> Html {
    let state = &ctx.state;
    let page = match &state.route {
        Route::Start => start_page(ctx),
        Route::Quick { .. } => quick_page(ctx),
        Route::Check { .. } => check_page(ctx),
        Route::Rate { .. } => rate_page(ctx),
        Route::Results { .. } => results_page(ctx),
        Route::Learn { .. } => learn_page(ctx),
        Route::Data => data_page(ctx),
        Route::Compare { with } => compare_page(ctx, with),
        Route::Shared { payload } => shared_page(ctx, payload),
        Route::NotFound { path } => not_found(
            ctx,
            &format!("There is no page at \u{201c}#/{path}\u{201d} in this browser."),
        ),
    };
    let whose = match &state.check {
        CheckRef::Own => Html::default(),
        CheckRef::Other(_) => html! {
            <p class="whose">{ "Rating: " }<bdi>{ state.check_name() }</bdi></p>
        },
    };
    html! {
        <>
            <header class="app-bar">
                <a class="app-name" href={ctx.href(&Route::Start)}>{ state.ladder.title.clone() }{ " \u{b7} self-check" }</a>
                { whose }
                { save_status_line(&state.save_status) }
            </header>
            { setting_problems(problems) }
            { storage_banner(ctx) }
            <main>{ page }</main>
        </>
    }
}
