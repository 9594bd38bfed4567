//! The pure core: content, answers, scoring and the persisted document.
//! Nothing here knows about the browser, so all of it is tested natively.

pub mod config;
pub mod content;
pub mod document;
pub mod json;
pub mod route;
pub mod scoring;
