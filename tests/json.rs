//! Our JSON reader against serde_json: the same values for every text
//! serde_json writes, the same verdict on random text, and no panics.
#![cfg(not(target_arch = "wasm32"))]

use l5_selfcheck::core::json::{parse, Value, Writer, MAX_DEPTH};
use proptest::prelude::*;

/// Our value as a serde_json value, to compare the two readers.
fn to_serde(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::from_str(n.text()).expect("a valid number literal"),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(fields) => {
            let mut map = serde_json::Map::new();
            for (name, value) in fields {
                map.insert(name.clone(), to_serde(value));
            }
            serde_json::Value::Object(map)
        }
    }
}

fn serde_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<u64>().prop_map(|n| serde_json::json!(n)),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        (-1e9f64..1e9).prop_map(|n| serde_json::json!(n)),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Our writer's strings and numbers read back the same in serde_json.
    #[test]
    fn serde_json_reads_what_we_write(key in any::<String>(), text in any::<String>(), number in any::<u64>()) {
        let mut w = Writer::new();
        w.begin().field_str(&key, &text).key("n").number(number).key("list").begin_list();
        w.item().begin().field_str("x", &text).end();
        w.end_list().end();
        let written = w.finish();
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(&read[&key], &serde_json::Value::String(text.clone()));
        prop_assert_eq!(&read["n"], &serde_json::json!(number));
        prop_assert_eq!(&read["list"][0]["x"], &serde_json::Value::String(text));
    }

    #[test]
    fn reads_what_serde_json_writes(value in serde_value()) {
        // Compared with serde_json's own reading of the text (its float
        // parsing may differ from the original value in the last digit).
        for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(to_serde(&parse(&text).unwrap()), theirs);
        }
    }

    #[test]
    fn agrees_with_serde_json_on_random_text(text in r#"[\[\]{}":,0-9a-z.\\ \n+-]{0,40}"#) {
        let ours = parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(&to_serde(a), b),
            (Err(_), Err(_)) => {}
            // serde_json refuses float literals too large for f64; we keep
            // numbers as text and never need their value.
            (Ok(_), Err(e)) if e.to_string().contains("out of range") => {}
            _ => prop_assert!(false, "ours {:?}, serde_json {:?}", ours, theirs),
        }
    }

    #[test]
    fn never_panics_on_any_text(text in ".{0,200}") {
        let _ = parse(&text);
    }
}

#[test]
fn errors_say_where() {
    let error = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
    assert_eq!(error.to_string(), "expected ':' at line 3, column 7");
    assert_eq!(parse("[1, 2").unwrap_err().problem, "expected ',' or ']'");
    assert_eq!(parse("\"abc").unwrap_err().problem, "unterminated string");
    assert_eq!(
        parse("01").unwrap_err().problem,
        "a number cannot start with 0"
    );
    assert_eq!(
        parse("\"\\ud800\"").unwrap_err().problem,
        "lone surrogate in \\u escape"
    );
    assert_eq!(
        parse("{} x").unwrap_err().problem,
        "unexpected text after the end"
    );
}

#[test]
fn escapes_and_unicode_are_read() {
    let value = parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 é""#).unwrap();
    assert_eq!(
        value,
        Value::String("a\"b\\c/d\n\t\u{e9}\u{1F600} é".into())
    );
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    assert_eq!(parse(&deep).unwrap_err().problem, "nested too deeply");
    let fine = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
    assert!(parse(&fine).is_ok());
}

#[test]
fn repeated_field_names_keep_the_last() {
    let value = parse(r#"{"a": 1, "a": 2}"#).unwrap();
    assert_eq!(value.get("a").and_then(Value::as_u64), Some(2));
}

#[test]
fn only_whole_numbers_read_as_whole() {
    for (text, whole) in [
        ("7", Some(7)),
        ("-7", None),
        ("7.5", None),
        ("1e2", None),
        ("18446744073709551616", None),
    ] {
        assert_eq!(parse(text).unwrap().as_u64(), whole, "{text}");
    }
}

#[test]
fn a_trailing_comma_is_named_at_the_comma() {
    let error = parse("{\n  \"a\": 1,\n}").unwrap_err();
    assert_eq!((error.line, error.column), (2, 9));
    assert!(
        error.problem.contains("remove the last comma"),
        "{}",
        error.problem
    );
    let error = parse("[1, 2, ]").unwrap_err();
    assert_eq!(error.column, 6);
    assert!(error.problem.contains("list"));
}
