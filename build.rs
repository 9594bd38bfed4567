//! Chooses the ladder compiled into the app.
//!
//! `L5_LADDER_FILE` (a path relative to this folder, or absolute) picks
//! another team's content file at build time; the default is the L5 ladder.
//! A page can still load a different same-origin file at run time.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=L5_LADDER_FILE");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let chosen =
        std::env::var("L5_LADDER_FILE").unwrap_or_else(|_| "assets/ladders/l5.json".into());
    let path = manifest.join(chosen);
    if !path.is_file() {
        panic!("L5_LADDER_FILE: no content file at {}", path.display());
    }
    println!("cargo:rerun-if-changed={}", path.display());
    // Compiled in without indentation: fewer bytes in the wasm. A file that
    // is not valid JSON is kept as it is, so the app can name the problem.
    let text = std::fs::read_to_string(&path).expect("content file is readable");
    let compact = serde_json::from_str::<serde_json::Value>(&text)
        .map(|mut value| {
            strip_topics(&mut value);
            value.to_string()
        })
        .unwrap_or(text);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("ladder.json");
    std::fs::write(&out, compact).expect("OUT_DIR is writable");
    println!("cargo:rustc-env=L5_LADDER_PATH={}", out.display());
}

/// Statement topics only serve the content coverage tests (which read the
/// file itself); the app never shows them, so they are not compiled in.
fn strip_topics(value: &mut serde_json::Value) {
    if let Some(statements) = value.get_mut("statements").and_then(|s| s.as_array_mut()) {
        for statement in statements {
            if let Some(fields) = statement.as_object_mut() {
                fields.remove("topics");
            }
        }
    }
}
