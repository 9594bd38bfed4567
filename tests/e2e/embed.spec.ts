import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";
import { WIDGET, WIKI } from "./servers";

/** Records Content-Security-Policy violations in every frame of the page. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function violations(page: Page): Promise<string[]> {
  const all: string[] = [];
  for (const frame of page.frames()) {
    all.push(...((await frame.evaluate(() => (window as any).__violations ?? []).catch(() => [])) as string[]));
  }
  return all;
}

function frameHeight(page: Page) {
  return page.locator("iframe[data-l5-selfcheck-frame]").evaluate((el) => el.getBoundingClientRect().height);
}

/** The widget's frame shows all of its page: its height is the page's. */
async function frameFits(page: Page) {
  const outer = await frameHeight(page);
  const inner = await page
    .frameLocator("iframe[data-l5-selfcheck-frame]")
    .locator("html")
    .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  return Math.abs(outer - inner) <= 1 && outer > 200;
}

test("under a sub-path with the strict CSP the app works with no policy violation and no outside request", async ({ page }) => {
  await watchCsp(page);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  const app = new SelfCheck(page);
  await page.goto(`${WIDGET}#/quick`);
  await expect(app.heading()).toHaveText("Quick check");
  await app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Usually" }).check();
  await expect(page.getByRole("status").first()).toContainText("Saved");
  await page.reload();
  await expect(app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Usually" })).toBeChecked();
  for (const hash of ["#/results", "#/learn/impact", "#/data"]) {
    await page.goto(`${WIDGET}${hash}`);
    await expect(app.heading()).toBeVisible();
  }
  expect(await violations(page)).toEqual([]);
  // The ladder comes from the widget's own folder too.
  expect(requests.some((url) => url.startsWith(WIDGET) && url.endsWith("ladder.json"))).toBe(true);
  expect(requests.filter((url) => !url.startsWith(WIDGET))).toEqual([]);
});

test("the iframe embed sizes itself to its content from the first paint, and as pages change", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  // Before the app: the prerendered page already reports its height.
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route("**/l5-selfcheck_bg.wasm", async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${WIKI}/wiki.html`);
  const frame = page.frameLocator("iframe[data-l5-selfcheck-frame]");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Where do you stand today?");
  const fits = () => frameFits(page);
  await expect.poll(fits).toBe(true);
  await expect(frame.locator(".prerendered:visible")).toHaveCount(1);
  release();
  await expect(frame.locator("html[data-l5-ready]")).toHaveCount(1);
  await expect.poll(fits).toBe(true);
  const startHeight = await frameHeight(page);
  await frame.getByRole("link", { name: "The full check" }).click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await expect.poll(fits).toBe(true);
  await frame.getByRole("link", { name: "Next: Responsibilities" }).click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Responsibilities");
  await expect.poll(fits).toBe(true);
  expect(await frameHeight(page)).not.toBe(startHeight);
  // No scroll box inside the wiki page: the frame shows all of its page.
  const scrollable = await frame
    .locator("html")
    .evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(scrollable).toBeLessThanOrEqual(1);
});

test("a wiki page whose host.js starts after the frame reported still sizes the frame", async ({ page }) => {
  await page.goto(`${WIKI}/late-host.html`);
  const frame = page.frameLocator("iframe[data-l5-selfcheck-frame]");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Where do you stand today?");
  // host.js arrives 1.5 s after the page started: the frame's first
  // report went unheard, so only host.js asking again can size it.
  await expect.poll(() => page.evaluate(() => [...document.scripts].some((s) => s.src.endsWith("/tools/l5/host.js")))).toBe(true);
  await expect.poll(() => frameFits(page)).toBe(true);
});

test("a frame far below the fold is sized before anyone scrolls to it", async ({ page }) => {
  await page.goto(`${WIKI}/below-fold.html`);
  const frame = page.frameLocator("iframe[data-l5-selfcheck-frame]");
  await expect(frame.locator("html[data-l5-ready]")).toHaveCount(1);
  // Browsers may not render an offscreen frame from another site at all,
  // so the widget must measure itself without waiting for a paint.
  await expect.poll(() => frameFits(page)).toBe(true);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test("height messages from anyone but the widget's frame and origin are ignored", async ({ page }) => {
  await page.goto(`${WIKI}/wiki.html`);
  const frame = page.frameLocator("iframe[data-l5-selfcheck-frame]");
  await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
  // Settled: the app has taken over and the frame shows all of it.
  await expect(frame.locator("html[data-l5-ready]")).toHaveCount(1);
  await expect.poll(() => frameFits(page)).toBe(true);
  const before = await frameHeight(page);
  await page.evaluate(() => window.postMessage({ type: "l5-selfcheck:height", height: 7 }, "*"));
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  expect(await frameHeight(page)).toBe(before);

  // A frame whose origin the page does not allow stays at its default size.
  await page.goto(`${WIKI}/allowlist.html`);
  const strict = page.frameLocator("iframe[data-l5-selfcheck-frame]");
  await expect(strict.getByRole("heading", { level: 1 })).toBeVisible();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const style = await page.locator("iframe[data-l5-selfcheck-frame]").getAttribute("style");
  expect(style).toBeNull();
});

test("two script embeds on a hostile wiki page keep their own look and their own answers", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await watchCsp(page);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${WIKI}/wiki.html`);
  const a = page.locator('[data-l5-selfcheck][data-instance="wiki-a"]');
  const b = page.locator('[data-l5-selfcheck][data-instance="wiki-b"]');
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Quick check");
  await expect(b.getByRole("heading", { level: 1 })).toHaveText("What Senior engineer (L5) means");

  // The wiki hides every input and fieldset; inside the widget they still show.
  const radio = a.getByRole("group", { name: /I take a leading part in its design/ }).getByRole("radio", { name: "Usually" });
  await expect(radio).toBeVisible();
  await radio.check();
  await expect(a.getByRole("status").first()).toContainText("Saved");
  // The widget's styles do not leak: the wiki's own text keeps its font.
  expect(await page.locator("#wiki-text").evaluate((el) => getComputedStyle(el).fontFamily)).toContain("Georgia");

  // Navigating one widget leaves the other, and the page's address, alone.
  await a.getByRole("link", { name: "See the quick results" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Your results");
  await expect(b.getByRole("heading", { level: 1 })).toHaveText("What Senior engineer (L5) means");
  expect(new URL(page.url()).hash).toBe("");

  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.endsWith("/rev")).sort());
  expect(keys).toEqual(["l5-selfcheck/wiki-a/l5", "l5-selfcheck/wiki-a/~prefs"]);
  await page.reload();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Quick check");
  await expect(a.getByRole("group", { name: /I take a leading part in its design/ }).getByRole("radio", { name: "Usually" })).toBeChecked();

  expect(await violations(page)).toEqual([]);
  const outside = requests.filter((url) => !url.startsWith(WIKI) && !url.startsWith(WIDGET));
  expect(outside).toEqual([]);
  await expectNoAxeViolations(page);
});

