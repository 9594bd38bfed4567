//! Components render state and dispatch actions; one file each.

pub mod app;
pub mod banners;
pub mod check;
pub mod compare;
pub mod exchange;
pub mod learn;
pub mod radar;
pub mod results;
pub mod start;
pub mod statement;
pub mod ui;
