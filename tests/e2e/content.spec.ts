import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

test("another team's ladder runs from a same-origin content file", async ({ page }) => {
  const app = new SelfCheck(page);
  await page.goto("./?content=ladders/example-l3.json#/");
  await expect(page.getByRole("link", { name: /Engineer \(L3\) — example ladder/ })).toBeVisible();
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await expect(app.heading()).toHaveText("Delivery");
  // Its own three-step scale.
  const group = page.getByRole("group").filter({ has: page.getByRole("radio") }).first();
  await expect(group.getByRole("radio")).toHaveCount(4);
  await group.getByRole("radio").nth(2).check();
  await expect(page.getByRole("status")).toContainText("Saved");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain("l5-selfcheck/default/example-l3");
  expect(keys).not.toContain("l5-selfcheck/default/l5");
  await expectNoAxeViolations(page);
});

test("a broken content file shows a message naming the statement and field", async ({ page }) => {
  await page.goto("./?content=fixtures/duplicate-id-ladder.json");
  await expect(page.getByRole("heading", { name: "This self-check cannot start" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText('statement "delivery.finish-tasks", field "id": is used by two statements');
  await expectNoAxeViolations(page);
});

test("content from another site or a missing file is refused with a reason", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("./?content=https://elsewhere.invalid/ladder.json");
  await expect(page.getByRole("alert")).toContainText("is on another site");
  expect(requests.filter((url) => new URL(url).hostname !== "127.0.0.1")).toEqual([]);

  await page.goto("./?content=ladders/missing.json");
  await expect(page.getByRole("alert")).toContainText('"ladders/missing.json" could not be loaded (HTTP 404)');
});

test("answers to statements removed from the content are shown as retired", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem(
      "l5-selfcheck/default/l5",
      JSON.stringify({
        schema: 1, ladder: "l5", content_version: "2025.01.0", revision: 3, updated_at: 3,
        answers: {
          "impact.operational-plan": { rating: 2, changed_at: 1 },
          "impact.retired-idea": { rating: 3, note: "Led the <b>old</b> thing", changed_at: 2 },
        },
        resume: { mode: "full", section: "impact" },
      }),
    );
  });
  const app = new SelfCheck(page);
  await app.open("#/results/full");
  await expect(page.getByRole("heading", { name: "Kept from an earlier version of this ladder (1)" })).toBeVisible();
  const retired = page.locator(".retired li");
  await expect(retired).toContainText("impact.retired-idea: Consistently");
  await expect(retired).toContainText("Led the <b>old</b> thing");
  await expect(page.getByText("From the full check: 1 of 61 statements answered.")).toBeVisible();
});

test("settings from the URL pick the start page, theme and layout", async ({ page }) => {
  const app = new SelfCheck(page);
  await page.goto("./?mode=learn&section=impact&theme=dark&compact=true");
  await expect(app.heading()).toHaveText("Impact");
  await expect(page.getByText("Learn · section 3 of 10")).toBeVisible();
  await expect(page.locator("#l5-selfcheck")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("#l5-selfcheck")).toHaveClass(/compact/);
  // Forced dark on a light system: the dark colours apply.
  await page.emulateMedia({ colorScheme: "light" });
  const background = () => page.locator("#l5-selfcheck").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background()).toBe("rgb(21, 24, 28)");
  await page.goto("./?theme=light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe("rgb(255, 255, 255)");

  await page.goto("./?mode=quick");
  await expect(app.heading()).toHaveText("Overview");
  await expect(page).toHaveURL(/\?mode=quick$/);
});

test("a bad setting is named and the widget starts with the default", async ({ page }) => {
  const app = new SelfCheck(page);
  await page.goto("./?mode=fast&theme=purple&section=nope");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText('Setting "mode": "fast" is not quick, full or learn');
  await expect(alert).toContainText('Setting "theme": "purple" is not auto, light or dark');
  await expect(alert).toContainText('Setting "section": "nope" is not a section of this ladder');
  await expect(app.heading()).toHaveText("Where do you stand today?");
  await expectNoAxeViolations(page);
});