test("a share link made in a script embed opens that widget's view of it", async ({ page, browser }) => {
  await page.goto(`${WIKI}/wiki.html`);
  const a = page.locator('[data-l5-selfcheck][data-instance="wiki-a"]');
  await a.getByRole("group", { name: /I take a leading part in its design/ }).getByRole("radio", { name: "Usually" }).check();
  await a.getByRole("link", { name: "See the quick results" }).click();
  await a.getByRole("link", { name: "Save, share and compare" }).click();
  const link = await a.getByLabel("Link to these answers").inputValue();
  expect(link).toMatch(new RegExp(`^${WIKI}/wiki\\.html#l5-wiki-a/shared/v2\\.`));
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const shared = other.locator('[data-l5-selfcheck][data-instance="wiki-a"]');
  await expect(shared.getByRole("heading", { level: 1 })).toHaveText("Answers shared with you");
  await expect(shared.getByRole("listitem").filter({ hasText: /I take a leading part in its design/ })).toContainText("Usually");
  // The other widget on the page is not addressed by the link.
  await expect(other.locator('[data-l5-selfcheck][data-instance="wiki-b"]').getByRole("heading", { level: 1 })).toHaveText("What Senior engineer (L5) means");
  await fresh.close();
});

test("the widget's own server forbids other sites to frame it", async ({ request }) => {
  const response = await request.get("./");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const widget = await request.get(WIDGET);
  expect(widget.headers()["content-security-policy"]).toContain(`frame-ancestors http://127.0.0.1:${new URL(WIKI).port}`);
});

test("a script embed takes no content file or settings from the page address, whatever its placeholder says", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.route((url) => url.origin === WIKI && url.pathname === "/crafted.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Crafted</title><script type="module" src="/tools/l5/embed.js"></script></head>
<body><main><h1>Wiki page</h1><div data-l5-selfcheck data-instance="crafted" data-mode="quick" data-content-from-url="true" data-config-from-url="true"></div></main></body></html>`,
    }),
  );
  await page.goto(`${WIKI}/crafted.html?content=/evil-ladder.json&mode=learn`);
  const widget = page.locator('[data-l5-selfcheck][data-instance="crafted"]');
  await expect(widget.getByRole("heading", { level: 1 })).toHaveText("Quick check");
  await expect(widget.getByRole("group", { name: /I take a leading part in its design/ })).toBeVisible();
  expect(requested.some((url) => new URL(url).pathname.endsWith("/evil-ladder.json"))).toBe(false);
});
