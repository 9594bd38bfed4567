//! Messages about where answers live and what went wrong, with the action
//! that helps: download the answers, the data that could not be read, or
//! undo the last replace.

use super::page::{notice_at, Ctx};
use crate::core::keys::CheckRef;
use crate::core::route::Route;
use crate::core::state::{Action, Place, SaveStatus};
use crate::core::sync::Persistence;
use crate::core::time::local_date;
use crate::edge::{clock, download};
use yew::prelude::*;

/// The file name for an export of the open check (`extension` without
/// the dot), dated today in the person's time zone.
pub fn export_file_name(ctx: &Ctx, extension: &str) -> String {
    let who: String = ctx
        .state
        .document
        .subject
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(24)
        .collect::<String>()
        .to_lowercase();
    let who = if who.is_empty() {
        String::new()
    } else {
        format!("-{who}")
    };
    format!(
        "l5-selfcheck-{}{who}-{}.{extension}",
        ctx.state.ladder.id,
        local_date(ctx.now, ctx.state.offset)
    )
}

/// A button that downloads the open check as JSON, and says so if the
/// browser refused.
pub fn download_answers_button(ctx: &Ctx, label: &str) -> Html {
    let onclick = {
        let name = export_file_name(ctx, "json");
        let text = ctx.state.document.encode();
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if !download::download(&name, "application/json", &text) {
                dispatch.emit(Action::Notify(crate::core::state::Notice::error(
                    Place::Download,
                    "The browser did not start the download. Try again, or copy the summary instead.",
                )));
            }
        })
    };
    html! { <button type="button" class="button" {onclick}>{ label.to_string() }</button> }
}

/// Persistent warnings: shown for as long as they are true.
pub fn storage_banner(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let warning = match &state.persistence {
        Persistence::Saving => None,
        Persistence::InMemory { reason } => Some(html! {
            <div class="banner warning" role="alert">
                <p>{ format!("Your answers are not being saved: this browser would not let the page store them ({reason}). They stay only while this page is open.") }</p>
                <p>{ download_answers_button(ctx, "Download your answers") }</p>
            </div>
        }),
        Persistence::CheckDeleted => Some(html! {
            <div class="banner warning" role="alert">
                <p>{ format!("The check about {} was deleted in another tab or window, so nothing here is saved any more. It is kept under \u{201c}Deleted checks\u{201d} on the start page, where it can be restored.", state.check_name()) }</p>
                <p><a class="button" href={Route::Start.href(&CheckRef::Own)}>{ "Go to your own self-check" }</a></p>
            </div>
        }),
        Persistence::ReadOnly { schema } => Some(html! {
            <div class="banner warning" role="alert">
                <p>{ format!("These answers were saved by a newer version of this self-check (data version {schema}). They are shown read-only and nothing is written, so the newer data stays intact.") }</p>
            </div>
        }),
    };
    let unreadable = state.unreadable.as_ref().map(|unreadable| {
        let where_kept = match &unreadable.backup_key {
            Some(key) => format!("A copy is kept unchanged in this browser under \u{201c}{key}\u{201d}, and you are starting with a fresh check."),
            None => "It could not be copied, so nothing will be written over it.".to_string(),
        };
        let onclick = {
            let raw = unreadable.raw.clone();
            let name = export_file_name(ctx, "txt").replace(".txt", "-unreadable.txt");
            Callback::from(move |_: MouseEvent| {
                download::download(&name, "text/plain", &raw);
            })
        };
        html! {
            <div class="banner warning" role="alert">
                <p>{ format!("Your saved answers could not be read: {}. {where_kept}", unreadable.why) }</p>
                <p><button type="button" class="button" {onclick}>{ "Download the unreadable data" }</button></p>
            </div>
        }
    });
    html! {
        <>
            { warning.unwrap_or_default() }
            { unreadable.unwrap_or_default() }
            { notice_at(ctx, Place::Top, Html::default()) }
        </>
    }
}

/// The last replace of the answers, with Undo (also after a reload) and a
/// way to keep the new answers and stop being asked.
pub fn undo_replace(ctx: &Ctx) -> Html {
    let replaced = ctx.state.document.replaced.as_ref();
    let buttons = |ctx: &Ctx| {
        let undo = {
            let replace = ctx.effects.replace.clone();
            Callback::from(move |_: MouseEvent| {
                replace.emit(Action::Undo {
                    now: clock::now_ms(),
                })
            })
        };
        let keep = ctx.on(|| Action::KeepReplaced {
            now: clock::now_ms(),
        });
        html! {
            <p class="actions">
                <button type="button" class="button primary" onclick={undo}>{ "Undo" }</button>
                <button type="button" class="button" onclick={keep}>{ "Keep the new answers" }</button>
            </p>
        }
    };
    let notice = ctx
        .state
        .notice
        .as_ref()
        .is_some_and(|n| n.place == Place::Replace);
    match replaced {
        // The message just shown carries the buttons.
        Some(_) if notice => notice_at(ctx, Place::Replace, buttons(ctx)),
        Some(replaced) if !ctx.state.read_only() => html! {
            <>
                <div class="banner info undo">
                    <p>{ format!(
                        "On {} your answers were replaced by {}. The earlier answers are kept in the history.",
                        local_date(replaced.at, ctx.state.offset),
                        replaced.what
                    ) }</p>
                    { buttons(ctx) }
                </div>
                { notice_at(ctx, Place::Replace, Html::default()) }
            </>
        },
        _ => notice_at(ctx, Place::Replace, Html::default()),
    }
}

/// A polite live region in the header: announces saves without moving focus.
pub fn save_status_line(status: &SaveStatus) -> Html {
    let text = match status {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saved { answered } => format!("Saved ({answered} answered)"),
        SaveStatus::Failed => "Not saved: answers are kept in this page only.".to_string(),
    };
    html! { <p class="save-status" role="status">{ text }</p> }
}
