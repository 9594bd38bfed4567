//! The content file's JSON Schema (`docs/ladder.schema.json`) and the
//! validator (`Ladder::parse`) agree. This file checks the validator's
//! side; `tests/e2e/schema.spec.ts` checks the schema's side (with Ajv) on
//! the same files and the same generated cases.
//!
//! Fixtures, in `tests/fixtures/ladders/`:
//! - `valid/*.json` parse (so do `assets/ladders/*.json` and the template
//!   `docs/ladder-template.json`, which also has no warnings);
//! - `invalid/<key>--<what is wrong>.json` each make one mistake the schema
//!   can see; they are refused and the first problem names `"<key>"`.
//!
//! Generated cases, from `docs/ladder-template.json`. Every object of the
//! template has a kind, found from its place, with required and optional
//! fields (`FIELDS` below, the same table as in the Node test):
//!   root       the file itself
//!   scale      /scale, /anti_pattern_scale
//!   step       /<scale>/steps/<n>
//!   choice     /<scale>/unsure, /<scale>/not_my_role
//!   section    /sections/<n>
//!   statement  /statements/<n>
//!   new_hire   /new_hire
//! Rules, each case named "<rule> <JSON pointer>":
//!   drop-required   delete a required field                    -> refused
//!   null-required   set a required field to null               -> refused
//!   drop-optional   delete an optional field (*)               -> accepted
//!   null-optional   set an optional field to null (*)          -> accepted
//!   wrong-type      replace any value below the root: a string
//!                   by 7, a number by "7", true/false by
//!                   "true", a list by {}, an object by []      -> refused
//!   unknown-field   add "unexpected_field": true to an object  -> refused
//! (*) except "quick" (the quick check must touch every section: a rule
//! only the validator checks) and "not_my_role" (the template's
//! role-dependent statement needs it).
//!
//! Rules only the validator checks, because they look across the file (a
//! schema checks each value on its own); the schema accepts these cases:
//!   duplicate-section-id, duplicate-statement-id, unknown-section,
//!   section-without-statements, section-without-quick,
//!   step-values-not-increasing, step-labels-repeat,
//!   unsure-label-is-a-step-label, not-my-role-label-is-unsure-label,
//!   focus-unknown-statement, replaces-current-statement, replaced-twice,
//!   and format-with-fraction ("format": 1.0: JavaScript reads 1.0 as 1).
//! Where the schema is stricter: the validator trims spaces around ids,
//! section references and the kind; the schema asks for them without
//! (id-with-spaces, kind-with-spaces, section-with-spaces,
//! focus-with-spaces: accepted here, refused by the schema).
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::content::{warnings, Ladder, QUICK_RANGE};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Required and optional fields of each kind of object.
const FIELDS: &[(&str, &[&str], &[&str])] = &[
    (
        "root",
        &[
            "format",
            "id",
            "title",
            "version",
            "scale",
            "sections",
            "statements",
        ],
        &["$schema", "about", "anti_pattern_scale", "new_hire"],
    ),
    ("scale", &["steps", "unsure"], &["not_my_role"]),
    (
        "step",
        &["value", "label", "description"],
        &["they_label", "they_description"],
    ),
    (
        "choice",
        &["label", "description"],
        &["they_label", "they_description"],
    ),
    (
        "section",
        &["id", "title", "summary"],
        &["in_practice", "growth"],
    ),
    (
        "statement",
        &["id", "section", "kind", "text"],
        &[
            "quick",
            "they_text",
            "evidence",
            "they_evidence",
            "role_dependent",
            "ideas",
            "replaces",
            "topics",
        ],
    ),
    ("new_hire", &["about", "focus"], &[]),
];

/// Optional fields the generated cases leave alone (see the rules above).
const KEEP: &[&str] = &["quick", "not_my_role"];

/// Fields the template leaves out: accepted from older files and ignored.
const NOT_IN_TEMPLATE: &[&str] = &["topics"];

/// Cases per rule; the Node test expects the same numbers. Update both
/// when the template changes.
const CASE_COUNTS: &[(&str, usize)] = &[
    ("drop-required", 118),
    ("null-required", 118),
    ("drop-optional", 80),
    ("null-optional", 80),
    ("wrong-type", 292),
    ("unknown-field", 35),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `.json` files of a fixture folder, by name.
fn fixtures(folder: &str) -> Vec<(String, String)> {
    let dir = root().join("tests/fixtures/ladders").join(folder);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, read(&path))
        })
        .collect();
    files.sort();
    files
}

fn template_text() -> String {
    read(&root().join("docs/ladder-template.json"))
}

fn template() -> Value {
    serde_json::from_str(&template_text()).expect("the template is JSON")
}

