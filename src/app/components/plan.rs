//! The plan: one to three statements a person works on, each with a next
//! step, maybe a date and who could help. A statement becomes a focus in
//! three steps from the results: open "Make this my focus", pick one of its
//! ideas (or write a step), add it. Done items keep what happened, as
//! evidence for the next check; done and dropped can be undone.

use super::page::{notice_at, Ctx};
use crate::core::document::plan::{PlanItem, PlanStatus, MAX_FOCUS, MAX_STEP_LEN};
use crate::core::keys::CheckRef;
use crate::core::state::{Action, Place};
use crate::core::time::local_date;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn value(event: InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// A text or date field with its label.
fn field(id: String, label: &str, kind: &'static str, text: &UseStateHandle<String>) -> Html {
    let text = text.clone();
    html! {
        <p class="field">
            <label for={id.clone()}>{ label.to_string() }</label>
            <input {id} type={kind} maxlength={MAX_STEP_LEN.to_string()} value={(*text).clone()}
                oninput={Callback::from(move |e| text.set(value(e)))} />
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct FocusProps {
    pub ctx: Ctx,
    /// Index of the statement in the ladder.
    pub statement: usize,
    /// An action agreed in a 1:1 (on the agenda), dated as such.
    #[prop_or_default]
    pub agreed: bool,
}

/// "Make this my focus": pick one of the statement's ideas or write a
/// step, maybe a date and who could help, and add it to the plan.
#[component]
pub fn FocusForm(props: &FocusProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let statement = &state.ladder.statements[props.statement];
    let chosen = use_state(|| (!statement.ideas.is_empty()).then_some(0usize));
    let own = use_state(String::new);
    let due = use_state(String::new);
    let helper = use_state(String::new);
    if state
        .document
        .focus_items()
        .any(|i| i.statement == statement.id)
    {
        return html! { <p class="muted">{ "A focus of the plan." }</p> };
    }
    if state.read_only() || state.document.focus_items().count() >= MAX_FOCUS {
        return Html::default();
    }
    let base = ctx.id(&format!("focus-{}", statement.id));
    let someone = state.about_someone_else();
    let (summary, own_label, text_label, submit) = match (props.agreed, someone) {
        (true, _) => (
            "Agree an action on this",
            "An action of our own:",
            "The action",
            if state.check == CheckRef::Own {
                "Add to my plan".to_string()
            } else {
                format!("Add to {}\u{2019}s plan", state.check_name())
            },
        ),
        (false, true) => (
            "Make this their focus",
            "A next step of your own:",
            "Their next step",
            "Add to their plan".to_string(),
        ),
        (false, false) => (
            "Make this my focus",
            "My own next step:",
            "My next step",
            "Add to my plan".to_string(),
        ),
    };
    let origin = if props.agreed {
        format!("Agreed in the 1:1 of {}", local_date(ctx.now, state.offset))
    } else {
        String::new()
    };
    let pick = |n: Option<usize>| {
        let chosen = chosen.clone();
        Callback::from(move |_: Event| chosen.set(n))
    };
    let add = {
        let (dispatch, index, ideas) = (
            ctx.dispatch.clone(),
            props.statement,
            statement.ideas.clone(),
        );
        let (chosen, own, due, helper) = (chosen.clone(), own.clone(), due.clone(), helper.clone());
        let origin = origin.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let step = match *chosen {
                Some(n) => ideas.get(n).cloned().unwrap_or_default(),
                None => (*own).clone(),
            };
            dispatch.emit(Action::Focus {
                statement: index,
                step,
                due: (*due).clone(),
                helper: (*helper).clone(),
                origin: origin.clone(),
            });
        })
    };
    html! {
        <details class="focus-form">
            <summary>{ summary }</summary>
            <form onsubmit={add}>
                <fieldset>
                    <legend>{ "Next step" }</legend>
                    for (n, idea) in statement.ideas.iter().enumerate() {
                        <p class="field checkbox">
                            <input type="radio" id={format!("{base}-{n}")} name={base.clone()} checked={*chosen == Some(n)} onchange={pick(Some(n))} />
                            <label for={format!("{base}-{n}")}>{ idea.clone() }</label>
                        </p>
                    }
                    <p class="field checkbox">
                        <input type="radio" id={format!("{base}-own")} name={base.clone()} checked={chosen.is_none()} onchange={pick(None)} />
                        <label for={format!("{base}-own")}>{ own_label }</label>
                    </p>
                    if chosen.is_none() {
                        { field(format!("{base}-text"), text_label, "text", &own) }
                    }
                </fieldset>
                { field(format!("{base}-due"), "By when (optional)", "date", &due) }
                { field(format!("{base}-helper"), "Who could help (optional)", "text", &helper) }
                <p class="actions"><button type="submit" class="button">{ submit }</button></p>
            </form>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub ctx: Ctx,
    pub item: PlanItem,
}

/// Which short form of a focus is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Done,
    Edit,
}

/// One focus: its statement, next step, date and helper, with Edit, Done
/// (and what happened) and Drop.
#[component]
fn Focus(props: &ItemProps) -> Html {
    let ctx = &props.ctx;
    let item = &props.item;
    let outcome = use_state(String::new);
    let (step, due, helper) = (
        use_state(|| item.step.clone()),
        use_state(|| item.due.clone()),
        use_state(|| item.helper.clone()),
    );
    let open = use_state(|| Open::Nothing);
    let ladder = &ctx.state.ladder;
    let text = ladder
        .statement_index(&item.statement)
        .map(|i| {
            ladder.statements[i]
                .text_for(ctx.state.about_someone_else())
                .to_string()
        })
        .unwrap_or_else(|| item.statement.clone());
    let id = item.id;
    let overdue = item.overdue(&local_date(ctx.now, ctx.state.offset));
    let mut details = Vec::new();
    if !item.due.is_empty() {
        details.push(format!("by {}", item.due));
    }
    if !item.helper.is_empty() {
        details.push(format!("with {}", item.helper));
    }
    // "Edit…" and "Done…" open a short form with the focus in its first
    // field; Cancel or Escape closes it and puts the focus back on the
    // button that opened it.
    let (done_opener, edit_opener, field_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let show = |form: Open| {
        let (open, step, due, helper) = (open.clone(), step.clone(), due.clone(), helper.clone());
        let item = item.clone();
        Callback::from(move |_: MouseEvent| {
            // The edit form starts from the focus as it is now.
            step.set(item.step.clone());
            due.set(item.due.clone());
            helper.set(item.helper.clone());
            open.set(form)
        })
    };
    let was_open = use_mut_ref(|| Open::Nothing);
    {
        let (now_open, done_opener, edit_opener, field_ref) = (
            *open,
            done_opener.clone(),
            edit_opener.clone(),
            field_ref.clone(),
        );
        use_effect_with(now_open, move |now_open| {
            // Only a form that was open gives the focus back.
            let target = match (*now_open, *was_open.borrow()) {
                (Open::Nothing, Open::Done) => Some(&done_opener),
                (Open::Nothing, Open::Edit) => Some(&edit_opener),
                (Open::Nothing, Open::Nothing) => None,
                _ => Some(&field_ref),
            };
            if let Some(element) = target.and_then(|t| t.cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
            *was_open.borrow_mut() = *now_open;
        });
    }
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Open::Nothing))
    };
    let escape = {
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                open.set(Open::Nothing);
            }
        })
    };
    let done = {
        let (dispatch, outcome) = (ctx.dispatch.clone(), outcome.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatch.emit(Action::FocusDone {
                id,
                outcome: (*outcome).clone(),
            })
        })
    };
    let save = {
        let dispatch = ctx.dispatch.clone();
        let (step, due, helper) = (step.clone(), due.clone(), helper.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatch.emit(Action::FocusEdit {
                id,
                step: (*step).clone(),
                due: (*due).clone(),
                helper: (*helper).clone(),
            });
        })
    };
    // The engine decides whether the edit is taken: the form closes once
    // the focus has changed, and stays (beside its message) when refused.
    {
        let open = open.clone();
        use_effect_with(item.changed_at, move |_| open.set(Open::Nothing));
    }
    let base = ctx.id(&format!("edit-{id}"));
    let hidden_step = html! { <span class="visually-hidden">{ format!(" {}", item.step) }</span> };
    html! {
        <li class="focus">
            <p class="statement-text">{ text }</p>
            <p><strong>{ "Next step: " }</strong>{ item.step.clone() }
                if !details.is_empty() { { format!(" ({})", details.join(", ")) } }
                if overdue { { " " }<strong class="overdue">{ "Overdue" }</strong> }</p>
            if !ctx.state.read_only() {
                if *open == Open::Done {
                    <form onsubmit={done} onkeydown={escape}>
                        <p class="field">
                            <label for={ctx.id(&format!("outcome-{id}"))}>{ "What happened? (optional; evidence for the next check)" }</label>
                            <input id={ctx.id(&format!("outcome-{id}"))} type="text" ref={field_ref.clone()} maxlength={MAX_STEP_LEN.to_string()} value={(*outcome).clone()}
                                oninput={{ let outcome = outcome.clone(); Callback::from(move |e| outcome.set(value(e))) }} />
                        </p>
                        <p class="actions">
                            <button type="submit" class="button">{ "Mark done" }</button>
                            <button type="button" class="button" onclick={close}>{ "Cancel" }</button>
                        </p>
                    </form>
                } else if *open == Open::Edit {
                    <form onsubmit={save} onkeydown={escape}>
                        <p class="field">
                            <label for={format!("{base}-step")}>{ "Next step" }</label>
                            <input id={format!("{base}-step")} type="text" ref={field_ref.clone()} maxlength={MAX_STEP_LEN.to_string()} value={(*step).clone()}
                                oninput={{ let step = step.clone(); Callback::from(move |e| step.set(value(e))) }} />
                        </p>
                        { field(format!("{base}-due"), "By when (optional)", "date", &due) }
                        { field(format!("{base}-helper"), "Who could help (optional)", "text", &helper) }
                        <p class="actions">
                            <button type="submit" class="button">{ "Save the focus" }</button>
                            <button type="button" class="button" onclick={close}>{ "Cancel" }</button>
                        </p>
                    </form>
                } else {
                    <p class="actions no-print">
                        <button type="button" class="button small" ref={edit_opener.clone()} onclick={show(Open::Edit)}>{ "Edit\u{2026}" }{ hidden_step.clone() }</button>
                        <button type="button" class="button small" ref={done_opener.clone()} onclick={show(Open::Done)}>{ "Done\u{2026}" }{ hidden_step.clone() }</button>
                        <button type="button" class="button small" onclick={ctx.on(move || Action::FocusDrop { id })}>{ "Drop" }{ hidden_step }</button>
                    </p>
                }
            }
        </li>
    }
}

