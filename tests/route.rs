//! Hash routes parse and print back to the same link, for the person's own
//! check and for checks about other people.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::document::CheckMode;
use l5_selfcheck::core::keys::CheckRef;
use l5_selfcheck::core::route::{Compared, Route};

fn routes() -> Vec<Route> {
    vec![
        Route::Start,
        Route::Quick { section: None },
        Route::Quick {
            section: Some("impact".into()),
        },
        Route::check("impact"),
        Route::Check {
            section: "impact".into(),
            focus: Some("impact.plan".into()),
        },
        Route::Rate {
            section: "ownership".into(),
        },
        Route::Results { mode: None },
        Route::Results {
            mode: Some(CheckMode::Quick),
        },
        Route::Results {
            mode: Some(CheckMode::Full),
        },
        Route::Learn { section: None },
        Route::Learn {
            section: Some("ownership".into()),
        },
        Route::Data,
        Route::Compare {
            with: Compared::Beside,
        },
        Route::Compare {
            with: Compared::Snapshot(1_764_000_000_000),
        },
        Route::Shared {
            payload: "v2.a.b.c...d.l5".into(),
        },
    ]
}

#[test]
fn every_route_round_trips_through_its_link_for_every_check() {
    for check in [CheckRef::Own, CheckRef::Other("ckx9".into())] {
        for route in routes() {
            let href = route.href(&check);
            assert_eq!(Route::parse(&href), (check.clone(), route), "{href}");
        }
    }
    assert_eq!(Route::Start.href(&CheckRef::Other("c1".into())), "#/p/c1/");
    assert_eq!(
        Route::check("impact").href(&CheckRef::Own),
        "#/check/impact"
    );
}

#[test]
fn links_made_before_checks_existed_still_work() {
    assert_eq!(Route::parse("#/check/impact").1, Route::check("impact"));
    assert_eq!(
        Route::parse("#/quick/impact").1,
        Route::Quick {
            section: Some("impact".into())
        }
    );
    assert_eq!(Route::parse("#/results/quick").0, CheckRef::Own);
    // Comparisons of two checks became the 1:1 agenda of the check.
    for old in ["#/compare/own", "#/p/c1x/compare/p/c2y"] {
        assert_eq!(
            Route::parse(old).1,
            Route::Compare {
                with: Compared::Beside
            },
            "{old}"
        );
    }
}

#[test]
fn links_are_read_leniently() {
    assert_eq!(Route::parse("").1, Route::Start);
    assert_eq!(Route::parse("#").1, Route::Start);
    assert_eq!(Route::parse("#/").1, Route::Start);
    assert_eq!(Route::parse("#/learn/").1, Route::Learn { section: None });
    assert_eq!(
        Route::parse("#check/impact?from=wiki").1,
        Route::check("impact")
    );
    assert_eq!(Route::parse("#/p/c1").0, CheckRef::Other("c1".into()));
}

#[test]
fn unknown_links_are_not_found_and_keep_a_short_path() {
    assert_eq!(
        Route::parse("#/nope").1,
        Route::NotFound {
            path: "nope".into()
        }
    );
    assert!(matches!(
        Route::parse("#/check/a/b/c").1,
        Route::NotFound { .. }
    ));
    assert!(matches!(
        Route::parse("#/results/sometimes").1,
        Route::NotFound { .. }
    ));
    assert!(matches!(
        Route::parse("#/p/Not An Id/").1,
        Route::NotFound { .. }
    ));
    match Route::parse(&format!("#/{}", "x".repeat(500))).1 {
        Route::NotFound { path } => assert_eq!(path.len(), 80),
        other => panic!("{other:?}"),
    }
}

