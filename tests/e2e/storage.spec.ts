import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const FIRST = /I lead its design and see it through/;

test("an answer chosen with the keyboard alone is still chosen after a reload", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.answerWithKeyboard(FIRST, 1);
  await expect(page.getByRole("status")).toHaveText("Saved (1 answered)");
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
  const radio = app.statement(FIRST).getByRole("radio", { name: /^Usually/ });
  await radio.check();
  await expect(radio).toBeChecked();
  await expectNoAxeViolations(page);
});

const KEY = "l5-selfcheck/default/l5";

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
  const radio = app.statement(FIRST).getByRole("radio", { name: /^Usually/ });
  await radio.check();
  await expect(radio).toBeChecked();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Your answers are not being saved");
  await expect(alert).toContainText("QuotaExceededError");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Download your answers" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^l5-selfcheck-l5-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(await readDownload(download));
  expect(saved.answers["overview.lead-complex-design"].rating).toBe(2);
  // Moving on keeps the answer in memory.
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await page.goBack();
  await expect(app.statement(FIRST).getByRole("radio", { name: /^Usually/ })).toBeChecked();
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

  await app.statement(FIRST).getByRole("radio", { name: /^Sometimes/ }).check();
  await expect(page.getByRole("status")).toContainText("Saved");
  const after = await page.evaluate(([key, backup]) => [localStorage.getItem(key), localStorage.getItem(backup)], [KEY, backups[0]]);
  expect(JSON.parse(after[0]!).answers["overview.lead-complex-design"].rating).toBe(1);
  expect(after[1]).toBe(corrupt);
});

test("a document from a newer version opens read-only and is never written", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  const newer = JSON.stringify({
    schema: 99, ladder: "l5", content_version: "2030.1", revision: 9, updated_at: 9, future_field: { x: 1 },
    answers: { "overview.lead-complex-design": { rating: 3, note: "from the future", changed_at: 9 } },
  });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("saved by a newer version of this self-check (data version 99)");
  const group = app.statement(FIRST);
  await expect(group.getByRole("radio", { name: /^Consistently/ })).toBeChecked();
  await expect(group.getByRole("radio", { name: /^Sometimes/ })).toBeDisabled();
  await expect(group.getByRole("textbox")).toHaveValue("from the future");
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await expect(app.heading()).toHaveText("Responsibilities");
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
});

test("two tabs editing in turn see each other's answers and lose none", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const one = new SelfCheck(first);
  const two = new SelfCheck(second);
  await one.open("#/check/overview");
  await two.open("#/check/overview");

  await one.statement(FIRST).getByRole("radio", { name: /^Usually/ }).check();
  await expect(two.statement(FIRST).getByRole("radio", { name: /^Usually/ })).toBeChecked();

  await two.statement(/they come to me for help/).getByRole("radio", { name: /^Sometimes/ }).check();
  await expect(one.statement(/they come to me for help/).getByRole("radio", { name: /^Sometimes/ })).toBeChecked();

  await one.statement(/holds up in production/).getByRole("radio", { name: /^Consistently/ }).check();
  await expect(two.statement(/holds up in production/).getByRole("radio", { name: /^Consistently/ })).toBeChecked();

  const stored = JSON.parse((await first.evaluate((key) => localStorage.getItem(key), KEY))!);
  expect(Object.keys(stored.answers).sort()).toEqual([
    "overview.go-to-person",
    "overview.lead-complex-design",
    "overview.production-ready",
  ]);
  await expect(one.statement(FIRST).getByRole("radio", { name: /^Usually/ })).toBeChecked();
});

test("an answer and a note survive a reload straight after them", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(FIRST).getByRole("radio", { name: /^Not yet/ }).check();
  await page.reload();
  await expect(app.statement(FIRST).getByRole("radio", { name: /^Not yet/ })).toBeChecked();

  await app.statement(FIRST).getByText("Add a note (evidence)").click();
  await app.statement(FIRST).getByRole("textbox").fill("Led the payments redesign");
  await page.reload();
  await expect(app.statement(FIRST).getByRole("textbox")).toHaveValue("Led the payments redesign");
});

test("delete my data asks first, removes every stored item of this widget and says so", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick/overview");
  await app.statement(FIRST).getByRole("radio", { name: /^Usually/ }).check();
  await page.evaluate(() => {
    localStorage.setItem("l5-selfcheck/default/l5/backup-1", "old");
    localStorage.setItem("l5-selfcheck/other-widget/l5", "{}");
  });
  await app.open("#/");
  await expect(page.getByRole("heading", { name: "Pick up where you left off" })).toBeVisible();
  await page.getByRole("button", { name: "Delete my data…" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).not.toBeNull();

  await page.getByRole("button", { name: "Delete my data…" }).click();
  await page.getByRole("button", { name: "Yes, delete my data" }).click();
  await expect(page.getByRole("status")).toHaveText("Your answers were deleted from this browser (2 stored items removed).");
  await expect(page.getByRole("heading", { name: "Pick up where you left off" })).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(["l5-selfcheck/other-widget/l5"]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Pick up where you left off" })).toHaveCount(0);
});
