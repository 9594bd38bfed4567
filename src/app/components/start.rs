//! The start page: what this is, one obvious next step that fits what the
//! person has done, the other ways in, whose check is open, and the data.

use super::banners::download_answers_button;
use super::check::continue_full;
use super::outgoing::backup_button;
use super::page::{heading, notice_at, plural, Ctx};
use super::people::People;
use super::plan::plan_card;
use super::team::Team;
use crate::core::document::CheckMode;
use crate::core::engine::beside_name;
use crate::core::exchange::holds;
use crate::core::keys::CheckRef;
use crate::core::route::Compared;
use crate::core::route::Route;
use crate::core::scoring::{first_unanswered, progress};
use crate::core::state::{Action, Place};
use crate::core::time::local_date;
use yew::prelude::*;

/// Roughly how long a statement takes to answer, for the time estimates.
const SECONDS_PER_STATEMENT: usize = 10;

fn minutes(statements: usize) -> String {
    plural(
        ((statements * SECONDS_PER_STATEMENT + 30) / 60).max(1),
        "minute",
        "minutes",
    )
}

/// The one thing to do next: (what the person has done, the primary
/// action, a second action). With another view kept beside the check (a
/// report's own self-check), the 1:1 agenda comes first once this check
/// has answers of its own.
pub fn next_step(ctx: &Ctx) -> (String, (String, Route), Option<(String, Route)>) {
    let (status, main, second) = check_step(ctx);
    let state = &ctx.state;
    let Some(beside) = &state.document.beside else {
        return (status, main, second);
    };
    let agenda = (
        "Open the 1:1 agenda".to_string(),
        Route::Compare {
            with: Compared::Beside,
        },
    );
    let kept = format!(
        "{} (last changed {}) is kept beside this check.",
        beside_name(beside),
        local_date(beside.updated_at, state.offset)
    );
    if state.document.answers.rated() > 0 {
        (format!("{kept} {status}"), agenda, Some(main))
    } else {
        (
            format!("{kept} Rate too, and the 1:1 agenda sets both views side by side. {status}"),
            main,
            Some(agenda),
        )
    }
}

fn check_step(ctx: &Ctx) -> (String, (String, Route), Option<(String, Route)>) {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let quick = progress(ladder, &state.document, true);
    let full = progress(ladder, &state.document, false);
    let see = |mode| {
        let label = if mode == CheckMode::Quick {
            "See the quick results"
        } else {
            "See the results"
        };
        (label.to_string(), Route::Results { mode: Some(mode) })
    };
    // Back after a while: a check-in, from the earlier answers.
    let answered_at = state.document.answered_at();
    if let Some(due) = state.check_in_due(ctx.now, ctx.checkin_weeks) {
        return (
            format!(
                "Your answers are from {}, {} ago. A check-in goes through them again: each stays as it is until you change it, and the answers as they are now are kept to compare with.",
                local_date(due.answered_at, state.offset),
                plural(due.weeks as usize, "week", "weeks")
            ),
            ("Start a check-in".into(), due.start),
            Some(see(due.mode)),
        );
    }
    let in_full =
        state.document.resume.mode == Some(CheckMode::Full) || full.answered > quick.answered;
    // What moved since the last finished check or check-in.
    let since = state.moved_since().map(|at| {
        (
            format!("What moved since {}", local_date(at, state.offset)),
            Route::Compare {
                with: Compared::Snapshot(at),
            },
        )
    });
    if full.done() {
        return (
            format!(
                "All {} statements are answered, last on {}.",
                full.total,
                local_date(answered_at, state.offset)
            ),
            see(CheckMode::Full),
            since.or(Some((
                "Review the answers".into(),
                Route::check(&ladder.sections[0].id),
            ))),
        );
    }
    if in_full {
        let section = first_unanswered(ladder, &state.document, false)
            .map(|i| ladder.sections[ladder.statements[i].section].title.clone())
            .unwrap_or_default();
        return (
            format!(
                "{} of {} statements of the full check answered; next unanswered: \u{201c}{section}\u{201d}.",
                full.answered, full.total
            ),
            ("Resume the full check".into(), continue_full(ctx)),
            since.or(Some(see(CheckMode::Full))),
        );
    }
    if quick.done() {
        return (
            format!("The quick check is done: all {} answered.", quick.total),
            ("Continue with the full check".into(), continue_full(ctx)),
            since.or(Some(see(CheckMode::Quick))),
        );
    }
    if quick.answered > 0 {
        return (
            format!(
                "{} of {} quick statements answered.",
                quick.answered, quick.total
            ),
            (
                "Resume the quick check".into(),
                Route::Quick { section: None },
            ),
            Some(see(CheckMode::Quick)),
        );
    }
    (
        format!(
            "Nothing answered yet. The quick check takes about {}.",
            minutes(quick.total)
        ),
        (
            "Start the quick check".into(),
            Route::Quick { section: None },
        ),
        // Someone in their first weeks learns what the level means before
        // rating it: one answer is not a picture of anyone.
        (!state.about_someone_else()).then(|| {
            (
                "I am new here: learn first".into(),
                Route::Learn { section: None },
            )
        }),
    )
}

