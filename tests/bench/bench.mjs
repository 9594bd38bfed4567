// Benchmark (not a test): drives the release build in headless Chromium
// and prints figures. Writes docs/performance.json and docs/performance.md.
// Run it with ./dev bench. It measures:
// - what each page loads (tests/size-budget.mjs);
// - the first screen: the start page against static floor pages of the
//   same first screen (the prerendered HTML with no script, with and
//   without the stylesheet), alternating cold loads in one run: first
//   contentful paint, the app ready, layout shift at takeover;
// - the first answer possible (an enabled radio button painted) on a deep
//   link to #/quick, after the start page's button, and on a section of
//   the L5 ladder and of ladders of about 60, 600 and 6,000 statements,
//   each against a static floor page of the same statements;
// - answer latency (click until stored), also with a full 6,000-answer
//   document already stored, and memory after a full check.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";
import { FIRST_CONTENT, measure, pageSizes } from "../size-budget.mjs";

const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:4180/";
const DIST = process.env.BENCH_DIST ?? "dist";
const BENCH = process.env.BENCH_OUT ?? "target/bench";
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 200);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const summary = (values) => ({
  median: round(quantile(values, 0.5)),
  p10: round(quantile(values, 0.1)),
  p90: round(quantile(values, 0.9)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
  n: values.length,
});

function sizes() {
  const files = measure(DIST);
  const sum = (rows) => ({ raw: rows.reduce((s, r) => s + r.raw, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0), brotli: rows.reduce((s, r) => s + r.brotli, 0) });
  return {
    files,
    total: sum(files),
    first_content: sum(files.filter((r) => FIRST_CONTENT.includes(r.file))),
    pages: pageSizes(DIST, files).map(({ page, gzip, raw, brotli, files }) => ({ page, raw, gzip, brotli, files })),
  };
}

const L5_STATEMENTS = JSON.parse(readFileSync(join(DIST, "ladder.json"), "utf8")).statements.length;
const LADDERS = [
  { name: `L5 (${L5_STATEMENTS} statements)`, app: "#/check/overview", floor: "bench/floor-l5.html" },
  ...[60, 600, 6000].map((n) => ({
    name: `generated ${n}`,
    app: `bench/?content=generated-${n}.json#/check/s0`,
    floor: `bench/floor-generated-${n}.html`,
    full: `full-${n}.json`,
    ladder: `generated-${n}`,
  })),
];

/** Loads `url` in a fresh context and runs `measure` on the page. */
async function coldLoad(browser, url, measure, init) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: "load" });
  const result = await measure(page);
  await context.close();
  return result;
}

const mark = (name) => (page) =>
  page
    .waitForFunction((name) => performance.getEntriesByName(name).length > 0, name, { timeout: 60_000 })
    .then(() => page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, name));
const appStart = mark("l5-first-statement");

/** Init script: notes the first animation frame at which an enabled radio
 *  button is visible (the first answer is possible), on any page. */
function watchFirstAnswer() {
  const check = () => {
    const radio = [...document.querySelectorAll("input[type=radio]")].find((r) => !r.disabled && r.checkVisibility({ visibilityProperty: true }));
    if (radio) window.__firstAnswer = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
const firstAnswer = (page) =>
  page.waitForFunction(() => window.__firstAnswer, null, { timeout: 60_000, polling: 10 }).then((handle) => handle.jsonValue());

/** From a click on the start page's quick check button to the first answer
 *  possible (wall clock: the floor's button opens another page). */
async function afterButton(page, whenReady) {
  if (whenReady) await page.waitForFunction(() => document.documentElement.hasAttribute("data-l5-ready"), null, { timeout: 60_000 });
  else await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 60_000 });
  const start = Date.now();
  await page.getByRole("link", { name: "Start the quick check" }).first().click({ noWaitAfter: true });
  await page.waitForFunction(
    () => [...document.querySelectorAll("input[type=radio]")].some((r) => !r.disabled && r.checkVisibility({ visibilityProperty: true })),
    null,
    { timeout: 60_000, polling: "raf" },
  );
  return Date.now() - start;
}

/** Collects paint and layout-shift entries from the very start. */
function observe() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

/** First contentful paint, the app ready (its data-l5-ready), layout shift. */
async function firstScreen(page, app) {
  const fcp = await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime, null, { timeout: 60_000 });
  const paint = await fcp.jsonValue();
  if (!app) return { fcp: paint };
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-l5-ready"), null, { timeout: 60_000 });
  const ready = await page.evaluate(() => {
    const entry = performance.getEntriesByName("l5-ready")[0];
    return entry ? entry.startTime : performance.now();
  });
  // A frame after takeover, so a shift would have been recorded.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return { fcp: paint, ready, shift: await page.evaluate(() => window.__shift) };
}

