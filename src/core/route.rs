//! Hash routes, so a wiki page can link straight to a section
//! (`#/check/impact`, `#/results`, `#/learn/ownership`). Parsing is pure;
//! the browser side only reads and writes `location.hash`.

use super::document::CheckMode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    /// One section of a check, by section id; `focus` names a statement to
    /// bring into view (links from the results).
    Check {
        mode: CheckMode,
        section: String,
        focus: Option<String>,
    },
    /// Results; `None` means the mode of the check last taken.
    Results {
        mode: Option<CheckMode>,
    },
    /// Learn mode: the overview, or one section.
    Learn {
        section: Option<String>,
    },
    /// Export, import, snapshots and sharing.
    Data,
    /// Side by side: a snapshot and now (`snapshot` is its time), or the
    /// comparison document imported for this visit.
    Compare {
        snapshot: Option<u64>,
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

impl Route {
    pub fn check(mode: CheckMode, section: &str) -> Route {
        Route::Check {
            mode,
            section: section.to_string(),
            focus: None,
        }
    }

    /// Reads a `location.hash` value such as `#/check/impact`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Start,
            [mode @ ("check" | "quick"), section, focus @ ..] if focus.len() <= 1 => Route::Check {
                mode: if *mode == "quick" {
                    CheckMode::Quick
                } else {
                    CheckMode::Full
                },
                section: section.to_string(),
                focus: focus.first().map(|id| id.to_string()),
            },
            ["results"] => Route::Results { mode: None },
            ["results", "quick"] => Route::Results {
                mode: Some(CheckMode::Quick),
            },
            ["results", "full"] => Route::Results {
                mode: Some(CheckMode::Full),
            },
            ["learn"] => Route::Learn { section: None },
            ["data"] => Route::Data,
            ["compare"] => Route::Compare { snapshot: None },
            ["compare", "snapshot", time] if time.parse::<u64>().is_ok() => Route::Compare {
                snapshot: time.parse().ok(),
            },
            ["shared", payload] => Route::Shared {
                payload: payload.to_string(),
            },
            ["learn", section] => Route::Learn {
                section: Some(section.to_string()),
            },
            _ => Route::NotFound {
                path: path.chars().take(80).collect(),
            },
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".to_string(),
            Route::Check {
                mode,
                section,
                focus: None,
            } => format!("#/{}/{section}", mode_path(*mode)),
            Route::Check {
                mode,
                section,
                focus: Some(focus),
            } => format!("#/{}/{section}/{focus}", mode_path(*mode)),
            Route::Results { mode: None } => "#/results".to_string(),
            Route::Results {
                mode: Some(CheckMode::Quick),
            } => "#/results/quick".to_string(),
            Route::Results {
                mode: Some(CheckMode::Full),
            } => "#/results/full".to_string(),
            Route::Learn { section: None } => "#/learn".to_string(),
            Route::Learn {
                section: Some(section),
            } => format!("#/learn/{section}"),
            Route::Data => "#/data".to_string(),
            Route::Compare { snapshot: None } => "#/compare".to_string(),
            Route::Compare {
                snapshot: Some(time),
            } => format!("#/compare/snapshot/{time}"),
            Route::Shared { payload } => format!("#/shared/{payload}"),
            Route::NotFound { path } => format!("#/{path}"),
        }
    }
}

fn mode_path(mode: CheckMode) -> &'static str {
    match mode {
        CheckMode::Quick => "quick",
        CheckMode::Full => "check",
    }
}
