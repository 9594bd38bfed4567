// What the engine decides, seen from the page: imports with awkward file
// names, history entries, a ladder with the id `ui`, and undo after
// deleting everything or taking a link's answers.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { QUICK, SelfCheck, they } from "./selfcheck";

const FIRST = /it runs in production without anyone else/;

test("a file whose name holds a right-to-left mark, a newline and 400 characters replaces the answers; after a reload the answers and the Undo are there", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(FIRST).getByRole("radio", { name: "Usually" }).check();
  await app.open("#/data");
  const mine = { ...(await app.stored()) };
  mine.answers = { "overview.production-ready": { rating: 0, changed_at: 5 } };
  const name = `\u200fmine\n${"x".repeat(400)}.json`;
  await page.getByLabel("Choose an export file (.json)").setInputFiles({
    name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mine)),
  });
  const take = page.getByRole("group", { name: "What to do with these answers" });
  await take.getByRole("button", { name: "Replace the answers of your self-check…" }).click();
  await page.getByRole("group", { name: "Confirm replacing the answers" }).getByRole("button", { name: "Replace the answers" }).click();
  await page.reload();
  await app.open("#/check/overview");
  await expect(app.statement(FIRST).getByRole("radio", { name: "Not yet" })).toBeChecked();
  const undo = page.getByRole("region", { name: "Changes you can undo" });
  // The name is kept as one safe line: no mark, no line break, cut short.
  const said = await undo.locator("li").first().innerText();
  expect(said).toContain("were replaced by importing “mine x");
  expect(said).not.toContain("\u200f");
  expect(said.length).toBeLessThan(500);
  await undo.getByRole("button", { name: "Undo" }).click();
  await app.open("#/check/overview");
  await expect(app.statement(FIRST).getByRole("radio", { name: "Usually" })).toBeChecked();
});

test("an unknown page inside a person's check adds one history entry, and Back leaves it", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  await page.getByLabel("Their name").fill("Sam Rivera");
  await page.getByRole("button", { name: "Add and open" }).click();
  const start = page.url();
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => (location.hash = location.hash.replace(/\/$/, "/nowhere/at/all")));
  await expect(app.heading()).toHaveText("Page not found");
  await expect(page).toHaveURL(/#\/p\/c[0-9a-z]+\/nowhere\/at\/all$/);
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).toHaveURL(start);
  await expect(app.heading()).toHaveText("Where does Sam Rivera stand today?");
});

test("a ladder with the id `ui` keeps its answers over three visits", async ({ page }) => {
  const app = new SelfCheck(page);
  // An earlier version's answer-key flag sits where `ui` keeps its answers.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("l5-selfcheck/default/ui", "key-seen");
      sessionStorage.setItem("seeded", "1");
    }
  });
  // Matched on the path: the page's own address ends in the same name.
  await page.route((url) => url.pathname.endsWith("/ui-ladder.json"), async (route) => {
    const ladder = JSON.parse(await (await page.request.get("./ladders/example-l3.json")).text());
    await route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...ladder, id: "ui", title: "UI engineer" }) });
  });
  await page.goto("./teams/?content=../ui-ladder.json#/quick");
  for (let visit = 1; visit <= 3; visit++) {
    await expect(app.heading()).toHaveText("Quick check");
    const group = page.getByRole("group").filter({ has: page.getByRole("radio", { name: "Often" }) }).nth(visit - 1);
    await group.getByRole("radio", { name: "Often" }).check();
    await expect(page.getByRole("status").first()).toContainText("Saved");
    await page.reload();
    for (let n = 0; n < visit; n++) {
      await expect(
        page.getByRole("group").filter({ has: page.getByRole("radio", { name: "Often" }) }).nth(n).getByRole("radio", { name: "Often" }),
      ).toBeChecked();
    }
  }
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("l5-selfcheck/default/ui") ?? "null"));
  expect(Object.keys(stored.answers)).toHaveLength(3);
  expect(await page.evaluate(() => localStorage.getItem("l5-selfcheck/default/~prefs"))).not.toBeNull();
});

