//! Save, share and compare: names in files, export, Markdown, share links,
//! history with restore, import (as a new check, to compare, or to
//! replace, always with a preview and an undo), comparisons. Nothing here
//! sends anything anywhere.

use super::outgoing::{backup_button, FileChooser};
use super::page::{heading, notice_at, plural, Ctx};
use super::start::CtxProps;
use crate::app::parts::{LazyPiece, Part};
use crate::core::checks::{check_new_name, pairing, Pairing};
use crate::core::document::{Beside, Document, Rater};
use crate::core::engine::beside_name;
use crate::core::exchange::{holds, read_incoming, Backup, Contents, Incoming};
use crate::core::keys::CheckRef;
use crate::core::markdown::whose;
use crate::core::route::{Compared, Route};
use crate::core::share;
use crate::core::state::{Action, NewCheck, Notice, Place};
use crate::core::time::{local_date, local_time};
use crate::edge::files;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A button that copies text and says so next to itself.
pub(super) fn copy_button(ctx: &Ctx, text: String, label: &str, place: Place) -> Html {
    let onclick = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let (dispatch, text) = (dispatch.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let notice = if files::copy(&text).await {
                    Notice::new(place, "Copied.")
                } else {
                    Notice::error(
                        place,
                        "The browser did not allow copying; select the text and copy it yourself.",
                    )
                };
                dispatch.emit(Action::Notify(notice));
            });
        })
    };
    html! { <button type="button" class="button" {onclick}>{ label.to_string() }</button> }
}

