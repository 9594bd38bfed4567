//! Learn mode: what each section means and what it looks like in practice,
//! readable without rating anything, with a short section-sized check for
//! whoever wants to try, and a way on at the end.

use super::check::continue_full;
use super::page::{heading, not_found, Ctx};
use crate::core::keys::CheckRef;
use crate::core::route::Route;
use yew::prelude::*;

/// Where to go after learning: the checks, and the start page.
fn ways_in(ctx: &Ctx) -> Html {
    html! {
        <nav class="card ways-on" aria-labelledby={ctx.id("ways-on")}>
            <h2 id={ctx.id("ways-on")}>{ "Where next" }</h2>
            <p class="actions">
                <a class="button primary" href={ctx.href(&Route::Quick { section: None })}>{ "Take the quick check" }</a>
                <a class="button" href={ctx.href(&continue_full(ctx))}>{ "Take the full check" }</a>
                <a class="button" href={ctx.href(&Route::Start)}>{ "Back to the start" }</a>
            </p>
        </nav>
    }
}

/// Who is rated, as the buttons say it: "yourself", or the person's name.
pub fn whom(ctx: &Ctx) -> String {
    match (&ctx.state.check, ctx.state.document.subject.trim()) {
        (CheckRef::Other(_), name) if !name.is_empty() => name.to_string(),
        (CheckRef::Other(_), _) => "them".to_string(),
        (CheckRef::Own, _) => "yourself".to_string(),
    }
}

/// Learn mode's pages: reading a section, or rating it (a part's entry point).
pub fn learn_or_rate(ctx: &Ctx) -> Html {
    match ctx.state.route {
        crate::core::route::Route::Rate { .. } => super::check::rate_page(ctx),
        _ => learn_page(ctx),
    }
}

pub fn learn_page(ctx: &Ctx) -> Html {
    let ladder = &ctx.state.ladder;
    let Route::Learn { section } = &ctx.state.route else {
        return Html::default();
    };
    let Some(section) = section else {
        return html! {
            <section class="page learn">
                { heading(ctx, format!("What {} means", ladder.title)) }
                if !ladder.about.is_empty() {
                    <p class="lead">{ ladder.about.clone() }</p>
                }
                <p>{ "Read at your own pace; nothing here is rated or saved. Each section explains one part of the level and shows what it looks like in an ordinary week." }</p>
                <ol class="learn-list">
                    for s in ladder.sections.iter() {
                        <li class="card">
                            <h2><a href={ctx.href(&Route::Learn { section: Some(s.id.clone()) })}>{ s.title.clone() }</a></h2>
                            <p>{ s.summary.clone() }</p>
                        </li>
                    }
                </ol>
                { ways_in(ctx) }
            </section>
        };
    };
    let Some(index) = ladder.section_index(section) else {
        return not_found(
            ctx,
            &format!("There is no section called \u{201c}{section}\u{201d} to learn about."),
        );
    };
    let current = &ladder.sections[index];
    let previous = index.checked_sub(1).map(|i| &ladder.sections[i]);
    let next = ladder.sections.get(index + 1);
    let someone = ctx.state.about_someone_else();
    html! {
        <section class="page learn">
            <p class="check-name">{ format!("Learn \u{b7} section {} of {}", index + 1, ladder.sections.len()) }</p>
            { heading(ctx, current.title.clone()) }
            <p class="lead">{ current.summary.clone() }</p>
            if !current.in_practice.is_empty() {
                <h2>{ "What it looks like in practice" }</h2>
                <ul>
                    for example in current.in_practice.iter() {
                        <li>{ example.clone() }</li>
                    }
                </ul>
            }
            <h2>{ "What the check asks about" }</h2>
            <ul>
                for statement in ladder.statements.iter().filter(|s| s.section == index) {
                    <li>{ statement.text_for(someone).to_string() }</li>
                }
            </ul>
            if !current.growth.is_empty() {
                <h2>{ "Ways to grow here" }</h2>
                <ul>
                    for idea in current.growth.iter() {
                        <li>{ idea.clone() }</li>
                    }
                </ul>
            }
            // Reading on is the next step; rating is there for whoever wants it.
            <p class="actions">
                <a class="button" href={ctx.href(&Route::Rate { section: current.id.clone() })}>
                    { format!("Rate {} on {}", whom(ctx), current.title) }
                </a>
            </p>
            <nav class="pager" aria-label="Previous and next section">
                if let Some(p) = previous {
                    <a class="button" href={ctx.href(&Route::Learn { section: Some(p.id.clone()) })}>{ format!("Back: {}", p.title) }</a>
                } else {
                    <a class="button" href={ctx.href(&Route::Learn { section: None })}>{ "All sections" }</a>
                }
                if let Some(n) = next {
                    <a class="button primary" href={ctx.href(&Route::Learn { section: Some(n.id.clone()) })}>{ format!("Next: {}", n.title) }</a>
                }
            </nav>
            if next.is_none() {
                { ways_in(ctx) }
            }
        </section>
    }
}
