//! Markdown summaries to paste into a wiki page or a 1:1 document: one
//! check's results, or two checks side by side. Everything a person typed
//! is escaped, so it shows as the literal text in any Markdown renderer.

use super::compare::{moved, Agenda, Agreement};
use super::content::Ladder;
use super::document::plan::{PlanItem, PlanStatus};
use super::document::{Document, Rater, Snapshot};
use super::scoring::{
    answer_label, average_on_scale, change_words, low_answers_lowest_section_first, one_decimal,
    score, spread_words, top_answers, MIN_IN_SECTION, MIN_SCORED, MIN_SECTIONS,
};
use super::time::local_date;
use std::fmt::Write;

/// "1 minute", "3 minutes".
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

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

/// "About Alex Kim, rated by Sam" and the like, for a document.
pub fn whose(document: &Document) -> String {
    let subject = if document.subject.is_empty() {
        "a person who gave no name".to_string()
    } else {
        document.subject.clone()
    };
    match &document.rater {
        Rater::Subject if document.subject.is_empty() => "A self-check (no name given)".into(),
        Rater::Subject => format!("{subject}\u{2019}s self-check"),
        Rater::Other { name } if name.is_empty() => {
            format!("About {subject}, rated by someone else")
        }
        Rater::Other { name } => format!("About {subject}, rated by {name}"),
    }
}

/// A short label for one side of a comparison: "You", "Alex (self-check)",
/// "Alex (rated by Sam)", "Alex (your view)". `own` marks the person's own
/// check in this browser.
pub fn view_label(document: &Document, own: bool) -> String {
    let subject = if document.subject.is_empty() {
        "Someone".to_string()
    } else {
        document.subject.clone()
    };
    match &document.rater {
        Rater::Subject if own && document.subject.is_empty() => "You".to_string(),
        Rater::Subject => format!("{subject} (self-check)"),
        Rater::Other { name } if name.is_empty() => format!("{subject} (your view)"),
        Rater::Other { name } => format!("{subject} (rated by {name})"),
    }
}

/// What a summary holds, as the person chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SummaryOptions {
    /// The quick check's statements only.
    pub quick_only: bool,
    /// Say what moved since this snapshot (its `taken_at`).
    pub since: Option<u64>,
    /// End with ideas for every low answer.
    pub ideas: bool,
}

