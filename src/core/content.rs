//! The ladder content: its model, and the validation that turns a content
//! file into a `Ladder` or into every problem found, each naming the place.
//!
//! The format is documented in `docs/content-format.md`; keep the two in step.

use super::document::{Answers, Rating};
use super::fields::{error, FieldError, Obj, Value};
use std::fmt;

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
    /// The scale of expectations.
    pub scale: Scale,
    /// The scale of anti-patterns (how often a habit shows up); the main
    /// scale when the file gives none.
    pub anti_pattern_scale: Option<Scale>,
    pub sections: Vec<Section>,
    pub statements: Vec<Statement>,
    /// What results suggest to someone new to the level (few answers yet).
    pub new_hire: Option<NewHire>,
    /// Statements of earlier versions, no longer asked: their text, so an
    /// answer kept from then is shown by what it answered, never by id.
    pub retired: Vec<Retired>,
    /// Statement indexes in id order. Answers are kept in id order too, so
    /// one walk over both counts answers without a search per statement
    /// (it runs on every save; a ladder may have thousands of statements).
    pub by_id: Vec<usize>,
}

/// A statement an earlier version asked and this one no longer does.
#[derive(Debug, Clone, PartialEq)]
pub struct Retired {
    pub id: String,
    pub text: String,
}

/// For someone in their first weeks: a sentence, and the statements that
/// make a good first focus.
#[derive(Debug, Clone, PartialEq)]
pub struct NewHire {
    pub about: String,
    /// Statement indexes, one to three.
    pub focus: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// Ordered from least to most; values strictly increase.
    pub steps: Vec<Step>,
    /// The answer for "not sure / no chance yet", which is never scored.
    pub unsure: Choice,
    /// The answer for "not part of my role", offered on statements marked
    /// `role_dependent`; never scored.
    pub not_my_role: Option<Choice>,
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
    /// The wording when someone else is rated ("Not part of their role").
    pub they_label: Option<String>,
    pub they_description: Option<String>,
}

impl Choice {
    /// The label for whoever is rated.
    pub fn label_for(&self, someone_else: bool) -> &str {
        match &self.they_label {
            Some(they) if someone_else => they,
            _ => &self.label,
        }
    }

    pub fn description_for(&self, someone_else: bool) -> &str {
        match &self.they_description {
            Some(they) if someone_else => they,
            _ => &self.description,
        }
    }
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
    /// A habit to avoid: rated on the anti-pattern scale, reported as a
    /// watch-out, never averaged with expectations.
    AntiPattern,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub id: String,
    /// Index into `Ladder::sections`.
    pub section: usize,
    /// First person: "I lead ...".
    pub text: String,
    /// For rating someone else: "They lead ..."; `text` when absent.
    pub they_text: Option<String>,
    pub kind: Kind,
    pub quick: bool,
    pub evidence: Option<String>,
    pub they_evidence: Option<String>,
    /// Offers "not part of my role".
    pub role_dependent: bool,
    /// Things to try when this statement shows up in the results (a
    /// watch-out, or a low answer): one action each, to pick for a plan.
    pub ideas: Vec<String>,
    /// Earlier statements whose answers carry over to this one (the same
    /// meaning, reworded or renamed).
    pub replaces: Vec<Replaces>,
}

/// An earlier statement whose answers carry over, written `"id"` or
/// `"id@version"`: with a version, only answers from documents of that
/// content version or later carry over (an id whose meaning changed in that
/// version: the earlier answers answered something else).
#[derive(Debug, Clone, PartialEq)]
pub struct Replaces {
    pub id: String,
    pub since: Option<String>,
}

impl Replaces {
    fn parse(text: &str) -> Replaces {
        match text.split_once('@') {
            Some((id, since)) => Replaces {
                id: id.to_string(),
                since: Some(since.to_string()),
            },
            None => Replaces {
                id: text.to_string(),
                since: None,
            },
        }
    }

    /// Whether answers of a document of `version` carry over.
    pub fn applies_to(&self, version: &str) -> bool {
        self.since
            .as_deref()
            .is_none_or(|since| !version_before(version, since))
    }
}

