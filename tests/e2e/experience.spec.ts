import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

// Positions on the L5 scale: 0 Not yet, 1 Sometimes, 2 Usually, 3 Consistently, 4 Not sure.
const QUICK_ANSWERS: [string, RegExp, number][] = [
  ["Overview", /I lead its design and see it through/, 3],
  ["Responsibilities", /I lead the projects that matter most/, 2],
  ["Impact", /I decide up front how it will be tested/, 1],
  ["Impact", /help my team decide what to work on first/, 2],
  ["Ownership", /know which major part of our systems I own/, 3],
  ["Ownership", /I step in to help fix it without being asked/, 4],
  ["Process", /follows our agreed way of working/, 0],
  ["Culture", /glad to see newer colleagues copy/, 4],
  ["Communication", /I write a design doc for others to review/, 2],
  ["Growth", /I help people across the organization learn/, 1],
  ["Leadership", /start on them without waiting to be asked/, 0],
  ["Watch-out: complacency", /mostly stuck to work I already know/, 2],
];

// Computed by hand from QUICK_ANSWERS: closest answer, average on 0-3,
// counts of Not yet / Sometimes / Usually / Consistently, not sure, answered.
// Impact averages 1.5: a tie between two steps goes to the lower one.
const EXPECTED_TABLE: Record<string, string[]> = {
  Overview: ["Consistently", "3.0", "0", "0", "0", "1", "0", "1 of 1"],
  Responsibilities: ["Usually", "2.0", "0", "0", "1", "0", "0", "1 of 1"],
  Impact: ["Sometimes", "1.5", "0", "1", "1", "0", "0", "2 of 2"],
  Ownership: ["Consistently", "3.0", "0", "0", "0", "1", "1", "2 of 2"],
  Process: ["Not yet", "0.0", "1", "0", "0", "0", "0", "1 of 1"],
  Culture: ["No rated answers", "\u2013", "0", "0", "0", "0", "1", "1 of 1"],
  Communication: ["Usually", "2.0", "0", "0", "1", "0", "0", "1 of 1"],
  Growth: ["Sometimes", "1.0", "0", "1", "0", "0", "0", "1 of 1"],
  Leadership: ["Not yet", "0.0", "1", "0", "0", "0", "0", "1 of 1"],
};

test("the quick check done with the keyboard alone, then a reload, then the results", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open();
  await app.followWithKeyboard("Start the quick check");
  await expect(app.heading()).toHaveText("Overview");
  await expect(app.heading()).toBeFocused();

  let section = "Overview";
  for (const [name, statement, position] of QUICK_ANSWERS) {
    if (name !== section) {
      await app.followWithKeyboard(new RegExp(`^Next: ${name}`));
      await expect(app.heading()).toHaveText(name);
      section = name;
    }
    await app.answerWithKeyboard(statement, position);
    await expect(page.getByRole("status")).toContainText("Saved");
  }
  await expect(page.getByText("12 of 12 statements answered")).toBeVisible();

  await page.reload();
  await expect(app.statement(/mostly stuck to work I already know/).getByRole("radio").nth(2)).toBeChecked();
  await app.followWithKeyboard(/^See your results$/);
  await expect(app.heading()).toHaveText("Your results");
  await expect(page.getByText("From the quick check: 12 of 12 statements answered.")).toBeVisible();
  expect(await app.resultsTable()).toEqual(EXPECTED_TABLE);

  const strengths = page.locator(".strengths li strong");
  await expect(strengths).toHaveText(["Overview", "Ownership", "Responsibilities", "Communication"]);
  await expect(page.locator(".growth h3")).toHaveText(["Process", "Leadership", "Growth"]);
  const watchOuts = page.locator(".watch-out");
  await expect(watchOuts).toHaveCount(1);
  await expect(watchOuts).toContainText("mostly stuck to work I already know");
  await expect(watchOuts).toContainText("Your answer: Usually");
  await expect(page.getByRole("heading", { name: /Answered “Not sure \/ no chance yet” \(2\)/ })).toBeVisible();
  // No verdict: the results never claim a level.
  await expect(page.getByText(/you are (an )?L5|you are not|passed|failed/i)).toHaveCount(0);

  // A "not sure" statement links back to itself.
  await page.getByRole("link", { name: /glad to see newer colleagues copy/ }).click();
  await expect(app.heading()).toHaveText("Culture");
  await expect(app.statement(/glad to see newer colleagues copy/)).toBeFocused();
});

test("the start page offers to resume a check with its progress", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick/impact");
  await app.statement(/help my team decide what to work on first/).getByRole("radio", { name: /^Usually/ }).check();
  await app.open("#/");
  await expect(page.getByText("You were on “Impact” in the quick check. 1 of 12 statements answered.")).toBeVisible();
  await page.getByRole("link", { name: "Resume the quick check" }).click();
  await expect(app.heading()).toHaveText("Impact");
  await expect(app.statement(/help my team decide/).getByRole("radio", { name: /^Usually/ })).toBeChecked();
});