const pair = (app, floor) => ({ app_ms: summary(app), floor_ms: summary(floor), over_floor: round(quantile(app, 0.5) / quantile(floor, 0.5), 2) });

async function answerLatency(browser, url, stored) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    window.__writes = [];
    Storage.prototype.setItem = function (key, value) {
      const start = performance.now();
      original.call(this, key, value);
      window.__writes.push({ key, end: performance.now(), duration: performance.now() - start, bytes: value.length });
    };
  });
  if (stored) {
    // A full document already stored, as after a whole check.
    await page.goto(BASE + "bench/");
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [stored.key, stored.value]);
  }
  await page.goto(url);
  await appStart(page);
  const result = await page.evaluate(async (answers) => {
    const groups = [...document.querySelectorAll("fieldset.statement")];
    const latencies = [];
    for (let i = 0; i < answers; i++) {
      const radios = groups[i % groups.length].querySelectorAll("input[type=radio]");
      const current = [...radios].findIndex((r) => r.checked);
      const target = radios[(current + 1 + (i % 3)) % radios.length];
      const documentWrites = () => window.__writes.filter((w) => !w.key.endsWith("/rev") && !w.key.includes("/~")).length;
      const writes = documentWrites();
      const start = performance.now();
      target.click();
      while (documentWrites() === writes) await new Promise((resolve) => setTimeout(resolve, 0));
      if (!target.checked) throw new Error("the answer is not shown");
      const last = window.__writes.filter((w) => !w.key.includes("/~")).at(-1);
      latencies.push(last.end - start);
    }
    const writes = window.__writes.filter((w) => !w.key.endsWith("/rev") && !w.key.includes("/~")).slice(-answers);
    return {
      latencies,
      write_ms: writes.reduce((s, w) => s + w.duration, 0) / writes.length,
      document_bytes: writes[writes.length - 1].bytes,
      statements_on_page: groups.length,
    };
  }, stored ? 50 : ANSWERS);
  await context.close();
  return result;
}

async function memoryAfterFullCheck(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await appStart(page);
  const sections = await page.evaluate(() =>
    [...document.querySelectorAll(".contents a")].map((a) => a.getAttribute("href")),
  );
  for (const href of sections) {
    await page.evaluate(async (href) => {
      location.hash = href;
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const group of document.querySelectorAll("fieldset.statement")) {
        group.querySelector("input[type=radio]").click();
      }
      await new Promise((resolve) => setTimeout(resolve, 350));
    }, href);
  }
  const memory = await page.evaluate(async (base) => {
    const app = await import(new URL("l5-selfcheck.js", base).href);
    const stored = Object.entries(localStorage).find(([key]) => key.startsWith("l5-selfcheck/") && !key.endsWith("/rev") && !key.includes("/~"));
    return {
      js_heap_bytes: performance.memory?.usedJSHeapSize ?? null,
      wasm_memory_bytes: app.memory_bytes(),
      answers: stored ? Object.keys(JSON.parse(stored[1]).answers).length : 0,
    };
  }, BASE);
  await context.close();
  return memory;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});
const report = { date: new Date().toISOString(), browser: `Chromium ${browser.version()}`, loads: LOADS, answers: ANSWERS, size: sizes(), first_screen: null, ladders: [] };
console.log(`${report.browser}, ${LOADS} cold loads per page, alternating with the floor`);
console.log(`size: ${report.size.first_content.gzip} B gzip before first content, ${report.size.total.gzip} B gzip in all`);
for (const p of report.size.pages) console.log(`  ${p.gzip} B gzip until the app runs: ${p.page}`);

// The first screen, app and floors alternating in one run.
{
  const app = [];
  const floor = [];
  const bare = [];
  for (let i = 0; i < LOADS; i++) {
    app.push(await coldLoad(browser, BASE, (page) => firstScreen(page, true), observe));
    floor.push(await coldLoad(browser, BASE + "bench/floor-start.html", (page) => firstScreen(page, false)));
    bare.push(await coldLoad(browser, BASE + "bench/floor-start-bare.html", (page) => firstScreen(page, false)));
  }
  report.first_screen = {
    fcp_ms: summary(app.map((r) => r.fcp)),
    floor_fcp_ms: summary(floor.map((r) => r.fcp)),
    fcp_over_floor: round(quantile(app.map((r) => r.fcp), 0.5) / quantile(floor.map((r) => r.fcp), 0.5), 2),
    bare_fcp_ms: summary(bare.map((r) => r.fcp)),
    fcp_over_bare: round(quantile(app.map((r) => r.fcp), 0.5) / quantile(bare.map((r) => r.fcp), 0.5), 2),
    ready_ms: summary(app.map((r) => r.ready)),
    layout_shift_max: Math.max(...app.map((r) => r.shift)),
  };
  const f = report.first_screen;
  console.log(
    `first screen: FCP ${f.fcp_ms.median} ms (floor with the stylesheet ${f.floor_fcp_ms.median} ms, ${f.fcp_over_floor}x; without ${f.bare_fcp_ms.median} ms, ${f.fcp_over_bare}x), ` +
      `ready ${f.ready_ms.median} ms, layout shift ${f.layout_shift_max}`,
  );
}