/// Whether content version `a` is older than `b`: dotted numbers compared
/// part by part ("2026.12.9" before "2026.12.10"); a part that is not a
/// number counts as 0.
pub fn version_before(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.split('.'), b.split('.'));
    loop {
        match (a.next(), b.next()) {
            (None, None) | (Some(_), None) => return false,
            (None, Some(_)) => return true,
            (Some(x), Some(y)) => {
                let (x, y) = (x.parse::<u64>().unwrap_or(0), y.parse::<u64>().unwrap_or(0));
                if x != y {
                    return x < y;
                }
            }
        }
    }
}

/// Every problem found in a content file, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Problems(pub Vec<FieldError>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl Problems {
    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }
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

/// Words a statement can open with to name the situation it counts
/// ("When I plan a deliverable, I …"): a frequency answer then has
/// something to count.
pub const SITUATION_OPENERS: &[&str] = &[
    "When", "Whenever", "Before", "After", "While", "During", "Once", "If", "At", "As", "Each",
];

/// Whether a statement's text starts with the situation it counts: an
/// opener, then a comma before the behaviour.
pub fn names_situation(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    SITUATION_OPENERS.contains(&first) && text.contains(',')
}

impl Statement {
    /// The wording for whoever is rated: "I ..." or "They ...".
    pub fn text_for(&self, someone_else: bool) -> &str {
        match &self.they_text {
            Some(they) if someone_else => they,
            _ => &self.text,
        }
    }

    pub fn evidence_for(&self, someone_else: bool) -> Option<&str> {
        match &self.they_evidence {
            Some(they) if someone_else => Some(they),
            _ => self.evidence.as_deref(),
        }
    }
}

