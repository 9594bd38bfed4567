//! Hash routes parse and print back to the same link.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::document::CheckMode;
use l5_selfcheck::core::route::Route;

#[test]
fn every_route_round_trips_through_its_link() {
    let routes = [
        Route::Start,
        Route::check(CheckMode::Full, "impact"),
        Route::check(CheckMode::Quick, "impact"),
        Route::Check {
            mode: CheckMode::Quick,
            section: "impact".into(),
            focus: Some("impact.plan".into()),
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
    ];
    for route in routes {
        assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
    }
}

#[test]
fn links_are_read_leniently() {
    assert_eq!(Route::parse(""), Route::Start);
    assert_eq!(Route::parse("#"), Route::Start);
    assert_eq!(Route::parse("#/"), Route::Start);
    assert_eq!(Route::parse("#/learn/"), Route::Learn { section: None });
    assert_eq!(
        Route::parse("#check/impact?from=wiki"),
        Route::check(CheckMode::Full, "impact")
    );
}

#[test]
fn unknown_links_are_not_found_and_keep_a_short_path() {
    assert_eq!(
        Route::parse("#/nope"),
        Route::NotFound {
            path: "nope".into()
        }
    );
    assert!(matches!(
        Route::parse("#/check/a/b/c"),
        Route::NotFound { .. }
    ));
    assert!(matches!(
        Route::parse("#/results/sometimes"),
        Route::NotFound { .. }
    ));
    match Route::parse(&format!("#/{}", "x".repeat(500))) {
        Route::NotFound { path } => assert_eq!(path.len(), 80),
        other => panic!("{other:?}"),
    }
}
