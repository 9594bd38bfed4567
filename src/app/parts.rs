//! Code that loads when its page first opens. The release build splits the
//! wasm at the points below (feature `split`; `./dev` runs wasm-split-cli
//! between cargo and wasm-bindgen): the start page, the check pages and
//! the engine come first, and each part is fetched when its page opens, or
//! when the browser is idle after the first answer is possible. Everywhere
//! else (native tests, the prerender, wasm-bindgen-test) every part is
//! linked in and simply there.
//!
//! Loading code is not a storage decision: nothing here reads or writes
//! storage, and a part that cannot arrive leaves every answer as it is.

use super::components::page::{heading, Ctx};
use crate::core::route::{Compared, Route};
use yew::prelude::*;

/// A page (or a piece of one), rendered from the context like any page.
pub type PageFn = fn(&Ctx) -> Html;

/// Code that loads on its own. Parts that share a file load together
/// (`module()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The start page: the next step, whose check, the plan, the data.
    Start,
    /// The summary of a check (Markdown), on the data page.
    Summary,
    Results,
    Since,
    Learn,
    Data,
    Shared,
    Agenda,
}

impl Part {
    /// In the order the browser fetches them when idle: what a person is
    /// most likely to open next first.
    pub const ALL: [Part; 8] = [
        Part::Start,
        Part::Results,
        Part::Since,
        Part::Learn,
        Part::Data,
        Part::Shared,
        Part::Agenda,
        Part::Summary,
    ];

    /// The file the part's code is in (the split module's name).
    pub fn module(self) -> &'static str {
        match self {
            Part::Start => "start",
            Part::Results | Part::Since => "results",
            Part::Learn => "learn",
            Part::Data | Part::Shared => "exchange",
            Part::Agenda => "agenda",
            Part::Summary => "summary",
        }
    }

    /// What the page is called while its code is on its way.
    pub fn title(self) -> &'static str {
        match self {
            Part::Start => "Where do you stand today?",
            Part::Summary => "Summary",
            Part::Results => "Results",
            Part::Since => "What moved since",
            Part::Learn => "Learn what the level means",
            Part::Data => "Save, share and compare",
            Part::Shared => "Answers shared with you",
            Part::Agenda => "The 1:1 agenda",
        }
    }

    /// The part a route's page needs, beyond the first part.
    pub fn for_route(route: &Route) -> Option<Part> {
        match route {
            Route::Start => Some(Part::Start),
            Route::Rate { .. } => Some(Part::Learn),
            Route::Quick { .. } | Route::Check { .. } | Route::NotFound { .. } => None,
            Route::Results { .. } => Some(Part::Results),
            Route::Learn { .. } => Some(Part::Learn),
            Route::Data => Some(Part::Data),
            Route::Compare {
                with: Compared::Snapshot(_),
            } => Some(Part::Since),
            Route::Compare { .. } => Some(Part::Agenda),
            Route::Shared { .. } => Some(Part::Shared),
        }
    }
}

/// Where a part's code stands.
#[derive(Clone, Copy)]
pub enum Status {
    /// Not asked for yet, or on its way.
    Loading,
    Ready(PageFn),
    /// Could not be fetched (offline, a blocked file): a retry may help.
    Failed,
}

#[cfg(not(all(target_arch = "wasm32", feature = "split")))]
mod code {
    use super::{PageFn, Part, Status};
    use crate::app::components::{compare, data, learn, results, shared, since, start, summary};

    pub fn page(part: Part) -> PageFn {
        match part {
            Part::Start => start::start_page,
            Part::Summary => summary::summary_piece,
            Part::Results => results::results_page,
            Part::Since => since::since_from_route,
            Part::Learn => learn::learn_or_rate,
            Part::Data => data::data_page,
            Part::Shared => shared::shared_from_route,
            Part::Agenda => compare::compare_page,
        }
    }

    /// Every part is linked in: nothing to wait for.
    pub fn status(part: Part) -> Status {
        Status::Ready(page(part))
    }

    pub fn request(_part: Part) {}

    pub fn watch(_part: Part, _settled: yew::Callback<()>) -> usize {
        0
    }

