//! A manager's 1:1: a report's own self-check kept beside the manager's
//! view of them (read-only, surviving merge, import, undo and reloads),
//! the agenda made from the two, where received answers go, what delete
//! means on a report's page, and the names of files.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::app::prerender::{context, render, state_for};
use l5_selfcheck::app::BUILT_IN_LADDER;
use l5_selfcheck::core::checks::{self, pairing, Pairing};
use l5_selfcheck::core::compare::{agenda, Agreement};
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{reconcile, Beside, Document, Rater, Rating};
use l5_selfcheck::core::engine::{Engine, Input, Widget};
use l5_selfcheck::core::keys::{prefs_key, CheckRef, DocKeys};
use l5_selfcheck::core::markdown::file_name;
use l5_selfcheck::core::route::{Compared, Route};
use l5_selfcheck::core::state::{Action, CheckChange, CheckInfo, NewCheck, Undo};
use l5_selfcheck::core::store::{MemoryStore, Store};
use std::rc::Rc;

const INSTANCE: &str = "main";
const NOW: u64 = 1_764_300_000_000;

fn l5() -> Rc<Ladder> {
    Rc::new(Ladder::parse(BUILT_IN_LADDER).unwrap())
}

fn widget() -> Widget {
    Widget {
        instance: INSTANCE.into(),
        tab: "t".into(),
        hash_routing: true,
        checkin_weeks: 8,
    }
}

fn open(store: &dyn Store, hash: &str, now: u64) -> Engine {
    Engine::start(store, widget(), l5(), hash, None, now, 0).0
}

fn act(engine: &mut Engine, store: &dyn Store, now: u64, action: Action) {
    engine.handle(store, now, Input::Act(action));
}

fn stored(store: &dyn Store, check: &CheckRef) -> Document {
    let raw = store
        .read(&DocKeys::new(INSTANCE, "l5", check).document)
        .unwrap()
        .expect("stored");
    Document::decode(&raw).unwrap()
}

/// Sam's own self-check, as Sam exports it.
fn sams_file() -> Document {
    let ladder = l5();
    let mut document = Document::new("l5", &ladder.version);
    document.subject = "Sam Rivera".into();
    for (i, statement) in ladder.statements.iter().take(10).enumerate() {
        document.set_rating(
            &statement.id,
            Rating::Step((i % 4) as u8),
            NOW - 5_000 + i as u64,
        );
    }
    document.set_note(
        &ladder.statements[0].id,
        "Led the <b>queue</b> design",
        NOW - 4_000,
    );
    document
}

/// A manager's page with a check about Sam, open at its start page.
fn manager_with_sam(store: &dyn Store) -> (Engine, CheckRef) {
    let mut engine = open(store, "#/", NOW);
    act(
        &mut engine,
        store,
        NOW + 1,
        Action::AddCheck(NewCheck {
            name: "Sam Rivera".into(),
            rater: Rater::Other {
                name: "Alex Chen".into(),
            },
            from: None,
            beside: None,
            then: Route::Start,
        }),
    );
    let check = engine.state().check.clone();
    assert!(matches!(check, CheckRef::Other(_)));
    (engine, check)
}

