//! The limits a document keeps, and the constructors that make stored
//! text safe where it is built: a label or a name holds no control or
//! direction-changing character and fits its limit, so whatever the app
//! writes, its own decoder reads back.

use super::model::{Document, Rater};

/// The schema version this app writes. Bump it only with a migration in
/// `codec::migrate` and a fixture under `tests/fixtures/`.
/// 1: answers and resume point. 2: adds snapshots. 3: adds whose check it
/// is (subject, rater), snapshot labels, the undo record of a replace, and
/// the "not part of my role" answer. 4: adds the plan, the view received
/// beside a check (a report's own self-check) and the 1:1 agenda.
pub const SCHEMA: u64 = 4;
/// Most snapshots kept in one document; the oldest go first.
pub const MAX_SNAPSHOTS: usize = 50;
/// Longest note, in UTF-16 code units: the unit the browser's `maxlength`
/// counts, so the field, its counter and this check always agree.
pub const MAX_NOTE_LEN: usize = 2000;
/// More answers than any sane ladder has; guards against absurd files.
pub const MAX_ANSWERS: usize = 100_000;
/// Longest name of a person (subject or rater), in characters.
pub const MAX_NAME_LEN: usize = 60;
/// Longest snapshot label or undo description, in characters.
pub const MAX_LABEL_LEN: usize = 300;
const MAX_ID_LEN: usize = 64;
/// Highest step value a scale may use.
pub const MAX_RATING: u8 = 100;

impl Document {
    /// Checks what the shape cannot: sizes, id shapes, names, labels, the
    /// order of snapshots. A document that fails this is never written.
    pub fn validate(&self) -> Result<(), String> {
        if !is_id(&self.ladder) {
            return Err(format!(
                "ladder id \"{}\" is not valid",
                truncate(&self.ladder, 40)
            ));
        }
        if self.answers.len() > MAX_ANSWERS {
            return Err(format!(
                "it holds {} answers; the most is {MAX_ANSWERS}",
                self.answers.len()
            ));
        }
        if self.snapshots.len() > MAX_SNAPSHOTS {
            return Err(format!(
                "it holds {} snapshots; the most is {MAX_SNAPSHOTS}",
                self.snapshots.len()
            ));
        }
        if !self.subject.is_empty() {
            check_name(&self.subject).map_err(|why| format!("the name of the person {why}"))?;
        }
        if let Rater::Other { name } = &self.rater {
            if !name.is_empty() {
                check_name(name).map_err(|why| format!("the name of the rater {why}"))?;
            }
        }
        let labels = self
            .snapshots
            .iter()
            .map(|s| &s.label)
            .chain(self.replaced.as_ref().map(|r| &r.what));
        for label in labels {
            if label.chars().count() > MAX_LABEL_LEN || !is_plain_line(label) {
                return Err("a snapshot label is too long or holds control characters".into());
            }
        }
        if let Some(replaced) = &self.replaced {
            if self.snapshot(replaced.kept).is_none() {
                return Err("the copy kept for undoing the last replace is missing".into());
            }
        }
        let mut times = self.snapshots.iter().map(|s| s.taken_at);
        if let Some(mut last) = times.next() {
            for time in times {
                if time <= last {
                    return Err("its snapshots are not in time order".into());
                }
                last = time;
            }
        }
        let all_answers = self
            .snapshots
            .iter()
            .flat_map(|snapshot| &snapshot.answers)
            .chain(&self.answers);
        for (id, answer) in all_answers {
            if !is_id(id) {
                return Err(format!(
                    "statement id \"{}\" is not valid",
                    truncate(id, 40)
                ));
            }
            let length = note_length(&answer.note);
            if length > MAX_NOTE_LEN {
                return Err(format!(
                    "the note for \"{id}\" has {length} characters; the most is {MAX_NOTE_LEN}"
                ));
            }
        }
        validate_plan(&self.plan, "the plan")?;
        for snapshot in &self.snapshots {
            validate_plan(&snapshot.plan, "the plan of a snapshot")?;
        }
        if let Some(beside) = &self.beside {
            beside.validate()?;
            validate_plan(&beside.plan, "the plan of the view beside")?;
        }
        if note_length(&self.agenda.notes) > super::beside::MAX_AGENDA_LEN {
            return Err("the 1:1 notes are too long".into());
        }
        Ok(())
    }
}