pub fn start_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let quick = progress(ladder, &state.document, true);
    let full = progress(ladder, &state.document, false);
    let (status, (label, route), second) = next_step(ctx);
    let someone = state.about_someone_else();
    let team = state.check == CheckRef::Own && !state.checks.is_empty();
    let title = if someone {
        format!("Where does {} stand today?", state.check_name())
    } else {
        "Where do you stand today?".to_string()
    };
    let quick_spread = if quick.sections.iter().all(|(_, total)| *total <= 1) {
        "one from each part of the ladder".to_string()
    } else {
        format!("from all {} parts of the ladder", ladder.sections.len())
    };
    html! {
        <section class="page start">
            { heading(ctx, title) }
            if someone {
                <p class="lead">{ "You are rating someone else: the statements read \u{201c}They \u{2026}\u{201d}, and this check is kept apart from your own. Names and answers stay in this browser." }</p>
            } else if !ladder.about.is_empty() {
                <p class="lead">{ ladder.about.clone() }</p>
            }
            <p>{ "Rate short statements about what is actually done, add notes as evidence, and see strengths, growth areas and watch-outs. It is a starting point for reflection and for a conversation, not a verdict." }</p>
            <p class="privacy">{ "Answers stay in this browser and are never sent anywhere." }</p>
            { ladder_update(ctx) }
            // A manager's team first, while their own check is empty.
            if team && state.document.answers.rated() == 0 {
                <Team ctx={ctx.clone()} />
            }
            <div class="card next-step" aria-labelledby={ctx.id("next")}>
                <h2 id={ctx.id("next")}>{ "Next step" }</h2>
                <p class="next-status">{ status }</p>
                <p class="actions">
                    <a class="button primary" href={ctx.href(&route)}>{ label }</a>
                    if let Some((label, route)) = second {
                        <a class="button" href={ctx.href(&route)}>{ label }</a>
                    }
                </p>
            </div>
            if team && state.document.answers.rated() > 0 {
                <Team ctx={ctx.clone()} />
            }
            <h2>{ "Other ways in" }</h2>
            <ul class="ways-in">
                <li class="card">
                    <a href={ctx.href(&Route::Quick { section: None })}>{ "The quick check" }</a>
                    <p>{ format!("{}, {quick_spread}, on one page. About {}.", plural(quick.total, "statement", "statements"), minutes(quick.total)) }</p>
                </li>
                <li class="card">
                    <a href={ctx.href(&continue_full(ctx))}>{ "The full check" }</a>
                    <p>{ format!("All {} statements, one section at a time; it opens at the first one not answered. About {}; you can stop and come back.", full.total, minutes(full.total)) }</p>
                </li>
                <li class="card">
                    <a href={ctx.href(&Route::Learn { section: None })}>{ "Learn what the level means" }</a>
                    <p>{ format!("Read the {} sections in plain words, with examples, before rating anything.", ladder.sections.len()) }</p>
                </li>
            </ul>
            if !state.document.plan.is_empty() {
                { plan_card(ctx, if someone { "Their focus" } else { "Your focus" }) }
            }
            <People ctx={ctx.clone()} />
            <DataControls ctx={ctx.clone()} />
        </section>
    }
}

