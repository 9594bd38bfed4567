//! The team table on a manager's start page: one row per person whose
//! check is kept here, sortable, with each person's next step, and the
//! same table in Markdown and in print. The rows come from the core
//! (`core::team`); this file only renders them.

use super::outgoing::markdown_download;
use super::page::plural;
use super::start::CtxProps;
use crate::core::team::{actions_words, date_or, gap_words, markdown, sort, team, SortBy};
use crate::core::time::local_date;
use crate::edge::page;
use yew::prelude::*;

const COLUMNS: [(&str, Option<SortBy>); 7] = [
    ("Person", Some(SortBy::Name)),
    ("Self-check", None),
    ("Last change", Some(SortBy::LastChange)),
    ("Last 1:1", Some(SortBy::LastOneOnOne)),
    ("Agreed actions", Some(SortBy::Actions)),
    ("Largest gap", Some(SortBy::Gap)),
    ("Next step", None),
];

/// Which way each order runs: names A to Z, dates oldest first (who
/// waits longest), actions and gaps largest first.
fn direction(by: SortBy) -> &'static str {
    match by {
        SortBy::Name | SortBy::LastChange | SortBy::LastOneOnOne => "ascending",
        SortBy::Actions | SortBy::Gap => "descending",
    }
}

#[component]
pub fn Team(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let ladder = &state.ladder;
    let by = use_state(SortBy::default);
    let today = local_date(ctx.now, state.offset);
    let mut members = team(ladder, &state.checks, &today);
    sort(&mut members, *by);
    let file = format!("l5-selfcheck-team-{today}.md");
    let download = markdown_download(ctx, file, markdown(ladder, &members, state.offset, &today));
    let on_print = Callback::from(|_: MouseEvent| page::print());
    let header = |(title, order): &(&str, Option<SortBy>)| {
        let Some(order) = *order else {
            return html! { <th scope="col">{ *title }</th> };
        };
        let sorted = *by == order;
        let choose = {
            let by = by.clone();
            Callback::from(move |_: MouseEvent| by.set(order))
        };
        html! {
            <th scope="col" aria-sort={sorted.then_some(direction(order))}>
                <button type="button" class="sort" onclick={choose}>
                    { *title }
                </button>
            </th>
        }
    };
    html! {
        <section class="card team" aria-labelledby={ctx.id("team")}>
            <p class="print-only print-header">{ format!("{} \u{2014} your team \u{2014} {today}", ladder.title) }</p>
            <h2 id={ctx.id("team")}>{ "Your team" }</h2>
            <p>{ format!(
                "{} whose checks you keep in this browser. Sort by a column: the names, the longest since a change or a 1:1, the most overdue actions, or the largest gap between your view and their self-check.",
                plural(members.len(), "person", "people")
            ) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby={ctx.id("team-caption")}>
                <table class="team-table">
                    <caption id={ctx.id("team-caption")}>{ "Each person: their self-check, the last change and 1:1, the actions agreed there, the largest gap, and what to do next" }</caption>
                    <thead><tr>{ for COLUMNS.iter().map(header) }</tr></thead>
                    <tbody>
                        for m in members.iter() {
                            <tr>
                                <th scope="row"><a href={crate::core::route::Route::Start.href(&m.check)}><bdi>{ m.label.clone() }</bdi></a></th>
                                <td>{ date_or(m.self_check, state.offset, "not yet") }</td>
                                <td>{ date_or((m.updated_at > 0).then_some(m.updated_at), state.offset, "\u{2013}") }</td>
                                <td>{ date_or(m.last_one_on_one, state.offset, "none yet") }</td>
                                <td class={classes!((m.overdue > 0).then_some("overdue"))}>{ actions_words(m) }</td>
                                <td>{ gap_words(ladder, m.largest_gap) }</td>
                                <td><a href={m.next.route().href(&m.check)}>{ m.next.words() }<span class="visually-hidden">{ format!(" ({})", m.label) }</span></a></td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <p class="file-holds no-print">{ "The Markdown file holds this table: names, dates, counts of agreed actions and the largest gaps; no answers and no notes." }</p>
            <p class="actions no-print">
                <button type="button" class="button" onclick={download}>{ "Download the team table (Markdown)" }</button>
                <button type="button" class="button" onclick={on_print}>{ "Print the team table" }</button>
            </p>
        </section>
    }
}