#[test]
fn valid_fixtures_and_shipped_ladders_parse() {
    let mut files = fixtures("valid");
    assert!(files.len() >= 6, "only {} valid fixtures", files.len());
    for name in ["l5.json", "example-l3.json"] {
        files.push((name.into(), read(&root().join("assets/ladders").join(name))));
    }
    for (name, text) in &files {
        if let Err(problems) = Ladder::parse(text) {
            panic!("{name} should parse: {problems}");
        }
    }
}

#[test]
fn invalid_fixtures_are_refused_naming_the_field() {
    let files = fixtures("invalid");
    assert!(files.len() >= 14, "only {} invalid fixtures", files.len());
    for (name, text) in &files {
        let (key, _) = name
            .split_once("--")
            .unwrap_or_else(|| panic!("{name}: name it <key>--<what is wrong>.json"));
        assert!(
            serde_json::from_str::<Value>(text).is_ok(),
            "{name}: fixtures make a content mistake, not a JSON syntax error"
        );
        let problems = match Ladder::parse(text) {
            Ok(_) => panic!("{name} should be refused"),
            Err(problems) => problems,
        };
        let first = problems.first().expect("a problem").to_string();
        assert!(
            first.contains(&format!("\"{key}\"")),
            "{name}: the first problem should name \"{key}\": {problems}"
        );
    }
}

#[test]
fn the_template_parses_without_warnings_and_uses_every_field() {
    let text = template_text();
    let ladder = Ladder::parse(&text).unwrap_or_else(|p| panic!("template: {p}"));
    let found = warnings(&ladder, None);
    assert!(found.is_empty(), "template warnings: {found:?}");
    let built_in = Ladder::parse(&read(&root().join("assets/ladders/l5.json"))).expect("l5");
    assert!(warnings(&ladder, Some(&built_in)).is_empty());
    assert_ne!(ladder.id, built_in.id);

    let quick = ladder.statements.iter().filter(|s| s.quick).count();
    assert!(
        (QUICK_RANGE.0..=QUICK_RANGE.1).contains(&quick),
        "{quick} quick"
    );
    assert!(ladder.statements.iter().any(|s| s.role_dependent));
    assert!(ladder.scale.not_my_role.is_some());
    assert!(ladder.anti_pattern_scale.is_some());
    assert!(ladder.new_hire.is_some());

    let value = template();
    assert_eq!(value["$schema"], json!("./ladder.schema.json"));
    // Every field of the format appears at least once.
    for (kind, required, optional) in FIELDS {
        for key in required.iter().chain(optional.iter()) {
            if NOT_IN_TEMPLATE.contains(key) {
                continue;
            }
            let used = objects(&value)
                .iter()
                .any(|(_, k, object)| k == kind && object.get(*key).is_some());
            assert!(used, "the template never uses {kind} field \"{key}\"");
        }
    }
}

/// One segment of a place in the file.
fn segments(pointer: &str) -> Vec<&str> {
    pointer.split('/').skip(1).collect()
}

/// The kind of the object at a place, if it is one the format defines.
fn kind_of(pointer: &str) -> Option<&'static str> {
    let is_index = |s: &str| s.parse::<usize>().is_ok();
    let is_scale = |s: &str| s == "scale" || s == "anti_pattern_scale";
    match segments(pointer).as_slice() {
        [] => Some("root"),
        [s] if is_scale(s) => Some("scale"),
        [s, "steps", n] if is_scale(s) && is_index(n) => Some("step"),
        [s, "unsure" | "not_my_role"] if is_scale(s) => Some("choice"),
        ["sections", n] if is_index(n) => Some("section"),
        ["statements", n] if is_index(n) => Some("statement"),
        ["new_hire"] => Some("new_hire"),
        _ => None,
    }
}

/// Every value below the root with its JSON pointer, parents first.
fn values(value: &Value) -> Vec<(String, &Value)> {
    fn walk<'a>(pointer: String, value: &'a Value, out: &mut Vec<(String, &'a Value)>) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    let at = format!("{pointer}/{key}");
                    out.push((at.clone(), item));
                    walk(at, item, out);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let at = format!("{pointer}/{index}");
                    out.push((at.clone(), item));
                    walk(at, item, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(String::new(), value, &mut out);
    out
}

/// Every object of a known kind: pointer, kind, the object.
fn objects(value: &Value) -> Vec<(String, &'static str, &serde_json::Map<String, Value>)> {
    std::iter::once((String::new(), value))
        .chain(values(value))
        .filter_map(|(pointer, v)| Some((kind_of(&pointer)?, v.as_object()?, pointer)))
        .map(|(kind, map, pointer)| (pointer, kind, map))
        .collect()
}

fn fields(kind: &str) -> (&'static [&'static str], &'static [&'static str]) {
    let (_, required, optional) = FIELDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .expect("a known kind");
    (required, optional)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Refused,
    Accepted,
}

