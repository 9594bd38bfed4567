// Generates ladders of a given size in the content format (for the
// benchmark's growth figures) and, for each, a plain static HTML page of
// its first section with no script: the floor the app is compared with.
// Usage: node generate.mjs OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? "bench-out";
mkdirSync(out, { recursive: true });
const l5 = JSON.parse(readFileSync(new URL("../../assets/ladders/l5.json", import.meta.url), "utf8"));

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A ladder of `count` statements over ten sections, built from L5's shape. */
export function ladder(count) {
  const sections = l5.sections.map((s, i) => ({ ...s, id: `s${i}`, title: `Section ${i + 1}` }));
  const statements = Array.from({ length: count }, (_, n) => {
    const section = n % sections.length;
    return {
      id: `s${section}.statement-${n}`,
      section: `s${section}`,
      kind: section === sections.length - 1 ? "anti-pattern" : "expectation",
      quick: n < sections.length,
      text: `When the work calls for it, I do generated behaviour number ${n}, and I can point to a recent example.`,
      evidence: "Which recent example?",
    };
  });
  return { format: 1, id: `generated-${count}`, title: `Generated ladder (${count})`, version: "1", about: l5.about, scale: l5.scale, sections, statements };
}

/** The first section (or, with `quick`, the quick check) as static HTML:
 *  the same markup and stylesheet, no script. */
export function floorPage(content, cssHref, quick = false) {
  const section = quick ? { title: "Quick check", summary: "Statements from every part of the ladder, on one page.", id: null } : content.sections[0];
  const options = (id) =>
    [...content.scale.steps.map((s) => [s.value, s.choice?.label ?? s.label]), ["unsure", content.scale.unsure.label]]
      .map(([value, label]) => `<label class="option" for="${id}-${value}"><input type="radio" id="${id}-${value}" name="${id}"><span class="option-label">${escape(String(label))}</span></label>`)
      .join("");
  const fieldsets = content.statements
    .filter((s) => (quick ? s.quick : s.section === section.id))
    .map((s) => `<fieldset class="statement"><legend>${escape(s.text)}</legend><div class="options">${options(s.id)}</div></fieldset>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(content.title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${cssHref}"></head><body><div class="l5-root"><main class="l5-app"><h1>${escape(section.title)}</h1><p class="summary">${escape(section.summary)}</p>${fieldsets}</main></div></body></html>`;
}

/** A full document answering every statement of `content` (the 6,000-answer
 *  case: every write then stores about 400 KB). */
export function fullDocument(content) {
  const answers = {};
  content.statements.forEach((s, n) => {
    answers[s.id] = { rating: n % 4, note: n % 10 === 0 ? `Evidence for ${s.id}.` : undefined, changed_at: 1_700_000_000_000 + n };
  });
  return { schema: 3, ladder: content.id, content_version: content.version, revision: content.statements.length, updated_at: 1_700_000_100_000, answers, resume: {} };
}

/** The start page as it is painted before any script: index.html with its
 *  prerendered page, and no script at all (the floor for the first screen);
 *  `bare`: no stylesheet either, the plainest page that shows the same text.
 *  Its quick check button links to the static quick check floor page. */
export function floorStart(indexHtml, bare = false) {
  let html = indexHtml
    .replace(/<script[^>]*>[^<]*<\/script>/g, "")
    .replace(/<link[^>]*rel="?(modulepreload|preload)"?[^>]*>/g, "")
    .replace(/href="?#\/quick"?/, 'href="floor-quick.html"');
  if (bare) html = html.replace(/<link[^>]*rel="?stylesheet"?[^>]*>/g, "");
  return html;
}

/** A page that takes its content file from its address (the deployer's
 *  permission, data-content-from-url), like a team's own page would. */
const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title><link rel="icon" href="data:,"><script src="../early.js"></script><link rel="stylesheet" href="../app.css"><script type="module" src="../boot.js"></script></head><body><div id="l5-selfcheck" class="l5-root" data-config-from-url data-content-from-url></div></body></html>`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const count of [60, 600, 6000]) {
    const content = ladder(count);
    writeFileSync(join(out, `generated-${count}.json`), JSON.stringify(content, null, 1));
    writeFileSync(join(out, `floor-generated-${count}.html`), floorPage(content, "../app.css"));
    writeFileSync(join(out, `full-${count}.json`), JSON.stringify(fullDocument(content)));
  }
  writeFileSync(join(out, "floor-l5.html"), floorPage(l5, "../app.css"));
  writeFileSync(join(out, "floor-quick.html"), floorPage(l5, "../app.css", true));
  writeFileSync(join(out, "index.html"), host);
  const dist = process.argv[3] ?? "dist";
  const index = readFileSync(join(dist, "index.html"), "utf8");
  const relink = (html) => html.replaceAll('href="./', 'href="../').replaceAll("href=./", "href=../").replaceAll('href="../floor-quick', 'href="floor-quick');
  writeFileSync(join(out, "floor-start.html"), relink(floorStart(index)));
  writeFileSync(join(out, "floor-start-bare.html"), relink(floorStart(index, true)));
  console.log(`wrote ladders, documents and floor pages to ${out}`);
}
