//! The 1:1 agenda: the open check beside another view of the same person
//! (a report's own self-check kept beside the manager's view of them, or
//! a manager's view beside one's own). Not a diff: sections by the size of their gap, where both
//! agree, the statements two or more steps apart with both notes, one-step
//! differences folded by section, then 1:1 notes and agreed actions that
//! go into the plan. Everything here stays with the check after a reload.

use super::outgoing::{markdown_download, on_checked, FileChooser};
use super::page::{heading, notice_at, plural, section_table, Ctx};
use super::plan::FocusForm;
use super::ui::{el, t};
use crate::core::compare::{agenda, StatementPair};
use crate::core::document::plan::PlanItem;
use crate::core::document::{Document, Rater};
use crate::core::engine::beside_name;
use crate::core::exchange::{outgoing, Contents};
use crate::core::keys::CheckRef;
use crate::core::markdown::{
    self, agenda_counts, agreement_words, gap_words, item_details, lead_in,
};
use crate::core::route::Route;
use crate::core::scoring::{answer_label, average_on_scale};
use crate::core::state::{Action, Place};
use crate::core::time::local_date;
use crate::edge::page;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What the agenda sets beside the open check: its answers, a short name
/// for each side, and a line saying when each was given.
struct Sides {
    right: Document,
    left_name: String,
    right_name: String,
    dates: String,
}

fn sides(ctx: &Ctx) -> Result<Sides, Html> {
    let state = &ctx.state;
    let own = state.check == CheckRef::Own;
    let Some(beside) = &state.document.beside else {
        return Err(html! {
            <section class="page agenda">
                { heading(ctx, "1:1 agenda".into()) }
                <p>{ if own {
                    "Nothing is kept beside your self-check yet. When your manager sends you their view of you (a file or a link), open it under Import answers and keep it beside your self-check: the agenda for your 1:1 shows here."
                } else {
                    "Nothing is kept beside this check yet. Import their own self-check (the file or link they sent) under Import answers, and use it as their self-check: the agenda for your 1:1 shows here."
                } }</p>
                <p><a class="button primary" href={ctx.href(&Route::Data)}>{ "Go to Save, share and compare" }</a></p>
            </section>
        });
    };
    let date = |time| local_date(time, state.offset);
    let right_name = match &beside.rater {
        Rater::Subject if !beside.subject.is_empty() => beside.subject.clone(),
        Rater::Other { name } if !name.is_empty() => name.clone(),
        _ => "Them".to_string(),
    };
    Ok(Sides {
        right: beside.as_document(&state.ladder.id),
        dates: format!(
            "Your view: last changed {}. Beside it, {}: last changed {}, kept here on {} from {}.",
            date(state.document.updated_at),
            beside_name(beside),
            date(beside.updated_at),
            date(beside.received_at),
            beside.from
        ),
        left_name: "You".to_string(),
        right_name,
    })
}

/// The actions an agenda lists: every focus being worked on, and those
/// agreed in a 1:1 whatever became of them.
fn agenda_actions(plan: &[PlanItem]) -> Vec<PlanItem> {
    plan.iter()
        .filter(|item| item.is_active() || !item.origin.is_empty() && item.is_shown())
        .cloned()
        .collect()
}

/// The agenda as Markdown, to paste into a 1:1 document: the notes (both
/// views' and the 1:1 notes) only when ticked, and it says what it holds.
#[component]
fn AgendaMarkdown(props: &super::start::CtxProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let with_notes = use_state(|| false);
    let Ok(sides) = sides(ctx) else {
        return Html::default();
    };
    let ladder = &state.ladder;
    let contents = Contents {
        notes: *with_notes,
        ..Contents::ALL
    };
    let left = outgoing(&state.document, contents);
    let right = outgoing(&sides.right, contents);
    let actions = agenda_actions(&left.plan);
    let notes = if *with_notes {
        state.document.agenda.notes.as_str()
    } else {
        ""
    };
    let text = markdown::agenda(
        ladder,
        (&sides.left_name, &left),
        (&sides.right_name, &right),
        notes,
        &actions,
        state.offset,
    );
    let today = local_date(ctx.now, state.offset);
    let name = markdown::file_name(&ladder.id, &state.document, "agenda", &today, "md");
    let download = markdown_download(ctx, name, text);
    let toggle = on_checked(&with_notes);
    let note_count = left.answers.noted() + right.answers.noted();
    let has_notes = state.document.answers.noted() + sides.right.answers.noted() > 0
        || !state.document.agenda.notes.is_empty();
    html! {
        <div class="no-print agenda-markdown">
            if has_notes {
                <p class="field checkbox">
                    <input type="checkbox" id={ctx.id("agenda-notes-in")} checked={*with_notes} onchange={toggle} />
                    <label for={ctx.id("agenda-notes-in")}>{ "Put the notes in the Markdown (both views' notes and the 1:1 notes)" }</label>
                </p>
            }
            <p class="file-holds">{ format!(
                "The Markdown holds both views by section, where you agree, the statements apart and the agreed actions{}.",
                if *with_notes && (note_count > 0 || !notes.is_empty()) {
                    format!(", with {}{}", plural(note_count, "note", "notes"), if notes.is_empty() { "" } else { " and the 1:1 notes" })
                } else {
                    ", without any notes".to_string()
                }
            ) }</p>
            <p class="actions"><button type="button" class="button" onclick={download}>{ "Download the agenda (Markdown)" }</button></p>
        </div>
    }
}

