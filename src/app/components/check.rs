//! One section of a check per page: summary, progress, contents, the
//! section's statements, and back / next.

use super::app::{heading_id, not_found, PageProps};
use super::statement::{scale_key, StatementItem};
use crate::core::document::CheckMode;
use crate::core::route::Route;
use crate::core::scoring::progress;
use crate::edge::page;
use yew::prelude::*;

pub fn check_page(props: &PageProps) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let Route::Check { mode, section, .. } = &state.route else {
        return Html::default();
    };
    let mode = *mode;
    let Some(index) = ladder.section_index(section) else {
        return not_found(
            &format!("This check has no section called \"{section}\"."),
            &props.instance,
        );
    };
    let quick_only = mode == CheckMode::Quick;
    let progress = progress(ladder, &state.document, quick_only);
    let current = &ladder.sections[index];
    let (section_done, section_total) = progress.sections[index];
    let check_name = if quick_only {
        "Quick check"
    } else {
        "Full check"
    };
    let prefix = &props.instance;

    let previous = index.checked_sub(1).map(|i| {
        (
            Route::check(mode, &ladder.sections[i].id),
            ladder.sections[i].title.clone(),
        )
    });
    let next = ladder
        .sections
        .get(index + 1)
        .map(|s| (Route::check(mode, &s.id), s.title.clone()));

    html! {
        <div class="page check">
            <div class="check-top">
                <p class="check-name">{ format!("{check_name} · section {} of {}", index + 1, ladder.sections.len()) }</p>
                <div class="progress-row">
                    <label for={format!("{prefix}-progress")}>
                        { format!("{} of {} statements answered", progress.answered, progress.total) }
                    </label>
                    <progress id={format!("{prefix}-progress")}
                        max={progress.total.to_string()} value={progress.answered.to_string()} />
                </div>
            </div>
            <div class="check-layout">
                <nav class="contents" aria-label="Sections of this check">
                    <details open={page::is_wide()}>
                        <summary>{ "Sections" }</summary>
                        <ol>
                            for (i, s) in ladder.sections.iter().enumerate() {
                                <li>
                                    <a href={Route::check(mode, &s.id).href()}
                                        aria-current={(i == index).then_some("page")}
                                        class={classes!((progress.sections[i].0 == progress.sections[i].1).then_some("done"))}>
                                        <span class="contents-title">{ s.title.clone() }</span>
                                        <span class="contents-state">{
                                            if progress.sections[i].0 == progress.sections[i].1 {
                                                format!("done, {} of {}", progress.sections[i].0, progress.sections[i].1)
                                            } else {
                                                format!("{} of {}", progress.sections[i].0, progress.sections[i].1)
                                            }
                                        }</span>
                                    </a>
                                </li>
                            }
                        </ol>
                        <p><a href={Route::Results { mode: Some(mode) }.href()}>{ "See your results" }</a></p>
                    </details>
                </nav>
                <section class="section-body" aria-labelledby={heading_id(prefix)}>
                    <h1 id={heading_id(prefix)} tabindex="-1">{ current.title.clone() }</h1>
                    <p class="summary">{ current.summary.clone() }</p>
                    <p class="section-progress">{ format!("{section_done} of {section_total} answered in this section") }</p>
                    { scale_key(ladder, prefix) }
                    for (statement_index, statement) in ladder.statements.iter().enumerate()
                        .filter(|(_, s)| s.section == index && (!quick_only || s.quick)) {
                        <StatementItem
                            key={statement.id.clone()}
                            ladder={ladder.clone()}
                            index={statement_index}
                            answer={state.document.answers.get(&statement.id).cloned()}
                            instance={prefix.clone()}
                            read_only={state.read_only()}
                            dispatch={state.dispatcher()} />
                    }
                    <nav class="pager" aria-label="Previous and next section">
                        if let Some((route, title)) = previous {
                            <a class="button" href={route.href()}>{ format!("Back: {title}") }</a>
                        } else {
                            <a class="button" href={Route::Start.href()}>{ "Back to the start" }</a>
                        }
                        if let Some((route, title)) = next {
                            <a class="button primary" href={route.href()}>{ format!("Next: {title}") }</a>
                        } else {
                            <a class="button primary" href={Route::Results { mode: Some(mode) }.href()}>{ "See your results" }</a>
                        }
                    </nav>
                </section>
            </div>
        </div>
    }
}
