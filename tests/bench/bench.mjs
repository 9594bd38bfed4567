// Benchmark (not a test): drives the release build in headless Chromium
// and prints size, start-up, answer latency and memory for the L5 ladder
// and generated ladders of about 60, 600 and 6,000 statements. Writes
// docs/performance.json and docs/performance.md. Run it with ./dev bench.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";

const BASE = process.env.BENCH_URL ?? "http://127.0.0.1:4180/";
const DIST = process.env.BENCH_DIST ?? "dist";
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 200);
// Served before the first statement can be answered (embed.js and host.js are not).
const FIRST_STATEMENT_FILES = ["index.html", "boot.js", "app.css", "l5-selfcheck.js", "l5-selfcheck_bg.wasm"];

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
  const rows = readdirSync(DIST)
    .filter((name) => statSync(join(DIST, name)).isFile())
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(DIST, file));
      return {
        file,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  const total = (filter, key) => rows.filter(filter).reduce((sum, row) => sum + row[key], 0);
  const all = () => true;
  const first = (row) => FIRST_STATEMENT_FILES.includes(row.file);
  return {
    files: rows,
    total: { raw: total(all, "raw"), gzip: total(all, "gzip"), brotli: total(all, "brotli") },
    first_statement: { raw: total(first, "raw"), gzip: total(first, "gzip"), brotli: total(first, "brotli") },
  };
}

const LADDERS = [
  { name: "L5 (61 statements)", app: "#/check/overview", floor: "bench/floor-l5.html" },
  ...[60, 600, 6000].map((n) => ({
    name: `generated ${n}`,
    app: `?content=bench/generated-${n}.json#/check/s0`,
    floor: `bench/floor-generated-${n}.html`,
  })),
];

async function coldLoad(browser, url, measure) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const time = await measure(page);
  await context.close();
  return time;
}

const appStart = (page) =>
  page
    .waitForFunction(() => performance.getEntriesByName("l5-first-statement").length > 0, null, { timeout: 60_000 })
    .then(() => page.evaluate(() => performance.getEntriesByName("l5-first-statement")[0].startTime));
const floorStart = (page) =>
  page.evaluate(() => performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd);

async function answerLatency(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    window.__writes = [];
    Storage.prototype.setItem = function (key, value) {
      const start = performance.now();
      original.call(this, key, value);
      window.__writes.push({ end: performance.now(), duration: performance.now() - start, bytes: value.length });
    };
  });
  await page.goto(url);
  await appStart(page);
  const result = await page.evaluate(async (answers) => {
    const groups = [...document.querySelectorAll("fieldset.statement")];
    const latencies = [];
    for (let i = 0; i < answers; i++) {
      const radios = groups[i % groups.length].querySelectorAll("input[type=radio]");
      const current = [...radios].findIndex((r) => r.checked);
      const target = radios[(current + 1 + (i % 3)) % radios.length];
      const writes = window.__writes.length;
      const start = performance.now();
      target.click();
      while (window.__writes.length === writes) await new Promise((resolve) => setTimeout(resolve, 0));
      if (!target.checked) throw new Error("the answer is not shown");
      latencies.push(window.__writes[window.__writes.length - 1].end - start);
    }
    const writes = window.__writes.slice(-answers);
    return {
      latencies,
      write_ms: writes.reduce((s, w) => s + w.duration, 0) / writes.length,
      document_bytes: writes[writes.length - 1].bytes,
      statements_on_page: groups.length,
    };
  }, ANSWERS);
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
  const memory = await page.evaluate(async () => {
    const app = await import(new URL("l5-selfcheck.js", location.href).href);
    const stored = Object.entries(localStorage).find(([key]) => key.startsWith("l5-selfcheck/"));
    return {
      js_heap_bytes: performance.memory?.usedJSHeapSize ?? null,
      wasm_memory_bytes: app.memory_bytes(),
      answers: stored ? Object.keys(JSON.parse(stored[1]).answers).length : 0,
    };
  });
  await context.close();
  return memory;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
});
const report = { date: new Date().toISOString(), browser: `Chromium ${browser.version()}`, loads: LOADS, answers: ANSWERS, size: sizes(), ladders: [] };
console.log(`${report.browser}, ${LOADS} cold loads and ${ANSWERS} answers per ladder`);
console.log(`size: ${report.size.first_statement.gzip} B gzip before the first statement, ${report.size.total.gzip} B gzip in all`);
for (const ladder of LADDERS) {
  const app = [];
  const floor = [];
  for (let i = 0; i < LOADS; i++) {
    app.push(await coldLoad(browser, BASE + ladder.app, appStart));
    floor.push(await coldLoad(browser, BASE + ladder.floor, floorStart));
  }
  const answers = await answerLatency(browser, BASE + ladder.app);
  const memory = await memoryAfterFullCheck(browser, BASE + ladder.app);
  const row = {
    ladder: ladder.name,
    startup_ms: summary(app),
    floor_ms: summary(floor),
    startup_over_floor: round(quantile(app, 0.5) / quantile(floor, 0.5), 2),
    answer_ms: { p50: round(quantile(answers.latencies, 0.5), 2), p95: round(quantile(answers.latencies, 0.95), 2), max: round(Math.max(...answers.latencies), 2) },
    storage_write_ms: round(answers.write_ms, 3),
    document_bytes: answers.document_bytes,
    statements_on_page: answers.statements_on_page,
    memory,
  };
  report.ladders.push(row);
  console.log(
    `${row.ladder}: start-up ${row.startup_ms.median} ms (floor ${row.floor_ms.median} ms, ${row.startup_over_floor}x), ` +
      `answer p50 ${row.answer_ms.p50} ms p95 ${row.answer_ms.p95} ms, write ${row.storage_write_ms} ms, ` +
      `wasm ${(memory.wasm_memory_bytes / 1048576).toFixed(1)} MiB, JS heap ${(memory.js_heap_bytes / 1048576).toFixed(1)} MiB`,
  );
}
await browser.close();