/// The summary of one check at the document's last change, in the order a
/// review or promotion packet reads it: where things stand, strengths with
/// their evidence, what moved, the plan and what came of it, every note;
/// ideas for growth last, when chosen.
pub fn summary(
    ladder: &Ladder,
    document: &Document,
    options: SummaryOptions,
    offset: i32,
) -> String {
    let quick_only = options.quick_only;
    let results = score(ladder, document, quick_only);
    let someone = document.rater != Rater::Subject;
    let label = |index: usize, rating| escape(&answer_label(ladder, index, rating, someone));
    let text = |index: usize| escape(ladder.statements[index].text_for(someone));
    let check = if quick_only {
        "Quick check"
    } else {
        "Full check"
    };
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", escape(&ladder.title));
    let _ = writeln!(
        md,
        "{}. {check}, {}. {} of {} statements answered; the results rest on {}. A picture of where things stand, not a verdict.\n",
        escape(&whose(document)),
        local_date(document.updated_at, offset),
        results.answered(),
        results.total(),
        plural(results.scored, "rated answer", "rated answers"),
    );
    let _ = writeln!(md, "## Results by section\n");
    let _ = writeln!(
        md,
        "| Section | Answers | Average ({}\u{2013}{}) | Rated |",
        ladder.scale.lowest(),
        ladder.scale.highest()
    );
    let _ = writeln!(md, "|---|---|---:|---:|");
    for result in &results.sections {
        if !ladder.has_expectations(result.section) || result.expected == 0 {
            continue;
        }
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} of {} |",
            escape(&ladder.sections[result.section].title),
            escape(&spread_words(ladder, result)),
            result
                .score
                .map_or("\u{2013}".to_string(), |s| average_on_scale(
                    &ladder.scale,
                    s
                )),
            result.scored,
            result.expected
        );
    }
    let _ = writeln!(md, "\n## Strengths and growth areas\n");
    match results.middle {
        Some(middle) if results.enough() => {
            let _ = writeln!(
                md,
                "Compared with the middle of the section averages ({}): a section counts when it is at least half a step above or below it, from at least {MIN_IN_SECTION} rated answers of its own.\n",
                average_on_scale(&ladder.scale, middle),
            );
            if !results.anything_stands_out() {
                let _ = writeln!(md, "No section stands apart from the others.");
            }
            // One line per section: tied sections stay apart.
            for (word, groups) in [
                ("Stronger", &results.strengths),
                ("To grow", &results.growth),
            ] {
                for section in groups.iter().flatten() {
                    let score = results.sections[*section].score.unwrap_or_default();
                    let _ = writeln!(
                        md,
                        "- {word}: **{}** (average {})",
                        escape(&ladder.sections[*section].title),
                        average_on_scale(&ladder.scale, score)
                    );
                }
            }
        }
        _ => {
            let _ = writeln!(
                md,
                "Too early to read: {} rated answers so far; strengths and growth areas are named from at least {MIN_SCORED} in {MIN_SECTIONS} sections, when most answers are rated.",
                results.scored
            );
        }
    }
    // Strengths as statements, each with its note as the evidence.
    let top = top_answers(ladder, document, quick_only);
    if let Some(first) = top.first() {
        let _ = writeln!(
            md,
            "\n### Answered \u{201c}{}\u{201d} ({})\n",
            label(*first, document.rating(&ladder.statements[*first].id)),
            top.len()
        );
        for index in &top {
            let _ = writeln!(
                md,
                "- {}{}",
                text(*index),
                note_of(document, &ladder.statements[*index].id)
            );
        }
    }
    if let Some(snapshot) = options.since.and_then(|at| document.snapshot(at)) {
        moved_since(&mut md, ladder, document, snapshot, offset);
    }
    plan(&mut md, ladder, document, offset);
    // Every other note: the top answers above already carry theirs.
    let mut notes = String::new();
    for (index, statement) in ladder.statements.iter().enumerate() {
        if (quick_only && !statement.quick) || top.contains(&index) {
            continue;
        }
        let Some(answer) = document.answers.get(&statement.id) else {
            continue;
        };
        if answer.note.trim().is_empty() {
            continue;
        }
        let _ = writeln!(
            notes,
            "- **{}** ({}): {}",
            text(index),
            label(index, answer.rating),
            escape(answer.note.trim())
        );
    }
    if !notes.is_empty() {
        let _ = write!(md, "\n## Notes and evidence\n\n{notes}");
    }
    let _ = writeln!(md, "\n## Watch-outs\n");
    if results.watch_outs.is_empty() {
        let _ = writeln!(md, "None came up often.");
    }
    for watch in &results.watch_outs {
        let id = &ladder.statements[watch.statement].id;
        let _ = writeln!(
            md,
            "- {} (\u{201c}{}\u{201d})",
            text(watch.statement),
            label(watch.statement, document.rating(id))
        );
    }
    let mut low = low_answers_lowest_section_first(ladder, document, &results, quick_only);
    low.extend(results.watch_outs.iter().map(|w| w.statement));
    if options.ideas && !low.is_empty() {
        let _ = writeln!(md, "\n## Ideas for growth\n");
        let _ = writeln!(
            md,
            "For every low answer, the lowest section first, then the watch-outs.\n"
        );
        for index in low {
            let statement = &ladder.statements[index];
            let _ = writeln!(
                md,
                "- {} (\u{201c}{}\u{201d})",
                text(index),
                label(index, document.rating(&statement.id))
            );
            for idea in &statement.ideas {
                let _ = writeln!(md, "  - {}", escape(idea));
            }
        }
    }
    let unscored = results.unsure.len() + results.not_my_role.len();
    if !results.unanswered.is_empty() || unscored > 0 {
        let _ = writeln!(
            md,
            "\n{} statements not answered yet; {} answered but not scored (not sure, or not part of the role).",
            results.unanswered.len(),
            unscored
        );
    }
    md
}

