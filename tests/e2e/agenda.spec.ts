// A manager's 1:1: a report's own self-check kept beside the manager's
// view of them, the agenda made from the two, agreed actions in the plan,
// and what delete means on a report's page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { QUICK, SelfCheck, they } from "./selfcheck";

const DATE = /\d{4}-\d{2}-\d{2}/;

async function addCheck(page: Page, name: string, rater?: string) {
  await page.getByLabel("Their name").fill(name);
  if (rater !== undefined) await page.getByLabel(/Your name as the one rating/).fill(rater);
  await page.getByRole("button", { name: "Add and open" }).click();
}

/** Sam's own self-check, answered and named in Sam's browser; returns the file. */
async function samsExport(browser: Browser) {
  const context = await browser.newContext();
  const sam = new SelfCheck(await context.newPage());
  await sam.open("#/quick");
  for (const [n] of QUICK.slice(0, 12).entries()) {
    await sam.statement(QUICK[n][1]).getByRole("radio", { name: n % 2 ? "Consistently" : "Usually" }).check();
  }
  await sam.open("#/check/overview");
  await sam.statement(QUICK[0][1]).getByText("Add a note (evidence)").click();
  await sam.statement(QUICK[0][1]).getByRole("textbox").fill("I led the queue redesign <b>myself</b>.");
  await expect.poll(async () => JSON.stringify(await sam.stored())).toContain("queue redesign");
  await sam.open("#/data");
  await sam.page.getByLabel("Your name (optional)").fill("Sam Rivera");
  await sam.page.getByRole("button", { name: "Save the names" }).click();
  const [file] = await Promise.all([
    sam.page.waitForEvent("download"),
    sam.page.getByRole("button", { name: "Download the answers (JSON)" }).click(),
  ]);
  const name = file.suggestedFilename();
  const text = await readFile((await file.path())!, "utf8");
  const link = await sam.page.getByLabel("Link to these answers").inputValue();
  await context.close();
  return { name, text, link };
}