#[test]
fn a_reports_self_check_kept_beside_is_read_only_and_survives_rating_reload_import_and_merge() {
    let store = MemoryStore::new();
    let (mut engine, sam) = manager_with_sam(&store);
    let beside = Beside::received(&sams_file(), "\u{201c}sam.json\u{201d}", NOW + 2);
    act(
        &mut engine,
        &store,
        NOW + 2,
        Action::Attach {
            beside: Box::new(beside.clone()),
            to: sam.clone(),
        },
    );
    assert_eq!(
        engine.state().route,
        Route::Compare {
            with: Compared::Beside
        },
        "the agenda opens"
    );
    let kept = stored(&store, &sam).beside.expect("kept beside the check");
    assert_eq!(kept.answers, beside.answers);
    assert_eq!(kept.subject, "Sam Rivera");

    // The manager rates and writes notes: only their own view changes.
    let first = l5().statements[0].id.clone();
    act(
        &mut engine,
        &store,
        NOW + 3,
        Action::Rate {
            statement: 0,
            rating: Rating::Step(0),
        },
    );
    act(
        &mut engine,
        &store,
        NOW + 4,
        Action::Note {
            statement: 0,
            text: "Mostly Kai's".into(),
        },
    );
    act(
        &mut engine,
        &store,
        NOW + 5,
        Action::AgendaNotes("Ask about the queue".into()),
    );
    engine.handle(&store, NOW + 6, Input::NoteDue);
    let after = stored(&store, &sam);
    assert_eq!(
        after.beside.as_ref().unwrap().answers,
        beside.answers,
        "rating never writes the view beside"
    );
    assert_eq!(after.answers.get(&first).unwrap().note, "Mostly Kai's");
    assert_eq!(after.agenda.notes, "Ask about the queue");

    // A reload keeps the pairing and the notes.
    let reloaded = open(
        &store,
        &Route::Compare {
            with: Compared::Beside,
        }
        .href(&sam),
        NOW + 7,
    );
    assert_eq!(reloaded.state().document.beside, after.beside);
    assert_eq!(
        reloaded.state().document.agenda.notes,
        "Ask about the queue"
    );

    // Replacing the manager's answers (their own export from another
    // browser) leaves the view beside alone, and so does its undo.
    act(
        &mut engine,
        &store,
        NOW + 8,
        Action::Replace {
            answers: Default::default(),
            snapshots: Vec::new(),
            plan: None,
            what: "importing “alex.json”".into(),
        },
    );
    assert_eq!(stored(&store, &sam).beside, after.beside);
    act(&mut engine, &store, NOW + 9, Action::UndoReplace);
    assert_eq!(stored(&store, &sam).beside, after.beside);

    // Two copies merge: the view beside is kept; the later notes win.
    let mut other_tab = stored(&store, &sam);
    other_tab.set_agenda_notes("Later notes", NOW + 20);
    let mut this_tab = stored(&store, &sam);
    this_tab.set_agenda_notes("Earlier notes", NOW + 10);
    let (merged, _) = reconcile(&this_tab, Some(&other_tab), None, None);
    assert_eq!(merged.beside, after.beside);
    assert_eq!(merged.agenda.notes, "Later notes");
}

#[test]
fn a_newer_self_check_replaces_the_one_beside_and_undo_brings_the_older_back() {
    let store = MemoryStore::new();
    let (mut engine, sam) = manager_with_sam(&store);
    let older = Beside::received(&sams_file(), "older.json", NOW);
    let mut newer_file = sams_file();
    newer_file.set_rating(&l5().statements[20].id, Rating::Step(3), NOW + 50);
    let newer = Beside::received(&newer_file, "newer.json", NOW);
    act(
        &mut engine,
        &store,
        NOW + 2,
        Action::Attach {
            beside: Box::new(older),
            to: sam.clone(),
        },
    );
    act(
        &mut engine,
        &store,
        NOW + 3,
        Action::Attach {
            beside: Box::new(newer),
            to: sam.clone(),
        },
    );
    assert_eq!(stored(&store, &sam).beside.unwrap().from, "newer.json");
    let undo = engine
        .state()
        .undos
        .iter()
        .rev()
        .find(|p| matches!(p.undo, Undo::Beside { .. }))
        .map(|p| p.id)
        .expect("the replace of the view beside can be undone");
    act(&mut engine, &store, NOW + 4, Action::Undo(undo));
    assert_eq!(stored(&store, &sam).beside.unwrap().from, "older.json");
}

#[test]
fn a_self_check_attached_from_the_own_page_goes_to_the_check_about_that_person() {
    let store = MemoryStore::new();
    let (mut engine, sam) = manager_with_sam(&store);
    // Back to the own check, where a link from Sam was opened.
    engine.handle(&store, NOW + 3, Input::Address("#/".into()));
    act(
        &mut engine,
        &store,
        NOW + 3,
        Action::Rate {
            statement: 1,
            rating: Rating::Step(2),
        },
    );
    let own_before = stored(&store, &CheckRef::Own);
    act(
        &mut engine,
        &store,
        NOW + 4,
        Action::Attach {
            beside: Box::new(Beside::received(&sams_file(), "a shared link", NOW)),
            to: sam.clone(),
        },
    );
    assert_eq!(
        engine.state().check,
        sam,
        "Sam's check opens, at the agenda"
    );
    assert!(stored(&store, &sam).beside.is_some());
    assert_eq!(
        stored(&store, &CheckRef::Own),
        own_before,
        "the manager's own check is untouched"
    );
}