    pub fn unwatch(_part: Part, _handle: usize) {}

    pub async fn load(_part: Part) {}

    pub fn preload_all() {}

    pub async fn content_report(text: String, built_in: String) -> Option<String> {
        Some(super::report(&text, &built_in))
    }
}

/// Every problem and warning of a content file (the try page).
fn report(text: &str, built_in: &str) -> String {
    use crate::core::content::{report, Ladder};
    report(text, Ladder::parse(built_in).ok().as_ref())
}

#[cfg(all(target_arch = "wasm32", feature = "split"))]
mod code {
    use super::{PageFn, Part, Status};
    use crate::app::components::{compare, data, learn, results, shared, since, start, summary};
    use std::cell::RefCell;
    use wasm_split_helpers::{wasm_split, SplitLoaderError};

    /// A part whose file could not be fetched.
    pub struct Unavailable;

    impl From<SplitLoaderError> for Unavailable {
        fn from(_: SplitLoaderError) -> Self {
            Unavailable
        }
    }

    // Each split point hands back the page function; calling one the
    // first time fetches its module's file (and the files it shares code
    // with). Functions with the same module name share one file.
    #[wasm_split(start, fallible)]
    fn start() -> Result<PageFn, Unavailable> {
        Ok(start::start_page)
    }
    #[wasm_split(summary, fallible)]
    fn summary_part() -> Result<PageFn, Unavailable> {
        Ok(summary::summary_piece)
    }
    #[wasm_split(pages, fallible)]
    fn results() -> Result<PageFn, Unavailable> {
        Ok(results::results_page)
    }
    #[wasm_split(pages, fallible)]
    fn since() -> Result<PageFn, Unavailable> {
        Ok(since::since_from_route)
    }
    #[wasm_split(learn, fallible)]
    fn learn() -> Result<PageFn, Unavailable> {
        Ok(learn::learn_or_rate)
    }
    #[wasm_split(exchange, fallible)]
    fn data() -> Result<PageFn, Unavailable> {
        Ok(data::data_page)
    }
    #[wasm_split(exchange, fallible)]
    fn shared() -> Result<PageFn, Unavailable> {
        Ok(shared::shared_from_route)
    }
    #[wasm_split(agenda, fallible)]
    fn agenda() -> Result<PageFn, Unavailable> {
        Ok(compare::compare_page)
    }

    // The try page's checks and warnings: only that page asks for them.
    #[wasm_split(check, fallible)]
    fn check(text: String, built_in: String) -> Result<String, Unavailable> {
        Ok(super::report(&text, &built_in))
    }

    pub async fn content_report(text: String, built_in: String) -> Option<String> {
        check(text, built_in).await.ok()
    }

    #[derive(Default)]
    struct Slot {
        ready: Option<PageFn>,
        loading: bool,
        failed: bool,
        /// Pages showing this part, told whenever a load settles.
        watchers: Vec<(usize, yew::Callback<()>)>,
    }

    thread_local! {
        static SLOTS: RefCell<[Slot; Part::ALL.len()]> = RefCell::new(Default::default());
        static NEXT_WATCHER: std::cell::Cell<usize> = const { std::cell::Cell::new(1) };
    }

    fn with_slot<T>(part: Part, f: impl FnOnce(&mut Slot) -> T) -> T {
        let index = Part::ALL.iter().position(|p| *p == part).unwrap_or(0);
        SLOTS.with(|slots| f(&mut slots.borrow_mut()[index]))
    }

    pub fn status(part: Part) -> Status {
        with_slot(part, |slot| match slot.ready {
            Some(page) => Status::Ready(page),
            None if slot.failed && !slot.loading => Status::Failed,
            None => Status::Loading,
        })
    }

    /// Starts fetching `part` unless it is there or on its way (a part
    /// that failed is tried again).
    pub fn request(part: Part) {
        let start = with_slot(part, |slot| {
            slot.ready.is_none() && !std::mem::replace(&mut slot.loading, true)
        });
        if start {
            wasm_bindgen_futures::spawn_local(fetch(part));
        }
    }

