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
    println!("cargo:rustc-env=L5_LADDER_PATH={}", path.display());
}
