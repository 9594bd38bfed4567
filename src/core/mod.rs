//! The pure core: content, answers, scoring and the persisted document.
//! Nothing here knows about the browser, so all of it is tested natively.

pub mod checks;
pub mod compare;
pub mod config;
pub mod content;
pub mod document;
pub mod engine;
pub mod exchange;
pub mod fields;
pub mod keys;
pub mod markdown;
pub mod route;
pub mod scoring;
pub mod share;
pub mod state;
pub mod store;
pub mod sync;
pub mod team;
pub mod time;
