//! A bar chart of section results, drawn as SVG by our own code: one bar
//! per section, as long as its average on the scale, over a track as long
//! as the whole scale, with a line at each step. Colours come from CSS
//! classes, so hosts can theme it and a strict CSP (no inline styles)
//! allows it. The results table is its text alternative. A section with no
//! scored answer has no bar: it says "not answered" rather than showing an
//! empty bar that would read as rated lowest. (It replaced a radar chart:
//! bars are read more exactly, and cost a third of the code.)

use yew::prelude::*;

/// Where the bars start, and how long the whole scale is, in SVG units.
const LEFT: i32 = 190;
const WIDTH: i32 = 260;
const ROW: i32 = 26;
/// A label's extra lines, and how many characters fit on one.
const LINE: i32 = 14;
const LABEL_CHARS: usize = 24;

/// Splits a label into lines of at most `max` characters at spaces, so a
/// long section title shows whole; a word longer than a line (a German
/// compound) is cut with a hyphen.
pub fn wrap(label: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let used = line.chars().count();
            let room = if used == 0 {
                max
            } else {
                max.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(word.iter());
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // Alone on its line and still too long: cut it.
            let rest = word.split_off(max - 1);
            line.extend(word.iter());
            line.push('-');
            lines.push(std::mem::take(&mut line));
            word = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `rows`: (label, share of the scale 0.0..=1.0, or None when the section
/// has no scored answer); `steps`: number of scale steps, for the grid
/// lines; `described_by`: id of the element that describes the chart.
pub fn bars(rows: &[(String, Option<f64>)], steps: usize, described_by: &str) -> Html {
    let gaps = steps.max(2) as i32 - 1;
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|(label, _)| wrap(label, LABEL_CHARS))
        .collect();
    let mut top = 0;
    let mut drawn = Vec::new();
    for ((_, share), lines) in rows.iter().zip(&labels) {
        let extra = (lines.len() as i32 - 1) * LINE;
        // The bar sits level with the middle of its label.
        let bar = top + 6 + extra / 2;
        drawn.push(html! {
            <>
                <text class={classes!("bar-label", share.is_none().then_some("unanswered"))}
                    x={(LEFT - 8).to_string()} y={(top + 17).to_string()} text-anchor="end">
                    for (n, line) in lines.iter().enumerate() {
                        <tspan x={(LEFT - 8).to_string()} dy={if n == 0 { "0".to_string() } else { LINE.to_string() }}>{ line.clone() }</tspan>
                    }
                </text>
                <rect class="bar-track" x={LEFT.to_string()} y={bar.to_string()} width={WIDTH.to_string()} height="14" />
                if let Some(share) = share {
                    <rect class="bar" x={LEFT.to_string()} y={bar.to_string()} height="14"
                        width={((share * f64::from(WIDTH) + 0.5).floor() as i32).max(2).to_string()} />
                } else {
                    <text class="bar-label unanswered" x={(LEFT + 6).to_string()} y={(bar + 11).to_string()}>{ "not answered" }</text>
                }
            </>
        });
        top += ROW + extra;
    }
    let height = top + 4;
    html! {
        <svg class="bars" viewBox={format!("0 0 460 {height}")} role="img"
            aria-label="Bar chart of the results by section" aria-describedby={described_by.to_string()}>
            { for drawn }
            for step in 1..gaps {
                <line class="bar-grid" x1={(LEFT + WIDTH * step / gaps).to_string()} x2={(LEFT + WIDTH * step / gaps).to_string()}
                    y1="2" y2={(height - 2).to_string()} />
            }
        </svg>
    }
}