test("the contents list shows each section's completion and jumps to it", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick/culture");
  await app.statement(/glad to see newer colleagues copy/).getByRole("radio", { name: /^Sometimes/ }).check();
  const contents = page.getByRole("navigation", { name: "Sections of this check" });
  await expect(contents.getByRole("link", { name: /Culture.*done, 1 of 1/ })).toHaveAttribute("aria-current", "page");
  await contents.getByRole("link", { name: /Ownership.*0 of 2/ }).click();
  await expect(app.heading()).toHaveText("Ownership");
  await expect(page.getByText("0 of 2 answered in this section")).toBeVisible();
});

test("every deep link opens its page, and back and forward work", async ({ page }) => {
  const app = new SelfCheck(page);
  const links: [string, string][] = [
    ["#/", "Where do you stand today?"],
    ["#/check/impact", "Impact"],
    ["#/quick/ownership", "Ownership"],
    ["#/results", "Your results"],
    ["#/results/full", "Your results"],
    ["#/results/quick", "Your results"],
    ["#/learn", "What Senior engineer (L5) means"],
    ["#/learn/ownership", "Ownership"],
  ];
  for (const [hash, heading] of links) {
    await app.open(hash);
    await expect(app.heading(), hash).toHaveText(heading);
  }
  await app.open("#/check/impact");
  await expect(page.locator("fieldset")).toHaveCount(12);
  await app.open("#/quick/impact");
  await expect(page.locator("fieldset")).toHaveCount(2);

  await page.getByRole("link", { name: "Next: Ownership" }).click();
  await expect(app.heading()).toHaveText("Ownership");
  await page.goBack();
  await expect(app.heading()).toHaveText("Impact");
  await page.goForward();
  await expect(app.heading()).toHaveText("Ownership");
});

test("a deep link to a missing section says so and offers a way back", async ({ page }) => {
  const app = new SelfCheck(page);
  const cases: [string, string][] = [
    ["#/check/nope", 'This check has no section called "nope".'],
    ["#/learn/nope", 'There is no section called "nope" to learn about.'],
    ["#/no/such/page", 'There is no page at "#/no/such/page".'],
  ];
  for (const [hash, message] of cases) {
    await app.open(hash);
    await expect(app.heading()).toHaveText("Page not found");
    await expect(page.getByRole("alert")).toHaveText(message);
    await page.getByRole("link", { name: "Go to the start page" }).click();
    await expect(app.heading()).toHaveText("Where do you stand today?");
  }
});

test("learn mode reads without rating and can start the check from a section", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/learn");
  await page.getByRole("link", { name: "Ownership" }).click();
  await expect(app.heading()).toHaveText("Ownership");
  await expect(page.getByRole("heading", { name: "What it looks like in practice" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
  await page.getByRole("link", { name: "Rate yourself on Ownership" }).click();
  await expect(page).toHaveURL(/#\/check\/ownership$/);
  await expect(app.heading()).toHaveText("Ownership");
});

test("notes keep any text as text, with a visible counter and a limit", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick/process");
  const group = app.statement(/follows our agreed way of working/);
  await group.getByText("Add a note (evidence)").click();
  const note = group.getByRole("textbox");
  const hostile = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script> **bold**';
  await note.fill(hostile);
  await expect(group.getByText(`${hostile.length} of 2000 characters`)).toBeVisible();
  await page.reload();
  await expect(app.statement(/follows our agreed way of working/).getByRole("textbox")).toHaveValue(hostile);
  expect(await page.evaluate(() => (window as any).__hacked)).toBeUndefined();
  await expect(page.locator("main img")).toHaveCount(0);

  const long = "x".repeat(2500);
  await app.statement(/follows our agreed way of working/).getByRole("textbox").fill(long);
  await expect(app.statement(/follows our agreed way of working/).getByText("2000 of 2000 characters")).toBeVisible();
});

test("choosing an answer does not move the layout", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/impact");
  const boxes = () => page.locator("fieldset").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
  const before = await boxes();
  await app.statement(/I decide up front how it will be tested/).getByRole("radio", { name: /^Consistently/ }).check();
  await expect(page.getByRole("status")).toContainText("Saved");
  expect(await boxes()).toEqual(before);
});

for (const width of [320, 1280]) {
  test(`at ${width} px wide no page scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const app = new SelfCheck(page);
    for (const hash of ["#/", "#/check/impact", "#/results/full", "#/learn", "#/learn/impact"]) {
      await app.open(hash);
      await app.expectNoHorizontalScroll();
    }
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`no WCAG 2.2 AA violations on any screen in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new SelfCheck(page);
    await app.open("#/quick/impact");
    await app.statement(/help my team decide/).getByRole("radio", { name: /^Usually/ }).check();
    await app.statement(/I decide up front/).getByRole("radio", { name: /^Not sure/ }).check();
    await app.open("#/quick/complacency");
    await app.statement(/mostly stuck to work/).getByRole("radio", { name: /^Consistently/ }).check();
    for (const hash of ["#/", "#/quick/impact", "#/results", "#/results/full", "#/learn", "#/learn/impact", "#/check/nope"]) {
      await app.open(hash);
      await expectNoAxeViolations(page);
    }
  });
}
