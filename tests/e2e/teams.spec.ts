// Another team's ladder, as a new team meets it: the shipped try page, a
// page of their own that never shows L5's words, and a content file that
// shows its edits on the next load.
import { expect, test, type Page, type Route } from "@playwright/test";
import { readFile, rm, writeFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";

const ladderFile = new URL("../../assets/ladders/example-l3.json", import.meta.url);
const distIndex = new URL("../../dist/index.html", import.meta.url);

async function exampleLadder() {
  return JSON.parse(await readFile(ladderFile, "utf8"));
}

test("the try page lists all four mistakes of a broken file at once, then previews the fixed one without storing anything", async ({ page }) => {
  await page.goto("./try.html");
  await expect(page.getByRole("heading", { level: 1, name: "Try a ladder file" })).toBeVisible();
  await expectNoAxeViolations(page);

  const good = await exampleLadder();
  const broken = structuredClone(good);
  broken.statements[1].id = broken.statements[0].id;
  broken.statements[0].quick = "yes";
  broken.statements[2].section = "influence";
  delete broken.statements[3].text;
  await page.getByLabel("The content file's text").fill(JSON.stringify(broken, null, 2));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status")).toHaveText("4 problems: the file cannot be used until they are fixed.");
  const problems = page.locator("ol.problems li");
  await expect(problems).toHaveCount(4);
  await expect(problems).toContainText([
    /"quick": must be true or false/,
    /"id": is used by two statements/,
    /"influence" is not a section of this ladder/,
    /field "text": is missing/,
  ]);
  await expect(page.locator("#try-preview-section")).toBeHidden();

  // The fixed file, chosen as a file this time: warnings, and the preview.
  await page.getByLabel("Choose a content file (.json)").setInputFiles({
    name: "our-ladder.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(page.getByRole("status").first()).toContainText(/^No problems; \d+ warnings worth a look\./);
  await expect(page.locator("ol.warnings li").first()).toContainText('4 statements are marked "quick"; 10 to 14');
  await expect(page.locator("ol.warnings")).toContainText('has no "they_text"');
  const preview = page.locator("#try-preview");
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Where do you stand today?");
  await expect(preview).toContainText(good.about);
  await expect(preview.getByText("Senior engineer (L5)")).toHaveCount(0);
  await preview.getByRole("link", { name: "Start the quick check" }).click();
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Quick check");
  for (const group of await preview.getByRole("group").filter({ has: page.getByRole("radio", { name: "Usually" }) }).all()) {
    await group.getByRole("radio", { name: "Usually" }).check();
  }
  await preview.getByRole("link", { name: /results/i }).first().click();
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Your results");
  // The try page's own address never changed, and nothing was stored.
  await expect(page).toHaveURL(/try\.html$/);
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await expectNoAxeViolations(page);
});

/** A copy of the shipped index.html whose root names the example ladder. */
async function servedCopy(page: Page) {
  const index = await readFile(distIndex, "utf8");
  const copy = index.replace(/id=("?)l5-selfcheck\1/, 'id=l5-selfcheck data-content="./ladders/example-l3.json"');
  expect(copy).not.toBe(index);
  await page.route("**/our-team.html", (route: Route) => route.fulfill({ contentType: "text/html", body: copy }));
}

test("a page with its own content file never shows L5's title or start page, with or without WebAssembly", async ({ page, browser }) => {
  const good = await exampleLadder();
  await servedCopy(page);
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route("**/l5-selfcheck_bg.wasm", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto("./our-team.html");
  // While the app loads: a neutral placeholder, never L5's page or title.
  await expect(page.getByText("Where do you stand today?")).toBeHidden();
  await expect(page.getByText("Senior engineer (L5)").filter({ visible: true })).toHaveCount(0);
  await expect(page).toHaveTitle("Self-check");
  release();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);
  await expect(page.locator(".app-name")).toContainText(good.title);
  await expect(page).not.toHaveTitle(/L5\)/);

  // Without WebAssembly: the team's own text, not L5's.
  const context = await browser.newContext();
  const noWasm = await context.newPage();
  await noWasm.addInitScript(() => delete (window as any).WebAssembly);
  await servedCopy(noWasm);
  await noWasm.goto("./our-team.html");
  await expect(noWasm.getByRole("alert")).toContainText("does not allow WebAssembly");
  await expect(noWasm.getByRole("heading", { level: 1 })).toHaveText(`What ${good.title} means`);
  await expect(noWasm.getByText("Senior engineer (L5)")).toHaveCount(0);
  await expect(noWasm.getByText("Where do you stand today?")).toHaveCount(0);
  await expectNoAxeViolations(noWasm);
  await context.close();
});

test("an edited content file shows its edit on the next load", async ({ page }) => {
  const good = await exampleLadder();
  const name = `edited-${Date.now()}-${Math.floor(Math.random() * 1e6)}.json`;
  const file = new URL(`./fixtures/${name}`, import.meta.url);
  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith(name)) requests.push(request.url());
  });
  try {
    await writeFile(file, JSON.stringify({ ...good, title: "Our ladder, first draft" }));
    await page.goto(`./teams/?content=../fixtures/${name}`);
    await expect(page.locator(".app-name")).toContainText("Our ladder, first draft");
    // The team edits the file; the next load shows it.
    await new Promise((done) => setTimeout(done, 1100));
    await writeFile(file, JSON.stringify({ ...good, title: "Our ladder, second draft" }));
    await page.reload();
    await expect(page.locator(".app-name")).toContainText("Our ladder, second draft");
    expect(requests.length).toBeGreaterThanOrEqual(2);
  } finally {
    await rm(file, { force: true });
  }
});

test("a team's ladder update carries the answers over and says so once: replaced, removed and reworded statements", async ({ page }) => {
  const v1 = await exampleLadder();
  const name = `updated-${Date.now()}-${Math.floor(Math.random() * 1e6)}.json`;
  const file = new URL(`./fixtures/${name}`, import.meta.url);
  try {
    await writeFile(file, JSON.stringify(v1));
    await page.goto(`./teams/?content=../fixtures/${name}#/check/delivery`);
    const finish = page.getByRole("group", { name: /I finish the tasks I pick up/ });
    await finish.getByRole("radio", { name: "Often" }).check();
    const flag = page.getByRole("group", { name: /When a task turns out bigger than expected/ });
    await flag.getByRole("radio", { name: "Always" }).check();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith("/example-l3")))).toBe(true);

    // Version 0.2.0: a new id that replaces the first statement, the
    // second removed (kept under `retired`), another reworded.
    const v2 = structuredClone(v1);
    v2.version = "0.2.0";
    const flagged = v2.statements.find((s: any) => s.id === "delivery.flag-early");
    v2.statements = v2.statements.filter((s: any) => s.id !== "delivery.flag-early");
    const renamed = v2.statements.find((s: any) => s.id === "delivery.finish-tasks");
    renamed.id = "delivery.finish-work";
    renamed.replaces = ["delivery.finish-tasks"];
    v2.retired = [{ id: flagged.id, text: flagged.text }];
    await writeFile(file, JSON.stringify(v2));
    // (Only the fragment differs: a reload makes it a new visit.)
    await page.goto(`./teams/?content=../fixtures/${name}#/`);
    await page.reload();
    const update = page.locator(".ladder-update");
    await expect(update).toHaveText(/The ladder has changed since these answers were given \(version 0\.1\.0 → 0\.2\.0\)\. 1 answer moved to the statements that now ask the same\. 1 answer to statements no longer asked is kept, listed at the foot of the results\./);
    await expectNoAxeViolations(page);
    await update.getByRole("link", { name: "See the results" }).click();
    const retired = page.locator(".retired li");
    await expect(retired).toHaveText([`“${flagged.text}”: Always`]);
    await page.goto(`./teams/?content=../fixtures/${name}#/check/delivery`);
    await expect(page.getByRole("group", { name: /I finish the tasks I pick up/ }).getByRole("radio", { name: "Often" })).toBeChecked();
    // Said once: after "Got it", the start page is quiet and the stored
    // answers are marked as given on 0.2.0.
    await page.goto(`./teams/?content=../fixtures/${name}#/`);
    await page.locator(".ladder-update").getByRole("button", { name: "Got it" }).click();
    await expect(page.locator(".ladder-update")).toHaveCount(0);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith("/example-l3"))!)!));
    expect(stored.content_version).toBe("0.2.0");
    expect(stored.answers["delivery.finish-work"].rating).toBeDefined();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where do you stand today?");
    await expect(page.locator(".ladder-update")).toHaveCount(0);
  } finally {
    await rm(file, { force: true });
  }
});

