//! Taking answers along: export, import, snapshots, share links, and the
//! controls they share. Nothing here sends anything anywhere.

use super::app::{heading_id, PageProps};
use super::banners::{download_answers_button, export_file_name};
use crate::app::state::{Action, Comparing, State};
use crate::core::document::{read_export, CheckMode, Document};
use crate::core::markdown;
use crate::core::route::Route;
use crate::core::scoring::progress;
use crate::core::share;
use crate::core::time::date;
use crate::edge::{clock, download, files, page};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A button that copies text and reports in the app's status line.
fn copy_button(state: &UseReducerHandle<State>, text: String, label: &str) -> Html {
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let state = state.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = files::copy(&text).await;
                state.dispatch(Action::Status(if copied {
                    "Copied.".into()
                } else {
                    "The browser did not allow copying; select the text and copy it yourself."
                        .into()
                }));
            });
        })
    };
    html! { <button type="button" class="button" {onclick}>{ label.to_string() }</button> }
}

#[derive(Properties, PartialEq)]
pub struct ReplaceProps {
    pub state: UseReducerHandle<State>,
    pub document: Rc<Document>,
    /// Where the answers come from, e.g. a file name.
    pub source: AttrValue,
    /// Called with `true` after replacing, `false` after cancelling.
    pub on_done: Callback<bool>,
}

/// Shows what importing would change, and replaces only when confirmed.
#[component]
pub fn ConfirmReplace(props: &ReplaceProps) -> Html {
    let incoming = &props.document;
    let current = props.state.document.answers.len();
    let replace = {
        let state = props.state.clone();
        let document = props.document.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Replace {
                document: Box::new((*document).clone()),
                now: clock::now_ms(),
            });
            on_done.emit(true);
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(false))
    };
    html! {
        <div class="confirm" role="group" aria-label="Confirm the import">
            <p><strong>{ format!(
                "{}: {} answers for {}, last changed {}{}.",
                props.source,
                incoming.answers.len(),
                props.state.ladder.title,
                date(incoming.updated_at),
                if incoming.snapshots.is_empty() { String::new() } else { format!(", with {} snapshots", incoming.snapshots.len()) },
            ) }</strong></p>
            <p>{ format!("Importing replaces your {current} current answers. Save a snapshot or download a copy first if you want to keep them.") }</p>
            <p class="actions">
                <button type="button" class="button primary" onclick={replace}>{ "Replace my answers" }</button>
                <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub state: UseReducerHandle<State>,
    pub instance: AttrValue,
    /// Import to compare with (true) or to replace the answers (false).
    pub compare: bool,
}

