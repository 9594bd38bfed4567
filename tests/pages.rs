//! Pages rendered natively from fixture states, read as a person would:
//! the same components the browser runs, through Yew's server renderer,
//! without a browser. (The browser tests then check what only a browser
//! can: focus, storage, layout.)
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::document::SnapshotKind;

use l5_selfcheck::app::prerender::{context, render, state_for};
use l5_selfcheck::app::BUILT_IN_LADDER;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{CheckMode, Document, Rater, Rating};
use l5_selfcheck::core::keys::CheckRef;
use l5_selfcheck::core::route::{Compared, Route};
use l5_selfcheck::core::state::State;
use std::rc::Rc;

fn l5() -> Rc<Ladder> {
    Rc::new(Ladder::parse(BUILT_IN_LADDER).unwrap())
}

fn example() -> Rc<Ladder> {
    let path = format!(
        "{}/assets/ladders/example-l3.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Rc::new(Ladder::parse(&std::fs::read_to_string(path).unwrap()).unwrap())
}

/// The text a person reads: tags dropped, entities decoded, spaces joined.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page(state: State) -> (String, String) {
    let html = render(context(state, "t", 1_764_300_000_000));
    let read = text(&html);
    (html, read)
}

fn fresh(ladder: &Rc<Ladder>) -> Document {
    Document::new(&ladder.id, &ladder.version)
}

fn quick_answered(ladder: &Rc<Ladder>, rating: impl Fn(usize) -> Rating) -> Document {
    let mut document = fresh(ladder);
    for (n, statement) in ladder.statements.iter().filter(|s| s.quick).enumerate() {
        document.set_rating(&statement.id, rating(n), n as u64 + 1);
    }
    document
}

#[test]
fn the_start_page_offers_one_next_step_for_what_was_done() {
    let ladder = l5();
    let (html, read) = page(state_for(ladder.clone(), fresh(&ladder), Route::Start));
    assert!(read.contains("Where do you stand today?"));
    assert!(read.contains("Next step Nothing answered yet. The quick check takes about 2 minutes. Start the quick check"));
    assert_eq!(
        html.matches("button primary").count(),
        1,
        "one primary action"
    );

    let done = quick_answered(&ladder, |_| Rating::Step(2));
    let (html, read) = page(state_for(ladder.clone(), done, Route::Start));
    assert!(read.contains("The quick check is done: all 12 answered. Continue with the full check See the quick results"), "{read}");
    assert_eq!(html.matches("button primary").count(), 1);
    assert!(
        html.contains("href=\"#/check/overview/overview.production-ready\""),
        "the full check opens at its first unanswered statement"
    );
}

#[test]
fn the_quick_check_is_one_page_with_every_quick_statement_and_a_named_progress_bar() {
    let ladder = l5();
    let (html, read) = page(state_for(
        ladder.clone(),
        fresh(&ladder),
        Route::Quick { section: None },
    ));
    assert_eq!(html.matches("<fieldset").count(), 12);
    assert!(read.contains("0 of 12 statements answered"));
    assert!(
        html.contains("<label for=\"t-progress\">"),
        "the progress bar has a name"
    );
    assert!(
        read.contains("What the answers mean for habits to avoid"),
        "the habit scale has its own key"
    );
    assert!(read.contains("Rarely Sometimes Often Almost always Not sure"));
}

#[test]
fn statements_read_right_for_the_person_rated() {
    let ladder = l5();
    let mut state = state_for(ladder.clone(), fresh(&ladder), Route::check("overview"));
    let (_, mine) = page(state.clone());
    assert!(
        mine.contains("When my team takes on something complex, I lead the work on its design.")
    );
    state.check = CheckRef::Other("c1".into());
    let mut about = fresh(&ladder);
    about.subject = "Alex Kim".into();
    about.rater = Rater::Other { name: "Sam".into() };
    state.document = Rc::new(about);
    let (html, theirs) = page(state);
    assert!(theirs
        .contains("When their team takes on something complex, they lead the work on its design."));
    assert!(theirs.contains("Rating: Alex Kim"));
    assert!(
        html.contains("href=\"#/p/c1/check/responsibilities\""),
        "links stay in this check"
    );
    // A manager's evidence prompt, not the first-person one.
    assert!(
        theirs.contains("When did you last see them lead the design"),
        "{theirs}"
    );
}

#[test]
fn uniform_answers_rank_nothing_on_the_results_page() {
    let ladder = l5();
    let document = quick_answered(&ladder, |_| Rating::Step(2));
    let (_, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
    ));
    assert!(
        read.contains("No section stands apart from the others"),
        "{read}"
    );
    assert!(!read.contains("Where to grow next"));
    assert!(!read.to_lowercase().contains("lowest-rated"));
    assert!(read.contains("Impact : both answers “Usually”."));
}

#[test]
fn one_low_section_is_the_only_growth_area_and_its_low_statements_are_named() {
    let ladder = l5();
    let mut document = quick_answered(&ladder, |_| Rating::Step(3));
    document.set_rating("process.improve", Rating::Step(0), 99);
    let (html, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
    ));
    assert_eq!(html.matches("card growth").count(), 1);
    assert!(
        read.contains("Where to grow next Process Average 0.0. Answered below the middle:"),
        "{read}"
    );
    assert!(
        html.contains("href=\"#/quick/process\""),
        "the statement links back"
    );
    assert!(read.contains("No section stands clearly above the middle."));
}

#[test]
fn a_section_with_only_unscored_answers_is_marked_not_answered() {
    let ladder = l5();
    let mut document = fresh(&ladder);
    document.set_rating("culture.own-mistakes", Rating::Unsure, 1);
    document.set_rating("impact.plan-monitoring", Rating::Step(0), 2);
    let (html, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
    ));
    assert!(
        read.contains("Culture Not answered 0 0 0 0 1 1 of 1"),
        "{read}"
    );
    assert!(
        html.contains("radar-label unanswered"),
        "the chart marks it too"
    );
    assert!(read.contains("(not answered)"));
}

