//! One statement: a native radio group in a fieldset, and a note for evidence.

use crate::app::state::{Action, State};
use crate::core::content::Ladder;
use crate::core::document::{Answer, Rating, MAX_NOTE_LEN};
use crate::edge::clock;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct StatementProps {
    pub ladder: Rc<Ladder>,
    /// Index into `ladder.statements`.
    pub index: usize,
    pub answer: Option<Answer>,
    /// Prefix for element ids, unique per embed on the page.
    pub instance: AttrValue,
    pub read_only: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

// Compares the ladder by pointer: it never changes after start-up, and a deep
// comparison would cost more than the render it saves.
impl PartialEq for StatementProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ladder, &other.ladder)
            && self.index == other.index
            && self.answer == other.answer
            && self.instance == other.instance
            && self.read_only == other.read_only
            && self.dispatch == other.dispatch
    }
}

fn scale_key_id(instance: &str, suffix: &str) -> String {
    format!("{instance}-scale-{suffix}")
}

/// What each answer means, shown once above the statements. Each radio
/// button points here with `aria-describedby`, so a screen reader hears
/// the meaning with the option.
pub fn scale_key(ladder: &Ladder, instance: &str) -> Html {
    html! {
        <details class="scale-key" open={crate::edge::page::is_wide()}>
            <summary>{ "What the answers mean" }</summary>
            <dl>
                for step in ladder.scale.steps.iter() {
                    <div>
                        <dt>{ step.choice.label.clone() }</dt>
                        <dd id={scale_key_id(instance, &step.value.to_string())}>{ step.choice.description.clone() }</dd>
                    </div>
                }
                <div>
                    <dt>{ ladder.scale.unsure.label.clone() }</dt>
                    <dd id={scale_key_id(instance, "unsure")}>{ ladder.scale.unsure.description.clone() }</dd>
                </div>
            </dl>
        </details>
    }
}

#[component]
pub fn StatementItem(props: &StatementProps) -> Html {
    let ladder = &props.ladder;
    let Some(statement) = ladder.statements.get(props.index) else {
        return Html::default();
    };
    let base = format!("{}-{}", props.instance, statement.id);
    let chosen = props.answer.as_ref().and_then(|answer| answer.rating);
    let note = props
        .answer
        .as_ref()
        .map(|answer| answer.note.clone())
        .unwrap_or_default();

    let option = |rating: Rating, label: &str, extra_class: &'static str| {
        let suffix = match rating {
            Rating::Step(value) => value.to_string(),
            Rating::Unsure => "unsure".to_string(),
        };
        let id = format!("{base}-{suffix}");
        // The option's meaning, from the scale key shown once per page.
        let described_by = scale_key_id(&props.instance, &suffix);
        let onchange = {
            let dispatch = props.dispatch.clone();
            let index = props.index;
            Callback::from(move |_: Event| {
                dispatch.dispatch(Action::Rate {
                    statement: index,
                    rating,
                    now: clock::now_ms(),
                })
            })
        };
        html! {
            <label class={classes!("option", extra_class)} for={id.clone()}>
                <input type="radio" {id} name={base.clone()}
                    checked={chosen == Some(rating)}
                    disabled={props.read_only}
                    aria-describedby={described_by}
                    {onchange} />
                <span class="option-label">{ label.to_string() }</span>
            </label>
        }
    };

    let note_id = format!("{base}-note");
    let counter_id = format!("{base}-note-count");
    let oninput = {
        let dispatch = props.dispatch.clone();
        let index = props.index;
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.dispatch(Action::Note {
                statement: index,
                text,
                now: clock::now_ms(),
            })
        })
    };
    let used = note.chars().count();

    html! {
        <fieldset class="statement" id={base.clone()} tabindex="-1">
            <legend>{ statement.text.clone() }</legend>
            <div class="options">
                for step in ladder.scale.steps.iter() {
                    { option(Rating::Step(step.value), &step.choice.label, "") }
                }
                { option(Rating::Unsure, &ladder.scale.unsure.label, "unsure") }
            </div>
            <details class="note" open={!note.is_empty()}>
                <summary>{ if note.is_empty() { "Add a note (evidence)" } else { "Note (evidence)" } }</summary>
                <label class="note-label" for={note_id.clone()}>
                    { statement.evidence.clone().unwrap_or_else(|| "What would you point to as evidence?".to_string()) }
                </label>
                <textarea id={note_id} rows="3" maxlength={MAX_NOTE_LEN.to_string()}
                    aria-describedby={counter_id.clone()}
                    value={note} readonly={props.read_only} {oninput} />
                <p class="note-count" id={counter_id}>{ format!("{used} of {MAX_NOTE_LEN} characters") }</p>
            </details>
        </fieldset>
    }
}
