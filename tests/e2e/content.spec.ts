import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

// A deployer's page that allows its address to name a content file.
const TEAM = "./teams/?content=";

test("another team's ladder runs from a same-origin content file, in its own words", async ({ page }) => {
  const app = new SelfCheck(page);
  await page.goto(`${TEAM}../ladders/example-l3.json#/`);
  await expect(page.getByRole("link", { name: /Engineer \(L3\) — example ladder/ })).toBeVisible();
  await expect(page.getByText("4 statements, from all 3 parts of the ladder, on one page. About 1 minute.")).toBeVisible();
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await expect(app.heading()).toHaveText("Quick check");
  // Its own three-step scale.
  const groups = page.getByRole("group").filter({ has: page.getByRole("radio") });
  await expect(groups.first().getByRole("radio")).toHaveCount(4);
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByRole("radio").nth(i % 3).check();
  await expect(page.getByRole("status").first()).toContainText("Saved");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain("l5-selfcheck/default/example-l3");
  expect(keys).not.toContain("l5-selfcheck/default/l5");
  await page.getByRole("link", { name: "See the quick results" }).click();
  await expect(app.heading()).toHaveText("Your results");
  // No word on the results belongs to the L5 ladder.
  const text = await page.locator("main").innerText();
  for (const word of ["L5", "senior", "Usually", "Consistently", "Not yet"]) expect(text, word).not.toContain(word);
  await expect(page).toHaveTitle("Engineer (L3) — example ladder self-check");
  await expectNoAxeViolations(page);
});

test("a broken content file lists every problem at once, each naming its place", async ({ page }) => {
  await page.goto(`${TEAM}../fixtures/five-mistakes-ladder.json`);
  await expect(page.getByRole("heading", { name: "This self-check cannot start" })).toBeVisible();
  const problems = page.locator(".problems li");
  await expect(page.getByText("The content file “../fixtures/five-mistakes-ladder.json” has 5 problems:")).toBeVisible();
  await expect(problems).toHaveCount(5);
  await expect(problems.nth(0)).toContainText('statement "delivery.finish-tasks": unknown field "qiuck"');
  await expect(problems.nth(1)).toContainText('statement "delivery.flag-early", field "id": is used by two statements');
  await expect(problems.nth(2)).toContainText('field "text": is missing');
  await expect(problems.nth(3)).toContainText('"influence" is not a section of this ladder');
  await expect(problems.nth(4)).toContainText('"role_dependent": needs a "not_my_role" answer');
  await expectNoAxeViolations(page);
});

test("content from another site or a missing file is refused with a reason", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${TEAM}https://elsewhere.invalid/ladder.json`);
  await expect(page.getByRole("alert")).toContainText("is on another site");
  expect(requests.filter((url) => new URL(url).hostname !== "127.0.0.1")).toEqual([]);

  await page.goto(`${TEAM}../ladders/missing.json`);
  await expect(page.getByRole("alert")).toContainText(
    // The address tried, not the path as typed.
    /"http:\/\/127\.0\.0\.1:\d+\/ladders\/missing\.json" could not be loaded \(HTTP 404\)/,
  );
});

test("answers to statements removed from the content are shown as retired, by what they asked, never by id", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem(
      "l5-selfcheck/default/l5",
      JSON.stringify({
        schema: 2, ladder: "l5", content_version: "2026.11.0", revision: 3, updated_at: 3,
        answers: {
          "impact.small-parts": { rating: 2, changed_at: 1 },
          "overview.production-ready": { rating: 3, changed_at: 1 },
          "impact.retired-idea": { rating: 3, note: "Led the <b>old</b> thing", changed_at: 2 },
        },
        resume: { mode: "full", section: "impact" },
      }),
    );
  });
  const app = new SelfCheck(page);
  await app.open("#/results/full");
  await expect(page.getByRole("heading", { name: "Kept from an earlier version of this ladder (2)" })).toBeVisible();
  const retired = page.locator(".retired li");
  await expect(retired).toContainText([
    "A statement of an earlier version of this ladder: Consistently",
    "“When I design, I choose small, loosely connected parts over one large system that is hard to change.”: Usually",
  ]);
  await expect(page.locator(".retired")).not.toContainText("impact.");
  await expect(retired.nth(0)).toContainText("Led the <b>old</b> thing");
  await expect(page.getByText("From the full check: 1 of 97 statements answered.")).toBeVisible();
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
  await expect(app.heading()).toHaveText("Quick check");
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
