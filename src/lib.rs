//! L5 Self-Check: a self-assessment against an engineering ladder level.
//!
//! `core` is pure and tested natively; `edge` wraps the browser; `app` holds
//! the Yew components, which also render natively (prerendering at build
//! time, and tests without a browser). See ARCHITECTURE.md.

pub mod app;
pub mod core;
pub mod edge;

#[cfg(target_arch = "wasm32")]
pub use app::start_page;

// Talc, a small binning allocator, instead of the default dlmalloc: about
// 3 KB gzip less and as fast. (A plain free-list allocator was smaller
// still but made a 6,000-statement ladder start ten times slower.)
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
