//! One statement: a native radio group in a fieldset, and a note for
//! evidence. A leaf: it takes callbacks, not the dispatcher.

use crate::core::content::{Kind, Ladder, Scale};
use crate::core::document::{note_length, Answer, Rating, MAX_NOTE_LEN};
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
    /// Worded for rating someone else ("They ...").
    pub someone_else: bool,
    /// (statement index, rating)
    pub on_rate: Callback<(usize, Rating)>,
    /// (statement index, note text)
    pub on_note: Callback<(usize, String)>,
}

// Compares the ladder by pointer: it never changes after start-up, and a
// deep comparison would cost more than the render it saves.
impl PartialEq for StatementProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ladder, &other.ladder)
            && self.index == other.index
            && self.answer == other.answer
            && self.instance == other.instance
            && self.read_only == other.read_only
            && self.someone_else == other.someone_else
            && self.on_rate == other.on_rate
            && self.on_note == other.on_note
    }
}

/// The id prefix of a scale's key: expectations and habits have their own.
fn key_prefix(kind: Kind) -> &'static str {
    match kind {
        Kind::Expectation => "scale",
        Kind::AntiPattern => "habit",
    }
}

fn key_id(instance: &str, kind: Kind, suffix: &str) -> String {
    format!("{instance}-{}-{suffix}", key_prefix(kind))
}

/// What each answer means, shown once above the statements that use the
/// scale. Each radio button points here with `aria-describedby`, so a
/// screen reader hears the meaning with the option. Open the first time;
/// collapsed once the person has answered something. Worded for whoever
/// is rated, and only the answers this page offers ("not part of the
/// role" only where a statement on the page offers it).
pub fn scale_key(
    ladder: &Ladder,
    kind: Kind,
    instance: &str,
    open: bool,
    someone_else: bool,
    offers_role: bool,
) -> Html {
    let scale = ladder.scale_for(kind);
    let title = match kind {
        Kind::Expectation => "What the answers mean",
        Kind::AntiPattern => "What the answers mean for habits to avoid",
    };
    let extra = |choice: &crate::core::content::Choice, suffix: &str| {
        html! {
            <div>
                <dt>{ choice.label_for(someone_else).to_string() }</dt>
                <dd id={key_id(instance, kind, suffix)}>{ choice.description_for(someone_else).to_string() }</dd>
            </div>
        }
    };
    html! {
        <details class="scale-key" {open}>
            <summary>{ title }</summary>
            <dl>
                for step in scale.steps.iter() {
                    { extra(&step.choice, &step.value.to_string()) }
                }
                { extra(&scale.unsure, "unsure") }
                if let (Some(role), true) = (&scale.not_my_role, offers_role) {
                    { extra(role, "role") }
                }
            </dl>
        </details>
    }
}

fn options(
    scale: &Scale,
    role_dependent: bool,
    someone_else: bool,
) -> Vec<(Rating, &str, &'static str)> {
    let mut options: Vec<(Rating, &str, &'static str)> = scale
        .steps
        .iter()
        .map(|step| {
            (
                Rating::Step(step.value),
                step.choice.label_for(someone_else),
                "",
            )
        })
        .collect();
    options.push((
        Rating::Unsure,
        scale.unsure.label_for(someone_else),
        "unscored",
    ));
    if let (true, Some(role)) = (role_dependent, &scale.not_my_role) {
        options.push((Rating::NotMyRole, role.label_for(someone_else), "unscored"));
    }
    options
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
    let scale = ladder.scale_for(statement.kind);

    let option = |rating: Rating, label: &str, extra_class: &'static str| {
        let suffix = match rating {
            Rating::Step(value) => value.to_string(),
            Rating::Unsure => "unsure".to_string(),
            Rating::NotMyRole => "role".to_string(),
        };
        let id = format!("{base}-{suffix}");
        let onchange = {
            let on_rate = props.on_rate.clone();
            let index = props.index;
            Callback::from(move |_: Event| on_rate.emit((index, rating)))
        };
        html! {
            <label class={classes!("option", extra_class)} for={id.clone()}>
                <input type="radio" {id} name={base.clone()}
                    checked={chosen == Some(rating)}
                    disabled={props.read_only}
                    aria-describedby={key_id(&props.instance, statement.kind, &suffix)}
                    {onchange} />
                <span class="option-label">{ label.to_string() }</span>
            </label>
        }
    };

    let note_id = format!("{base}-note");
    let counter_id = format!("{base}-note-count");
    let oninput = {
        let on_note = props.on_note.clone();
        let index = props.index;
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            on_note.emit((index, text))
        })
    };
    let prompt = statement
        .evidence_for(props.someone_else)
        .unwrap_or("What would you point to as evidence?")
        .to_string();
    // Open while it holds text or has focus, so clearing it does not fold
    // it away under the cursor (the browser keeps `open` once set).
    let open = !note.is_empty() || props.answer.as_ref().is_some_and(|a| a.noted_at > 0);

    html! {
        <fieldset class={classes!("statement", (statement.kind == crate::core::content::Kind::AntiPattern).then_some("habit"))}
            id={base.clone()} tabindex="-1">
            <legend>{ statement.text_for(props.someone_else).to_string() }</legend>
            <div class="options">
                for (rating, label, class) in options(scale, statement.role_dependent, props.someone_else) {
                    { option(rating, label, class) }
                }
            </div>
            <details class="note" {open}>
                <summary>{ if note.is_empty() { "Add a note (evidence)" } else { "Note (evidence)" } }</summary>
                <label class="note-label" for={note_id.clone()}>{ prompt }</label>
                <textarea id={note_id} rows="3" maxlength={MAX_NOTE_LEN.to_string()}
                    aria-describedby={counter_id.clone()}
                    value={note.clone()} readonly={props.read_only} {oninput} />
                <p class="note-count" id={counter_id}>{ format!("{} of {MAX_NOTE_LEN} characters", note_length(&note)) }</p>
            </details>
        </fieldset>
    }
}
