//! Content validation: every rule of docs/content-format.md, and the
//! shipped ladders themselves.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::content::{Kind, Ladder};
use serde_json::{json, Value};

fn valid() -> Value {
    json!({
        "format": 1,
        "id": "tiny",
        "title": "Tiny ladder",
        "version": "1",
        "about": "For tests.",
        "scale": {
            "steps": [
                {"value": 0, "label": "Not yet", "description": "Not yet."},
                {"value": 1, "label": "Sometimes", "description": "Now and then."},
                {"value": 2, "label": "Usually", "description": "Most times."}
            ],
            "unsure": {"label": "Not sure", "description": "Not scored."}
        },
        "sections": [
            {"id": "alpha", "title": "Alpha", "summary": "A.", "in_practice": ["a"], "growth": ["g"]},
            {"id": "beta", "title": "Beta", "summary": "B."}
        ],
        "statements": [
            {"id": "alpha.one", "section": "alpha", "kind": "expectation", "quick": true, "text": "I do one."},
            {"id": "alpha.two", "section": "alpha", "kind": "expectation", "text": "I do two.", "evidence": "Where?"},
            {"id": "beta.risk", "section": "beta", "kind": "anti-pattern", "quick": true, "text": "I coast."}
        ]
    })
}

/// Applies `change` to a valid ladder and returns the error text.
fn rejected(change: impl FnOnce(&mut Value)) -> String {
    let mut value = valid();
    change(&mut value);
    match Ladder::parse(&value.to_string()) {
        Ok(_) => panic!("expected the content to be rejected"),
        Err(error) => error.to_string(),
    }
}

fn assert_mentions(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            message.contains(part),
            "message {message:?} should mention {part:?}"
        );
    }
}

#[test]
fn a_valid_ladder_parses_with_sections_resolved() {
    let ladder = Ladder::parse(&valid().to_string()).expect("valid");
    assert_eq!(ladder.id, "tiny");
    assert_eq!(ladder.scale.steps.len(), 3);
    assert_eq!(ladder.scale.highest(), 2);
    assert_eq!(ladder.statements[2].section, 1);
    assert_eq!(ladder.statements[2].kind, Kind::AntiPattern);
    assert!(!ladder.statements[1].quick, "quick defaults to false");
    assert_eq!(ladder.statements[1].evidence.as_deref(), Some("Where?"));
    assert_eq!(ladder.sections[0].growth, vec!["g".to_string()]);
}

#[test]
fn not_json_is_rejected_with_the_reason() {
    let message = Ladder::parse("{\"format\": 1,").unwrap_err().to_string();
    assert_mentions(&message, &["content file", "not valid JSON"]);
}

#[test]
fn a_newer_format_is_rejected() {
    let message = rejected(|v| v["format"] = json!(2));
    assert_mentions(&message, &["\"format\"", "is 2", "reads format 1"]);
}

#[test]
fn duplicate_statement_ids_are_rejected() {
    let message = rejected(|v| v["statements"][1]["id"] = json!("alpha.one"));
    assert_mentions(
        &message,
        &["statement \"alpha.one\"", "\"id\"", "two statements"],
    );
}

#[test]
fn duplicate_section_ids_are_rejected() {
    let message = rejected(|v| v["sections"][1]["id"] = json!("alpha"));
    assert_mentions(&message, &["section \"alpha\"", "two sections"]);
}

#[test]
fn an_unknown_section_is_rejected_naming_the_statement() {
    let message = rejected(|v| v["statements"][1]["section"] = json!("gamma"));
    assert_mentions(
        &message,
        &[
            "statement \"alpha.two\"",
            "\"section\"",
            "\"gamma\" is not a section",
        ],
    );
}

#[test]
fn empty_text_is_rejected_naming_the_statement() {
    let message = rejected(|v| v["statements"][0]["text"] = json!("   "));
    assert_mentions(
        &message,
        &["statement \"alpha.one\"", "\"text\"", "is empty"],
    );
}

#[test]
fn missing_text_is_rejected() {
    let message = rejected(|v| {
        v["statements"][0].as_object_mut().unwrap().remove("text");
    });
    assert_mentions(
        &message,
        &["statement \"alpha.one\"", "\"text\"", "missing"],
    );
}

#[test]
fn overlong_text_is_rejected() {
    let message = rejected(|v| v["statements"][0]["text"] = json!("x".repeat(301)));
    assert_mentions(&message, &["statement \"alpha.one\"", "301 characters"]);
}

