//! Messages about where answers live and what went wrong, with the action
//! that helps: download the answers, or the data that could not be read.

use crate::app::state::{Persistence, SaveStatus, State};
use crate::edge::{download, page};
use yew::prelude::*;

/// The file name for an export of this ladder's document (`extension`
/// without the dot).
pub fn export_file_name(ladder: &str, extension: &str) -> String {
    format!("l5-selfcheck-{ladder}-{}.{extension}", page::today())
}

/// A button that downloads the current answers as JSON.
pub fn download_answers_button(state: &UseReducerHandle<State>, label: &str) -> Html {
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            download::download(
                &export_file_name(&state.ladder.id, "json"),
                "application/json",
                &state.document.encode(),
            );
        })
    };
    html! { <button type="button" class="button" {onclick}>{ label.to_string() }</button> }
}

/// Persistent warnings: shown for as long as they are true.
pub fn storage_banner(state: &UseReducerHandle<State>) -> Html {
    let warning = match &state.persistence {
        Persistence::Saving => None,
        Persistence::InMemory { reason } => Some(html! {
            <div class="banner warning" role="alert">
                <p>{ format!("Your answers are not being saved: this browser would not let the page store them ({reason}). They stay only while this page is open.") }</p>
                <p>{ download_answers_button(state, "Download your answers") }</p>
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
            let ladder = state.ladder.id.clone();
            Callback::from(move |_: MouseEvent| {
                download::download(
                    &format!("l5-selfcheck-{ladder}-unreadable-{}.txt", page::today()),
                    "text/plain",
                    &raw,
                );
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
        </>
    }
}

/// A polite live region: announces saves without moving focus.
pub fn save_status_line(status: &SaveStatus) -> Html {
    let text = match status {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saved { answered } => format!("Saved ({answered} answered)"),
        SaveStatus::Failed { .. } => "Not saved: answers are kept in this page only.".to_string(),
        SaveStatus::Info(message) => message.clone(),
    };
    html! { <p class="save-status" role="status">{ text }</p> }
}
