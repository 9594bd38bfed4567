//! The root component: loads the document once, renders the check, and
//! saves after every change.

use super::banners::{SaveStatusLine, StorageBanner};
use super::statement::StatementItem;
use crate::app::persist;
use crate::app::state::{Action, SaveStatus, State};
use crate::app::Setup;
use crate::core::content::Ladder;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App(setup: &Setup) -> Html {
    match &setup.ladder {
        Ok(ladder) => html! { <Check ladder={ladder.clone()} instance={setup.instance.clone()} /> },
        Err(message) => html! {
            <main class="l5-app">
                <div class="banner error" role="alert">
                    <h1>{ "This self-check cannot start" }</h1>
                    <p>{ "Its content file has a problem:" }</p>
                    <p><code>{ message.clone() }</code></p>
                    <p>{ "Whoever maintains this page can fix the file; docs/content-format.md describes the format." }</p>
                </div>
            </main>
        },
    }
}

#[derive(Properties, Clone)]
pub struct CheckProps {
    pub ladder: Rc<Ladder>,
    pub instance: AttrValue,
}

impl PartialEq for CheckProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ladder, &other.ladder) && self.instance == other.instance
    }
}

#[component]
pub fn Check(props: &CheckProps) -> Html {
    let state = {
        let ladder = props.ladder.clone();
        let instance = props.instance.clone();
        use_reducer(move || {
            let loaded = persist::load(&instance, &ladder);
            State {
                ladder,
                document: Rc::new(loaded.document),
                persistence: loaded.persistence,
                notice: loaded.notice,
                save_status: SaveStatus::Idle,
            }
        })
    };

    // Save after each change. The loaded revision is already in storage.
    let saved_revision = use_mut_ref(|| state.document.revision);
    {
        let state = state.clone();
        let instance = props.instance.clone();
        let saved_revision = saved_revision.clone();
        use_effect_with(state.document.revision, move |revision| {
            if *revision != *saved_revision.borrow() && state.writes() {
                match persist::save(&instance, &state.document) {
                    Ok(()) => {
                        *saved_revision.borrow_mut() = *revision;
                        state.dispatch(Action::Saved {
                            revision: *revision,
                        });
                    }
                    Err(fault) => state.dispatch(Action::SaveFailed {
                        reason: fault.detail().to_string(),
                    }),
                }
            }
        });
    }

    let ladder = &state.ladder;
    let read_only = matches!(
        state.persistence,
        crate::app::state::Persistence::ReadOnly { .. }
    );
    html! {
        <main class="l5-app">
            <header class="app-header">
                <h1>{ ladder.title.clone() }</h1>
                <p>{ ladder.about.clone() }</p>
                <p class="privacy">{ "Your answers stay in this browser. Nothing is sent anywhere." }</p>
            </header>
            <StorageBanner persistence={state.persistence.clone()} notice={state.notice.clone()} />
            for (section_index, section) in ladder.sections.iter().enumerate() {
                <section class="section" aria-labelledby={format!("{}-{}", props.instance, section.id)}>
                    <h2 id={format!("{}-{}", props.instance, section.id)}>{ section.title.clone() }</h2>
                    <p class="summary">{ section.summary.clone() }</p>
                    for (index, statement) in ladder.statements.iter().enumerate().filter(|(_, s)| s.section == section_index) {
                        <StatementItem
                            key={statement.id.clone()}
                            ladder={ladder.clone()}
                            {index}
                            answer={state.document.answers.get(&statement.id).cloned()}
                            instance={props.instance.clone()}
                            {read_only}
                            dispatch={state.dispatcher()} />
                    }
                </section>
            }
            <SaveStatusLine status={state.save_status.clone()} total={ladder.statements.len()} />
        </main>
    }
}
