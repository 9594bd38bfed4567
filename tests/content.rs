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

/// Applies `change` to a valid ladder and returns every problem, joined.
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
    assert_mentions(
        &message,
        &["\"scale\", step 3", "\"value\"", "must increase"],
    );

    let message = rejected(|v| v["scale"]["steps"][1]["value"] = json!(-1));
    assert_mentions(&message, &["\"scale\", step 2", "whole number"]);

    let message = rejected(|v| v["scale"]["steps"][2]["value"] = json!(500));
    assert_mentions(&message, &["\"scale\", step 3", "0 to 100"]);

    let message = rejected(|v| v["scale"]["steps"][1]["label"] = json!("Not yet"));
    assert_mentions(&message, &["\"scale\", step 2", "\"label\"", "two steps"]);

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

#[test]
fn every_problem_is_listed_at_once() {
    let problems = match Ladder::parse(
        &{
            let mut v = valid();
            v["statements"][0]["qiuck"] = json!(true);
            v["statements"][1]["section"] = json!("gamma");
            v["sections"][1]["title"] = json!("");
            v["scale"]["steps"][2]["value"] = json!(1);
            v
        }
        .to_string(),
    ) {
        Ok(_) => panic!("expected problems"),
        Err(problems) => problems.0,
    };
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(text.len(), 4, "{text:#?}");
    assert_mentions(&text[0], &["step 3", "must increase"]);
    assert_mentions(&text[1], &["section \"beta\"", "\"title\"", "is empty"]);
    assert_mentions(
        &text[2],
        &["statement \"alpha.one\"", "unknown field \"qiuck\""],
    );
    assert_mentions(
        &text[3],
        &["statement \"alpha.two\"", "\"gamma\" is not a section"],
    );
}

#[test]
fn a_trailing_comma_is_named_where_it_stands() {
    let text = "{\n  \"format\": 1,\n  \"id\": \"x\",\n}\n";
    let message = Ladder::parse(text).unwrap_err().to_string();
    assert_mentions(&message, &["line 3", "remove the last comma"]);
}

#[test]
fn anti_patterns_have_their_own_scale_and_ideas() {
    let mut v = valid();
    v["anti_pattern_scale"] = json!({
        "steps": [
            {"value": 0, "label": "Rarely", "description": "r"},
            {"value": 1, "label": "Often", "description": "o"}
        ],
        "unsure": {"label": "Can't tell", "description": "c"}
    });
    v["statements"][2]["ideas"] = json!(["Try one new thing."]);
    let ladder = Ladder::parse(&v.to_string()).unwrap();
    let habit = &ladder.statements[2];
    assert_eq!(ladder.scale_for(habit.kind).steps[1].choice.label, "Often");
    assert_eq!(
        ladder.scale_for(Kind::Expectation).steps[1].choice.label,
        "Sometimes"
    );
    assert_eq!(habit.ideas, ["Try one new thing."]);
}

#[test]
fn not_part_of_my_role_needs_the_answer_in_the_scale() {
    let message = rejected(|v| v["statements"][0]["role_dependent"] = json!(true));
    assert_mentions(
        &message,
        &[
            "statement \"alpha.one\"",
            "\"role_dependent\"",
            "not_my_role",
        ],
    );
    let mut v = valid();
    v["scale"]["not_my_role"] = json!({"label": "Not my role", "description": "Not scored."});
    v["statements"][0]["role_dependent"] = json!(true);
    let ladder = Ladder::parse(&v.to_string()).unwrap();
    assert!(ladder.statements[0].role_dependent);
    let message = rejected(|v| {
        v["scale"]["not_my_role"] = json!({"label": "Not sure", "description": "x"});
    });
    assert_mentions(&message, &["not_my_role", "same label"]);
}

#[test]
fn statements_can_read_right_for_someone_else() {
    let mut v = valid();
    v["statements"][0]["they_text"] = json!("They do one.");
    v["statements"][0]["they_evidence"] = json!("What did you see?");
    let ladder = Ladder::parse(&v.to_string()).unwrap();
    let one = &ladder.statements[0];
    assert_eq!(one.text_for(false), "I do one.");
    assert_eq!(one.text_for(true), "They do one.");
    assert_eq!(one.evidence_for(true), Some("What did you see?"));
    // Without a third-person wording, the first-person text stands in.
    assert_eq!(ladder.statements[1].text_for(true), "I do two.");
}

