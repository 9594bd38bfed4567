//! Share links: the ratings packed into the URL fragment, which browsers
//! never send to a server. Notes stay out (they can be long and private);
//! the JSON export carries them.
//!
//! Format: `v1.<ladder id>.<fingerprint>.<one character per statement>`,
//! statements in ladder order: `0`-`6` is the position on the scale, `u`
//! is "not sure", `-` is unanswered (trailing ones are dropped). The
//! fingerprint of the statement ids catches a link made for another
//! version of the content.

use super::content::Ladder;
use super::document::{is_id, Document, Rating};

/// Longest fragment we make or read. Chat tools and wikis handle this;
/// anything longer should travel as a file.
pub const MAX_LINK_LEN: usize = 2000;
const VERSION: &str = "v1";

/// FNV-1a over the statement ids, in base 36: changes when statements are
/// added, removed or reordered.
pub fn fingerprint(ladder: &Ladder) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for statement in &ladder.statements {
        for byte in statement.id.bytes().chain(std::iter::once(b'\n')) {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit(hash % 36, 36).unwrap_or('0'));
        hash /= 36;
        if hash == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// The share fragment for a document's ratings, or why it cannot be made.
pub fn encode(ladder: &Ladder, document: &Document) -> Result<String, String> {
    let mut ratings: String = ladder
        .statements
        .iter()
        .map(|statement| match document.rating(&statement.id) {
            Some(Rating::Unsure) => 'u',
            Some(Rating::NotMyRole) => 'n',
            Some(Rating::Step(value)) => ladder
                .scale
                .position(value)
                .and_then(|p| char::from_digit(p as u32, 10))
                .unwrap_or('-'),
            None => '-',
        })
        .collect();
    ratings.truncate(ratings.trim_end_matches('-').len());
    let link = format!("{VERSION}.{}.{}.{ratings}", ladder.id, fingerprint(ladder));
    if link.len() > MAX_LINK_LEN {
        return Err(format!(
            "These answers make a link of {} characters, more than the {MAX_LINK_LEN} a link can safely carry. Download the answers as a file instead.",
            link.len()
        ));
    }
    Ok(link)
}

/// Reads a share fragment back into a document of ratings. Never panics.
pub fn decode(ladder: &Ladder, fragment: &str) -> Result<Document, String> {
    if fragment.len() > MAX_LINK_LEN {
        return Err(format!(
            "This link is longer than {MAX_LINK_LEN} characters, so it was not made by this app."
        ));
    }
    let mut parts = fragment.splitn(4, '.');
    let (Some(version), Some(id), Some(print), Some(ratings)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("This link is incomplete: it may have been cut off when it was copied.".into());
    };
    if version != VERSION {
        return Err(format!(
            "This link uses a format this app does not know (\"{}\").",
            short(version)
        ));
    }
    if !is_id(id) || id != ladder.id {
        return Err(format!(
            "This link holds answers for another ladder (\"{}\"), not \"{}\".",
            short(id),
            ladder.title
        ));
    }
    if print != fingerprint(ladder) {
        return Err("This link was made for a different version of this ladder's statements, so its answers cannot be matched. Ask for the file export instead.".into());
    }
    if ratings.chars().count() > ladder.statements.len() {
        return Err("This link holds more answers than the ladder has statements.".into());
    }
    let mut document = Document::new(&ladder.id, &ladder.version);
    for (statement, code) in ladder.statements.iter().zip(ratings.chars()) {
        let rating = match code {
            '-' => continue,
            'u' => Rating::Unsure,
            digit => {
                let position = digit
                    .to_digit(10)
                    .map(|d| d as usize)
                    .filter(|p| *p < ladder.scale.steps.len())
                    .ok_or_else(|| {
                        "This link has an answer this ladder does not have.".to_string()
                    })?;
                Rating::Step(ladder.scale.steps[position].value)
            }
        };
        document.set_rating(&statement.id, rating, 0);
    }
    Ok(document)
}

/// A piece of a link, safe to show: letters, digits and a few marks only.
fn short(text: &str) -> String {
    text.chars()
        .take(40)
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}
