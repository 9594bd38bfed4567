//! The persisted document: everything saved for one ladder, one instance
//! and one check (the person's own, or one about someone else).
//!
//! - `model`: the data, described once with serde, and the changes a
//!   person makes to it;
//! - `codec`: JSON in and out (decode = parse → migrate → validate);
//! - `validate`: limits, and the constructors that make stored text safe;
//! - `merge`: bringing two copies together;
//! - `plan`: the focus items a person chose, merged item by item;
//! - `beside`: the other view of the same person kept for a 1:1, and the
//!   1:1 notes.

pub mod beside;
mod codec;
mod merge;
mod model;
pub mod plan;
mod read;
mod validate;

pub use beside::{Agenda, Beside};
pub use codec::{read_export, DecodeError};
pub use merge::{reconcile, Reconciled};
pub use model::*;
pub use read::early_answers;
pub use validate::*;
