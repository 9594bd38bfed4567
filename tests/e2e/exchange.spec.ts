import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const KEY = "l5-selfcheck/default/l5";
const FIRST = /I lead its design and see it through/;
const SECOND = /they come to me for help/;
const HOSTILE = "<img src=x onerror=alert(1)>";

async function answerOverview(app: SelfCheck) {
  await app.open("#/check/overview");
  await app.statement(FIRST).getByRole("radio", { name: /^Consistently/ }).check();
  await app.statement(SECOND).getByRole("radio", { name: /^Not yet/ }).check();
  await app.statement(FIRST).getByText("Add a note (evidence)").click();
  await app.statement(FIRST).getByRole("textbox").fill(`Led the queue redesign ${HOSTILE}`);
  // The note is written within 300 ms.
  await expect.poll(() => stored(app.page)).toContain("queue redesign");
}

async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

async function stored(page: Page) {
  return page.evaluate((key) => localStorage.getItem(key), KEY);
}

test("answers exported as JSON import into a fresh browser unchanged; Markdown keeps notes literal", async ({ page, browser }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  const json = await download(page, "Download answers (JSON)");
  expect(json.name).toMatch(/^l5-selfcheck-l5-\d{4}-\d{2}-\d{2}\.json$/);
  const markdown = await download(page, "Download summary (Markdown)");
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toContain("# Self-check: Senior engineer (L5)");
  expect(markdown.text).toContain("Led the queue redesign \\<img src=x onerror=alert(1)\\>");
  expect(markdown.text).not.toContain(HOSTILE);

  const fresh = await browser.newContext();
  const other = new SelfCheck(await fresh.newPage());
  await other.open("#/data");
  await other.page.getByLabel("Choose an export file (.json)").setInputFiles({
    name: json.name,
    mimeType: "application/json",
    buffer: Buffer.from(json.text),
  });
  const confirm = other.page.getByRole("group", { name: "Confirm the import" });
  await expect(confirm).toContainText("2 answers for Senior engineer (L5)");
  await expect(confirm).toContainText("replaces your 0 current answers");
  await confirm.getByRole("button", { name: "Replace my answers" }).click();
  await expect(other.page.getByRole("status")).toContainText("The imported answers replaced yours.");
  await other.open("#/check/overview");
  await expect(other.statement(FIRST).getByRole("radio", { name: /^Consistently/ })).toBeChecked();
  await expect(other.statement(SECOND).getByRole("radio", { name: /^Not yet/ })).toBeChecked();
  await expect(other.statement(FIRST).getByRole("textbox")).toHaveValue(`Led the queue redesign ${HOSTILE}`);
  expect(JSON.parse((await stored(other.page))!).answers).toEqual(JSON.parse(json.text).answers);
  await fresh.close();
});

test("each kind of bad file is refused with a clear message and changes nothing", async ({ page }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  const before = await stored(page);
  await app.open("#/data");
  const valid = JSON.parse(before!);
  const files: [string, string | Buffer, string][] = [
    ["notes.txt", "just some notes", "not valid JSON"],
    ["cut.json", before!.slice(0, before!.length / 2), "not valid JSON"],
    ["l6.json", JSON.stringify({ ...valid, ladder: "l6" }), "answers for another ladder"],
    ["future.json", JSON.stringify({ ...valid, schema: 42 }), "newer version of this self-check (data version 42)"],
    ["absurd.json", JSON.stringify({ ...valid, answers: { "overview.x": { rating: 9000, changed_at: 1 } } }), "9000 is not a step value"],
    ["huge.json", Buffer.alloc(1_100_000, " "), "the file was not read"],
  ];
  const input = page.getByLabel("Choose an export file (.json)");
  for (const [name, content, message] of files) {
    await input.setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
    const alert = page.getByRole("alert");
    await expect(alert, name).toContainText(`“${name}” was not imported.`);
    await expect(alert, name).toContainText(message);
    await expect(page.getByRole("group", { name: "Confirm the import" })).toHaveCount(0);
    expect(await stored(page), name).toBe(before);
  }
  await expectNoAxeViolations(page);
});

test("a snapshot keeps a dated copy; comparing it with now shows what moved", async ({ page }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  await expect(page.getByRole("status")).toHaveText("Snapshot saved (1 in your history).");
  await app.open("#/check/overview");
  await app.statement(SECOND).getByRole("radio", { name: /^Usually/ }).check();
  await app.open("#/data");
  await page.getByRole("link", { name: /^Compare \d{4}-\d{2}-\d{2} with now$/ }).click();
  await expect(app.heading()).toHaveText("What changed since your snapshot");
  const moved = page.locator(".differences li");
  await expect(moved).toHaveCount(1);
  await expect(moved).toContainText("they come to me for help");
  await expect(moved).toContainText(/Snapshot \d{4}-\d{2}-\d{2}: Not yet\. Now: Usually\./);
  await expect(moved).toContainText("2 steps apart");
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.locator(".differences li")).toHaveCount(1);
});

test("someone else's export is compared side by side, never replacing your answers", async ({ page }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  const mine = await stored(page);
  const theirs = JSON.parse(mine!);
  theirs.answers["overview.lead-complex-design"] = { rating: 1, note: HOSTILE, changed_at: 5 };
  theirs.answers["overview.go-to-person"] = { rating: 0, changed_at: 5 };
  await app.open("#/data");
  await page.getByLabel("Choose their export file (.json)").setInputFiles({
    name: "manager-view.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(theirs)),
  });
  await expect(app.heading()).toHaveText("Two views side by side");
  await expect(page.getByText(/1 statements differ, 1 of them by 2 or more steps/)).toBeVisible();
  // Overview, mine: Consistently and Not yet (1.5); theirs: Sometimes and Not yet (0.5).
  const row = page.getByRole("row", { name: /Overview/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("Sometimes (1.5)");
  await expect(row.getByRole("cell").nth(1)).toHaveText("Not yet (0.5)");
  const difference = page.locator(".differences li.far-apart");
  await expect(difference).toContainText("You: Consistently. From manager-view.json: Sometimes.");
  await expect(page.locator("main img")).toHaveCount(0);
  expect(await stored(page)).toBe(mine);
  await expectNoAxeViolations(page);
});

test("a share link opens read-only in a fresh browser, to compare or import", async ({ page, browser }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  const link = await page.getByLabel("Link to your answers").inputValue();
  // Overview's first statement is unanswered, then Consistently, then Not yet.
  expect(link).toMatch(/#\/shared\/v1\.l5\.[0-9a-z]+\.-30$/);
  expect(link.length).toBeLessThan(120);
  expect(link).not.toContain("queue");

  const fresh = await browser.newContext();
  const other = new SelfCheck(await fresh.newPage());
  await other.page.goto(link);
  await expect(other.heading()).toHaveText("Answers shared with you");
  await expect(other.page.getByText("Someone shared 2 of 61 answers")).toBeVisible();
  expect(await other.page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await expectNoAxeViolations(other.page);

  await other.page.getByRole("button", { name: "Compare with my answers" }).click();
  await expect(other.heading()).toHaveText("Two views side by side");
  await other.page.goBack();
  await other.page.getByRole("button", { name: "Replace my answers" }).click();
  await other.open("#/check/overview");
  await expect(other.statement(FIRST).getByRole("radio", { name: /^Consistently/ })).toBeChecked();
  await fresh.close();

  await page.goto(link.replace(/-30$/, "-90"));
  await expect(page.getByRole("alert")).toContainText("This link cannot be opened.");
});
