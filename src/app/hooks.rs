//! The effects around the state machine, one hook each: routing, saving and
//! storage sync, the actions that need storage, focus, and the page title.
//! Each reads the newest state through `Latest`, decides with `core`
//! functions, and dispatches the result as an action.

use crate::app::components::page::{heading_id, notice_id, Effects, NewCheck};
use crate::core::checks;
use crate::core::document::Document;
use crate::core::keys::{instance_prefix, ui_key, CheckRef, DocKeys};
use crate::core::route::{Compared, Route};
use crate::core::state::{Action, Change, Comparing, Notice, Place, State, NOTE_SAVE_DELAY_MS};
use crate::core::store::Store;
use crate::core::sync::{self, delete_all, restore_deleted, Persistence, SyncInput};
use crate::edge::storage::BrowserStore;
use crate::edge::{clock, page};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The newest rendered state, for listeners and timers set up once.
pub type Latest = Rc<RefCell<UseReducerHandle<State>>>;

/// What the hooks need to know about this widget.
#[derive(Clone, PartialEq)]
pub struct Widget {
    pub instance: AttrValue,
    /// Routes by the URL's hash (stand-alone page, iframe) or inside the
    /// widget (script embed).
    pub hash_routing: bool,
    /// Names this page in storage markers.
    pub tab: Rc<str>,
    /// The address's fragment when the app read it at start-up.
    pub first_hash: Rc<str>,
}

fn keys(widget: &Widget, state: &State) -> DocKeys {
    DocKeys::new(&widget.instance, &state.ladder.id, &state.check)
}

/// Reads what changed in storage and writes what this page has that
/// storage lacks; the result comes back as `Action::Synced`.
pub fn sync_now(widget: &Widget, state: &State, force: bool) -> Option<Action> {
    if !state.writes() {
        return None;
    }
    let synced = sync::sync(
        &BrowserStore,
        &keys(widget, state),
        &state.ladder,
        SyncInput {
            mine: &state.document,
            base: &state.synced,
            marker: state.marker.as_deref(),
            tab: &widget.tab,
            force,
            now: clock::now_ms(),
        },
    );
    Some(Action::Synced(synced))
}

fn checks_action(widget: &Widget, state: &State) -> Option<Action> {
    checks::list(&BrowserStore, &widget.instance, &state.ladder)
        .ok()
        .map(|(checks, deleted)| Action::Checks { checks, deleted })
}

/// Whether a check exists in storage (a link may name a deleted one).
fn exists(widget: &Widget, state: &State, check: &CheckRef) -> bool {
    match check {
        CheckRef::Own => true,
        CheckRef::Other(_) => {
            let keys = DocKeys::new(&widget.instance, &state.ladder.id, check);
            matches!(BrowserStore.read(&keys.document), Ok(Some(_)))
        }
    }
}

/// Goes to a page: of this check (`Navigate`), or of another check, whose
/// document is loaded first (pending changes of this one are written).
pub fn go(widget: &Widget, latest: &Latest, check: CheckRef, route: Route) {
    let handle = latest.borrow().clone();
    let now = clock::now_ms();
    // The switcher on the start page shows each check's count of answers:
    // read it again (after this page's pending write) when it shows.
    let shows_checks = route == Route::Start || check != handle.check;
    go_to(widget, latest, check, route, now);
    if shows_checks {
        let handle = latest.borrow().clone();
        if let Some(action) = checks_action(widget, &handle) {
            handle.dispatch(action);
        }
    }
}

fn go_to(widget: &Widget, latest: &Latest, check: CheckRef, route: Route, now: u64) {
    let handle = latest.borrow().clone();
    if check == handle.check {
        handle.dispatch(Action::Navigate { route, now });
    } else if matches!(handle.persistence, Persistence::InMemory { .. })
        && handle.document.answers.given() > 0
    {
        // These answers live only in this page: opening another check
        // would drop them.
        handle.dispatch(Action::Notify(Notice::new(
            Place::Top,
            "This browser is not saving the answers on this page, so opening another check would lose them. Download them first; then reload the page to open another check.",
        )));
    } else if !exists(widget, &handle, &check) {
        handle.dispatch(Action::Navigate {
            route: Route::NotFound {
                path: route.href(&check).trim_start_matches("#/").to_string(),
            },
            now,
        });
    } else {
        if let Some(action) = sync_now(widget, &handle, false) {
            handle.dispatch(action);
        }
        let keys = DocKeys::new(&widget.instance, &handle.ladder.id, &check);
        let loaded = sync::load(&BrowserStore, &keys, &handle.ladder, now);
        handle.dispatch(Action::Open {
            check,
            loaded: Box::new(loaded),
            route,
            now,
        });
    }
}