fn input_value(event: InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// What a file or link holds, in one line: whose it is, each part it
/// carries, and when it last changed.
pub fn describe(document: &Document, offset: i32) -> String {
    format!(
        "{}: {}, last changed {}.",
        whose(document),
        holds(document),
        local_date(document.updated_at, offset),
    )
}

#[derive(Properties, PartialEq)]
pub struct TakeProps {
    pub ctx: Ctx,
    /// The answers on offer (an imported file, or a shared link).
    pub document: Rc<Document>,
    /// Where they come from, as the undo will name it: "importing “x.json”".
    pub what: AttrValue,
    /// Where they come from, as the check will say: "“x.json”", "a shared link".
    pub from: AttrValue,
    /// Called when the person is done (took them, or cancelled).
    pub on_done: Callback<()>,
}

/// The choices for answers from a file or a link, after their preview.
/// The main action follows whose answers they are (`checks::pairing`): a
/// report's own self-check goes beside the check about them, one's own
/// export from another browser replaces the answers (with undo), someone
/// new gets a check. Every button names the check it acts on; nothing
/// merges silently, and no second check about the same person is made.
#[component]
pub fn TakeAnswers(props: &TakeProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let document = &props.document;
    let name = use_state(|| document.subject.clone());
    let problem = use_state(String::new);
    let replacing = use_state(|| false);
    let pairing = pairing(document, &state.check, &state.document, &state.checks);
    let beside = Beside::received(document, &props.from, ctx.now);
    let view = beside_name(&beside);
    let done = |action: Action| {
        let (dispatch, on_done) = (ctx.dispatch.clone(), props.on_done.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(action.clone());
            on_done.emit(());
        })
    };
    let add_check = {
        let (name, problem, checks) = (name.clone(), problem.clone(), state.checks.clone());
        let (dispatch, on_done, beside) =
            (ctx.dispatch.clone(), props.on_done.clone(), beside.clone());
        let rater = state.rater_name.clone();
        Callback::from(
            move |_: MouseEvent| match check_new_name(&name, false, &checks) {
                Err(why) => problem.set(why),
                Ok(valid) => {
                    dispatch.emit(Action::AddCheck(NewCheck {
                        name: valid,
                        rater: Rater::Other {
                            name: rater.clone(),
                        },
                        from: None,
                        beside: Some(Box::new(beside.clone())),
                        then: Route::Start,
                    }));
                    on_done.emit(());
                }
            },
        )
    };
    let ask_replace = {
        let replacing = replacing.clone();
        Callback::from(move |_: MouseEvent| replacing.set(true))
    };
    let whose_check = |check: &CheckRef, name: &str| match check {
        CheckRef::Own => "your self-check".to_string(),
        CheckRef::Other(_) => format!("the check about {name}"),
    };
    let (main_label, main, explain) = match &pairing {
        Pairing::SameCheck => (
            format!("Replace the answers of {}\u{2026}", state.check_phrase()),
            ask_replace,
            String::new(),
        ),
        Pairing::Beside { check, name } => {
            let target = whose_check(check, name);
            let label = if beside.is_self_check() && *check != CheckRef::Own {
                format!("Use as {name}\u{2019}s self-check")
            } else {
                format!("Keep {view} beside {target}")
            };
            let replaces = match (&state.document.beside, *check == state.check) {
                (Some(old), true) => format!(
                    " It replaces {} kept here on {}; Undo brings that back.",
                    beside_name(old),
                    local_date(old.received_at, state.offset)
                ),
                _ => String::new(),
            };
            (
                label,
                done(Action::Attach {
                    beside: Box::new(beside.clone()),
                    to: check.clone(),
                }),
                {
                    let agreed = document.plan.iter().filter(|i| i.is_active() && !i.origin.is_empty()).count();
                    let actions = if agreed > 0 && *check == CheckRef::Own {
                        format!(" Its {} can be added to your plan from the 1:1 agenda.", plural(agreed, "agreed action", "agreed actions"))
                    } else {
                        String::new()
                    };
                    format!("It is kept read-only beside {target}, for the 1:1 agenda; the answers of {target} do not change.{replaces}{actions}")
                },
            )
        }
        Pairing::NewCheck { .. } => (
            "Add the check, with these answers beside it".to_string(),
            add_check,
            format!("Nobody of that name has a check here yet. A new check about them is added, with {view} kept read-only beside it, ready for your own view."),
        ),
    };
    // A file about someone else than the open check says so first.
    let other_person = state.about_someone_else()
        && !document.subject.is_empty()
        && !document
            .subject
            .eq_ignore_ascii_case(&state.document.subject);
    let explain = if other_person {
        format!(
            "This file is about {}, not {}, whose check is open. {explain}",
            document.subject,
            state.check_name()
        )
    } else {
        explain
    };
    let replace = done(Action::Replace {
        answers: document.answers.clone(),
        // Their own history and plan come along.
        snapshots: document.snapshots.clone(),
        plan: Some(document.plan.clone()),
        what: props.what.to_string(),
    });
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(()))
    };
    let name_id = ctx.id("take-name");
    let naming = matches!(pairing, Pairing::NewCheck { .. });
    html! {
        <div class="confirm take" role="group" aria-label="What to do with these answers">
            <p><strong>{ describe(document, state.offset) }</strong></p>
            if !explain.is_empty() {
                <p>{ explain }</p>
            }
            if naming {
                <p class="field">
                    <label for={name_id.clone()}>{ "Name of the new check" }</label>
                    <input id={name_id} type="text" value={(*name).clone()} maxlength="60"
                        oninput={{ let name = name.clone(); Callback::from(move |e: InputEvent| name.set(input_value(e))) }} />
                </p>
                if !problem.is_empty() {
                    <p class="banner error" role="alert">{ (*problem).clone() }</p>
                }
            }
            <p class="actions">
                <button type="button" class="button primary" onclick={main} disabled={state.read_only() && !matches!(pairing, Pairing::NewCheck { .. })}>{ main_label }</button>
                <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
            </p>
            if *replacing {
                <div class="confirm" role="group" aria-label="Confirm replacing the answers">
                    <p>{ format!(
                        "This replaces the {} of {} with these; the file's snapshots are added to the history. The current answers and notes are kept in the history, and Undo brings them back, also after a reload.",
                        plural(state.document.answers.rated(), "answer", "answers"),
                        state.check_phrase(),
                    ) }</p>
                    <p class="actions">
                        <button type="button" class="button primary" onclick={replace}>{ "Replace the answers" }</button>
                        <button type="button" class="button" onclick={{ let replacing = replacing.clone(); Callback::from(move |_: MouseEvent| replacing.set(false)) }}>{ "Cancel" }</button>
                    </p>
                </div>
            }
        </div>
    }
}

