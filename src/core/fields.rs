//! Reading a content file's fields with messages that say where the
//! problem is. Content files are written by people, so a bad field must be
//! reported by name ("statement \"impact.plan\", field \"quick\": must be
//! true or false") and every problem listed at once: the file is read into
//! a `serde_json::Value` and checked field by field.

pub use serde_json::Value;
use std::fmt;

/// Where a content file's problem is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Where: for example `statement "impact.plan", field "quick"`.
    pub place: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.place, self.problem)
        }
    }
}

impl std::error::Error for FieldError {}

pub fn error(place: impl Into<String>, problem: impl Into<String>) -> FieldError {
    FieldError {
        place: place.into(),
        problem: problem.into(),
    }
}

/// A name for the JSON type of a value, as a person would say it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A number as a person would read it in a message.
pub fn number_text(number: &serde_json::Number) -> String {
    number.to_string().chars().take(30).collect()
}

/// A JSON object being read, with a description of where it sits.
pub struct Obj<'a> {
    map: &'a serde_json::Map<String, Value>,
    place: String,
}

impl<'a> Obj<'a> {
    pub fn new(value: &'a Value, place: impl Into<String>) -> Result<Self, FieldError> {
        let place = place.into();
        match value {
            Value::Object(map) => Ok(Obj { map, place }),
            other => Err(error(
                place,
                format!("must be an object, found {}", type_name(other)),
            )),
        }
    }

    pub fn place(&self) -> &str {
        &self.place
    }

    /// Rename the place once an id is known, so later messages name it.
    pub fn set_place(&mut self, place: String) {
        self.place = place;
    }

    fn field_place(&self, key: &str) -> String {
        if self.place.is_empty() {
            format!("field \"{key}\"")
        } else {
            format!("{}, field \"{key}\"", self.place)
        }
    }

    pub fn fail(&self, key: &str, problem: impl Into<String>) -> FieldError {
        error(self.field_place(key), problem)
    }

    /// Rejects fields this format does not know, which are usually typos.
    pub fn only_fields(&self, known: &[&str]) -> Result<(), FieldError> {
        match self
            .map
            .iter()
            .map(|(key, _)| key)
            .find(|key| !known.contains(&key.as_str()))
        {
            Some(key) => Err(error(
                self.place.clone(),
                format!(
                    "unknown field \"{key}\" (known fields: {})",
                    known.join(", ")
                ),
            )),
            None => Ok(()),
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    fn required(&self, key: &str) -> Result<&'a Value, FieldError> {
        self.get(key).ok_or_else(|| self.fail(key, "is missing"))
    }

    /// A required string that is not blank.
    pub fn text(&self, key: &str) -> Result<String, FieldError> {
        match self.required(key)? {
            Value::String(text) if text.trim().is_empty() => Err(self.fail(key, "is empty")),
            Value::String(text) => Ok(text.trim().to_string()),
            other => Err(self.fail(key, format!("must be a string, found {}", type_name(other)))),
        }
    }

    /// An optional string kept exactly as written (notes keep their spaces).
    pub fn raw_text(&self, key: &str) -> Result<Option<&'a str>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => {
                Err(self.fail(key, format!("must be a string, found {}", type_name(other))))
            }
        }
    }

    /// The fields of this object, in order.
    pub fn entries(&self) -> impl Iterator<Item = (&'a String, &'a Value)> {
        self.map.iter().map(|(name, value)| (name, value))
    }

    /// An optional string; blank counts as absent.
    pub fn opt_text(&self, key: &str) -> Result<Option<String>, FieldError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
            Some(_) => self.text(key).map(Some),
        }
    }

    pub fn flag(&self, key: &str, default: bool) -> Result<bool, FieldError> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::Bool(flag)) => Ok(*flag),
            Some(other) => Err(self.fail(
                key,
                format!("must be true or false, found {}", type_name(other)),
            )),
        }
    }

    pub fn whole_number(&self, key: &str) -> Result<u64, FieldError> {
        match self.required(key)? {
            Value::Number(number) => number.as_u64().ok_or_else(|| {
                self.fail(
                    key,
                    format!(
                        "must be a whole number 0 or more, found {}",
                        number_text(number)
                    ),
                )
            }),
            other => Err(self.fail(key, format!("must be a number, found {}", type_name(other)))),
        }
    }

    pub fn object(&self, key: &str) -> Result<Obj<'a>, FieldError> {
        Obj::new(self.required(key)?, self.field_place(key))
    }

    pub fn list(&self, key: &str) -> Result<&'a [Value], FieldError> {
        match self.required(key)? {
            Value::Array(items) => Ok(items),
            other => Err(self.fail(key, format!("must be a list, found {}", type_name(other)))),
        }
    }

    /// An optional list of non-blank strings.
    pub fn text_list(&self, key: &str) -> Result<Vec<String>, FieldError> {
        if self.get(key).is_none() {
            return Ok(Vec::new());
        }
        self.list(key)?
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::String(text) if !text.trim().is_empty() => Ok(text.trim().to_string()),
                Value::String(_) => Err(self.fail(key, format!("item {} is empty", index + 1))),
                other => Err(self.fail(
                    key,
                    format!(
                        "item {} must be a string, found {}",
                        index + 1,
                        type_name(other)
                    ),
                )),
            })
            .collect()
    }
}