fn info(id: &str, name: &str) -> CheckInfo {
    CheckInfo {
        id: id.into(),
        name: name.into(),
        self_check: false,
        answered: 3,
        snapshots: 0,
        updated_at: 1,
        document: None,
    }
}

#[test]
fn received_answers_go_where_they_belong() {
    let checks = vec![info("c1", "Sam Rivera"), info("c2", "Priya Shah")];
    let own = Document::new("l5", "1");
    let mut about_sam = Document::new("l5", "1");
    about_sam.subject = "Sam Rivera".into();
    about_sam.rater = Rater::Other {
        name: "Alex Chen".into(),
    };
    let sam_ref = CheckRef::Other("c1".into());
    let sams = sams_file();
    // Sam's own file, opened on Sam's page: beside Sam's check.
    assert_eq!(
        pairing(&sams, &sam_ref, &about_sam, &checks),
        Pairing::Beside {
            check: sam_ref.clone(),
            name: "Sam Rivera".into()
        }
    );
    // Opened on the manager's own page: still Sam's check, found by name.
    assert_eq!(
        pairing(&sams, &CheckRef::Own, &own, &checks),
        Pairing::Beside {
            check: sam_ref.clone(),
            name: "Sam Rivera".into()
        }
    );
    // Opened on Priya's page: Sam's, never Priya's.
    let mut about_priya = about_sam.clone();
    about_priya.subject = "Priya Shah".into();
    assert_eq!(
        pairing(&sams, &CheckRef::Other("c2".into()), &about_priya, &checks),
        Pairing::Beside {
            check: sam_ref.clone(),
            name: "Sam Rivera".into()
        }
    );
    // Someone new: a check of their own.
    let mut kai = sams.clone();
    kai.subject = "Kai".into();
    assert_eq!(
        pairing(&kai, &CheckRef::Own, &own, &checks),
        Pairing::NewCheck { name: "Kai".into() }
    );
    // One's own export from another browser: a replace.
    let mut mine = sams.clone();
    mine.subject = String::new();
    assert_eq!(
        pairing(&mine, &CheckRef::Own, &own, &checks),
        Pairing::SameCheck
    );
    // The manager's own export of the check about Sam: a replace there.
    assert_eq!(
        pairing(&about_sam, &sam_ref, &about_sam, &checks),
        Pairing::SameCheck
    );
    // A manager's view of me, opened on my own page: beside my self-check.
    assert_eq!(
        pairing(&about_sam, &CheckRef::Own, &own, &[]),
        Pairing::Beside {
            check: CheckRef::Own,
            name: String::new()
        }
    );
}

#[test]
fn the_agenda_orders_sections_by_gap_names_agreements_and_folds_one_step_differences() {
    let ladder = l5();
    let (mut mine, mut theirs) = (Document::new("l5", "1"), Document::new("l5", "1"));
    let section_of = |id: &str| ladder.sections.iter().position(|s| s.id == id).unwrap();
    let (ownership, process, growth) = (
        section_of("ownership"),
        section_of("process"),
        section_of("growth"),
    );
    for statement in &ladder.statements {
        let (a, b) = if statement.section == ownership {
            (3, 3) // a strength both see
        } else if statement.section == process {
            (0, 0) // a growth area both see
        } else if statement.section == growth {
            (0, 3) // far apart
        } else {
            (1, 2) // one step apart
        };
        mine.set_rating(&statement.id, Rating::Step(a), 1);
        theirs.set_rating(&statement.id, Rating::Step(b), 1);
    }
    let view = agenda(&ladder, &mine, &theirs);
    // Growth has the largest gap: first.
    assert_eq!(view.sections[0].section, growth);
    assert_eq!(view.sections[0].gap, Some(3.0));
    let gaps: Vec<f64> = view
        .sections
        .iter()
        .filter_map(|s| s.gap)
        .map(f64::abs)
        .collect();
    assert!(
        gaps.windows(2).all(|w| w[0] >= w[1]),
        "largest gap first: {gaps:?}"
    );
    assert!(view.agreements.contains(&(ownership, Agreement::Strength)));
    assert!(view.agreements.contains(&(process, Agreement::Growth)));
    // Growth's statements are the topics; every other difference is one
    // step, gathered by section in ladder order.
    assert!(view
        .far
        .iter()
        .all(|p| ladder.statements[p.statement].section == growth));
    let sections: Vec<usize> = view.near.iter().map(|(s, _)| *s).collect();
    let mut sorted = sections.clone();
    sorted.sort();
    assert_eq!(sections, sorted);
    assert!(!sections.contains(&growth) && !sections.contains(&ownership));
    let near: usize = view.near.iter().map(|(_, p)| p.len()).sum();
    assert_eq!(
        view.far.len() + near + view.same + view.other.len(),
        ladder.statements.len()
    );
}