test("a report's file opened on their page becomes their self-check beside the manager's view, and the agenda stays after a reload", async ({ page, browser }) => {
  const sams = await samsExport(browser);
  expect(sams.name).toMatch(/^l5-selfcheck-l5-sam-rivera-self-check-\d{4}-\d{2}-\d{2}\.json$/);

  const app = new SelfCheck(page);
  await app.open("#/");
  await addCheck(page, "Sam Rivera", "Alex Chen");
  await page.getByRole("link", { name: "Start the quick check" }).click();
  for (const [n] of QUICK.slice(0, 12).entries()) {
    await app.statement(they(QUICK[n][1])).getByRole("radio", { name: n < 3 ? "Not yet" : "Usually" }).check();
  }
  await page.getByLabel("Show a note field under each statement").check();
  await app.statement(they(QUICK[0][1])).getByText("Add a note (evidence)").click();
  await app.statement(they(QUICK[0][1])).getByRole("textbox").fill("Kai did most of the design.");

  // From Sam's page: two steps to the choice, one to the agenda.
  await page.locator("header .app-name").click();
  await page.getByRole("link", { name: "Save, share and compare" }).first().click();
  await page.getByLabel("Choose an export file (.json)").setInputFiles({
    name: sams.name, mimeType: "application/json", buffer: Buffer.from(sams.text),
  });
  const take = page.getByRole("group", { name: "What to do with these answers" });
  await expect(take).toContainText("Sam Rivera’s self-check: 12 ratings and 1 note");
  await expect(take.getByRole("button", { name: /^Add/ })).toHaveCount(0);
  const main = take.locator(".button.primary");
  await expect(main).toHaveText("Use as Sam Rivera’s self-check");
  await main.click();

  await expect(app.heading()).toHaveText("1:1 agenda: Sam Rivera");
  await expect(page.locator(".meta")).toContainText(new RegExp(`Your view: last changed ${DATE.source}\\. Beside it, Sam Rivera’s self-check: last changed ${DATE.source}, kept here on ${DATE.source} from “${sams.name}”\\.`));
  // No second Sam.
  await page.locator("header .app-name").click();
  const switcher = page.getByRole("region", { name: "Whose check" });
  await expect(switcher.getByRole("link", { name: /Sam Rivera/ })).toHaveCount(1);
  // The start page leads to the agenda now.
  await expect(page.locator(".next-step .button.primary")).toHaveText("Open the 1:1 agenda");
  await page.locator(".next-step .button.primary").click();

  // The agenda: sections with both averages and the gap, the far-apart
  // statements with both notes, one-step differences folded by section.
  const table = page.getByRole("table", { name: /largest gap first/ });
  await expect(table.getByRole("columnheader")).toHaveText(["Section", "You", "Sam Rivera", "Gap"]);
  await expect(table.locator("tbody tr").first()).toContainText("Sam Rivera");
  const far = page.locator("ul.differences > li");
  await expect(page.getByRole("heading", { name: /^Two or more steps apart \(\d+\)$/ })).toBeVisible();
  // Largest difference first; the noted statement shows both notes.
  await expect(far.first()).toContainText("3 steps apart");
  const noted = far.filter({ hasText: they(QUICK[0][1]) });
  await expect(noted).toContainText("Kai did most of the design.");
  await expect(noted).toContainText("I led the queue redesign <b>myself</b>.");
  await expect(noted).toContainText(/\d steps apart/);
  await expect(page.locator(".l5-app b")).toHaveCount(0);
  await expect(page.locator("details.folded").first()).not.toHaveAttribute("open");

  // Notes and an agreed action, kept after a reload.
  await page.getByLabel("Notes for the conversation (kept with this check)").fill("Ask about the on-call rota.\nAgree a design to lead.");
  await far.first().getByText("Agree an action on this").click();
  await far.first().getByRole("button", { name: "Add to Sam Rivera’s plan" }).click();
  const agreed = page.locator("ul.agreed li");
  await expect(agreed).toHaveCount(1);
  await expect(agreed).toContainText(new RegExp(`Agreed in the 1:1 of ${DATE.source}`));
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(app.heading()).toHaveText("1:1 agenda: Sam Rivera");
  await expect(page.getByLabel("Notes for the conversation (kept with this check)")).toHaveValue("Ask about the on-call rota.\nAgree a design to lead.");
  await expect(page.locator("ul.agreed li")).toHaveCount(1);

  // The Markdown to paste into the 1:1 document, named for whose check it
  // is: without notes unless asked for, and it says so before it goes.
  await expect(page.getByText("The Markdown holds both views by section, where you agree, the statements apart and the agreed actions, without any notes.")).toBeVisible();
  const [bare] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the agenda (Markdown)" }).click()]);
  const bareText = await readFile((await bare.path())!, "utf8");
  expect(bareText).not.toContain("queue redesign");
  expect(bareText).not.toContain("Kai did most");
  expect(bareText).not.toContain("on-call rota");
  await page.getByLabel("Put the notes in the Markdown (both views' notes and the 1:1 notes)").check();
  await expect(page.getByText(/The Markdown holds .*, with 2 notes and the 1:1 notes\./)).toBeVisible();
  const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the agenda (Markdown)" }).click()]);
  expect(md.suggestedFilename()).toMatch(/^l5-selfcheck-l5-sam-rivera-by-alex-chen-agenda-\d{4}-\d{2}-\d{2}\.md$/);
  const text = await readFile((await md.path())!, "utf8");
  expect(text).toContain("| Section | You | Sam Rivera | Gap |");
  expect(text).toContain("## 1:1 notes");
  expect(text).toContain("I led the queue redesign \\<b\\>myself\\</b\\>.");
  expect(text).toContain("## Agreed actions");

  // The export of the check about Sam is named apart from Sam's own.
  await page.locator("header .app-name").click();
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download this check (JSON)" }).click()]);
  expect(json.suggestedFilename()).toMatch(/^l5-selfcheck-l5-sam-rivera-by-alex-chen-\d{4}-\d{2}-\d{2}\.json$/);
});

