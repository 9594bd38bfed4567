import { expect, test, type Page, type Route } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

/** Holds the wasm download until `release()`: the prerendered page alone. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route("**/l5-selfcheck_bg.wasm", async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The widget's markup in a canonical form: sorted attributes and classes,
 *  form state as properties, no difference between parsed and built DOM. */
function canonical(page: Page) {
  return page.evaluate(() => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? "").trim() ? JSON.stringify(node.textContent) : "";
      if (node.nodeType !== Node.ELEMENT_NODE) return "";
      const el = node as HTMLElement;
      // The quick check prerendered beside the start page (early.spec.ts).
      if (el.getAttribute("data-l5-page") === "quick") return "";
      const attrs = [...el.attributes]
        .filter((a) => a.name !== "value" && a.name !== "checked" && a.name !== "data-l5-page")
        .map((a) => {
          if (a.name === "class") return `class=${[...el.classList].filter((c) => c !== "prerendered").sort().join(".")}`;
          // Boolean attributes: present is present, whatever the value.
          if (["novalidate", "open", "readonly", "disabled", "reversed"].includes(a.name)) return a.name;
          return `${a.name}=${a.value}`;
        })
        .sort();
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) attrs.push(`value:${el.value}`);
      if (el instanceof HTMLInputElement) attrs.push(`checked:${el.checked}`);
      return `<${el.tagName.toLowerCase()} ${attrs.join(" ")}>${[...el.childNodes].map(walk).join("")}</>`;
    };
    // Text the browser parsed as one node may be built as two: join them.
    const root = document.getElementById("l5-selfcheck")!.cloneNode(true) as HTMLElement;
    root.normalize();
    // (The clone lost form state: read it from the live elements.)
    const live = document.getElementById("l5-selfcheck")!.querySelectorAll("input, textarea");
    root.querySelectorAll("input, textarea").forEach((el, i) => {
      (el as HTMLInputElement).value = (live[i] as HTMLInputElement).value;
      if (el instanceof HTMLInputElement) el.checked = (live[i] as HTMLInputElement).checked;
    });
    return walk(root);
  });
}

test("the real start page is there before the wasm arrives, and the app takes over with the same markup and no shift", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Where do you stand today?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start the quick check" })).toBeVisible();
  await expect(page.locator(".prerendered:visible")).toHaveCount(1);
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(0);
  await expect(page).toHaveTitle("Senior engineer (L5) self-check");
  await expectNoAxeViolations(page);
  const prerendered = await canonical(page);

  release();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);
  await expect(page.locator(".prerendered")).toHaveCount(0);
  expect(await canonical(page)).toBe(prerendered);
  expect(await page.evaluate(() => (window as any).__shift)).toBe(0);
});

test("a returning visitor's start page changes its next step in place, without a shift", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  await app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Usually" }).check();
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("./#/");
  await page.reload();
  await expect(page.locator("html[data-l5-ready]")).toHaveCount(1);
  await expect(page.locator(".next-step .button.primary")).toHaveText("Resume the quick check");
  expect(await page.evaluate(() => (window as any).__shift)).toBe(0);
});

test("a deep link never shows the start page in between", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./#/check/impact");
  const start = page.getByRole("heading", { name: "Where do you stand today?" });
  await expect(start).toBeHidden();
  await expect(page.locator("html[data-l5-deep]")).toHaveCount(1);
  release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impact");
  await expect(start).toHaveCount(0);
  // A configured start page too.
  const again = await page.context().newPage();
  const hold = await holdWasm(again);
  await again.goto("./?mode=learn");
  await expect(again.getByRole("heading", { name: "Where do you stand today?" })).toBeHidden();
  hold();
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("What Senior engineer (L5) means");
});

test("a link clicked before the app is ready shows it is on its way, then takes effect", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await page.getByRole("link", { name: "Learn what the level means" }).click();
  await expect(page).toHaveURL(/#\/learn$/);
  await expect(page.locator("html[data-l5-opening]")).toHaveCount(1);
  await expect(page.locator(".prerendered[data-l5-page=start]")).toHaveCSS("opacity", "0.6");
  release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What Senior engineer (L5) means");
  await expect(page.locator("html[data-l5-opening]")).toHaveCount(0);
});

test("without WebAssembly the page says why in one sentence, and the ladder's text is still readable", async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as any).WebAssembly;
  });
  await page.goto("./");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(
    "The self-check cannot run here: this browser or page does not allow WebAssembly, which it needs. What the level asks is below.",
  );
  // The buttons that need the app are gone; the ladder's own text is there.
  await expect(page.getByRole("link", { name: "Start the quick check" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "What Senior engineer (L5) means" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Ownership" })).toBeVisible();
  await expect(page.getByText("Reading your service's error logs on a quiet morning")).toBeVisible();
  await expect(page.getByText("Pick one alert that woke someone up last month")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Ways to grow" }).first()).toBeVisible();
  await expect(page).toHaveTitle("What Senior engineer (L5) means");
  await expectNoAxeViolations(page);
});
