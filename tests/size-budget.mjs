// Size budget: prints every file the release build serves, raw and gzip -9
// (and brotli, for reference), and fails when the gzip total is over its
// budget, or when what the browser needs before it paints the prerendered
// start page (FIRST_CONTENT) is over its own.
// Usage: node tests/size-budget.mjs DIST_DIR BUDGET_BYTES [FIRST_CONTENT_BYTES]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [dist = "dist", budgetArg = "245760", firstArg = "15360"] = process.argv.slice(2);
const budget = Number(budgetArg);
const firstBudget = Number(firstArg);
// Render-blocking for the first paint: the page, its one head script, the stylesheet.
const FIRST_CONTENT = ["index.html", "early.js", "app.css"];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rows = files(dist)
  .sort()
  .map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dist, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });

if (rows.length === 0) {
  console.error(`size budget: no files in ${dist}; build first`);
  process.exit(1);
}

const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
const kb = (n) => (n / 1024).toFixed(1);
const width = Math.max(...rows.map((row) => row.file.length), 5);
console.log(`${"file".padEnd(width)}  ${"raw B".padStart(9)}  ${"gzip -9 B".padStart(9)}  ${"brotli B".padStart(9)}`);
for (const row of rows) {
  console.log(
    `${row.file.padEnd(width)}  ${String(row.raw).padStart(9)}  ${String(row.gzip).padStart(9)}  ${String(row.brotli).padStart(9)}`,
  );
}
console.log(
  `${"total".padEnd(width)}  ${String(total("raw")).padStart(9)}  ${String(total("gzip")).padStart(9)}  ${String(total("brotli")).padStart(9)}`,
);
const gzipTotal = total("gzip");
const firstContent = rows.filter((row) => FIRST_CONTENT.includes(row.file)).reduce((sum, row) => sum + row.gzip, 0);
let failed = false;
if (gzipTotal > budget) {
  console.error(`size budget: FAILED, ${kb(gzipTotal)} KB gzip in all is over the ${kb(budget)} KB budget`);
  failed = true;
} else {
  console.log(`size budget: ok, ${kb(gzipTotal)} KB gzip in all of ${kb(budget)} KB (margin ${kb(budget - gzipTotal)} KB)`);
}
if (firstContent > firstBudget) {
  console.error(`size budget: FAILED, ${kb(firstContent)} KB gzip before first content (${FIRST_CONTENT.join(", ")}) is over ${kb(firstBudget)} KB`);
  failed = true;
} else {
  console.log(`size budget: ok, ${kb(firstContent)} KB gzip before first content (${FIRST_CONTENT.join(", ")}) of ${kb(firstBudget)} KB`);
}
if (failed) process.exit(1);