    /// Calls `settled` every time a load of `part` arrives or fails, until
    /// `unwatch` with the handle returned.
    pub fn watch(part: Part, settled: yew::Callback<()>) -> usize {
        let handle = NEXT_WATCHER.with(|next| next.replace(next.get() + 1));
        with_slot(part, |slot| slot.watchers.push((handle, settled)));
        handle
    }

    pub fn unwatch(part: Part, handle: usize) {
        with_slot(part, |slot| slot.watchers.retain(|(h, _)| *h != handle));
    }

    /// Fetches `part` if it is not there yet, and waits for it.
    pub async fn load(part: Part) {
        let start = with_slot(part, |slot| {
            slot.ready.is_none() && !std::mem::replace(&mut slot.loading, true)
        });
        if start {
            fetch(part).await;
        }
    }

    async fn fetch(part: Part) {
        let loaded = match part {
            Part::Start => start().await,
            Part::Summary => summary_part().await,
            Part::Results => results().await,
            Part::Since => since().await,
            Part::Learn => learn().await,
            Part::Data => data().await,
            Part::Shared => shared().await,
            Part::Agenda => agenda().await,
        };
        let watchers = with_slot(part, |slot| {
            slot.loading = false;
            match loaded {
                Ok(page) => {
                    slot.ready = Some(page);
                    slot.failed = false;
                }
                Err(Unavailable) => slot.failed = true,
            }
            slot.watchers.clone()
        });
        for (_, settled) in watchers {
            settled.emit(());
        }
    }

    /// Fetches every part not there yet, one after another.
    pub fn preload_all() {
        wasm_bindgen_futures::spawn_local(async {
            for part in Part::ALL {
                load(part).await;
            }
        });
    }
}

pub use code::{content_report, load, preload_all, request, status, unwatch, watch};

#[derive(Properties, PartialEq, Clone)]
pub struct LazyProps {
    pub part: Part,
    pub ctx: Ctx,
}

/// Asks for the part when it is not there, and renders again whenever a
/// load of it settles (this page's, a retry's or the idle preload's).
#[hook]
fn use_part(part: Part) -> (Status, Callback<MouseEvent>) {
    let update = use_force_update();
    {
        let update = update.clone();
        use_effect_with(part, move |part| {
            let part = *part;
            let handle = watch(part, Callback::from(move |_| update.force_update()));
            if !matches!(status(part), Status::Ready(_)) {
                request(part);
            }
            move || unwatch(part, handle)
        });
    }
    let retry = Callback::from(move |_: MouseEvent| {
        request(part);
        update.force_update();
    });
    (status(part), retry)
}

/// A page whose code may still be on its way: its title and a quiet
/// "loading" until it arrives; if it cannot arrive, the page says so with
/// a retry.
#[component]
pub fn LazyPage(props: &LazyProps) -> Html {
    let (status, retry) = use_part(props.part);
    let ctx = &props.ctx;
    match status {
        Status::Ready(page) => page(ctx),
        Status::Loading => html! {
            <section class="page">
                { heading(ctx, props.part.title().into()) }
                <p class="loading" role="status">{ "Loading\u{2026}" }</p>
            </section>
        },
        Status::Failed => html! {
            <section class="page">
                { heading(ctx, props.part.title().into()) }
                { unavailable(retry) }
            </section>
        },
    }
}

/// A piece of a page that only some visits open (the summary on the data
/// page): its code is asked for when it shows, with "Loading…" and a retry
/// as for a page.
#[component]
pub fn LazyPiece(props: &LazyProps) -> Html {
    let (status, retry) = use_part(props.part);
    match status {
        Status::Ready(piece) => piece(&props.ctx),
        Status::Loading => html! { <p class="loading" role="status">{ "Loading\u{2026}" }</p> },
        Status::Failed => unavailable(retry),
    }
}

fn unavailable(retry: Callback<MouseEvent>) -> Html {
    html! {
        <div class="banner error" role="alert">
            <p>{ "This part of the page could not be loaded: its file did not arrive (offline, or blocked on the way). Your answers are safe and unchanged." }</p>
            <p><button type="button" class="button primary" onclick={retry}>{ "Try again" }</button></p>
        </div>
    }
}
