//! The start page: what this is, where answers live, three ways in, and
//! a way back to a check already begun.

use super::app::{heading_id, PageProps};
use super::banners::download_answers_button;
use crate::app::state::State;
use crate::core::document::CheckMode;
use crate::core::route::Route;
use crate::core::scoring::progress;
use yew::prelude::*;

/// Roughly how long a statement takes to answer, for the time estimates.
const SECONDS_PER_STATEMENT: usize = 10;

fn minutes(statements: usize) -> usize {
    (statements * SECONDS_PER_STATEMENT).div_ceil(60).max(1)
}

pub fn start_page(props: &PageProps) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let first = ladder
        .sections
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let quick = progress(ladder, &state.document, true);
    let full = progress(ladder, &state.document, false);

    let resume = state.document.resume.mode.map(|mode| {
        let progress = if mode == CheckMode::Quick { &quick } else { &full };
        let section = state
            .document
            .resume
            .section
            .as_deref()
            .and_then(|id| ladder.section_index(id))
            .unwrap_or(0);
        let name = if mode == CheckMode::Quick { "quick check" } else { "full check" };
        let route = Route::check(mode, &ladder.sections[section].id);
        html! {
            <section class="card resume" aria-labelledby={format!("{}-resume", props.instance)}>
                <h2 id={format!("{}-resume", props.instance)}>{ "Pick up where you left off" }</h2>
                <p>{ format!(
                    "You were on \u{201c}{}\u{201d} in the {name}. {} of {} statements answered.",
                    ladder.sections[section].title, progress.answered, progress.total
                ) }</p>
                <p class="actions">
                    <a class="button primary" href={route.href()}>{ format!("Resume the {name}") }</a>
                    if progress.answered > 0 {
                        <a class="button" href={Route::Results { mode: Some(mode) }.href()}>{ "See your results" }</a>
                    }
                </p>
            </section>
        }
    });

    html! {
        <section class="page start">
            <h1 id={heading_id(&props.instance)} tabindex="-1">{ "Where do you stand today?" }</h1>
            if !ladder.about.is_empty() {
                <p class="lead">{ ladder.about.clone() }</p>
            }
            <p>{ "Rate short statements about what you actually do, add notes as evidence, and see your strengths, growth areas and watch-outs. It is a starting point for reflection and for a conversation with your manager, not a verdict." }</p>
            <p class="privacy">{ "Your answers stay in this browser and are never sent anywhere." }</p>
            { resume.unwrap_or_default() }
            <h2>{ "Choose how to start" }</h2>
            <ul class="ways-in">
                <li class="card">
                    <a class="button primary" href={Route::check(CheckMode::Quick, &first).href()}>{ "Start the quick check" }</a>
                    <p>{ format!("{} statements, one or two per section. About {} minutes.", quick.total, minutes(quick.total)) }</p>
                </li>
                <li class="card">
                    <a class="button" href={Route::check(CheckMode::Full, &first).href()}>{ "Start the full check" }</a>
                    <p>{ format!("All {} statements: every expectation of the level. About {} minutes; you can stop and come back.", full.total, minutes(full.total)) }</p>
                </li>
                <li class="card">
                    <a class="button" href={Route::Learn { section: None }.href()}>{ "Learn what the level means" }</a>
                    <p>{ format!("Read the {} sections in plain words, with examples, before rating anything.", ladder.sections.len()) }</p>
                </li>
            </ul>
            <DataControls state={state.clone()} on_delete={props.on_delete.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DataControlsProps {
    pub state: UseReducerHandle<State>,
    pub on_delete: Callback<()>,
}

/// "Your data": where answers live, a download, and a delete that asks
/// for confirmation first.
#[component]
pub fn DataControls(props: &DataControlsProps) -> Html {
    let confirming = use_state(|| false);
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let delete = {
        let confirming = confirming.clone();
        let on_delete = props.on_delete.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_delete.emit(());
        })
    };
    html! {
        <section class="card your-data" aria-label="Your data">
            <h2>{ "Your data" }</h2>
            <p>{ "Answers and notes are kept in this browser, on this site only. A private window forgets them when it closes, and clearing site data deletes them. Download a copy to keep them." }</p>
            <p class="actions">
                { download_answers_button(&props.state, "Download your answers (JSON)") }
                <a class="button" href={Route::Data.href()}>{ "Save, share and compare" }</a>
                if !*confirming {
                    <button type="button" class="button danger" onclick={ask}>{ "Delete my data\u{2026}" }</button>
                }
            </p>
            if *confirming {
                <div class="confirm" role="group" aria-label="Confirm deleting your data">
                    <p><strong>{ "Delete every answer and note of this self-check from this browser? This cannot be undone." }</strong></p>
                    <p class="actions">
                        <button type="button" class="button danger primary" onclick={delete}>{ "Yes, delete my data" }</button>
                        <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
                    </p>
                </div>
            }
        </section>
    }
}
