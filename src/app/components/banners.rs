//! Messages about where answers live and what went wrong, with the action
//! that helps: download the answers, the data that could not be read, or
//! undo the last replace.

use super::page::{notice_at, plural, Ctx};
use crate::core::document::plan::PlanStatus;
use crate::core::exchange::Contents;
use crate::core::keys::CheckRef;
use crate::core::route::Route;
use crate::core::state::{Action, Place, SaveStatus, Undo};
use crate::core::sync::Persistence;
use crate::core::time::local_date;
use crate::edge::download;
use yew::prelude::*;

/// The file name for an export of the open check (`extension` without
/// the dot), dated today in the person's time zone.
pub fn export_file_name(ctx: &Ctx, what: &str, extension: &str) -> String {
    crate::core::markdown::file_name(
        &ctx.state.ladder.id,
        &ctx.state.document,
        what,
        &local_date(ctx.now, ctx.state.offset),
        extension,
    )
}

/// A button that downloads everything of the open check as JSON (the
/// engine builds the file; the edge says so if the browser refused).
pub fn download_answers_button(ctx: &Ctx, label: &str) -> Html {
    let onclick = ctx.on(|| Action::ExportCheck(Contents::ALL));
    html! { <button type="button" class="button" {onclick}>{ label.to_string() }</button> }
}

/// Downloads the answers this page holds that will not be saved.
fn unsaved_button(ctx: &Ctx) -> Html {
    let Some(unsaved) = ctx.state.unsaved.clone() else {
        return Html::default();
    };
    let name = export_file_name(ctx, "unsaved", "json");
    let onclick = Callback::from(move |_: MouseEvent| {
        download::download(&name, "application/json", &unsaved.encode());
    });
    html! { <button type="button" class="button primary" {onclick}>{ "Download the unsaved answers" }</button> }
}

/// Persistent warnings: shown for as long as they are true.
pub fn storage_banner(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let warning = match &state.persistence {
        Persistence::Saving => None,
        Persistence::InMemory { reason, .. } => Some(html! {
            <div class="banner warning" role="alert">
                <p>{ format!("Your answers are not being saved: this browser would not let the page store them ({reason}). They stay only while this page is open.") }</p>
                <p>{ download_answers_button(ctx, "Download your answers") }</p>
            </div>
        }),
        Persistence::CheckDeleted => {
            let kept = matches!(&state.check, CheckRef::Other(id) if state.deleted_checks.iter().any(|c| &c.id == id));
            let where_now = if kept {
                "It is kept under \u{201c}Deleted checks\u{201d} on the start page of your own self-check, where it can be restored; it opens again here when it is."
            } else {
                "It is no longer kept in this browser."
            };
            Some(html! {
                <div class="banner warning" role="alert">
                    <p>{ format!("The check about {} was deleted in another tab or window, so it is read-only here. {where_now}", state.check_name()) }</p>
                    <p class="actions">
                        { unsaved_button(ctx) }
                        <a class="button" href={Route::Start.href(&CheckRef::Own)}>{ "Go to your own self-check" }</a>
                    </p>
                </div>
            })
        }
        Persistence::ReadOnly { schema } => Some(html! {
            <div class="banner warning" role="alert">
                <p>{ format!("These answers were saved by a newer version of this self-check (data version {schema}). They are shown read-only and nothing is written, so the newer data stays intact.") }</p>
                if state.unsaved.is_some() {
                    <p>{ "Your latest changes on this page were made before that and are not saved." }</p>
                    <p>{ unsaved_button(ctx) }</p>
                }
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
            let name = export_file_name(ctx, "unreadable", "txt");
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

/// The undo bar: every change that replaced or deleted data and can
/// still be undone, each with Undo and a way to keep it, until the person
/// keeps it or leaves the page (a replace's undo also survives a reload).
/// Other messages never take it away.
pub fn undo_bar(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let row = |text: String, undo: Action, keep: Action, keep_label: &str| {
        let (undo, keep) = (ctx.on(move || undo.clone()), ctx.on(move || keep.clone()));
        html! {
            <li>
                <p>{ text }</p>
                <p class="actions">
                    <button type="button" class="button primary" onclick={undo}>{ "Undo" }</button>
                    <button type="button" class="button" onclick={keep}>{ keep_label.to_string() }</button>
                </p>
            </li>
        }
    };
    let mut rows: Vec<Html> = Vec::new();
    if let Some(replaced) = state.replace_undo() {
        rows.push(row(
            format!(
                "On {}, the answers of {} were replaced by {}. The earlier answers are kept in the history.",
                local_date(replaced.at, state.offset),
                state.check_phrase(),
                replaced.what
            ),
            Action::UndoReplace,
            Action::KeepReplaced,
            "Keep the new answers",
        ));
    }
    for pending in state.undos.iter() {
        let text = match &pending.undo {
            Undo::DeleteAll(removed) => format!(
                "Deleted: {} removed from this browser. You can undo this until you leave the page.",
                plural(removed.count(), "stored item", "stored items")
            ),
            Undo::DeleteCheck { name, .. } => format!(
                "The check about \u{201c}{name}\u{201d} was deleted. It is kept under \u{201c}Deleted checks\u{201d} until you delete it for good."
            ),
            Undo::Purge { name, .. } => format!(
                "The check about \u{201c}{name}\u{201d} was deleted for good. You can undo this until you leave the page."
            ),
            Undo::Restored { added } => format!(
                "Added from the backup: {}. You can undo this until you leave the page.",
                added.iter().map(|(_, name)| format!("the check about \u{201c}{name}\u{201d}")).collect::<Vec<_>>().join(", ")
            ),
            Undo::Plan { before, .. } => format!(
                "The focus \u{201c}{}\u{201d} was {}.",
                before.step,
                match state.document.plan.iter().find(|i| i.id == before.id).map(|i| i.status) {
                    Some(PlanStatus::Done) => "marked done",
                    Some(PlanStatus::Dropped) => "dropped",
                    _ => "changed",
                }
            ),
            Undo::Beside { what, .. } => format!("Kept beside this check: {what}."),
        };
        rows.push(row(
            text,
            Action::Undo(pending.id),
            Action::Keep(pending.id),
            "Keep the change",
        ));
    }
    let said = match &state.notice {
        Some(notice) if notice.place == Place::Undo => html! {
            <p class={classes!("undo-said", notice.error.then_some("error"))}>{ notice.text.clone() }</p>
        },
        _ => Html::default(),
    };
    let empty = rows.is_empty() && state.notice.as_ref().is_none_or(|n| n.place != Place::Undo);
    html! {
        <section class={classes!("undo-bar", empty.then_some("empty"))} id={ctx.id("undo")} tabindex="-1"
            aria-label="Changes you can undo">
            <div role="status">{ said }</div>
            if !rows.is_empty() {
                <ul>{ for rows }</ul>
            }
        </section>
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
