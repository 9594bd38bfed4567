//! Mounts the app. Everything else lives in the library so tests can reach it.

#[cfg(target_arch = "wasm32")]
fn main() {
    l5_selfcheck::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("L5 Self-Check is a WebAssembly app: run `./dev serve` to build and open it.");
}
