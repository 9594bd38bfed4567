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
