//! The start page: what this is, where answers live, three ways in, and
//! a way back to a check already begun.

use super::app::{heading_id, PageProps};
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
        </section>
    }
}
