import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const FIRST = /it runs in production without anyone else/;
const SECOND = /I take a leading part in its design/;
const HOSTILE = "<img src=x onerror=alert(1)>";

async function answerOverview(app: SelfCheck) {
  await app.open("#/check/overview");
  await app.statement(FIRST).getByRole("radio", { name: "Consistently" }).check();
  await app.statement(SECOND).getByRole("radio", { name: "Not yet" }).check();
  await app.statement(FIRST).getByText("Add a note (evidence)").click();
  await app.statement(FIRST).getByRole("textbox").fill(`Led the queue redesign ${HOSTILE}`);
  // The note is written within 300 ms.
  await expect.poll(async () => JSON.stringify(await app.stored())).toContain("queue redesign");
}

async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

async function chooseFile(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel("Choose an export file (.json)").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(content),
  });
}

test("answers exported as JSON come back in another browser, and the Markdown keeps notes literal", async ({ page, browser }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  const json = await download(page, "Download the answers (JSON)");
  expect(json.name).toMatch(/^l5-selfcheck-l5-self-check-\d{4}-\d{2}-\d{2}\.json$/);
  // The summary's code loads when its fold first opens.
  await page.getByText("Make a summary (Markdown)").click();
  const markdown = await download(page, "Download the summary (Markdown)");
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toContain("# Senior engineer (L5)");
  expect(markdown.text).toContain("Led the queue redesign \\<img src=x onerror=alert(1)\\>");
  expect(markdown.text).not.toContain(HOSTILE);

  const fresh = await browser.newContext();
  const other = new SelfCheck(await fresh.newPage());
  await other.open("#/data");
  await chooseFile(other.page, json.name, json.text);
  const take = other.page.getByRole("group", { name: "What to do with these answers" });
  await expect(take).toContainText("A self-check (no name given): 2 ratings and 1 note");
  // Their own export: replacing is the main choice.
  await expect(take.locator(".button.primary")).toHaveText("Replace the answers of your self-check…");
  await take.getByRole("button", { name: "Replace the answers of your self-check…" }).click();
  await other.page.getByRole("group", { name: "Confirm replacing the answers" }).getByRole("button", { name: "Replace the answers" }).click();
  await expect(other.page.locator(".undo-bar")).toContainText("were replaced by importing “" + json.name + "”.");
  await other.open("#/check/overview");
  await expect(other.statement(FIRST).getByRole("radio", { name: "Consistently" })).toBeChecked();
  await expect(other.statement(SECOND).getByRole("radio", { name: "Not yet" })).toBeChecked();
  await expect(other.statement(FIRST).getByRole("textbox")).toHaveValue(`Led the queue redesign ${HOSTILE}`);
  await fresh.close();
});

test("importing my own file from another browser over my answers can be undone, also after a reload", async ({ page }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  await expect(page.getByText("Snapshot saved (1 in the history).")).toBeVisible();
  const before = await app.stored();
  const theirs = {
    schema: 3, ladder: "l5", content_version: "2026.12.0", revision: 3, updated_at: 1_764_000_000_000,
    answers: { "overview.production-ready": { rating: 0, note: "theirs", changed_at: 5 } }, resume: {},
  };
  await chooseFile(page, "kai.json", JSON.stringify(theirs));
  const take = page.getByRole("group", { name: "What to do with these answers" });
  await expect(take).toContainText("A self-check (no name given): 1 rating and 1 note");
  // One's own answers: replacing is the main action, and it asks first.
  await expect(take.locator(".button.primary")).toHaveText("Replace the answers of your self-check…");
  await take.getByRole("button", { name: "Replace the answers of your self-check…" }).click();
  const confirm = page.getByRole("group", { name: "Confirm replacing the answers" });
  await expect(confirm).toContainText("This replaces the 2 answers of your self-check with these; the file's snapshots are added to the history. The current answers and notes are kept in the history, and Undo brings them back, also after a reload.");
  await confirm.getByRole("button", { name: "Replace the answers" }).click();
  const notice = page.locator(".undo-bar").filter({ hasText: "replaced by importing “kai.json”" });
  await expect(notice).toBeFocused();
  await app.open("#/check/overview");
  await expect(app.statement(FIRST).getByRole("radio", { name: "Not yet" })).toBeChecked();
  await expect(app.statement(SECOND).getByRole("radio", { name: "Not yet" })).not.toBeChecked();

  // After a reload the start page still offers the undo.
  await page.reload();
  await app.open("#/");
  const undo = page.getByRole("region", { name: "Changes you can undo" });
  await expect(undo).toContainText("the answers of your self-check were replaced by importing “kai.json”");
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(undo).toContainText("Undone: the answers from before importing “kai.json” are back.");
  await expect(undo).toBeFocused();
  await app.open("#/check/overview");
  await expect(app.statement(FIRST).getByRole("radio", { name: "Consistently" })).toBeChecked();
  await expect(app.statement(SECOND).getByRole("radio", { name: "Not yet" })).toBeChecked();
  await expect(app.statement(FIRST).getByRole("textbox")).toHaveValue(`Led the queue redesign ${HOSTILE}`);
  const after = await app.stored();
  const own = (snapshots: any[]) => snapshots.filter((s) => !s.label);
  expect(own(after.snapshots)).toEqual(own(before.snapshots));
  expect(after.snapshots.map((s: any) => s.label ?? "")).toEqual(["", "Undone: importing “kai.json”"]);
  await expectNoAxeViolations(page);
});

