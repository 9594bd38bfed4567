//! Results: where the person stands, per section, in the scale's own words.
//! No verdict and no level: strengths, growth areas with suggestions,
//! watch-outs apart, and what is still open.

use super::app::{heading_id, PageProps};
use super::radar::radar;
use crate::core::content::{Kind, Ladder};
use crate::core::document::CheckMode;
use crate::core::route::Route;
use crate::core::scoring::{
    average_on_scale, closest_label, rating_label, retired, score, SectionResult,
};
use crate::edge::page;
use yew::prelude::*;

fn closest(ladder: &Ladder, result: &SectionResult) -> String {
    closest_label(ladder, result.score)
}

/// Sections that hold at least one expectation get a result; a section of
/// only anti-patterns is reported through its watch-outs.
fn has_expectations(ladder: &Ladder, section: usize) -> bool {
    ladder
        .statements
        .iter()
        .any(|s| s.section == section && s.kind == Kind::Expectation)
}

pub fn results_page(props: &PageProps) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let mode = match &state.route {
        Route::Results { mode: Some(mode) } => *mode,
        _ => state.current_mode(),
    };
    let quick_only = mode == CheckMode::Quick;
    let results = score(ladder, &state.document, quick_only);
    let prefix = &props.instance;
    let check_name = if quick_only {
        "quick check"
    } else {
        "full check"
    };
    let other = if quick_only {
        CheckMode::Full
    } else {
        CheckMode::Quick
    };
    let first_section = &ladder.sections[0].id;
    let statement_link = |index: usize| {
        let statement = &ladder.statements[index];
        Route::Check {
            mode,
            section: ladder.sections[statement.section].id.clone(),
            focus: Some(statement.id.clone()),
        }
        .href()
    };
    let scored: Vec<&SectionResult> = results
        .sections
        .iter()
        .filter(|r| has_expectations(ladder, r.section) && r.total > 0)
        .collect();
    let axes: Vec<(String, Option<f64>)> = scored
        .iter()
        .map(|r| (ladder.sections[r.section].title.clone(), r.score))
        .collect();
    let on_print = Callback::from(|_: MouseEvent| page::print());
    let retired = retired(ladder, &state.document);
    let rating_label = |rating| rating_label(ladder, rating);
    let scale_range = format!(
        "{}\u{2013}{}",
        ladder.scale.lowest(),
        ladder.scale.highest()
    );

    html! {
        <section class="page results">
            <h1 id={heading_id(prefix)} tabindex="-1">{ "Your results" }</h1>
            <p class="meta">{ format!("From the {check_name}: {} of {} statements answered.", results.answered(), results.total()) }</p>
            <p class="lead">{ "This is a picture of where you stand today, from your own answers. It is not a verdict or a level. Use it to choose what to work on next and to start a conversation with your manager." }</p>
            <p class="actions no-print">
                <a class="button" href={Route::Results { mode: Some(other) }.href()}>
                    { if quick_only { "Show results for the full check" } else { "Show results for the quick check" } }
                </a>
                <button type="button" class="button" onclick={on_print}>{ "Print results" }</button>
            </p>

            if results.answered() == 0 {
                <p class="banner info">{ format!("You have not answered any statement of the {check_name} yet. ") }
                    <a href={Route::check(mode, first_section).href()}>{ format!("Start the {check_name}") }</a>
                </p>
            } else {
                <h2>{ "By section" }</h2>
                <figure class="chart">
                    { radar(&axes, ladder.scale.steps.len(), &format!("{prefix}-chart-note")) }
                    <figcaption id={format!("{prefix}-chart-note")}>
                        { "Each spoke is a section; the further out, the more consistently you do what it describes. The table below gives the same results in numbers." }
                    </figcaption>
                </figure>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby={format!("{prefix}-table-caption")}>
                <table class="results-table">
                    <caption id={format!("{prefix}-table-caption")}>{ format!("Answers by section (average on the {scale_range} scale; counts of each answer)") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Section" }</th>
                            <th scope="col">{ "Closest answer" }</th>
                            <th scope="col">{ "Average" }</th>
                            for step in ladder.scale.steps.iter() {
                                <th scope="col">{ step.choice.label.clone() }</th>
                            }
                            <th scope="col">{ ladder.scale.unsure.label.clone() }</th>
                            <th scope="col">{ "Answered" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for result in scored.iter() {
                            <tr>
                                <th scope="row">{ ladder.sections[result.section].title.clone() }</th>
                                <td>{ closest(ladder, result) }</td>
                                <td>{ result.score.map(|s| average_on_scale(ladder, s)).unwrap_or_else(|| "\u{2013}".into()) }</td>
                                for count in result.spread.iter() {
                                    <td>{ *count }</td>
                                }
                                <td>{ result.unsure }</td>
                                <td>{ format!("{} of {}", result.answered, result.total) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
                </div>

                <h2>{ "Where you are strong" }</h2>
                if results.strengths.is_empty() {
                    <p>{ "No section stands out yet. Strengths show up when a section's answers average \u{201c}Usually\u{201d} or more often; more answers make the picture clearer." }</p>
                } else {
                    <ul class="strengths">
                        for section in results.strengths.iter() {
                            <li>
                                <strong>{ ladder.sections[*section].title.clone() }</strong>
                                { format!(": your answers here are mostly \u{201c}{}\u{201d}.", closest(ladder, &results.sections[*section])) }
                            </li>
                        }
                    </ul>
                }

                <h2>{ "Where to grow next" }</h2>
                if results.growth.is_empty() {
                    <p>{ "Rate a few more statements to see growth areas." }</p>
                } else {
                    <p>{ "Your lowest-rated sections, lowest first, with ideas to try." }</p>
                    for section in results.growth.iter() {
                        <article class="card growth">
                            <h3>{ ladder.sections[*section].title.clone() }</h3>
                            <p>{ format!("Your answers here are mostly \u{201c}{}\u{201d}.", closest(ladder, &results.sections[*section])) }</p>
                            if !ladder.sections[*section].growth.is_empty() {
                                <ul>
                                    for idea in ladder.sections[*section].growth.iter() {
                                        <li>{ idea.clone() }</li>
                                    }
                                </ul>
                            }
                            <p class="no-print"><a href={Route::check(mode, &ladder.sections[*section].id).href()}>
                                { format!("Review your answers on {}", ladder.sections[*section].title) }
                            </a></p>
                        </article>
                    }
                }

                <h2>{ "Watch-outs" }</h2>
                if results.watch_outs.is_empty() {
                    <p>{ "None of the risky habits came up often in your answers." }</p>
                } else {
                    <p>{ "These describe habits that hold senior engineers back. You said they happen often, so they are worth a closer look. They are kept apart from your strengths." }</p>
                    <ul class="watch-outs">
                        for watch in results.watch_outs.iter() {
                            <li class="card watch-out">
                                <p>{ ladder.statements[watch.statement].text.clone() }</p>
                                <p class="muted">{ format!("Your answer: {}", rating_label(state.document.rating(&ladder.statements[watch.statement].id))) }</p>
                            </li>
                        }
                    </ul>
                    if let Some(first) = results.watch_outs.first() {
                        <p>{ "Ideas to try:" }</p>
                        <ul>
                            for idea in ladder.sections[ladder.statements[first.statement].section].growth.iter() {
                                <li>{ idea.clone() }</li>
                            }
                        </ul>
                    }
                }
            }

            if !results.unanswered.is_empty() || !results.unsure.is_empty() {
                <h2>{ "Still open" }</h2>
                if !results.unanswered.is_empty() {
                    <h3>{ format!("Not answered yet ({})", results.unanswered.len()) }</h3>
                    <ul class="open-list">
                        for index in results.unanswered.iter() {
                            <li><a href={statement_link(*index)}>{ ladder.statements[*index].text.clone() }</a></li>
                        }
                    </ul>
                }
                if !results.unsure.is_empty() {
                    <h3>{ format!("Answered \u{201c}{}\u{201d} ({})", ladder.scale.unsure.label, results.unsure.len()) }</h3>
                    <ul class="open-list">
                        for index in results.unsure.iter() {
                            <li><a href={statement_link(*index)}>{ ladder.statements[*index].text.clone() }</a></li>
                        }
                    </ul>
                }
            }

            if !retired.is_empty() {
                <h2>{ format!("Kept from an earlier version of this ladder ({})", retired.len()) }</h2>
                <p>{ "These statements are no longer part of the ladder, so they are not in your results. Your answers and notes to them are kept." }</p>
                <ul class="retired">
                    for (id, answer) in retired.iter() {
                        <li>
                            <code>{ id.to_string() }</code>{ format!(": {}", rating_label(answer.rating)) }
                            if !answer.note.is_empty() {
                                <p class="muted">{ answer.note.clone() }</p>
                            }
                        </li>
                    }
                </ul>
            }
        </section>
    }
}