#[test]
fn a_reports_page_deletes_only_that_check_and_never_offers_to_touch_another() {
    let ladder = l5();
    let mut document = Document::new("l5", &ladder.version);
    document.subject = "Sam Rivera".into();
    document.rater = Rater::Other {
        name: "Alex Chen".into(),
    };
    let mut state = state_for(ladder.clone(), document, Route::Start);
    state.check = CheckRef::Other("c1".into());
    state.checks = Rc::new(vec![info("c1", "Sam Rivera"), info("c2", "Priya Shah")]);
    let html = render(context(state, "t", NOW));
    assert!(html.contains("Delete this check"), "{html}");
    assert!(!html.contains("Delete all data"));
    assert!(
        !html.contains("the check about Priya Shah"),
        "no button names another check"
    );

    // On one's own page: delete all, with counts.
    let mut own = state_for(
        ladder.clone(),
        Document::new("l5", &ladder.version),
        Route::Start,
    );
    own.checks = Rc::new(vec![info("c1", "Sam Rivera"), info("c2", "Priya Shah")]);
    let html = render(context(own, "t", NOW));
    assert!(html.contains("Delete all data"));
    assert!(
        html.contains(" the check about Priya Shah"),
        "each check can be deleted from here"
    );

    // The engine's delete of a check leaves the rest.
    let store = MemoryStore::new();
    let (mut engine, sam) = manager_with_sam(&store);
    act(
        &mut engine,
        &store,
        NOW + 2,
        Action::Rate {
            statement: 0,
            rating: Rating::Step(1),
        },
    );
    engine.handle(&store, NOW + 3, Input::Address("#/".into()));
    act(
        &mut engine,
        &store,
        NOW + 4,
        Action::Rate {
            statement: 0,
            rating: Rating::Step(3),
        },
    );
    let CheckRef::Other(id) = sam.clone() else {
        unreachable!()
    };
    act(
        &mut engine,
        &store,
        NOW + 5,
        Action::ChangeCheck {
            id,
            change: CheckChange::Delete,
        },
    );
    assert_eq!(
        stored(&store, &CheckRef::Own).answers.rated(),
        1,
        "the own check stays"
    );
    let (live, deleted) = checks::list(&store, INSTANCE, &ladder).unwrap();
    assert!(live.is_empty() && deleted.len() == 1);
}

#[test]
fn the_raters_name_is_remembered_in_this_browser() {
    let store = MemoryStore::new();
    let (engine, _) = manager_with_sam(&store);
    assert_eq!(engine.state().rater_name, "Alex Chen");
    let raw = store.read(&prefs_key(INSTANCE)).unwrap().unwrap();
    assert!(raw.contains("Alex Chen"), "{raw}");
    let again = open(&store, "#/", NOW + 10);
    assert_eq!(again.state().rater_name, "Alex Chen");
}

#[test]
fn file_names_say_which_ladder_whose_check_who_rated_and_what() {
    let mut sam = sams_file();
    assert_eq!(
        file_name("l5", &sam, "", "2026-12-02", "json"),
        "l5-selfcheck-l5-sam-rivera-self-check-2026-12-02.json"
    );
    sam.rater = Rater::Other {
        name: "Alex Chen".into(),
    };
    assert_eq!(
        file_name("ui", &sam, "agenda", "2026-12-02", "md"),
        "l5-selfcheck-ui-sam-rivera-by-alex-chen-agenda-2026-12-02.md"
    );
    let mut odd = Document::new("l5", "1");
    odd.subject = "\u{200f}Zoë <script>\n".into();
    assert_eq!(
        file_name("l5", &odd, "", "2026-12-02", "json"),
        "l5-selfcheck-l5-zo-script-self-check-2026-12-02.json"
    );
}