/// Follows the address (links, back, forward), writes the page into it,
/// and in a script embed routes in-app links itself. Returns the click
/// handler a script embed puts on its root.
#[hook]
pub fn use_routing(widget: &Widget, latest: &Latest) -> Option<Callback<MouseEvent>> {
    {
        let widget = widget.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .filter(|_| widget.hash_routing)
                .map(|window| {
                    EventListener::new(&window, "hashchange", move |_| {
                        let (check, route) = Route::parse(&page::hash());
                        go(&widget, &latest, check, route);
                    })
                });
            move || drop(listener)
        });
    }
    // Ready: listeners are in place. A link clicked while the page was
    // loading changed the address without anyone listening: follow it now.
    // Then tell the page (early.js's waiting cue and deep-link cover go).
    {
        let widget = widget.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            if widget.hash_routing {
                let hash = page::hash();
                if hash != *widget.first_hash {
                    let (check, route) = Route::parse(&hash);
                    go(&widget, &latest, check, route);
                }
                page::mark_ready();
            }
        });
    }
    let state = latest.borrow().clone();
    // Write the page into the address (a new history entry) when the app
    // moved to it. Not at start-up: the page then came from the address
    // (which may have changed since, by a link clicked while loading).
    {
        let hash_routing = widget.hash_routing;
        let first = use_mut_ref(|| true);
        let href = state.href(&state.route);
        use_effect_with(href, move |href| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            if hash_routing && Route::parse(&page::hash()) != Route::parse(href) {
                page::set_hash(href);
            }
        });
    }
    // A comparison with another check: load that check's answers.
    {
        let widget = widget.clone();
        let latest = latest.clone();
        use_effect_with(
            (state.check.clone(), state.route.clone()),
            move |(check, route)| {
                if let Route::Compare {
                    with: Compared::Check(other),
                } = route
                {
                    let handle = latest.borrow().clone();
                    if other != check && exists(&widget, &handle, other) {
                        let keys = DocKeys::new(&widget.instance, &handle.ladder.id, other);
                        let document = sync::peek(&BrowserStore, &keys, &handle.ladder)
                            .unwrap_or_else(|| {
                                Document::new(&handle.ladder.id, &handle.ladder.version)
                            });
                        let label =
                            crate::core::markdown::view_label(&document, *other == CheckRef::Own);
                        handle.dispatch(Action::Compare(Some(Rc::new(Comparing {
                            label,
                            document,
                        }))));
                    }
                }
            },
        );
    }
    (!widget.hash_routing).then(|| {
        let widget = widget.clone();
        let latest = latest.clone();
        Callback::from(move |event: MouseEvent| {
            let link = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.closest("a[href^='#/']").ok().flatten());
            if let Some(href) = link.and_then(|link| link.get_attribute("href")) {
                event.prevent_default();
                let (check, route) = Route::parse(&href);
                go(&widget, &latest, check, route);
            }
        })
    })
}