impl Ladder {
    /// Parses and validates a content file: the ladder, or every problem.
    pub fn parse(text: &str) -> Result<Ladder, Problems> {
        let value: Value = serde_json::from_str(text).map_err(|err| {
            Problems(vec![error(
                "content file",
                format!("is not valid JSON ({})", json_error(text, &err)),
            )])
        })?;
        Self::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Ladder, Problems> {
        let mut problems = Vec::new();
        let root = Obj::new(value, "content file").map_err(|e| Problems(vec![e]))?;
        let fail = |e: FieldError| Problems(vec![e]);
        let format = root.whole_number("format").map_err(fail)?;
        if format != CONTENT_FORMAT {
            return Err(fail(root.fail(
                "format",
                format!("is {format}, but this app reads format {CONTENT_FORMAT}"),
            )));
        }
        note(
            &mut problems,
            root.only_fields(&[
                "$schema",
                "format",
                "id",
                "title",
                "version",
                "about",
                "scale",
                "anti_pattern_scale",
                "sections",
                "statements",
                "new_hire",
                "retired",
            ]),
        );
        // Editors fetch the schema named here; the app only checks its type.
        note(&mut problems, root.opt_text("$schema"));
        let id = note(
            &mut problems,
            root.text("id")
                .and_then(|id| check_id(&root, "id", &id).map(|()| id)),
        );
        let title = note(&mut problems, root.text("title"));
        let version = note(&mut problems, root.text("version"));
        let about = note(&mut problems, root.opt_text("about")).flatten();
        let scale = note(&mut problems, root.object("scale"))
            .and_then(|obj| parse_scale(&obj, &mut problems));
        let anti_pattern_scale = match root.get("anti_pattern_scale") {
            None => None,
            Some(_) => note(&mut problems, root.object("anti_pattern_scale"))
                .and_then(|obj| parse_scale(&obj, &mut problems)),
        };
        let sections = match root.list("sections") {
            Ok(items) => parse_sections(items, &mut problems),
            Err(e) => {
                problems.push(e);
                Vec::new()
            }
        };
        let statements = match root.list("statements") {
            Ok(items) => parse_statements(items, &sections, scale.as_ref(), &mut problems),
            Err(e) => {
                problems.push(e);
                Vec::new()
            }
        };
        let new_hire = match root.get("new_hire") {
            None => None,
            Some(_) => note(&mut problems, root.object("new_hire"))
                .and_then(|obj| parse_new_hire(&obj, &statements, &mut problems)),
        };
        let retired = match root.get("retired") {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => match root.list("retired") {
                Ok(items) => parse_retired(items, &statements, &mut problems),
                Err(e) => {
                    problems.push(e);
                    Vec::new()
                }
            },
        };
        match (id, title, version, scale) {
            (Some(id), Some(title), Some(version), Some(scale)) if problems.is_empty() => {
                let by_id = ids_in_order(&statements);
                let ladder = Ladder {
                    id,
                    title,
                    version,
                    about: about.unwrap_or_default(),
                    scale,
                    anti_pattern_scale,
                    sections,
                    statements,
                    new_hire,
                    retired,
                    by_id,
                };
                check_coverage(&ladder, &mut problems);
                if problems.is_empty() {
                    Ok(ladder)
                } else {
                    Err(Problems(problems))
                }
            }
            _ => Err(Problems(problems)),
        }
    }

    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|section| section.id == id)
    }

    /// The scale a statement is rated on.
    pub fn scale_for(&self, kind: Kind) -> &Scale {
        match (kind, &self.anti_pattern_scale) {
            (Kind::AntiPattern, Some(scale)) => scale,
            _ => &self.scale,
        }
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

    /// Whether the statement at `index` offers `rating` (a step of its
    /// scale, "not sure", or "not part of the role" where it allows that).
    pub fn offers(&self, index: usize, rating: Rating) -> bool {
        let Some(statement) = self.statements.get(index) else {
            return false;
        };
        let scale = self.scale_for(statement.kind);
        match rating {
            Rating::Step(value) => scale.step(value).is_some(),
            Rating::Unsure => true,
            Rating::NotMyRole => statement.role_dependent && scale.not_my_role.is_some(),
        }
    }

    /// The text of a statement an earlier version asked, if the file keeps it.
    pub fn retired_text(&self, id: &str) -> Option<&str> {
        self.retired
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.text.as_str())
    }

    pub fn statement_index(&self, id: &str) -> Option<usize> {
        self.statements.iter().position(|s| s.id == id)
    }

    /// How many statements have a rating in `answers` (kept in id order).
    pub fn rated(&self, answers: &Answers) -> usize {
        let mut rated = answers
            .iter()
            .filter(|(_, answer)| answer.rating.is_some())
            .map(|(id, _)| id.as_str())
            .peekable();
        self.by_id
            .iter()
            .filter(|&&index| {
                let id = self.statements[index].id.as_str();
                while rated.next_if(|&answered| answered < id).is_some() {}
                rated.peek() == Some(&id)
            })
            .count()
    }
}

/// Statement indexes sorted by id, by insertion (ids are unique; the
/// standard sort would add its code to the widget for this one use).
fn ids_in_order(statements: &[Statement]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(statements.len());
    for (index, statement) in statements.iter().enumerate() {
        let at = order
            .binary_search_by(|&other| statements[other].id.as_str().cmp(&statement.id))
            .unwrap_or_else(|at| at);
        order.insert(at, index);
    }
    order
}

