//! Two views side by side, labelled with both names: a snapshot and now,
//! two checks in this browser (a report's self-check and a manager's view
//! of them), or a check and a file or link. The largest gaps come first,
//! with both sides' notes, and a few openers for the conversation.

use super::page::{heading, not_found, plural, Ctx};
use crate::core::compare::{compare, Difference, StatementPair, FAR_APART};
use crate::core::content::Kind;
use crate::core::document::{Document, Rater};
use crate::core::keys::CheckRef;
use crate::core::markdown::{self, view_label};
use crate::core::route::{Compared, Route};
use crate::core::scoring::{answer_label, average_on_scale};
use crate::core::state::{Action, Comparison, NewCheck, Notice, Place};
use crate::core::time::local_date;
use crate::edge::{download, page};
use std::rc::Rc;
use yew::prelude::*;

/// How many conversation openers to offer.
const OPENERS: usize = 5;

pub fn compare_page(ctx: &Ctx, with: &Compared) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let here = view_label(&state.document, state.check == CheckRef::Own);
    let (left, left_name, right, right_name, over_time): (
        Document,
        String,
        Rc<Document>,
        String,
        bool,
    ) = match with {
        Compared::Snapshot(time) => match state.document.snapshot(*time) {
            Some(snap) => (
                state.document.as_of(snap),
                format!("Snapshot {}", local_date(*time, state.offset)),
                state.document.clone(),
                "Now".to_string(),
                true,
            ),
            None => return not_found(ctx, "There is no snapshot with that date in this history."),
        },
        _ => match &state.comparison {
            Comparison::Loaded(other) => (
                (*state.document).clone(),
                here.clone(),
                Rc::new(other.document.clone()),
                if other.label == here {
                    format!("{} (other)", other.label)
                } else {
                    other.label.clone()
                },
                false,
            ),
            missing => {
                return html! {
                    <section class="page">
                        { heading(ctx, "Compare".into()) }
                        <p role={(*missing == Comparison::Missing).then_some("alert")}>{ match (with, missing) {
                            (Compared::Check(_), Comparison::Missing) => "There is no such check in this browser to compare with. It may have been deleted.",
                            _ => "Nothing to compare yet. Import someone's export, or open a share link, to see it beside these answers.",
                        } }</p>
                        <p><a class="button primary" href={ctx.href(&Route::Data)}>{ "Go to Save, share and compare" }</a></p>
                    </section>
                }
            }
        },
    };
    let comparison = compare(ladder, &left, &right);
    let title = if over_time {
        "What changed since the snapshot".to_string()
    } else {
        format!("{left_name} and {right_name}, side by side")
    };
    let head = html! {
        <>
            <p class="print-only print-header">{ format!("{} \u{2014} {title} \u{2014} {}", ladder.title, local_date(ctx.now, state.offset)) }</p>
            { heading(ctx, title.clone()) }
        </>
    };
    if !over_time && !comparison.comparable() {
        let empty = if comparison.left_answered == 0 {
            &left_name
        } else {
            &right_name
        };
        let empty = if empty == "You" {
            "you have no answers in this browser yet".to_string()
        } else {
            format!("{empty} has no answers yet")
        };
        return html! {
            <section class="page compare">
                { head }
                <p class="banner info">{ format!("Nothing to compare yet: {empty}. Once both sides have answered, the differences show here.") }</p>
                <p class="actions"><a class="button primary" href={ctx.href(&Route::Start)}>{ "Go to the start page" }</a></p>
            </section>
        };
    }
    let someone = state.about_someone_else() || left.rater != Rater::Subject;
    let note = |document: &Document, id: &str| {
        document
            .answers
            .get(id)
            .map(|a| a.note.trim().to_string())
            .filter(|n| !n.is_empty())
    };
    let item = |pair: &StatementPair| {
        let statement = &ladder.statements[pair.statement];
        let side = |name: &str, rating, document: &Document| {
            html! {
                <div class="side">
                    <p><strong><bdi>{ name.to_string() }</bdi>{ ": " }</strong>{ answer_label(ladder, pair.statement, rating, document.rater != Rater::Subject) }</p>
                    if let Some(text) = note(document, &statement.id) {
                        <p class="note-text">{ text }</p>
                    }
                </div>
            }
        };
        html! {
            <li class={classes!("card", pair.far_apart().then_some("far-apart"))}>
                <p class="statement-text">{ statement.text_for(someone).to_string() }</p>
                <div class="sides">
                    { side(&left_name, pair.left, &left) }
                    { side(&right_name, pair.right, &right) }
                </div>
                if let Some(steps) = pair.steps_apart().filter(|s| *s >= FAR_APART) {
                    <p><strong>{ format!("{steps} steps apart") }</strong></p>
                }
            </li>
        }
    };
    let changed: Vec<&StatementPair> = comparison
        .differences
        .iter()
        .filter(|p| matches!(p.difference, Difference::Changed { .. }))
        .collect();
    let one_sided: Vec<&StatementPair> = comparison
        .differences
        .iter()
        .filter(|p| !matches!(p.difference, Difference::Changed { .. }))
        .collect();
    let openers: Vec<Html> = comparison
        .far_apart()
        .take(OPENERS)
        .map(|pair| {
            let statement = &ladder.statements[pair.statement];
            let (higher, lower) = if pair.left_higher == Some(true) {
                (&left_name, &right_name)
            } else {
                (&right_name, &left_name)
            };
            let verb = if statement.kind == Kind::AntiPattern {
                "said this happens more often"
            } else {
                "rated this higher"
            };
            html! {
                <li>
                    <bdi>{ higher.clone() }</bdi>{ format!(" {verb} than ") }<bdi>{ lower.clone() }</bdi>{ " did: " }
                    <q>{ statement.text_for(someone).to_string() }</q>
                </li>
            }
        })
        .collect();
    let on_print = Callback::from(|_: MouseEvent| page::print());
    let download_md = {
        let text = markdown::comparison(
            ladder,
            (&left_name, &left),
            (&right_name, &right),
            state.offset,
        );
        let name = format!(
            "l5-selfcheck-{}-comparison-{}.md",
            ladder.id,
            local_date(ctx.now, state.offset)
        );
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if !download::download(&name, "text/markdown", &text) {
                dispatch.emit(Action::Notify(Notice::error(
                    Place::Download,
                    "The browser did not start the download.",
                )));
            }
        })
    };
    let keep = (matches!(with, Compared::Visit)
        && !right.subject.is_empty()
        && !state.checks.iter().any(|c| {
            c.label().eq_ignore_ascii_case(&crate::core::state::label(
                &right.subject,
                right.rater == Rater::Subject,
            ))
        }))
    .then(|| {
        let dispatch = ctx.dispatch.clone();
        let document = right.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::AddCheck(NewCheck {
                name: document.subject.clone(),
                rater: document.rater.clone(),
                from: Some(document.clone()),
                then: Route::Start,
            }))
        })
    });
    html! {
        <section class="page compare">
            { head }
            <p class="lead">{
                if over_time {
                    format!("{} changed since the snapshot, and {} newly answered.",
                        plural(comparison.changed(), "answer", "answers"),
                        plural(comparison.only_right(), "statement", "statements"))
                } else {
                    format!("{} answered differently, {} of them by {FAR_APART} or more steps; {} answered by one side only.",
                        plural(comparison.changed(), "statement", "statements"),
                        comparison.far_apart().count(),
                        comparison.differences.len() - comparison.changed())
                }
            }</p>
            <p class="actions no-print">
                <button type="button" class="button" onclick={on_print}>{ "Print" }</button>
                <button type="button" class="button" onclick={download_md}>{ "Download (Markdown)" }</button>
                if let Some(keep) = keep {
                    <button type="button" class="button" onclick={keep}>{ format!("Keep {right_name}'s answers as a check") }</button>
                }
            </p>
            if !openers.is_empty() {
                <h2>{ "To talk about first" }</h2>
                <ul class="openers">{ for openers }</ul>
            }
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={ctx.id("compare-caption")}>
                <table>
                    <caption id={ctx.id("compare-caption")}>{ format!("Average by section on the {}\u{2013}{} scale", ladder.scale.lowest(), ladder.scale.highest()) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Section" }</th>
                        <th scope="col"><bdi>{ left_name.clone() }</bdi></th>
                        <th scope="col"><bdi>{ right_name.clone() }</bdi></th>
                    </tr></thead>
                    <tbody>
                        for pair in comparison.sections.iter() {
                            <tr>
                                <th scope="row">{ ladder.sections[pair.section].title.clone() }</th>
                                <td>{ pair.left.map_or("Not answered".to_string(), |s| average_on_scale(&ladder.scale, s)) }</td>
                                <td>{ pair.right.map_or("Not answered".to_string(), |s| average_on_scale(&ladder.scale, s)) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <h2>{ if over_time { "Changed, largest change first" } else { "Answered differently, largest gap first" } }</h2>
            if changed.is_empty() {
                <p>{ "None: every statement both sides answered has the same answer." }</p>
            } else {
                <ul class="differences">{ for changed.iter().map(|p| item(p)) }</ul>
            }
            if !one_sided.is_empty() {
                <h2>{ if over_time { "Newly answered (or no longer answered)" } else { "Answered by one side only" } }</h2>
                <ul class="differences one-sided">{ for one_sided.iter().map(|p| item(p)) }</ul>
            }
            <p class="actions no-print">
                <a class="button" href={ctx.href(&Route::Data)}>{ "Back to Save, share and compare" }</a>
            </p>
        </section>
    }
}
