//! The check pages: the quick check on one page, the full check one
//! section per page, and a section-sized check for someone learning.

use super::page::{heading, not_found, plural, Ctx};
use super::statement::{scale_key, StatementItem};
use crate::core::content::Kind;
use crate::core::document::CheckMode;
use crate::core::route::{Compared, Route};
use crate::core::scoring::{first_unanswered, progress, Progress};
use yew::prelude::*;

/// The statements of one section of a check, with the key of their scale
/// shown once, before the first statement that uses it.
fn statements(ctx: &Ctx, section: usize, quick_only: bool, shown: &mut Vec<Kind>) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let someone = state.about_someone_else();
    // The key lists "not part of the role" only where the page offers it.
    let offers_role = |kind: Kind| {
        let on_page = |s: &&crate::core::content::Statement| {
            s.kind == kind && (!quick_only || s.quick) && (quick_only || s.section == section)
        };
        ladder
            .statements
            .iter()
            .filter(on_page)
            .any(|s| s.role_dependent)
    };
    ladder
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.section == section && (!quick_only || s.quick))
        .map(|(index, statement)| {
            let key = if shown.contains(&statement.kind) {
                Html::default()
            } else {
                shown.push(statement.kind);
                scale_key(
                    ladder,
                    statement.kind,
                    &ctx.instance,
                    state.key_open,
                    someone,
                    offers_role(statement.kind),
                )
            };
            html! {
                <>
                    { key }
                    <StatementItem
                        key={statement.id.clone()}
                        ladder={ladder.clone()}
                        index={index}
                        answer={state.document.answers.get(&statement.id).cloned()}
                        instance={ctx.instance.clone()}
                        read_only={state.read_only()}
                        someone_else={someone}
                        on_rate={ctx.on_rate.clone()}
                        on_note={ctx.on_note.clone()} />
                </>
            }
        })
        .collect()
}

/// The progress bar, named so a screen reader says what it counts.
fn progress_bar(ctx: &Ctx, progress: &Progress, what: &str) -> Html {
    let id = ctx.id("progress");
    html! {
        <div class="progress-row">
            <label for={id.clone()}>
                { format!("{} of {} {what} answered", progress.answered, progress.total) }
            </label>
            <progress {id} max={progress.total.to_string()} value={progress.answered.to_string()} />
        </div>
    }
}

/// Where the full check continues: its first unanswered statement.
pub fn continue_full(ctx: &Ctx) -> Route {
    let ladder = &ctx.state.ladder;
    match first_unanswered(ladder, &ctx.state.document, false) {
        Some(index) => Route::Check {
            section: ladder.sections[ladder.statements[index].section].id.clone(),
            focus: Some(ladder.statements[index].id.clone()),
        },
        None => Route::check(&ladder.sections[0].id),
    }
}

/// Every quick statement on one page, grouped by section.
pub fn quick_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let progress = progress(ladder, &state.document, true);
    let mut shown = Vec::new();
    let sections: Html = ladder
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            html! {
                <section class="quick-section" aria-labelledby={ctx.id(&format!("section-{}", section.id))}>
                    <h2 id={ctx.id(&format!("section-{}", section.id))} tabindex="-1">{ section.title.clone() }</h2>
                    { statements(ctx, index, true, &mut shown) }
                </section>
            }
        })
        .collect();
    html! {
        <div class="page check quick">
            { heading(ctx, "Quick check".into()) }
            { check_in_note(ctx) }
            <p class="lead">{ format!("{} from every part of the ladder, on one page. Each answer is saved as you give it.", plural(progress.total, "statement", "statements")) }</p>
            <div class="check-top">{ progress_bar(ctx, &progress, "statements") }</div>
            // Notes stay out of the way (and out of the tab order) in the
            // quick check, unless asked for: it is meant for one sitting.
            <p class="field checkbox notes-toggle">
                <input type="checkbox" id={ctx.id("quick-notes")} />
                <label for={ctx.id("quick-notes")}>{ "Show a note field under each statement, for evidence" }</label>
            </p>
            { sections }
            <nav class="pager" aria-label="After the quick check">
                <a class="button" href={ctx.href(&Route::Start)}>{ "Back to the start" }</a>
                <a class="button primary" href={ctx.href(&Route::Results { mode: Some(CheckMode::Quick) })}>{ "See the quick results" }</a>
            </nav>
        </div>
    }
}

/// A check-in says it is one: the answers it compares with, and how many
/// changed so far, with a way to see what moved.
fn check_in_note(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let Some(check_in) = state.check_in(ctx.now, ctx.checkin_weeks) else {
        return Html::default();
    };
    let date = crate::core::time::local_date(check_in.since, state.offset);
    html! {
        <p class="check-in-note">
            <strong>{ "Check-in. " }</strong>
            { format!("Going through the answers of {date} again: change what is different now. {} changed so far. ", plural(check_in.changed, "answer", "answers")) }
            if check_in.kept && check_in.changed > 0 {
                <a href={ctx.href(&Route::Compare { with: Compared::Snapshot(check_in.since) })}>{ format!("What moved since {date}") }</a>
            }
        </p>
    }
}

