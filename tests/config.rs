//! Embed settings: every setting, defaults, and messages for bad values.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::config::{Config, StartMode, Theme, SETTINGS};

#[test]
fn no_settings_give_the_defaults() {
    let (config, problems) = Config::from_settings([]);
    assert_eq!(config, Config::default());
    assert_eq!(config.instance, "default");
    assert_eq!(config.theme, Theme::Auto);
    assert!(config.parent_origins.is_empty(), "never '*' by default");
    assert!(problems.is_empty());
}

#[test]
fn every_setting_is_read() {
    let (config, problems) = Config::from_settings([
        ("mode", "learn"),
        ("section", "ownership"),
        ("theme", "dark"),
        ("content", "ladders/l6.json"),
        ("instance", "team-a"),
        (
            "parent-origin",
            "https://wiki.example.com, http://localhost:8090",
        ),
        ("compact", ""),
        ("checkin-weeks", "12"),
        ("utm_source", "wiki"),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.mode, Some(StartMode::Learn));
    assert_eq!(config.section.as_deref(), Some("ownership"));
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.content.as_deref(), Some("ladders/l6.json"));
    assert_eq!(config.instance, "team-a");
    assert_eq!(
        config.parent_origins,
        ["https://wiki.example.com", "http://localhost:8090"]
    );
    assert!(config.compact);
    assert_eq!(config.checkin_weeks, 12);
    assert_eq!(SETTINGS.len(), 8);
}

#[test]
fn bad_values_name_the_setting_and_keep_the_default() {
    let cases = [
        ("mode", "fast", "\"mode\""),
        ("section", "Not An Id", "\"section\""),
        ("theme", "purple", "\"theme\""),
        ("content", " ", "\"content\""),
        ("instance", "../other", "\"instance\""),
        ("parent-origin", "*", "\"parent-origin\""),
        (
            "parent-origin",
            "https://wiki.example.com/page",
            "\"parent-origin\"",
        ),
        ("parent-origin", "javascript:alert(1)", "\"parent-origin\""),
        ("compact", "maybe", "\"compact\""),
        ("checkin-weeks", "0", "\"checkin-weeks\""),
        ("checkin-weeks", "soon", "\"checkin-weeks\""),
    ];
    for (name, value, mention) in cases {
        let (config, problems) = Config::from_settings([(name, value)]);
        assert_eq!(config, Config::default(), "{name}={value}");
        assert_eq!(problems.len(), 1, "{name}={value}");
        assert!(problems[0].contains(mention), "{}", problems[0]);
    }
}

/// A crafted link could point the widget at any same-origin file reusing
/// the ladder id; the address may name a content file only where the
/// deployer allowed it.
#[test]
fn a_content_file_from_the_address_needs_the_deployers_permission() {
    let (config, problems) = Config::from_page(
        [],
        [("content", "uploads/evil.json"), ("mode", "quick")],
        false,
    );
    assert_eq!(config.content, None);
    assert_eq!(
        config.mode,
        Some(StartMode::Quick),
        "other settings still apply"
    );
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].contains("\"content\"") && problems[0].contains("does not take"),
        "{}",
        problems[0]
    );

    let (config, problems) = Config::from_page([], [("content", "ladders/l6.json")], true);
    assert_eq!(config.content.as_deref(), Some("ladders/l6.json"));
    assert!(problems.is_empty());

    // The widget's own attributes are the deployer's word.
    let (config, problems) = Config::from_page([("content", "ladders/l6.json")], [], false);
    assert_eq!(config.content.as_deref(), Some("ladders/l6.json"));
    assert!(problems.is_empty());
}