/// A plan as the reader keeps it: within its size, each item about a
/// statement id, with one plain line of text per field, a date or none as
/// its due date, and no two items with the same id (an item's identity).
fn validate_plan(plan: &[super::plan::PlanItem], what: &str) -> Result<(), String> {
    use super::plan::{MAX_PLAN_ITEMS, MAX_STEP_LEN};
    if plan.len() > MAX_PLAN_ITEMS {
        return Err(format!(
            "{what} holds {} items; the most is {MAX_PLAN_ITEMS}",
            plan.len()
        ));
    }
    for (i, item) in plan.iter().enumerate() {
        if !is_id(&item.statement) {
            return Err(format!("an item of {what} names no valid statement"));
        }
        let lines = [&item.step, &item.helper, &item.outcome, &item.origin];
        if lines
            .iter()
            .any(|line| line.chars().count() > MAX_STEP_LEN || !is_plain_line(line))
        {
            return Err(format!(
                "an item of {what} has text that is too long or not one line"
            ));
        }
        if !item.due.is_empty() && !super::read::is_date(&item.due) {
            return Err(format!(
                "an item of {what} has a due date that is not a date"
            ));
        }
        if plan[..i].iter().any(|other| other.id == item.id) {
            return Err(format!("two items of {what} have the same id"));
        }
    }
    Ok(())
}

/// The length of a note as the browser's `maxlength` counts it.
pub fn note_length(note: &str) -> usize {
    note.encode_utf16().count()
}

/// A note cut to `MAX_NOTE_LEN` UTF-16 units, never inside a character.
pub fn cut_note(note: &str) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in note.chars() {
        used += c.len_utf16();
        if used > MAX_NOTE_LEN {
            break;
        }
        out.push(c);
    }
    out
}

/// Characters that change how text around them is shown: controls and the
/// bidirectional marks and overrides that can make a name read differently
/// from what it is.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text on one line with nothing hidden in it.
pub fn is_plain_line(text: &str) -> bool {
    !text.chars().any(is_hidden_control)
}

/// One line of text made safe to store and show: hidden characters go,
/// line breaks and tabs become spaces, the ends are trimmed, and it is cut
/// to `max` characters. Every label and name the app stores is built by
/// this, and decoding repairs older text the same way; it changes nothing
/// it already made, so what is written is what is read back.
pub fn plain_line(text: &str, max: usize) -> String {
    let kept: String = text
        .trim()
        .chars()
        .filter(|c| !is_hidden_control(*c) || c.is_whitespace())
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .take(max)
        .collect();
    kept.trim().to_string()
}

/// A snapshot label or an undo description ("importing “x.json”"), safe
/// to store whatever went into it (a file name from any system).
pub fn safe_label(text: &str) -> String {
    plain_line(text, MAX_LABEL_LEN)
}

/// A person's name as stored: safe, and within `MAX_NAME_LEN`.
pub fn safe_name(text: &str) -> String {
    plain_line(text, MAX_NAME_LEN)
}

/// Checks a person's name as typed: trimmed, 1 to `MAX_NAME_LEN`
/// characters, no control or direction-changing characters. Returns the
/// trimmed name, or what is wrong with it (to follow "The name ...").
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    let length = name.chars().count();
    if length == 0 {
        Err("is empty".into())
    } else if length > MAX_NAME_LEN {
        Err(format!(
            "has {length} characters; the most is {MAX_NAME_LEN}"
        ))
    } else if !is_plain_line(name) {
        Err("holds control or text-direction characters".into())
    } else {
        Ok(name.to_string())
    }
}

/// Ids appear in storage keys and links: lowercase letters, digits, `-`,
/// `.` and `_`, at most 64 characters.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'))
}

/// The first `max` characters of `text`, for messages.
pub fn truncate(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}
