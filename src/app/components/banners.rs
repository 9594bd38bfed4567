//! Messages about where answers live and what went wrong.

use crate::app::state::{Persistence, SaveStatus};
use yew::prelude::*;

/// Persistent warnings: shown for as long as they are true.
pub fn storage_banner(persistence: &Persistence, notice: Option<&String>) -> Html {
    let warning = match persistence {
        Persistence::Saving => None,
        Persistence::InMemory { reason } => Some(format!(
            "Your answers are not being saved: this browser would not let the page store them ({reason}). They stay only while this page is open."
        )),
        Persistence::ReadOnly { schema } => Some(format!(
            "These answers were saved by a newer version of this self-check (data version {schema}). They are shown read-only and nothing is written, so the newer data stays intact."
        )),
    };
    html! {
        <>
            if let Some(warning) = warning {
                <div class="banner warning" role="alert">{ warning }</div>
            }
            if let Some(notice) = notice {
                <div class="banner warning" role="alert">{ notice.clone() }</div>
            }
        </>
    }
}

/// A polite live region: announces saves without moving focus.
pub fn save_status_line(status: &SaveStatus) -> Html {
    let text = match status {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saved { answered } => format!("Saved ({answered} answered)"),
        SaveStatus::Failed { .. } => "Not saved: answers are kept in this page only.".to_string(),
    };
    html! { <p class="save-status" role="status">{ text }</p> }
}
