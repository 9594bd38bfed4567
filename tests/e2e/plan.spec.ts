// After a check: ideas for the lowest answers, a plan with a next step,
// check-ins that keep the earlier answers and say which way each moved,
// and results that rank nothing from too few answers.
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { QUICK, SelfCheck } from "./selfcheck";

const WEEK = 7 * 24 * 3_600_000;
const T0 = Date.parse("2026-09-01T10:00:00Z");
// The quick check's Ownership statement, and its own first idea.
const OWNERSHIP = QUICK.findIndex(([section]) => section === "Ownership");
const IDEA = "Before you open your next change for review, check that each new behaviour has a test that fails without it.";

async function quickWith(app: SelfCheck, answer: (n: number) => string) {
  await app.open("#/quick");
  for (const [n, [, text]] of QUICK.entries()) {
    await app.statement(text).getByRole("radio", { name: answer(n), exact: true }).check();
  }
}

async function markdown(page: Page) {
  await page.goto("./#/data");
  await page.getByText("Make a summary (Markdown)").click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the summary (Markdown)" }).click(),
  ]);
  return readFile((await file.path())!, "utf8");
}

test("a low Ownership answer shows its own ideas; one picked as a focus with a next step is on the start page and in the Markdown after a reload", async ({ page }) => {
  const app = new SelfCheck(page);
  await quickWith(app, (n) => (n === OWNERSHIP ? "Not yet" : n === 12 ? "Rarely" : "Usually"));
  await app.open("#/results/quick");
  const ideas = page.getByRole("region", { name: /^Ideas for/ });
  const card = ideas.locator("li.card").filter({ hasText: QUICK[OWNERSHIP][1] });
  await expect(card).toContainText(IDEA);
  await card.getByText("Make this my focus").click();
  await card.getByLabel("My own next step:").check();
  await card.getByLabel("My next step").fill("Add a test for the <outage> of last week");
  await card.getByLabel("By when (optional)").fill("2027-01-31");
  await card.getByRole("button", { name: "Add to my plan" }).click();
  await expect(page.getByText("Added to the plan.")).toBeVisible();
  await page.reload();
  await app.open("#/");
  const plan = page.getByRole("region", { name: "Your focus" });
  await expect(plan).toContainText("Add a test for the <outage> of last week (by 2027-01-31)");
  await expect(plan).toContainText(QUICK[OWNERSHIP][1]);
  const text = await markdown(page);
  expect(text).toContain("Add a test for the \\<outage\\> of last week");
  expect(text).toContain(IDEA);
});

