//! Results that tell the truth: each section's spread and average, never
//! an answer that was not given; strengths and growth areas only where a
//! section stands clearly apart from the middle of the section averages, equal
//! sections reported as equal; watch-outs apart; what is not scored and
//! what is still open. Every word comes from the ladder or is neutral.

use super::check::continue_full;
use super::page::{heading, plural, Ctx};
use super::radar::radar;
use super::ui::{el, link, t, text_list};
use crate::core::content::{Kind, Ladder};
use crate::core::document::{CheckMode, Document};
use crate::core::markdown::whose;
use crate::core::route::Route;
use crate::core::scoring::{
    answer_label, average_on_scale, progress, pulling_down, rating_label, retired, score,
    share_of_scale, Results, SectionResult, WATCH_OUT_FROM,
};
use crate::core::time::local_date;
use crate::edge::page;
use yew::prelude::*;

/// A link to a statement on its check page.
fn statement_link(ctx: &Ctx, index: usize, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let statement = &ladder.statements[index];
    let section = ladder.sections[statement.section].id.clone();
    let route = match mode {
        CheckMode::Quick => Route::Quick {
            section: Some(section),
        },
        CheckMode::Full => Route::Check {
            section,
            focus: Some(statement.id.clone()),
        },
    };
    link(
        "",
        ctx.href(&route),
        statement
            .text_for(ctx.state.about_someone_else())
            .to_string(),
    )
}

/// "Impact and Ownership".
fn names(ladder: &Ladder, group: &[usize]) -> String {
    let titles: Vec<&str> = group
        .iter()
        .map(|s| ladder.sections[*s].title.as_str())
        .collect();
    match titles.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => titles.join(""),
    }
}

