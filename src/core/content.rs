//! The ladder content: its model, and the validation that turns a content
//! file into a `Ladder` or a message naming the field that is wrong.
//!
//! The format is documented in `docs/content-format.md`; keep the two in step.

use super::json::{self, error, FieldError, Obj, Value};

/// The content format version this app reads.
pub const CONTENT_FORMAT: u64 = 1;
pub const MAX_ID_LEN: usize = 64;
pub const MAX_STATEMENT_LEN: usize = 300;
pub const MIN_STEPS: usize = 2;
pub const MAX_STEPS: usize = 7;

#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    pub id: String,
    pub title: String,
    pub version: String,
    pub about: String,
    pub scale: Scale,
    pub sections: Vec<Section>,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Ordered from least to most; values strictly increase.
    pub steps: Vec<Step>,
    /// The answer for "not sure / no chance yet", which is never scored.
    pub unsure: Choice,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub value: u8,
    pub choice: Choice,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub in_practice: Vec<String>,
    pub growth: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Expectation,
    /// A risky behaviour: scored in reverse and reported as a watch-out.
    AntiPattern,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub id: String,
    /// Index into `Ladder::sections`.
    pub section: usize,
    pub text: String,
    pub kind: Kind,
    pub quick: bool,
    pub evidence: Option<String>,
    pub topics: Vec<String>,
}

impl Scale {
    pub fn lowest(&self) -> u8 {
        self.steps.first().map_or(0, |step| step.value)
    }

    pub fn highest(&self) -> u8 {
        self.steps.last().map_or(0, |step| step.value)
    }

    pub fn step(&self, value: u8) -> Option<&Step> {
        self.steps.iter().find(|step| step.value == value)
    }

    /// Position of a value on the scale (0 for the first step), if it is one.
    pub fn position(&self, value: u8) -> Option<usize> {
        self.steps.iter().position(|step| step.value == value)
    }
}

impl Ladder {
    /// Parses and validates a content file.
    pub fn parse(text: &str) -> Result<Ladder, FieldError> {
        let value = json::parse(text)
            .map_err(|err| error("content file", format!("is not valid JSON ({err})")))?;
        Self::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Ladder, FieldError> {
        let root = Obj::new(value, "content file")?;
        root.only_fields(&[
            "format",
            "id",
            "title",
            "version",
            "about",
            "scale",
            "sections",
            "statements",
        ])?;
        let format = root.whole_number("format")?;
        if format != CONTENT_FORMAT {
            return Err(root.fail(
                "format",
                format!("is {format}, but this app reads format {CONTENT_FORMAT}"),
            ));
        }
        let id = root.text("id")?;
        check_id(&root, "id", &id)?;
        let scale = parse_scale(&root.object("scale")?)?;
        let sections = parse_sections(root.list("sections")?)?;
        let statements = parse_statements(root.list("statements")?, &sections, root.place())?;
        let ladder = Ladder {
            id,
            title: root.text("title")?,
            version: root.text("version")?,
            about: root.opt_text("about")?.unwrap_or_default(),
            scale,
            sections,
            statements,
        };
        check_coverage(&ladder)?;
        Ok(ladder)
    }

    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|section| section.id == id)
    }

    /// Whether a section has expectations to score. A section of only
    /// anti-patterns is reported through its watch-outs, not as a result.
    pub fn has_expectations(&self, section: usize) -> bool {
        self.statements
            .iter()
            .any(|s| s.section == section && s.kind == Kind::Expectation)
    }

    /// Statements of one section, in file order, optionally only the quick set.
    pub fn statements_in(
        &self,
        section: usize,
        quick_only: bool,
    ) -> impl Iterator<Item = &Statement> {
        self.statements
            .iter()
            .filter(move |s| s.section == section && (!quick_only || s.quick))
    }
}

/// Ids appear in storage keys and URLs, so they stay simple.
fn check_id(obj: &Obj, key: &str, id: &str) -> Result<(), FieldError> {
    let simple = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'));
    if !simple || id.len() > MAX_ID_LEN {
        return Err(obj.fail(
            key,
            format!(
                "\"{id}\" is not a valid id (use at most {MAX_ID_LEN} lowercase letters, digits, '-', '.' or '_')"
            ),
        ));
    }
    Ok(())
}

fn parse_choice(obj: &Obj) -> Result<Choice, FieldError> {
    Ok(Choice {
        label: obj.text("label")?,
        description: obj.text("description")?,
    })
}

