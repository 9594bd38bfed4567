//! A radar chart of section results, drawn as SVG by our own code.
//! Colours come from CSS classes, so hosts can theme it and a strict CSP
//! (no inline styles) allows it. The results table is its text alternative.
//! A section with no scored answer has no point: its spoke is marked "not
//! answered" rather than drawn at the centre as if rated lowest.

use yew::prelude::*;

const RADIUS: f64 = 100.0;

/// Cosine and sine by their series: a handful of terms is exact to far
/// below a pixel here, and the same code runs in the browser and in the
/// native prerender (no JavaScript, and no libm in the wasm).
fn cos_sin(angle: f64) -> (f64, f64) {
    // Into -π..π, where 24 terms of each series are plenty.
    let x = (angle + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI;
    // Terms x^n/n! go to cos (even n) and sin (odd n), signs + + - - in turn.
    let (mut cos, mut sin, mut term) = (0.0, 0.0, 1.0);
    for n in 0..24u32 {
        match n % 4 {
            0 => cos += term,
            1 => sin += term,
            2 => cos -= term,
            _ => sin -= term,
        }
        term *= x / f64::from(n + 1);
    }
    (cos, sin)
}

/// Whole SVG units are precise enough for a 430-unit-wide chart, and
/// printing integers keeps float formatting code out of the wasm.
fn point(index: usize, count: usize, share: f64) -> (i32, i32) {
    let angle = -std::f64::consts::FRAC_PI_2 + index as f64 * std::f64::consts::TAU / count as f64;
    let (cos, sin) = cos_sin(angle);
    let (x, y) = (share * RADIUS * cos, share * RADIUS * sin);
    ((x + 0.5).floor() as i32, (y + 0.5).floor() as i32)
}

fn polygon(points: impl Iterator<Item = (i32, i32)>) -> String {
    points
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Breaks a long section title into lines of about `width` characters,
/// so no label runs off the chart.
fn lines(label: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

/// `axes`: (label, share of the scale 0.0..=1.0, or None when the section
/// has no scored answer); `steps`: number of scale steps, for the grid
/// rings; `described_by`: id of the element that describes the chart.
pub fn radar(axes: &[(String, Option<f64>)], steps: usize, described_by: &str) -> Html {
    let count = axes.len();
    if count < 3 {
        return Html::default();
    }
    let rings = steps.max(2) - 1;
    // The shape joins answered sections only; unanswered spokes get a gap.
    let shape = polygon(
        axes.iter()
            .enumerate()
            .filter_map(|(i, (_, share))| share.map(|share| point(i, count, share))),
    );
    html! {
        <svg class="radar" viewBox="-230 -150 460 300" role="img"
            aria-label="Radar chart of the results by section" aria-describedby={described_by.to_string()}>
            for ring in 1..=rings {
                <polygon class="radar-grid"
                    points={polygon((0..count).map(|i| point(i, count, ring as f64 / rings as f64)))} />
            }
            for i in 0..count {
                <line class={classes!("radar-axis", axes[i].1.is_none().then_some("unanswered"))} x1="0" y1="0"
                    x2={point(i, count, 1.0).0.to_string()} y2={point(i, count, 1.0).1.to_string()} />
            }
            if axes.iter().filter(|(_, share)| share.is_some()).count() >= 3 {
                <polygon class="radar-shape" points={shape} />
            }
            for (i, (label, share)) in axes.iter().enumerate() {
                {{
                    let (x, y) = point(i, count, 1.14);
                    let anchor = match x {
                        -4..=4 => "middle",
                        x if x > 0 => "start",
                        _ => "end",
                    };
                    let mut text = lines(label, 14);
                    if share.is_none() {
                        text.push("(not answered)".into());
                    }
                    let top = y + 4 - if y < 0 { 12 * (text.len() as i32 - 1) } else { 0 };
                    html! {
                        <>
                            if let Some(share) = share {
                                {{
                                    let (dx, dy) = point(i, count, *share);
                                    html! { <circle class="radar-dot" cx={dx.to_string()} cy={dy.to_string()} r="3" /> }
                                }}
                            }
                            <text class={classes!("radar-label", share.is_none().then_some("unanswered"))} x={x.to_string()} y={top.to_string()} text-anchor={anchor}>
                                for (n, line) in text.iter().enumerate() {
                                    <tspan x={x.to_string()} dy={if n == 0 { "0" } else { "12" }}>{ line.clone() }</tspan>
                                }
                            </text>
                        </>
                    }
                }}
            }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::cos_sin;

    #[test]
    fn cos_and_sin_match_the_standard_library() {
        for i in -40..=40 {
            let angle = f64::from(i) * 0.25;
            let (c, s) = cos_sin(angle);
            assert!((c - angle.cos()).abs() < 1e-9, "cos {angle}");
            assert!((s - angle.sin()).abs() < 1e-9, "sin {angle}");
        }
    }
}