/// What moved since a snapshot: the sections then and now, and the
/// statements that moved either way.
fn moved_since(
    md: &mut String,
    ladder: &Ladder,
    document: &Document,
    snapshot: &Snapshot,
    offset: i32,
) {
    let someone = document.rater != Rater::Subject;
    let date = local_date(snapshot.taken_at, offset);
    let moved = moved(ladder, &document.as_of(snapshot), document);
    let _ = writeln!(md, "\n## What moved since {date} ({})\n", snapshot.what());
    let _ = writeln!(
        md,
        "{} moved the good way, {} the other way, {} newly answered. For a habit to avoid, less often is the good way.\n",
        plural(moved.better.len(), "answer", "answers"),
        moved.worse.len(),
        moved.newly.len()
    );
    if moved.retired > 0 {
        let _ = writeln!(
            md,
            "Both columns read the answers on today's statements; {} to statements since removed from the ladder left out.\n",
            plural(moved.retired, "answer", "answers")
        );
    }
    let _ = writeln!(
        md,
        "| Section | {date} | Now | Change |\n|---|---:|---:|---|"
    );
    let cell = |share: Option<f64>| {
        share.map_or("\u{2013}".to_string(), |s| {
            average_on_scale(&ladder.scale, s)
        })
    };
    for pair in &moved.comparison.sections {
        if pair.left.is_none() && pair.right.is_none() {
            continue;
        }
        let (change, _) = change_words(&ladder.scale, pair.left, pair.right);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {change} |",
            escape(&ladder.sections[pair.section].title),
            cell(pair.left),
            cell(pair.right)
        );
    }
    for (title, pairs) in [
        ("Moved the good way", &moved.better),
        ("Moved the other way", &moved.worse),
    ] {
        if pairs.is_empty() {
            continue;
        }
        let _ = writeln!(md, "\n{title}:\n");
        for pair in pairs {
            let label = |rating| escape(&answer_label(ladder, pair.statement, rating, someone));
            let _ = writeln!(
                md,
                "- {}: {} \u{2192} {}",
                escape(lead_in(ladder.statements[pair.statement].text_for(someone))),
                label(pair.left),
                label(pair.right)
            );
        }
    }
}

/// The plan: each focus with its next step, and what came of the done ones.
fn plan(md: &mut String, ladder: &Ladder, document: &Document, offset: i32) {
    let shown: Vec<_> = document
        .plan
        .iter()
        .filter(|i| matches!(i.status, PlanStatus::Active | PlanStatus::Done))
        .collect();
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(md, "\n## Plan\n");
    let someone = document.rater != Rater::Subject;
    for item in shown {
        let text = ladder
            .statement_index(&item.statement)
            .map_or(item.statement.as_str(), |i| {
                ladder.statements[i].text_for(someone)
            });
        let mut line = format!(
            "- {}: {}",
            escape(lead_in(text)),
            escape(lead_in(&item.step))
        );
        if !item.due.is_empty() {
            line.push_str(&format!(", by {}", item.due));
        }
        if !item.helper.is_empty() {
            line.push_str(&format!(", with {}", escape(&item.helper)));
        }
        if item.status == PlanStatus::Done {
            // Done is the item's last change: a done item is not edited.
            line.push_str(&format!(
                " \u{2014} done on {}",
                local_date(item.changed_at, offset)
            ));
            if !item.outcome.is_empty() {
                line.push_str(&format!(": {}", escape(&item.outcome)));
            }
        } else {
            line.push_str(" \u{2014} in progress");
        }
        let _ = writeln!(md, "{line}");
    }
}