/// Choose or drop an export file; it is read with the same decoder as
/// storage, and shown before anything changes.
#[component]
pub fn ImportPanel(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let preview = use_state(|| None::<(String, Rc<Document>)>);
    let backup = use_state(|| None::<(String, Rc<Backup>)>);
    let problem = use_state(String::new);
    let handle_file = {
        let (preview, backup, problem) = (preview.clone(), backup.clone(), problem.clone());
        let ladder = ctx.state.ladder.clone();
        Callback::from(move |file: web_sys::File| {
            let (preview, backup, problem, ladder) = (
                preview.clone(),
                backup.clone(),
                problem.clone(),
                ladder.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                preview.set(None);
                backup.set(None);
                match files::read_text(&file)
                    .await
                    .and_then(|text| read_incoming(&ladder, &text))
                {
                    Err(why) => {
                        problem.set(format!("\u{201c}{name}\u{201d} was not imported. {why}"));
                    }
                    Ok(Incoming::Check(document)) => {
                        problem.set(String::new());
                        preview.set(Some((name, Rc::new(document))));
                    }
                    Ok(Incoming::Backup(found)) => {
                        problem.set(String::new());
                        backup.set(Some((name, Rc::new(found))));
                    }
                }
            });
        })
    };
    let onchange = {
        let handle_file = handle_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                handle_file.emit(file);
            }
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = Callback::from(move |event: DragEvent| {
        event.prevent_default();
        if let Some(file) = event
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|f| f.get(0))
        {
            handle_file.emit(file);
        }
    });
    let input_id = ctx.id("import");
    let on_done = {
        let (preview, backup) = (preview.clone(), backup.clone());
        Callback::from(move |_| {
            preview.set(None);
            backup.set(None);
        })
    };
    html! {
        <div class="import">
            <div class="drop-zone" {ondragover} {ondrop}>
                <label for={input_id.clone()}>{ "Choose an export file (.json)" }</label>
                <input type="file" id={input_id} accept=".json,application/json" {onchange} />
                <p class="muted">{ "or drop it here. Files stay on this computer." }</p>
            </div>
            if !problem.is_empty() {
                <p class="banner error" role="alert">{ (*problem).clone() }</p>
            }
            if let Some((name, document)) = &*preview {
                <TakeAnswers ctx={ctx.clone()} document={document.clone()}
                    what={AttrValue::from(format!("importing \u{201c}{name}\u{201d}"))}
                    from={AttrValue::from(format!("\u{201c}{name}\u{201d}"))} on_done={on_done.clone()} />
            }
            if let Some((name, found)) = &*backup {
                <RestoreBackup ctx={ctx.clone()} backup={found.clone()} name={AttrValue::from(name.clone())} {on_done} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RestoreProps {
    pub ctx: Ctx,
    pub backup: Rc<Backup>,
    /// The file's name.
    pub name: AttrValue,
    pub on_done: Callback<()>,
}

/// A backup's preview: what it holds, what restoring it changes here, and
/// the choice.
#[component]
fn RestoreBackup(props: &RestoreProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let backup = &props.backup;
    let here: Vec<String> = backup
        .others
        .iter()
        .filter(|d| {
            crate::core::checks::find(&d.subject, d.rater == Rater::Subject, &state.checks)
                .is_some()
        })
        .map(|d| d.subject.clone())
        .collect();
    let own_changes = backup.own.answers.given() > 0 || !backup.own.snapshots.is_empty();
    let mut changes = Vec::new();
    if own_changes {
        changes.push(format!(
            "Your self-check's {} are replaced by the backup's; they are kept in the history and Undo brings them back.",
            plural(state.document.answers.rated(), "answer", "answers")
        ));
    }
    let added = backup.others.len() - here.len();
    if added > 0 {
        changes.push(format!(
            "{} added (Undo removes them while this page is open).",
            plural(added, "check about someone is", "checks about others are")
        ));
    }
    if !here.is_empty() {
        changes.push(format!(
            "Already here and left as they are: {}.",
            here.join(", ")
        ));
    }
    let restore = {
        let (dispatch, on_done, backup) =
            (ctx.dispatch.clone(), props.on_done.clone(), backup.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::RestoreBackup(Box::new((*backup).clone())));
            on_done.emit(());
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(()))
    };
    let own = state.check == CheckRef::Own;
    html! {
        <div class="confirm take" role="group" aria-label="What to do with this backup">
            <p><strong>{ format!("\u{201c}{}\u{201d}, made {}: {}", props.name, local_date(backup.made_at, state.offset), backup.describe()) }</strong></p>
            if own {
                <p>{ changes.join(" ") }</p>
            } else {
                <p>{ "A backup is restored from your own self-check's page: open it from the start page." }</p>
            }
            <p class="actions">
                <button type="button" class="button primary" onclick={restore} disabled={!own || state.read_only()}>{ "Restore the backup" }</button>
                <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
            </p>
        </div>
    }
}

/// Names that go into files: whose check it is, and who rated.
#[component]
pub fn Names(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let someone = state.about_someone_else();
    let subject = use_state(|| state.document.subject.clone());
    let rater = use_state(|| match &state.document.rater {
        Rater::Other { name } => name.clone(),
        Rater::Subject => String::new(),
    });
    // The engine checks the names and says what is wrong beside the form.
    let onsubmit = {
        let (subject, rater, dispatch) = (subject.clone(), rater.clone(), ctx.dispatch.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatch.emit(Action::Names {
                subject: (*subject).clone(),
                rater: (*rater).clone(),
            });
        })
    };
    let field = |id: String, label: &str, value: &UseStateHandle<String>| {
        let value = value.clone();
        html! {
            <p class="field">
                <label for={id.clone()}>{ label.to_string() }</label>
                <input {id} type="text" maxlength="60" value={(*value).clone()}
                    oninput={Callback::from(move |e: InputEvent| value.set(input_value(e)))} />
            </p>
        }
    };
    html! {
        <form class="names" {onsubmit} novalidate=true>
            if someone {
                { field(ctx.id("subject"), "Their name", &subject) }
                { field(ctx.id("rater"), "Your name as the one rating (optional)", &rater) }
            } else {
                { field(ctx.id("subject"), "Your name (optional)", &subject) }
            }
            <p class="muted">{ "Names go into the files, summaries and links you make here, so whoever reads them knows whose answers they are. Leave a name empty to leave it out." }</p>
            <p class="actions"><button type="submit" class="button" disabled={state.read_only()}>{ "Save the names" }</button></p>
            { notice_at(ctx, Place::Names, Html::default()) }
        </form>
    }
}