test("long section titles, English or German, wrap whole inside the results chart", async ({ page }) => {
  const good = await exampleLadder();
  const titles = ["Pipelines, orchestration and reliability", "Datenpipelinezuverlässigkeitsprüfung und Betrieb"];
  good.sections[0].title = titles[0];
  good.sections[1].title = titles[1];
  const name = `long-titles-${Date.now()}-${Math.floor(Math.random() * 1e6)}.json`;
  const file = new URL(`./fixtures/${name}`, import.meta.url);
  try {
    await writeFile(file, JSON.stringify(good));
    // Every statement answered, so the results draw the chart.
    await page.addInitScript((ladder) => {
      const answers = Object.fromEntries(ladder.statements.map((s: { id: string }) => [s.id, { rating: 1, changed_at: 1_764_000_000_000 }]));
      localStorage.setItem(
        `l5-selfcheck/default/${ladder.id}`,
        JSON.stringify({ schema: 4, ladder: ladder.id, content_version: ladder.version, revision: 1, updated_at: 1_764_000_000_000, answers }),
      );
    }, good);
    await page.goto(`./teams/?content=../fixtures/${name}#/results/full`);
    const chart = page.locator("svg.bars");
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    for (const label of await chart.locator("text.bar-label").all()) {
      const b = (await label.boundingBox())!;
      expect(b.x, await label.textContent()).toBeGreaterThanOrEqual(box.x - 1);
    }
    // Every word of each title is drawn (a cut word keeps its hyphen).
    const drawn = (await chart.locator("text.bar-label").allTextContents()).join(" ").replace(/-/g, "");
    for (const word of titles.join(" ").split(" ")) expect(drawn.replace(/\s/g, "")).toContain(word.replace(/-/g, ""));
  } finally {
    await rm(file, { force: true });
  }
});
