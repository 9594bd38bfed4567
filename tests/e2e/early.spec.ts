import { expect, test, type Page, type Route } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { QUICK, SelfCheck } from "./selfcheck";

// The first answer before the app: index.html holds the quick check
// prerendered, early.js keeps a choice made there, and the engine takes it
// in when the app runs (or on the next visit).

const EARLY = "l5-selfcheck/default/~early";
const OWN = "l5-selfcheck/default/l5";

/** Holds every wasm download until `release()`: the prerendered page alone. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route("**/*.wasm", async (route: Route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return release;
}

const stored = (page: Page, key: string) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), key);

/** The statement id behind a statement's radio group. */
const idOf = async (page: Page, text: RegExp) =>
  ((await page.getByRole("group", { name: text }).getAttribute("id")) ?? "").replace(/^default-/, "");

test("#/quick is answerable before the app arrives; the answer is stored once, with its time, and keeps its focus", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./#/quick");
  await expect(page.getByRole("heading", { level: 1, name: "Quick check" })).toBeVisible();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(0);
  await expectNoAxeViolations(page);
  const [, first] = QUICK[0];
  const radio = page.getByRole("group", { name: first }).getByRole("radio", { name: "Usually" });
  await radio.check();
  await expect(radio).toBeFocused();
  const id = await idOf(page, first);
  const early = await stored(page, EARLY);
  expect(early.ladder).toBe("l5");
  expect(early.answers[id].rating).toBe(2);
  const at = early.answers[id].changed_at;
  expect(at).toBeGreaterThan(0);
  expect(await stored(page, OWN)).toBeNull();

  release();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);
  await expect(page.locator(".prerendered")).toHaveCount(0);
  const taken = page.getByRole("group", { name: first }).getByRole("radio", { name: "Usually" });
  await expect(taken).toBeChecked();
  await expect(taken).toBeFocused();
  await expect(page.getByText("1 of 13 statements answered")).toBeVisible();
  const document = await stored(page, OWN);
  expect(document.answers[id].rating).toBe(2);
  expect(document.answers[id].changed_at).toBe(at);
  expect(Object.keys(document.answers)).toEqual([id]);
  // Taken in: the key of its own is gone, and a reload adds nothing.
  expect(await stored(page, EARLY)).toBeNull();
  await page.reload();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);
  expect((await stored(page, OWN)).answers[id].changed_at).toBe(at);
});

test("an answer and a note given before the page was closed are there on the next visit", async ({ page, context }) => {
  await holdWasm(page);
  await page.goto("./#/quick");
  const [, first] = QUICK[0];
  const [, second] = QUICK[1];
  await page.getByRole("group", { name: first }).getByRole("radio", { name: "Sometimes" }).check();
  const group = page.getByRole("group", { name: second });
  await page.getByLabel("Show a note field under each statement, for evidence").check();
  await group.getByText("Add a note (evidence)").click();
  await group.getByRole("textbox").fill("Led the on-call rota redesign.");
  const early = await stored(page, EARLY);
  expect(Object.keys(early.answers)).toHaveLength(2);
  await page.close();

  const next = await context.newPage();
  const app = new SelfCheck(next);
  await app.open("#/quick");
  await expect(app.statement(first).getByRole("radio", { name: "Sometimes" })).toBeChecked();
  await next.getByLabel("Show a note field under each statement, for evidence").check();
  await expect(app.statement(second).getByRole("textbox")).toHaveValue("Led the on-call rota redesign.");
  const document = await stored(next, OWN);
  expect(document.answers[await idOf(next, second)].note).toBe("Led the on-call rota redesign.");
  expect(await stored(next, EARLY)).toBeNull();
});

test("a later answer wins over one given before the app: an early choice never overwrites a newer one", async ({ page, context }) => {
  // An early choice left behind (a page closed before the app ran) ...
  await holdWasm(page);
  await page.goto("./#/quick");
  const [, first] = QUICK[0];
  await page.getByRole("group", { name: first }).getByRole("radio", { name: "Not yet" }).check();
  const id = await idOf(page, first);
  await page.close();
  // ... and the same statement answered later, by another tab of this
  // site (written here from the try page, which keeps nothing of its own).
  const other = await context.newPage();
  await other.goto("./try.html");
  await other.evaluate(
    ([key, id]) =>
      localStorage.setItem(
        key,
        JSON.stringify({ schema: 3, ladder: "l5", content_version: "x", revision: 1, updated_at: Date.now(), answers: { [id]: { rating: 3, changed_at: Date.now() } }, resume: {} }),
      ),
    [OWN, id],
  );
  const app = new SelfCheck(other);
  await app.open("#/quick");
  await expect(app.statement(first).getByRole("radio", { name: "Consistently" })).toBeChecked();
  expect((await stored(other, OWN)).answers[id].rating).toBe(3);
  expect(await stored(other, EARLY)).toBeNull();
});

