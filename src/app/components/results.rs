//! Results that tell the truth and lead somewhere: each section's spread
//! and average, never an answer that was not given; strengths and growth
//! areas only from enough answers and only where a section stands clearly
//! apart; the own ideas of the statements answered low, each one a focus
//! away from the plan; watch-outs apart; what is not scored or still open;
//! and always a next step that fits.

use super::chart::bars;
use super::check::continue_full;
use super::page::{heading, plural, Ctx};
use super::plan::{plan_card, FocusForm};
use super::ui::{el, link, t, text_list};
use crate::core::content::{Kind, Ladder};
use crate::core::document::CheckMode;
use crate::core::markdown::whose;
use crate::core::route::{Compared, Route};
use crate::core::scoring::{
    answer_label, average_on_scale, first_unanswered, low_answers_lowest_section_first, progress,
    pulling_down, rating_label, retired, score, share_of_scale, Results, MIN_IN_SECTION,
    MIN_SCORED, MIN_SECTIONS, WATCH_OUT_FROM,
};
use crate::core::time::local_date;
use crate::edge::page;
use yew::prelude::*;

/// Most low answers shown with their ideas: enough to choose from.
const IDEAS_SHOWN: usize = 8;

/// The page of a statement in a check, from the results.
fn statement_route(ctx: &Ctx, index: usize, mode: CheckMode) -> Route {
    let ladder = &ctx.state.ladder;
    let statement = &ladder.statements[index];
    let section = ladder.sections[statement.section].id.clone();
    match mode {
        CheckMode::Quick => Route::Quick {
            section: Some(section),
        },
        CheckMode::Full => Route::Check {
            section,
            focus: Some(statement.id.clone()),
        },
    }
}

/// A link to a statement on its check page.
fn statement_link(ctx: &Ctx, index: usize, mode: CheckMode) -> Html {
    let text = ctx.state.ladder.statements[index].text_for(ctx.state.about_someone_else());
    link(
        "",
        ctx.href(&statement_route(ctx, index, mode)),
        text.to_string(),
    )
}

/// A statement's answer, in quotes.
fn answer_of(ctx: &Ctx, index: usize) -> String {
    let statement = &ctx.state.ladder.statements[index];
    let rating = ctx.state.document.rating(&statement.id);
    let label = answer_label(
        &ctx.state.ladder,
        index,
        rating,
        ctx.state.about_someone_else(),
    );
    format!(" (\u{201c}{label}\u{201d})")
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
    let title = if state.about_someone_else() {
        format!("Results for {}", state.check_name())
    } else {
        "Your results".to_string()
    };
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
            if let Some(at) = state.moved_since() {
                <p class="moved-since">
                    <a href={ctx.href(&Route::Compare { with: Compared::Snapshot(at) })}>{ format!("What moved since {}", local_date(at, state.offset)) }</a>
                </p>
            }
            <p class="lead">{ "A picture of where things stand today, from these answers. It is not a verdict or a level: use it to choose what to work on next, and to start a conversation." }</p>
            { way_on(ctx, &results, mode) }
            if results.enough() {
                { by_section(ctx, &results) }
                { standing(ctx, &results, mode) }
            } else {
                { too_early(ctx, &results, mode) }
            }
            { notes(ctx, mode) }
            { plan_card(ctx, if state.about_someone_else() { "Their plan" } else { "Your plan" }) }
            { ideas(ctx, &results, mode) }
            { watch_outs(ctx, &results) }
            { open_statements(ctx, &results, mode) }
            { retired_answers(ctx) }
        </section>
    }
}