fn shipped(name: &str) -> Ladder {
    let path = format!("{}/assets/ladders/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("content file exists");
    Ladder::parse(&text).unwrap_or_else(|error| panic!("{name} is invalid: {error}"))
}

#[test]
fn the_l5_ladder_validates_and_has_the_promised_shape() {
    let ladder = shipped("l5.json");
    let quick: Vec<&str> = ladder
        .statements
        .iter()
        .filter(|s| s.quick)
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        (10..=14).contains(&quick.len()),
        "quick check has {}",
        quick.len()
    );
    for (index, section) in ladder.sections.iter().enumerate() {
        assert!(
            ladder.statements_in(index, true).next().is_some(),
            "the quick check samples {}",
            section.id
        );
    }
    // The whole level in two minutes: headline expectations, business
    // value, work beyond the team, long-term thinking, leading initiatives
    // and written communication.
    for id in [
        "responsibilities.coach-newcomers",
        "impact.hands-on-coding",
        "impact.rank-by-value",
        "ownership.test-new-code",
        "responsibilities.beyond-my-team",
        "leadership.propose-initiative",
        "responsibilities.lead-key-work",
        "communication.design-docs",
    ] {
        assert!(quick.contains(&id), "the quick check asks {id}");
    }
    let labels = |kind| -> Vec<String> {
        ladder
            .scale_for(kind)
            .steps
            .iter()
            .map(|s| s.choice.label.clone())
            .collect()
    };
    assert_eq!(
        labels(Kind::Expectation),
        ["Not yet", "Sometimes", "Usually", "Consistently"]
    );
    assert_eq!(
        labels(Kind::AntiPattern),
        ["Rarely", "Sometimes", "Often", "Almost always"]
    );
    assert!(ladder.scale.not_my_role.is_some());
    for statement in &ladder.statements {
        assert!(
            statement.they_text.is_some(),
            "{} has a wording for someone else",
            statement.id
        );
        assert!(
            statement.evidence.is_some(),
            "{} has an evidence prompt",
            statement.id
        );
        assert!(
            statement.they_evidence.is_some(),
            "{} has a prompt for a manager",
            statement.id
        );
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_lowercase)
        .collect()
}

