//! What leaves the browser: a file carries what the person ticked and
//! says what it holds; a manager's file for a report carries the agreed
//! actions and nothing private unless ticked; a note erased before sending
//! is in no part of it; a backup holds every check and brings each back.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::app::BUILT_IN_LADDER;
use l5_selfcheck::core::content::Ladder;
use l5_selfcheck::core::document::{Beside, Document, Rater, Rating};
use l5_selfcheck::core::engine::{Effect, Engine, Input, Widget};
use l5_selfcheck::core::exchange::{
    holds, outgoing, read_incoming, Backup, Contents, Incoming, PlanPart,
};
use l5_selfcheck::core::keys::{CheckRef, DocKeys};
use l5_selfcheck::core::route::Route;
use l5_selfcheck::core::state::{Action, NewCheck, Undo};
use l5_selfcheck::core::store::{MemoryStore, Store};
use std::rc::Rc;

const INSTANCE: &str = "main";
const NOW: u64 = 1_764_300_000_000;
const DAY: u64 = 24 * 3_600_000;

fn l5() -> Rc<Ladder> {
    Rc::new(Ladder::parse(BUILT_IN_LADDER).unwrap())
}

fn open(store: &dyn Store, hash: &str, now: u64) -> Engine {
    let widget = Widget {
        instance: INSTANCE.into(),
        tab: "t".into(),
        hash_routing: true,
        checkin_weeks: 8,
    };
    Engine::start(store, widget, l5(), hash, None, now, 0).0
}

fn act(engine: &mut Engine, store: &dyn Store, now: u64, action: Action) -> Vec<Effect> {
    engine.handle(store, now, Input::Act(action))
}

/// A manager's check about Sam after a 1:1: ratings with evidence notes,
/// a note typed then erased after a finished check kept it in the history,
/// 1:1 notes, Sam's own self-check beside it, one agreed action and one
/// focus item of the manager's own.
fn managers_check() -> Document {
    let ladder = l5();
    let mut document = Document::new("l5", &ladder.version);
    document.subject = "Sam Rivera".into();
    document.rater = Rater::Other {
        name: "Alex Chen".into(),
    };
    let ids: Vec<String> = ladder.statements.iter().map(|s| s.id.clone()).collect();
    for (i, id) in ids.iter().take(6).enumerate() {
        document.set_rating(id, Rating::Step((i % 4) as u8), NOW - 10 * DAY + i as u64);
    }
    document.set_note(
        &ids[0],
        "Private: struggled in the incident review",
        NOW - 9 * DAY,
    );
    document.set_note(&ids[1], "Erased before sending", NOW - 9 * DAY);
    document.take_snapshot(
        NOW - 8 * DAY,
        NOW - 8 * DAY,
        l5_selfcheck::core::document::SnapshotKind::Saved,
        "",
    );
    document.set_note(&ids[1], "", NOW - 7 * DAY);
    document.set_agenda_notes("Talk about the promotion timeline", NOW - DAY);
    let mut sams = Document::new("l5", &ladder.version);
    sams.subject = "Sam Rivera".into();
    sams.set_rating(&ids[0], Rating::Step(3), NOW - 20 * DAY);
    sams.set_note(&ids[0], "Sam's own note", NOW - 20 * DAY);
    document.set_beside(
        Beside::received(&sams, "sam.json", NOW - 5 * DAY),
        NOW - 5 * DAY,
    );
    document
        .add_focus(
            &ids[2],
            "Pair on the next design review",
            "2027-01-31",
            "",
            "Agreed in the 1:1 of 2026-12-06",
            NOW - DAY,
        )
        .unwrap();
    document
        .add_focus(&ids[3], "My own idea for Sam", "", "", "", NOW - DAY + 1)
        .unwrap();
    document
}