/// serde_json's message, with a trailing comma named where it stands (not
/// where the parser noticed it) and a hint to fix it.
fn json_error(text: &str, err: &serde_json::Error) -> String {
    let message = err.to_string();
    let what = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    if what != "trailing comma" {
        return message;
    }
    // The parser stops at the bracket after the comma: look back for it.
    let line_start = text
        .split_inclusive('\n')
        .take(err.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let stop = (line_start + err.column().saturating_sub(1)).min(text.len());
    let comma = text[..stop].rfind(',').unwrap_or(stop);
    let line = text[..comma].matches('\n').count() + 1;
    let column = comma - text[..comma].rfind('\n').map_or(0, |at| at + 1) + 1;
    format!("trailing comma at line {line} column {column}: remove the last comma before the closing bracket")
}

/// Keeps a value, or records its problem and goes on.
fn note<T>(problems: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// Ids appear in storage keys and URLs, so they stay simple.
fn check_id(obj: &Obj, key: &str, id: &str) -> Result<(), FieldError> {
    if id.starts_with('~') {
        // `~prefs` and the like name the widget's own storage (core::keys).
        return Err(obj.fail(
            key,
            format!("\"{id}\" is reserved: names starting with \"~\" are the widget's own storage"),
        ));
    }
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

/// A choice's words: its label and description, and optionally their
/// forms for rating someone else.
fn read_choice(obj: &Obj) -> Result<Choice, FieldError> {
    Ok(Choice {
        label: obj.text("label")?,
        description: obj.text("description")?,
        they_label: obj.opt_text("they_label")?,
        they_description: obj.opt_text("they_description")?,
    })
}

const CHOICE_FIELDS: [&str; 4] = ["label", "description", "they_label", "they_description"];

fn parse_choice(obj: &Obj) -> Result<Choice, FieldError> {
    obj.only_fields(&CHOICE_FIELDS)?;
    read_choice(obj)
}

fn parse_scale(scale: &Obj, problems: &mut Vec<FieldError>) -> Option<Scale> {
    let before = problems.len();
    note(
        problems,
        scale.only_fields(&["steps", "unsure", "not_my_role"]),
    );
    let items = note(problems, scale.list("steps")).unwrap_or_default();
    if !(MIN_STEPS..=MAX_STEPS).contains(&items.len()) {
        problems.push(scale.fail(
            "steps",
            format!(
                "has {} steps; a scale needs {MIN_STEPS} to {MAX_STEPS}",
                items.len()
            ),
        ));
    }
    let mut steps: Vec<Step> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let step = match Obj::new(item, format!("{}, step {}", scale.place(), index + 1)) {
            Ok(step) => step,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        note(
            problems,
            step.only_fields(&[
                "value",
                "label",
                "description",
                "they_label",
                "they_description",
            ]),
        );
        let Some(value) = note(problems, step.whole_number("value")) else {
            continue;
        };
        let Some(value) = u8::try_from(value).ok().filter(|value| *value <= 100) else {
            problems.push(step.fail("value", format!("is {value}; use 0 to 100")));
            continue;
        };
        if let Some(previous) = steps.last() {
            if value <= previous.value {
                problems.push(step.fail(
                    "value",
                    format!(
                        "is {value}, but values must increase from one step to the next (previous step is {})",
                        previous.value
                    ),
                ));
            }
        }
        let choice = read_choice(&step);
        let Some(choice) = note(problems, choice) else {
            continue;
        };
        if steps.iter().any(|other| other.choice.label == choice.label) {
            problems.push(step.fail(
                "label",
                format!("\"{}\" is used by two steps", choice.label),
            ));
        }
        steps.push(Step { value, choice });
    }
    let extra = |key: &str, problems: &mut Vec<FieldError>| -> Option<Choice> {
        let obj = note(problems, scale.object(key))?;
        let choice = note(problems, parse_choice(&obj))?;
        if steps.iter().any(|step| step.choice.label == choice.label) {
            problems.push(obj.fail(
                "label",
                format!("\"{}\" is also the label of a step", choice.label),
            ));
        }
        Some(choice)
    };
    let unsure = extra("unsure", problems);
    let not_my_role = match scale.get("not_my_role") {
        None => None,
        Some(_) => extra("not_my_role", problems),
    };
    if let (Some(unsure), Some(role)) = (&unsure, &not_my_role) {
        if unsure.label == role.label {
            problems.push(scale.fail(
                "not_my_role",
                "has the same label as \"unsure\"; the two answers must read differently",
            ));
        }
    }
    match unsure {
        Some(unsure) if problems.len() == before => Some(Scale {
            steps,
            unsure,
            not_my_role,
        }),
        _ => None,
    }
}

fn parse_sections(items: &[Value], problems: &mut Vec<FieldError>) -> Vec<Section> {
    if items.is_empty() {
        problems.push(error(
            "content file, field \"sections\"",
            "is empty; add at least one section",
        ));
    }
    let mut sections: Vec<Section> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Some(mut obj) = note(problems, Obj::new(item, format!("section {}", index + 1))) else {
            continue;
        };
        let Some(id) = note(problems, obj.text("id")) else {
            continue;
        };
        obj.set_place(format!("section \"{id}\""));
        note(problems, check_id(&obj, "id", &id));
        note(
            problems,
            obj.only_fields(&["id", "title", "summary", "in_practice", "growth"]),
        );
        if sections.iter().any(|other| other.id == id) {
            problems.push(obj.fail("id", "is used by two sections"));
        }
        // A section with problems is still listed, so its statements are
        // not also reported as pointing nowhere (the ladder is refused
        // anyway while any problem is left).
        sections.push(Section {
            id,
            title: note(problems, obj.text("title")).unwrap_or_default(),
            summary: note(problems, obj.text("summary")).unwrap_or_default(),
            in_practice: note(problems, obj.text_list("in_practice")).unwrap_or_default(),
            growth: note(problems, obj.text_list("growth")).unwrap_or_default(),
        });
    }
    sections
}

fn parse_statements(
    items: &[Value],
    sections: &[Section],
    scale: Option<&Scale>,
    problems: &mut Vec<FieldError>,
) -> Vec<Statement> {
    if items.is_empty() {
        problems.push(error(
            "content file, field \"statements\"",
            "is empty; add at least one statement",
        ));
    }
    // Ids seen so far, sorted, to find duplicates without a quadratic scan
    // (a 6,000-statement ladder parses in the benchmark).
    let mut seen: Vec<String> = Vec::with_capacity(items.len());
    let mut statements: Vec<Statement> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let Some(mut obj) = note(problems, Obj::new(item, format!("statement {}", index + 1)))
        else {
            continue;
        };
        let Some(id) = note(problems, obj.text("id")) else {
            continue;
        };
        obj.set_place(format!("statement \"{id}\""));
        let before = problems.len();
        note(problems, check_id(&obj, "id", &id));
        note(
            problems,
            obj.only_fields(&[
                "id",
                "section",
                "kind",
                "quick",
                "text",
                "they_text",
                "evidence",
                "they_evidence",
                "role_dependent",
                "ideas",
                "replaces",
                "topics",
            ]),
        );
        match seen.binary_search(&id) {
            Ok(_) => problems.push(obj.fail("id", "is used by two statements")),
            Err(at) => seen.insert(at, id.clone()),
        }
        let section = note(problems, obj.text("section")).and_then(|section_id| {
            let found = sections.iter().position(|section| section.id == section_id);
            if found.is_none() {
                problems.push(obj.fail(
                    "section",
                    format!("\"{section_id}\" is not a section of this ladder"),
                ));
            }
            found
        });
        let kind = note(problems, obj.text("kind")).and_then(|kind| match kind.as_str() {
            "expectation" => Some(Kind::Expectation),
            "anti-pattern" => Some(Kind::AntiPattern),
            other => {
                problems.push(obj.fail(
                    "kind",
                    format!("is \"{other}\"; use \"expectation\" or \"anti-pattern\""),
                ));
                None
            }
        });
        let mut text_of = |key: &str, required: bool| -> Option<String> {
            let text = if required {
                note(problems, obj.text(key))
            } else {
                note(problems, obj.opt_text(key)).flatten()
            }?;
            let length = text.chars().count();
            if length > MAX_STATEMENT_LEN {
                problems.push(obj.fail(
                    key,
                    format!("has {length} characters; keep it under {MAX_STATEMENT_LEN}"),
                ));
            }
            Some(text)
        };
        let text = text_of("text", true);
        let they_text = text_of("they_text", false);
        let evidence = text_of("evidence", false);
        let they_evidence = text_of("they_evidence", false);
        let quick = note(problems, obj.flag("quick", false)).unwrap_or(false);
        let role_dependent = note(problems, obj.flag("role_dependent", false)).unwrap_or(false);
        if role_dependent && scale.is_some_and(|s| s.not_my_role.is_none()) {
            problems.push(obj.fail(
                "role_dependent",
                "needs a \"not_my_role\" answer in the scale, which this ladder does not define",
            ));
        }
        let ideas = note(problems, obj.text_list("ideas")).unwrap_or_default();
        let replaces: Vec<Replaces> = note(problems, obj.text_list("replaces"))
            .unwrap_or_default()
            .iter()
            .map(|text| Replaces::parse(text))
            .collect();
        for old in &replaces {
            note(problems, check_id(&obj, "replaces", &old.id));
        }
        // Topics are accepted for older files and ignored.
        note(problems, obj.text_list("topics"));
        if let (Some(section), Some(kind), Some(text)) = (section, kind, text) {
            if problems.len() == before {
                statements.push(Statement {
                    id,
                    section,
                    text,
                    they_text,
                    kind,
                    quick,
                    evidence,
                    they_evidence,
                    role_dependent,
                    ideas,
                    replaces,
                });
            }
        }
    }
    statements
}

/// The suggestions for someone new: a sentence and one to three statements.
/// Statements an earlier version asked: an id and the text, each id once,
/// none that is still a statement.
fn parse_retired(
    items: &[Value],
    statements: &[Statement],
    problems: &mut Vec<FieldError>,
) -> Vec<Retired> {
    let mut retired: Vec<Retired> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let Some(obj) = note(
            problems,
            Obj::new(item, format!("retired statement {}", n + 1)),
        ) else {
            continue;
        };
        note(problems, obj.only_fields(&["id", "text"]));
        let id = note(
            problems,
            obj.text("id")
                .and_then(|id| check_id(&obj, "id", &id).map(|()| id)),
        );
        let text = note(problems, obj.text("text"));
        let (Some(id), Some(text)) = (id, text) else {
            continue;
        };
        if statements.iter().any(|s| s.id == id) {
            problems.push(obj.fail(
                "id",
                format!("\"{id}\" is still a statement of this ladder"),
            ));
        } else if retired.iter().any(|r| r.id == id) {
            problems.push(obj.fail("id", format!("\"{id}\" is listed twice")));
        } else {
            retired.push(Retired { id, text });
        }
    }
    retired
}