fn parse_scale(scale: &Obj) -> Result<Scale, FieldError> {
    scale.only_fields(&["steps", "unsure"])?;
    let items = scale.list("steps")?;
    if !(MIN_STEPS..=MAX_STEPS).contains(&items.len()) {
        return Err(scale.fail(
            "steps",
            format!(
                "has {} steps; a scale needs {MIN_STEPS} to {MAX_STEPS}",
                items.len()
            ),
        ));
    }
    let mut steps: Vec<Step> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let step = Obj::new(item, format!("scale step {}", index + 1))?;
        step.only_fields(&["value", "label", "description"])?;
        let value = step.whole_number("value")?;
        let value = u8::try_from(value)
            .ok()
            .filter(|value| *value <= 100)
            .ok_or_else(|| step.fail("value", format!("is {value}; use 0 to 100")))?;
        if let Some(previous) = steps.last() {
            if value <= previous.value {
                return Err(step.fail(
                    "value",
                    format!(
                        "is {value}, but values must increase from one step to the next (previous step is {})",
                        previous.value
                    ),
                ));
            }
        }
        let choice = parse_choice(&step)?;
        if steps.iter().any(|other| other.choice.label == choice.label) {
            return Err(step.fail(
                "label",
                format!("\"{}\" is used by two steps", choice.label),
            ));
        }
        steps.push(Step { value, choice });
    }
    let unsure_obj = scale.object("unsure")?;
    unsure_obj.only_fields(&["label", "description"])?;
    let unsure = parse_choice(&unsure_obj)?;
    if steps.iter().any(|step| step.choice.label == unsure.label) {
        return Err(unsure_obj.fail(
            "label",
            format!("\"{}\" is also the label of a step", unsure.label),
        ));
    }
    Ok(Scale { steps, unsure })
}

fn parse_sections(items: &[Value]) -> Result<Vec<Section>, FieldError> {
    if items.is_empty() {
        return Err(error(
            "content file, field \"sections\"",
            "is empty; add at least one section",
        ));
    }
    let mut sections: Vec<Section> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let mut obj = Obj::new(item, format!("section {}", index + 1))?;
        let id = obj.text("id")?;
        obj.set_place(format!("section \"{id}\""));
        check_id(&obj, "id", &id)?;
        obj.only_fields(&["id", "title", "summary", "in_practice", "growth"])?;
        if sections.iter().any(|other| other.id == id) {
            return Err(obj.fail("id", "is used by two sections"));
        }
        sections.push(Section {
            id,
            title: obj.text("title")?,
            summary: obj.text("summary")?,
            in_practice: obj.text_list("in_practice")?,
            growth: obj.text_list("growth")?,
        });
    }
    Ok(sections)
}

fn parse_statements(
    items: &[Value],
    sections: &[Section],
    root_place: &str,
) -> Result<Vec<Statement>, FieldError> {
    if items.is_empty() {
        return Err(error(
            format!("{root_place}, field \"statements\""),
            "is empty; add at least one statement",
        ));
    }
    let mut statements: Vec<Statement> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let mut obj = Obj::new(item, format!("statement {}", index + 1))?;
        let id = obj.text("id")?;
        obj.set_place(format!("statement \"{id}\""));
        check_id(&obj, "id", &id)?;
        obj.only_fields(&[
            "id", "section", "kind", "quick", "text", "evidence", "topics",
        ])?;
        if statements.iter().any(|other| other.id == id) {
            return Err(obj.fail("id", "is used by two statements"));
        }
        let section_id = obj.text("section")?;
        let section = sections
            .iter()
            .position(|section| section.id == section_id)
            .ok_or_else(|| {
                obj.fail(
                    "section",
                    format!("\"{section_id}\" is not a section of this ladder"),
                )
            })?;
        let kind = match obj.text("kind")?.as_str() {
            "expectation" => Kind::Expectation,
            "anti-pattern" => Kind::AntiPattern,
            other => {
                return Err(obj.fail(
                    "kind",
                    format!("is \"{other}\"; use \"expectation\" or \"anti-pattern\""),
                ))
            }
        };
        let text = obj.text("text")?;
        let length = text.chars().count();
        if length > MAX_STATEMENT_LEN {
            return Err(obj.fail(
                "text",
                format!("has {length} characters; keep it under {MAX_STATEMENT_LEN}"),
            ));
        }
        statements.push(Statement {
            id,
            section,
            text,
            kind,
            quick: obj.flag("quick", false)?,
            evidence: obj.opt_text("evidence")?,
            topics: obj.text_list("topics")?,
        });
    }
    Ok(statements)
}

/// Every section must be rateable in both checks.
fn check_coverage(ladder: &Ladder) -> Result<(), FieldError> {
    for (index, section) in ladder.sections.iter().enumerate() {
        let place = format!("section \"{}\"", section.id);
        if ladder.statements_in(index, false).next().is_none() {
            return Err(error(place, "has no statements"));
        }
        if ladder.statements_in(index, true).next().is_none() {
            return Err(error(
                place,
                "has no statement in the quick check; mark at least one of its statements \"quick\": true",
            ));
        }
    }
    Ok(())
}
