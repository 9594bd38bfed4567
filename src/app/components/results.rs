//! Results: where the person stands, per section, in the scale's own words.
//! No verdict and no level: strengths, growth areas with suggestions,
//! watch-outs apart, and what is still open.

use super::app::{heading_id, PageProps};
use super::radar::radar;
use super::ui::{el, link, t, text_list};
use crate::core::content::Ladder;
use crate::core::document::{Answer, CheckMode, Document};
use crate::core::route::Route;
use crate::core::scoring::{
    average_on_scale, closest_label, rating_label, retired, score, Results, SectionResult,
};
use crate::edge::page;
use yew::prelude::*;

fn closest(ladder: &Ladder, result: &SectionResult) -> String {
    closest_label(ladder, result.score)
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
    let scored: Vec<&SectionResult> = results
        .sections
        .iter()
        .filter(|r| ladder.has_expectations(r.section) && r.total > 0)
        .collect();
    let axes: Vec<(String, Option<f64>)> = scored
        .iter()
        .map(|r| (ladder.sections[r.section].title.clone(), r.score))
        .collect();
    let on_print = Callback::from(|_: MouseEvent| page::print());
    let retired = retired(ladder, &state.document);
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
                <a class="button" href={Route::Data.href()}>{ "Save, share and compare" }</a>
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

                { strong_and_growth(ladder, &results, mode) }
                { watch_outs(ladder, &results, &state.document) }
            }
            { open_statements(ladder, &results, mode) }
            { retired_answers(ladder, &retired) }
        </section>
    }
}

fn mostly(ladder: &Ladder, results: &Results, section: usize) -> String {
    format!(
        "mostly \u{201c}{}\u{201d}",
        closest(ladder, &results.sections[section])
    )
}

fn strong_and_growth(ladder: &Ladder, results: &Results, mode: CheckMode) -> Html {
    let mut out = vec![t("h2", "", "Where you are strong".into())];
    if results.strengths.is_empty() {
        out.push(t("p", "", "No section stands out yet. Strengths show up when a section's answers average \u{201c}Usually\u{201d} or more often; more answers make the picture clearer.".into()));
    } else {
        let items = results
            .strengths
            .iter()
            .map(|section| {
                el(
                    "li",
                    "",
                    vec![
                        t("strong", "", ladder.sections[*section].title.clone()),
                        Html::from(format!(
                            ": your answers here are {}.",
                            mostly(ladder, results, *section)
                        )),
                    ],
                )
            })
            .collect();
        out.push(el("ul", "strengths", items));
    }
    out.push(t("h2", "", "Where to grow next".into()));
    if results.growth.is_empty() {
        out.push(t(
            "p",
            "",
            "Rate a few more statements to see growth areas.".into(),
        ));
    } else {
        out.push(t(
            "p",
            "",
            "Your lowest-rated sections, lowest first, with ideas to try.".into(),
        ));
        for section in &results.growth {
            let info = &ladder.sections[*section];
            out.push(el(
                "article",
                "card growth",
                vec![
                    t("h3", "", info.title.clone()),
                    t(
                        "p",
                        "",
                        format!(
                            "Your answers here are {}.",
                            mostly(ladder, results, *section)
                        ),
                    ),
                    text_list("", &info.growth),
                    el(
                        "p",
                        "no-print",
                        vec![link(
                            "",
                            Route::check(mode, &info.id).href(),
                            format!("Review your answers on {}", info.title),
                        )],
                    ),
                ],
            ));
        }
    }
    el("div", "", out)
}

fn watch_outs(ladder: &Ladder, results: &Results, document: &Document) -> Html {
    let mut out = vec![t("h2", "", "Watch-outs".into())];
    let Some(first) = results.watch_outs.first() else {
        out.push(t(
            "p",
            "",
            "None of the risky habits came up often in your answers.".into(),
        ));
        return el("div", "", out);
    };
    out.push(t("p", "", "These describe habits that hold senior engineers back. You said they happen often, so they are worth a closer look. They are kept apart from your strengths.".into()));
    let items = results
        .watch_outs
        .iter()
        .map(|watch| {
            let statement = &ladder.statements[watch.statement];
            el(
                "li",
                "card watch-out",
                vec![
                    t("p", "", statement.text.clone()),
                    t(
                        "p",
                        "muted",
                        format!(
                            "Your answer: {}",
                            rating_label(ladder, document.rating(&statement.id))
                        ),
                    ),
                ],
            )
        })
        .collect();
    out.push(el("ul", "watch-outs", items));
    out.push(t("p", "", "Ideas to try:".into()));
    out.push(text_list(
        "",
        &ladder.sections[ladder.statements[first.statement].section].growth,
    ));
    el("div", "", out)
}

fn open_statements(ladder: &Ladder, results: &Results, mode: CheckMode) -> Html {
    if results.unanswered.is_empty() && results.unsure.is_empty() {
        return Html::default();
    }
    let links = |indexes: &[usize]| {
        let items = indexes
            .iter()
            .map(|index| {
                let statement = &ladder.statements[*index];
                let route = Route::Check {
                    mode,
                    section: ladder.sections[statement.section].id.clone(),
                    focus: Some(statement.id.clone()),
                };
                el(
                    "li",
                    "",
                    vec![link("", route.href(), statement.text.clone())],
                )
            })
            .collect();
        el("ul", "open-list", items)
    };
    let mut out = vec![t("h2", "", "Still open".into())];
    if !results.unanswered.is_empty() {
        out.push(t(
            "h3",
            "",
            format!("Not answered yet ({})", results.unanswered.len()),
        ));
        out.push(links(&results.unanswered));
    }
    if !results.unsure.is_empty() {
        out.push(t(
            "h3",
            "",
            format!(
                "Answered \u{201c}{}\u{201d} ({})",
                ladder.scale.unsure.label,
                results.unsure.len()
            ),
        ));
        out.push(links(&results.unsure));
    }
    el("div", "", out)
}

fn retired_answers(ladder: &Ladder, retired: &[(&str, &Answer)]) -> Html {
    if retired.is_empty() {
        return Html::default();
    }
    let items = retired
        .iter()
        .map(|(id, answer)| {
            let mut parts = vec![
                t("code", "", id.to_string()),
                Html::from(format!(": {}", rating_label(ladder, answer.rating))),
            ];
            if !answer.note.is_empty() {
                parts.push(t("p", "muted", answer.note.clone()));
            }
            el("li", "", parts)
        })
        .collect();
    el("div", "", vec![
        t("h2", "", format!("Kept from an earlier version of this ladder ({})", retired.len())),
        t("p", "", "These statements are no longer part of the ladder, so they are not in your results. Your answers and notes to them are kept.".into()),
        el("ul", "retired", items),
    ])
}