/// Always a way on: continue the check where it stopped, or the next
/// check, with the other results, printing and sharing beside it.
fn way_on(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let quick_only = mode == CheckMode::Quick;
    let first_open_learn = results
        .unsure
        .first()
        .map(|i| ladder.sections[ladder.statements[*i].section].id.clone());
    let (label, route) = match first_unanswered(ladder, &state.document, quick_only) {
        // Mostly "not sure": learning what the ladder asks comes first.
        _ if results.mostly_unsure() => (
            "Learn what the open statements ask",
            Route::Learn {
                section: first_open_learn,
            },
        ),
        Some(index) => (
            if quick_only {
                "Continue the quick check"
            } else {
                "Continue the full check where it stopped"
            },
            statement_route(ctx, index, mode),
        ),
        None if quick_only && !progress(ladder, &state.document, false).done() => {
            ("Continue with the full check", continue_full(ctx))
        }
        None => ("Back to the start", Route::Start),
    };
    let other = if quick_only {
        CheckMode::Full
    } else {
        CheckMode::Quick
    };
    let on_print = Callback::from(|_: MouseEvent| page::print());
    html! {
        <p class="actions no-print">
            <a class="button primary" href={ctx.href(&route)}>{ label }</a>
            <a class="button" href={ctx.href(&Route::Results { mode: Some(other) })}>
                { if quick_only { "Results of the full check" } else { "Results of the quick check" } }
            </a>
            <button type="button" class="button" onclick={on_print}>{ "Print the results" }</button>
            <a class="button" href={ctx.href(&Route::Data)}>{ "Save, share and compare" }</a>
            // The print leaves the ideas out unless ticked: a summary for a
            // review fits two pages. CSS reads the box (`:has`).
            <span class="field checkbox print-choice">
                <input type="checkbox" id={ctx.id("print-ideas")} class="print-ideas" />
                <label for={ctx.id("print-ideas")}>{ "Print the ideas for growth too" }</label>
            </span>
        </p>
    }
}

/// With few rated answers (a first check, mostly "not sure"), nothing is
/// ranked: the page says so, points to learn mode for the sections still
/// open, and suggests a first focus from the ladder.
fn too_early(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let unscored = results.unsure.len() + results.not_my_role.len();
    let open: Vec<Html> = results
        .sections
        .iter()
        .filter(|r| ladder.has_expectations(r.section) && r.score.is_none())
        .map(|r| {
            let section = &ladder.sections[r.section];
            let route = Route::Learn {
                section: Some(section.id.clone()),
            };
            el(
                "li",
                "",
                vec![link("", ctx.href(&route), section.title.clone())],
            )
        })
        .collect();
    let new_hire = ladder.new_hire.as_ref();
    html! {
        <section class="card early" aria-labelledby={ctx.id("early")}>
            <h2 id={ctx.id("early")}>{ "Too early to read" }</h2>
            <p>{ format!(
                "{} so far{}. Strengths and growth areas are named from at least {MIN_SCORED} rated answers in {MIN_SECTIONS} sections, when most answers are rated, and never from fewer than {MIN_IN_SECTION} in a section; so none are named yet: one or two answers say little about where anyone stands.",
                plural(results.scored, "rated answer", "rated answers"),
                if unscored > 0 { format!(", and {} not scored", plural(unscored, "answer", "answers")) } else { String::new() }
            ) }</p>
            if let Some(new_hire) = new_hire {
                <p>{ new_hire.about.clone() }</p>
                <h3>{ "A first focus" }</h3>
                <ul class="ideas-list">
                    for index in new_hire.focus.iter().copied() {
                        <li class="card">
                            <p>{ statement_link(ctx, index, mode) }</p>
                            { text_list("", &ladder.statements[index].ideas) }
                            <FocusForm ctx={ctx.clone()} statement={index} />
                        </li>
                    }
                </ul>
            }
            if !open.is_empty() {
                <h3>{ "Learn what the open sections ask" }</h3>
                { el("ul", "", open) }
            }
        </section>
    }
}