/// Issue 27: the agenda's first line said 0 statements were answered by
/// one side only or "not sure" while the fold below held 4 (a "not sure"
/// on one side was counted as answered by both).
#[test]
fn the_agendas_first_line_adds_up_and_agrees_with_its_fold() {
    use l5_selfcheck::core::markdown::agenda_counts;
    let ladder = l5();
    let (mut mine, mut theirs) = (
        Document::new("l5", &ladder.version),
        Document::new("l5", &ladder.version),
    );
    let ids: Vec<String> = ladder
        .statements
        .iter()
        .take(6)
        .map(|s| s.id.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        mine.set_rating(id, Rating::Step(2), 1);
        match i {
            0 => theirs.set_rating(id, Rating::Step(2), 1),
            1 => theirs.set_rating(id, Rating::Step(0), 1),
            2 => theirs.set_rating(id, Rating::Step(3), 1),
            3 | 4 => theirs.set_rating(id, Rating::Unsure, 1),
            _ => {}
        }
    }
    let view = agenda(&ladder, &mine, &theirs);
    assert_eq!(
        view.other.len(),
        3,
        "two 'not sure' and one answered by one side"
    );
    assert_eq!(
        agenda_counts(&view),
        "3 statements rated by both: 1 alike, 1 two or more steps apart, 1 one step apart; 3 answered by one side only or as \u{201c}not sure\u{201d}."
    );
}

/// Issue 27: a report's own agenda, with her manager's view kept beside
/// it, spoke of her in the third person ("they"). It reads as her own
/// check does.
#[test]
fn a_reports_own_agenda_speaks_in_the_first_person() {
    let ladder = l5();
    let mut own = Document::new("l5", &ladder.version);
    let mut managers = Document::new("l5", &ladder.version);
    managers.subject = "Sam Rivera".into();
    managers.rater = Rater::Other {
        name: "Alex Chen".into(),
    };
    for (i, statement) in ladder.statements.iter().take(6).enumerate() {
        own.set_rating(&statement.id, Rating::Step(0), 1);
        managers.set_rating(
            &statement.id,
            Rating::Step(if i % 2 == 0 { 3 } else { 0 }),
            1,
        );
    }
    own.set_beside(Beside::received(&managers, "from-alex.json", 2), 2);
    let far = ladder.statements[0].clone();
    let state = state_for(
        ladder.clone(),
        own.clone(),
        Route::Compare {
            with: Compared::Beside,
        },
    );
    let html = render(context(state, "t", NOW));
    assert!(
        html.contains(far.text.as_str()),
        "first person: {}",
        far.text
    );
    let third = far
        .they_text
        .clone()
        .expect("the L5 statements have a third-person wording");
    assert!(!html.contains(third.as_str()), "not about someone: {third}");
    let md = l5_selfcheck::core::markdown::agenda(
        &ladder,
        ("You", &own),
        ("Alex Chen", &own.beside.as_ref().unwrap().as_document("l5")),
        "",
        &[],
        0,
    );
    assert!(md.contains(far.text.as_str()), "{md}");
}

