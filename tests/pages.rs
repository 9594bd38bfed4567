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
    let html = render(context(state, "t", NOW));
    let read = text(&html);
    (html, read)
}

/// When the pages render (`page`), and a day before: answers given then
/// are recent, not a check-in away.
const NOW: u64 = 1_764_300_000_000;
const RECENTLY: u64 = NOW - 86_400_000;

fn fresh(ladder: &Rc<Ladder>) -> Document {
    Document::new(&ladder.id, &ladder.version)
}

fn quick_answered(ladder: &Rc<Ladder>, rating: impl Fn(usize) -> Rating) -> Document {
    let mut document = fresh(ladder);
    for (n, statement) in ladder.statements.iter().filter(|s| s.quick).enumerate() {
        document.set_rating(&statement.id, rating(n), RECENTLY + n as u64);
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
    assert!(read.contains("The quick check is done: all 13 answered. Continue with the full check See the quick results"), "{read}");
    assert_eq!(html.matches("button primary").count(), 1);
    assert!(
        html.contains("href=\"#/check/overview/overview.production-ready\""),
        "the full check opens at its first unanswered statement"
    );
}

/// Back after a while: the start page says how old the answers are and
/// offers a check-in that starts from them.
#[test]
fn answers_older_than_eight_weeks_are_offered_a_check_in() {
    let ladder = l5();
    let mut old = quick_answered(&ladder, |_| Rating::Step(2));
    for statement in ladder.statements.iter().filter(|s| s.quick) {
        let answer = old.answers.get_mut(&statement.id).unwrap();
        answer.rated_at = NOW - 9 * 7 * 86_400_000;
    }
    let (html, read) = page(state_for(ladder.clone(), old, Route::Start));
    assert!(
        read.contains(
            "Your answers are from 2025-09-26, 9 weeks ago. A check-in goes through them again"
        ),
        "{read}"
    );
    assert!(
        html.contains("<a href=\"#/quick\" class=\"button primary\">Start a check-in"),
        "{html}"
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
    assert_eq!(html.matches("class=\"statement").count(), 13);
    assert!(read.contains("0 of 13 statements answered"));
    assert!(
        html.contains("<label for=\"t-progress\">"),
        "the progress bar has a name"
    );
    assert!(
        read.contains("What the answers mean for habits to avoid"),
        "the habit scale has its own key"
    );
    assert!(read.contains("Rarely Sometimes Often Almost always Not sure / doesn't apply"));
    // The key lists only what the page offers: no quick statement offers
    // "not part of my role".
    assert!(!read.contains("Not part of my role"), "{read}");
}

#[test]
fn statements_read_right_for_the_person_rated() {
    let ladder = l5();
    let mut state = state_for(ladder.clone(), fresh(&ladder), Route::check("overview"));
    let (_, mine) = page(state.clone());
    assert!(mine
        .contains("When my team designs a complex system, I take a leading part in its design."));
    state.check = CheckRef::Other("c1".into());
    let mut about = fresh(&ladder);
    about.subject = "Alex Kim".into();
    about.rater = Rater::Other { name: "Sam".into() };
    state.document = Rc::new(about);
    let (html, theirs) = page(state);
    assert!(theirs.contains(
        "When their team designs a complex system, they take a leading part in its design."
    ));
    // The answer key and the options read in the third person too.
    assert!(
        theirs.contains("They do this now and then, but it is not a habit yet."),
        "{theirs}"
    );
    assert!(!theirs.contains("I do this now and then"));
    assert!(
        theirs.contains("Senior engineer (L5) · check about Alex Kim"),
        "the header says whose check"
    );
    assert!(
        html.contains("href=\"#/p/c1/check/responsibilities\""),
        "links stay in this check"
    );
    // A manager's evidence prompt, not the first-person one.
    assert!(
        theirs.contains("For the last complex system their team designed, which design decisions did they drive"),
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
    assert!(!read.contains("Stronger than the rest"));
    assert!(!read.to_lowercase().contains("lowest-rated"));
    assert!(
        !read.contains("Ideas for your lowest answers"),
        "no answer is low"
    );
    assert!(read.contains("Ideas to choose a focus from"));
}

#[test]
fn one_low_section_is_the_only_growth_area_and_its_low_statements_are_named() {
    let ladder = l5();
    let mut document = fresh(&ladder);
    for statement in &ladder.statements {
        let low = ladder.sections[statement.section].id == "process";
        document.set_rating(
            &statement.id,
            Rating::Step(if low { 0 } else { 3 }),
            RECENTLY,
        );
    }
    let (html, read) = page(state_for(
        ladder.clone(),
        document.clone(),
        Route::Results {
            mode: Some(CheckMode::Full),
        },
    ));
    assert!(
        read.contains(
            "Where to grow next Process (average 0.0) Process, answered below the middle:"
        ),
        "{read}"
    );
    // Its own ideas, not a general list for the section.
    assert!(read.contains("Ideas for your lowest answers"), "{read}");
    let idea = &ladder.statements[ladder.statement_index("process.improve").unwrap()].ideas[0];
    assert!(read.contains(idea.as_str()), "{idea}");
    assert!(
        html.contains("href=\"#/check/process/process.improve\""),
        "the statement links back"
    );
    assert!(read.contains("No section stands clearly above the middle."));
}

/// Issue 27: the quick check asks one statement in most sections; one
/// answer is not a section, so none of those is named, and the page says
/// why.
#[test]
fn a_section_resting_on_one_rated_answer_is_never_named() {
    let ladder = l5();
    let mut document = quick_answered(&ladder, |_| Rating::Step(3));
    document.set_rating("process.improve", Rating::Step(0), 99);
    let (_, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
    ));
    assert!(!read.contains("Where to grow next"), "{read}");
    assert!(
        read.contains("Overview, Ownership, Process, Culture, Communication, Growth and Leadership rest on one rated answer each: too few to name as a strength or a growth area. The full check asks more in each."),
        "{read}"
    );
    assert!(
        read.contains("This rests on 12 rated answers of the 12 statements of this check."),
        "{read}"
    );
}

#[test]
fn a_section_with_only_unscored_answers_is_marked_not_answered() {
    let ladder = l5();
    let mut document = quick_answered(&ladder, |_| Rating::Step(2));
    document.set_rating("culture.own-mistakes", Rating::Unsure, 100);
    let (html, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
    ));
    assert!(
        read.contains("Culture Not answered 0 0 0 0 1 0 of 1"),
        "{read}"
    );
    assert!(
        html.contains("bar-label unanswered"),
        "the chart marks it too"
    );
    assert!(read.contains("Culture not answered"), "{read}");
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
    assert!(read.contains("Alex’s self-check: 1 rating,"), "{read}");
    assert!(
        read.contains(
            "When my team designs a complex system, I take a leading part in its design. Consistently"
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
    assert!(read.contains("What moved since 1970-01-01"), "{read}");
    assert!(
        read.contains("1 answer moved the good way, 0 the other way, and 1 newly answered."),
        "{read}"
    );
    assert!(
        read.contains("Overview 0.0 1.5 Up 1.5 (the good way)"),
        "{read}"
    );
    assert!(read.contains("Moved the good way (1)"));
    assert!(read.contains("Newly answered, or now not sure (1)"));
    assert!(
        !read.contains("today's statements"),
        "nothing retired, nothing to explain"
    );
}

/// Issue 25: "What moved" re-scored an old snapshot on the new statements
/// without a word. It says so now when the snapshot holds answers to
/// statements since removed.
#[test]
fn what_moved_says_it_reads_a_snapshot_on_todays_statements() {
    let ladder = l5();
    let mut document = fresh(&ladder);
    document.set_rating("overview.lead-design", Rating::Step(0), 1);
    document.set_rating("governance.retention", Rating::Step(3), 1);
    document.take_snapshot(2, 2, SnapshotKind::Saved, "");
    document.set_rating("overview.lead-design", Rating::Step(2), 3);
    let (_, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Compare {
            with: Compared::Snapshot(2),
        },
    ));
    assert!(
        read.contains("Both columns read the answers on today's statements. Answers given to a reworded or replaced statement count on the statement that took its place; 1 answer to statements since removed from the ladder is left out"),
        "{read}"
    );
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

/// Issue 25: when a check-in is offered and where it starts were decided
/// by the start page; now the state decides (`State::check_in_due`), on
/// the dates the answers were given.
#[test]
fn a_check_in_is_due_from_the_interval_after_the_answers_were_given() {
    use l5_selfcheck::core::state::WEEK_MS;
    let ladder = l5();
    let given = NOW - 8 * WEEK_MS;
    let mut document = quick_answered(&ladder, |_| Rating::Step(2));
    for statement in ladder.statements.iter().filter(|s| s.quick) {
        document.answers.get_mut(&statement.id).unwrap().rated_at = given;
    }
    let state = state_for(ladder.clone(), document.clone(), Route::Start);
    assert_eq!(
        state.check_in_due(NOW - 1, 8),
        None,
        "a moment before eight weeks"
    );
    let due = state.check_in_due(NOW, 8).expect("due at eight weeks");
    assert_eq!((due.answered_at, due.weeks), (given, 8));
    assert_eq!(due.start, Route::Quick { section: None });
    assert_eq!(state.check_in_due(NOW, 12), None, "a longer interval");
    // Issue 27: 62.9 days read "8 weeks ago"; said to the nearest week.
    let later = given + 629 * 86_400_000 / 10;
    assert_eq!(state.check_in_due(later, 8).map(|d| d.weeks), Some(9));
    // Restored by an undo, the answers keep the date they were given.
    for statement in ladder.statements.iter().filter(|s| s.quick) {
        let answer = document.answers.get_mut(&statement.id).unwrap();
        answer.given_at = Some(given);
        answer.rated_at = NOW - 1000;
    }
    let state = state_for(ladder.clone(), document, Route::Start);
    assert!(state.check_in_due(NOW, 8).is_some());
    // Nothing answered: nothing to check in on.
    let state = state_for(ladder.clone(), fresh(&ladder), Route::Start);
    assert_eq!(state.check_in_due(NOW, 0), None);
}

/// Issue 27: a check-in looked exactly like the full check. The state
/// says when one is due or under way, from which answers, and how many
/// changed since; finishing the check ends it.
#[test]
fn a_check_in_says_which_answers_it_compares_with_and_how_many_changed() {
    use l5_selfcheck::core::document::SnapshotKind;
    use l5_selfcheck::core::state::{CheckIn, WEEK_MS};
    let ladder = l5();
    let given = NOW - 9 * WEEK_MS;
    let mut document = quick_answered(&ladder, |_| Rating::Step(2));
    for statement in ladder.statements.iter().filter(|s| s.quick) {
        document.answers.get_mut(&statement.id).unwrap().rated_at = given;
    }
    let state = state_for(ladder.clone(), document.clone(), Route::Start);
    assert_eq!(
        state.check_in(NOW, 8),
        Some(CheckIn {
            since: given,
            kept: false,
            changed: 0
        }),
        "due: nothing kept or changed yet"
    );
    assert!(state.check_in(NOW, 12).is_none(), "not due, not under way");
    // The first change keeps the baseline, dated when its answers were given.
    assert!(document.keep_baseline_before_change(NOW, 8 * WEEK_MS));
    let quick: Vec<_> = ladder.statements.iter().filter(|s| s.quick).collect();
    document.set_rating(&quick[0].id, Rating::Step(3), NOW);
    document.set_rating(&quick[1].id, Rating::Step(2), NOW);
    let state = state_for(ladder.clone(), document.clone(), Route::Start);
    let check_in = state.check_in(NOW, 8).expect("under way");
    assert_eq!(
        (check_in.since, check_in.kept, check_in.changed),
        (given, true, 1),
        "the same rating given again is no change"
    );
    // Finished, the check-in is over.
    document.take_snapshot(NOW, NOW, SnapshotKind::Quick, "");
    let state = state_for(ladder.clone(), document, Route::Start);
    assert_eq!(state.check_in(NOW, 8), None);
}

/// Issue 25: which delete the open check's "Delete…" sends, and when a
/// replace's Undo shows, were decided by components.
#[test]
fn the_state_says_which_delete_a_check_takes_and_when_a_replace_can_be_undone() {
    use l5_selfcheck::core::state::{Action, CheckChange};
    let ladder = l5();
    let own = state_for(ladder.clone(), fresh(&ladder), Route::Start);
    assert_eq!(own.delete_open_check(), Action::DeleteAll);
    let mut someone = state_for(ladder.clone(), fresh(&ladder), Route::Start);
    someone.check = CheckRef::Other("c1".into());
    assert_eq!(
        someone.delete_open_check(),
        Action::ChangeCheck {
            id: "c1".into(),
            change: CheckChange::Delete
        }
    );
    let mut document = quick_answered(&ladder, |_| Rating::Step(1));
    let file = quick_answered(&ladder, |_| Rating::Step(3)).answers;
    document.replace_answers(&file, None, "importing \u{201c}x.json\u{201d}", NOW);
    let state = state_for(ladder.clone(), document, Route::Start);
    assert!(state.replace_undo().is_some());
    let mut read_only = state.clone();
    read_only.persistence = l5_selfcheck::core::sync::Persistence::ReadOnly { schema: 9 };
    assert!(
        read_only.replace_undo().is_none(),
        "not where nothing can be written"
    );
}

/// Issue 27: the ideas list showed eight low answers and said nothing of
/// the rest. The rest fold under their count.
#[test]
fn every_low_answer_has_its_ideas_the_rest_folded_with_a_count() {
    let ladder = l5();
    let mut document = fresh(&ladder);
    let expectations: Vec<_> = ladder
        .statements
        .iter()
        .filter(|s| s.kind == l5_selfcheck::core::content::Kind::Expectation)
        .collect();
    for statement in &expectations {
        document.set_rating(&statement.id, Rating::Step(0), RECENTLY);
    }
    let (html, read) = page(state_for(
        ladder.clone(),
        document,
        Route::Results {
            mode: Some(CheckMode::Full),
        },
    ));
    let more = expectations.len() - 8;
    assert!(read.contains(&format!("{more} more low answers")), "{read}");
    assert_eq!(
        html.matches("<li class=\"card\">").count(),
        expectations.len(),
        "every low answer has its card"
    );
}

/// Issue 27: two snapshots of one day could not be told apart, and the
/// history did not say what each was.
#[test]
fn the_history_says_what_each_snapshot_is_and_tells_one_day_apart() {
    let ladder = l5();
    let mut document = quick_answered(&ladder, |_| Rating::Step(2));
    let day = NOW - 3 * 86_400_000;
    let day = day - day % 86_400_000;
    document.take_snapshot(
        day + 9 * 3_600_000,
        day + 9 * 3_600_000,
        SnapshotKind::Quick,
        "",
    );
    document.take_snapshot(
        day + 15 * 3_600_000 + 5 * 60_000,
        day + 15 * 3_600_000 + 5 * 60_000,
        SnapshotKind::Saved,
        "",
    );
    document.take_snapshot(
        NOW - 86_400_000,
        NOW - 86_400_000,
        SnapshotKind::Baseline,
        "",
    );
    let (_, read) = page(state_for(ladder.clone(), document, Route::Data));
    let date = l5_selfcheck::core::time::date(day);
    assert!(
        read.contains(&format!(
            "{date} at 09:00 (quick check finished): 13 answers."
        )),
        "{read}"
    );
    assert!(read.contains(&format!("{date} at 15:05 (saved)")), "{read}");
    assert!(
        read.contains(&format!("Compare {date} at 15:05 with now")),
        "{read}"
    );
    let other = l5_selfcheck::core::time::date(NOW - 86_400_000);
    assert!(
        read.contains(&format!("{other} (before a check-in)")),
        "{read}"
    );
}

/// Issue 27: results after a check-in did not mention it. They link to
/// what moved since, once an answer changed.
#[test]
fn results_after_a_check_in_link_to_what_moved() {
    let ladder = l5();
    let mut document = quick_answered(&ladder, |_| Rating::Step(1));
    let then = NOW - 10 * 7 * 86_400_000;
    document.take_snapshot(then, then, SnapshotKind::Baseline, "");
    let results = Route::Results {
        mode: Some(CheckMode::Quick),
    };
    let (_, read) = page(state_for(ladder.clone(), document.clone(), results.clone()));
    assert!(!read.contains("What moved since"), "nothing moved yet");
    document.set_rating("process.improve", Rating::Step(3), RECENTLY + 100);
    let (html, read) = page(state_for(ladder.clone(), document, results));
    let date = l5_selfcheck::core::time::date(then);
    assert!(read.contains(&format!("What moved since {date}")), "{read}");
    assert!(
        html.contains(&format!("href=\"#/compare/snapshot/{then}\"")),
        "{html}"
    );
}

/// Issue 27: a focus past its date looked like one still ahead.
#[test]
fn a_focus_past_its_date_is_marked_overdue() {
    let ladder = l5();
    let mut document = quick_answered(&ladder, |_| Rating::Step(1));
    let id = ladder.statements[0].id.clone();
    document
        .add_focus(&id, "Pair on it", "2020-01-31", "", "", RECENTLY)
        .unwrap();
    let future = ladder.statements[1].id.clone();
    document
        .add_focus(&future, "Write it up", "2999-01-31", "", "", RECENTLY + 1)
        .unwrap();
    let (html, read) = page(state_for(ladder.clone(), document.clone(), Route::Start));
    assert!(
        read.contains("Pair on it (by 2020-01-31) Overdue"),
        "{read}"
    );
    assert_eq!(
        html.matches("class=\"overdue\"").count(),
        1,
        "only the one past its date"
    );
    let item = document.plan.iter().find(|i| i.statement == id).unwrap();
    assert!(
        item.overdue("2020-02-01") && !item.overdue("2020-01-31"),
        "due that day is not overdue yet"
    );
}

/// Issue 27: the chart cut section titles longer than about 26 characters
/// ("Pipelines, orchestration and reliability" started at x = -63). Labels
/// wrap at spaces, and a word longer than a line is cut with a hyphen.
#[test]
fn chart_labels_wrap_instead_of_running_off_the_chart() {
    use l5_selfcheck::app::components::chart::wrap;
    assert_eq!(
        wrap("Pipelines, orchestration and reliability", 24),
        vec!["Pipelines, orchestration", "and reliability"]
    );
    assert_eq!(wrap("Impact", 24), vec!["Impact"]);
    assert_eq!(
        wrap("Datenpipelinezuverlässigkeitsprüfung", 12),
        vec!["Datenpipeli-", "nezuverläss-", "igkeitsprüf-", "ung"]
    );
    for line in wrap(
        "Pipelines und Zuverlässigkeit im Betrieb der Datenplattform",
        24,
    ) {
        assert!(line.chars().count() <= 24, "{line}");
    }
    assert_eq!(wrap("", 24), vec![""]);
}