#[test]
fn a_quick_set_missing_a_section_is_rejected() {
    let message = rejected(|v| v["statements"][2]["quick"] = json!(false));
    assert_mentions(&message, &["section \"beta\"", "quick check"]);
}

#[test]
fn a_section_without_statements_is_rejected() {
    let message = rejected(|v| {
        v["sections"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "gamma", "title": "Gamma", "summary": "G."}))
    });
    assert_mentions(&message, &["section \"gamma\"", "no statements"]);
}

#[test]
fn wrong_types_are_rejected_naming_field_and_type() {
    let message = rejected(|v| v["statements"][0]["quick"] = json!("yes"));
    assert_mentions(
        &message,
        &[
            "statement \"alpha.one\"",
            "\"quick\"",
            "true or false",
            "a string",
        ],
    );
    let message = rejected(|v| v["sections"] = json!({"alpha": {}}));
    assert_mentions(&message, &["\"sections\"", "must be a list", "an object"]);
    let message = rejected(|v| v["statements"][1]["id"] = json!(7));
    assert_mentions(
        &message,
        &["statement 2", "\"id\"", "must be a string", "a number"],
    );
    let message = rejected(|v| v["sections"][0]["growth"] = json!(["ok", 3]));
    assert_mentions(&message, &["section \"alpha\"", "\"growth\"", "item 2"]);
}

#[test]
fn an_unknown_kind_is_rejected() {
    let message = rejected(|v| v["statements"][0]["kind"] = json!("antipattern"));
    assert_mentions(
        &message,
        &["statement \"alpha.one\"", "\"kind\"", "\"anti-pattern\""],
    );
}

#[test]
fn unknown_fields_are_rejected_as_likely_typos() {
    let message = rejected(|v| v["statements"][0]["qiuck"] = json!(true));
    assert_mentions(
        &message,
        &["statement \"alpha.one\"", "unknown field \"qiuck\""],
    );
}

#[test]
fn ids_must_be_simple() {
    let message = rejected(|v| v["statements"][0]["id"] = json!("Alpha One"));
    assert_mentions(&message, &["\"Alpha One\" is not a valid id"]);
    let message = rejected(|v| v["id"] = json!("a/b"));
    assert_mentions(&message, &["content file", "\"id\""]);
}

#[test]
fn malformed_scales_are_rejected() {
    let message = rejected(|v| {
        v["scale"]["steps"] = json!([{"value": 0, "label": "Only", "description": "d"}])
    });
    assert_mentions(&message, &["\"steps\"", "1 steps", "2 to 7"]);

    let message = rejected(|v| v["scale"]["steps"][2]["value"] = json!(1));
    assert_mentions(&message, &["scale step 3", "\"value\"", "must increase"]);

    let message = rejected(|v| v["scale"]["steps"][1]["value"] = json!(-1));
    assert_mentions(&message, &["scale step 2", "whole number"]);

    let message = rejected(|v| v["scale"]["steps"][2]["value"] = json!(500));
    assert_mentions(&message, &["scale step 3", "0 to 100"]);

    let message = rejected(|v| v["scale"]["steps"][1]["label"] = json!("Not yet"));
    assert_mentions(&message, &["scale step 2", "\"label\"", "two steps"]);

    let message = rejected(|v| {
        v["scale"].as_object_mut().unwrap().remove("unsure");
    });
    assert_mentions(&message, &["\"unsure\"", "missing"]);

    let message = rejected(|v| v["scale"]["unsure"]["label"] = json!("Usually"));
    assert_mentions(&message, &["\"unsure\"", "also the label of a step"]);
}

#[test]
fn empty_lists_are_rejected() {
    let message = rejected(|v| v["sections"] = json!([]));
    assert_mentions(&message, &["\"sections\"", "is empty"]);
    let message = rejected(|v| v["statements"] = json!([]));
    assert_mentions(&message, &["\"statements\"", "is empty"]);
}