struct Case {
    rule: &'static str,
    pointer: String,
    value: Value,
    expect: Expect,
    /// What the first problem must mention, for refused cases.
    names: Option<String>,
}

fn with(base: &Value, change: impl FnOnce(&mut Value)) -> Value {
    let mut value = base.clone();
    change(&mut value);
    value
}

fn parent_and_key(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').expect("a pointer below the root")
}

fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = parent_and_key(pointer);
    value
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("an object")
        .remove(key)
        .expect("the field");
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value.pointer_mut(pointer).expect("the place") = new;
}

/// The generated cases, by the rules at the top of this file.
fn generated() -> Vec<Case> {
    let base = template();
    let mut cases = Vec::new();
    for (at, kind, object) in objects(&base) {
        let (required, optional) = fields(kind);
        for key in object.keys() {
            let pointer = format!("{at}/{key}");
            let quoted = format!("\"{key}\"");
            if required.contains(&key.as_str()) {
                cases.push(Case {
                    rule: "drop-required",
                    value: with(&base, |v| remove(v, &pointer)),
                    pointer: pointer.clone(),
                    expect: Expect::Refused,
                    names: Some(quoted.clone()),
                });
                cases.push(Case {
                    rule: "null-required",
                    value: with(&base, |v| set(v, &pointer, Value::Null)),
                    pointer,
                    expect: Expect::Refused,
                    names: Some(quoted),
                });
            } else if optional.contains(&key.as_str()) && !KEEP.contains(&key.as_str()) {
                cases.push(Case {
                    rule: "drop-optional",
                    value: with(&base, |v| remove(v, &pointer)),
                    pointer: pointer.clone(),
                    expect: Expect::Accepted,
                    names: None,
                });
                cases.push(Case {
                    rule: "null-optional",
                    value: with(&base, |v| set(v, &pointer, Value::Null)),
                    pointer,
                    expect: Expect::Accepted,
                    names: None,
                });
            }
        }
        cases.push(Case {
            rule: "unknown-field",
            value: with(&base, |v| {
                v.pointer_mut(&at)
                    .and_then(Value::as_object_mut)
                    .expect("an object")
                    .insert("unexpected_field".into(), json!(true));
            }),
            pointer: at,
            expect: Expect::Refused,
            names: Some("unknown field \"unexpected_field\"".into()),
        });
    }
    for (pointer, old) in values(&base) {
        let new = match old {
            Value::String(_) => json!(7),
            Value::Number(_) => json!("7"),
            Value::Bool(_) => json!("true"),
            Value::Array(_) => json!({}),
            Value::Object(_) => json!([]),
            Value::Null => panic!("the template has no null"),
        };
        let (parent, last) = parent_and_key(&pointer);
        let names = match last.parse::<usize>() {
            // An item: text lists name their field, object lists the item.
            Ok(index) => match parent_and_key(parent).1 {
                "steps" => format!("step {}", index + 1),
                "sections" => format!("section {}", index + 1),
                "statements" => format!("statement {}", index + 1),
                list => format!("\"{list}\""),
            },
            Err(_) => format!("\"{last}\""),
        };
        cases.push(Case {
            rule: "wrong-type",
            value: with(&base, |v| set(v, &pointer, new)),
            pointer,
            expect: Expect::Refused,
            names: Some(names),
        });
    }
    cases
}

