//! Whose check is open: the person's own self-check and checks about other
//! people, added by name. One step to switch; each check keeps its own
//! resume point. Deleting one asks first and can be undone.

use super::page::notice_at;
use super::start::CtxProps;
use crate::core::checks::check_new_name;
use crate::core::document::Rater;
use crate::core::keys::CheckRef;
use crate::core::route::Route;
use crate::core::state::{Action, CheckChange, CheckInfo, NewCheck, Place};
use crate::core::time::local_date;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn label(check: &CheckInfo) -> String {
    if check.name.is_empty() {
        "A check that cannot be read".to_string()
    } else {
        check.label()
    }
}

#[component]
pub fn People(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let name = use_state(String::new);
    // The rater's name is remembered in this browser (and can be changed).
    let rater = use_state(|| state.rater_name.clone());
    let problem = use_state(String::new);
    let confirming = use_state(|| None::<String>);
    let input = |target: &UseStateHandle<String>| {
        let target = target.clone();
        Callback::from(move |event: InputEvent| {
            target.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onsubmit = {
        let (name, rater, problem) = (name.clone(), rater.clone(), problem.clone());
        let checks = state.checks.clone();
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match check_new_name(&name, false, &checks) {
                Err(why) => problem.set(why),
                Ok(valid) => {
                    problem.set(String::new());
                    dispatch.emit(Action::AddCheck(NewCheck {
                        name: valid,
                        rater: Rater::Other {
                            name: crate::core::document::check_name(&rater).unwrap_or_default(),
                        },
                        from: None,
                        beside: None,
                        then: Route::Start,
                    }));
                    name.set(String::new());
                }
            }
        })
    };
    let own = state.check == CheckRef::Own;
    // Checks are deleted and restored from one's own page only: nothing on
    // a page about someone can touch another check.
    let row = |check: &CheckInfo| {
        let id = check.id.clone();
        let current = state.check == CheckRef::Other(id.clone());
        let ask = {
            let (confirming, id) = (confirming.clone(), id.clone());
            Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
        };
        let asking = confirming.as_deref() == Some(id.as_str());
        let confirm = asking.then(|| {
            let delete = {
                let (confirming, id, dispatch) = (confirming.clone(), id.clone(), ctx.dispatch.clone());
                Callback::from(move |_: MouseEvent| {
                    confirming.set(None);
                    dispatch.emit(Action::ChangeCheck { id: id.clone(), change: CheckChange::Delete })
                })
            };
            let cancel = {
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| confirming.set(None))
            };
            html! {
                <div class="confirm" role="group" aria-label={format!("Confirm deleting the check about {}", label(check))}>
                    <p>{ format!("Delete the check about \u{201c}{}\u{201d} from this browser? It stays under \u{201c}Deleted checks\u{201d} until you restore it or delete it for good.", label(check)) }</p>
                    <p class="actions">
                        <button type="button" class="button danger primary" onclick={delete}>{ "Yes, delete it" }</button>
                        <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
                    </p>
                </div>
            }
        });
        html! {
            <li>
                <a href={Route::Start.href(&CheckRef::Other(id.clone()))} aria-current={current.then_some("page")}><bdi>{ label(check) }</bdi></a>
                <span class="muted">{ format!(" {} answered{}", check.answered,
                    if check.updated_at > 0 { format!(", last changed {}", local_date(check.updated_at, state.offset)) } else { String::new() }) }</span>
                if !asking && own {
                    <button type="button" class="button small" onclick={ask}>{ format!("Delete\u{2026}") }<span class="visually-hidden">{ format!(" the check about {}", label(check)) }</span></button>
                }
                { confirm.unwrap_or_default() }
            </li>
        }
    };
    let deleted = |check: &CheckInfo| {
        let change = |change: CheckChange| {
            let id = check.id.clone();
            ctx.on(move || Action::ChangeCheck {
                id: id.clone(),
                change,
            })
        };
        let (restore, purge) = (change(CheckChange::Restore), change(CheckChange::Purge));
        html! {
            <li>
                <bdi>{ label(check) }</bdi>
                <button type="button" class="button small" onclick={restore}>{ "Restore" }<span class="visually-hidden">{ format!(" the check about {}", label(check)) }</span></button>
                <button type="button" class="button small danger" onclick={purge}>{ "Delete for good" }<span class="visually-hidden">{ format!(" the check about {}", label(check)) }</span></button>
            </li>
        }
    };
    let name_id = ctx.id("new-name");
    let rater_id = ctx.id("new-rater");
    let problem_id = ctx.id("new-problem");
    html! {
        <section class="card people" aria-labelledby={ctx.id("people")}>
            <h2 id={ctx.id("people")}>{ "Whose check" }</h2>
            <p>{ "Keep a check for each person you support, next to your own: each is kept apart, with its own answers, notes and history. Names and answers about other people stay in this browser." }</p>
            <ul class="checks">
                <li>
                    <a href={Route::Start.href(&CheckRef::Own)} aria-current={own.then_some("page")}>{ "Your own self-check" }</a>
                </li>
                for check in state.checks.iter() {
                    { row(check) }
                }
            </ul>
            <form class="add-check" {onsubmit} novalidate=true>
                <h3>{ "Add a check about someone" }</h3>
                <p class="field">
                    <label for={name_id.clone()}>{ "Their name" }</label>
                    <input id={name_id} type="text" value={(*name).clone()} oninput={input(&name)} autocomplete="off"
                        maxlength="60" aria-invalid={(!problem.is_empty()).then_some("true")}
                        aria-describedby={(!problem.is_empty()).then(|| problem_id.clone())} />
                </p>
                <p class="field">
                    <label for={rater_id.clone()}>{ "Your name as the one rating (optional; it goes into files you share)" }</label>
                    <input id={rater_id} type="text" value={(*rater).clone()} oninput={input(&rater)} autocomplete="name" maxlength="60" />
                </p>
                if !problem.is_empty() {
                    <p class="banner error" id={problem_id} role="alert">{ (*problem).clone() }</p>
                }
                <p class="actions"><button type="submit" class="button">{ "Add and open" }</button></p>
            </form>
            if own && !state.deleted_checks.is_empty() {
                <h3>{ "Deleted checks" }</h3>
                <ul class="checks deleted">
                    for check in state.deleted_checks.iter() {
                        { deleted(check) }
                    }
                </ul>
            }
            { notice_at(ctx, Place::Checks, Html::default()) }
        </section>
    }
}