pub fn results_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let mode = match &state.route {
        Route::Results { mode: Some(mode) } => *mode,
        _ => state.current_mode(),
    };
    let quick_only = mode == CheckMode::Quick;
    let results = score(ladder, &state.document, quick_only);
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
    let full_done = progress(ladder, &state.document, false).done();
    let title = if state.about_someone_else() {
        format!("Results for {}", state.check_name())
    } else {
        "Your results".to_string()
    };
    let range = format!(
        "{}\u{2013}{}",
        ladder.scale.lowest(),
        ladder.scale.highest()
    );
    html! {
        <section class="page results">
            <p class="print-only print-header">{ format!(
                "{} \u{2014} {} \u{2014} {} \u{2014} {}",
                ladder.title, whose(&state.document),
                if quick_only { "Quick check" } else { "Full check" },
                local_date(ctx.now, state.offset)
            ) }</p>
            { heading(ctx, title) }
            <p class="meta">{ format!("From the {check_name}: {} of {} statements answered.", results.answered(), results.total()) }</p>
            <p class="lead">{ "A picture of where things stand today, from these answers. It is not a verdict or a level: use it to choose what to work on next, and to start a conversation." }</p>
            <p class="actions no-print">
                if quick_only && !full_done {
                    <a class="button primary" href={ctx.href(&continue_full(ctx))}>{ "Continue with the full check" }</a>
                }
                <a class="button" href={ctx.href(&Route::Results { mode: Some(other) })}>
                    { if quick_only { "Results of the full check" } else { "Results of the quick check" } }
                </a>
                <button type="button" class="button" onclick={on_print}>{ "Print the results" }</button>
                <a class="button" href={ctx.href(&Route::Data)}>{ "Save, share and compare" }</a>
            </p>
            if results.answered() == 0 {
                <p class="banner info">{ format!("Nothing in the {check_name} is answered yet. ") }
                    <a href={ctx.href(&if quick_only { Route::Quick { section: None } } else { continue_full(ctx) })}>{ format!("Start the {check_name}") }</a>
                </p>
            } else {
                <h2>{ "By section" }</h2>
                <figure class="chart">
                    { radar(&axes, ladder.scale.steps.len(), &ctx.id("chart-note")) }
                    <figcaption id={ctx.id("chart-note")}>
                        { "Each spoke is a section; the further out, the more often what it describes is done. A section with no rated answer is marked as not answered. The table gives the same results in numbers." }
                    </figcaption>
                </figure>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby={ctx.id("table-caption")}>
                <table class="results-table">
                    <caption id={ctx.id("table-caption")}>{ format!("Answers by section: average on the {range} scale, and how many answers fell on each step") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Section" }</th>
                            <th scope="col">{ "Average" }</th>
                            for step in ladder.scale.steps.iter() {
                                <th scope="col">{ step.choice.label.clone() }</th>
                            }
                            <th scope="col">{ "Not scored" }</th>
                            <th scope="col">{ "Answered" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for result in scored.iter() {
                            <tr class={classes!(result.score.is_none().then_some("unanswered"))}>
                                <th scope="row">{ ladder.sections[result.section].title.clone() }</th>
                                <td>{ result.score.map(|s| average_on_scale(&ladder.scale, s)).unwrap_or_else(|| "Not answered".into()) }</td>
                                for count in result.spread.iter() {
                                    <td>{ *count }</td>
                                }
                                <td>{ result.unsure + result.not_my_role }</td>
                                <td>{ format!("{} of {}", result.answered, result.total) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
                </div>
                { lowest_by_section(ctx, &results, &scored, mode) }
                { standing(ctx, &results, mode) }
                { watch_outs(ctx, &results, &state.document) }
            }
            { open_statements(ctx, &results, mode) }
            { retired_answers(ctx) }
        </section>
    }
}

/// Each section's lowest answers, named, so an average never hides one.
fn lowest_by_section(
    ctx: &Ctx,
    results: &Results,
    scored: &[&SectionResult],
    mode: CheckMode,
) -> Html {
    let ladder = &ctx.state.ladder;
    let document = &ctx.state.document;
    let items: Vec<Html> = scored
        .iter()
        .filter(|r| r.scored > 0)
        .map(|r| {
            let title = t("strong", "", ladder.sections[r.section].title.clone());
            let distinct = r.spread.iter().filter(|c| **c > 0).count();
            if distinct == 1 {
                let label = answer_label(
                    ladder,
                    r.lowest[0],
                    document.rating(&ladder.statements[r.lowest[0]].id),
                    ctx.state.about_someone_else(),
                );
                return el(
                    "li",
                    "",
                    vec![
                        title,
                        Html::from(format!(
                            ": {} \u{201c}{label}\u{201d}.",
                            match r.scored {
                                1 => "one answer,".to_string(),
                                2 => "both answers".to_string(),
                                n => format!("all {n} answers"),
                            }
                        )),
                    ],
                );
            }
            let mut parts = vec![title, Html::from(": lowest ")];
            for (n, index) in r.lowest.iter().enumerate() {
                if n > 0 {
                    parts.push(Html::from("; "));
                }
                parts.push(statement_link(ctx, *index, mode));
                parts.push(Html::from(format!(
                    " (\u{201c}{}\u{201d})",
                    answer_label(
                        ladder,
                        *index,
                        document.rating(&ladder.statements[*index].id),
                        ctx.state.about_someone_else()
                    )
                )));
            }
            el("li", "", parts)
        })
        .collect();
    let _ = results;
    el(
        "div",
        "",
        vec![
            t("h3", "", "Section by section: the lowest answers".into()),
            el("ul", "lowest", items),
        ],
    )
}

fn standing(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let mut out = vec![t("h2", "", "Strengths and growth areas".into())];
    let Some(middle) = results.middle else {
        out.push(t(
            "p",
            "",
            "There are no rated answers yet, so no section can stand out.".into(),
        ));
        return el("div", "", out);
    };
    out.push(t("p", "rule", format!(
        "A section stands out when its average is at least half a step above or below the middle of the section averages ({} on the {}\u{2013}{} scale). One unusual section does not move the middle.",
        average_on_scale(&ladder.scale, middle), ladder.scale.lowest(), ladder.scale.highest()
    )));
    if results.few_answers() {
        out.push(t("p", "banner info", format!(
            "This rests on {} of the {} statements of this check, so it may change as more are answered.",
            plural(results.scored, "rated answer", "rated answers"), results.expectations
        )));
    }
    if !results.anything_stands_out() {
        out.push(t("p", "", "No section stands apart from the others: the answers are much the same across sections. Each section's ideas in learn mode are a good place to look for what to try next.".into()));
        out.push(el(
            "p",
            "no-print",
            vec![link(
                "",
                ctx.href(&Route::Learn { section: None }),
                "Read the sections in learn mode".into(),
            )],
        ));
        return el("div", "", out);
    }
    let describe = |group: &Vec<usize>| {
        let score = results.sections[group[0]].score.unwrap_or_default();
        let equal = if group.len() > 1 {
            "equal, each with an average of"
        } else {
            "average"
        };
        format!(
            "{} ({equal} {})",
            names(ladder, group),
            average_on_scale(&ladder.scale, score)
        )
    };
    out.push(t("h3", "", "Stronger than the rest".into()));
    if results.strengths.is_empty() {
        out.push(t(
            "p",
            "",
            "No section stands clearly above the middle.".into(),
        ));
    } else {
        out.push(el(
            "ul",
            "strengths",
            results
                .strengths
                .iter()
                .map(|g| t("li", "", describe(g)))
                .collect(),
        ));
    }
    out.push(t("h3", "", "Where to grow next".into()));
    if results.growth.is_empty() {
        out.push(t(
            "p",
            "",
            "No section stands clearly below the middle.".into(),
        ));
    }
    for group in &results.growth {
        if group.len() > 1 {
            out.push(t("p", "", format!("{}: these are equal.", describe(group))));
        }
        for section in group {
            let info = &ladder.sections[*section];
            let down = pulling_down(
                ladder,
                &ctx.state.document,
                results,
                *section,
                mode == CheckMode::Quick,
            );
            let mut card = vec![
                t("h4", "", info.title.clone()),
                t(
                    "p",
                    "",
                    format!(
                        "Average {}.",
                        average_on_scale(
                            &ladder.scale,
                            results.sections[*section].score.unwrap_or_default()
                        )
                    ),
                ),
            ];
            if !down.is_empty() {
                card.push(t("p", "", "Answered below the middle:".into()));
                card.push(el(
                    "ul",
                    "",
                    down.iter()
                        .map(|index| {
                            el(
                                "li",
                                "",
                                vec![
                                    statement_link(ctx, *index, mode),
                                    Html::from(format!(
                                        " (\u{201c}{}\u{201d})",
                                        answer_label(
                                            ladder,
                                            *index,
                                            ctx.state
                                                .document
                                                .rating(&ladder.statements[*index].id),
                                            ctx.state.about_someone_else()
                                        )
                                    )),
                                ],
                            )
                        })
                        .collect(),
                ));
            }
            if !info.growth.is_empty() {
                card.push(t("p", "", "Ideas to try:".into()));
                card.push(text_list("", &info.growth));
            }
            out.push(el("article", "card growth", card));
        }
    }
    el("div", "", out)
}

fn watch_outs(ctx: &Ctx, results: &Results, document: &Document) -> Html {
    let ladder = &ctx.state.ladder;
    if !ladder
        .statements
        .iter()
        .any(|s| s.kind == Kind::AntiPattern)
    {
        return Html::default();
    }
    let scale = ladder.scale_for(Kind::AntiPattern);
    let from = scale
        .steps
        .iter()
        .find(|step| share_of_scale(scale, step.value) >= WATCH_OUT_FROM)
        .map(|step| step.choice.label.clone())
        .unwrap_or_default();
    let mut out = vec![t("h2", "", "Watch-outs".into())];
    if results.watch_outs.is_empty() {
        out.push(t(
            "p",
            "",
            format!("None of the habits to avoid was answered \u{201c}{from}\u{201d} or more."),
        ));
        return el("div", "", out);
    }
    out.push(t("p", "", format!("Habits to avoid that were answered \u{201c}{from}\u{201d} or more. They are worth a closer look, and they are kept apart from the sections above.")));
    let items = results
        .watch_outs
        .iter()
        .map(|watch| {
            let statement = &ladder.statements[watch.statement];
            let ideas = if statement.ideas.is_empty() {
                &ladder.sections[statement.section].growth
            } else {
                &statement.ideas
            };
            el(
                "li",
                "card watch-out",
                vec![
                    t(
                        "p",
                        "",
                        statement
                            .text_for(ctx.state.about_someone_else())
                            .to_string(),
                    ),
                    t(
                        "p",
                        "muted",
                        format!(
                            "Answer: {}",
                            answer_label(
                                ladder,
                                watch.statement,
                                document.rating(&statement.id),
                                ctx.state.about_someone_else()
                            )
                        ),
                    ),
                    t("p", "", "Ideas to try:".into()),
                    text_list("", ideas),
                ],
            )
        })
        .collect();
    out.push(el("ul", "watch-outs", items));
    el("div", "", out)
}

fn open_statements(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let lists: [(&[usize], String); 3] = [
        (&results.unanswered, "Not answered yet".to_string()),
        (
            &results.unsure,
            format!(
                "Answered \u{201c}{}\u{201d} (not scored)",
                ladder.scale.unsure.label
            ),
        ),
        (
            &results.not_my_role,
            format!(
                "Answered \u{201c}{}\u{201d} (not scored)",
                ladder
                    .scale
                    .not_my_role
                    .as_ref()
                    .map_or("Not part of my role", |c| c.label.as_str())
            ),
        ),
    ];
    if lists.iter().all(|(list, _)| list.is_empty()) {
        return Html::default();
    }
    let mut out = vec![t("h2", "", "Not scored or still open".into())];
    for (list, title) in lists {
        if list.is_empty() {
            continue;
        }
        out.push(t("h3", "", format!("{title} ({})", list.len())));
        out.push(el(
            "ul",
            "open-list",
            list.iter()
                .map(|i| el("li", "", vec![statement_link(ctx, *i, mode)]))
                .collect(),
        ));
    }
    el("div", "", out)
}

fn retired_answers(ctx: &Ctx) -> Html {
    let ladder = &ctx.state.ladder;
    let retired = retired(ladder, &ctx.state.document);
    if retired.is_empty() {
        return Html::default();
    }
    let items = retired
        .iter()
        .map(|(id, answer)| {
            // The statement is gone, so its scale is unknown: the main one.
            let rating = rating_label(
                &ladder.scale,
                answer.rating,
                "no rating",
                ctx.state.about_someone_else(),
            );
            let mut parts = vec![
                t("code", "", id.to_string()),
                Html::from(format!(": {rating}")),
            ];
            if !answer.note.is_empty() {
                parts.push(t("p", "muted", answer.note.clone()));
            }
            el("li", "", parts)
        })
        .collect();
    el("div", "", vec![
        t("h2", "", format!("Kept from an earlier version of this ladder ({})", retired.len())),
        t("p", "", "These statements are no longer part of the ladder, so they are not in the results. Their answers and notes are kept.".into()),
        el("ul", "retired", items),
    ])
}
