//! Reading untyped JSON with messages that say where the problem is.
//!
//! Content files are written by people, so a bad field must be reported by
//! name ("statement \"impact.plan\": field \"quick\" must be true or false")
//! rather than by serde's line and column.
//!
//! The parser is our own, small on purpose: serde_json's reader, with its
//! float parsing and map types, cost about 6 KB gzip of the widget's
//! budget. Writing is our own too (`Writer`), for the same reason.
//! `tests/json.rs` checks both against serde_json on generated input.

use std::fmt;

/// A parsed JSON value. Objects keep their fields in file order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// Object fields in file order. A repeated name: the last one counts.
pub type Map = Vec<(String, Value)>;

/// A number as written in the file. Only whole numbers are ever used, so
/// it is kept as text and read on demand (no float parsing needed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl From<u64> for Number {
    fn from(value: u64) -> Self {
        Number(value.to_string())
    }
}

impl Number {
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    pub fn text(&self) -> &str {
        &self.0
    }
}

impl Value {
    /// The field `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map
                .iter()
                .rev()
                .find(|(name, _)| name == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Why text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub problem: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.problem, self.line, self.column
        )
    }
}

/// Nesting deeper than this is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 128;

/// Parses a whole JSON text (RFC 8259).
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.fail("unexpected text after the end"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn fail(&self, problem: &'static str) -> ParseError {
        let done = &self.bytes[..self.at.min(self.bytes.len())];
        let line = done.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = done.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        // Count characters, not bytes; a cut inside a character counts it.
        let column = done[line_start..]
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count()
            + 1;
        ParseError {
            problem,
            line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8, problem: &'static str) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.fail(problem))
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.fail("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.fail("unexpected end of text")),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    self.skip_space();
                    items.push(self.value(depth + 1)?);
                    self.skip_space();
                    match self.peek() {
                        Some(b',') => self.comma(b']')?,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.fail("expected ',' or ']'")),
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut fields = Vec::new();
                self.skip_space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                loop {
                    self.skip_space();
                    if self.peek() != Some(b'"') {
                        return Err(self.fail("expected a field name in double quotes"));
                    }
                    let name = self.string()?;
                    self.skip_space();
                    self.expect(b':', "expected ':'")?;
                    self.skip_space();
                    let value = self.value(depth + 1)?;
                    fields.push((name, value));
                    self.skip_space();
                    match self.peek() {
                        Some(b',') => self.comma(b'}')?,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Value::Object(fields));
                        }
                        _ => return Err(self.fail("expected ',' or '}'")),
                    }
                }
            }
            Some(_) => Err(self.fail("unexpected character")),
        }
    }

    /// Steps over a comma, and names a trailing one (before `close`) where
    /// it stands: a common slip in hand-written files, which would
    /// otherwise be reported on the next line.
    fn comma(&mut self, close: u8) -> Result<(), ParseError> {
        let at = self.at;
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(close) {
            self.at = at;
            return Err(self.fail(if close == b'}' {
                "a comma before '}' (remove the last comma of the object)"
            } else {
                "a comma before ']' (remove the last comma of the list)"
            }));
        }
        Ok(())
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        match self.digits() {
            0 => return Err(self.fail("expected a digit")),
            n if n > 1 && leading_zero => return Err(self.fail("a number cannot start with 0")),
            _ => {}
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.fail("expected a digit after '.'"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.fail("expected a digit in the exponent"));
            }
        }
        // Only ASCII digits and signs were consumed: always valid UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..self.at])
            .unwrap_or_default()
            .to_string();
        Ok(Value::Number(Number(text)))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.fail("expected four hex digits after \\u"))?;
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once.
            let start = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and the run stops only at ASCII bytes, so
            // the slice boundaries are character boundaries.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.peek() {
                None => return Err(self.fail("unterminated string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self
                        .peek()
                        .ok_or_else(|| self.fail("unterminated string"))?;
                    self.at += 1;
                    match escaped {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.fail("lone surrogate in \\u escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.fail("lone surrogate in \\u escape"));
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.fail("lone surrogate in \\u escape"))?,
                            );
                        }
                        _ => return Err(self.fail("unknown escape in string")),
                    }
                }
                Some(_) => return Err(self.fail("control character in string")),
            }
        }
    }
}

/// A problem found in a JSON file, with the place it was found.
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

/// A number as a person would read it in a message: as it was written.
pub fn number_text(number: &Number) -> String {
    number.text().chars().take(30).collect()
}

/// A JSON object being read, with a description of where it sits.
pub struct Obj<'a> {
    map: &'a Map,
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
            .filter(|value| !value.is_null())
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

/// Writes JSON text: objects, strings and whole numbers, all this app
/// stores. Commas are placed by the writer, so callers cannot misplace them.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Whether the next value in the current object needs a comma first.
    comma: bool,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if std::mem::replace(&mut self.comma, true) {
            self.out.push(',');
        }
    }

    /// Starts an object as a value (top level, or after `key`).
    pub fn begin(&mut self) -> &mut Self {
        self.out.push('{');
        self.comma = false;
        self
    }

    pub fn end(&mut self) -> &mut Self {
        self.out.push('}');
        self.comma = true;
        self
    }

    pub fn begin_list(&mut self) -> &mut Self {
        self.out.push('[');
        self.comma = false;
        self
    }

    pub fn end_list(&mut self) -> &mut Self {
        self.out.push(']');
        self.comma = true;
        self
    }

    /// Starts a field of the current object; its value follows.
    pub fn key(&mut self, name: &str) -> &mut Self {
        self.separate();
        push_string(&mut self.out, name);
        self.out.push(':');
        self.comma = false;
        self
    }

    /// A list item that is an object: `item().begin()…end()`.
    pub fn item(&mut self) -> &mut Self {
        self.separate();
        self.comma = false;
        self
    }

    pub fn string(&mut self, text: &str) -> &mut Self {
        push_string(&mut self.out, text);
        self.comma = true;
        self
    }

    pub fn number(&mut self, value: u64) -> &mut Self {
        self.out.push_str(&value.to_string());
        self.comma = true;
        self
    }

    pub fn field_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.key(name).string(text)
    }

    pub fn field_num(&mut self, name: &str, value: u64) -> &mut Self {
        self.key(name).number(value)
    }
}

/// Appends `text` as a JSON string literal.
fn push_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