writeFileSync("docs/performance.json", JSON.stringify(report, null, 2) + "\n");
const kb = (n) => (n / 1024).toFixed(1);
const md = [
  "# Performance",
  "",
  `Measured by \`./dev bench\` on ${report.date.slice(0, 10)} with ${report.browser} (headless, this project's 2-core machine), ${LOADS} cold loads per page, each in a fresh browser context, and ${ANSWERS} answers per ladder. Raw figures: \`docs/performance.json\`.`,
  "",
  "## Size",
  "",
  "| file | raw B | gzip -9 B | brotli B |",
  "|---|---:|---:|---:|",
  ...report.size.files.map((f) => `| ${f.file} | ${f.raw} | ${f.gzip} | ${f.brotli} |`),
  `| **total** | ${report.size.total.raw} | ${report.size.total.gzip} | ${report.size.total.brotli} |`,
  `| **before the first statement** (${FIRST_STATEMENT_FILES.join(", ")}) | ${report.size.first_statement.raw} | ${report.size.first_statement.gzip} (${kb(report.size.first_statement.gzip)} KB) | ${report.size.first_statement.brotli} |`,
  "",
  "## Start-up, answers, memory",
  "",
  "Start-up: navigation start to the app's `l5-first-statement` mark (the first radio button is in the page); the floor is a static HTML page of the same first section, generated from the same content, with no script (its `domContentLoadedEventEnd`). Generated ladders are loaded with `?content=`, so their start-up includes fetching the content file. Answer: from `click()` on an option until the document has been written to `localStorage` (the option shows checked by then). Memory: after answering every statement of the ladder.",
  "",
  "| ladder | start-up median (p10–p90) ms | floor median ms | app / floor | answer p50 / p95 ms | storage write ms | document | statements on the page | wasm memory | JS heap |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...report.ladders.map(
    (r) =>
      `| ${r.ladder} | ${r.startup_ms.median} (${r.startup_ms.p10}–${r.startup_ms.p90}) | ${r.floor_ms.median} | ${r.startup_over_floor}× | ${r.answer_ms.p50} / ${r.answer_ms.p95} | ${r.storage_write_ms} | ${kb(r.document_bytes)} KB | ${r.statements_on_page} | ${(r.memory.wasm_memory_bytes / 1048576).toFixed(1)} MiB | ${(r.memory.js_heap_bytes / 1048576).toFixed(1)} MiB |`,
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
