//! A radar chart of section results, drawn as SVG by our own code.
//! Colours come from CSS classes, so hosts can theme it and a strict CSP
//! (no inline styles) allows it. The results table is its text alternative.

use yew::prelude::*;

const RADIUS: f64 = 100.0;

/// Whole SVG units are precise enough for a 430-unit-wide chart, and
/// printing integers keeps float formatting code out of the wasm.
fn point(index: usize, count: usize, share: f64) -> (i32, i32) {
    let angle = -std::f64::consts::FRAC_PI_2 + index as f64 * std::f64::consts::TAU / count as f64;
    // The browser's Math.sin/cos: Rust's own would add their code to the wasm.
    let x = share * RADIUS * js_sys::Math::cos(angle);
    let y = share * RADIUS * js_sys::Math::sin(angle);
    ((x + 0.5).floor() as i32, (y + 0.5).floor() as i32)
}

fn polygon(points: impl Iterator<Item = (i32, i32)>) -> String {
    points
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `axes`: (label, share of the scale 0.0..=1.0, or None when unanswered);
/// `steps`: number of scale steps, for the grid rings; `described_by`: id of
/// the element that describes the chart in words.
pub fn radar(axes: &[(String, Option<f64>)], steps: usize, described_by: &str) -> Html {
    let count = axes.len();
    if count < 3 {
        return Html::default();
    }
    let rings = steps.max(2) - 1;
    let shape = polygon(
        axes.iter()
            .enumerate()
            .map(|(i, (_, share))| point(i, count, share.unwrap_or(0.0))),
    );
    html! {
        <svg class="radar" viewBox="-215 -135 430 270" role="img"
            aria-label="Radar chart of your results by section" aria-describedby={described_by.to_string()}>
            for ring in 1..=rings {
                <polygon class="radar-grid"
                    points={polygon((0..count).map(|i| point(i, count, ring as f64 / rings as f64)))} />
            }
            for i in 0..count {
                <line class="radar-axis" x1="0" y1="0"
                    x2={point(i, count, 1.0).0.to_string()} y2={point(i, count, 1.0).1.to_string()} />
            }
            <polygon class="radar-shape" points={shape} />
            for (i, (label, share)) in axes.iter().enumerate() {
                {{
                    let (x, y) = point(i, count, 1.16);
                    let anchor = match x {
                        0 => "middle",
                        x if x > 0 => "start",
                        _ => "end",
                    };
                    let (dx, dy) = point(i, count, share.unwrap_or(0.0));
                    html! {
                        <>
                            if share.is_some() {
                                <circle class="radar-dot" cx={dx.to_string()} cy={dy.to_string()} r="3" />
                            }
                            <text class="radar-label" x={x.to_string()} y={(y + 4).to_string()} text-anchor={anchor}>
                                { label.clone() }
                            </text>
                        </>
                    }
                }}
            }
        </svg>
    }
}