/// Saving: every change is written at once, a typed note within
/// `NOTE_SAVE_DELAY_MS` and at once when the page is hidden. Another tab's
/// write (`storage` event), a page shown again (back/forward cache,
/// visible again) each sync with storage. Returns "write what is pending
/// now", for actions that must see storage first.
#[hook]
pub fn use_saving(widget: &Widget, latest: &Latest) -> Rc<dyn Fn()> {
    let state = latest.borrow().clone();
    let flush = use_memo((), {
        let widget = widget.clone();
        let latest = latest.clone();
        move |_| {
            Rc::new(move || {
                let handle = latest.borrow().clone();
                if handle.needs_sync() {
                    if let Some(action) = sync_now(&widget, &handle, false) {
                        handle.dispatch(action);
                    }
                }
            }) as Rc<dyn Fn()>
        }
    });
    let note_timer = use_mut_ref(|| None::<Timeout>);
    {
        let flush = flush.clone();
        let last_change = state.last_change;
        use_effect_with(state.document.clone(), move |_| {
            let mut timer = note_timer.borrow_mut();
            if last_change == Change::Note {
                if timer.is_none() {
                    let note_timer = note_timer.clone();
                    let flush = (*flush).clone();
                    *timer = Some(Timeout::new(NOTE_SAVE_DELAY_MS, move || {
                        note_timer.borrow_mut().take();
                        flush();
                    }));
                }
            } else {
                // Dropping a pending timer cancels it; this write covers it.
                timer.take();
                drop(timer);
                flush();
            }
        });
    }
    // The answer key has been seen: remember it for this instance.
    {
        let instance = widget.instance.clone();
        use_effect_with(state.key_seen, move |seen| {
            if *seen {
                let _ = BrowserStore.write(&ui_key(&instance), "key-seen");
            }
        });
    }
    {
        let widget = widget.clone();
        let latest = latest.clone();
        let flush = flush.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let wake = {
                let widget = widget.clone();
                let latest = latest.clone();
                move |force: bool| {
                    let handle = latest.borrow().clone();
                    if let Some(action) = sync_now(&widget, &handle, force) {
                        handle.dispatch(action);
                    }
                    if let Some(action) = checks_action(&widget, &handle) {
                        handle.dispatch(action);
                    }
                }
            };
            let listeners = window.map(|window| {
                let on_hide = {
                    let flush = (*flush).clone();
                    EventListener::new(&window, "pagehide", move |_| flush())
                };
                // Back/forward cache: the page may have missed other tabs' writes.
                let on_show = {
                    let wake = wake.clone();
                    EventListener::new(&window, "pageshow", move |event| {
                        let restored = event
                            .dyn_ref::<web_sys::PageTransitionEvent>()
                            .is_some_and(|e| e.persisted());
                        if restored {
                            wake(false);
                        }
                    })
                };
                let on_visibility = window.document().map(|document| {
                    let flush = (*flush).clone();
                    let wake = wake.clone();
                    EventListener::new(&document, "visibilitychange", move |_| {
                        if page::is_hidden() {
                            flush();
                        } else {
                            wake(false);
                        }
                    })
                });
                let on_storage = {
                    let prefix = instance_prefix(&widget.instance);
                    EventListener::new(&window, "storage", move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                            return;
                        };
                        // `key` is absent when another tab cleared all storage.
                        if event.key().is_none_or(|key| key.starts_with(&prefix)) {
                            wake(true);
                        }
                    })
                };
                (on_hide, on_show, on_visibility, on_storage)
            });
            move || drop(listeners)
        });
    }
    (*flush).clone()
}

/// The actions that need storage, as callbacks for the pages.
#[hook]
pub fn use_effects(widget: &Widget, latest: &Latest, flush: Rc<dyn Fn()>) -> Effects {
    let widget = widget.clone();
    let latest = latest.clone();
    let refresh = {
        let widget = widget.clone();
        let latest = latest.clone();
        move || {
            let handle = latest.borrow().clone();
            if let Some(action) = checks_action(&widget, &handle) {
                handle.dispatch(action);
            }
        }
    };
    let notify_failure = |latest: &Latest, what: &str, why: &str| {
        latest.borrow().dispatch(Action::Notify(Notice::error(
            Place::Delete,
            format!("{what}: {why}"),
        )));
    };
    use_memo((), move |_| {
        let delete_all = {
            let (widget, latest, flush) = (widget.clone(), latest.clone(), flush.clone());
            Callback::from(move |_: ()| {
                // A pending note goes with the rest, so undo brings it back.
                flush();
                let handle = latest.borrow().clone();
                let result = delete_all(&BrowserStore, &instance_prefix(&widget.instance), clock::now_ms());
                let (removed, fault) = match result {
                    Ok(removed) => (removed, None),
                    Err((fault, removed)) => (removed, Some(fault)),
                };
                let partly = !removed.items.is_empty();
                if fault.is_none() || partly {
                    let marker = BrowserStore.read(&keys(&widget, &handle).marker).ok().flatten();
                    handle.dispatch(Action::Deleted { removed, marker });
                }
                if let Some(fault) = fault {
                    let what = if partly {
                        "Not everything could be deleted (Undo puts back what was)"
                    } else {
                        "Your answers could not be deleted"
                    };
                    notify_failure(&latest, what, fault.detail());
                }
            })
        };
        let undo_delete = {
            let (widget, latest, flush, refresh) =
                (widget.clone(), latest.clone(), flush.clone(), refresh.clone());
            Callback::from(move |_: ()| {
                flush();
                let handle = latest.borrow().clone();
                let Some(removed) = handle.deleted.clone() else {
                    return;
                };
                match restore_deleted(&BrowserStore, &removed, clock::now_ms(), &widget.tab) {
                    Ok(()) => {
                        handle.dispatch(Action::DeleteUndone);
                        let handle = latest.borrow().clone();
                        if let Some(action) = sync_now(&widget, &handle, true) {
                            handle.dispatch(action);
                        }
                        refresh();
                    }
                    Err(fault) => notify_failure(&latest, "The deletion could not be undone", fault.detail()),
                }
            })
        };
        // Read storage first, so the copy kept for undo holds every answer
        // given until now (in this tab and others).
        let replace = {
            let (widget, latest) = (widget.clone(), latest.clone());
            Callback::from(move |action: Action| {
                let handle = latest.borrow().clone();
                if let Some(synced) = sync_now(&widget, &handle, false) {
                    handle.dispatch(synced);
                }
                handle.dispatch(action);
            })
        };
        let add_check = {
            let (widget, latest, refresh) = (widget.clone(), latest.clone(), refresh.clone());
            Callback::from(move |new: NewCheck| {
                let handle = latest.borrow().clone();

                let added = checks::add(
                    &BrowserStore,
                    &widget.instance,
                    &handle.ladder,
                    &new.name,
                    new.rater,
                    new.from.as_deref(),
                    clock::now_ms(),
                );
                match added {
                    Ok(id) => {
                        refresh();
                        go(&widget, &latest, CheckRef::Other(id), new.then);
                    }
                    Err(why) => handle.dispatch(Action::Notify(Notice::error(Place::Top, why))),
                }
            })
        };
        let change_check = |what: &'static str| {
            let (widget, latest, flush, refresh) =
                (widget.clone(), latest.clone(), flush.clone(), refresh.clone());
            Callback::from(move |id: String| {
                flush();
                let handle = latest.borrow().clone();
                let (instance, ladder, now) = (&widget.instance, &handle.ladder.id, clock::now_ms());
                let done = match what {
                    "delete" => checks::delete(&BrowserStore, instance, ladder, &id, now),
                    "restore" => checks::restore(&BrowserStore, instance, ladder, &id, now),
                    _ => checks::purge(&BrowserStore, instance, ladder, &id),
                };
                let name = handle
                    .checks
                    .iter()
                    .chain(handle.deleted_checks.iter())
                    .find(|c| c.id == id)
                    .map(|c| c.label())
                    .unwrap_or_default();
                let text = match (what, &done) {
                    ("delete", Ok(())) => format!("The check about \u{201c}{name}\u{201d} was deleted. It is kept under \u{201c}Deleted checks\u{201d} below until you restore it or delete it for good."),
                    ("restore", Ok(())) => format!("The check about \u{201c}{name}\u{201d} is back."),
                    (_, Ok(())) => format!("The check about \u{201c}{name}\u{201d} was deleted for good."),
                    (_, Err(fault)) => format!("That did not work: {}", fault.detail()),
                };
                if what == "delete" && handle.check == CheckRef::Other(id.clone()) {
                    go(&widget, &latest, CheckRef::Own, Route::Start);
                }
                refresh();
                latest.borrow().dispatch(Action::Notify(Notice {
                    place: Place::Checks,
                    text,
                    error: done.is_err(),
                    restore: (what == "delete" && done.is_ok()).then_some(id),
                }));
            })
        };
        Effects {
            delete_all,
            undo_delete,
            replace,
            add_check,
            delete_check: change_check("delete"),
            restore_check: change_check("restore"),
            purge_check: change_check("purge"),
        }
    })
    .as_ref()
    .clone()
}