/// The coverage map (`assets/ladders/l5.coverage.json`): each expectation
/// of the ladder text, by its words, split into the parts a reader would
/// check; each part names the statement that asks it and the words of that
/// statement that do. An entry is `full` only when every part names one and
/// nothing stands in for a reputation or a trait (a `proxy` line); a part
/// no statement asks makes it `partial` with its `gap` line. It must hold
/// both ways, and every partial is printed so it shows in review.
#[test]
fn every_expectation_of_the_ladder_has_a_statement_and_every_statement_an_expectation() {
    let ladder = shipped("l5.json");
    let root = env!("CARGO_MANIFEST_DIR");
    let map: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/assets/ladders/l5.coverage.json")).unwrap(),
    )
    .unwrap();
    let source = std::fs::read_to_string(format!("{root}/docs/sources/l5-ladder.md")).unwrap();
    let normal = |text: &str| {
        text.replace(['\u{2019}', '\u{2018}'], "'")
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let source = normal(&source);
    let expectations = map["expectations"].as_array().unwrap();
    let mut ids = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    let mut partial = Vec::new();
    let mut parts_count = 0;
    for expectation in expectations {
        let id = expectation["id"].as_str().unwrap();
        assert!(!ids.contains(&id), "expectation {id} is listed twice");
        ids.push(id);
        let section = expectation["section"].as_str().unwrap();
        assert!(
            ladder.section_index(section).is_some(),
            "{id}: section {section}"
        );
        let words = expectation["ladder_words"].as_str().unwrap();
        for piece in words.split("...") {
            assert!(
                source.contains(&normal(piece.trim())),
                "{id}: \"{}\" is not in the ladder text",
                piece.trim()
            );
        }
        let parts = expectation["parts"].as_array().expect("parts");
        assert!(!parts.is_empty(), "expectation {id} has no part");
        parts_count += parts.len();
        let mut unasked = Vec::new();
        for part in parts {
            let what = part["part"].as_str().unwrap();
            assert!(
                normal(words).contains(&normal(what)),
                "{id}: the part \"{what}\" is not in its ladder words"
            );
            let Some(statement) = part["statement"].as_str() else {
                unasked.push(what);
                continue;
            };
            let index = ladder
                .statement_index(statement)
                .unwrap_or_else(|| panic!("{id}: no statement {statement}"));
            let asks = part["asks"].as_str().unwrap_or_default();
            assert!(
                !asks.trim().is_empty()
                    && normal(&ladder.statements[index].text).contains(&normal(asks)),
                "{id}: \"{asks}\" is not in the text of {statement}"
            );
            covered.insert(statement.to_string());
        }
        let line = |key: &str| expectation[key].as_str().unwrap_or_default().trim();
        let (gap, proxy) = (line("gap"), line("proxy"));
        match expectation["grade"].as_str() {
            Some("full") => assert!(
                unasked.is_empty() && gap.is_empty() && proxy.is_empty(),
                "{id} is full, but a part names no statement ({unasked:?}) or it says what it does not ask"
            ),
            Some("partial") => {
                assert!(
                    !gap.is_empty() || !proxy.is_empty(),
                    "{id} is partial without a line on what is not asked"
                );
                assert!(
                    unasked.is_empty() || !gap.is_empty(),
                    "{id}: the parts {unasked:?} name no statement, and no gap line says so"
                );
                partial.push(format!("{id}: {}", if gap.is_empty() { proxy } else { gap }));
            }
            other => panic!("{id}: grade {other:?} is not full or partial"),
        }
    }
    let uncovered: Vec<&str> = ladder
        .statements
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| !covered.contains(*id))
        .collect();
    assert!(
        uncovered.is_empty(),
        "statements that ask no part of an expectation: {uncovered:?}"
    );
    if !partial.is_empty() {
        assert!(
            !map["partials_kept"]
                .as_str()
                .unwrap_or_default()
                .trim()
                .is_empty(),
            "partial entries are kept without saying why"
        );
    }
    println!(
        "coverage map: {} expectations, {} full, {} partial, {parts_count} parts",
        expectations.len(),
        expectations.len() - partial.len(),
        partial.len()
    );
    for line in &partial {
        println!("  partial {line}");
    }
    assert!(
        expectations.len() >= 120,
        "{} expectations",
        expectations.len()
    );
}

/// Each statement names the situation it counts, so a frequency answer
/// means something; none puts a frequency inside the frequency scale; each
/// has ideas of its own to pick as a next step.
#[test]
fn every_l5_statement_names_its_situation_and_has_its_own_ideas() {
    use l5_selfcheck::core::content::names_situation;
    let ladder = shipped("l5.json");
    for statement in &ladder.statements {
        for text in [&statement.text, statement.they_text.as_ref().unwrap()] {
            assert!(
                names_situation(text),
                "{}: no situation: {text}",
                statement.id
            );
            let lower = text.to_lowercase();
            for frequency in [
                "each week",
                "every week",
                "typical week",
                "each month",
                "goes by",
                "weekly",
                "daily",
            ] {
                assert!(
                    !lower.contains(frequency),
                    "{}: \"{frequency}\"",
                    statement.id
                );
            }
        }
        let ideas = statement.ideas.len();
        match statement.kind {
            Kind::Expectation => assert!(
                (1..=2).contains(&ideas),
                "{} has {ideas} ideas",
                statement.id
            ),
            Kind::AntiPattern => assert!(
                (2..=3).contains(&ideas),
                "{} has {ideas} ideas",
                statement.id
            ),
        }
        for idea in &statement.ideas {
            assert!(idea.chars().count() <= 160, "{}: a long idea", statement.id);
            assert_eq!(
                idea.matches(". ").count(),
                0,
                "{}: one sentence: {idea}",
                statement.id
            );
        }
    }
    let counts: Vec<String> = ladder
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", s.id, ladder.statements_in(i, false).count()))
        .collect();
    println!(
        "{} statements: {}",
        ladder.statements.len(),
        counts.join(", ")
    );
    assert!((88..=98).contains(&ladder.statements.len()));
}

