//! Learn mode: what each section means and what it looks like in practice,
//! readable without rating anything.

use super::app::{heading_id, not_found, PageProps};
use crate::core::document::CheckMode;
use crate::core::route::Route;
use yew::prelude::*;

pub fn learn_page(props: &PageProps) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let prefix = &props.instance;
    let Route::Learn { section } = &state.route else {
        return Html::default();
    };
    let Some(section) = section else {
        return html! {
            <section class="page learn">
                <h1 id={heading_id(prefix)} tabindex="-1">{ format!("What {} means", ladder.title) }</h1>
                if !ladder.about.is_empty() {
                    <p class="lead">{ ladder.about.clone() }</p>
                }
                <p>{ "Read at your own pace; nothing here is rated or saved. Each section explains one part of the level and shows what it looks like on an ordinary week." }</p>
                <ol class="learn-list">
                    for s in ladder.sections.iter() {
                        <li class="card">
                            <h2><a href={Route::Learn { section: Some(s.id.clone()) }.href()}>{ s.title.clone() }</a></h2>
                            <p>{ s.summary.clone() }</p>
                        </li>
                    }
                </ol>
            </section>
        };
    };
    let Some(index) = ladder.section_index(section) else {
        return not_found(
            &format!("There is no section called \"{section}\" to learn about."),
            prefix,
        );
    };
    let current = &ladder.sections[index];
    let previous = index.checked_sub(1).map(|i| &ladder.sections[i]);
    let next = ladder.sections.get(index + 1);
    html! {
        <section class="page learn">
            <p class="check-name">{ format!("Learn · section {} of {}", index + 1, ladder.sections.len()) }</p>
            <h1 id={heading_id(prefix)} tabindex="-1">{ current.title.clone() }</h1>
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
                    <li>{ statement.text.clone() }</li>
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
            <p class="actions">
                <a class="button primary" href={Route::check(CheckMode::Full, &current.id).href()}>
                    { format!("Rate yourself on {}", current.title) }
                </a>
            </p>
            <nav class="pager" aria-label="Previous and next section">
                if let Some(p) = previous {
                    <a class="button" href={Route::Learn { section: Some(p.id.clone()) }.href()}>{ format!("Back: {}", p.title) }</a>
                } else {
                    <a class="button" href={Route::Learn { section: None }.href()}>{ "All sections" }</a>
                }
                if let Some(n) = next {
                    <a class="button primary" href={Route::Learn { section: Some(n.id.clone()) }.href()}>{ format!("Next: {}", n.title) }</a>
                } else {
                    <a class="button primary" href={Route::check(CheckMode::Quick, &ladder.sections[0].id).href()}>{ "Take the quick check" }</a>
                }
            </nav>
        </section>
    }
}