#[test]
fn generated_cases_are_refused_or_accepted_by_the_rules() {
    let cases = generated();
    let mut failures = Vec::new();
    for case in &cases {
        let name = format!("{} {}", case.rule, case.pointer);
        match (Ladder::parse(&case.value.to_string()), case.expect) {
            (Ok(_), Expect::Accepted) => {}
            (Ok(_), Expect::Refused) => failures.push(format!("{name}: accepted")),
            (Err(problems), Expect::Accepted) => {
                failures.push(format!("{name}: refused: {problems}"))
            }
            (Err(problems), Expect::Refused) => {
                let names = case.names.as_deref().unwrap_or_default();
                if !problems.to_string().contains(names) {
                    failures.push(format!("{name}: should mention {names}: {problems}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let counts: Vec<(&str, usize)> = CASE_COUNTS
        .iter()
        .map(|(rule, _)| (*rule, cases.iter().filter(|c| c.rule == *rule).count()))
        .collect();
    assert_eq!(
        counts, CASE_COUNTS,
        "case counts changed: update CASE_COUNTS here and in tests/e2e/schema.spec.ts"
    );
    assert_eq!(
        cases.len(),
        CASE_COUNTS.iter().map(|(_, n)| n).sum::<usize>()
    );
}

/// A change the validator refuses but a schema cannot see, with what the
/// validator says.
fn validator_only() -> Vec<(&'static str, String, &'static str)> {
    let base = template();
    let statement_of = |section: &str| -> Vec<usize> {
        base["statements"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .filter(|(_, s)| s["section"] == json!(section))
            .map(|(i, _)| i)
            .collect()
    };
    let first_section = base["sections"][0]["id"].as_str().unwrap().to_string();
    let change = |f: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        f(&mut v);
        serde_json::to_string_pretty(&v).unwrap()
    };
    let fraction = template_text().replacen("\"format\": 1,", "\"format\": 1.0,", 1);
    assert_ne!(fraction, template_text(), "the template has \"format\": 1,");
    vec![
        (
            "duplicate-section-id",
            change(&|v| v["sections"][1]["id"] = v["sections"][0]["id"].clone()),
            "is used by two sections",
        ),
        (
            "duplicate-statement-id",
            change(&|v| v["statements"][1]["id"] = v["statements"][0]["id"].clone()),
            "is used by two statements",
        ),
        (
            "unknown-section",
            change(&|v| v["statements"][0]["section"] = json!("no-such-section")),
            "is not a section of this ladder",
        ),
        (
            "section-without-statements",
            change(&|v| {
                v["sections"].as_array_mut().unwrap().push(
                    json!({"id": "extra", "title": "Extra", "summary": "Nothing asked here yet."}),
                )
            }),
            "has no statements",
        ),
        (
            "section-without-quick",
            change(&|v| {
                for index in statement_of(&first_section) {
                    v["statements"][index]["quick"] = json!(false);
                }
            }),
            "has no statement in the quick check",
        ),
        (
            "step-values-not-increasing",
            change(&|v| v["scale"]["steps"][1]["value"] = v["scale"]["steps"][0]["value"].clone()),
            "values must increase",
        ),
        (
            "step-labels-repeat",
            change(&|v| v["scale"]["steps"][1]["label"] = v["scale"]["steps"][0]["label"].clone()),
            "is used by two steps",
        ),
        (
            "unsure-label-is-a-step-label",
            change(&|v| v["scale"]["unsure"]["label"] = v["scale"]["steps"][0]["label"].clone()),
            "is also the label of a step",
        ),
        (
            "not-my-role-label-is-unsure-label",
            change(&|v| v["scale"]["not_my_role"]["label"] = v["scale"]["unsure"]["label"].clone()),
            "has the same label as \"unsure\"",
        ),
        (
            "focus-unknown-statement",
            change(&|v| v["new_hire"]["focus"][0] = json!("no.such-statement")),
            "is not a statement of this ladder",
        ),
        (
            "replaces-current-statement",
            change(&|v| v["statements"][0]["replaces"] = json!([v["statements"][1]["id"]])),
            "is still a statement of this ladder",
        ),
        (
            "replaced-twice",
            change(&|v| v["statements"][1]["replaces"] = v["statements"][0]["replaces"].clone()),
            "is replaced by two statements",
        ),
        ("format-with-fraction", fraction, "must be a whole number"),
    ]
}

#[test]
fn validator_only_rules_are_checked_by_the_validator() {
    for (name, text, says) in validator_only() {
        match Ladder::parse(&text) {
            Ok(_) => panic!("{name}: should be refused"),
            Err(problems) => assert!(
                problems.to_string().contains(says),
                "{name}: should say {says:?}: {problems}"
            ),
        }
    }
}

#[test]
fn spaces_around_ids_and_kind_are_trimmed_by_the_validator() {
    let base = template();
    type Edit = dyn Fn(&mut Value);
    let cases: [(&str, &Edit); 4] = [
        ("id-with-spaces", &|v| v["id"] = json!(" my-ladder ")),
        ("kind-with-spaces", &|v| {
            v["statements"][0]["kind"] = json!("expectation ")
        }),
        ("section-with-spaces", &|v| {
            let section = v["statements"][0]["section"].as_str().unwrap().to_string();
            v["statements"][0]["section"] = json!(format!(" {section}"));
        }),
        ("focus-with-spaces", &|v| {
            let focus = v["new_hire"]["focus"][0].as_str().unwrap().to_string();
            v["new_hire"]["focus"][0] = json!(format!("{focus} "));
        }),
    ];
    for (name, change) in cases {
        let value = with(&base, change);
        if let Err(problems) = Ladder::parse(&value.to_string()) {
            panic!("{name}: the validator trims it, but says: {problems}");
        }
    }
}
