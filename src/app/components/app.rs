//! The root component: loads the document once, follows the URL's hash,
//! shows the page for the route, and saves after every change.

use super::banners::storage_banner;
use super::check::check_page;
use super::learn::learn_page;
use super::results::results_page;
use super::start::start_page;
use crate::app::persist;
use crate::app::state::{Action, SaveStatus, State};
use crate::app::Setup;
use crate::core::content::Ladder;
use crate::core::route::Route;
use crate::edge::{clock, page};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App(setup: &Setup) -> Html {
    match &setup.ladder {
        Ok(ladder) => html! {
            <Shell ladder={ladder.clone()} instance={setup.instance.clone()}
                start={setup.start.clone()} problems={setup.problems.clone()} />
        },
        Err(message) => html! {
            <main class="l5-app">
                <div class="banner error" role="alert">
                    <h1>{ "This self-check cannot start" }</h1>
                    { setting_problems(&setup.problems) }
                    <p>{ "Its content file has a problem:" }</p>
                    <p><code>{ message.clone() }</code></p>
                    <p>{ "Whoever maintains this page can fix the file; docs/content-format.md describes the format." }</p>
                </div>
            </main>
        },
    }
}

#[derive(Properties, Clone)]
pub struct ShellProps {
    pub ladder: Rc<Ladder>,
    pub instance: AttrValue,
    pub start: Option<Route>,
    pub problems: Rc<Vec<String>>,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ladder, &other.ladder)
            && self.instance == other.instance
            && self.start == other.start
            && Rc::ptr_eq(&self.problems, &other.problems)
    }
}

/// Settings the embedding page got wrong: named, so the wiki admin can fix them.
fn setting_problems(problems: &[String]) -> Html {
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

/// What every page gets: the state to render and the embed's name for ids.
/// Pages are plain functions, not components: they re-render with the
/// shell anyway, and each component type adds its own code to the wasm.
pub struct PageProps {
    pub state: UseReducerHandle<State>,
    pub instance: AttrValue,
}

/// The id of the heading that takes focus when the page changes.
pub fn heading_id(instance: &str) -> String {
    format!("{instance}-heading")
}

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let state = {
        let ladder = props.ladder.clone();
        let instance = props.instance.clone();
        let start = props.start.clone();
        use_reducer(move || {
            let loaded = persist::load(&instance, &ladder);
            let mut state = State {
                loaded_revision: loaded.document.revision,
                ladder,
                document: Rc::new(loaded.document),
                persistence: loaded.persistence,
                notice: loaded.notice,
                save_status: SaveStatus::Idle,
                announce_save: false,
                route: Route::Start,
            };
            // A link that names a page wins; otherwise the configured start.
            let hash = page::hash();
            let route = match start {
                Some(start) if hash.trim_start_matches(['#', '/']).is_empty() => start,
                _ => Route::parse(&hash),
            };
            state.enter(route, clock::now_ms());
            state
        })
    };

    // Links, back and forward all change the hash; follow it.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    dispatch.dispatch(Action::Navigate {
                        route: Route::parse(&page::hash()),
                        now: clock::now_ms(),
                    })
                })
            });
            move || drop(listener)
        });
    }

    // After navigating (not on first load, which must not steal focus from
    // a wiki page), move focus to the new page's heading or linked statement.
    {
        let first = use_mut_ref(|| true);
        let instance = props.instance.clone();
        use_effect_with(state.route.clone(), move |route| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            match route {
                Route::Check {
                    focus: Some(statement),
                    ..
                } => page::focus(&format!("{instance}-{statement}")),
                _ => page::focus(&heading_id(&instance)),
            }
        });
    }

    // Save after each change. `last_written` starts at the revision read
    // from storage, so loading alone writes nothing.
    let last_written = use_mut_ref(|| state.loaded_revision);
    {
        let state = state.clone();
        let instance = props.instance.clone();
        use_effect_with(state.document.revision, move |revision| {
            if *revision == *last_written.borrow() || !state.writes() {
                return;
            }
            match persist::save(&instance, &state.document) {
                Ok(()) => {
                    *last_written.borrow_mut() = *revision;
                    state.dispatch(Action::Saved {
                        revision: *revision,
                    });
                }
                Err(fault) => state.dispatch(Action::SaveFailed {
                    reason: fault.detail().to_string(),
                }),
            }
        });
    }

    let page_props = PageProps {
        state: state.clone(),
        instance: props.instance.clone(),
    };
    let page = match &state.route {
        Route::Start => start_page(&page_props),
        Route::Check { .. } => check_page(&page_props),
        Route::Results { .. } => results_page(&page_props),
        Route::Learn { .. } => learn_page(&page_props),
        Route::NotFound { path } => not_found(
            &format!("There is no page at \"#/{path}\"."),
            &props.instance,
        ),
    };

    html! {
        <div class="l5-app">
            <header class="app-bar">
                <a class="app-name" href={Route::Start.href()}>{ state.ladder.title.clone() }{ " · self-check" }</a>
            </header>
            { setting_problems(&props.problems) }
            { storage_banner(&state.persistence, state.notice.as_ref()) }
            <main>{ page }</main>
        </div>
    }
}

/// A bad deep link: say what is missing and offer the way back.
pub fn not_found(what: &str, instance: &str) -> Html {
    html! {
        <section class="page">
            <h1 id={heading_id(instance)} tabindex="-1">{ "Page not found" }</h1>
            <p role="alert">{ what.to_string() }</p>
            <p><a class="button" href={Route::Start.href()}>{ "Go to the start page" }</a></p>
        </section>
    }
}
