//! Hash routes, so a wiki page can link straight to a page of the widget
//! (`#/check/impact`, `#/results`, `#/learn/ownership`). A check about
//! someone else lives under `#/p/<check id>/…`; the person's own check has
//! no prefix, so every link made before checks existed still works.
//! Parsing is pure; the browser side only reads and writes the hash.

use super::document::CheckMode;
use super::keys::CheckRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    /// The quick check: every quick statement on one page. `section`
    /// brings one section's statements into view.
    Quick {
        section: Option<String>,
    },
    /// One section of the full check; `focus` names a statement to bring
    /// into view (links from the results).
    Check {
        section: String,
        focus: Option<String>,
    },
    /// A learner rates one section, then goes back to learning.
    Rate {
        section: String,
    },
    /// Results; `None` means the check last taken.
    Results {
        mode: Option<CheckMode>,
    },
    /// Learn mode: the overview, or one section.
    Learn {
        section: Option<String>,
    },
    /// Export, import, snapshots and sharing.
    Data,
    /// Side by side with this check.
    Compare {
        with: Compared,
    },
    /// A read-only view of answers carried in the link itself.
    Shared {
        payload: String,
    },
    /// Anything else: shown as "page not found" with a way back.
    NotFound {
        path: String,
    },
}

/// What a check is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compared {
    /// One of its own snapshots (its time).
    Snapshot(u64),
    /// The view kept beside this check (a report's own self-check): the
    /// 1:1 agenda.
    Beside,
}

impl Route {
    pub fn check(section: &str) -> Route {
        Route::Check {
            section: section.to_string(),
            focus: None,
        }
    }

    /// The check a page belongs to, if it is a check page.
    pub fn mode(&self) -> Option<CheckMode> {
        match self {
            Route::Quick { .. } => Some(CheckMode::Quick),
            Route::Check { .. } | Route::Rate { .. } => Some(CheckMode::Full),
            _ => None,
        }
    }

    /// Reads a `location.hash` value such as `#/check/impact` or
    /// `#/p/c-k3x9/results`.
    pub fn parse(hash: &str) -> (CheckRef, Route) {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        let check = match parts.as_slice() {
            ["p", id, ..] if super::document::is_id(id) => {
                let id = id.to_string();
                parts.drain(..2);
                CheckRef::Other(id)
            }
            _ => CheckRef::Own,
        };
        let text = |part: &str| part.to_string();
        let route = match parts.as_slice() {
            [] => Route::Start,
            ["quick"] => Route::Quick { section: None },
            ["quick", section] => Route::Quick {
                section: Some(text(section)),
            },
            ["check", section] => Route::check(section),
            ["check", section, focus] => Route::Check {
                section: text(section),
                focus: Some(text(focus)),
            },
            ["results"] => Route::Results { mode: None },
            ["results", "quick"] => Route::Results {
                mode: Some(CheckMode::Quick),
            },
            ["results", "full"] => Route::Results {
                mode: Some(CheckMode::Full),
            },
            ["learn"] => Route::Learn { section: None },
            ["learn", section] => Route::Learn {
                section: Some(text(section)),
            },
            ["learn", section, "rate"] => Route::Rate {
                section: text(section),
            },
            ["data"] => Route::Data,
            ["compare"] => Route::Compare {
                with: Compared::Beside,
            },
            ["compare", "snapshot", time] if time.parse::<u64>().is_ok() => Route::Compare {
                with: Compared::Snapshot(time.parse().unwrap_or_default()),
            },
            // Links from before the agenda compared two checks: they open
            // the agenda of the check they are in.
            ["compare", "own"] | ["compare", "p", _] => Route::Compare {
                with: Compared::Beside,
            },
            ["shared", payload] => Route::Shared {
                payload: text(payload),
            },
            // The path within the check, so the page's own address reads
            // back as this same page (never nesting `p/<id>/` again).
            _ => Route::NotFound {
                path: parts.join("/").chars().take(80).collect(),
            },
        };
        (check, route)
    }

    /// The hash for this route of `check`, starting with `#`.
    pub fn href(&self, check: &CheckRef) -> String {
        let prefix = match check {
            CheckRef::Own => String::new(),
            CheckRef::Other(id) => format!("p/{id}/"),
        };
        let path = match self {
            Route::Start => String::new(),
            Route::Quick { section: None } => "quick".into(),
            Route::Quick {
                section: Some(section),
            } => format!("quick/{section}"),
            Route::Check {
                section,
                focus: None,
            } => format!("check/{section}"),
            Route::Check {
                section,
                focus: Some(focus),
            } => format!("check/{section}/{focus}"),
            Route::Rate { section } => format!("learn/{section}/rate"),
            Route::Results { mode: None } => "results".into(),
            Route::Results { mode: Some(mode) } => format!("results/{}", mode.word()),
            Route::Learn { section: None } => "learn".into(),
            Route::Learn {
                section: Some(section),
            } => format!("learn/{section}"),
            Route::Data => "data".into(),
            Route::Compare {
                with: Compared::Beside,
            } => "compare".into(),
            Route::Compare {
                with: Compared::Snapshot(time),
            } => format!("compare/snapshot/{time}"),
            Route::Shared { payload } => format!("shared/{payload}"),
            Route::NotFound { path } => path.clone(),
        };
        format!("#/{prefix}{path}")
    }
}

/// The fragment that opens `hash` (`#/results`) in the widget named
/// `instance` of a script embed: the page's own address belongs to the
/// host page, so a link made there names the widget it is for.
pub fn embed_hash(instance: &str, hash: &str) -> String {
    format!("#l5-{instance}{}", hash.trim_start_matches('#'))
}

/// The address as this widget reads it: the page's own (stand-alone page,
/// iframe), or in a script embed only a fragment addressed to this widget
/// by name (`#l5-<instance>/shared/...`); anything else is the host
/// page's, and opens the start page.
pub fn widget_hash(hash_routing: bool, instance: &str, page_hash: &str) -> String {
    if hash_routing {
        return page_hash.to_string();
    }
    let prefix = embed_hash(instance, "#/");
    page_hash
        .strip_prefix(prefix.as_str())
        .map(|rest| format!("#/{rest}"))
        .unwrap_or_default()
}