fn parse_new_hire(
    obj: &Obj,
    statements: &[Statement],
    problems: &mut Vec<FieldError>,
) -> Option<NewHire> {
    let before = problems.len();
    note(problems, obj.only_fields(&["about", "focus"]));
    let about = note(problems, obj.text("about"));
    let ids = note(problems, obj.text_list("focus")).unwrap_or_default();
    if !(1..=3).contains(&ids.len()) {
        problems.push(obj.fail(
            "focus",
            format!("lists {} statements; give one to three", ids.len()),
        ));
    }
    let mut focus = Vec::new();
    for id in &ids {
        match statements.iter().position(|s| &s.id == id) {
            Some(index) => focus.push(index),
            None => problems.push(obj.fail(
                "focus",
                format!("\"{id}\" is not a statement of this ladder"),
            )),
        }
    }
    match about {
        Some(about) if problems.len() == before => Some(NewHire { about, focus }),
        _ => None,
    }
}

/// Every section must be rateable in both checks, and an earlier
/// statement's answers can carry over to one statement only.
fn check_coverage(ladder: &Ladder, problems: &mut Vec<FieldError>) {
    let mut carried: Vec<&str> = Vec::new();
    for statement in &ladder.statements {
        for old in statement.replaces.iter().map(|r| &r.id) {
            let place = format!("statement \"{}\", field \"replaces\"", statement.id);
            if ladder.statement_index(old).is_some() {
                problems.push(error(
                    place,
                    format!(
                        "\"{old}\" is still a statement of this ladder; its answers are its own"
                    ),
                ));
            } else if carried.contains(&old.as_str()) {
                problems.push(error(
                    place,
                    format!("\"{old}\" is replaced by two statements; its answers can carry over to one"),
                ));
            } else {
                carried.push(old);
            }
        }
    }
    for (index, section) in ladder.sections.iter().enumerate() {
        let place = format!("section \"{}\"", section.id);
        if ladder.statements_in(index, false).next().is_none() {
            problems.push(error(place, "has no statements"));
        } else if ladder.statements_in(index, true).next().is_none() {
            problems.push(error(
                place,
                "has no statement in the quick check; mark at least one of its statements \"quick\": true",
            ));
        }
    }
}

