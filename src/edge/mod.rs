//! The browser edge: the only code that touches `web_sys` besides the
//! components. Each piece is small, fallible and never panics.

pub mod clock;
pub mod config;
pub mod download;
pub mod fetch;
pub mod files;
pub mod page;
pub mod storage;