/// After navigating (not on first load, which must not steal focus from a
/// wiki page), focus moves to the new page's heading or linked statement;
/// after a delete, replace or undo, to the message that says what happened.
#[hook]
pub fn use_focus(widget: &Widget, state: &State, root: &NodeRef) {
    let first = use_mut_ref(|| true);
    {
        let instance = widget.instance.clone();
        let root = root.clone();
        let first = first.clone();
        use_effect_with(
            (state.check.clone(), state.route.clone()),
            move |(_, route)| {
                if std::mem::take(&mut *first.borrow_mut()) {
                    return;
                }
                let Some(root) = root.cast::<web_sys::Element>() else {
                    return;
                };
                match route {
                    Route::Check {
                        focus: Some(statement),
                        ..
                    } => page::focus(&root, &format!("{instance}-{statement}"), false),
                    Route::Quick {
                        section: Some(section),
                    } => page::focus(&root, &format!("{instance}-section-{section}"), false),
                    _ => page::focus(&root, &heading_id(&instance), true),
                }
            },
        );
    }
    {
        let instance = widget.instance.clone();
        let root = root.clone();
        let notice = state.notice.clone();
        use_effect_with(notice, move |notice| {
            let moves = notice
                .as_ref()
                .is_some_and(|n| matches!(n.place, Place::Delete | Place::Replace | Place::Checks));
            if let (true, Some(root)) = (moves, root.cast::<web_sys::Element>()) {
                page::focus(&root, &notice_id(&instance), false);
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
}

/// The browser tab says whose check is open (stand-alone page and iframe).
#[hook]
pub fn use_title(widget: &Widget, state: &State) {
    let title = format!(
        "{} \u{2014} {} self-check",
        state.check_name(),
        state.ladder.title
    );
    let hash_routing = widget.hash_routing;
    use_effect_with(title, move |title| {
        if hash_routing {
            page::set_title(title);
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
