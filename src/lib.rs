//! L5 Self-Check: a self-assessment against an engineering ladder level.
//!
//! `core` is pure and tested natively; `edge` wraps the browser; `app` holds
//! the Yew components. See ARCHITECTURE.md.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod edge;

#[cfg(target_arch = "wasm32")]
pub use app::start;

// A small free-list allocator (it coalesces freed blocks) instead of the
// default dlmalloc: 3.6 KB gzip less, and a widget's heap stays small.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
