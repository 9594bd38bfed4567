//! A Markdown summary of the results, to paste into a wiki page or a 1:1
//! document. Everything a person typed is escaped, so it shows as the
//! literal text in any Markdown renderer.

use super::content::Ladder;
use super::document::Document;
use super::scoring::{average_on_scale, closest_label, rating_label, score};
use super::time::date;
use std::fmt::Write;

/// Characters that can start Markdown or HTML markup. Escaping only these
/// keeps the text readable where the summary is pasted as plain text.
const MARKUP: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '&', '~', '#', '!',
];

/// Escapes text for Markdown: markup characters get a backslash (CommonMark
/// then shows them literally), and the text stays on one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' => {}
            '\n' => out.push(' '),
            c if MARKUP.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The summary of one check (`quick_only`) at the document's last change.
pub fn summary(ladder: &Ladder, document: &Document, quick_only: bool) -> String {
    let results = score(ladder, document, quick_only);
    let check = if quick_only {
        "Quick check"
    } else {
        "Full check"
    };
    let mut md = String::new();
    let _ = writeln!(md, "# Self-check: {}\n", escape(&ladder.title));
    let _ = writeln!(
        md,
        "{check}, {}. {} of {} statements answered. These are my own answers: a picture of where I stand, not a verdict.\n",
        date(document.updated_at),
        results.answered(),
        results.total()
    );
    let (low, high) = (ladder.scale.lowest(), ladder.scale.highest());
    let _ = writeln!(md, "## Results by section\n");
    let _ = writeln!(
        md,
        "| Section | Closest answer | Average ({low}\u{2013}{high}) | Answered |"
    );
    let _ = writeln!(md, "|---|---|---:|---:|");
    for result in &results.sections {
        if !ladder.has_expectations(result.section) || result.total == 0 {
            continue;
        }
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} of {} |",
            escape(&ladder.sections[result.section].title),
            escape(&closest_label(ladder, result.score)),
            result
                .score
                .map_or("\u{2013}".to_string(), |s| average_on_scale(ladder, s)),
            result.answered,
            result.total
        );
    }
    let section_line = |md: &mut String, section: usize| {
        let _ = writeln!(
            md,
            "- **{}**: mostly \u{201c}{}\u{201d}",
            escape(&ladder.sections[section].title),
            escape(&closest_label(ladder, results.sections[section].score))
        );
    };
    let _ = writeln!(md, "\n## Strengths\n");
    if results.strengths.is_empty() {
        let _ = writeln!(md, "None stands out yet.");
    }
    for section in &results.strengths {
        section_line(&mut md, *section);
    }
    let _ = writeln!(md, "\n## Growth areas\n");
    if results.growth.is_empty() {
        let _ = writeln!(md, "Not enough answers yet.");
    }
    for section in &results.growth {
        section_line(&mut md, *section);
        for idea in &ladder.sections[*section].growth {
            let _ = writeln!(md, "  - {}", escape(idea));
        }
    }
    let _ = writeln!(md, "\n## Watch-outs\n");
    if results.watch_outs.is_empty() {
        let _ = writeln!(md, "None came up often.");
    }
    for watch in &results.watch_outs {
        let statement = &ladder.statements[watch.statement];
        let _ = writeln!(
            md,
            "- {} (answered \u{201c}{}\u{201d})",
            escape(&statement.text),
            escape(&rating_label(ladder, document.rating(&statement.id)))
        );
    }
    let mut evidence = String::new();
    for statement in &ladder.statements {
        if quick_only && !statement.quick {
            continue;
        }
        let Some(answer) = document.answers.get(&statement.id) else {
            continue;
        };
        if answer.note.trim().is_empty() {
            continue;
        }
        let _ = writeln!(
            evidence,
            "- **{}** ({}): {}",
            escape(&statement.text),
            escape(&rating_label(ladder, answer.rating)),
            escape(answer.note.trim())
        );
    }
    if !evidence.is_empty() {
        let _ = write!(md, "\n## Evidence\n\n{evidence}");
    }
    if !results.unanswered.is_empty() || !results.unsure.is_empty() {
        let _ = writeln!(
            md,
            "\n{} statements not answered yet; {} answered \u{201c}{}\u{201d}.",
            results.unanswered.len(),
            results.unsure.len(),
            escape(&ladder.scale.unsure.label)
        );
    }
    md
}