#[test]
fn a_managers_file_for_the_report_carries_only_the_agreed_action_until_more_is_ticked() {
    let document = managers_check();
    let sent = outgoing(&document, Contents::TO_SUBJECT);
    assert_eq!(sent.answers.given(), 0, "no ratings, no notes");
    assert_eq!(sent.plan.len(), 1);
    assert_eq!(sent.plan[0].step, "Pair on the next design review");
    assert!(sent.snapshots.is_empty());
    assert!(sent.agenda.is_empty());
    assert!(sent.beside.is_none());
    assert!(sent.replaced.is_none());
    let text = sent.encode();
    for private in [
        "Private: struggled",
        "Erased before sending",
        "Talk about the promotion",
        "Sam's own note",
        "My own idea for Sam",
    ] {
        assert!(!text.contains(private), "{private} must not be in the file");
    }
    assert_eq!(holds(&sent), "1 agreed action");

    // Ratings ticked: the ratings go, still without a single note.
    let with_ratings = outgoing(
        &document,
        Contents {
            ratings: true,
            ..Contents::TO_SUBJECT
        },
    );
    assert_eq!(with_ratings.answers.rated(), 6);
    assert_eq!(with_ratings.answers.noted(), 0);
    assert_eq!(holds(&with_ratings), "6 ratings and 1 agreed action");
    assert!(!with_ratings.encode().contains("Private"));
}

#[test]
fn an_erased_note_is_in_no_file_unless_the_history_and_its_notes_are_ticked() {
    let document = managers_check();
    let everything_but_history = outgoing(
        &document,
        Contents {
            history: false,
            ..Contents::ALL
        },
    );
    assert!(!everything_but_history
        .encode()
        .contains("Erased before sending"));
    let history_without_notes = outgoing(
        &document,
        Contents {
            notes: false,
            ..Contents::ALL
        },
    );
    assert_eq!(history_without_notes.snapshots.len(), 1);
    assert!(!history_without_notes
        .encode()
        .contains("Erased before sending"));
    assert!(!history_without_notes.encode().contains("Private"));
    // Everything ticked is everything: the history keeps what it kept.
    let all = outgoing(&document, Contents::ALL);
    assert!(all.encode().contains("Erased before sending"));
    assert_eq!(all.plan.len(), 2);
    assert_eq!(
        holds(&all),
        "6 ratings, 1 note, 1 agreed action, 1 focus item, 1 snapshot of earlier answers with their notes, the 1:1 notes and Sam Rivera\u{2019}s own self-check (1 answer, 1 note)"
    );
    let agreed_only = outgoing(
        &document,
        Contents {
            plan: PlanPart::Agreed,
            ..Contents::ALL
        },
    );
    assert_eq!(agreed_only.plan.len(), 1);
}

#[test]
fn what_a_file_holds_is_read_back_the_same_after_import() {
    let document = managers_check();
    let sent = outgoing(&document, Contents::TO_SUBJECT);
    let Ok(Incoming::Check(received)) = read_incoming(&l5(), &sent.encode()) else {
        panic!("the file reads back as one check");
    };
    assert_eq!(holds(&received), holds(&sent));
}

#[test]
fn a_backup_holds_every_check_and_reads_back_whole() {
    let own = {
        let mut d = Document::new("l5", "x");
        d.set_rating(&l5().statements[0].id, Rating::Step(2), NOW - 3 * DAY);
        d
    };
    let backup = Backup {
        ladder: "l5".into(),
        made_at: NOW,
        own: own.clone(),
        others: vec![managers_check()],
    };
    let text = backup.encode();
    let Ok(Incoming::Backup(read)) = read_incoming(&l5(), &text) else {
        panic!("a backup reads back as a backup");
    };
    assert_eq!(read.own, own);
    assert_eq!(read.others.len(), 1);
    assert_eq!(read.others[0].answers, managers_check().answers);
    assert_eq!(read.others[0].agenda, managers_check().agenda);
    assert!(backup.describe().contains("the check about Sam Rivera"));

    let newer = text.replacen("\"backup\":1", "\"backup\":2", 1);
    assert!(read_incoming(&l5(), &newer)
        .unwrap_err()
        .contains("newer version"));
    let other = text.replacen("\"ladder\":\"l5\"", "\"ladder\":\"l6\"", 1);
    assert!(read_incoming(&l5(), &other)
        .unwrap_err()
        .contains("another ladder"));
    let cut = &text[..text.len() / 2];
    assert!(read_incoming(&l5(), cut).is_err());
}

fn downloads(effects: &[Effect]) -> Vec<(String, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Download { name, text, .. } => Some((name.clone(), text.clone())),
            _ => None,
        })
        .collect()
}

