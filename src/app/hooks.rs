//! The browser edge around the engine. `use_engine` holds it and turns a
//! dispatched input into its effects; `use_browser_events` translates what
//! the browser says (address, other tabs' writes, page hidden or shown)
//! into inputs; `use_effect_runner` carries out the effects after each
//! render. Nothing here decides anything: what happens in which order is
//! `core::engine`'s, where the model-based test runs it.

use crate::core::engine::{Effect, Engine, Focus, Input};
use crate::core::state::State;
use crate::core::state::{Action, Notice, Place};
use crate::core::store::Store;
use crate::edge::{clock, download, page};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Effects waiting for the next render to be carried out.
type Queue = Rc<RefCell<Vec<Effect>>>;

/// The running engine: the state to render, a dispatcher of inputs, and
/// the effects it asked for. `start` runs once, when the shell mounts.
#[hook]
pub fn use_engine(
    store: Rc<dyn Store>,
    start: impl FnOnce(&dyn Store) -> (Engine, Vec<Effect>) + 'static,
) -> (Rc<State>, Callback<Input>, Queue) {
    let queue: Queue = use_mut_ref(Vec::new);
    // Storage chosen once: the browser's, or memory for a preview.
    let store = use_memo((), move |_| store);
    let engine = {
        let (queue, store) = (queue.clone(), store.clone());
        use_mut_ref(move || {
            let (engine, effects) = start(&**store);
            queue.borrow_mut().extend(effects);
            engine
        })
    };
    let update = use_force_update();
    let dispatch = {
        let (engine, queue, store) = (engine.clone(), queue.clone(), store.clone());
        use_memo((), move |_| {
            Callback::from(move |input: Input| {
                let effects = engine.borrow_mut().handle(&**store, clock::now_ms(), input);
                queue.borrow_mut().extend(effects);
                update.force_update();
            })
        })
    };
    let state = Rc::new(engine.borrow().state().clone());
    (state, (*dispatch).clone(), queue)
}

/// Browser events as inputs: the address, other tabs' writes, the page
/// hidden, shown or closed. Once listening, the address is reported (a
/// link clicked while the page loaded changed it with nobody listening)
/// and the page is marked ready (early.js's cover goes).
#[hook]
pub fn use_browser_events(dispatch: &Callback<Input>, hash_routing: bool) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let window = web_sys::window();
        let listeners = window.map(|window| {
            let send = |input: Input| {
                let dispatch = dispatch.clone();
                move |_: &web_sys::Event| dispatch.emit(input.clone())
            };
            let on_hash = hash_routing.then(|| {
                let dispatch = dispatch.clone();
                EventListener::new(&window, "hashchange", move |_| {
                    dispatch.emit(Input::Address(page::hash()))
                })
            });
            let on_hide = EventListener::new(&window, "pagehide", send(Input::Hidden));
            let on_show = {
                let dispatch = dispatch.clone();
                EventListener::new(&window, "pageshow", move |event| {
                    let restored = event
                        .dyn_ref::<web_sys::PageTransitionEvent>()
                        .is_some_and(|e| e.persisted());
                    if restored {
                        dispatch.emit(Input::Shown);
                    }
                })
            };
            let on_visibility = window.document().map(|document| {
                let dispatch = dispatch.clone();
                EventListener::new(&document, "visibilitychange", move |_| {
                    dispatch.emit(if page::is_hidden() {
                        Input::Hidden
                    } else {
                        Input::Shown
                    })
                })
            });
            let on_storage = {
                let dispatch = dispatch.clone();
                EventListener::new(&window, "storage", move |event| {
                    if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                        dispatch.emit(Input::Storage(event.key()));
                    }
                })
            };
            (on_hash, on_hide, on_show, on_visibility, on_storage)
        });
        // Answers given on the prerendered page before the app ran.
        if let Some(early) = page::early_answers() {
            dispatch.emit(Input::Early(early));
        }
        if hash_routing {
            dispatch.emit(Input::Address(page::hash()));
            page::mark_ready();
        }
        move || drop(listeners)
    });
}

/// Once the app runs, the rest of its code is fetched while the browser
/// is idle, so results and the plan are usually there before anyone asks.
#[hook]
pub fn use_idle_preload() {
    use_effect_with((), |_| page::when_idle(crate::app::parts::preload_all));
}

/// In a script embed, links inside the widget (`#/…`) route the widget,
/// not the page.
pub fn embed_links(dispatch: &Callback<Input>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: MouseEvent| {
        let link = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|target| target.closest("a[href^='#/']").ok().flatten());
        if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
            event.prevent_default();
            dispatch.emit(Input::Address(href));
        }
    })
}

/// Carries out the engine's effects after each render, when the elements
/// they name exist. What to do is the engine's decision (a script embed
/// gets no address or title effects); this only does it.
#[hook]
pub fn use_effect_runner(
    queue: &Queue,
    dispatch: &Callback<Input>,
    root: &NodeRef,
    instance: &AttrValue,
) {
    let timer = use_mut_ref(|| None::<Timeout>);
    let (queue, dispatch, root, instance) = (
        queue.clone(),
        dispatch.clone(),
        root.clone(),
        instance.clone(),
    );
    use_effect(move || {
        let effects: Vec<Effect> = queue.borrow_mut().drain(..).collect();
        let root = root.cast::<web_sys::Element>();
        for effect in effects {
            match effect {
                Effect::SetAddress(href) => page::set_hash(&href),
                Effect::ReplaceAddress(href) => page::replace_hash(&href),
                Effect::StartNoteTimer(ms) => {
                    let dispatch = dispatch.clone();
                    *timer.borrow_mut() =
                        Some(Timeout::new(ms, move || dispatch.emit(Input::NoteDue)));
                }
                // Dropping a timer cancels it.
                Effect::CancelNoteTimer => drop(timer.borrow_mut().take()),
                Effect::Title(title) => page::set_title(&title),
                Effect::Download { name, mime, text } => {
                    if !download::download(&name, mime, &text) {
                        dispatch.emit(Input::Act(Action::Notify(Notice::error(
                            Place::Download,
                            "The browser did not start the download. Try again, or copy the summary instead.",
                        ))));
                    }
                }
                Effect::Focus(focus) => {
                    if let Some(root) = &root {
                        match focus {
                            Focus::Statement(id) => {
                                page::focus(root, &format!("{instance}-{id}"), false)
                            }
                            Focus::Section(id) => {
                                page::focus(root, &format!("{instance}-section-{id}"), false)
                            }
                            Focus::Heading => {
                                page::focus(root, &format!("{instance}-heading"), true)
                            }
                            Focus::Notice => {
                                page::focus(root, &format!("{instance}-notice"), false)
                            }
                            Focus::Undo => page::focus(root, &format!("{instance}-undo"), false),
                        }
                    }
                }
            }
        }
        // Marks when the first statement can be answered (for the benchmark).
        if let Some(root) = &root {
            page::mark_first_statement(root);
        }
    });
}

/// Whether a media query matches, following changes.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let matches = use_state(|| page::media_matches(query));
    {
        let matches = matches.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|window| window.match_media(query).ok().flatten())
                .map(|list| {
                    let target = list.clone();
                    EventListener::new(&list, "change", move |_| matches.set(target.matches()))
                });
            move || drop(listener)
        });
    }
    *matches
}
