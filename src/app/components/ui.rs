//! Builders for plain elements, used by the results page's lists: a list
//! built in a loop reads more simply as data than as nested `html!`. (They
//! cut raw wasm bytes but hardly gzip bytes.) Text is always a text node.

use yew::prelude::*;
use yew::virtual_dom::VList;

fn class_of(class: &'static str) -> Option<&'static str> {
    (!class.is_empty()).then_some(class)
}

/// `<tag class>text</tag>`.
#[inline(never)]
pub fn t(tag: &'static str, class: &'static str, text: String) -> Html {
    html! { <@{tag} class={class_of(class)}>{ text }</@> }
}

/// `<tag class>children</tag>`.
#[inline(never)]
pub fn el(tag: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    html! { <@{tag} class={class_of(class)}>{ VList::with_children(children, None) }</@> }
}

/// `<a class href>text</a>`.
#[inline(never)]
pub fn link(class: &'static str, href: String, text: String) -> Html {
    html! { <a class={class_of(class)} {href}>{ text }</a> }
}

/// A list of plain text items.
#[inline(never)]
pub fn text_list(class: &'static str, items: &[String]) -> Html {
    el(
        "ul",
        class,
        items.iter().map(|item| t("li", "", item.clone())).collect(),
    )
}
