import { expect, test } from "@playwright/test";
import { QUICK, SelfCheck } from "./selfcheck";

const WIDTHS = [320, 390, 768, 1280, 1440];

async function someAnswers(app: SelfCheck) {
  await app.open("#/quick");
  for (const [index, [, statement]] of QUICK.entries()) {
    await app.statement(statement).getByRole("radio").nth(index % 4).check();
  }
  await app.open("#/data");
  await app.page.getByRole("button", { name: "Save a snapshot" }).click();
  await app.open("#/check/overview");
  await app.statement(/it runs in production without anyone else/).getByRole("radio", { name: "Usually" }).check();
}

for (const width of WIDTHS) {
  test(`at ${width} px no page scrolls sideways and no text runs into other text`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const app = new SelfCheck(page);
    await someAnswers(app);
    await app.open("#/data");
    const snapshot = await page.getByRole("link", { name: /^Compare \d{4}-\d{2}-\d{2}( at \d{2}:\d{2})? with now$/ }).first().getAttribute("href");
    const shared = await page.getByLabel("Link to these answers").inputValue();
    for (const hash of ["#/", "#/quick", "#/check/impact", "#/check/leadership", "#/results/quick", "#/results/full", "#/learn", "#/learn/impact", "#/data", snapshot!, "#" + shared.split("#")[1]]) {
      await app.open(hash);
      await app.expectNoHorizontalScroll();
      expect(await app.overlappingText(), `${hash} at ${width} px`).toEqual([]);
    }
  });
}

test("at 390 px, after Next, the sticky header hides neither the heading nor the progress", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await expect(app.heading()).toHaveText("Responsibilities");
  await expect(app.heading()).toBeFocused();
  const header = (await page.locator(".app-bar").boundingBox())!;
  for (const target of [app.heading(), page.getByRole("progressbar"), page.locator(".check-name")]) {
    const box = (await target.boundingBox())!;
    expect(box.y, await target.textContent()).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
  }
});

test("a wide table scrolls inside its box, with its caption whole", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const app = new SelfCheck(page);
  // A manager's team table has seven columns: wider than a phone.
  await app.open("#/");
  await page.getByLabel("Their name").fill("Alex Kim");
  await page.getByRole("button", { name: "Add and open" }).click();
  await app.open("#/");
  const region = page.getByRole("region", { name: /Each person: their self-check/ });
  const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeGreaterThan(0);
  // The region is focusable, so the keyboard can scroll it.
  await expect(region).toHaveAttribute("tabindex", "0");
  // The caption wraps inside the visible width rather than being cut.
  const caption = page.locator(".team-table caption");
  const [captionBox, regionBox] = [(await caption.boundingBox())!, (await region.boundingBox())!];
  expect(captionBox.x + captionBox.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
  // The edge shows there is more to the right (a shadow is drawn).
  expect(await region.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("radial-gradient");
  await app.expectNoHorizontalScroll();
});
