//! Share links: the ratings packed into the URL fragment, which browsers
//! never send to a server. Notes stay out (they can be long and private);
//! the JSON export carries them.
//!
//! Format (version 2), fields separated by `.`:
//! `v2.<fingerprint>.<minute>.<ratings>.<subject>.<rater>.<checksum>.<ladder id>`
//! - fingerprint: of the statement ids, so a link made for another version
//!   of the content is refused rather than matched to the wrong statements;
//! - minute: when the link was made (minutes since the epoch, base 36);
//! - ratings: one character per statement in ladder order: `0`-`6` the
//!   position on the scale, `u` not sure, `n` not part of my role, `-`
//!   unanswered (trailing ones dropped);
//! - subject, rater: names, percent-encoded; the subject may be empty
//!   (left out), the rater is empty when the subject rated themselves and
//!   `-` when someone else did without giving a name;
//! - checksum: of everything else, so a damaged or cut-off link is refused
//!   whole, never read in part;
//! - ladder id last, since ids may contain dots.

use super::content::Ladder;
use super::document::{check_name, Document, Rater, Rating};

/// Longest fragment we make or read. Chat tools and wikis handle this;
/// anything longer should travel as a file.
pub const MAX_LINK_LEN: usize = 2000;
const VERSION: &str = "v2";

/// FNV-1a, in base 36.
fn hash36(parts: impl Iterator<Item = impl AsRef<[u8]>>) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for byte in part.as_ref().iter().chain(std::iter::once(&b'\n')) {
            hash ^= u32::from(*byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    base36(u64::from(hash))
}

fn base36(mut value: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((value % 36) as u32, 36).unwrap_or('0'));
        value /= 36;
        if value == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// Changes when statements are added, removed or reordered.
pub fn fingerprint(ladder: &Ladder) -> String {
    hash36(ladder.statements.iter().map(|s| s.id.as_bytes()))
}

/// Percent-encodes a name: letters and digits stay, everything else
/// (dots and slashes included) becomes `%XX`.
fn encode_name(name: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

fn decode_name(text: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut input = text.bytes();
    while let Some(byte) = input.next() {
        if byte == b'%' {
            let hi = (input.next()? as char).to_digit(16)?;
            let lo = (input.next()? as char).to_digit(16)?;
            bytes.push((hi * 16 + lo) as u8);
        } else if byte.is_ascii_alphanumeric() {
            bytes.push(byte);
        } else {
            return None;
        }
    }
    let name = String::from_utf8(bytes).ok()?;
    if name.is_empty() {
        return Some(name);
    }
    check_name(&name).ok()
}

/// The share fragment for a document's ratings, made at `now`, or why it
/// cannot be made. `with_names` false leaves the names out.
pub fn encode(
    ladder: &Ladder,
    document: &Document,
    now: u64,
    with_names: bool,
) -> Result<String, String> {
    let mut ratings: String = ladder
        .statements
        .iter()
        .map(|statement| match document.rating(&statement.id) {
            Some(Rating::Unsure) => 'u',
            Some(Rating::NotMyRole) => 'n',
            Some(Rating::Step(value)) => ladder
                .scale_for(statement.kind)
                .position(value)
                .and_then(|p| char::from_digit(p as u32, 10))
                .unwrap_or('-'),
            None => '-',
        })
        .collect();
    ratings.truncate(ratings.trim_end_matches('-').len());
    let (subject, rater) = if with_names {
        (
            encode_name(&document.subject),
            match &document.rater {
                Rater::Subject => String::new(),
                Rater::Other { name } if name.is_empty() => "-".into(),
                Rater::Other { name } => encode_name(name),
            },
        )
    } else {
        (
            String::new(),
            match document.rater {
                Rater::Subject => String::new(),
                Rater::Other { .. } => "-".into(),
            },
        )
    };
    let fields = [
        VERSION.to_string(),
        fingerprint(ladder),
        base36(now / 60_000),
        ratings,
        subject,
        rater,
    ];
    let sum = hash36(fields.iter().chain(std::iter::once(&ladder.id)));
    let link = format!("{}.{sum}.{}", fields.join("."), ladder.id);
    if link.len() > MAX_LINK_LEN {
        return Err(format!(
            "These answers make a link of {} characters, more than the {MAX_LINK_LEN} a link can safely carry. Download the answers as a file instead.",
            link.len()
        ));
    }
    Ok(link)
}

/// A shared link, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The ratings, with the subject and rater; answers stamped with the
    /// time the link was made.
    pub document: Document,
    /// When the link was made (milliseconds since the epoch).
    pub made_at: u64,
}

const DAMAGED: &str = "This link is damaged or was cut off when it was copied, so none of its answers were read. Ask for the link again, or for the file export.";

/// Reads a share fragment back. Never panics, and never reads a link in
/// part: a changed or missing character refuses the whole link.
pub fn decode(ladder: &Ladder, fragment: &str) -> Result<Shared, String> {
    if fragment.len() > MAX_LINK_LEN {
        return Err(format!(
            "This link is longer than {MAX_LINK_LEN} characters, so it was not made by this app."
        ));
    }
    if fragment.starts_with("v1.") {
        return Err("This link was made by an earlier version of this self-check, which could not check it for completeness. Ask for a new link.".into());
    }
    let parts: Vec<&str> = fragment.splitn(8, '.').collect();
    let [version, print, minute, ratings, subject, rater, sum, id] = parts.as_slice() else {
        return Err(DAMAGED.into());
    };
    if *version != VERSION {
        return Err(format!(
            "This link uses a format this app does not know (\"{}\").",
            short(version)
        ));
    }
    let expected = hash36(
        [*version, *print, *minute, *ratings, *subject, *rater, *id]
            .iter()
            .map(|s| s.as_bytes()),
    );
    if *sum != expected {
        return Err(DAMAGED.into());
    }
    if *id != ladder.id {
        return Err(format!(
            "This link holds answers for another ladder (\"{}\"), not \"{}\".",
            short(id),
            ladder.title
        ));
    }
    if *print != fingerprint(ladder) {
        return Err("This link was made for a different version of this ladder's statements, so its answers cannot be matched. Ask for the file export instead.".into());
    }
    let made_at = u64::from_str_radix(minute, 36)
        .ok()
        .and_then(|m| m.checked_mul(60_000))
        .ok_or(DAMAGED)?;
    if ratings.chars().count() > ladder.statements.len() {
        return Err(DAMAGED.into());
    }
    let mut document = Document::new(&ladder.id, &ladder.version);
    document.subject = decode_name(subject).ok_or(DAMAGED)?;
    document.rater = match *rater {
        "" => Rater::Subject,
        "-" => Rater::Other {
            name: String::new(),
        },
        name => Rater::Other {
            name: decode_name(name).ok_or(DAMAGED)?,
        },
    };
    for (statement, code) in ladder.statements.iter().zip(ratings.chars()) {
        let rating = match code {
            '-' => continue,
            'u' => Rating::Unsure,
            'n' if statement.role_dependent => Rating::NotMyRole,
            digit => {
                let scale = ladder.scale_for(statement.kind);
                let position = digit
                    .to_digit(10)
                    .map(|d| d as usize)
                    .filter(|p| *p < scale.steps.len())
                    .ok_or(DAMAGED)?;
                Rating::Step(scale.steps[position].value)
            }
        };
        document.set_rating(&statement.id, rating, made_at);
    }
    document.updated_at = made_at;
    Ok(Shared { document, made_at })
}

/// A piece of a link, safe to show: letters, digits and a few marks only.
fn short(text: &str) -> String {
    text.chars()
        .take(40)
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}
