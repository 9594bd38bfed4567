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
