//! Mounts the app. Everything else lives in the library so tests can reach it.

// boot.js (or embed.js) starts the app once it has loaded, with the
// address of the built-in ladder. Naming the entry point here links the
// library, whose exports wasm-bindgen then finds.
#[cfg(target_arch = "wasm32")]
fn main() {
    std::hint::black_box(l5_selfcheck::start_page as fn(String));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("L5 Self-Check is a WebAssembly app: run `./dev serve` to build and open it.");
}