/// Every scale word that speaks in the first person has a form for rating
/// someone else, and "not part of my role" is offered only where a role
/// can exclude the behaviour.
#[test]
fn l5_scales_read_right_for_someone_else() {
    let ladder = shipped("l5.json");
    let first_person = |text: &str| {
        words(text)
            .iter()
            .any(|w| ["i", "my", "me", "i've", "i'm"].contains(&w.as_str()))
    };
    for kind in [Kind::Expectation, Kind::AntiPattern] {
        let scale = ladder.scale_for(kind);
        let mut choices: Vec<&l5_selfcheck::core::content::Choice> =
            scale.steps.iter().map(|s| &s.choice).collect();
        choices.push(&scale.unsure);
        choices.extend(scale.not_my_role.as_ref());
        for choice in choices {
            for (mine, theirs) in [
                (&choice.label, choice.label_for(true)),
                (&choice.description, choice.description_for(true)),
            ] {
                assert!(!first_person(theirs), "{mine:?} has no third-person form");
            }
        }
    }
    assert_eq!(
        ladder.scale.not_my_role.as_ref().unwrap().label_for(true),
        "Not part of their role"
    );
    assert_eq!(
        ladder.anti_pattern_scale.as_ref().unwrap().unsure.label,
        "Not sure / doesn't apply"
    );
    let role: Vec<&str> = ladder
        .statements
        .iter()
        .filter(|s| s.role_dependent)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        role,
        [
            "responsibilities.shift-roles",
            "leadership.cover-for-manager"
        ]
    );
}

#[test]
fn l5_statements_read_as_one_first_person_behaviour_and_right_for_someone_else() {
    let ladder = shipped("l5.json");
    for statement in &ladder.statements {
        let first = words(&statement.text);
        assert!(
            first
                .iter()
                .any(|w| ["i", "my", "me", "i'm", "i've"].contains(&w.as_str())),
            "{} is not in the first person: {}",
            statement.id,
            statement.text
        );
        let they = words(statement.they_text.as_deref().unwrap());
        assert!(
            !they
                .iter()
                .any(|w| ["i", "my", "me", "we", "our", "us", "i'm"].contains(&w.as_str())),
            "{}: the wording for someone else speaks in the first person",
            statement.id
        );
        for text in [&statement.text, statement.they_text.as_ref().unwrap()] {
            assert!(text.chars().count() <= 170, "{} is long", statement.id);
            // Absolutes invite "always" from everyone.
            let lower = words(text);
            for absolute in ["always", "never", "expert", "perfectly"] {
                assert!(
                    !lower.iter().any(|w| w == absolute),
                    "{}: \"{absolute}\"",
                    statement.id
                );
            }
            assert!(
                !text.to_lowercase().contains("every time"),
                "{}",
                statement.id
            );
        }
        let prefix = format!("{}.", ladder.sections[statement.section].id);
        assert!(
            statement.id.starts_with(&prefix),
            "{} is not named after its section",
            statement.id
        );
    }
}

#[test]
fn the_example_ladder_validates_and_differs_from_l5() {
    let example = shipped("example-l3.json");
    let l5 = shipped("l5.json");
    assert_ne!(example.id, l5.id);
    assert_ne!(example.scale.steps.len(), l5.scale.steps.len());
    assert!(example.statements.len() < 15);
}