fn shipped(name: &str) -> Ladder {
    let path = format!("{}/assets/ladders/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("content file exists");
    Ladder::parse(&text).unwrap_or_else(|error| panic!("{name} is invalid: {error}"))
}

#[test]
fn the_l5_ladder_validates_and_has_the_promised_size() {
    let ladder = shipped("l5.json");
    let full = ladder.statements.len();
    let quick = ladder.statements.iter().filter(|s| s.quick).count();
    assert!(
        (40..=70).contains(&full),
        "full check has {full} statements"
    );
    assert!(
        (10..=14).contains(&quick),
        "quick check has {quick} statements"
    );
    assert!(ladder
        .statements
        .iter()
        .any(|s| s.kind == Kind::AntiPattern && s.quick));
    // The rating scale is about frequency, with a "not sure" answer.
    let labels: Vec<&str> = ladder
        .scale
        .steps
        .iter()
        .map(|s| s.choice.label.as_str())
        .collect();
    assert_eq!(labels, ["Not yet", "Sometimes", "Usually", "Consistently"]);
}

#[test]
fn the_example_ladder_validates_and_differs_from_l5() {
    let example = shipped("example-l3.json");
    let l5 = shipped("l5.json");
    assert_ne!(example.id, l5.id);
    assert_ne!(example.scale.steps.len(), l5.scale.steps.len());
    assert!(example.statements.len() < 15);
}

/// Every topic of the ladder text has at least one statement.
#[test]
fn every_topic_of_the_l5_ladder_has_a_statement() {
    const TOPICS: &[&str] = &[
        // overview
        "production-quality",
        "complex-system-design",
        "breadth-depth",
        "area-expertise",
        // responsibilities
        "code-area-ownership",
        "lead-initiatives",
        "mentoring",
        "assist-manager",
        "operational-infrastructure",
        "long-term-strategy",
        "cross-team-initiatives",
        "org-success",
        "business-results",
        "switch-leadership-roles",
        // impact
        "operational-planning",
        "testing",
        "deployment",
        "monitoring-alerting",
        "scaling",
        "risk-management",
        "loose-coupling",
        "platform-thinking",
        "dogfooding",
        "related-codebases",
        "share-solutions",
        "informal-network",
        "multiple-teams",
        "business-understanding",
        "prioritization",
        "stakeholder-communication",
        "task-decomposition",
        "lead-engineers",
        "any-size-task",
        "balance-coding-support",
        "hands-on-coding",
        // ownership
        "component-ownership",
        "maintenance",
        "technical-vision",
        "metrics",
        "code-review",
        "documentation-training",
        "automated-tests",
        "tech-advocacy",
        "error-logs",
        "change-vs-status-quo",
        "reliability",
        "judgment",
        "crisis-response",
        // process
        "development-process",
        "coding-standards",
        "release-process",
        "compliance",
        "process-improvement",
        "rule-breaking",
        "escalation",
        // culture
        "role-model",
        "force-for-good",
        // communication
        "written-communication",
        "verbal-communication",
        "non-technical-audience",
        "design-docs",
        "risk-assessments",
        "post-mortems",
        "status-reports",
        "meetings",
        "represent-engineering",
        "collaborative-decisions",
        // growth
        "drive-technology",
        "continuous-learning",
        "industry-trends",
        "t-shaped",
        "deep-expertise",
        "spread-learning",
        "tech-talks",
        // leadership
        "introduce-technology",
        "retire-technology",
        "consensus",
        "take-initiative",
        "identify-opportunities",
        "create-business-value",
        "tech-lead-duties",
        // anti-pattern: complacency
        "complacency",
        "risk-taking",
        "bias-to-action",
        "evaluate-new-technology",
        "challenge-assumptions",
        "big-picture",
    ];
    let ladder = shipped("l5.json");
    let missing: Vec<&str> = TOPICS
        .iter()
        .copied()
        .filter(|topic| {
            !ladder
                .statements
                .iter()
                .any(|s| s.topics.iter().any(|t| t == topic))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "topics without a statement: {missing:?}"
    );
    let unknown: Vec<&String> = ladder
        .statements
        .iter()
        .flat_map(|s| &s.topics)
        .filter(|t| !TOPICS.contains(&t.as_str()))
        .collect();
    assert!(unknown.is_empty(), "topics not in the list: {unknown:?}");
    for section in [
        "overview",
        "responsibilities",
        "impact",
        "ownership",
        "process",
        "culture",
        "communication",
        "growth",
        "leadership",
        "complacency",
    ] {
        assert!(
            ladder.section_index(section).is_some(),
            "section {section} is missing"
        );
    }
}

#[test]
fn l5_statements_read_as_first_person_behaviour() {
    let ladder = shipped("l5.json");
    for statement in &ladder.statements {
        let words: Vec<String> = statement
            .text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(str::to_lowercase)
            .collect();
        assert!(
            words
                .iter()
                .any(|w| ["i", "my", "me", "i'm", "i've"].contains(&w.as_str())),
            "{} is not in the first person: {}",
            statement.id,
            statement.text
        );
        assert!(
            statement.text.chars().count() <= 170,
            "{} is long",
            statement.id
        );
        let prefix = format!("{}.", ladder.sections[statement.section].id);
        assert!(
            statement.id.starts_with(&prefix),
            "{} is not named after its section",
            statement.id
        );
    }
}
