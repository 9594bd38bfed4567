//! What moved since an earlier moment of the same check (a finished check,
//! a check-in baseline, a snapshot): per section the average then and now
//! and which way it went, the statements that moved the good way and the
//! other way (a habit to avoid going down is good), what is newly
//! answered, and how each focus of the plan fared.

use super::page::{heading, not_found, plural, section_table, Ctx};
use super::ui::{el, t};
use crate::core::compare::{moved, StatementPair};
use crate::core::content::Kind;
use crate::core::document::plan::PlanStatus;
use crate::core::route::Route;
use crate::core::scoring::{answer_label, average_on_scale, change_words};
use crate::core::time::local_date;
use yew::prelude::*;

pub fn since_page(ctx: &Ctx, time: u64) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let Some(snapshot) = state.document.snapshot(time) else {
        return not_found(ctx, "There is no snapshot with that date in this history.");
    };
    let before = state.document.as_of(snapshot);
    let now = &state.document;
    let moved = moved(ladder, &before, now);
    let comparison = &moved.comparison;
    let someone = state.about_someone_else();
    let date = local_date(time, state.offset);
    let retired = moved.retired;
    let (better, worse, newly, gone) = (
        moved.better.iter().collect::<Vec<_>>(),
        moved.worse.iter().collect::<Vec<_>>(),
        moved.newly.iter().collect::<Vec<_>>(),
        moved.gone.iter().collect::<Vec<_>>(),
    );
    let item = |pair: &&StatementPair| {
        let statement = &ladder.statements[pair.statement];
        let label = |rating| answer_label(ladder, pair.statement, rating, someone);
        el(
            "li",
            "",
            vec![
                t(
                    "span",
                    "statement-text",
                    statement.text_for(someone).to_string(),
                ),
                Html::from(format!(
                    ": {} \u{2192} {}",
                    label(pair.left),
                    label(pair.right)
                )),
            ],
        )
    };
    let list = |title: &str, pairs: &[&StatementPair]| {
        if pairs.is_empty() {
            return Html::default();
        }
        el(
            "div",
            "",
            vec![
                t("h2", "", format!("{title} ({})", pairs.len())),
                el("ul", "moved", pairs.iter().map(item).collect()),
            ],
        )
    };
    let change = |before: Option<f64>, after: Option<f64>| match change_words(
        &ladder.scale,
        before,
        after,
    ) {
        (words, Some(true)) => format!("{words} (the good way)"),
        (words, Some(false)) => format!("{words} (the other way)"),
        (words, None) => words,
    };
    let cell = |share: Option<f64>| {
        share.map_or("Not answered".to_string(), |s| {
            average_on_scale(&ladder.scale, s)
        })
    };
    // How each focus of the plan fared.
    let focus: Vec<Html> = now
        .plan
        .iter()
        .filter(|item| matches!(item.status, PlanStatus::Active | PlanStatus::Done))
        .filter_map(|item| {
            let index = ladder.statement_index(&item.statement)?;
            let statement = &ladder.statements[index];
            let (then, today) = (before.rating(&statement.id), now.rating(&statement.id));
            let label = |rating| answer_label(ladder, index, rating, someone);
            let way = moved.way_of(ladder, index);
            let done = if item.status == PlanStatus::Done {
                "Done. "
            } else {
                ""
            };
            Some(t(
                "li",
                "",
                format!(
                    "{}: {done}{} \u{2192} {}, {way}.",
                    crate::core::markdown::lead_in(statement.text_for(someone)),
                    label(then),
                    label(today)
                ),
            ))
        })
        .collect();
    html! {
        <section class="page since">
            <p class="print-only print-header">{ format!("{} \u{2014} since {date}", ladder.title) }</p>
            { heading(ctx, format!("What moved since {date}")) }
            <p class="lead">{ format!(
                "Since {date}: {} moved the good way, {} the other way, and {} newly answered. For a habit to avoid, less often is the good way.",
                plural(better.len(), "answer", "answers"), worse.len(), newly.len()
            ) }</p>
            if retired > 0 {
                <p class="muted">{ format!(
                    "Both columns read the answers on today's statements. Answers given to a reworded or replaced statement count on the statement that took its place; {} to statements since removed from the ladder {} left out, so a section's value for {date} can differ from what the results said then.",
                    plural(retired, "answer", "answers"), if retired == 1 { "is" } else { "are" }
                ) }</p>
            }
            { section_table(
                ctx,
                "since-caption",
                format!("Average by section on the {}\u{2013}{} scale, then and now", ladder.scale.lowest(), ladder.scale.highest()),
                [&date, "Now", "Change"],
                comparison.sections.iter().map(|pair| (
                    ladder.sections[pair.section].title.clone(),
                    [cell(pair.left), cell(pair.right), change(pair.left, pair.right)],
                )).collect(),
            ) }
            if !focus.is_empty() {
                <h2>{ "The plan" }</h2>
                { el("ul", "", focus) }
            }
            { list("Moved the good way", &better) }
            { list("Moved the other way", &worse) }
            { list("Newly answered, or now not sure", &newly) }
            { list("No longer answered", &gone) }
            if comparison.differences.is_empty() {
                <p>{ "Nothing moved: every answer is as it was." }</p>
            }
            if ladder.statements.iter().any(|s| s.kind == Kind::AntiPattern) {
                <p class="muted">{ "Watch-outs count the other way round: a habit to avoid that shows up less often moved the good way." }</p>
            }
            <p class="actions no-print">
                <a class="button primary" href={ctx.href(&Route::Start)}>{ "Back to the start" }</a>
                <a class="button" href={ctx.href(&Route::Data)}>{ "History and sharing" }</a>
            </p>
        </section>
    }
}

/// The page for the route that names a snapshot (a part's entry point).
pub fn since_from_route(ctx: &Ctx) -> Html {
    match &ctx.state.route {
        crate::core::route::Route::Compare {
            with: crate::core::route::Compared::Snapshot(time),
        } => since_page(ctx, *time),
        _ => Html::default(),
    }
}