test("each kind of bad file is refused with a clear message and changes nothing", async ({ page }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  const before = JSON.stringify(await app.stored());
  await app.open("#/data");
  const valid = JSON.parse(before);
  const files: [string, string | Buffer, string][] = [
    ["notes.txt", "just some notes", "not valid JSON"],
    ["cut.json", before.slice(0, before.length / 2), "not valid JSON"],
    ["l6.json", JSON.stringify({ ...valid, ladder: "l6" }), "answers for another ladder"],
    ["future.json", JSON.stringify({ ...valid, schema: 42 }), "newer version of this self-check (data version 42)"],
    ["absurd.json", JSON.stringify({ ...valid, answers: { "overview.x": { rating: 9000, changed_at: 1 } } }), "9000 is not a step value"],
    ["name.json", JSON.stringify({ ...valid, subject: 42 }), 'field "subject": a number where a string belongs'],
    ["huge.json", Buffer.alloc(1_100_000, " "), "the file was not read"],
  ];
  for (const [name, content, message] of files) {
    await chooseFile(page, name, content);
    const alert = page.getByRole("alert");
    await expect(alert, name).toContainText(`“${name}” was not imported.`);
    await expect(alert, name).toContainText(message);
    await expect(page.getByRole("group", { name: "What to do with these answers" })).toHaveCount(0);
    expect(JSON.stringify(await app.stored()), name).toBe(before);
  }
  await expectNoAxeViolations(page);
});

test("a snapshot compared with now tells newly answered apart from changed", async ({ page }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  // The confirmation is next to the button.
  const button = await page.getByRole("button", { name: "Save a snapshot" }).boundingBox();
  const saved = await page.getByText("Snapshot saved (1 in the history).").boundingBox();
  expect(Math.abs(saved!.y - (button!.y + button!.height))).toBeLessThan(80);
  await app.open("#/check/overview");
  await app.statement(SECOND).getByRole("radio", { name: "Usually" }).check();
  await app.statement(/I keep leading its build/).getByRole("radio", { name: "Sometimes" }).check();
  await app.open("#/data");
  await page.getByRole("link", { name: /^Compare \d{4}-\d{2}-\d{2}( at \d{2}:\d{2})? with now$/ }).click();
  await expect(app.heading()).toHaveText(/^What moved since \d{4}-\d{2}-\d{2}$/);
  await expect(
    page.getByText(/^Since \d{4}-\d{2}-\d{2}: 1 answer moved the good way, 0 the other way, and 1 newly answered\./),
  ).toBeVisible();
  const better = page.getByRole("list").filter({ has: page.getByText(SECOND) });
  await expect(page.getByRole("heading", { name: "Moved the good way (1)" })).toBeVisible();
  await expect(better.getByRole("listitem")).toHaveCount(1);
  await expect(better).toContainText("Not yet \u2192 Usually");
  await expect(page.getByRole("heading", { name: "Newly answered, or now not sure (1)" })).toBeVisible();
  await expect(page.getByRole("list").filter({ hasText: "I keep leading its build" })).toContainText("Sometimes");
  // The section row says which way Overview went.
  await expect(page.getByRole("row", { name: /^Overview/ })).toContainText("the good way");
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Moved the good way (1)" })).toBeVisible();
});

