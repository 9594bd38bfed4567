//! Components render state and dispatch actions; one file per page.

pub mod app;
pub mod banners;
pub mod chart;
pub mod check;
pub mod compare;
pub mod data;
pub mod learn;
pub mod outgoing;
pub mod page;
pub mod people;
pub mod plan;
pub mod results;
pub mod shared;
pub mod since;
pub mod start;
pub mod statement;
pub mod summary;
pub mod team;
pub mod ui;