pub fn compare_page(ctx: &Ctx) -> Html {
    let sides = match sides(ctx) {
        Ok(sides) => sides,
        Err(page) => return page,
    };
    let state = &ctx.state;
    let ladder = &state.ladder;
    let left = &state.document;
    let right = &sides.right;
    let (l, r) = (sides.left_name.as_str(), sides.right_name.as_str());
    let view = agenda(ladder, left, right);
    // Statements read as the open check reads them: a report's own agenda
    // speaks in the first person, whoever rated the view beside it.
    let someone = state.about_someone_else();
    let title = if state.check == CheckRef::Own {
        format!("1:1 agenda: you and {r}")
    } else {
        format!("1:1 agenda: {}", state.check_name())
    };
    let today = local_date(ctx.now, state.offset);
    let head = html! {
        <>
            <p class="print-only print-header">{ format!("{} \u{2014} {title} \u{2014} {today}", ladder.title) }</p>
            { heading(ctx, title.clone()) }
            <p class="meta">{ sides.dates.clone() }</p>
        </>
    };
    let editable = !state.read_only();
    let text_of = |id: &str| {
        ladder
            .statement_index(id)
            .map(|i| ladder.statements[i].text_for(someone).to_string())
            .unwrap_or_default()
    };
    // Actions agreed on the other side (a manager's file for a report): to
    // take into one's own plan.
    let offered: Vec<Html> = if state.check == CheckRef::Own {
        state.document.beside.iter().flat_map(|b| &b.plan).filter(|item| item.is_active() && !left.plan.iter().any(|mine| mine.statement == item.statement && mine.step == item.step)).filter_map(|item| {
            let index = ladder.statement_index(&item.statement)?;
            let add = ctx.on({
                let item = item.clone();
                move || Action::Focus { statement: index, step: item.step.clone(), due: item.due.clone(), helper: item.helper.clone(), origin: item.origin.clone() }
            });
            Some(html! {
                <li>
                    { format!("{}: {}{} ", lead_in(&text_of(&item.statement)), lead_in(&item.step), item_details(item)) }
                    if editable {
                        <button type="button" class="button small" onclick={add}>{ "Add to your plan" }<span class="visually-hidden">{ format!(": {}", item.step) }</span></button>
                    }
                </li>
            })
        }).collect()
    } else {
        Vec::new()
    };
    if view.left_answered == 0 || view.right_answered == 0 {
        let empty = if view.left_answered == 0 {
            "your view has"
        } else {
            "the view beside it has"
        };
        return html! {
            <section class="page agenda">
                { head }
                <p class="banner info">{ format!("Nothing to compare yet: {empty} no answers. Once both have answered, the agenda shows here.") }</p>
                if !offered.is_empty() {
                    <h2>{ format!("Agreed by {r}") }</h2>
                    <ul class="agreed">{ for offered }</ul>
                    { notice_at(ctx, Place::Plan, Html::default()) }
                }
                <p class="actions"><a class="button primary" href={ctx.href(&Route::Start)}>{ "Go to the start page" }</a></p>
            </section>
        };
    }
    let note = |document: &Document, id: &str| {
        document
            .answers
            .get(id)
            .map(|a| a.note.trim().to_string())
            .filter(|n| !n.is_empty())
    };
    let answer = |pair: &StatementPair, document: &Document, rating| {
        answer_label(
            ladder,
            pair.statement,
            rating,
            document.rater != Rater::Subject,
        )
    };
    let far: Vec<Html> = view
        .far
        .iter()
        .map(|pair| {
            let statement = &ladder.statements[pair.statement];
            let side = |name: &str, document: &Document, rating| {
                html! {
                    <div class="side">
                        <p><strong><bdi>{ name.to_string() }</bdi>{ ": " }</strong>{ answer(pair, document, rating) }</p>
                        if let Some(text) = note(document, &statement.id) {
                            <p class="note-text">{ text }</p>
                        }
                    </div>
                }
            };
            html! {
                <li class="card far-apart">
                    <p class="statement-text">{ statement.text_for(someone).to_string() }</p>
                    <div class="sides">
                        { side(l, left, pair.left) }
                        { side(r, right, pair.right) }
                    </div>
                    <p><strong>{ plural(pair.steps_apart().unwrap_or(0), "step apart", "steps apart") }</strong></p>
                    if editable {
                        <FocusForm ctx={ctx.clone()} statement={pair.statement} agreed={true} />
                    }
                </li>
            }
        })
        .collect();
    let one_line = |pair: &StatementPair| {
        let statement = &ladder.statements[pair.statement];
        t(
            "li",
            "",
            format!(
                "{} \u{2014} {l}: {}; {r}: {}",
                statement.text_for(someone),
                answer(pair, left, pair.left),
                answer(pair, right, pair.right)
            ),
        )
    };
    let near: Vec<Html> = view
        .near
        .iter()
        .map(|(section, pairs)| {
            html! {
                <details class="folded">
                    <summary>{ format!("{}: {}", ladder.sections[*section].title, plural(pairs.len(), "statement", "statements")) }</summary>
                    { el("ul", "", pairs.iter().map(one_line).collect()) }
                </details>
            }
        })
        .collect();
    let on_notes = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            dispatch.emit(Action::AgendaNotes(
                event.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let actions = agenda_actions(&left.plan);
    let on_print = Callback::from(|_: MouseEvent| page::print());
    let cell = |share: Option<f64>| {
        share.map_or("Not answered".to_string(), |s| {
            average_on_scale(&ladder.scale, s)
        })
    };
    let notes_id = ctx.id("agenda-notes");
    let whose_plan = if state.check == CheckRef::Own {
        "your plan".to_string()
    } else {
        format!("{}\u{2019}s plan", state.check_name())
    };
    html! {
        <section class="page agenda">
            { head }
            <p class="lead">{ agenda_counts(&view) }</p>
            <p class="actions no-print">
                <button type="button" class="button" onclick={on_print}>{ "Print the agenda" }</button>
                <a class="button" href={ctx.href(&Route::Data)}>{ "Keep a newer one beside it\u{2026}" }</a>
            </p>
            <AgendaMarkdown ctx={ctx.clone()} />
            { notice_at(ctx, Place::Download, Html::default()) }
            { section_table(
                ctx,
                "agenda-caption",
                format!("Average by section on the {}\u{2013}{} scale, the largest gap first", ladder.scale.lowest(), ladder.scale.highest()),
                [l, r, "Gap"],
                view.sections.iter().map(|pair| (
                    ladder.sections[pair.section].title.clone(),
                    [cell(pair.left), cell(pair.right), gap_words(pair.gap, l, r)],
                )).collect(),
            ) }
            <h2>{ "Where you agree" }</h2>
            if view.agreements.is_empty() {
                <p>{ "No section is near the top or the bottom of the scale for both." }</p>
            } else {
                <ul class="agreements">
                    for (section, agreement) in view.agreements.iter() {
                        <li>{ format!("{}: {}", ladder.sections[*section].title, agreement_words(*agreement)) }</li>
                    }
                </ul>
            }
            <h2>{ format!("Two or more steps apart ({})", view.far.len()) }</h2>
            if far.is_empty() {
                <p>{ "None: no statement is two or more steps apart." }</p>
            } else {
                <ul class="differences">{ for far }</ul>
            }
            if !near.is_empty() {
                <h2>{ format!("One step apart ({})", view.near.iter().map(|(_, p)| p.len()).sum::<usize>()) }</h2>
                { for near }
            }
            if !view.other.is_empty() {
                <details class="folded">
                    <summary>{ format!("Answered by one side only, or \u{201c}not sure\u{201d}: {}", plural(view.other.len(), "statement", "statements")) }</summary>
                    { el("ul", "", view.other.iter().map(one_line).collect()) }
                </details>
            }
            <h2>{ "1:1 notes" }</h2>
            <p class="field no-print">
                <label for={notes_id.clone()}>{ "Notes for the conversation (kept with this check)" }</label>
                <textarea id={notes_id} rows="5" maxlength="4000" value={left.agenda.notes.clone()}
                    oninput={on_notes} disabled={!editable} />
            </p>
            <p class="print-only note-text">{ left.agenda.notes.clone() }</p>
            <h2>{ "Agreed actions" }</h2>
            <p class="no-print">{ if state.check == CheckRef::Own {
                format!("Agree an action on a statement above: it goes into {whose_plan} as a focus (up to three at a time), with the date of this 1:1.")
            } else {
                format!("Agree an action on a statement above: it goes into {whose_plan} as a focus (up to three at a time), with the date of this 1:1. Send the agreed actions to {} with the file below.", state.check_name())
            } }</p>
            if actions.is_empty() {
                <p class="muted">{ "None yet." }</p>
            } else {
                <ul class="agreed">
                    for item in actions.iter() {
                        <li>{ format!("{}: {}{}{}", lead_in(&text_of(&item.statement)), lead_in(&item.step), item_details(item), if item.origin.is_empty() { String::new() } else { format!(" \u{2014} {}", item.origin) }) }</li>
                    }
                </ul>
            }
            { notice_at(ctx, Place::Plan, Html::default()) }
            if !offered.is_empty() {
                <h3>{ format!("Agreed by {r}") }</h3>
                <ul class="agreed">{ for offered }</ul>
            }
            if state.check != CheckRef::Own && !actions.is_empty() {
                <div class="no-print">
                    <h3>{ format!("Send to {}", state.check_name()) }</h3>
                    <FileChooser ctx={ctx.clone()} start={Contents::TO_SUBJECT} id="agenda-send"
                        label={AttrValue::from(format!("Download the file for {} (JSON)", state.check_name()))} />
                </div>
            }
            <p class="actions no-print">
                <a class="button" href={ctx.href(&Route::Start)}>{ "Back to the start" }</a>
            </p>
        </section>
    }
}
