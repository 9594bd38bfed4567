//! The summary of one check, for a review, a promotion packet or a 1:1
//! document: in Markdown to paste or download, holding what the person
//! ticks. Its code is a part of its own (`Part::Summary`): only the data
//! page shows it, and only when it opens.

use super::banners::export_file_name;
use super::data::copy_button;
use super::outgoing::{markdown_download, on_checked};
use super::page::{notice_at, plural, Ctx};
use super::start::CtxProps;
use crate::core::document::CheckMode;
use crate::core::exchange::{outgoing, Contents};
use crate::core::keys::CheckRef;
use crate::core::markdown;
use crate::core::route::Route;
use crate::core::state::Place;
use crate::core::time::local_date;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The piece as a part renders it.
pub fn summary_piece(ctx: &Ctx) -> Html {
    html! { <Summary ctx={ctx.clone()} /> }
}

/// The Markdown summary of the open check, to paste into a wiki page or a
/// 1:1 document: with the notes only when ticked, and it says what it holds.
#[component]
fn Summary(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    // One's own notes go by default; notes about someone else only when ticked.
    let with_notes = use_state(|| state.check == CheckRef::Own);
    let mode = state.current_mode();
    let contents = Contents {
        notes: *with_notes,
        ..Contents::ALL
    };
    let sent = outgoing(&state.document, contents);
    // What moved since: the last check-in baseline or finished check by
    // default, any snapshot at the person's choice.
    let baselines: Vec<(u64, String)> = state
        .document
        .snapshots
        .iter()
        .filter(|s| s.is_baseline())
        .rev()
        .map(|s| {
            (
                s.taken_at,
                format!("{} ({})", local_date(s.taken_at, state.offset), s.what()),
            )
        })
        .collect();
    let since = use_state(|| baselines.first().map(|(at, _)| *at));
    let with_ideas = use_state(|| true);
    let options = markdown::SummaryOptions {
        quick_only: mode == CheckMode::Quick,
        since: (*since).filter(|at| baselines.iter().any(|(b, _)| b == at)),
        ideas: *with_ideas,
    };
    let text = markdown::summary(&state.ladder, &sent, options, state.offset);
    let notes = sent.answers.noted();
    let download = markdown_download(ctx, export_file_name(ctx, "summary", "md"), text.clone());
    let toggle = on_checked(&with_notes);
    let toggle_ideas = on_checked(&with_ideas);
    let choose_since = {
        let since = since.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            since.set(value.parse().ok());
        })
    };
    let check_name = if mode == CheckMode::Quick {
        "quick check"
    } else {
        "full check"
    };
    html! {
        <>
            if state.document.answers.noted() > 0 {
                <p class="field checkbox">
                    <input type="checkbox" id={ctx.id("summary-notes")} checked={*with_notes} onchange={toggle} />
                    <label for={ctx.id("summary-notes")}>{ "Put the notes in the summary" }</label>
                </p>
            }
            <p class="field checkbox">
                <input type="checkbox" id={ctx.id("summary-ideas")} checked={*with_ideas} onchange={toggle_ideas} />
                <label for={ctx.id("summary-ideas")}>{ "End with ideas for growth" }</label>
            </p>
            if !baselines.is_empty() {
                <p class="field">
                    <label for={ctx.id("summary-since")}>{ "Say what moved since" }</label>
                    <select id={ctx.id("summary-since")} onchange={choose_since}>
                        <option value="" selected={options.since.is_none()}>{ "Leave it out" }</option>
                        for (at, name) in baselines.iter() {
                            <option value={at.to_string()} selected={options.since == Some(*at)}>{ name.clone() }</option>
                        }
                    </select>
                </p>
            }
            <p class="file-holds">{ format!(
                "The summary holds the results of the {check_name} (each section, strengths, growth areas, watch-outs){} and the plan{}{}.",
                if options.since.is_some() { ", what moved since the moment chosen" } else { "" },
                if notes > 0 { format!(", with {}", plural(notes, "note", "notes")) } else { ", without notes".to_string() },
                if options.ideas { ", and ends with ideas for growth" } else { "" },
            ) }</p>
            <p class="actions">
                <button type="button" class="button" onclick={download}>{ "Download the summary (Markdown)" }</button>
                { copy_button(ctx, text, "Copy the summary (Markdown)", Place::CopySummary) }
                <a class="button" href={ctx.href(&Route::Results { mode: Some(mode) })}>{ "Print the results page" }</a>
            </p>
            { notice_at(ctx, Place::CopySummary, Html::default()) }
        </>
    }
}
