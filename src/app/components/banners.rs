//! Messages about where answers live and what went wrong.

use crate::app::state::{Persistence, SaveStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub persistence: Persistence,
    pub notice: Option<String>,
}

/// Persistent warnings: shown for as long as they are true.
#[component]
pub fn StorageBanner(props: &BannerProps) -> Html {
    let warning = match &props.persistence {
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
            if let Some(notice) = &props.notice {
                <div class="banner warning" role="alert">{ notice.clone() }</div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SaveStatusProps {
    pub status: SaveStatus,
    pub total: usize,
}

/// A polite live region: announces saves without moving focus.
#[component]
pub fn SaveStatusLine(props: &SaveStatusProps) -> Html {
    let text = match &props.status {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saved { answered } => format!("Saved. {answered} of {} answered.", props.total),
        SaveStatus::Failed { .. } => "Not saved: answers are kept in this page only.".to_string(),
    };
    html! { <p class="save-status" role="status">{ text }</p> }
}
