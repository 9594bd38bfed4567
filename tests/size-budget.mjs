// Size budget: prints every file the release build serves, raw and gzip -9
// (and brotli, for reference), and fails when the gzip total is over budget.
// Usage: node tests/size-budget.mjs DIST_DIR BUDGET_BYTES
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [dist = "dist", budgetArg = "153600"] = process.argv.slice(2);
const budget = Number(budgetArg);

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
if (gzipTotal > budget) {
  console.error(`size budget: FAILED, ${kb(gzipTotal)} KB gzip is over the ${kb(budget)} KB budget`);
  process.exit(1);
}
console.log(`size budget: ok, ${kb(gzipTotal)} KB gzip of ${kb(budget)} KB`);
