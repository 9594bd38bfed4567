//! The root component, the shell (a short list of hooks around one
//! reducer) and the layout every page sits in.

use super::banners::{save_status_line, storage_banner, undo_bar};
use super::check::{check_page, quick_page};
use super::page::{not_found, statement_callbacks, Ctx};
use crate::app::hooks::{
    embed_links, use_browser_events, use_effect_runner, use_engine, use_idle_preload, use_media,
};
use crate::app::parts::{LazyPage, Part};
use crate::app::Setup;
use crate::core::content::Ladder;
use crate::core::engine::{Engine, Input, Widget};
use crate::core::keys::CheckRef;
use crate::core::route::Route;
use crate::core::store::{MemoryStore, Store};
use crate::edge::storage::BrowserStore;
use crate::edge::{clock, page};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App(setup: &Setup) -> Html {
    match &setup.ladder {
        Ok(ladder) => html! {
            <Shell ladder={ladder.clone()} instance={setup.instance.clone()} hash_routing={setup.hash_routing}
                start={setup.start.clone()} problems={setup.problems.clone()} checkin_weeks={setup.checkin_weeks}
                preview={setup.preview} />
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
    pub checkin_weeks: u32,
    /// Answers in memory only (the try page's preview).
    pub preview: bool,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ladder, &other.ladder)
            && self.instance == other.instance
            && self.hash_routing == other.hash_routing
            && self.start == other.start
            && Rc::ptr_eq(&self.problems, &other.problems)
            && self.checkin_weeks == other.checkin_weeks
            && self.preview == other.preview
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

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let (state, dispatch, queue) = {
        let props = props.clone();
        let store: Rc<dyn Store> = if props.preview {
            Rc::new(MemoryStore::new())
        } else {
            Rc::new(BrowserStore)
        };
        use_engine(store, move |store| {
            let widget = Widget {
                instance: props.instance.to_string(),
                tab: clock::tab_name(),
                hash_routing: props.hash_routing,
                checkin_weeks: props.checkin_weeks,
            };
            Engine::start(
                store,
                widget,
                props.ladder.clone(),
                &crate::core::route::widget_hash(
                    props.hash_routing,
                    &props.instance,
                    &page::hash(),
                ),
                props.start.clone(),
                clock::now_ms(),
                clock::utc_offset_minutes(),
            )
        })
    };
    use_browser_events(&dispatch, props.hash_routing);
    use_idle_preload();
    let root = use_node_ref();
    use_effect_runner(&queue, &dispatch, &root, &props.instance);
    let wide = use_media("(min-width: 52rem)");
    let (act, on_rate, on_note) = (*use_memo((), {
        let dispatch = dispatch.clone();
        move |_| {
            let act = dispatch.reform(Input::Act);
            let (rate, note) = statement_callbacks(&act);
            (act, rate, note)
        }
    }))
    .clone();
    let onclick = (!props.hash_routing).then(|| embed_links(&dispatch));
    let ctx = Ctx {
        state,
        dispatch: act,
        on_rate,
        on_note,
        instance: props.instance.clone(),
        now: clock::now_ms(),
        page_url: Rc::from(page::url_without_hash()),
        wide,
        hash_routing: props.hash_routing,
        checkin_weeks: props.checkin_weeks,
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
    // Pages outside the first part load their code when they open; which
    // part a page needs is said once, by `Part::for_route`.
    let page = match (Part::for_route(&state.route), &state.route) {
        (Some(part), _) => html! { <LazyPage key={part as usize} {part} ctx={ctx.clone()} /> },
        (None, Route::Quick { .. }) => quick_page(ctx),
        (None, Route::Check { .. }) => check_page(ctx),
        (None, Route::NotFound { path }) => not_found(
            ctx,
            &format!("There is no page at \u{201c}#/{path}\u{201d} in this browser."),
        ),
        (None, _) => Html::default(),
    };
    // The header says whose check is open: one's own, or the check about
    // someone (then marked, so it is never taken for one's own).
    let whose = match &state.check {
        CheckRef::Own => html! { { " \u{b7} self-check" } },
        CheckRef::Other(_) => html! {
            <>{ " \u{b7} " }<span class="whose">{ "check about " }<bdi>{ state.check_name() }</bdi></span></>
        },
    };
    html! {
        <>
            <header class="app-bar">
                <a class="app-name" href={ctx.href(&Route::Start)}>{ state.ladder.title.clone() }{ whose }</a>
                { save_status_line(&state.save_status) }
            </header>
            { setting_problems(problems) }
            { storage_banner(ctx) }
            { undo_bar(ctx) }
            <main>{ page }</main>
        </>
    }
}