/// Issue 25: script-embed routing was decided in components. A script
/// embed reads only a fragment addressed to it by name; the host page's
/// own fragments (`#pricing`, another widget's) open its start page.
#[test]
fn a_script_embed_reads_only_the_fragment_addressed_to_it() {
    use l5_selfcheck::core::route::{embed_hash, widget_hash};
    assert_eq!(embed_hash("team", "#/shared/v2.x"), "#l5-team/shared/v2.x");
    assert_eq!(
        widget_hash(true, "team", "#/results"),
        "#/results",
        "a page of its own reads it all"
    );
    assert_eq!(widget_hash(false, "team", "#l5-team/results"), "#/results");
    assert_eq!(
        widget_hash(false, "team", &embed_hash("team", "#/quick")),
        "#/quick"
    );
    for host in [
        "#/results",
        "#pricing",
        "#l5-other/results",
        "#l5-teams/results",
        "",
    ] {
        assert_eq!(
            widget_hash(false, "team", host),
            "",
            "{host:?} is not the widget's"
        );
    }
}

/// A script embed leaves the host page's title and address alone: the
/// engine gives it no title or address effects; a page of its own gets
/// them.
#[test]
fn a_script_embed_gets_no_title_or_address_effects() {
    use l5_selfcheck::core::engine::{Effect, Input};
    use l5_selfcheck::core::state::{Action, NewCheck};
    for hash_routing in [true, false] {
        let (mut engine, mut effects, store) = example_engine(hash_routing, "#/");
        effects.extend(engine.handle(
            &store,
            2_000,
            Input::Act(Action::AddCheck(NewCheck {
                name: "Sam".into(),
                rater: l5_selfcheck::core::document::Rater::Other {
                    name: String::new(),
                },
                from: None,
                beside: None,
                then: Route::Results { mode: None },
            })),
        ));
        assert!(engine.state().check != CheckRef::Own, "the new check opens");
        let title = effects
            .iter()
            .any(|e| matches!(e, Effect::Title(t) if t.contains("Sam")));
        let address = effects
            .iter()
            .any(|e| matches!(e, Effect::SetAddress(_) | Effect::ReplaceAddress(_)));
        assert_eq!(
            (title, address),
            (hash_routing, hash_routing),
            "hash routing {hash_routing}: {effects:?}"
        );
    }
}

/// Issue 27: "Added to the plan." followed the person to the start page.
/// A message beside a control stays on its page; news at the top moves on.
#[test]
fn a_message_beside_a_control_stays_on_its_page() {
    use l5_selfcheck::core::engine::Input;
    use l5_selfcheck::core::state::{Action, Place};
    let (mut engine, _, store) = example_engine(true, "#/results");
    engine.handle(
        &store,
        2_000,
        Input::Act(Action::Focus {
            statement: 0,
            step: "Ask for a review".into(),
            due: String::new(),
            helper: String::new(),
            origin: String::new(),
        }),
    );
    let notice = engine
        .state()
        .notice
        .clone()
        .expect("the plan says it took it");
    assert_eq!(
        (notice.place, notice.text.as_str()),
        (Place::Plan, "Added to the plan.")
    );
    engine.handle(&store, 3_000, Input::Address("#/".into()));
    assert_eq!(engine.state().route, Route::Start);
    assert_eq!(engine.state().notice, None, "it stayed on the results page");
}

/// An engine over the example ladder and a fresh storage, opened at `hash`,
/// with the effects of its start.
fn example_engine(
    hash_routing: bool,
    hash: &str,
) -> (
    l5_selfcheck::core::engine::Engine,
    Vec<l5_selfcheck::core::engine::Effect>,
    l5_selfcheck::core::store::MemoryStore,
) {
    use l5_selfcheck::core::content::Ladder;
    use l5_selfcheck::core::engine::{Engine, Widget};
    use std::rc::Rc;
    let path = format!(
        "{}/assets/ladders/example-l3.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let ladder = Rc::new(Ladder::parse(&std::fs::read_to_string(path).unwrap()).unwrap());
    let store = l5_selfcheck::core::store::MemoryStore::new();
    let widget = Widget {
        instance: "team".into(),
        tab: "t".into(),
        hash_routing,
        checkin_weeks: 8,
    };
    let (engine, effects) = Engine::start(&store, widget, ladder, hash, None, 1_000, 0);
    (engine, effects, store)
}