test("delete all data, then add a check, then Undo: everything is back", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  await app.open("#/");
  await page.getByLabel("Their name").fill("Priya Shah");
  await page.getByRole("button", { name: "Add and open" }).click();
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await app.statement(they(QUICK[1][1])).getByRole("radio", { name: "Sometimes" }).check();
  await app.open("#/");
  const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.endsWith("/rev")).sort());
  await page.getByRole("button", { name: "Delete all data…" }).click();
  await page.getByRole("button", { name: "Yes, delete all data" }).click();
  // Something else happens before the Undo.
  await page.getByLabel("Their name").fill("Kai");
  await page.getByRole("button", { name: "Add and open" }).click();
  await expect(app.heading()).toHaveText("Where does Kai stand today?");
  const undo = page.getByRole("region", { name: "Changes you can undo" });
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(undo).toContainText("Undone: your data is back in this browser.");
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.endsWith("/rev")).sort());
  for (const key of before) expect(after).toContain(key);
  await app.open("#/quick");
  await expect(app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" })).toBeChecked();
  await app.open("#/");
  await expect(page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Priya Shah" })).toBeVisible();
});

test("taking a share link's answers over one's own shows the Undo beside the message", async ({ page, browser }) => {
  const other = await browser.newContext();
  const there = new SelfCheck(await other.newPage());
  await there.open("#/check/overview");
  await there.statement(FIRST).getByRole("radio", { name: "Consistently" }).check();
  await there.open("#/data");
  const link = await there.page.getByLabel("Link to these answers").inputValue();
  await other.close();

  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.statement(FIRST).getByRole("radio", { name: "Not yet" }).check();
  await page.goto(link.replace(/^[^#]*/, "./"));
  await page.getByRole("button", { name: "Use these answers…" }).click();
  await page.getByRole("button", { name: "Replace the answers of your self-check…" }).click();
  await page.getByRole("group", { name: "Confirm replacing the answers" }).getByRole("button", { name: "Replace the answers" }).click();
  const item = page.getByRole("region", { name: "Changes you can undo" }).locator("li").filter({ hasText: "opening a shared link" });
  await expect(item).toBeVisible();
  await expect(item.getByRole("button", { name: "Undo" })).toBeVisible();
  await expectNoAxeViolations(page);
  await item.getByRole("button", { name: "Undo" }).click();
  await app.open("#/check/overview");
  await expect(app.statement(FIRST).getByRole("radio", { name: "Not yet" })).toBeChecked();
});

test("the names form shows the open check's names after switching between two checks' data pages", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  const ids: string[] = [];
  for (const name of ["Sam Rivera", "Priya Shah"]) {
    await page.locator("header .app-name").click();
    await page.getByLabel("Their name").fill(name);
    await page.getByLabel(/^Your name as the one rating/).fill("Alex Chen");
    await page.getByRole("button", { name: "Add and open" }).click();
    await expect(app.heading()).toHaveText(`Where does ${name} stand today?`);
    ids.push(new URL(page.url()).hash.split("/")[2]);
  }
  for (const [n, name] of [[0, "Sam Rivera"], [1, "Priya Shah"], [0, "Sam Rivera"]] as const) {
    // The address changes in place, as a link inside the page would.
    await page.evaluate((hash) => (location.hash = hash), `#/p/${ids[n]}/data`);
    await expect(page.getByLabel("Their name")).toHaveValue(name);
    await expect(page.getByLabel("Your name as the one rating (optional)")).toHaveValue("Alex Chen");
  }
  // Saving writes this check's names, not the other's.
  await page.getByRole("button", { name: "Save the names" }).click();
  await page.locator("header .app-name").click();
  const switcher = page.getByRole("region", { name: "Whose check" });
  await expect(switcher.getByRole("link", { name: "Sam Rivera" })).toHaveCount(1);
  await expect(switcher.getByRole("link", { name: "Priya Shah" })).toHaveCount(1);
});

test("a deep link whose app files fail to load is not left hidden: the page says so and shows the ladder", async ({ page }) => {
  await page.route("**/l5-selfcheck.js", (route) => route.abort());
  await page.goto("./#/quick");
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("html[data-l5-deep]")).toHaveCount(0);
  await expect(page.locator("html[data-l5-failed]")).toHaveCount(1);
});
