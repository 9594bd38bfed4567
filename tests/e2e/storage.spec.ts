import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const KEY = "l5-selfcheck/default/l5";
const FIRST = /it runs in production without anyone else/;
const SECOND = /I take a leading part in its design/;
const THIRD = /I keep leading its build/;

test("an answer chosen with the keyboard alone is still chosen after a reload", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.answerWithKeyboard(FIRST, 1);
  await expect(page.getByRole("status").first()).toHaveText("Saved (1 answered)");
  await page.reload();
  const radios = app.statement(FIRST).getByRole("radio");
  await expect(radios.nth(1)).toBeChecked();
  await expect(radios.nth(0)).not.toBeChecked();
  await expectNoAxeViolations(page);
});

test("when storage is blocked the page still works and says answers are not saved", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await expect(page.getByRole("alert")).toContainText("Your answers are not being saved");
  await expect(page.getByRole("alert")).toContainText("SecurityError");
  const radio = app.statement(FIRST).getByRole("radio", { name: "Usually" });
  await radio.check();
  await expect(radio).toBeChecked();
  await expectNoAxeViolations(page);
});

async function readDownload(download: import("@playwright/test").Download): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile((await download.path())!, "utf8");
}

test("a quota error on write keeps the answers in the page and offers them as a file", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  const radio = app.statement(FIRST).getByRole("radio", { name: "Usually" });
  await radio.check();
  await expect(radio).toBeChecked();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Your answers are not being saved");
  await expect(alert).toContainText("QuotaExceededError");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Download your answers" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^l5-selfcheck-l5-self-check-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(await readDownload(download));
  expect(saved.answers["overview.production-ready"].rating).toBe(2);
  // Moving on keeps the answer in memory.
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await page.goBack();
  await expect(app.statement(FIRST).getByRole("radio", { name: "Usually" })).toBeChecked();
});

test("a corrupt stored value is kept under a backup key, downloadable, and never overwritten", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  const corrupt = '{"schema":1,"ladder":"l5","answers":{"overview.x":';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, corrupt]);
  await page.reload();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Your saved answers could not be read: it is not valid JSON");
  await expect(alert).toContainText("you are starting with a fresh check");
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("/backup-")));
  expect(backups).toHaveLength(1);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Download the unreadable data" }).click(),
  ]);
  expect(await readDownload(download)).toBe(corrupt);

  await app.statement(FIRST).getByRole("radio", { name: "Sometimes" }).check();
  await expect(page.getByRole("status").first()).toContainText("Saved");
  const after = await page.evaluate(([key, backup]) => [localStorage.getItem(key), localStorage.getItem(backup)], [KEY, backups[0]]);
  expect(JSON.parse(after[0]!).answers["overview.production-ready"].rating).toBe(1);
  expect(after[1]).toBe(corrupt);
});

test("a document from a newer version opens read-only and is never written", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  const newer = JSON.stringify({
    schema: 99, ladder: "l5", content_version: "2030.1", revision: 9, updated_at: 9, future_field: { x: 1 },
    answers: { "overview.production-ready": { rating: 3, note: "from the future", changed_at: 9 } },
  });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("saved by a newer version of this self-check (data version 99)");
  const group = app.statement(FIRST);
  await expect(group.getByRole("radio", { name: "Consistently" })).toBeChecked();
  await expect(group.getByRole("radio", { name: "Sometimes" })).toBeDisabled();
  await expect(group.getByRole("textbox")).toHaveValue("from the future");
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await expect(app.heading()).toHaveText("Responsibilities");
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
});

test("two tabs editing in turn see each other's answers and lose none", async ({ context }) => {
  const one = new SelfCheck(await context.newPage());
  const two = new SelfCheck(await context.newPage());
  await one.open("#/check/overview");
  await two.open("#/check/overview");

  await one.statement(FIRST).getByRole("radio", { name: "Usually" }).check();
  await expect(two.statement(FIRST).getByRole("radio", { name: "Usually" })).toBeChecked();
  await two.statement(SECOND).getByRole("radio", { name: "Sometimes" }).check();
  await expect(one.statement(SECOND).getByRole("radio", { name: "Sometimes" })).toBeChecked();
  // A rating in one tab and a note in the other, on the same statement.
  await one.statement(THIRD).getByRole("radio", { name: "Consistently" }).check();
  await two.statement(THIRD).getByText("Add a note (evidence)").click();
  await two.statement(THIRD).getByRole("textbox").fill("Stayed on until launch");
  await expect(one.statement(THIRD).getByRole("textbox")).toHaveValue("Stayed on until launch");

  const stored = await one.stored();
  expect(Object.keys(stored.answers).sort()).toEqual([
    "overview.lead-design",
    "overview.production-ready",
    "overview.see-design-through",
  ]);
  expect(stored.answers["overview.see-design-through"].rating).toBe(3);
  expect(stored.answers["overview.see-design-through"].note).toBe("Stayed on until launch");
});

/** A page that never hears of other pages' writes (a lost `storage` event). */
async function deafPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() =>
    window.addEventListener("storage", (event) => event.stopImmediatePropagation(), true),
  );
  return page;
}