/// A manager's browser: the own check answered, checks about Sam and Jo.
fn managers_browser(store: &MemoryStore) -> Engine {
    let mut engine = open(store, "#/", NOW);
    act(
        &mut engine,
        store,
        NOW,
        Action::Rate {
            statement: 0,
            rating: Rating::Step(3),
        },
    );
    for (i, name) in ["Sam Rivera", "Jo Chen"].iter().enumerate() {
        act(
            &mut engine,
            store,
            NOW + 1 + i as u64,
            Action::AddCheck(NewCheck {
                name: name.to_string(),
                rater: Rater::Other {
                    name: "Alex Chen".into(),
                },
                from: None,
                beside: None,
                then: Route::Start,
            }),
        );
        act(
            &mut engine,
            store,
            NOW + 10 + i as u64,
            Action::Rate {
                statement: 1,
                rating: Rating::Step(i as u8),
            },
        );
        act(
            &mut engine,
            store,
            NOW + 20 + i as u64,
            Action::Note {
                statement: 1,
                text: format!("Evidence about {name}"),
            },
        );
        // The note's timer fires: it is written.
        engine.handle(store, NOW + 30 + i as u64, Input::NoteDue);
    }
    // The page is left: what is pending is written.
    engine.handle(store, NOW + 50, Input::Hidden);
    open(store, "#/", NOW + 100)
}

#[test]
fn the_managers_backup_imported_into_an_empty_browser_brings_back_every_check_with_its_dates() {
    let store = MemoryStore::new();
    let mut engine = managers_browser(&store);
    let files = downloads(&act(&mut engine, &store, NOW + 200, Action::ExportBackup));
    assert_eq!(files.len(), 1);
    let (name, text) = &files[0];
    assert!(name.contains("backup"), "{name}");
    let Ok(Incoming::Backup(backup)) = read_incoming(&l5(), text) else {
        panic!("the download is a backup");
    };
    assert_eq!(backup.others.len(), 2);

    let empty = MemoryStore::new();
    let mut fresh = open(&empty, "#/data", NOW + 300);
    act(
        &mut fresh,
        &empty,
        NOW + 300,
        Action::RestoreBackup(Box::new(backup)),
    );
    assert_eq!(fresh.state().checks.len(), 2);
    assert_eq!(fresh.state().document.answers.rated(), 1);
    for info in fresh.state().checks.iter() {
        let keys = DocKeys::new(INSTANCE, "l5", &CheckRef::Other(info.id.clone()));
        let document = Document::decode(&empty.read(&keys.document).unwrap().unwrap()).unwrap();
        let answer = document.answers.iter().next().unwrap().1.clone();
        assert!(answer.rated_at < NOW + 20, "the answer keeps its own date");
        assert!(
            answer.note.starts_with("Evidence about"),
            "{:?}",
            document.answers
        );
    }
    // Restoring again changes none of the checks already there.
    let again = read_incoming(&l5(), text).unwrap();
    let Incoming::Backup(again) = again else {
        unreachable!()
    };
    act(
        &mut fresh,
        &empty,
        NOW + 400,
        Action::RestoreBackup(Box::new(again)),
    );
    assert_eq!(fresh.state().checks.len(), 2);

    // The added checks can be undone while the page is open.
    let undo = fresh
        .state()
        .undos
        .iter()
        .find(|p| matches!(p.undo, Undo::Restored { .. }))
        .map(|p| p.id)
        .expect("the restore offers an undo");
    act(&mut fresh, &empty, NOW + 500, Action::Undo(undo));
    assert_eq!(fresh.state().checks.len(), 0);
}

#[test]
fn a_file_of_the_open_check_carries_what_was_ticked_and_is_named_for_it() {
    let store = MemoryStore::new();
    let engine = managers_browser(&store);
    let id = engine
        .state()
        .checks
        .iter()
        .find(|c| c.name == "Sam Rivera")
        .unwrap()
        .id
        .clone();
    let mut engine = open(&store, &format!("#/p/{id}/data"), NOW + 210);
    let files = downloads(&act(
        &mut engine,
        &store,
        NOW + 220,
        Action::ExportCheck(Contents::TO_SUBJECT),
    ));
    let (name, text) = &files[0];
    assert!(
        name.contains("sam-rivera") && name.contains("to-send"),
        "{name}"
    );
    assert!(!text.contains("Evidence about"));
    let files = downloads(&act(
        &mut engine,
        &store,
        NOW + 230,
        Action::ExportCheck(Contents::ALL),
    ));
    assert!(files[0].1.contains("Evidence about Sam Rivera"));
}
