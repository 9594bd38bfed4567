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

/// `rows`: (label, share of the scale 0.0..=1.0, or None when the section
/// has no scored answer); `steps`: number of scale steps, for the grid
/// lines; `described_by`: id of the element that describes the chart.
pub fn bars(rows: &[(String, Option<f64>)], steps: usize, described_by: &str) -> Html {
    let gaps = steps.max(2) as i32 - 1;
    let height = rows.len() as i32 * ROW + 4;
    let row = |(i, (label, share)): (usize, &(String, Option<f64>))| {
        let y = i as i32 * ROW;
        html! {
            <>
                <text class={classes!("bar-label", share.is_none().then_some("unanswered"))}
                    x={(LEFT - 8).to_string()} y={(y + 17).to_string()} text-anchor="end">{ label.clone() }</text>
                <rect class="bar-track" x={LEFT.to_string()} y={(y + 6).to_string()} width={WIDTH.to_string()} height="14" />
                if let Some(share) = share {
                    <rect class="bar" x={LEFT.to_string()} y={(y + 6).to_string()} height="14"
                        width={((share * f64::from(WIDTH) + 0.5).floor() as i32).max(2).to_string()} />
                } else {
                    <text class="bar-label unanswered" x={(LEFT + 6).to_string()} y={(y + 17).to_string()}>{ "not answered" }</text>
                }
            </>
        }
    };
    html! {
        <svg class="bars" viewBox={format!("0 0 460 {height}")} role="img"
            aria-label="Bar chart of the results by section" aria-describedby={described_by.to_string()}>
            { for rows.iter().enumerate().map(row) }
            for step in 1..gaps {
                <line class="bar-grid" x1={(LEFT + WIDTH * step / gaps).to_string()} x2={(LEFT + WIDTH * step / gaps).to_string()}
                    y1="2" y2={(height - 2).to_string()} />
            }
        </svg>
    }
}