/// Choose or drop an export file; it is checked with the same decoder as
/// storage before anything changes.
#[component]
pub fn ImportPanel(props: &ImportProps) -> Html {
    let preview = use_state(|| None::<(String, Rc<Document>)>);
    let problem = use_state(String::new);
    let handle_file = {
        let state = props.state.clone();
        let preview = preview.clone();
        let problem = problem.clone();
        let compare = props.compare;
        Callback::from(move |file: web_sys::File| {
            let state = state.clone();
            let preview = preview.clone();
            let problem = problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let read = files::read_text(&file)
                    .await
                    .and_then(|text| read_export(&state.ladder.id, &state.ladder.title, &text));
                match read {
                    Err(why) => {
                        preview.set(None);
                        problem.set(format!("\u{201c}{name}\u{201d} was not imported. {why}"));
                    }
                    Ok(document) if compare => {
                        problem.set(String::new());
                        state.dispatch(Action::Compare(Some(Rc::new(Comparing {
                            label: name,
                            document,
                        }))));
                        state.dispatch(Action::Navigate {
                            route: Route::Compare { snapshot: None },
                            now: clock::now_ms(),
                        });
                    }
                    Ok(document) => {
                        problem.set(String::new());
                        preview.set(Some((name, Rc::new(document))));
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
        let file = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            handle_file.emit(file);
        }
    });
    let input_id = format!(
        "{}-import-{}",
        props.instance,
        if props.compare { "compare" } else { "replace" }
    );
    let on_done = {
        let preview = preview.clone();
        Callback::from(move |_: bool| preview.set(None))
    };
    html! {
        <div class="import">
            <div class="drop-zone" {ondragover} {ondrop}>
                <label for={input_id.clone()}>{ if props.compare { "Choose their export file (.json)" } else { "Choose an export file (.json)" } }</label>
                <input type="file" id={input_id} accept=".json,application/json" {onchange} disabled={props.state.read_only() && !props.compare} />
                <p class="muted">{ "or drop it here. Files stay on this computer." }</p>
            </div>
            if !problem.is_empty() {
                <p class="banner error" role="alert">{ (*problem).clone() }</p>
            }
            if let Some((name, document)) = &*preview {
                <ConfirmReplace state={props.state.clone()} document={document.clone()}
                    source={AttrValue::from(format!("\u{201c}{name}\u{201d}"))} {on_done} />
            }
        </div>
    }
}

/// The "Save, share and compare" page.
#[inline(never)]
pub fn data_page(props: &PageProps) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let prefix = &props.instance;
    let mode = state.current_mode();
    let markdown_text = markdown::summary(ladder, &state.document, mode == CheckMode::Quick);
    let download_markdown = {
        let text = markdown_text.clone();
        let name = export_file_name(&ladder.id, "md");
        Callback::from(move |_: MouseEvent| {
            download::download(&name, "text/markdown", &text);
        })
    };
    let share_link = share::encode(ladder, &state.document).map(|payload| {
        format!(
            "{}{}",
            page::url_without_hash(),
            Route::Shared { payload }.href()
        )
    });
    let snapshot = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Snapshot {
                now: clock::now_ms(),
            })
        })
    };
    let check_name = if mode == CheckMode::Quick {
        "quick check"
    } else {
        "full check"
    };
    html! {
        <section class="page data">
            <h1 id={heading_id(prefix)} tabindex="-1">{ "Save, share and compare" }</h1>
            <p class="lead">{ "Take your answers to a 1:1, a promotion packet or your next check. Everything happens in this browser; nothing is uploaded." }</p>

            <h2>{ "Save a copy" }</h2>
            <p>{ format!("The JSON file holds everything, notes and history included, and can be imported again. The Markdown summary (results of the {check_name}, strengths, growth areas, watch-outs and your notes) pastes into a wiki page or a 1:1 document.") }</p>
            <p class="actions">
                { download_answers_button(state, "Download answers (JSON)") }
                <button type="button" class="button" onclick={download_markdown}>{ "Download summary (Markdown)" }</button>
                { copy_button(state, markdown_text, "Copy summary (Markdown)") }
                <a class="button" href={Route::Results { mode: Some(mode) }.href()}>{ "Print the results page" }</a>
            </p>

            <h2>{ "Share a read-only link" }</h2>
            { match share_link {
                Ok(link) => html! {
                    <>
                        <p>{ "The link carries your ratings (not your notes) after the # sign, which browsers never send to a server. Whoever opens it sees your answers read-only, and can compare them with theirs." }</p>
                        <label for={format!("{prefix}-share-link")}>{ "Link to your answers" }</label>
                        <input id={format!("{prefix}-share-link")} class="share-link" type="text" readonly=true value={link.clone()} />
                        <p class="actions">{ copy_button(state, link, "Copy link") }</p>
                    </>
                },
                Err(why) => html! { <p class="banner warning">{ why }</p> },
            } }

            <h2>{ "History" }</h2>
            <p>{ "A snapshot keeps a dated copy of your answers, so you can see what changed at your next check." }</p>
            <p class="actions">
                <button type="button" class="button" onclick={snapshot} disabled={state.read_only()}>{ "Save a snapshot" }</button>
            </p>
            if state.document.snapshots.is_empty() {
                <p class="muted">{ "No snapshots yet." }</p>
            } else {
                <ol class="history" reversed=true>
                    for snap in state.document.snapshots.iter().rev() {
                        <li>
                            { format!("{}: {} answers. ", date(snap.taken_at), snap.answers.values().filter(|a| a.rating.is_some()).count()) }
                            <a href={Route::Compare { snapshot: Some(snap.taken_at) }.href()}>{ format!("Compare {} with now", date(snap.taken_at)) }</a>
                        </li>
                    }
                </ol>
            }

            <h2>{ "Import answers" }</h2>
            <p>{ "Bring answers from another browser or computer: choose a file you downloaded here. You will see what it holds before anything is replaced." }</p>
            <ImportPanel state={state.clone()} instance={prefix.clone()} compare=false />

            <h2>{ "Compare with someone else's view" }</h2>
            <p>{ "Import your manager's assessment of you (or yours of a report) to see both side by side. It is shown for this visit only and never replaces your answers." }</p>
            <ImportPanel state={state.clone()} instance={prefix.clone()} compare=true />

            <h2>{ "Delete" }</h2>
            <p><a href={Route::Start.href()}>{ "Delete my data is on the start page." }</a></p>
        </section>
    }
}

/// A read-only view of answers carried in a share link.
#[inline(never)]
pub fn shared_page(props: &PageProps, payload: &str) -> Html {
    let state = &props.state;
    let ladder = &state.ladder;
    let prefix = &props.instance;
    let heading =
        html! { <h1 id={heading_id(prefix)} tabindex="-1">{ "Answers shared with you" }</h1> };
    let document = match share::decode(ladder, payload) {
        Ok(document) => Rc::new(document),
        Err(why) => {
            return html! {
                <section class="page">
                    { heading }
                    <p class="banner error" role="alert">{ format!("This link cannot be opened. {why}") }</p>
                    <p><a class="button" href={Route::Start.href()}>{ "Go to the start page" }</a></p>
                </section>
            }
        }
    };
    let totals = progress(ladder, &document, false);
    let compare = {
        let state = state.clone();
        let document = document.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Compare(Some(Rc::new(Comparing {
                label: "the shared answers".into(),
                document: (*document).clone(),
            }))));
            state.dispatch(Action::Navigate {
                route: Route::Compare { snapshot: None },
                now: clock::now_ms(),
            });
        })
    };
    html! {
        <section class="page shared">
            { heading }
            <p class="lead">{ format!("Someone shared {} of {} answers to the {} self-check. They are shown here read-only; nothing is saved unless you import them.", totals.answered, totals.total, ladder.title) }</p>
            <ul class="shared-sections">
                for (index, section) in ladder.sections.iter().enumerate() {
                    <li>{ format!("{}: {} of {} answered", section.title, totals.sections[index].0, totals.sections[index].1) }</li>
                }
            </ul>
            <p class="actions">
                <button type="button" class="button primary" onclick={compare}>{ "Compare with my answers" }</button>
            </p>
            <h2>{ "Import them as your answers" }</h2>
            <ConfirmReplace state={state.clone()} document={document}
                source={AttrValue::from("The shared link")}
                on_done={
                    let state = state.clone();
                    Callback::from(move |_: bool| state.dispatch(Action::Navigate { route: Route::Start, now: clock::now_ms() }))
                } />
        </section>
    }
}