// The first answer possible, app and floor alternating: a deep link to
// #/quick, and the start page's button (clicked at the first paint, and
// once the app runs).
{
  const runs = { quick: [[], []], painted: [[], []], running: [[], []] };
  for (let i = 0; i < LOADS; i++) {
    runs.quick[0].push(await coldLoad(browser, BASE + "#/quick", firstAnswer, watchFirstAnswer));
    runs.quick[1].push(await coldLoad(browser, BASE + "bench/floor-quick.html", firstAnswer, watchFirstAnswer));
    runs.painted[0].push(await coldLoad(browser, BASE, (page) => afterButton(page, false)));
    runs.painted[1].push(await coldLoad(browser, BASE + "bench/floor-start.html", (page) => afterButton(page, false)));
    runs.running[0].push(await coldLoad(browser, BASE, (page) => afterButton(page, true)));
    runs.running[1].push(runs.painted[1].at(-1));
  }
  report.first_answer = {
    deep_link_quick: pair(...runs.quick),
    start_button_at_first_paint: pair(...runs.painted),
    start_button_app_running: pair(...runs.running),
  };
  for (const [name, r] of Object.entries(report.first_answer)) {
    console.log(`first answer, ${name}: ${r.app_ms.median} ms (floor ${r.floor_ms.median} ms, ${r.over_floor}x)`);
  }
}

for (const ladder of LADDERS) {
  const app = [];
  const floor = [];
  for (let i = 0; i < LOADS; i++) {
    app.push(await coldLoad(browser, BASE + ladder.app, firstAnswer, watchFirstAnswer));
    floor.push(await coldLoad(browser, BASE + ladder.floor, firstAnswer, watchFirstAnswer));
  }
  const answers = await answerLatency(browser, BASE + ladder.app);
  const full = ladder.full
    ? await answerLatency(browser, BASE + ladder.app, {
        key: `l5-selfcheck/default/${ladder.ladder}`,
        value: readFileSync(join(BENCH, ladder.full), "utf8"),
      })
    : null;
  const memory = await memoryAfterFullCheck(browser, BASE + ladder.app);
  const row = {
    ladder: ladder.name,
    startup_ms: summary(app),
    floor_ms: summary(floor),
    startup_over_floor: round(quantile(app, 0.5) / quantile(floor, 0.5), 2),
    answer_ms: { p50: round(quantile(answers.latencies, 0.5), 2), p95: round(quantile(answers.latencies, 0.95), 2), max: round(Math.max(...answers.latencies), 2) },
    storage_write_ms: round(answers.write_ms, 3),
    document_bytes: answers.document_bytes,
    full_document: full && {
      answer_ms: { p50: round(quantile(full.latencies, 0.5), 2), p95: round(quantile(full.latencies, 0.95), 2) },
      document_bytes: full.document_bytes,
    },
    statements_on_page: answers.statements_on_page,
    memory,
  };
  report.ladders.push(row);
  console.log(
    `${row.ladder}: first answer possible ${row.startup_ms.median} ms (floor ${row.floor_ms.median} ms, ${row.startup_over_floor}x), ` +
      `answer p50 ${row.answer_ms.p50} ms p95 ${row.answer_ms.p95} ms` +
      (row.full_document ? `, with a full ${(row.full_document.document_bytes / 1024).toFixed(0)} KB document p50 ${row.full_document.answer_ms.p50} ms p95 ${row.full_document.answer_ms.p95} ms` : "") +
      `, wasm ${(memory.wasm_memory_bytes / 1048576).toFixed(1)} MiB`,
  );
}
await browser.close();