test("a focus past its date says so; Done… opens a form with the focus in it, Escape closes it and gives the focus back, and marking it done keeps what happened", async ({ page }) => {
  const app = new SelfCheck(page);
  await quickWith(app, (n) => (n === OWNERSHIP ? "Not yet" : n === 12 ? "Rarely" : "Usually"));
  await app.open("#/results/quick");
  const card = page.getByRole("region", { name: /^Ideas for/ }).locator("li.card").filter({ hasText: QUICK[OWNERSHIP][1] });
  await card.getByText("Make this my focus").click();
  await card.getByLabel("My own next step:").check();
  await card.getByLabel("My next step").fill("Pair on the flaky test");
  await card.getByLabel("By when (optional)").fill("2020-01-31");
  await card.getByRole("button", { name: "Add to my plan" }).click();
  await app.open("#/");
  const plan = page.getByRole("region", { name: "Your focus" });
  await expect(plan.locator(".overdue")).toHaveText("Overdue");
  const done = plan.getByRole("button", { name: /^Done… Pair on the flaky test/ });
  await done.focus();
  await page.keyboard.press("Enter");
  const outcome = plan.getByLabel("What happened? (optional; evidence for the next check)");
  await expect(outcome).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(outcome).toHaveCount(0);
  await expect(done).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Two flaky tests fixed together");
  await page.keyboard.press("Enter");
  await expect(page.getByText("What happened: Two flaky tests fixed together")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("finishing the quick check keeps that moment; nine weeks on, a check-in keeps the old answers and says which way each moved", async ({ page }) => {
  await page.clock.setFixedTime(T0);
  const app = new SelfCheck(page);
  await quickWith(app, (n) => (n === 12 ? "Rarely" : "Usually"));
  await app.open("#/data");
  const history = page.locator("ol.history li");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("2026-09-01");

  await page.clock.setFixedTime(T0 + 9 * WEEK);
  await app.open("#/");
  await expect(page.locator(".next-status")).toContainText("Your answers are from 2026-09-01, 9 weeks ago.");
  await expect(page.locator(".next-step .button.primary")).toHaveText("Start a check-in");
  await page.locator(".next-step .button.primary").click();
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Consistently" }).check();
  await app.statement(QUICK[12][1]).getByRole("radio", { name: "Often" }).check();
  await app.open("#/data");
  // The answers as they were stay in the history, dated when they were given.
  await expect(history.last()).toContainText("2026-09-01");
  await app.open("#/");
  await page.getByRole("link", { name: /^What moved since \d{4}-\d{2}-\d{2}$/ }).click();
  await expect(app.heading()).toHaveText(/^What moved since/);
  const good = page.getByRole("list").filter({ has: page.getByText(QUICK[0][1]) });
  await expect(good).toContainText("Usually → Consistently");
  await expect(page.getByRole("heading", { name: "Moved the good way (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Moved the other way (1)" })).toBeVisible();
  await expect(page.getByRole("list").filter({ has: page.getByText(QUICK[12][1]) })).toContainText("Rarely → Often");
  await expectNoAxeViolations(page);
});

test("with every answer \"not sure\", the results name no strength and point to learn mode", async ({ page }) => {
  const app = new SelfCheck(page);
  await quickWith(app, (n) => (n === 12 ? "Not sure / doesn't apply" : "Not sure / no chance yet"));
  await app.open("#/results/quick");
  const early = page.getByRole("region", { name: "Too early to read" });
  await expect(early).toContainText("0 rated answers so far");
  await expect(page.getByRole("heading", { name: /Strengths/ })).toHaveCount(0);
  await expect(early.getByRole("link", { name: "Ownership" })).toHaveAttribute("href", "#/learn/ownership");
  await expectNoAxeViolations(page);
});

test("a new hire with six rated answers in six sections and seven \"not sure\" is not labelled, and Learn comes first", async ({ page }) => {
  const app = new SelfCheck(page);
  // Rated: Overview, Responsibilities, Impact, Ownership, Process and
  // Communication, one answer each; the other seven "not sure".
  const rated = new Set([0, 1, 4, 6, 7, 9]);
  await quickWith(app, (n) => (rated.has(n) ? (n % 2 ? "Consistently" : "Not yet") : n === 12 ? "Not sure / doesn't apply" : "Not sure / no chance yet"));
  await app.open("#/results/quick");
  const early = page.getByRole("region", { name: "Too early to read" });
  await expect(early).toContainText("6 rated answers so far, and 7 answers not scored");
  await expect(page.getByRole("heading", { name: /Strengths/ })).toHaveCount(0);
  await expect(page.getByText(/Stronger than the rest|Where to grow/)).toHaveCount(0);
  const learn = page.locator(".actions .button.primary").first();
  await expect(learn).toHaveText("Learn what the open statements ask");
  await expect(learn).toHaveAttribute("href", /#\/learn\/[a-z]+$/);
  // Each "not sure" leads to what its section asks.
  await expect(page.getByRole("link", { name: "Learn: Culture" })).toHaveAttribute("href", "#/learn/culture");
  await expectNoAxeViolations(page);
});

test("a manager's check offers the answers in the third person", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  await page.getByLabel("Their name").fill("Sam Rivera");
  await page.getByRole("button", { name: "Add and open" }).click();
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await expect(page.getByText("They do this now and then, but it is not a habit yet.").first()).toBeVisible();
  await expect(page.getByText("I do this now and then, but it is not a habit yet.")).toHaveCount(0);
  await app.open(page.url().replace(/.*#/, "#").replace(/quick$/, "check/leadership"));
  await expect(app.statement(/When their manager needs cover/).getByRole("radio", { name: "Not part of their role" })).toHaveCount(1);
  await expect(page.getByRole("radio", { name: "Not part of my role" })).toHaveCount(0);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the plan, the ideas and what moved have no WCAG 2.2 AA violations at 390 px in the ${scheme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.clock.setFixedTime(T0);
    const app = new SelfCheck(page);
    await quickWith(app, (n) => (n === OWNERSHIP ? "Not yet" : n === 12 ? "Rarely" : "Usually"));
    await app.open("#/results/quick");
    const card = page.locator("li.card").filter({ hasText: QUICK[OWNERSHIP][1] }).first();
    await card.getByText("Make this my focus").click();
    await expectNoAxeViolations(page);
    await card.getByRole("button", { name: "Add to my plan" }).click();
    await page.clock.setFixedTime(T0 + 9 * WEEK);
    await app.open("#/");
    await expectNoAxeViolations(page);
    await page.locator(".next-step .button.primary").click();
    await app.statement(QUICK[0][1]).getByRole("radio", { name: "Consistently" }).check();
    await app.open("#/");
    await page.getByRole("link", { name: /^What moved since/ }).click();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });
}
