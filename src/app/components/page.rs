//! What every page gets (`Ctx`), and the small pieces pages share. Pages
//! are plain functions of `Ctx`: they render the state and dispatch
//! actions, so they render the same in the browser, in the prerender and
//! in native tests.

use crate::core::document::Rating;
use crate::core::route::Route;
use crate::core::state::{Action, Notice, Place, State};
use std::rc::Rc;
use yew::prelude::*;

/// A page's view of the app.
#[derive(Clone)]
pub struct Ctx {
    pub state: Rc<State>,
    /// Every action goes to the engine, which decides what follows.
    pub dispatch: Callback<Action>,
    /// For statements: made once, so unchanged statements skip re-rendering.
    pub on_rate: OnRate,
    pub on_note: OnNote,
    /// Names this embed; prefixes element ids.
    pub instance: AttrValue,
    /// Milliseconds since the epoch when the page rendered.
    pub now: u64,
    /// This page's address without its fragment, for share links.
    pub page_url: Rc<str>,
    /// Room for the contents beside a section.
    pub wide: bool,
    /// The widget follows the page address (stand-alone page, iframe); a
    /// script embed does not.
    pub hash_routing: bool,
    /// Weeks without a change after which a check-in is offered.
    pub checkin_weeks: u32,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
            && self.dispatch == other.dispatch
            && self.on_rate == other.on_rate
            && self.instance == other.instance
            && self.page_url == other.page_url
            && self.wide == other.wide
    }
}

impl Ctx {
    /// The hash of a page of the open check.
    pub fn href(&self, route: &Route) -> String {
        self.state.href(route)
    }

    /// An address that opens `route` in this widget from anywhere: the
    /// page address with the route after the `#`; in a script embed, the
    /// route is addressed to this widget by name, since the page's own
    /// address is not the widget's.
    pub fn link_to(&self, route: &Route) -> String {
        let hash = route.href(&Default::default());
        if self.hash_routing {
            format!("{}{hash}", self.page_url)
        } else {
            format!(
                "{}{}",
                self.page_url,
                crate::core::route::embed_hash(&self.instance, &hash)
            )
        }
    }

    /// An element id unique to this widget on the page.
    pub fn id(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.instance)
    }

    /// A callback that dispatches `make()`'s action.
    pub fn on<E>(&self, make: impl Fn() -> Action + 'static) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: E| dispatch.emit(make()))
    }
}

/// The id of the heading that takes focus when the page changes.
pub fn heading_id(instance: &str) -> String {
    format!("{instance}-heading")
}

/// The id of the message that takes focus after a delete, replace or undo.
pub fn notice_id(instance: &str) -> String {
    format!("{instance}-notice")
}

/// The page heading: focusable, so navigation can move focus to it.
pub fn heading(ctx: &Ctx, text: String) -> Html {
    html! { <h1 id={heading_id(&ctx.instance)} tabindex="-1">{ text }</h1> }
}

/// The message for `place`, if there is one: shown next to its control,
/// announced politely, focusable (focus moves to it after a delete,
/// replace or undo). `extra` holds buttons that go with it (Undo).
pub fn notice_at(ctx: &Ctx, place: Place, extra: Html) -> Html {
    // The live region is always in the page, so what appears in it is
    // announced; an error inside it is an alert.
    let inner = match &ctx.state.notice {
        Some(Notice {
            place: at,
            text,
            error,
            ..
        }) if *at == place => html! {
            <div class={classes!("notice", error.then_some("error"))} id={notice_id(&ctx.instance)}
                tabindex="-1" role={error.then_some("alert")}>
                <p>{ text.clone() }</p>
                { extra }
            </div>
        },
        _ => Html::default(),
    };
    html! { <div class="notice-slot" role="status">{ inner }</div> }
}

/// A bad deep link: say what is missing and offer the way back.
pub fn not_found(ctx: &Ctx, what: &str) -> Html {
    html! {
        <section class="page">
            { heading(ctx, "Page not found".into()) }
            <p role="alert">{ what.to_string() }</p>
            <p><a class="button primary" href={ctx.href(&Route::Start)}>{ "Go to the start page" }</a></p>
        </section>
    }
}

pub use crate::core::markdown::plural;

/// Rates a statement: (statement index, rating).
pub type OnRate = Callback<(usize, Rating)>;
/// Types a note: (statement index, text).
pub type OnNote = Callback<(usize, String)>;

/// The statement callbacks for a dispatcher.
pub fn statement_callbacks(dispatch: &Callback<Action>) -> (OnRate, OnNote) {
    let rate = dispatch.reform(|(statement, rating)| Action::Rate { statement, rating });
    let note = dispatch.reform(|(statement, text)| Action::Note { statement, text });
    (rate, note)
}

/// A table of sections against two sides and what lies between them (the
/// agenda's gap, what moved since a check-in): each row's header is the
/// section, then three cells of text. Scrolls inside its box when narrow.
pub fn section_table(
    ctx: &Ctx,
    id: &str,
    caption: String,
    head: [&str; 3],
    rows: Vec<(String, [String; 3])>,
) -> Html {
    let caption_id = ctx.id(id);
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={caption_id.clone()}>
            <table>
                <caption id={caption_id}>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ "Section" }</th>
                    for name in head {
                        <th scope="col"><bdi>{ name.to_string() }</bdi></th>
                    }
                </tr></thead>
                <tbody>
                    for (title, cells) in rows {
                        <tr>
                            <th scope="row">{ title }</th>
                            for cell in cells {
                                <td>{ cell }</td>
                            }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