writeFileSync("docs/performance.json", JSON.stringify(report, null, 2) + "\n");
const kb = (n) => (n / 1024).toFixed(1);
const f = report.first_screen;
const md = [
  "# Performance",
  "",
  `Measured by \`./dev bench\` on ${report.date.slice(0, 10)} with ${report.browser} (headless, this project's 2-core machine), ${LOADS} cold loads per page, each in a fresh browser context, the app and its floor page alternating in one run. Raw figures: \`docs/performance.json\`.`,
  "",
  "## Size",
  "",
  "| file | raw B | gzip -9 B | brotli B |",
  "|---|---:|---:|---:|",
  ...report.size.files.map((r) => `| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`),
  `| **total** | ${report.size.total.raw} | ${report.size.total.gzip} (${kb(report.size.total.gzip)} KB) | ${report.size.total.brotli} |`,
  `| **before first content** (${FIRST_CONTENT.join(", ")}) | ${report.size.first_content.raw} | ${report.size.first_content.gzip} (${kb(report.size.first_content.gzip)} KB) | ${report.size.first_content.brotli} |`,
  "",
  "What a page loads until its app runs there, opened by a deep link (the first part, which every page loads, is index.html, early.js, app.css, boot.js, l5-selfcheck.js, __wasm_split.js, l5-selfcheck_bg.wasm and ladder.json; the rest is the page's part of the split wasm and the files of code it shares):",
  "",
  "| page | gzip -9 B | raw B | brotli B | files beyond the first part |",
  "|---|---:|---:|---:|---|",
  ...report.size.pages.map((p) => `| ${p.page} | ${p.gzip} (${kb(p.gzip)} KB) | ${p.raw} | ${p.brotli} | ${p.files.filter((file) => file.endsWith(".wasm") && file !== "l5-selfcheck_bg.wasm").join(", ") || "–"} |`),
  "",
  "## The first screen and the first answer",
  "",
  "The start page against its floors: the same prerendered HTML with no script, with the stylesheet and without it. First contentful paint is of the real start page (prerendered), not a placeholder. The app is ready when it has replaced the prerendered page and listens (`data-l5-ready`). Layout shift is the sum of layout-shift entries until a frame after takeover.",
  "",
  "| moment | median (p10–p90) ms |",
  "|---|---:|",
  `| first contentful paint, app | ${f.fcp_ms.median} (${f.fcp_ms.p10}–${f.fcp_ms.p90}) |`,
  `| first contentful paint, floor with the stylesheet | ${f.floor_fcp_ms.median} (${f.floor_fcp_ms.p10}–${f.floor_fcp_ms.p90}) — app / floor ${f.fcp_over_floor}× |`,
  `| first contentful paint, floor without a stylesheet | ${f.bare_fcp_ms.median} (${f.bare_fcp_ms.p10}–${f.bare_fcp_ms.p90}) — app / floor ${f.fcp_over_bare}× |`,
  `| the app ready | ${f.ready_ms.median} (${f.ready_ms.p10}–${f.ready_ms.p90}) |`,
  `| layout shift at takeover (largest of ${LOADS}) | ${f.layout_shift_max} |`,
  "",
  "First answer possible: the first animation frame at which an enabled radio button is visible, on the app's page and on a static floor page of the same statements with the same stylesheet and no script. After the start page's button: from the click to that frame (the floor's button opens a static quick check page).",
  "",
  "| first answer | app median (p10–p90) ms | floor median ms | app / floor |",
  "|---|---:|---:|---:|",
  ...[
    ["deep link to `#/quick`", report.first_answer.deep_link_quick],
    ["the start page's button, clicked at the first paint", report.first_answer.start_button_at_first_paint],
    ["the start page's button, clicked once the app runs", report.first_answer.start_button_app_running],
  ].map(([name, r]) => `| ${name} | ${r.app_ms.median} (${r.app_ms.p10}–${r.app_ms.p90}) | ${r.floor_ms.median} | ${r.over_floor}× |`),
  "",
  "## Check pages, answers, memory",
  "",
  "First answer possible on a deep link to a section (`#/check/…`), measured as above; the floor is a static HTML page of the same first section. Generated ladders are loaded from a page that allows `?content=`, so their figure includes fetching the content file. Answer: from `click()` on an option until the document has been written to `localStorage` (read, merge if another tab wrote, write); with a full document, the same after storing an answer to every statement first. Memory: after answering every statement of the ladder.",
  "",
  "| ladder | first answer median (p10–p90) ms | floor median ms | app / floor | answer p50 / p95 ms | with a full document: p50 / p95 ms (size) | storage write ms | wasm memory | JS heap |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...report.ladders.map(
    (r) =>
      `| ${r.ladder} | ${r.startup_ms.median} (${r.startup_ms.p10}–${r.startup_ms.p90}) | ${r.floor_ms.median} | ${r.startup_over_floor}× | ${r.answer_ms.p50} / ${r.answer_ms.p95} | ${r.full_document ? `${r.full_document.answer_ms.p50} / ${r.full_document.answer_ms.p95} (${kb(r.full_document.document_bytes)} KB)` : "–"} | ${r.storage_write_ms} | ${(r.memory.wasm_memory_bytes / 1048576).toFixed(1)} MiB | ${(r.memory.js_heap_bytes / 1048576).toFixed(1)} MiB |`,
  ),
  "",
].join("\n");
const notesPath = "docs/performance-notes.md";
let notes = "";
try {
  notes = readFileSync(notesPath, "utf8");
} catch {}
writeFileSync("docs/performance.md", md + (notes ? "\n" + notes : ""));
console.log("wrote docs/performance.json and docs/performance.md");
