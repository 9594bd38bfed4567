//! Embed configuration: settings from `data-*` attributes or the URL query,
//! checked here so a bad value gets a message naming the setting and the
//! widget still starts with the default. Documented in docs/embedding.md.

use super::document::is_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartMode {
    Quick,
    Full,
    Learn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    Auto,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Where to start when the link names no page.
    pub mode: Option<StartMode>,
    /// Section to start at (checked against the ladder once it is loaded).
    pub section: Option<String>,
    pub theme: Theme,
    /// A same-origin content file to use instead of the built-in ladder.
    pub content: Option<String>,
    /// Storage namespace: two embeds on one site keep separate answers.
    pub instance: String,
    /// Origins allowed to receive this frame's size messages.
    pub parent_origins: Vec<String>,
    /// Tighter spacing for narrow wiki columns.
    pub compact: bool,
    /// Weeks without a change after which the start page offers a
    /// check-in, and the next change keeps the answers as they were.
    pub checkin_weeks: u32,
}

pub const DEFAULT_INSTANCE: &str = "default";

/// Every setting, in the order the docs list them.
pub const SETTINGS: &[&str] = &[
    "mode",
    "section",
    "theme",
    "content",
    "instance",
    "parent-origin",
    "compact",
    "checkin-weeks",
];

impl Default for Config {
    fn default() -> Self {
        Config {
            mode: None,
            section: None,
            theme: Theme::Auto,
            content: None,
            instance: DEFAULT_INSTANCE.to_string(),
            parent_origins: Vec::new(),
            compact: false,
            checkin_weeks: super::engine::DEFAULT_CHECKIN_WEEKS,
        }
    }
}

impl Config {
    /// Reads the settings of one widget: its `data-*` attributes, then the
    /// page address's query (stand-alone page and iframe embed only). A
    /// `content` file named in the address is taken only where the deployer
    /// allowed it (`data-content-from-url` on the widget's element):
    /// otherwise a crafted link could point the widget at any file on the
    /// site that reuses the ladder's id, and its answers would land in the
    /// person's real document.
    pub fn from_page<'a>(
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
        query: impl IntoIterator<Item = (&'a str, &'a str)>,
        content_from_query: bool,
    ) -> (Config, Vec<String>) {
        let mut refused = Vec::new();
        let query: Vec<(&str, &str)> = query
            .into_iter()
            .filter(|(name, _)| {
                let take = *name != "content" || content_from_query;
                if !take {
                    refused.push(
                        "Setting \"content\" in the page address was ignored: this page does not take a content file from its address (docs/embedding.md says how to allow it). The built-in ladder is shown."
                            .to_string(),
                    );
                }
                take
            })
            .collect();
        let (config, mut problems) = Config::from_settings(attributes.into_iter().chain(query));
        problems.extend(refused);
        (config, problems)
    }

    /// Reads settings given as (name, value) pairs, later pairs winning.
    /// Returns the configuration and one message per rejected value.
    pub fn from_settings<'a>(
        settings: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        for (name, value) in settings {
            let value = value.trim();
            if let Err(problem) = config.apply(name, value) {
                problems.push(format!("Setting \"{name}\": {problem}"));
            }
        }
        (config, problems)
    }

    fn apply(&mut self, name: &str, value: &str) -> Result<(), String> {
        let shown: String = value.chars().take(60).collect();
        match name {
            "mode" => {
                self.mode = Some(match value {
                    "quick" => StartMode::Quick,
                    "full" => StartMode::Full,
                    "learn" => StartMode::Learn,
                    _ => {
                        return Err(format!(
                            "\"{shown}\" is not quick, full or learn; the start page is shown instead."
                        ))
                    }
                })
            }
            "section" if is_id(value) => self.section = Some(value.to_string()),
            "section" => return Err(format!("\"{shown}\" is not a section id; starting at the first section.")),
            "theme" => {
                self.theme = match value {
                    "auto" | "" => Theme::Auto,
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => {
                        return Err(format!(
                            "\"{shown}\" is not auto, light or dark; following the system instead."
                        ))
                    }
                }
            }
            "content" if !value.is_empty() => self.content = Some(value.to_string()),
            "content" => return Err("is empty; using the built-in ladder.".to_string()),
            "instance" if is_id(value) => self.instance = value.to_string(),
            "instance" => {
                return Err(format!(
                    "\"{shown}\" is not a valid name (lowercase letters, digits, '-', '.', '_'); using \"{DEFAULT_INSTANCE}\"."
                ))
            }
            "parent-origin" => {
                let mut origins = Vec::new();
                for origin in value.split([',', ' ']).filter(|o| !o.is_empty()) {
                    if !is_origin(origin) {
                        return Err(format!(
                            "\"{}\" is not an origin like https://wiki.example.com; the frame will not report its size.",
                            origin.chars().take(60).collect::<String>()
                        ));
                    }
                    origins.push(origin.trim_end_matches('/').to_string());
                }
                self.parent_origins = origins;
            }
            "compact" => {
                self.compact = match value {
                    "" | "true" | "1" | "yes" => true,
                    "false" | "0" | "no" => false,
                    _ => return Err(format!("\"{shown}\" is not true or false; using false.")),
                }
            }
            "checkin-weeks" => {
                self.checkin_weeks = value.parse().ok().filter(|w| (1..=104).contains(w)).ok_or_else(|| {
                    format!("\"{shown}\" is not a number of weeks from 1 to 104; using {}.", super::engine::DEFAULT_CHECKIN_WEEKS)
                })?
            }
            // Other query parameters belong to the page, not to us.
            _ => {}
        }
        Ok(())
    }
}

/// `scheme://host[:port]`, nothing more: no path, no wildcard.
pub fn is_origin(text: &str) -> bool {
    let text = text.trim_end_matches('/');
    let (scheme, rest) = if let Some(rest) = text.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = text.strip_prefix("http://") {
        ("http", rest)
    } else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}