/// How far apart two section averages are, in words: "Sam 0.6 higher",
/// "Same", or a dash when a side has no scored answer.
pub fn gap_words(gap: Option<f64>, left: &str, right: &str) -> String {
    match gap {
        None => "\u{2013}".to_string(),
        Some(g) if g.abs() < 0.05 => "Same".to_string(),
        Some(g) if g > 0.0 => format!("{right} {} higher", one_decimal(g)),
        Some(g) => format!("{left} {} higher", one_decimal(-g)),
    }
}

/// The sentence that counts what an agenda holds.
/// The agenda's first line. Its parts add up, and its last part is the
/// count its fold ("Answered by one side only, or not sure") shows.
pub fn agenda_counts(agenda: &Agenda) -> String {
    let near: usize = agenda.near.iter().map(|(_, p)| p.len()).sum();
    format!(
        "{} rated by both: {} alike, {} two or more steps apart, {} one step apart; {} answered by one side only or as \u{201c}not sure\u{201d}.",
        count(agenda.same + agenda.far.len() + near, "statement", "statements"),
        agenda.same,
        agenda.far.len(),
        near,
        agenda.other.len()
    )
}

/// "1 statement", "3 statements".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Words for where both views agree on a section.
pub fn agreement_words(agreement: Agreement) -> &'static str {
    match agreement {
        Agreement::Strength => "a strength both see",
        Agreement::Growth => "a growth area both see",
    }
}

/// A 1:1 agenda to paste into a 1:1 document: sections by gap, where both
/// agree, the statements far apart with both notes, one-step differences
/// counted by section, the 1:1 notes and the agreed actions. Short by
/// design: one line per topic.
pub fn agenda(
    ladder: &Ladder,
    left: (&str, &Document),
    right: (&str, &Document),
    notes: &str,
    actions: &[PlanItem],
    offset: i32,
) -> String {
    let view = super::compare::agenda(ladder, left.1, right.1);
    let (l, r) = (escape(left.0), escape(right.0));
    // As the open check (`left`) reads: first person on one's own.
    let someone = left.1.rater != Rater::Subject;
    let mut md = String::new();
    let _ = writeln!(md, "# 1:1 agenda: {}\n", escape(&ladder.title));
    let _ = writeln!(
        md,
        "{l}: {}, last changed {}. {r}: {}, last changed {}.\n\n{}\n",
        escape(&whose(left.1)),
        local_date(left.1.updated_at, offset),
        escape(&whose(right.1)),
        local_date(right.1.updated_at, offset),
        agenda_counts(&view)
    );
    let _ = writeln!(
        md,
        "## By section, largest gap first\n\n| Section | {l} | {r} | Gap |\n|---|---:|---:|---|"
    );
    let cell = |share: Option<f64>| {
        share.map_or("\u{2013}".to_string(), |s| {
            average_on_scale(&ladder.scale, s)
        })
    };
    for pair in &view.sections {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            escape(&ladder.sections[pair.section].title),
            cell(pair.left),
            cell(pair.right),
            gap_words(pair.gap, &l, &r)
        );
    }
    if !view.agreements.is_empty() {
        let _ = writeln!(md, "\n## Where both agree\n");
        for (section, agreement) in &view.agreements {
            let _ = writeln!(
                md,
                "- {}: {}",
                escape(&ladder.sections[*section].title),
                agreement_words(*agreement)
            );
        }
    }
    let _ = writeln!(md, "\n## Two or more steps apart\n");
    if view.far.is_empty() {
        let _ = writeln!(md, "None.");
    }
    for pair in &view.far {
        let statement = &ladder.statements[pair.statement];
        let _ = writeln!(
            md,
            "- {} ({} steps apart)\n  - {l}: {}{}\n  - {r}: {}{}",
            escape(statement.text_for(someone)),
            pair.steps_apart().unwrap_or(0),
            escape(&answer_label(
                ladder,
                pair.statement,
                pair.left,
                left.1.rater != Rater::Subject
            )),
            note_of(left.1, &statement.id),
            escape(&answer_label(
                ladder,
                pair.statement,
                pair.right,
                right.1.rater != Rater::Subject
            )),
            note_of(right.1, &statement.id),
        );
    }
    if !view.near.is_empty() {
        let parts: Vec<String> = view
            .near
            .iter()
            .map(|(section, pairs)| {
                format!(
                    "{} {}",
                    escape(&ladder.sections[*section].title),
                    pairs.len()
                )
            })
            .collect();
        let _ = writeln!(
            md,
            "\n## One step apart, by section\n\n{}.",
            parts.join(", ")
        );
    }
    let notes = notes.trim();
    if !notes.is_empty() {
        let _ = writeln!(md, "\n## 1:1 notes\n");
        for line in notes.lines().filter(|line| !line.trim().is_empty()) {
            let _ = writeln!(md, "{}\n", escape(line.trim()));
        }
    }
    if !actions.is_empty() {
        let _ = writeln!(md, "\n## Agreed actions\n");
        for item in actions {
            let text = ladder
                .statement_index(&item.statement)
                .map_or(item.statement.as_str(), |i| {
                    ladder.statements[i].text_for(someone)
                });
            let _ = writeln!(
                md,
                "- {}: {}{}",
                escape(lead_in(text)),
                escape(lead_in(&item.step)),
                item_details(item)
            );
        }
    }
    md
}