test("a share link shows every shared answer with its date; taking them needs the preview and adds a check with them beside it", async ({ page, browser }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  // The engine checks names; what is wrong shows beside the form.
  await page.getByLabel("Your name (optional)").fill("Al\u202Eex");
  await page.getByRole("button", { name: "Save the names" }).click();
  await expect(page.locator("form.names [role=alert]")).toHaveText("The name holds control or text-direction characters.");
  await page.getByLabel("Your name (optional)").fill("Alex");
  await page.getByRole("button", { name: "Save the names" }).click();
  await expect(page.locator("form.names").getByText("Names saved.")).toBeVisible();
  const link = await page.getByLabel("Link to these answers").inputValue();
  // Production first (Consistently, 3), then design (Not yet, 0).
  expect(link).toMatch(/#\/shared\/v2\.[0-9a-z]+\.[0-9a-z]+\.30\.Alex\.\.[0-9a-z]+\.l5$/);
  expect(link).not.toContain("queue");
  await page.getByLabel("Include the names in the link").uncheck();
  const anonymous = await page.getByLabel("Link to these answers").inputValue();
  expect(anonymous).not.toContain("Alex");
  await page.getByRole("button", { name: "Copy the link" }).click();
  await expect(page.locator(".notice").filter({ hasText: /^Copied\.$|did not allow copying/ })).toBeVisible();

  const fresh = await browser.newContext();
  const other = new SelfCheck(await fresh.newPage());
  await other.page.goto(link);
  await expect(other.heading()).toHaveText("Answers shared with you");
  await expect(other.page.getByText(/Alex’s self-check: 2 ratings, last changed \d{4}-\d{2}-\d{2}\. Shared on \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  await expect(other.page.getByText("1970")).toHaveCount(0);
  const overview = other.page.getByRole("region", { name: "Overview" });
  await expect(overview.getByRole("listitem").filter({ hasText: FIRST })).toContainText("Consistently");
  await expect(overview.getByRole("listitem").filter({ hasText: SECOND })).toContainText("Not yet");
  expect(await other.page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await expectNoAxeViolations(other.page);

  // Taking them: Alex's own self-check, and no check about Alex here yet:
  // a check about Alex with it beside, through the preview, never one click.
  await other.page.getByRole("button", { name: "Use these answers…" }).click();
  const take = other.page.getByRole("group", { name: "What to do with these answers" });
  await expect(take.getByLabel("Name of the new check")).toHaveValue("Alex");
  await expect(take.getByRole("button", { name: /Replace/ })).toHaveCount(0);
  await take.getByRole("button", { name: "Add the check, with these answers beside it" }).click();
  await expect(other.heading()).toHaveText("1:1 agenda: Alex");
  await expect(other.page.getByText("Nothing to compare yet: your view has no answers.")).toBeVisible();
  // The person's own self-check is untouched.
  expect(await other.stored()).toBeNull();
  await fresh.close();
});

test("a damaged or shortened share link is refused whole, and nothing is stored", async ({ page, browser }) => {
  const app = new SelfCheck(page);
  await answerOverview(app);
  await app.open("#/data");
  const link = await page.getByLabel("Link to these answers").inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  for (const broken of [link.slice(0, link.length - 5), link.slice(0, link.indexOf(".30.") + 2), link.replace(".30.", ".20.")]) {
    await other.goto(broken);
    await expect(other.getByRole("alert")).toContainText("This link cannot be opened. This link is damaged or was cut off");
    await expect(other.getByRole("table")).toHaveCount(0);
  }
  expect(await other.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await fresh.close();
});

test("another team's ladder with a dot in its id makes share links that open", async ({ page, browser }) => {
  await page.goto("./teams/?content=../fixtures/dotted-ladder.json#/quick");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quick check");
  await page.getByRole("group").filter({ has: page.getByRole("radio") }).first().getByRole("radio", { name: "Always" }).check();
  await page.goto("./teams/?content=../fixtures/dotted-ladder.json#/data");
  const link = await page.getByLabel("Link to these answers").inputValue();
  expect(link).toMatch(/\.team\.l6$/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Answers shared with you");
  await expect(other.getByRole("listitem").filter({ hasText: /Always/ })).toHaveCount(1);
  await fresh.close();
});

test("a crafted link cannot point the widget at another content file", async ({ page }) => {
  const app = new SelfCheck(page);
  await page.goto("./?content=fixtures/dotted-ladder.json#/quick");
  await expect(page.getByRole("alert")).toContainText("Setting \"content\" in the page address was ignored");
  await expect(app.heading()).toHaveText("Quick check");
  await expect(app.statement(/I take a leading part in its design/)).toBeVisible();
  await app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Usually" }).check();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain("l5-selfcheck/default/l5");
  expect(keys.some((k) => k.includes("team.l6"))).toBe(false);
});