test("the prerendered quick check is the app's own render", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./#/quick");
  const canonical = (selector: string) =>
    page.locator(selector).evaluate((root) => {
      const walk = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? "").trim() ? JSON.stringify(node.textContent) : "";
        if (node.nodeType !== Node.ELEMENT_NODE) return "";
        const el = node as Element;
        const attrs = [...el.attributes]
          .filter((a) => !["value", "checked", "data-l5-page"].includes(a.name))
          .map((a) => (a.name === "class" ? `class=${[...el.classList].filter((c) => c !== "prerendered").sort().join(".")}` : ["open", "readonly", "disabled"].includes(a.name) ? a.name : `${a.name}=${a.value}`))
          .sort();
        return `<${el.localName} ${attrs.join(" ")}>${[...el.childNodes].map(walk).join("")}</>`;
      };
      const copy = root.cloneNode(true) as Element;
      copy.normalize();
      return walk(copy);
    });
  const before = await canonical(".prerendered[data-l5-page=quick]");
  release();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);
  expect(await canonical("#l5-selfcheck > .l5-app")).toBe(before);
});

test("the start page's button opens the prerendered quick check at once; a returning visitor's waits for the app", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quick check" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Quick check" })).toBeFocused();
  await expect(page.locator("html[data-l5-opening]")).toHaveCount(0);
  await expect(page.getByRole("group", { name: QUICK[0][1] }).getByRole("radio", { name: "Usually" })).toBeEnabled();
  release();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);

  // With answers stored, the blank prerendered check would misstate them:
  // the page waits for the app instead.
  await page.getByRole("group", { name: QUICK[0][1] }).getByRole("radio", { name: "Usually" }).check();
  const again = await page.context().newPage();
  const hold = await holdWasm(again);
  await again.goto("./#/quick");
  await expect(again.getByRole("heading", { level: 1, name: "Quick check" })).toBeHidden();
  hold();
  await expect(again.getByRole("group", { name: QUICK[0][1] }).getByRole("radio", { name: "Usually" })).toBeChecked();
});

test("a page whose code cannot arrive says so with a retry, and touches nothing stored", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // Its file is blocked from now on (and was not fetched yet: a new page).
  const next = await page.context().newPage();
  let blocked = true;
  await next.route("**/split_pages.wasm", (route) => (blocked ? route.abort() : route.continue()));
  await next.route("**/chunk_*.wasm", (route) => (blocked ? route.abort() : route.continue()));
  await next.goto("./#/results");
  await expect(next.getByRole("heading", { level: 1, name: "Results" })).toBeVisible();
  await expect(next.getByRole("alert")).toContainText("could not be loaded");
  await expectNoAxeViolations(next);
  expect(await next.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  blocked = false;
  await next.getByRole("button", { name: "Try again" }).click();
  await expect(next.getByRole("heading", { level: 1, name: "Your results" })).toBeVisible();
  await expect(next.getByRole("alert")).toHaveCount(0);
});

test("once the app has run a moment, the other pages are already here: they open offline", async ({ page, context }) => {
  const fetched = new Set<string>();
  page.on("requestfinished", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop() ?? "";
    if (name.endsWith(".wasm")) fetched.add(name);
  });
  const app = new SelfCheck(page);
  await app.open("#/quick");
  await expect.poll(() => [...fetched].filter((f) => f.startsWith("split_")).sort()).toEqual(["split_agenda.wasm", "split_exchange.wasm", "split_learn.wasm", "split_pages.wasm", "split_start.wasm", "split_summary.wasm"]);
  await context.setOffline(true);
  for (const [link, heading] of [
    ["See the quick results", "Your results"],
    ["Senior engineer (L5) · self-check", "Where do you stand today?"],
    ["Save, share and compare", "Save, share and compare"],
    ["Senior engineer (L5) · self-check", "Where do you stand today?"],
    ["Learn what the level means", "What Senior engineer (L5) means"],
  ]) {
    await page.getByRole("link", { name: link }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
  // The summary's fold opens offline too: its code came with the rest.
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await page.getByRole("link", { name: "Save, share and compare" }).first().click();
  await page.getByText("Make a summary (Markdown)").click();
  await expect(page.getByRole("button", { name: "Download the summary (Markdown)" })).toBeVisible();
  await context.setOffline(false);
});

test("every page opened first by a deep link shows itself, not a loading line", async ({ page }) => {
  for (const [hash, heading] of [
    ["#/", "Where do you stand today?"],
    ["#/quick", "Quick check"],
    ["#/check/impact", "Impact"],
    ["#/learn/impact/rate", "Rate yourself: Impact"],
    ["#/results", "Your results"],
    ["#/results/quick", "Your results"],
    ["#/learn", "What Senior engineer (L5) means"],
    ["#/learn/ownership", "Ownership"],
    ["#/data", "Save, share and compare"],
  ] as [string, string | RegExp][]) {
    const fresh = await page.context().newPage();
    const app = new SelfCheck(fresh);
    await app.open(hash);
    await expect(app.heading()).toHaveText(heading);
    await expect(fresh.getByText("Loading\u2026")).toHaveCount(0);
    await fresh.close();
  }
});
