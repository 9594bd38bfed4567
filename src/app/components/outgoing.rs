//! Files that leave the browser: the person ticks what goes, and the page
//! says what the file will hold before it goes. Building the file is the
//! engine's (`Action::ExportCheck`, `Action::ExportBackup`); these only
//! show the choice and the answer.

use super::page::Ctx;
use crate::core::exchange::{holds, outgoing, Contents, PlanPart};
use crate::core::keys::CheckRef;
use crate::core::markdown::plural;
use crate::core::state::Action;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One checkbox: its id suffix, its label, whether it is ticked, and what
/// ticking it changes.
type Choice = (&'static str, String, bool, Box<dyn Fn(&mut Contents, bool)>);

#[derive(Properties, PartialEq)]
pub struct FileProps {
    pub ctx: Ctx,
    /// What is ticked at first.
    pub start: Contents,
    /// The download button's label.
    pub label: AttrValue,
    /// Names the checkboxes apart from another chooser on the page.
    pub id: AttrValue,
}

/// A file of the open check: a checkbox for each part it holds, the line
/// saying what the file will hold, and the button.
#[component]
pub fn FileChooser(props: &FileProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let document = &state.document;
    let contents = use_state(|| props.start);
    let name = state.check_name();
    let them = if state.check == CheckRef::Own {
        "your".to_string()
    } else {
        format!("{name}\u{2019}s")
    };
    let agreed = document
        .plan
        .iter()
        .filter(|i| i.is_shown() && !i.origin.is_empty())
        .count();
    let shown = document.plan.iter().filter(|i| i.is_shown()).count();
    let mut choices: Vec<Choice> = Vec::new();
    let c = *contents;
    if document.answers.rated() > 0 {
        choices.push((
            "ratings",
            format!(
                "The answers ({})",
                plural(document.answers.rated(), "rating", "ratings")
            ),
            c.ratings,
            Box::new(|c, on| c.ratings = on),
        ));
    }
    if document.answers.noted() > 0 || document.snapshots.iter().any(|s| s.answers.noted() > 0) {
        choices.push((
            "notes",
            format!(
                "The notes beside the answers ({}), evidence written here",
                plural(document.answers.noted(), "note", "notes")
            ),
            c.notes,
            Box::new(|c, on| c.notes = on),
        ));
    }
    if agreed > 0 && state.check != CheckRef::Own {
        choices.push((
            "agreed",
            format!("The actions agreed in the 1:1 ({agreed})"),
            c.plan != PlanPart::None,
            Box::new(|c, on| c.plan = if on { PlanPart::Agreed } else { PlanPart::None }),
        ));
        if shown > agreed {
            choices.push((
                "plan",
                format!("The other focus items of {them} plan ({})", shown - agreed),
                c.plan == PlanPart::All,
                Box::new(|c, on| c.plan = if on { PlanPart::All } else { PlanPart::Agreed }),
            ));
        }
    } else if shown > 0 {
        choices.push((
            "plan",
            format!("The plan ({})", plural(shown, "focus item", "focus items")),
            c.plan != PlanPart::None,
            Box::new(|c, on| c.plan = if on { PlanPart::All } else { PlanPart::None }),
        ));
    }
    if !document.snapshots.is_empty() {
        choices.push((
            "history",
            format!("The history ({}: finished checks, check-in baselines, copies kept before a replace)", plural(document.snapshots.len(), "snapshot", "snapshots")),
            c.history,
            Box::new(|c, on| c.history = on),
        ));
    }
    if !document.agenda.notes.is_empty() {
        choices.push((
            "agenda",
            "The 1:1 notes".to_string(),
            c.agenda,
            Box::new(|c, on| c.agenda = on),
        ));
    }
    if let Some(beside) = &document.beside {
        choices.push((
            "beside",
            format!(
                "{} kept beside this check",
                crate::core::engine::beside_name(beside)
            ),
            c.beside,
            Box::new(|c, on| c.beside = on),
        ));
    }
    let sent = outgoing(document, c);
    let holds_line = holds(&sent);
    let empty = holds_line == "nothing";
    let onclick = ctx.on(move || Action::ExportCheck(c));
    html! {
        <div class="file-chooser">
            <fieldset class="choices">
                <legend>{ "What the file carries" }</legend>
                for (key, label, checked, set) in choices {
                    {{
                        let id = ctx.id(&format!("{}-{key}", props.id));
                        let contents = contents.clone();
                        let onchange = Callback::from(move |event: Event| {
                            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
                            let mut next = *contents;
                            set(&mut next, on);
                            contents.set(next);
                        });
                        html! {
                            <p class="field checkbox">
                                <input type="checkbox" id={id.clone()} {checked} {onchange} />
                                <label for={id}>{ label }</label>
                            </p>
                        }
                    }}
                }
            </fieldset>
            <p class="file-holds" aria-live="polite">{ if empty {
                "As ticked, the file would hold nothing.".to_string()
            } else {
                format!("The file will hold {}{}.", whose(ctx), holds_line)
            } }</p>
            <p class="actions">
                <button type="button" class="button" {onclick} disabled={empty}>{ props.label.to_string() }</button>
            </p>
        </div>
    }
}

fn whose(ctx: &Ctx) -> String {
    match &ctx.state.check {
        CheckRef::Own => "from your self-check: ".into(),
        CheckRef::Other(_) => format!("from your check about {}: ", ctx.state.check_name()),
    }
}

/// A backup of every check kept here, with what it holds said first.
pub fn backup_button(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let names: Vec<String> = state.checks.iter().map(|c| c.label()).collect();
    let others = match names.len() {
        0 => "no checks about other people yet".to_string(),
        1 => format!("the check about {}", names[0]),
        n => format!("{n} checks about other people ({})", names.join(", ")),
    };
    let deleted = if state.deleted_checks.is_empty() {
        String::new()
    } else {
        format!(
            " The {} under \u{201c}Deleted checks\u{201d} {} not in it.",
            plural(
                state.deleted_checks.len(),
                "deleted check",
                "deleted checks"
            ),
            if state.deleted_checks.len() == 1 {
                "is"
            } else {
                "are"
            }
        )
    };
    let onclick = ctx.on(|| Action::ExportBackup);
    html! {
        <>
            <p class="file-holds">{ format!(
                "The backup holds every check kept in this browser: your self-check and {others}, each with its notes, plan, history and 1:1 notes, as one file to import into another browser.{deleted}"
            ) }</p>
            <p class="actions">
                <button type="button" class="button" {onclick}>{ "Download a backup of everything (JSON)" }</button>
            </p>
        </>
    }
}

/// The click that downloads a Markdown text, and says so next to the
/// button if the browser did not start it.
pub fn markdown_download(ctx: &Ctx, name: String, text: String) -> Callback<MouseEvent> {
    let dispatch = ctx.dispatch.clone();
    Callback::from(move |_: MouseEvent| {
        if !crate::edge::download::download(&name, "text/markdown", &text) {
            dispatch.emit(Action::Notify(crate::core::state::Notice::error(
                crate::core::state::Place::Download,
                "The browser did not start the download.",
            )));
        }
    })
}

/// A checkbox's change, setting `flag`.
pub fn on_checked(flag: &UseStateHandle<bool>) -> Callback<Event> {
    let flag = flag.clone();
    Callback::from(move |event: Event| {
        flag.set(event.target_unchecked_into::<HtmlInputElement>().checked())
    })
}