/// Issue 27: a manager's start page listed each report with a count and
/// nothing else. The team rows say, per person, whether their self-check
/// is here, the last 1:1, open and overdue agreed actions, the largest gap
/// and the next step; each order puts who needs attention first.
#[test]
fn the_team_table_gives_each_person_their_next_step() {
    use l5_selfcheck::core::team::{self, Next, SortBy};
    let ladder = l5();
    let day = 86_400_000;
    let statements_in = |section: usize| -> Vec<String> {
        ladder
            .statements
            .iter()
            .filter(|s| {
                s.section == section && s.kind == l5_selfcheck::core::content::Kind::Expectation
            })
            .map(|s| s.id.clone())
            .collect()
    };
    // Jo: both views, Impact two steps apart, an agreed action overdue.
    let mut jo = Document::new(&ladder.id, &ladder.version);
    jo.subject = "Jo".into();
    jo.rater = Rater::Other {
        name: "Alex".into(),
    };
    let mut jos_own = Document::new(&ladder.id, &ladder.version);
    jos_own.subject = "Jo".into();
    for section in [1, 2] {
        for id in statements_in(section) {
            jo.set_rating(&id, Rating::Step(1), NOW);
            jos_own.set_rating(&id, Rating::Step(if section == 2 { 3 } else { 1 }), NOW);
        }
    }
    jo.set_beside(Beside::received(&jos_own, "jo.json", NOW + day), NOW + day);
    let first = ladder.statements[0].id.clone();
    jo.add_focus(
        &first,
        "Lead the design review",
        "2026-01-05",
        "",
        "Agreed in the 1:1 of 2025-12-01",
        NOW + 2 * day,
    )
    .unwrap();
    // Sam: nothing yet. Kim: rated, no self-check.
    let mut sam = Document::new(&ladder.id, &ladder.version);
    sam.subject = "Sam".into();
    let mut kim = Document::new(&ladder.id, &ladder.version);
    kim.subject = "Kim".into();
    kim.set_rating(&first, Rating::Step(2), NOW + 3 * day);
    let row = |id: &str, document: Option<Document>| CheckInfo {
        id: id.into(),
        name: document
            .as_ref()
            .map(|d| d.subject.clone())
            .unwrap_or_default(),
        self_check: false,
        answered: 0,
        snapshots: 0,
        updated_at: document.as_ref().map_or(0, |d| d.updated_at),
        document: document.map(Rc::new),
    };
    let checks = vec![
        row("c1", Some(jo)),
        row("c2", Some(kim)),
        row("c3", Some(sam)),
        row("c4", None),
    ];
    let mut members = team::team(&ladder, &checks, "2026-02-01");
    let next: Vec<Next> = members.iter().map(|m| m.next).collect();
    assert_eq!(
        next,
        vec![
            Next::FollowUp(1),
            Next::AskForSelfCheck,
            Next::Rate,
            Next::Open
        ]
    );
    let jo = &members[0];
    assert_eq!(jo.self_check, Some(NOW));
    assert_eq!((jo.open_actions, jo.overdue), (1, 1));
    assert_eq!(jo.last_one_on_one, Some(NOW + 2 * day));
    let gap = jo.largest_gap.expect("both views rate Impact");
    assert_eq!(gap.section, 2);
    assert!((gap.steps - 2.0).abs() < 1e-9, "{gap:?}");
    assert_eq!(
        team::gap_words(&ladder, jo.largest_gap),
        format!("{}: their self-check 2.0 higher", ladder.sections[2].title)
    );
    // Not overdue yet, the 1:1 is ready to prepare.
    assert_eq!(
        team::team(&ladder, &checks, "2026-01-05")[0].next,
        Next::Prepare
    );

    team::sort(&mut members, SortBy::Gap);
    assert_eq!(members[0].label, "Jo", "the largest gap first");
    team::sort(&mut members, SortBy::LastChange);
    assert_eq!(
        (members[0].label.as_str(), members[1].label.as_str()),
        ("Sam", "A check that cannot be read"),
        "never changed first, in the order listed"
    );
    team::sort(&mut members, SortBy::Actions);
    assert_eq!(members[0].label, "Jo", "overdue actions first");
    // By name: as listed (the engine lists checks in name order).
    let mut members = team::team(&ladder, &checks, "2026-02-01");
    team::sort(&mut members, SortBy::Name);
    let names: Vec<&str> = members.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        names,
        vec!["Jo", "Kim", "Sam", "A check that cannot be read"]
    );
    team::sort(&mut members, SortBy::LastOneOnOne);
    assert_eq!(members[3].label, "Jo", "a 1:1 held: after those never held");

    let md = team::markdown(&ladder, &members, 0, "2026-02-01");
    let jo_line = md.lines().find(|l| l.starts_with("| Jo |")).expect(&md);
    assert!(jo_line.contains("1 open, 1 overdue"), "{jo_line}");
    assert!(
        jo_line.contains("Follow up on 1 agreed action past its date"),
        "{jo_line}"
    );
    assert!(md.contains("| Sam | not yet |"), "{md}");
    assert!(
        md.contains("no answers and no notes"),
        "the file says what it holds"
    );
}