/// The chart and the table, section by section.
fn by_section(ctx: &Ctx, results: &Results) -> Html {
    let ladder = &ctx.state.ladder;
    let rows: Vec<_> = results
        .sections
        .iter()
        .filter(|r| ladder.has_expectations(r.section) && r.expected > 0)
        .collect();
    let axes: Vec<(String, Option<f64>)> = rows
        .iter()
        .map(|r| (ladder.sections[r.section].title.clone(), r.score))
        .collect();
    let scale = &ladder.scale;
    html! {
        <>
            <h2>{ "By section" }</h2>
            <figure class="chart">
                { bars(&axes, scale.steps.len(), &ctx.id("chart-note")) }
                <figcaption id={ctx.id("chart-note")}>
                    { "Each bar is a section; the longer, the more often what it describes is done, on the whole scale's length. A section with no rated answer is marked as not answered. The table gives the same results in numbers." }
                </figcaption>
            </figure>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={ctx.id("table-caption")}>
            <table class="results-table">
                <caption id={ctx.id("table-caption")}>{ format!("Answers by section: average on the {}\u{2013}{} scale, and how many answers fell on each step (expectations; watch-outs are below)", scale.lowest(), scale.highest()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Section" }</th>
                        <th scope="col">{ "Average" }</th>
                        for step in scale.steps.iter() {
                            <th scope="col">{ step.choice.label.clone() }</th>
                        }
                        <th scope="col">{ "Not scored" }</th>
                        <th scope="col">{ "Rated" }</th>
                    </tr>
                </thead>
                <tbody>
                    // Each cell names its column: a narrow screen shows a
                    // row as a list of "column: value" (CSS), not a table
                    // wider than the screen.
                    for result in rows.iter() {
                        <tr class={classes!(result.score.is_none().then_some("unanswered"))}>
                            <th scope="row">{ ladder.sections[result.section].title.clone() }</th>
                            <td data-label="Average">{ result.score.map(|s| average_on_scale(scale, s)).unwrap_or_else(|| "Not answered".into()) }</td>
                            for (count, step) in result.spread.iter().zip(scale.steps.iter()) {
                                <td data-label={step.choice.label.clone()}>{ *count }</td>
                            }
                            <td data-label="Not scored">{ result.expected_unscored }</td>
                            <td data-label="Rated">{ format!("{} of {}", result.scored, result.expected) }</td>
                        </tr>
                    }
                </tbody>
            </table>
            </div>
        </>
    }
}

fn standing(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let mut out = vec![t("h2", "", "Strengths and growth areas".into())];
    let Some(middle) = results.middle else {
        return Html::default();
    };
    out.push(t("p", "rule", format!(
        "A section stands out when its average is at least half a step above or below the middle of the section averages ({} on the {}\u{2013}{} scale); a strength is also at least halfway up the scale. One unusual section does not move the middle.",
        average_on_scale(&ladder.scale, middle), ladder.scale.lowest(), ladder.scale.highest()
    )));
    // Every reading says what it rests on; with few answers, that it may
    // change.
    out.push(t(
        "p",
        if results.few_answers() {
            "banner info"
        } else {
            "rests-on"
        },
        format!(
            "This rests on {} of the {} statements of this check{}",
            plural(results.scored, "rated answer", "rated answers"),
            results.expectations,
            if results.few_answers() {
                ", so it may change as more are answered."
            } else {
                "."
            }
        ),
    ));
    let single: Vec<usize> = results
        .sections
        .iter()
        .filter(|r| r.scored > 0 && r.scored < MIN_IN_SECTION)
        .map(|r| r.section)
        .collect();
    if !single.is_empty() {
        let (each, rest) = if single.len() == 1 {
            ("rests", "")
        } else {
            ("rest", " each")
        };
        out.push(t("p", "", format!(
            "{} {each} on one rated answer{rest}: too few to name as a strength or a growth area.{}",
            names(ladder, &single),
            if mode == CheckMode::Quick { " The full check asks more in each." } else { "" }
        )));
    }
    if !results.anything_stands_out() {
        let averages: Vec<f64> = results.sections.iter().filter_map(|r| r.score).collect();
        let alike = averages.windows(2).all(|w| (w[0] - w[1]).abs() < 1e-9);
        out.push(t("p", "", if single.is_empty() || alike {
            "No section stands apart from the others: the answers are much the same across sections."
        } else {
            "None of the other sections stands apart from the rest."
        }.into()));
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
    let list = |groups: &[Vec<usize>], class: &'static str, none: &str| {
        if groups.is_empty() {
            t("p", "", none.to_string())
        } else {
            el(
                "ul",
                class,
                groups.iter().map(|g| t("li", "", describe(g))).collect(),
            )
        }
    };
    out.push(t("h3", "", "Stronger than the rest".into()));
    out.push(list(
        &results.strengths,
        "strengths",
        "No section stands clearly above the middle.",
    ));
    out.push(t("h3", "", "Where to grow next".into()));
    out.push(list(
        &results.growth,
        "growth",
        "No section stands clearly below the middle.",
    ));
    for section in results.growth.iter().flatten() {
        let down = pulling_down(
            ladder,
            &ctx.state.document,
            results,
            *section,
            mode == CheckMode::Quick,
        );
        if down.is_empty() {
            continue;
        }
        out.push(t(
            "p",
            "",
            format!(
                "{}, answered below the middle:",
                ladder.sections[*section].title
            ),
        ));
        out.push(el(
            "ul",
            "",
            down.iter()
                .map(|i| {
                    el(
                        "li",
                        "",
                        vec![
                            statement_link(ctx, *i, mode),
                            Html::from(answer_of(ctx, *i)),
                        ],
                    )
                })
                .collect(),
        ));
    }
    el("div", "", out)
}

/// Every note of the check, with the statement and its answer: the
/// evidence a review asks for, on screen and on paper.
fn notes(ctx: &Ctx, mode: CheckMode) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let someone = state.about_someone_else();
    let items: Vec<Html> = ladder
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| mode == CheckMode::Full || s.quick)
        .filter_map(|(index, s)| {
            let note = state.document.answers.get(&s.id)?.note.trim();
            (!note.is_empty()).then(|| {
                el(
                    "li",
                    "",
                    vec![
                        t("span", "statement-text", s.text_for(someone).to_string()),
                        Html::from(answer_of(ctx, index)),
                        t("p", "note-text", note.to_string()),
                    ],
                )
            })
        })
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    el(
        "div",
        "notes",
        vec![
            t("h2", "", format!("Notes and evidence ({})", items.len())),
            el("ul", "notes-list", items),
        ],
    )
}