/// The count of rated statements (shown as "Saved (n answered)" after each
/// write) walks the ladder and the answers in id order; it must agree with
/// asking for each statement, whatever the ladder's order, with retired
/// answers, notes without a rating and unsure answers among them.
#[test]
fn rated_statements_are_counted_as_a_search_per_statement_would() {
    use l5_selfcheck::core::document::{Document, Rating};
    let mut value = valid();
    // Statements out of id order, ids that sort before and after others.
    value["statements"] = json!([
        {"id": "beta.z", "section": "beta", "kind": "expectation", "quick": true, "text": "I do z."},
        {"id": "alpha.b", "section": "alpha", "kind": "expectation", "quick": true, "text": "I do b."},
        {"id": "alpha.a", "section": "alpha", "kind": "expectation", "text": "I do a."},
        {"id": "beta.a", "section": "beta", "kind": "anti-pattern", "quick": true, "text": "I coast."},
        {"id": "alpha.c", "section": "alpha", "kind": "expectation", "text": "I do c."}
    ]);
    let ladder = Ladder::parse(&value.to_string()).expect("valid");
    let mut document = Document::new(&ladder.id, "1");
    let by_search = |document: &Document| {
        ladder
            .statements
            .iter()
            .filter(|s| document.rating(&s.id).is_some())
            .count()
    };
    assert_eq!(ladder.rated(&document.answers), 0);
    document.set_rating("retired.one", Rating::Step(1), 1);
    document.set_note("alpha.a", "a note, no rating", 2);
    document.set_rating("beta.z", Rating::Unsure, 3);
    assert_eq!(ladder.rated(&document.answers), 1);
    for (n, id) in ["alpha.c", "aaa.retired", "beta.a", "alpha.b", "zzz"]
        .iter()
        .enumerate()
    {
        document.set_rating(id, Rating::Step(0), 10 + n as u64);
        assert_eq!(
            ladder.rated(&document.answers),
            by_search(&document),
            "after {id}"
        );
    }
    assert_eq!(ladder.rated(&document.answers), 4);
}

/// Retired statements keep the text of what an earlier version asked, so
/// an answer kept from then is shown by it; an id listed twice, one that
/// is still a statement, or one that is no id is a problem named by place.
#[test]
fn retired_statements_are_checked_and_keep_their_text() {
    let ladder =
        l5_selfcheck::core::content::Ladder::parse(l5_selfcheck::app::BUILT_IN_LADDER).unwrap();
    assert!(
        !ladder.retired.is_empty(),
        "the L5 ladder keeps the statements it retired"
    );
    let first = &ladder.retired[0];
    assert_eq!(ladder.retired_text(&first.id), Some(first.text.as_str()));
    let current = ladder.statements[0].id.clone();
    let mut json: serde_json::Value =
        serde_json::from_str(l5_selfcheck::app::BUILT_IN_LADDER).unwrap();
    json["retired"] = serde_json::json!([
        { "id": "gone.one", "text": "I did a thing." },
        { "id": "gone.one", "text": "Twice." },
        { "id": current, "text": "Still asked." },
        { "id": "Not An Id", "text": "Bad id." },
        { "id": "gone.two" }
    ]);
    let problems = l5_selfcheck::core::content::Ladder::parse(&json.to_string())
        .unwrap_err()
        .0
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(
        problems[0].contains("retired statement 2") && problems[0].contains("listed twice"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("retired statement 3") && problems[1].contains("still a statement"),
        "{problems:?}"
    );
    assert!(problems[2].contains("retired statement 4"), "{problems:?}");
    assert!(
        problems[3].contains("retired statement 5") && problems[3].contains("text"),
        "{problems:?}"
    );
}

/// Issue 28: `replaces` can name the content version an old id's answers
/// carry over from; versions compare as dotted numbers.
#[test]
fn content_versions_compare_part_by_part() {
    use l5_selfcheck::core::content::version_before;
    assert!(version_before("2026.12.0", "2026.12.1"));
    assert!(version_before("2026.12.9", "2026.12.10"));
    assert!(version_before("2026.12", "2026.12.1"));
    assert!(!version_before("2026.12.1", "2026.12.1"));
    assert!(!version_before("2027.1.0", "2026.12.3"));
    let ladder = shipped("l5.json");
    let coach = &ladder.statements[ladder
        .statement_index("responsibilities.coach-newcomers")
        .unwrap()];
    assert_eq!(coach.replaces[0].id, "responsibilities.mentor");
    assert!(
        coach.replaces[0].applies_to("2026.12.2") && !coach.replaces[0].applies_to("2026.12.0")
    );
}
