// Answer latency with a full 6,000-answer document already stored, for two
// builds in one run, alternating (e.g. the release before and after a
// change to how answers are written). Not part of ./dev bench: it needs
// the other build served too. Usage, after ./dev bench has generated
// target/bench:
//   A_URL=http://127.0.0.1:4182/ A_APP='?content=bench/old-6000.json#/check/s0' A_SCHEMA=2 \
//   B_URL=http://127.0.0.1:4181/ B_APP='bench/?content=generated-6000.json#/check/s0' \
//   node tests/bench/answer-ab.mjs
// Each build is served with `tests/static_server.py --mount /bench/=target/bench`.
// Builds before content format 2026.12 reject `scale.not_my_role`: give them
// a copy of generated-6000.json without it (old-6000.json above).
import { readFileSync } from "node:fs";
import { chromium } from "../e2e/node_modules/playwright-core/index.mjs";

const RUNS = Number(process.env.RUNS ?? 5);
const ANSWERS = 50;
const KEY = "l5-selfcheck/default/generated-6000";
const full = JSON.parse(readFileSync("target/bench/full-6000.json", "utf8"));
const builds = ["A", "B"].map((side) => ({
  name: side,
  base: process.env[`${side}_URL`],
  app: process.env[`${side}_APP`],
  stored: JSON.stringify({ ...full, schema: Number(process.env[`${side}_SCHEMA`] ?? full.schema) }),
}));
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const runs = { A: [], B: [] };
for (let run = 0; run < RUNS; run++) {
  for (const build of builds) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const original = Storage.prototype.setItem;
      window.__writes = [];
      Storage.prototype.setItem = function (key, value) {
        original.call(this, key, value);
        window.__writes.push({ key, end: performance.now() });
      };
    });
    await page.goto(build.base + "bench/floor-generated-60.html");
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, build.stored]);
    await page.goto(build.base + build.app);
    await page.waitForFunction(() => performance.getEntriesByName("l5-first-statement").length > 0, null, { timeout: 60_000 });
    const latencies = await page.evaluate(async ([answers, key]) => {
      const groups = [...document.querySelectorAll("fieldset.statement")];
      const documentWrites = () => window.__writes.filter((w) => w.key === key);
      const out = [];
      for (let i = 0; i < answers; i++) {
        const radios = groups[i % groups.length].querySelectorAll("input[type=radio]");
        const current = [...radios].findIndex((r) => r.checked);
        const target = radios[(current + 1 + (i % 3)) % radios.length];
        const before = documentWrites().length;
        const start = performance.now();
        target.click();
        while (documentWrites().length === before) await new Promise((resolve) => setTimeout(resolve, 0));
        out.push(documentWrites().at(-1).end - start);
      }
      return out;
    }, [ANSWERS, KEY]);
    await context.close();
    const row = { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) };
    runs[build.name].push(row);
    console.log(`${build.name} run ${run + 1}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
  }
}
await browser.close();
for (const [name, rows] of Object.entries(runs)) {
  const range = (key) => `${Math.min(...rows.map((r) => r[key])).toFixed(1)}–${Math.max(...rows.map((r) => r[key])).toFixed(1)}`;
  console.log(`${name}: p50 ${range("p50")} ms, p95 ${range("p95")} ms over ${rows.length} runs`);
}