#[test]
fn another_teams_ladder_reads_in_its_own_words() {
    let ladder = example();
    let mut document = fresh(&ladder);
    for (n, statement) in ladder.statements.iter().enumerate() {
        document.set_rating(&statement.id, Rating::Step((n % 3) as u8), n as u64);
    }
    for route in [
        Route::Start,
        Route::Results {
            mode: Some(CheckMode::Full),
        },
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
        Route::Data,
        Route::Learn { section: None },
    ] {
        let (_, read) = page(state_for(ladder.clone(), document.clone(), route.clone()));
        for word in [
            "L5",
            "senior",
            "Senior",
            "Usually",
            "Consistently",
            "Not yet",
        ] {
            assert!(!read.contains(word), "{route:?} says {word:?}: {read}");
        }
    }
}

#[test]
fn learn_mode_ends_with_the_ways_in() {
    let ladder = l5();
    for route in [
        Route::Learn { section: None },
        Route::Learn {
            section: Some("complacency".into()),
        },
    ] {
        let (_, read) = page(state_for(ladder.clone(), fresh(&ladder), route));
        assert!(
            read.contains("Where next Take the quick check Take the full check Back to the start"),
            "{read}"
        );
    }
    let (_, read) = page(state_for(
        ladder.clone(),
        fresh(&ladder),
        Route::Rate {
            section: "overview".into(),
        },
    ));
    assert!(read.contains("Rate yourself: Overview"));
    assert!(read.contains("Back to learning: Overview Next to learn: Responsibilities"));
}

#[test]
fn a_shared_link_lists_each_answer_and_a_broken_one_is_refused() {
    let ladder = l5();
    let mut shared = fresh(&ladder);
    shared.subject = "Alex".into();
    shared.set_rating("overview.lead-design", Rating::Step(3), 1);
    let payload =
        l5_selfcheck::core::share::encode(&ladder, &shared, 1_764_300_000_000, true).unwrap();
    let (_, read) = page(state_for(
        ladder.clone(),
        fresh(&ladder),
        Route::Shared {
            payload: payload.clone(),
        },
    ));
    assert!(read.contains("Alex’s self-check: 1 answer"), "{read}");
    assert!(
        read.contains(
            "When my team takes on something complex, I lead the work on its design. Consistently"
        ),
        "{read}"
    );
    assert!(read.contains("Shared on 2025-11-28."));
    let (_, read) = page(state_for(
        ladder.clone(),
        fresh(&ladder),
        Route::Shared {
            payload: payload[..payload.len() - 3].to_string(),
        },
    ));
    assert!(
        read.contains("This link cannot be opened. This link is damaged or was cut off"),
        "{read}"
    );
}

#[test]
fn a_snapshot_comparison_tells_newly_answered_from_changed() {
    let ladder = l5();
    let mut document = fresh(&ladder);
    document.set_rating("overview.lead-design", Rating::Step(0), 1);
    document.take_snapshot(2, 2, SnapshotKind::Saved, "");
    document.set_rating("overview.lead-design", Rating::Step(2), 3);
    document.set_rating("overview.production-ready", Rating::Step(1), 4);
    let (_, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Compare {
            with: Compared::Snapshot(2),
        },
    ));
    assert!(
        read.contains("1 answer changed since the snapshot, and 1 statement newly answered."),
        "{read}"
    );
    assert!(read.contains("Newly answered (or no longer answered)"));
}

#[test]
fn a_missing_page_says_so_with_a_way_back() {
    let ladder = l5();
    let (_, read) = page(state_for(
        ladder.clone(),
        fresh(&ladder),
        Route::NotFound {
            path: "nope".into(),
        },
    ));
    assert!(read.contains(
        "Page not found There is no page at “#/nope” in this browser. Go to the start page"
    ));
}

/// What the prerender writes into index.html is this same render: the
/// browser test (prerender.spec.ts) compares it with the app's first one.
#[test]
fn the_prerendered_start_page_is_the_start_page() {
    let ladder = l5();
    let (html, _) = page(state_for(ladder.clone(), fresh(&ladder), Route::Start));
    assert!(html.starts_with("<div class=\"l5-app\"><header class=\"app-bar\">"));
    assert!(
        !html.contains("<script"),
        "nothing runs from the prerendered page"
    );
}

/// Every screen has one obvious next step: never two primary buttons,
/// whatever has been answered.
#[test]
fn no_page_offers_two_primary_actions() {
    let ladder = l5();
    let first = ladder.sections[0].id.clone();
    let middle = ladder.sections[4].id.clone();
    let last = ladder.sections.last().unwrap().id.clone();
    let routes = [
        Route::Start,
        Route::Quick { section: None },
        Route::check(&first),
        Route::check(&last),
        Route::Rate {
            section: middle.clone(),
        },
        Route::Rate {
            section: last.clone(),
        },
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
        Route::Results {
            mode: Some(CheckMode::Full),
        },
        Route::Learn { section: None },
        Route::Learn {
            section: Some(first),
        },
        Route::Learn {
            section: Some(middle),
        },
        Route::Learn {
            section: Some(last),
        },
        Route::Data,
    ];
    let documents = [fresh(&ladder), quick_answered(&ladder, |_| Rating::Step(2))];
    for document in &documents {
        for route in &routes {
            let (html, _) = page(state_for(ladder.clone(), document.clone(), route.clone()));
            assert!(
                html.matches("button primary").count() <= 1,
                "{route:?} with {} answered offers more than one primary action",
                document.answers.rated()
            );
        }
    }
}