/// The plan as a card: what is being worked on, and what was done.
pub fn plan_card(ctx: &Ctx, title: &str) -> Html {
    let document = &ctx.state.document;
    let active: Vec<&PlanItem> = document.focus_items().collect();
    let done: Vec<&PlanItem> = document
        .plan
        .iter()
        .filter(|i| i.status == PlanStatus::Done)
        .collect();
    let ladder = &ctx.state.ladder;
    html! {
        <section class="card plan" aria-labelledby={ctx.id("plan")}>
            <h2 id={ctx.id("plan")}>{ title.to_string() }</h2>
            if active.is_empty() {
                <p>{ format!("Nothing chosen yet. Pick up to {MAX_FOCUS} statements to work on from the results: each comes with ideas for a next step.") }</p>
            } else {
                <ul class="plan-items">
                    for item in active {
                        <Focus key={item.id.to_string()} ctx={ctx.clone()} item={item.clone()} />
                    }
                </ul>
            }
            { notice_at(ctx, Place::Plan, Html::default()) }
            if !done.is_empty() {
                <h3>{ "Done" }</h3>
                <ul class="plan-done">
                    for item in done {
                        <li>
                            { ladder.statement_index(&item.statement).map(|i| ladder.statements[i].text_for(ctx.state.about_someone_else()).to_string()).unwrap_or_default() }
                            { format!(" \u{2014} {}", item.step) }
                            if !item.outcome.is_empty() { { format!(". What happened: {}", item.outcome) } }
                        </li>
                    }
                </ul>
            }
        </section>
    }
}