/// A read-only link to the ratings, with or without the names.
#[component]
pub fn ShareLink(props: &CtxProps) -> Html {
    let ctx = &props.ctx;
    let state = &ctx.state;
    let with_names = use_state(|| true);
    let has_names = !state.document.subject.is_empty()
        || matches!(&state.document.rater, Rater::Other { name } if !name.is_empty());
    let link = share::encode(&state.ladder, &state.document, ctx.now, *with_names)
        .map(|payload| ctx.link_to(&Route::Shared { payload }));
    let toggle = {
        let with_names = with_names.clone();
        Callback::from(move |event: Event| {
            with_names.set(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    match link {
        Ok(link) => html! {
            <>
                <p>{ "The link carries the ratings (not the notes) after the # sign, which browsers never send to a server. Whoever opens it sees the answers read-only, and can compare them with theirs or keep them." }</p>
                if has_names {
                    <p class="field checkbox">
                        <input type="checkbox" id={ctx.id("share-names")} checked={*with_names} onchange={toggle} />
                        <label for={ctx.id("share-names")}>{ "Include the names in the link" }</label>
                    </p>
                }
                <label for={ctx.id("share-link")}>{ "Link to these answers" }</label>
                <input id={ctx.id("share-link")} class="share-link" type="text" readonly=true value={link.clone()} />
                <p class="actions">{ copy_button(ctx, link, "Copy the link", Place::CopyLink) }</p>
                { notice_at(ctx, Place::CopyLink, Html::default()) }
            </>
        },
        Err(why) => html! { <p class="banner warning">{ why }</p> },
    }
}

/// The Markdown summary, folded: its code loads the first time it opens
/// (or when the browser is idle), so a visit to this page pays for it only
/// when the person asks.
#[component]
fn SummaryFold(props: &CtxProps) -> Html {
    let opened = use_state(|| false);
    let open = {
        let opened = opened.clone();
        Callback::from(move |_: MouseEvent| opened.set(true))
    };
    html! {
        <details class="summary-fold">
            <summary onclick={open}>{ "Make a summary (Markdown)" }</summary>
            if *opened {
                <LazyPiece part={Part::Summary} ctx={props.ctx.clone()} />
            }
        </details>
    }
}

/// The "Save, share and compare" page.
pub fn data_page(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let snapshot = ctx.on(|| Action::Snapshot);
    // Its date, and its time of day when another snapshot shares the date.
    let when = |at: u64| {
        let day = local_date(at, state.offset);
        let shared = state
            .document
            .snapshots
            .iter()
            .filter(|s| local_date(s.taken_at, state.offset) == day)
            .count()
            > 1;
        if shared {
            format!("{day} at {}", local_time(at, state.offset))
        } else {
            day
        }
    };
    let restore = |taken_at: u64| {
        let (dispatch, snapshot) = (
            ctx.dispatch.clone(),
            state.document.snapshot(taken_at).cloned(),
        );
        let what = format!(
            "restoring the snapshot of {}",
            local_date(taken_at, state.offset)
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(snapshot) = &snapshot {
                dispatch.emit(Action::Replace {
                    answers: snapshot.answers.clone(),
                    snapshots: Vec::new(),
                    plan: Some(snapshot.plan.clone()),
                    what: what.clone(),
                });
            }
        })
    };
    html! {
        <section class="page data">
            { heading(ctx, if state.about_someone_else() { format!("Save, share and compare: {}", state.check_name()) } else { "Save, share and compare".into() }) }
            <p class="lead">{ "Take answers to a 1:1, a promotion packet or the next check. Everything happens in this browser; nothing is uploaded." }</p>

            <h2>{ if state.check == CheckRef::Own { "Save a copy".to_string() } else { format!("Send to {name}, or keep a copy", name = state.check_name()) } }</h2>
            // Keyed by what is stored, so the form starts again from the
            // stored names after a merge, or on another check's page.
            <Names key={format!("{}/{}/{}", state.href(&Route::Start), state.document.subject, match &state.document.rater { Rater::Subject => "", Rater::Other { name } => name })} ctx={ctx.clone()} />
            <p class="privacy">{ "Names and answers about other people stay in this browser unless you download or share them here. Each file says below what it will hold; tick what goes." }</p>
            if state.check != CheckRef::Own {
                <h3>{ format!("Send to {}", state.check_name()) }</h3>
                <p>{ format!("A file for {name} to open in their own self-check: the actions agreed in your 1:1 go into their plan. Your ratings of them go only if you tick them; your notes, your 1:1 notes, your history and their own self-check kept here never go unless you tick them.", name = state.check_name()) }</p>
                <FileChooser ctx={ctx.clone()} start={Contents::TO_SUBJECT} id="send"
                    label={AttrValue::from(format!("Download the file for {} (JSON)", state.check_name()))} />
                <h3>{ "A copy to keep" }</h3>
            }
            <p>{ "A file with the parts ticked, to keep or to import again (in another browser, say): everything this check holds at first." }</p>
            <FileChooser ctx={ctx.clone()} start={Contents::ALL} id="copy"
                label={AttrValue::from(if state.check == CheckRef::Own { "Download the answers (JSON)" } else { "Download this check (JSON)" })} />
            if state.check == CheckRef::Own {
                <h3>{ "A backup of everything" }</h3>
                { backup_button(ctx) }
            }
            { notice_at(ctx, Place::Download, Html::default()) }
            <h3>{ "A summary for a review or a 1:1" }</h3>
            <SummaryFold ctx={ctx.clone()} />

            <h2>{ "Share a read-only link" }</h2>
            <ShareLink ctx={ctx.clone()} />

            <h2>{ "History" }</h2>
            <p>{ "A snapshot keeps a dated copy of the answers, to see what changed at the next check. Answers replaced by an import or a restore are kept here too." }</p>
            <p class="actions">
                <button type="button" class="button" onclick={snapshot} disabled={state.read_only()}>{ "Save a snapshot" }</button>
            </p>
            { notice_at(ctx, Place::Snapshot, Html::default()) }
            if state.document.snapshots.is_empty() {
                <p class="muted">{ "No snapshots yet." }</p>
            } else {
                <ol class="history" reversed=true>
                    for snap in state.document.snapshots.iter().rev() {
                        <li>
                            <span>{ format!("{} ({}): {}. ",
                                when(snap.taken_at),
                                snap.what(),
                                plural(snap.answers.rated(), "answer", "answers")) }</span>
                            <a href={ctx.href(&Route::Compare { with: Compared::Snapshot(snap.taken_at) })}>{ format!("Compare {} with now", when(snap.taken_at)) }</a>
                            <button type="button" class="button small" onclick={restore(snap.taken_at)} disabled={state.read_only()}>
                                { "Restore" }<span class="visually-hidden">{ format!(" the snapshot of {}", when(snap.taken_at)) }</span>
                            </button>
                        </li>
                    }
                </ol>
            }

            <h2>{ "Import answers" }</h2>
            <p>{ "Bring your answers from another browser, or someone else's file: a report's own self-check goes beside the check about them, a manager's view of you beside your self-check, each for the 1:1 agenda. You see what the file holds, and which check it goes to, before anything changes." }</p>
            if let Some(beside) = &state.document.beside {
                <p>
                    { format!("Kept beside this check: {} (last changed {}), from {}. ", beside_name(beside), local_date(beside.updated_at, state.offset), beside.from) }
                    <a href={ctx.href(&Route::Compare { with: Compared::Beside })}>{ "Open the 1:1 agenda" }</a>
                </p>
            }
            <ImportPanel ctx={ctx.clone()} />

            <h2>{ "Delete" }</h2>
            <p><a href={ctx.href(&Route::Start)}>{ if state.check == CheckRef::Own { "Deleting a check about someone, or all data, is on your start page." } else { "Deleting this check (and only this one) is on its start page." } }</a></p>
        </section>
    }
}
