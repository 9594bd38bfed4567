//! A read-only view of answers carried in a share link: every shared
//! statement with its answer, by section, with the date it was shared.
//! Keeping or comparing them goes through the same choices as a file.

use super::data::{describe, TakeAnswers};
use super::page::{heading, Ctx};
use super::ui::{el, t};
use crate::core::route::Route;
use crate::core::scoring::answer_label;
use crate::core::share;
use crate::core::time::local_date;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharedProps {
    pub ctx: Ctx,
    pub payload: AttrValue,
}

pub fn shared_page(ctx: &Ctx, payload: &str) -> Html {
    html! { <SharedView ctx={ctx.clone()} payload={AttrValue::from(payload.to_string())} /> }
}

#[component]
fn SharedView(props: &SharedProps) -> Html {
    let ctx = &props.ctx;
    let ladder = &ctx.state.ladder;
    let taking = use_state(|| false);
    let shared = use_memo(props.payload.clone(), {
        let ladder = ladder.clone();
        move |payload| share::decode(&ladder, payload).map(|s| (Rc::new(s.document), s.made_at))
    });
    let (document, made_at) = match &*shared {
        Ok(shared) => shared.clone(),
        Err(why) => {
            return html! {
                <section class="page">
                    { heading(ctx, "Answers shared with you".into()) }
                    <p class="banner error" role="alert">{ format!("This link cannot be opened. {why}") }</p>
                    <p><a class="button primary" href={ctx.href(&Route::Start)}>{ "Go to the start page" }</a></p>
                </section>
            }
        }
    };
    let someone = document.rater != crate::core::document::Rater::Subject;
    // Each section with shared answers: its statements and their answers.
    let sections: Vec<Html> = ladder
        .sections
        .iter()
        .enumerate()
        .filter_map(|(index, section)| {
            let items: Vec<Html> = ladder
                .statements
                .iter()
                .enumerate()
                .filter(|(_, s)| s.section == index)
                .filter_map(|(i, s)| {
                    let rating = document.rating(&s.id)?;
                    Some(el(
                        "li",
                        "",
                        vec![
                            t("span", "statement-text", s.text_for(someone).to_string()),
                            t("strong", "", answer_label(ladder, i, Some(rating), someone)),
                        ],
                    ))
                })
                .collect();
            (!items.is_empty()).then(|| {
                html! {
                    <section class="card" aria-label={section.title.clone()}>
                        <h2>{ section.title.clone() }</h2>
                        { el("ul", "shared-answers", items) }
                    </section>
                }
            })
        })
        .collect();
    let take = {
        let taking = taking.clone();
        Callback::from(move |_: MouseEvent| taking.set(true))
    };
    let on_done = {
        let taking = taking.clone();
        Callback::from(move |_| taking.set(false))
    };
    html! {
        <section class="page shared">
            { heading(ctx, "Answers shared with you".into()) }
            <p class="lead">{ format!("{} Shared on {}. Read-only: nothing is saved unless you choose to keep them.", describe(&document, ctx.state.offset), local_date(made_at, ctx.state.offset)) }</p>
            if document.answers.rated() == 0 {
                <p>{ "The link carries no answers yet." }</p>
            }
            { for sections }
            if *taking {
                <TakeAnswers ctx={ctx.clone()} document={document.clone()}
                    what={AttrValue::from("opening a shared link")} from={AttrValue::from("a shared link")} {on_done} />
            } else {
                <p class="actions">
                    <button type="button" class="button primary" onclick={take}>{ "Use these answers\u{2026}" }</button>
                    <a class="button" href={ctx.href(&Route::Start)}>{ "Go to the start page" }</a>
                </p>
            }
        </section>
    }
}

/// The page for the route that carries a share link (a part's entry point).
pub fn shared_from_route(ctx: &Ctx) -> Html {
    match &ctx.state.route {
        Route::Shared { payload } => shared_page(ctx, payload),
        _ => Html::default(),
    }
}