/// The own ideas of the statements answered low (or, when none is, each
/// section's lowest), each a focus away from the plan.
fn ideas(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let low = low_answers_lowest_section_first(
        ladder,
        &ctx.state.document,
        results,
        mode == CheckMode::Quick,
    );
    let (title, picks): (&str, Vec<usize>) = if low.is_empty() {
        let mut lowest: Vec<usize> = results
            .sections
            .iter()
            .flat_map(|r| r.lowest.iter().copied())
            .collect();
        lowest.truncate(IDEAS_SHOWN);
        ("Ideas to choose a focus from", lowest)
    } else {
        ("Ideas for your lowest answers", low)
    };
    if picks.is_empty() {
        return Html::default();
    }
    // The first few open; every other low answer is one click away, with
    // its count.
    let card = |index: &usize| {
        let index = *index;
        html! {
            <li class="card">
                <p>{ statement_link(ctx, index, mode) }{ answer_of(ctx, index) }</p>
                { text_list("", &ladder.statements[index].ideas) }
                <FocusForm ctx={ctx.clone()} statement={index} />
            </li>
        }
    };
    let (first, rest) = picks.split_at(picks.len().min(IDEAS_SHOWN));
    html! {
        <section class="ideas" aria-labelledby={ctx.id("ideas")}>
            <h2 id={ctx.id("ideas")}>{ title }</h2>
            <p>{ "Each statement comes with ideas of its own, sized for the next few weeks. Make one to three of them your focus: they show on the start page until they are done." }</p>
            <ul class="ideas-list">
                { for first.iter().map(card) }
            </ul>
            if !rest.is_empty() {
                <details class="more-ideas">
                    <summary>{ format!("{} more low {}", rest.len(), if rest.len() == 1 { "answer" } else { "answers" }) }</summary>
                    <ul class="ideas-list">
                        { for rest.iter().map(card) }
                    </ul>
                </details>
            }
        </section>
    }
}

