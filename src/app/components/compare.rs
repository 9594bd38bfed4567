//! Two views side by side: a snapshot and now, or yours and someone else's.

use super::app::{heading_id, not_found, PageProps};
use crate::core::compare::{compare, FAR_APART};
use crate::core::document::Document;
use crate::core::route::Route;
use crate::core::scoring::{average_on_scale, closest_label, rating_label};
use crate::core::time::date;
use yew::prelude::*;

fn section_cell(ladder: &crate::core::content::Ladder, share: Option<f64>) -> String {
    match share {
        Some(share) => format!(
            "{} ({})",
            closest_label(ladder, Some(share)),
            average_on_scale(ladder, share)
        ),
        None => "\u{2013}".to_string(),
    }
}

#[inline(never)]
pub fn compare_page(props: &PageProps, snapshot: Option<u64>) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let prefix = &props.instance;
    let heading_id = heading_id(prefix);
    // (left document, left name, right document, right name, whose view)
    let (left, left_name, right, right_name, other): (
        Document,
        String,
        Document,
        String,
        Option<String>,
    ) = match snapshot {
        Some(time) => match state.document.snapshot(time) {
            Some(snap) => (
                state.document.as_of(snap),
                format!("Snapshot {}", date(time)),
                (*state.document).clone(),
                "Now".to_string(),
                None,
            ),
            None => {
                return not_found(
                    "There is no snapshot with that date in your history.",
                    prefix,
                )
            }
        },
        None => match &state.comparison {
            Some(other) => (
                (*state.document).clone(),
                "You".to_string(),
                other.document.clone(),
                format!("From {}", other.label),
                Some(other.label.clone()),
            ),
            None => {
                return html! {
                    <section class="page">
                        <h1 id={heading_id} tabindex="-1">{ "Compare" }</h1>
                        <p>{ "Nothing to compare yet. Import someone's export (or open a share link) to see it beside your answers." }</p>
                        <p><a class="button" href={Route::Data.href()}>{ "Go to Save, share and compare" }</a></p>
                    </section>
                }
            }
        },
    };
    let comparison = compare(ladder, &left, &right);
    let far = comparison.far_apart().count();
    let over_time = other.is_none();
    html! {
        <section class="page compare">
            <h1 id={heading_id} tabindex="-1">{ if over_time { "What changed since your snapshot" } else { "Two views side by side" } }</h1>
            <p class="lead">{
                if over_time {
                    format!("{left_name} beside your answers now: {} statements moved.", comparison.differences.len())
                } else {
                    format!("Your answers beside {}: {} statements differ, {far} of them by {FAR_APART} or more steps. Those are good places to start a conversation.", other.unwrap_or_default(), comparison.differences.len())
                }
            }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={format!("{prefix}-compare-caption")}>
                <table>
                    <caption id={format!("{prefix}-compare-caption")}>{ "By section: closest answer (average)" }</caption>
                    <thead><tr>
                        <th scope="col">{ "Section" }</th>
                        <th scope="col">{ left_name.clone() }</th>
                        <th scope="col">{ right_name.clone() }</th>
                    </tr></thead>
                    <tbody>
                        for pair in comparison.sections.iter() {
                            <tr>
                                <th scope="row">{ ladder.sections[pair.section].title.clone() }</th>
                                <td>{ section_cell(ladder, pair.left) }</td>
                                <td>{ section_cell(ladder, pair.right) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <h2>{ if over_time { "Statements that moved" } else { "Statements answered differently" } }</h2>
            if comparison.differences.is_empty() {
                <p>{ "None: every answer is the same." }</p>
            } else {
                <ul class="differences">
                    for pair in comparison.differences.iter() {
                        <li class={classes!("card", pair.steps_apart.is_some_and(|s| s >= FAR_APART).then_some("far-apart"))}>
                            <p>{ ladder.statements[pair.statement].text.clone() }</p>
                            <p class="muted">{ format!("{left_name}: {}. {right_name}: {}.", rating_label(ladder, pair.left), rating_label(ladder, pair.right)) }</p>
                            if let Some(steps) = pair.steps_apart.filter(|s| *s >= FAR_APART) {
                                <p><strong>{ format!("{steps} steps apart") }</strong></p>
                            }
                        </li>
                    }
                </ul>
            }
            <p class="actions no-print">
                <a class="button" href={Route::Data.href()}>{ "Back to Save, share and compare" }</a>
            </p>
        </section>
    }
}
