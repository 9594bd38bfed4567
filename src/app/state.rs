//! The core state machine (`core::state`) as a Yew reducer.

use crate::core::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for State {
    type Action = Action;

    /// Returning the same `Rc` skips the re-render when nothing changed.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match State::reduce(&self, action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}