test("a page that never receives storage events does not erase what another page wrote", async ({ context }) => {
  const a = new SelfCheck(await context.newPage());
  const b = new SelfCheck(await deafPage(context));
  await a.open("#/check/overview");
  await b.open("#/check/overview");
  await a.statement(FIRST).getByRole("radio", { name: "Consistently" }).check();
  await expect(a.page.getByRole("status").first()).toContainText("Saved");
  await a.page.close();
  // B still shows nothing for FIRST: it never heard of A's write.
  await expect(b.statement(FIRST).getByRole("radio", { name: "Consistently" })).not.toBeChecked();
  await b.statement(SECOND).getByRole("radio", { name: "Usually" }).check();
  await expect(b.page.getByRole("status").first()).toContainText("Saved (2 answered)");
  const stored = await b.stored();
  expect(stored.answers["overview.production-ready"].rating).toBe(3);
  expect(stored.answers["overview.lead-design"].rating).toBe(2);
  // B took in A's answer when it wrote.
  await expect(b.statement(FIRST).getByRole("radio", { name: "Consistently" })).toBeChecked();
});

test("two pages at the snapshot limit both take a snapshot, and the answers still load", async ({ context }) => {
  const setup = await context.newPage();
  await setup.goto("./#/");
  await setup.evaluate((key) => {
    const snapshots = Array.from({ length: 49 }, (_, i) => ({ taken_at: 1_700_000_000_000 + i, answers: {} }));
    localStorage.setItem(key, JSON.stringify({
      schema: 3, ladder: "l5", content_version: "2026.12.0", revision: 50, updated_at: 1_700_000_000_100,
      answers: { "overview.production-ready": { rating: 2, note: "kept", changed_at: 1_700_000_000_000 } },
      resume: {}, snapshots,
    }));
  }, KEY);
  await setup.close();
  const a = new SelfCheck(await context.newPage());
  const b = new SelfCheck(await deafPage(context));
  await a.open("#/data");
  await b.open("#/data");
  await a.page.getByRole("button", { name: "Save a snapshot" }).click();
  await expect(a.page.getByText("Snapshot saved (50 in the history).")).toBeVisible();
  await b.page.getByRole("button", { name: "Save a snapshot" }).click();
  // B had not heard of A's snapshot: the merge makes 51, and the oldest goes.
  await expect(b.page.getByText(/^Snapshot saved \(50 in the history; the oldest was removed\)\.|^Snapshot saved .*The history reached its limit of 50 snapshots, so the oldest was removed\.$/)).toBeVisible();
  await b.page.reload();
  await b.open("#/check/overview");
  await expect(b.page.getByRole("alert")).toHaveCount(0);
  await expect(b.statement(FIRST).getByRole("radio", { name: "Usually" })).toBeChecked();
  await expect(b.statement(FIRST).getByRole("textbox")).toHaveValue("kept");
  const stored = await b.stored();
  expect(stored.snapshots).toHaveLength(50);
});

test("an answer and a note survive a reload straight after them", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(FIRST).getByRole("radio", { name: "Not yet" }).check();
  await page.reload();
  await expect(app.statement(FIRST).getByRole("radio", { name: "Not yet" })).toBeChecked();

  await app.statement(FIRST).getByText("Add a note (evidence)").click();
  await app.statement(FIRST).getByRole("textbox").fill("Led the payments redesign");
  await page.reload();
  await expect(app.statement(FIRST).getByRole("textbox")).toHaveValue("Led the payments redesign");
});

test("delete all data asks first, removes every stored item, can be undone, and moves focus to what happened", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  await app.statement(SECOND).getByRole("radio", { name: "Usually" }).check();
  await page.evaluate(() => {
    localStorage.setItem("l5-selfcheck/default/l5/backup-1", "old");
    localStorage.setItem("l5-selfcheck/other-widget/l5", "{}");
  });
  await app.open("#/");
  const ask = page.getByRole("button", { name: "Delete all data…" });
  await ask.click();
  // The confirmation opens in view, with focus inside it.
  const confirm = page.getByRole("group", { name: "Confirm deleting all data" });
  await expect(confirm.getByRole("button", { name: "Yes, delete all data" })).toBeFocused();
  await expect(confirm).toBeInViewport();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toBeFocused();
  expect(await app.stored()).not.toBeNull();

  await ask.click();
  await page.getByRole("button", { name: "Yes, delete all data" }).click();
  const notice = page.getByRole("region", { name: "Changes you can undo" });
  await expect(notice).toContainText(/Deleted: 3 stored items removed from this browser\. You can undo this until you leave the page\./);
  await expect(notice).toBeFocused();
  await expect(page.locator(".next-step .button.primary")).toHaveText("Start the quick check");
  const left = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(left).toEqual(["l5-selfcheck/default/l5/rev", "l5-selfcheck/other-widget/l5"]);
  expect(await page.evaluate((key) => localStorage.getItem(key + "/rev"), KEY)).toMatch(/^deleted\.\d+$/);

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toContainText("Undone: your data is back in this browser.");
  await expect(page.locator(".next-step .button.primary")).toHaveText("Resume the quick check");
  await page.reload();
  await app.open("#/quick");
  await expect(app.statement(SECOND).getByRole("radio", { name: "Usually" })).toBeChecked();

  // Deleted again and reloaded: gone.
  await app.open("#/");
  await page.getByRole("button", { name: "Delete all data…" }).click();
  await page.getByRole("button", { name: "Yes, delete all data" }).click();
  await page.reload();
  await expect(page.locator(".next-step .button.primary")).toHaveText("Start the quick check");
  await expectNoAxeViolations(page);
});
