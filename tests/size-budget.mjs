// Size budgets: what a visit costs. Prints every file the release build
// serves (raw, gzip -9, and brotli for reference), then what each page
// loads until its app runs there, and fails when a budget is over:
//   --quick N   a deep link to #/quick, until the app runs there (ladder included)
//   --page N    the largest page
//   --total N   everything served
//   --first N   what the browser needs before it paints the first screen
// Usage: node tests/size-budget.mjs DIST_DIR --quick N --page N --total N --first N
//
// The wasm is split by page (src/app/parts.rs): every page of the app
// loads the first part; a page outside it also loads its part's module
// and the files of code that module shares with others. Which files those
// are is read from the loader wasm-split-cli writes (__wasm_split.js).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Before the first paint: the page, its one head script, the stylesheet. */
export const FIRST_CONTENT = ["index.html", "early.js", "app.css"];
/** Every page of the app loads these before it runs. */
export const FIRST_PART = ["index.html", "early.js", "app.css", "boot.js", "l5-selfcheck.js", "__wasm_split.js", "l5-selfcheck_bg.wasm", "ladder.json"];
/** What each page needs beyond the first part: modules of the split wasm
 *  (`Part::module` in src/app/parts.rs) and files of its own. */
export const PAGES = [
  { page: "#/quick (the quick check)", modules: [] },
  { page: "#/check/… (a section of the full check, a check-in)", modules: [] },
  { page: "#/ (the start page)", modules: ["start"] },
  { page: "#/results, what moved since a check-in", modules: ["pages"] },
  { page: "#/learn/… (learn mode)", modules: ["learn"] },
  { page: "#/compare/beside (the 1:1 agenda)", modules: ["agenda"] },
  { page: "#/data, #/shared/… (save, share and compare)", modules: ["exchange"] },
  // The Markdown summary loads when its fold on the data page opens: after
  // the app runs, so it is listed but is not a page's first load.
  { page: "#/data, then its summary fold opened", modules: ["exchange", "summary"], fold: true },
  // The try page: its own files, the first part's code and ladder, the
  // checks, and a preview that opens on the start page.
  { page: "try.html (try a ladder file)", modules: ["check", "start"], files: ["try.html", "app.css", "try.js", "l5-selfcheck.js", "__wasm_split.js", "l5-selfcheck_bg.wasm", "ladder.json"], own: true },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every file served, with its sizes. */
export function measure(dist) {
  return files(dist)
    .sort()
    .map((path) => {
      const bytes = readFileSync(path);
      return {
        file: relative(dist, path),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
}

/** Module name → the files its loader fetches (its own and shared ones). */
export function moduleFiles(dist) {
  const loader = readFileSync(join(dist, "__wasm_split.js"), "utf8");
  const modules = new Map();
  const add = (name, file) => modules.set(name, [...(modules.get(name) ?? []), file]);
  for (const [, name] of loader.matchAll(/split_([a-z_]+)\.wasm/g)) add(name, `split_${name}.wasm`);
  // Shared code: the loader names the modules that need each chunk. In
  // the minified loader the comments are gone, so the unminified copy
  // wasm-split-cli wrote beside the build is read when it is there.
  const annotated = (() => {
    try {
      return readFileSync(new URL("../target/split/__wasm_split.js", import.meta.url), "utf8");
    } catch {
      return loader;
    }
  })();
  for (const [, names, file] of annotated.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const \w+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"/g)) {
    for (const name of names.split(", ")) add(name, file);
  }
  return modules;
}

/** What each page loads until its app runs there, in gzip and raw bytes. */
export function pageSizes(dist, rows = measure(dist)) {
  const modules = moduleFiles(dist);
  const size = Object.fromEntries(rows.map((row) => [row.file, row]));
  const known = new Set(PAGES.flatMap((p) => p.modules));
  const unmeasured = [...modules.keys()].filter((name) => !known.has(name));
  if (unmeasured.length) throw new Error(`size budget: the split module(s) ${unmeasured.join(", ")} belong to no page in tests/size-budget.mjs`);
  return PAGES.map(({ page, modules: needed, files: own, fold }) => {
    const missing = needed.filter((name) => !modules.has(name));
    if (missing.length) throw new Error(`size budget: ${page} needs module(s) ${missing.join(", ")}, which the build does not have`);
    const list = [...new Set([...(own ?? FIRST_PART), ...needed.flatMap((name) => modules.get(name))])];
    const sum = (key) => list.reduce((total, file) => total + (size[file]?.[key] ?? 0), 0);
    return { page, files: list, raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli"), fold: Boolean(fold) };
  });
}

const kb = (n) => (n / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist = "dist", ...args] = process.argv.slice(2);
  const budget = {};
  for (let i = 0; i < args.length; i += 2) budget[args[i].replace(/^--/, "")] = Number(args[i + 1]);
  const rows = measure(dist);
  if (rows.length === 0) {
    console.error(`size budget: no files in ${dist}; build first`);
    process.exit(1);
  }
  const width = Math.max(...rows.map((row) => row.file.length), 5);
  console.log(`${"file".padEnd(width)}  ${"raw B".padStart(9)}  ${"gzip -9 B".padStart(9)}  ${"brotli B".padStart(9)}`);
  for (const row of rows) {
    console.log(`${row.file.padEnd(width)}  ${String(row.raw).padStart(9)}  ${String(row.gzip).padStart(9)}  ${String(row.brotli).padStart(9)}`);
  }
  const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
  console.log(`${"total".padEnd(width)}  ${String(total("raw")).padStart(9)}  ${String(total("gzip")).padStart(9)}  ${String(total("brotli")).padStart(9)}`);

  const pages = pageSizes(dist, rows);
  console.log("\nWhat a page loads until its app runs there (a deep link to it), gzip -9:");
  for (const p of pages) console.log(`  ${String(p.gzip).padStart(7)} B (${kb(p.gzip)} KB)  ${p.page}`);

  const first = rows.filter((row) => FIRST_CONTENT.includes(row.file)).reduce((sum, row) => sum + row.gzip, 0);
  const quick = pages[0].gzip;
  const largest = pages.filter((p) => !p.fold).reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const checks = [
    ["quick", quick, "a deep link to #/quick, until the app runs there"],
    ["page", largest.gzip, `the largest page (${largest.page})`],
    ["total", total("gzip"), "everything served"],
    ["first", first, `before the first paint (${FIRST_CONTENT.join(", ")})`],
  ];
  let failed = false;
  for (const [name, bytes, what] of checks) {
    const limit = budget[name];
    if (!(limit > 0)) {
      console.error(`size budget: no --${name} budget given`);
      failed = true;
    } else if (bytes > limit) {
      console.error(`size budget: FAILED, ${what}: ${bytes} B (${kb(bytes)} KB) gzip is over its ${kb(limit)} KB budget`);
      failed = true;
    } else {
      console.log(`size budget: ok, ${what}: ${bytes} B (${kb(bytes)} KB) gzip of ${kb(limit)} KB (margin ${kb(limit - bytes)} KB)`);
    }
  }
  if (failed) process.exit(1);
}