/// One line when the ladder changed since the open check's answers were
/// given: what moved, what is kept as retired, and the way to see them.
fn ladder_update(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let Some(update) = &state.ladder_update else {
        return Html::default();
    };
    let mut text = format!(
        "The ladder has changed since these answers were given (version {} \u{2192} {}).",
        update.from, state.ladder.version
    );
    if update.moved > 0 {
        text.push_str(&format!(
            " {} moved to the statements that now ask the same.",
            plural(update.moved, "answer", "answers")
        ));
    }
    if update.retired > 0 {
        text.push_str(&format!(
            " {} to statements no longer asked {} kept, listed at the foot of the results.",
            plural(update.retired, "answer", "answers"),
            if update.retired == 1 { "is" } else { "are" }
        ));
    }
    if update.moved == 0 && update.retired == 0 {
        text.push_str(" Every answer still answers the same statement.");
    }
    let seen = ctx.on(|| Action::SeenLadderUpdate);
    html! {
        <div class="card ladder-update" role="status">
            <p>{ text }</p>
            <p class="actions">
                <a class="button" href={ctx.href(&Route::Results { mode: Some(CheckMode::Full) })}>{ "See the results" }</a>
                <button type="button" class="button" onclick={seen}>{ "Got it" }</button>
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CtxProps {
    pub ctx: Ctx,
}

/// "Your data": where answers live, a download, and a delete that asks
/// first and can be undone while the page is open.
#[component]
pub fn DataControls(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let confirming = use_state(|| false);
    let dialog = use_node_ref();
    let opener = use_node_ref();
    // The confirmation opens in view, with focus on its first button.
    {
        let dialog = dialog.clone();
        use_effect_with(*confirming, move |open| {
            if *open {
                if let Some(element) = dialog.cast::<web_sys::Element>() {
                    crate::edge::page::focus_first_button(&element);
                }
            }
        });
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        let opener = opener.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            if let Some(button) = opener.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let state = &ctx.state;
    let delete = {
        let confirming = confirming.clone();
        let dispatch = ctx.dispatch.clone();
        let action = state.delete_open_check();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            dispatch.emit(action.clone());
        })
    };
    // What "delete all" takes, in numbers.
    let others = state.checks.len() + state.deleted_checks.len();
    let snapshots = state.document.snapshots.len()
        + state
            .checks
            .iter()
            .chain(state.deleted_checks.iter())
            .map(|c| c.snapshots)
            .sum::<usize>();
    let everything = format!(
        "your own self-check ({}), {} and {}",
        plural(state.document.answers.rated(), "answer", "answers"),
        plural(others, "check about someone else", "checks about others"),
        plural(snapshots, "snapshot", "snapshots")
    );
    let own = state.check == CheckRef::Own;
    let name = state.check_name();
    html! {
        <section class="card your-data" aria-labelledby={ctx.id("data")}>
            if own {
                <h2 id={ctx.id("data")}>{ "Your data" }</h2>
                <p>{ "Answers and notes, yours and those about other people, are kept in this browser, on this site only. A private window forgets them when it closes, and clearing site data deletes them. Download a copy to keep them." }</p>
            } else {
                <h2 id={ctx.id("data")}>{ format!("Data of the check about {name}") }</h2>
                <p>{ "Its answers, notes, 1:1 notes and history are kept in this browser, apart from your own self-check and the other checks. Download a copy to keep them." }</p>
            }
            if own {
                { backup_button(ctx) }
            } else {
                <p class="file-holds">{ format!("The file holds everything kept for this check: {}.", holds(&state.document)) }</p>
            }
            <p class="actions">
                if !own {
                    { download_answers_button(ctx, "Download this check (JSON)") }
                }
                <a class="button" href={ctx.href(&Route::Data)}>{ "Save, share and compare" }</a>
                <button type="button" class="button danger" onclick={ask} ref={opener}
                    aria-expanded={(*confirming).to_string()}>{ if own { "Delete all data\u{2026}" } else { "Delete this check\u{2026}" } }</button>
            </p>
            if *confirming {
                <div class="confirm" role="group" aria-label={if own { "Confirm deleting all data".to_string() } else { format!("Confirm deleting the check about {name}") }} ref={dialog}>
                    if own {
                        <p><strong>{ format!("Delete everything this self-check keeps in this browser: {everything}?") }</strong></p>
                        <p>{ "Undo stays on offer at the top of the page until you keep the deletion or leave the page; after that it is gone. Download copies first to keep them." }</p>
                    } else {
                        <p><strong>{ format!("Delete the check about {name}? Your own self-check and the other checks stay as they are.") }</strong></p>
                        <p>{ "It is kept under \u{201c}Deleted checks\u{201d} on your own start page until you delete it for good, and Undo brings it back." }</p>
                    }
                    <p class="actions">
                        <button type="button" class="button danger primary" onclick={delete}>{ if own { "Yes, delete all data" } else { "Yes, delete this check" } }</button>
                        <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
                    </p>
                </div>
            }
            { notice_at(ctx, Place::Download, Html::default()) }
            { notice_at(ctx, Place::Delete, Html::default()) }
        </section>
    }
}
