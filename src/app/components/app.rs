//! The root component: loads the document once, follows the URL's hash,
//! shows the page for the route, and saves after every change.

use super::banners::{save_status_line, storage_banner};
use super::check::check_page;
use super::compare::compare_page;
use super::exchange::{data_page, shared_page};
use super::learn::learn_page;
use super::results::results_page;
use super::start::start_page;
use crate::app::persist;
use crate::app::state::{Action, Change, SaveStatus, State, NOTE_SAVE_DELAY_MS};
use crate::app::Setup;
use crate::core::content::Ladder;
use crate::core::route::Route;
use crate::edge::{clock, page, storage};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[component]
pub fn App(setup: &Setup) -> Html {
    match &setup.ladder {
        Ok(ladder) => html! {
            <Shell ladder={ladder.clone()} instance={setup.instance.clone()} hash_routing={setup.hash_routing}
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
    /// Deletes every stored item of this instance (after confirmation).
    pub on_delete: Callback<()>,
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
        let hash_routing = props.hash_routing;
        use_reducer(move || {
            let loaded = persist::load(&instance, &ladder);
            let mut state = State {
                stored_revision: loaded.document.revision,
                ladder,
                document: Rc::new(loaded.document),
                persistence: loaded.persistence,
                unreadable: loaded.unreadable,
                save_status: SaveStatus::Idle,
                last_change: Change::Other,
                route: Route::Start,
                comparison: None,
            };
            // A link that names a page wins; otherwise the configured start.
            // A script embed ignores the host page's hash: it is not ours.
            let hash = if hash_routing {
                page::hash()
            } else {
                String::new()
            };
            let route = match start {
                Some(start) if hash.trim_start_matches(['#', '/']).is_empty() => start,
                _ => Route::parse(&hash),
            };
            state.enter(route, clock::now_ms());
            state
        })
    };

    // Links, back and forward all change the hash; follow it. (A script
    // embed routes its links itself, below, and leaves the hash alone.)
    {
        let dispatch = state.dispatcher();
        let hash_routing = props.hash_routing;
        use_effect_with((), move |_| {
            let listener = web_sys::window().filter(|_| hash_routing).map(|window| {
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
    // a wiki page), show the route in the address bar and move focus to the
    // new page's heading or linked statement.
    let root = use_node_ref();
    {
        let first = use_mut_ref(|| true);
        let instance = props.instance.clone();
        let hash_routing = props.hash_routing;
        let root = root.clone();
        use_effect_with(state.route.clone(), move |route| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            if hash_routing && Route::parse(&page::hash()) != *route {
                page::set_hash(&route.href());
            }
            let Some(root) = root.cast::<web_sys::Element>() else {
                return;
            };
            match route {
                Route::Check {
                    focus: Some(statement),
                    ..
                } => page::focus(&root, &format!("{instance}-{statement}")),
                _ => page::focus(&root, &heading_id(&instance)),
            }
        });
    }
    // Mark when the first statement can be answered (for the benchmark).
    {
        let root = root.clone();
        use_effect_with(state.route.clone(), move |_| {
            if let Some(root) = root.cast::<web_sys::Element>() {
                page::mark_first_statement(&root);
            }
        });
    }
    // In a script embed, in-app links change this widget's page only.
    let onclick = (!props.hash_routing).then(|| {
        let dispatch = state.dispatcher();
        Callback::from(move |event: MouseEvent| {
            let link = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.closest("a[href^='#/']").ok().flatten());
            if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
                event.prevent_default();
                dispatch.dispatch(Action::Navigate {
                    route: Route::parse(&href),
                    now: clock::now_ms(),
                });
            }
        })
    });

    // Saving. `latest` always holds the newest document and whether it
    // still needs writing, so a timer or a page-hide event writes what is
    // current, not what was current when it was scheduled.
    let latest = use_mut_ref(|| (state.document.clone(), false));
    *latest.borrow_mut() = (
        state.document.clone(),
        state.writes() && state.document.revision != state.stored_revision,
    );
    let flush = use_memo((), {
        let latest = latest.clone();
        let dispatch = state.dispatcher();
        let instance = props.instance.clone();
        move |_| {
            Rc::new(move || {
                let (document, needed) = latest.borrow().clone();
                if !needed {
                    return;
                }
                latest.borrow_mut().1 = false;
                match persist::save(&instance, &document) {
                    Ok(()) => dispatch.dispatch(Action::Saved {
                        revision: document.revision,
                    }),
                    Err(fault) => dispatch.dispatch(Action::SaveFailed {
                        reason: fault.detail().to_string(),
                    }),
                }
            }) as Rc<dyn Fn()>
        }
    });
    // A typed note waits at most NOTE_SAVE_DELAY_MS; everything else is
    // written at once.
    let note_timer = use_mut_ref(|| (None::<Timeout>, false));
    {
        let flush = flush.clone();
        let last_change = state.last_change;
        use_effect_with(state.document.revision, move |_| {
            let mut timer = note_timer.borrow_mut();
            if last_change == Change::Note {
                if !timer.1 {
                    let note_timer = note_timer.clone();
                    let flush = (*flush).clone();
                    timer.1 = true;
                    timer.0 = Some(Timeout::new(NOTE_SAVE_DELAY_MS, move || {
                        note_timer.borrow_mut().1 = false;
                        flush();
                    }));
                }
            } else {
                // Dropping a pending timer cancels it; this write covers it.
                if std::mem::take(&mut timer.1) {
                    timer.0 = None;
                }
                drop(timer);
                flush();
            }
        });
    }
    // Write pending notes when the page is hidden or closed.
    {
        let flush = flush.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on_hide = {
                let flush = (*flush).clone();
                move |_: &web_sys::Event| {
                    if page::is_hidden() {
                        flush();
                    }
                }
            };
            let listeners = window.map(|window| {
                let flush = (*flush).clone();
                (
                    EventListener::new(&window, "pagehide", move |_| flush()),
                    window
                        .document()
                        .map(|document| EventListener::new(&document, "visibilitychange", on_hide)),
                )
            });
            move || drop(listeners)
        });
    }
    // Another tab or window changed our stored document.
    {
        let dispatch = state.dispatcher();
        let instance = props.instance.clone();
        let ladder = props.ladder.clone();
        use_effect_with((), move |_| {
            let key = storage::document_key(&instance, &ladder.id);
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    // `key` is absent when another tab cleared all storage.
                    let ours = event.key().is_none_or(|changed| changed == key);
                    if ours {
                        if let Some(incoming) =
                            persist::incoming(&instance, &ladder, event.new_value())
                        {
                            dispatch.dispatch(Action::External(incoming));
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }

    let on_delete = {
        let dispatch = state.dispatcher();
        let instance = props.instance.clone();
        Callback::from(move |_: ()| match persist::delete_all(&instance) {
            Ok(keys) => dispatch.dispatch(Action::Deleted { keys }),
            Err(fault) => dispatch.dispatch(Action::DeleteFailed {
                reason: fault.detail().to_string(),
            }),
        })
    };

    let page_props = PageProps {
        state: state.clone(),
        instance: props.instance.clone(),
        on_delete,
    };
    let page = match &state.route {
        Route::Start => start_page(&page_props),
        Route::Check { .. } => check_page(&page_props),
        Route::Results { .. } => results_page(&page_props),
        Route::Learn { .. } => learn_page(&page_props),
        Route::Data => data_page(&page_props),
        Route::Compare { snapshot } => compare_page(&page_props, *snapshot),
        Route::Shared { payload } => shared_page(&page_props, payload),
        Route::NotFound { path } => not_found(
            &format!("There is no page at \"#/{path}\"."),
            &props.instance,
        ),
    };

    html! {
        <div class="l5-app" ref={root} {onclick}>
            <header class="app-bar">
                <a class="app-name" href={Route::Start.href()}>{ state.ladder.title.clone() }{ " · self-check" }</a>
                { save_status_line(&state.save_status) }
            </header>
            { setting_problems(&props.problems) }
            { storage_banner(&state) }
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