fn watch_outs(ctx: &Ctx, results: &Results) -> Html {
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
    html! {
        <section aria-labelledby={ctx.id("watch")}>
            <h2 id={ctx.id("watch")}>{ "Watch-outs" }</h2>
            if results.watch_outs.is_empty() {
                <p>{ format!("None of the habits to avoid was answered \u{201c}{from}\u{201d} or more.") }</p>
            } else {
                <p>{ format!("Habits to avoid that were answered \u{201c}{from}\u{201d} or more. They are worth a closer look, and they are kept apart from the sections above.") }</p>
                <ul class="watch-outs">
                    for watch in results.watch_outs.iter() {
                        <li class="card watch-out">
                            <p>{ ladder.statements[watch.statement].text_for(ctx.state.about_someone_else()).to_string() }{ answer_of(ctx, watch.statement) }</p>
                            { text_list("", &ladder.statements[watch.statement].ideas) }
                            <FocusForm ctx={ctx.clone()} statement={watch.statement} />
                        </li>
                    }
                </ul>
            }
        </section>
    }
}

fn open_statements(ctx: &Ctx, results: &Results, mode: CheckMode) -> Html {
    let ladder = &ctx.state.ladder;
    let someone = ctx.state.about_someone_else();
    let role = ladder
        .scale
        .not_my_role
        .as_ref()
        .map_or("Not part of the role", |c| c.label_for(someone));
    let lists: [(&[usize], String); 3] = [
        (&results.unanswered, "Not answered yet".to_string()),
        (
            &results.unsure,
            format!(
                "Answered \u{201c}{}\u{201d} (not scored)",
                ladder.scale.unsure.label_for(someone)
            ),
        ),
        (
            &results.not_my_role,
            format!("Answered \u{201c}{role}\u{201d} (not scored)"),
        ),
    ];
    if lists.iter().all(|(list, _)| list.is_empty()) {
        return Html::default();
    }
    let mut out = vec![t("h2", "", "Not scored or still open".into())];
    for (n, (list, title)) in lists.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        out.push(t("h3", "", format!("{title} ({})", list.len())));
        // "Not sure" leads to what the statement means and how people grow
        // into it (its Learn section); the others back to the check.
        let item = |i: &usize| {
            if n == 1 {
                let statement = &ladder.statements[*i];
                let route = Route::Learn {
                    section: Some(ladder.sections[statement.section].id.clone()),
                };
                el(
                    "li",
                    "",
                    vec![
                        t(
                            "span",
                            "statement-text",
                            statement
                                .text_for(ctx.state.about_someone_else())
                                .to_string(),
                        ),
                        Html::from(" "),
                        link(
                            "",
                            ctx.href(&route),
                            format!("Learn: {}", ladder.sections[statement.section].title),
                        ),
                    ],
                )
            } else {
                el("li", "", vec![statement_link(ctx, *i, mode)])
            }
        };
        out.push(el("ul", "open-list", list.iter().map(item).collect()));
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
            // By what it asked, never by its id; a file that does not keep
            // the text any more gets a plain description.
            let asked = ladder
                .retired_text(id)
                .map(|text| format!("\u{201c}{text}\u{201d}"))
                .unwrap_or_else(|| "A statement of an earlier version of this ladder".to_string());
            let mut parts = vec![Html::from(format!("{asked}: {rating}"))];
            if !answer.note.is_empty() {
                parts.push(t("p", "muted", answer.note.clone()));
            }
            el("li", "", parts)
        })
        .collect();
    el("div", "", vec![
        t("h2", "", format!("Kept from an earlier version of this ladder ({})", retired.len())),
        t("p", "", "These statements are no longer asked, so they are not in the results. Their answers and notes are kept.".into()),
        el("ul", "retired", items),
    ])
}