/// Most and fewest statements a quick check should have: about two minutes,
/// and still every part of the ladder.
pub const QUICK_RANGE: (usize, usize) = (10, 14);

/// Whether text speaks in the first person ("I", "my", "me").
fn first_person(text: &str) -> bool {
    // ASCII only: the Unicode letter tables would cost the widget 2 KB.
    text.split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .any(|w| {
            matches!(
                w,
                "I" | "I'm" | "I've" | "my" | "My" | "me" | "Me" | "myself"
            )
        })
}

/// What a valid content file may still get wrong, worth fixing before it
/// is used: each with its place, like a problem, but nothing stops the
/// file from working. `built_in` is the widget's own ladder, to tell a
/// copy that kept its id.
pub fn warnings(ladder: &Ladder, built_in: Option<&Ladder>) -> Vec<FieldError> {
    let mut out = Vec::new();
    if let Some(built_in) = built_in.filter(|b| b.id == ladder.id && *b != ladder) {
        out.push(error("field \"id\"", format!(
            "\"{}\" is the id of the widget's built-in ladder, with other content: answers given with this file and with the built-in self-check would be kept together. Choose an id of your own.",
            built_in.id
        )));
    }
    let quick = ladder.statements.iter().filter(|s| s.quick).count();
    let (fewest, most) = QUICK_RANGE;
    if !(fewest..=most).contains(&quick) {
        out.push(error("field \"statements\"", format!(
            "{quick} statements are marked \"quick\"; {fewest} to {most} make a quick check of about two minutes that still touches every section."
        )));
    }
    let scales = std::iter::once(("scale", &ladder.scale)).chain(
        ladder
            .anti_pattern_scale
            .iter()
            .map(|s| ("anti_pattern_scale", s)),
    );
    for (name, scale) in scales {
        let choices = scale
            .steps
            .iter()
            .map(|s| &s.choice)
            .chain([&scale.unsure])
            .chain(scale.not_my_role.as_ref());
        for choice in choices {
            let place = format!("{name}, answer \"{}\"", choice.label);
            if first_person(&choice.label) && choice.they_label.is_none() {
                out.push(error(place.clone(), "its label speaks in the first person and has no \"they_label\": a manager rating someone reads it as written."));
            }
            if first_person(&choice.description) && choice.they_description.is_none() {
                out.push(error(place, "its description speaks in the first person and has no \"they_description\": a manager rating someone reads it as written."));
            }
        }
    }
    for statement in &ladder.statements {
        let place = format!("statement \"{}\"", statement.id);
        let mut say = |text: &str| out.push(error(place.clone(), text));
        if statement.they_text.is_none() {
            say("has no \"they_text\": a manager rating someone reads \"I ...\".");
        }
        if statement.evidence.is_some() && statement.they_evidence.is_none() {
            say("has \"evidence\" but no \"they_evidence\": a manager is asked in the first person.");
        }
        if !names_situation(&statement.text) {
            say("does not start with the situation it counts (\"When ..., I ...\"), so two people may rate different things.");
        }
        if statement.ideas.is_empty() {
            say("has no \"ideas\": the results and the plan offer no next step for it.");
        }
    }
    out
}

/// What the try page shows for a content file: every problem (it cannot
/// be used until they are fixed) and, once it can, every warning; as
/// JSON, `{"problems": [...], "warnings": [...]}`.
pub fn report(text: &str, built_in: Option<&Ladder>) -> String {
    let (problems, warnings) = match Ladder::parse(text) {
        Ok(ladder) => (Vec::new(), warnings(&ladder, built_in)),
        Err(problems) => (problems.0, Vec::new()),
    };
    // Each message as a JSON string (serde_json escapes it).
    let list = |items: Vec<FieldError>| {
        let items: Vec<String> = items
            .iter()
            .map(|e| serde_json::to_string(&e.to_string()).unwrap_or_default())
            .collect();
        format!("[{}]", items.join(","))
    };
    format!(
        "{{\"problems\":{},\"warnings\":{}}}",
        list(problems),
        list(warnings)
    )
}