/// " (by 2027-01-31, with Alex)", or nothing.
/// A sentence used as the lead of a list line ("statement: step"): its
/// full stop goes, so the line never reads ".:" or ".,".
pub fn lead_in(text: &str) -> &str {
    text.strip_suffix('.').unwrap_or(text)
}

pub fn item_details(item: &PlanItem) -> String {
    let mut details = Vec::new();
    if !item.due.is_empty() {
        details.push(format!("by {}", item.due));
    }
    if !item.helper.is_empty() {
        details.push(format!("with {}", escape(&item.helper)));
    }
    if details.is_empty() {
        String::new()
    } else {
        format!(" ({})", details.join(", "))
    }
}

fn note_of(document: &Document, id: &str) -> String {
    match document.answers.get(id) {
        Some(answer) if !answer.note.trim().is_empty() => {
            format!(" \u{2014} {}", escape(answer.note.trim()))
        }
        _ => String::new(),
    }
}

/// Letters and digits of `text` (ASCII, lower case) joined by single
/// hyphens, at most `max` characters: safe in a file name on any system.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() >= max {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A download's name says which ladder, whose check and who rated, and
/// when: `l5-selfcheck-l5-sam-rivera-self-check-2026-12-02.json`,
/// `l5-selfcheck-l5-sam-rivera-by-alex-chen-agenda-2026-12-02.md`.
/// `what` names the kind of file ("agenda"), or is empty.
pub fn file_name(
    ladder: &str,
    document: &Document,
    what: &str,
    date: &str,
    extension: &str,
) -> String {
    let mut parts = vec![format!("l5-selfcheck-{}", slug(ladder, 40))];
    let subject = slug(&document.subject, 24);
    match &document.rater {
        Rater::Subject => {
            if !subject.is_empty() {
                parts.push(subject);
            }
            parts.push("self-check".into());
        }
        Rater::Other { name } => {
            parts.push(if subject.is_empty() {
                "someone".into()
            } else {
                subject
            });
            let rater = slug(name, 24);
            if !rater.is_empty() {
                parts.push(format!("by-{rater}"));
            }
        }
    }
    if !what.is_empty() {
        parts.push(what.to_string());
    }
    parts.push(date.to_string());
    format!("{}.{extension}", parts.join("-"))
}
