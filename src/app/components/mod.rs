//! Components render state and dispatch actions; one file each.

pub mod app;
pub mod banners;
pub mod statement;