test("Sam's share link, opened on the manager's own page, goes beside the check about Sam and touches nothing else", async ({ page, browser }) => {
  const sams = await samsExport(browser);
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  const own = await app.stored();
  await app.open("#/");
  await addCheck(page, "Sam Rivera", "Alex Chen");
  await page.locator("header .app-name").click();
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Your own self-check" }).click();
  // The rater's name is remembered for the next check.
  await expect(page.getByLabel(/Your name as the one rating/)).toHaveValue("Alex Chen");
  await addCheck(page, "Priya Shah");
  const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());

  await page.goto(sams.link.replace(/^[^#]*/, "./"));
  await page.getByRole("button", { name: "Use these answers…" }).click();
  const take = page.getByRole("group", { name: "What to do with these answers" });
  await expect(take.locator(".button.primary")).toHaveText("Use as Sam Rivera’s self-check");
  await expect(take).toContainText("the check about Sam Rivera");
  await take.locator(".button.primary").click();
  await expect(app.heading()).toHaveText("1:1 agenda: Sam Rivera");
  await expect(page).toHaveURL(/#\/p\/c[0-9a-z]+\/compare$/);
  await expect(page.locator(".meta")).toContainText("from a shared link");
  // Nothing else changed: the own check, Priya's, and no new check.
  expect((await app.stored()).answers).toEqual(own.answers);
  expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(keysBefore);
  // Undo takes it away again.
  const undo = page.getByRole("region", { name: "Changes you can undo" });
  await expect(undo).toContainText("Kept beside this check: Sam Rivera’s self-check.");
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(undo).toContainText("Undone: Sam Rivera’s self-check is no longer kept beside this check.");
});

test("on a report's page, delete removes that check only; deleting all data lives on one's own page, with counts", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  await app.open("#/data");
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  await app.open("#/");
  await addCheck(page, "Priya Shah", "Alex Chen");
  await page.locator("header .app-name").click();
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Your own self-check" }).click();
  await addCheck(page, "Sam Rivera");

  // Sam's page: one delete, for Sam's check; none for anyone else's.
  await expect(page.getByRole("button", { name: /^Delete all data/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Priya/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Delete this check…" }).click();
  const confirm = page.getByRole("group", { name: "Confirm deleting the check about Sam Rivera" });
  await expect(confirm).toContainText("Your own self-check and the other checks stay as they are.");
  await confirm.getByRole("button", { name: "Yes, delete this check" }).click();
  await expect(app.heading()).toHaveText("Where do you stand today?");
  const switcher = page.getByRole("region", { name: "Whose check" });
  await expect(switcher.getByRole("link", { name: "Priya Shah" })).toBeVisible();
  await expect(switcher.getByRole("link", { name: "Sam Rivera" })).toHaveCount(0);
  expect((await app.stored()).answers).not.toEqual({});

  // Delete all, from one's own page, says what goes, in numbers.
  await page.getByRole("button", { name: "Delete all data…" }).click();
  const all = page.getByRole("group", { name: "Confirm deleting all data" });
  await expect(all).toContainText("your own self-check (1 answer), 2 checks about others and 1 snapshot");
  await expectNoAxeViolations(page);
  await all.getByRole("button", { name: "Cancel" }).click();
  // The undo of Sam's deletion is still on offer after other messages.
  await page.getByRole("link", { name: "Save, share and compare" }).first().click();
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  const undo = page.getByRole("region", { name: "Changes you can undo" });
  await expect(undo).toContainText("The check about “Sam Rivera” was deleted.");
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(undo).toContainText("Undone: the check about “Sam Rivera” is back.");
});

/** A full check with about 50 differences, written as a stored document. */
async function seedFullAgenda(page: Page) {
  const ladder = JSON.parse(await readFile(new URL("../../dist/ladder.json", import.meta.url), "utf8"));
  await page.addInitScript((ids: string[]) => {
    const answers = (pick: (n: number) => number) =>
      Object.fromEntries(ids.map((id, n) => [id, { rating: pick(n), changed_at: 1_764_000_000_000 }]));
    const mine = answers((n) => (n % 12 === 0 ? 0 : n % 12 < 8 ? 1 : 2));
    (mine[ids[0]] as any).note = "Design was mostly Kai's.";
    const theirs = answers((n) => (n % 12 === 0 ? 3 : 2));
    localStorage.setItem(
      "l5-selfcheck/default/l5/check/c1",
      JSON.stringify({
        schema: 4, ladder: "l5", content_version: "2026.12.1", revision: 1, updated_at: 1_764_000_000_000,
        subject: "Sam Rivera", rater: { name: "Alex Chen" }, answers: mine,
        beside: { received_at: 1_764_000_000_000, updated_at: 1_763_900_000_000, from: "“sam.json”", subject: "Sam Rivera", answers: theirs },
        agenda: { notes: "Start with the on-call rota.", noted_at: 1_764_000_000_000 },
      }),
    );
  }, ladder.statements.map((s: { id: string }) => s.id));
}

test("the printed agenda of a full check with about 50 differences fits two A4 pages", async ({ page }) => {
  await seedFullAgenda(page);
  const app = new SelfCheck(page);
  await app.open("#/p/c1/compare");
  await expect(app.heading()).toHaveText("1:1 agenda: Sam Rivera");
  const near = await page.locator("details.folded li").count();
  const far = await page.locator("ul.differences > li").count();
  expect(near + far).toBeGreaterThanOrEqual(50);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".print-header")).toContainText("Senior engineer (L5) — 1:1 agenda: Sam Rivera");
  await expect(page.getByText("Start with the on-call rota.")).toBeVisible();
  const pdf = await page.pdf({ format: "A4", margin: { top: "1cm", bottom: "1cm", left: "1cm", right: "1cm" } });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`printed agenda: ${far} far apart, ${near} one step apart, ${pages} A4 pages`);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(2);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the agenda has no WCAG 2.2 AA violations at 390 px in the ${scheme} theme, folded and open`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await seedFullAgenda(page);
    const app = new SelfCheck(page);
    await app.open("#/p/c1/compare");
    await expectNoAxeViolations(page);
    await page.locator("details.folded summary").first().click();
    await page.locator("ul.differences > li").first().getByText("Agree an action on this").click();
    await expectNoAxeViolations(page);
    const wider = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(wider).toBe(false);
  });
}

test("a manager sends the agreed action back: the file carries what he ticked and says so first, nothing private, and the report takes the action into her plan", async ({ page, browser }) => {
  // Two people in two browsers, a check, a 1:1 and three files: 13 s alone,
  // over 30 s beside the other workers on a loaded 2-core machine.
  test.setTimeout(90_000);
  const sams = await samsExport(browser);
  const app = new SelfCheck(page);
  await app.open("#/");
  await addCheck(page, "Sam Rivera", "Alex Chen");
  await page.getByRole("link", { name: "Start the quick check" }).click();
  for (const [n] of QUICK.slice(0, 12).entries()) {
    await app.statement(they(QUICK[n][1])).getByRole("radio", { name: n < 3 ? "Not yet" : "Usually" }).check();
  }
  await page.getByLabel("Show a note field under each statement").check();
  await app.statement(they(QUICK[0][1])).getByText("Add a note (evidence)").click();
  await app.statement(they(QUICK[0][1])).getByRole("textbox").fill("Kai did most of the design.");
  // A note kept in the history by a snapshot, then erased.
  await app.statement(they(QUICK[1][1])).getByText("Add a note (evidence)").click();
  await app.statement(they(QUICK[1][1])).getByRole("textbox").fill("Erased before sending");
  await page.locator("header .app-name").click();
  await page.getByRole("link", { name: "Save, share and compare" }).first().click();
  await page.getByRole("button", { name: "Save a snapshot" }).click();
  await page.getByLabel("Choose an export file (.json)").setInputFiles({ name: sams.name, mimeType: "application/json", buffer: Buffer.from(sams.text) });
  await page.getByRole("group", { name: "What to do with these answers" }).locator(".button.primary").click();
  await expect(app.heading()).toHaveText("1:1 agenda: Sam Rivera");
  await page.getByLabel("Notes for the conversation (kept with this check)").fill("Promotion timeline: not before spring.");
  const far = page.locator("ul.differences > li");
  await far.first().getByText("Agree an action on this").click();
  await far.first().getByRole("button", { name: "Add to Sam Rivera’s plan" }).click();
  await app.open("#/");
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Sam Rivera" }).click();
  await page.getByRole("link", { name: "Start the quick check" }).or(page.getByRole("link", { name: /Resume the quick check|Continue with the full check/ })).first().click();
  await page.getByLabel("Show a note field under each statement").check();
  await app.statement(they(QUICK[1][1])).getByRole("textbox").fill("");
  await expect.poll(async () => JSON.stringify(await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes("/check/") && !k.includes("/rev"))))).not.toContain("Erased before sending\",\"note_changed");

  // Send to Sam, from the agenda: the agreed action only, said first.
  await page.locator("header .app-name").click();
  await page.locator(".next-step .button.primary").click();
  await expect(app.heading()).toHaveText("1:1 agenda: Sam Rivera");
  const send = page.locator(".file-chooser").filter({ has: page.getByRole("button", { name: "Download the file for Sam Rivera (JSON)" }) });
  await expect(send.locator(".file-holds")).toHaveText("The file will hold from your check about Sam Rivera: 1 agreed action.");
  await expect(send.getByLabel(/The answers \(12 ratings\)/)).not.toBeChecked();
  await expect(send.getByLabel(/The notes beside the answers/)).not.toBeChecked();
  await expect(send.getByLabel("The 1:1 notes")).not.toBeChecked();
  await expect(send.getByLabel(/The history/)).not.toBeChecked();
  await expect(send.getByLabel(/Sam Rivera’s self-check kept beside this check/)).not.toBeChecked();
  await expectNoAxeViolations(page);
  const [file] = await Promise.all([page.waitForEvent("download"), send.getByRole("button", { name: "Download the file for Sam Rivera (JSON)" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^l5-selfcheck-l5-sam-rivera-by-alex-chen-to-send-\d{4}-\d{2}-\d{2}\.json$/);
  const sent = await readFile((await file.path())!, "utf8");
  for (const secret of ["Kai did most", "Erased before sending", "Promotion timeline", "queue redesign", "snapshots", "beside", "agenda"]) {
    expect(sent, secret).not.toContain(secret);
  }
  expect(JSON.parse(sent).plan).toHaveLength(1);
  // Ratings ticked: the ratings go, still no note.
  await send.getByLabel(/The answers \(12 ratings\)/).check();
  await expect(send.locator(".file-holds")).toHaveText("The file will hold from your check about Sam Rivera: 12 ratings and 1 agreed action.");
  const [rated] = await Promise.all([page.waitForEvent("download"), send.getByRole("button", { name: "Download the file for Sam Rivera (JSON)" }).click()]);
  const ratedText = await readFile((await rated.path())!, "utf8");
  expect(Object.keys(JSON.parse(ratedText).answers)).toHaveLength(12);
  expect(ratedText).not.toContain("Kai did most");

  // Sam opens the file: the preview says what it holds, and she takes the
  // agreed action into her own plan.
  const context = await browser.newContext();
  const samPage = await context.newPage();
  const sam = new SelfCheck(samPage);
  await sam.open("#/data");
  await samPage.getByLabel("Choose an export file (.json)").setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(sent) });
  const take = samPage.getByRole("group", { name: "What to do with these answers" });
  await expect(take).toContainText("About Sam Rivera, rated by Alex Chen: 1 agreed action");
  await expect(take).toContainText("Its 1 agreed action can be added to your plan from the 1:1 agenda.");
  await take.locator(".button.primary").click();
  await sam.open("#/compare");
  await samPage.getByRole("button", { name: /^Add to your plan/ }).click();
  await sam.open("#/");
  await expect(samPage.locator(".plan")).toContainText(JSON.parse(sent).plan[0].step);
  await context.close();
});

test("the manager's backup, imported into an empty browser, brings back every check about others", async ({ page, browser }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  for (const name of ["Sam Rivera", "Jo Chen"]) {
    await app.open("#/");
    await addCheck(page, name, "Alex Chen");
    await page.getByRole("link", { name: "Start the quick check" }).click();
    await app.statement(they(QUICK[0][1])).getByRole("radio", { name: "Usually" }).check();
    await page.getByLabel("Show a note field under each statement").check();
    await app.statement(they(QUICK[0][1])).getByText("Add a note (evidence)").click();
    await app.statement(they(QUICK[0][1])).getByRole("textbox").fill(`Evidence about ${name}`);
  }
  await app.open("#/");
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Your own self-check" }).click();
  await expect(page.getByText(/The backup holds every check kept in this browser: your self-check and 2 checks about other people \(Jo Chen, Sam Rivera\)/)).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download a backup of everything (JSON)" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^l5-selfcheck-l5-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await file.path())!, "utf8");

  const context = await browser.newContext();
  const fresh = new SelfCheck(await context.newPage());
  await fresh.open("#/data");
  await fresh.page.getByLabel("Choose an export file (.json)").setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(text) });
  const restore = fresh.page.getByRole("group", { name: "What to do with this backup" });
  await expect(restore).toContainText("your self-check (1 rating) and 2 checks about other people (Jo Chen and Sam Rivera)");
  await expectNoAxeViolations(fresh.page);
  await restore.getByRole("button", { name: "Restore the backup" }).click();
  await fresh.open("#/");
  const switcher = fresh.page.getByRole("region", { name: "Whose check" });
  await expect(switcher.getByRole("link", { name: "Sam Rivera" })).toBeVisible();
  await expect(switcher.getByRole("link", { name: "Jo Chen" })).toBeVisible();
  await switcher.getByRole("link", { name: "Jo Chen" }).click();
  await fresh.page.getByRole("link", { name: "Resume the quick check" }).click();
  await fresh.page.getByLabel("Show a note field under each statement").check();
  await expect(fresh.statement(they(QUICK[0][1])).getByRole("textbox")).toHaveValue("Evidence about Jo Chen");
  await context.close();
});
