//! Reading a content file's fields with messages that say where the
//! problem is. Content files are written by people, so a bad field must be
//! reported by name ("statement \"impact.plan\", field \"quick\": must be
//! true or false") and every problem listed at once: the file is read into
//! a `serde_json::Value` and checked field by field.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A content file as far as its checks need it, read by serde_json.
/// Objects keep their fields in file order, so problems are listed in the
/// order a person reads the file; numbers are only ever whole, so a
/// fraction is remembered as such, never formatted (which keeps float
/// printing out of the widget).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    /// Fields in file order; a repeated name: the last one counts.
    Object(Vec<(String, Value)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Whole(u64),
    Negative,
    Fraction,
}

impl Value {
    /// The field `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields
                .iter()
                .rev()
                .find(|(name, _)| name == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(Number::Whole(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(match u64::try_from(v) {
                    Ok(v) => Number::Whole(v),
                    Err(_) => Number::Negative,
                }))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Value, E> {
                Ok(Value::Number(Number::Fraction))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Value::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry()? {
                    fields.push(field);
                }
                Ok(Value::Object(fields))
            }
        }
        d.deserialize_any(ValueVisitor)
    }
}

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
pub fn number_text(number: &Number) -> String {
    match number {
        Number::Whole(value) => value.to_string(),
        Number::Negative => "a negative number".into(),
        Number::Fraction => "a number with a fraction".into(),
    }
}

/// A JSON object being read, with a description of where it sits.
pub struct Obj<'a> {
    map: &'a [(String, Value)],
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
        self.map
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
            .filter(|value| **value != Value::Null)
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
            Value::Number(Number::Whole(value)) => Ok(*value),
            Value::Number(number) => Err(self.fail(
                key,
                format!(
                    "must be a whole number 0 or more, found {}",
                    number_text(number)
                ),
            )),
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

/// JSON text as a `Value`, or serde_json's message (with line and column).
pub fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e: serde_json::Error| e.to_string())
}