/// One section of the full check per page, with contents and back / next.
pub fn check_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let Route::Check { section, .. } = &state.route else {
        return Html::default();
    };
    let Some(index) = ladder.section_index(section) else {
        return not_found(
            ctx,
            &format!("This check has no section called \u{201c}{section}\u{201d}."),
        );
    };
    let progress = progress(ladder, &state.document, false);
    let current = &ladder.sections[index];
    let (done, total) = progress.sections[index];
    let previous = index.checked_sub(1).map(|i| &ladder.sections[i]);
    let next = ladder.sections.get(index + 1);
    let mut shown = Vec::new();
    html! {
        <div class="page check">
            <div class="check-top">
                <p class="check-name">{ format!("Full check \u{b7} section {} of {}", index + 1, ladder.sections.len()) }</p>
                { progress_bar(ctx, &progress, "statements") }
            </div>
            <div class="check-layout">
                <nav class="contents" aria-label="Sections of the full check">
                    <details open={ctx.wide}>
                        <summary>{ "Sections" }</summary>
                        <ol>
                            for (i, s) in ladder.sections.iter().enumerate() {
                                <li>
                                    <a href={ctx.href(&Route::check(&s.id))}
                                        aria-current={(i == index).then_some("page")}>
                                        <span class="contents-title">{ s.title.clone() }</span>
                                        <span class={classes!("contents-state", (progress.sections[i].0 == progress.sections[i].1).then_some("done"))}>{
                                            format!("{} of {}", progress.sections[i].0, progress.sections[i].1)
                                        }</span>
                                    </a>
                                </li>
                            }
                        </ol>
                        <p><a href={ctx.href(&Route::Results { mode: Some(CheckMode::Full) })}>{ "See the results" }</a></p>
                    </details>
                </nav>
                <section class="section-body" aria-labelledby={super::page::heading_id(&ctx.instance)}>
                    { heading(ctx, current.title.clone()) }
                    { check_in_note(ctx) }
                    <p class="summary">{ current.summary.clone() }</p>
                    <p class="section-progress">{ format!("{done} of {total} answered in this section") }</p>
                    { statements(ctx, index, false, &mut shown) }
                    <nav class="pager" aria-label="Previous and next section">
                        if let Some(p) = previous {
                            <a class="button" href={ctx.href(&Route::check(&p.id))}>{ format!("Back: {}", p.title) }</a>
                        } else {
                            <a class="button" href={ctx.href(&Route::Start)}>{ "Back to the start" }</a>
                        }
                        if let Some(n) = next {
                            <a class="button primary" href={ctx.href(&Route::check(&n.id))}>{ format!("Next: {}", n.title) }</a>
                        } else {
                            <a class="button primary" href={ctx.href(&Route::Results { mode: Some(CheckMode::Full) })}>{ "See the results" }</a>
                        }
                    </nav>
                </section>
            </div>
        </div>
    }
}

/// A learner rates one section's statements, then goes back to learning.
pub fn rate_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let ladder = &state.ladder;
    let Route::Rate { section } = &state.route else {
        return Html::default();
    };
    let Some(index) = ladder.section_index(section) else {
        return not_found(
            ctx,
            &format!("There is no section called \u{201c}{section}\u{201d} to rate."),
        );
    };
    let current = &ladder.sections[index];
    let (done, total) = progress(ladder, &state.document, false).sections[index];
    let next = ladder.sections.get(index + 1);
    let mut shown = Vec::new();
    html! {
        <div class="page check rate">
            <p class="check-name">{ format!("Learn \u{b7} rate one section \u{b7} {} of {}", index + 1, ladder.sections.len()) }</p>
            { heading(ctx, format!("Rate {}: {}", super::learn::whom(ctx), current.title)) }
            <p class="lead">{ format!("Only this section's {}. Your answers count towards the full check, and you can change them at any time.", plural(total, "statement", "statements")) }</p>
            <p class="section-progress">{ format!("{done} of {total} answered") }</p>
            { statements(ctx, index, false, &mut shown) }
            <nav class="pager" aria-label="Back to learning">
                <a class="button" href={ctx.href(&Route::Learn { section: Some(current.id.clone()) })}>{ format!("Back to learning: {}", current.title) }</a>
                if let Some(n) = next {
                    <a class="button primary" href={ctx.href(&Route::Learn { section: Some(n.id.clone()) })}>{ format!("Next to learn: {}", n.title) }</a>
                } else {
                    <a class="button primary" href={ctx.href(&Route::Learn { section: None })}>{ "Finish learning" }</a>
                }
            </nav>
        </div>
    }
}
