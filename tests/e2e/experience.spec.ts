import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { QUICK, SelfCheck } from "./selfcheck";

// Positions on the scales: 0 Not yet, 1 Sometimes, 2 Usually, 3 Consistently,
// 4 Not sure (expectations); 0 Rarely ... 2 Often (the habit at the end).
const POSITIONS = [3, 2, 1, 2, 3, 4, 3, 0, 4, 2, 1, 0, 2];

// Computed by hand from POSITIONS: average on 0-3, counts of Not yet /
// Sometimes / Usually / Consistently, not scored, rated of the section's
// statements (expectations; the step counts add up to the rated ones).
const EXPECTED_TABLE: Record<string, string[]> = {
  Overview: ["3.0", "0", "0", "0", "1", "0", "1 of 1"],
  Responsibilities: ["1.7", "0", "1", "2", "0", "0", "3 of 3"],
  Impact: ["3.0", "0", "0", "0", "1", "1", "1 of 2"],
  Ownership: ["3.0", "0", "0", "0", "1", "0", "1 of 1"],
  Process: ["0.0", "1", "0", "0", "0", "0", "1 of 1"],
  Culture: ["Not answered", "0", "0", "0", "0", "1", "0 of 1"],
  Communication: ["2.0", "0", "0", "1", "0", "0", "1 of 1"],
  Growth: ["1.0", "0", "1", "0", "0", "0", "1 of 1"],
  Leadership: ["0.0", "1", "0", "0", "0", "0", "1 of 1"],
};

/**
 * Before: 84 key presses over ten pages (one section per page, with the
 * answer key open on each). Now the quick check is one page: the budget is
 * half of that.
 */
const KEY_BUDGET = 42;

test("the quick check in one sitting, keyboard only, within the key budget; then a reload and the results", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open();
  app.keys = 0;
  await app.followWithKeyboard("Start the quick check");
  await expect(app.heading()).toHaveText("Quick check");
  await expect(app.heading()).toBeFocused();
  for (const [index, [, statement]] of QUICK.entries()) {
    await app.answerWithKeyboard(statement, POSITIONS[index]);
  }
  await expect(page.getByRole("status").first()).toContainText("Saved (13 answered)");
  await app.followWithKeyboard("See the quick results");
  await expect(app.heading()).toHaveText("Your results");
  console.log(`quick check keyboard-only: ${app.keys} key presses (budget ${KEY_BUDGET})`);
  expect(app.keys).toBeLessThanOrEqual(KEY_BUDGET);
  // The progress bar has a name a screen reader can say.
  await page.goBack();
  await expect(page.getByRole("progressbar", { name: "13 of 13 statements answered" })).toBeVisible();

  await page.reload();
  await expect(app.statement(QUICK[12][1]).getByRole("radio", { name: "Often" })).toBeChecked();
  await app.open("#/results/quick");
  await expect(page.getByText("From the quick check: 13 of 13 statements answered.")).toBeVisible();
  expect(await app.resultsTable()).toEqual(EXPECTED_TABLE);

  // A section is named only from two rated answers or more: in the quick
  // check only Responsibilities has them, and it sits near the middle.
  await expect(page.getByText("Overview, Impact, Ownership, Process, Communication, Growth and Leadership rest on one rated answer each: too few to name as a strength or a growth area. The full check asks more in each.")).toBeVisible();
  await expect(page.locator(".strengths li")).toHaveCount(0);
  await expect(page.locator(".growth li")).toHaveCount(0);
  await expect(page.getByText("This rests on 10 rated answers of the 12 statements of this check.")).toBeVisible();
  const watchOuts = page.locator(".watch-out");
  await expect(watchOuts).toHaveCount(1);
  await expect(watchOuts).toContainText("it is held up waiting for me. (“Often”)");
  // The statements answered low, lowest first and, among equal answers,
  // the lowest section first (Growth 1.0 before Responsibilities 1.7),
  // each with its own ideas.
  const ideas = page.getByRole("region", { name: "Ideas for your lowest answers" }).locator(".ideas-list > li");
  await expect(ideas).toHaveCount(4);
  await expect(ideas.nth(0)).toContainText("I propose a fix sized to fit");
  await expect(ideas.nth(1)).toContainText("I write a proposal for it without being asked");
  await expect(ideas.nth(2)).toContainText("I try it in a small experiment");
  await expect(ideas.nth(3)).toContainText("I make time to coach them through it");
  await expect(page.getByRole("heading", { name: /Answered “Not sure \/ no chance yet” \(not scored\) \(2\)/ })).toBeVisible();
  // No verdict: the results never claim a level.
  await expect(page.getByText(/you are (an )?L5|you are not|passed|failed/i)).toHaveCount(0);

  // A "not sure" statement leads to what its section asks, in Learn.
  await page.getByRole("link", { name: "Learn: Culture" }).click();
  await expect(page.getByRole("heading", { name: "Culture" })).toBeFocused();
  await expect(page).toHaveURL(/#\/learn\/culture$/);
});

test("the same answer everywhere ranks no section above or below another", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  for (const [, statement] of QUICK.slice(0, 12)) {
    await app.statement(statement).getByRole("radio", { name: "Usually" }).check();
  }
  await app.open("#/results/quick");
  await expect(page.getByText("No section stands apart from the others")).toBeVisible();
  await expect(page.locator(".strengths")).toHaveCount(0);
  await expect(page.locator(".growth")).toHaveCount(0);
  await expect(page.getByText(/lowest-rated|lowest first/i)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Ideas for your lowest answers" })).toHaveCount(0);
  // Twelve of 92: the page says the picture rests on few answers.
  await app.open("#/results/full");
  await expect(page.getByText("This rests on 12 rated answers of the 92 statements of this check")).toBeVisible();
});

test("quick results lead to the full check at the first unanswered statement, keeping the quick answers", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  for (const [, statement] of QUICK) {
    await app.statement(statement).getByRole("radio").nth(1).check();
  }
  await app.open("#/results/quick");
  await page.getByRole("link", { name: "Continue with the full check" }).click();
  await expect(app.heading()).toHaveText("Overview");
  const first = app.statement(/it runs in production without anyone else/);
  await expect(first).toBeFocused();
  await expect(app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Sometimes" })).toBeChecked();
  await expect(page.getByRole("progressbar", { name: "13 of 97 statements answered" })).toBeVisible();
});

test("the start page shows one primary action that fits what was done", async ({ page }) => {
  const app = new SelfCheck(page);
  const primary = () => page.locator(".next-step .button.primary");
  await app.open();
  await expect(page.locator(".l5-app .button.primary")).toHaveCount(1);
  await expect(primary()).toHaveText("Start the quick check");

  await app.open("#/quick");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  await app.open();
  await expect(primary()).toHaveText("Resume the quick check");
  await expect(page.locator(".next-status")).toHaveText("1 of 13 quick statements answered.");

  await app.open("#/quick");
  for (const [, statement] of QUICK) {
    await app.statement(statement).getByRole("radio").first().check();
  }
  await app.open();
  await expect(primary()).toHaveText("Continue with the full check");
  await expect(page.locator(".l5-app .button.primary")).toHaveCount(1);
  await primary().click();
  await expect(app.heading()).toHaveText("Overview");
  await app.statement(/it runs in production without anyone else/).getByRole("radio", { name: "Usually" }).check();
  await app.open();
  await expect(primary()).toHaveText("Resume the full check");
  await expect(page.locator(".next-status")).toContainText("14 of 97 statements of the full check answered");
});

test("every deep link opens its page, and back and forward work", async ({ page }) => {
  const app = new SelfCheck(page);
  const links: [string, string][] = [
    ["#/", "Where do you stand today?"],
    ["#/quick", "Quick check"],
    ["#/check/impact", "Impact"],
    ["#/results", "Your results"],
    ["#/results/full", "Your results"],
    ["#/learn", "What Senior engineer (L5) means"],
    ["#/learn/ownership", "Ownership"],
    ["#/learn/ownership/rate", "Rate yourself: Ownership"],
    ["#/data", "Save, share and compare"],
  ];
  for (const [hash, heading] of links) {
    await app.open(hash);
    await expect(app.heading(), hash).toHaveText(heading);
  }
  await app.open("#/check/impact");
  await expect(page.locator("fieldset")).toHaveCount(22);
  // An older link to a quick-check section opens the quick check there.
  await app.open("#/quick/impact");
  await expect(app.heading()).toHaveText("Quick check");
  await expect(page.locator("fieldset")).toHaveCount(13);

  await app.open("#/check/impact");
  await page.getByRole("link", { name: "Next: Ownership" }).click();
  await expect(app.heading()).toHaveText("Ownership");
  await page.goBack();
  await expect(page).toHaveURL(/#\/check\/impact$/);
  await expect(app.heading()).toHaveText("Impact");
  await page.goForward();
  await expect(page).toHaveURL(/#\/check\/ownership$/);
  await expect(app.heading()).toHaveText("Ownership");
});

test("a deep link to a missing page says so and offers a way back", async ({ page }) => {
  const app = new SelfCheck(page);
  const cases: [string, string][] = [
    ["#/check/nope", "This check has no section called “nope”."],
    ["#/learn/nope", "There is no section called “nope” to learn about."],
    ["#/no/such/page", "There is no page at “#/no/such/page” in this browser."],
    ["#/p/c404/results", "There is no page at “#/p/c404/results” in this browser."],
  ];
  for (const [hash, message] of cases) {
    await app.open(hash);
    await expect(app.heading()).toHaveText("Page not found");
    await expect(page.getByRole("alert")).toHaveText(message);
    await page.getByRole("link", { name: "Go to the start page" }).click();
    await expect(app.heading()).toHaveText("Where do you stand today?");
  }
});

test("learn mode: a short check for one section that comes back to learning, and a way on at the end", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/learn");
  await expect(page.getByRole("navigation", { name: "Where next" }).getByRole("link", { name: "Take the quick check" })).toBeVisible();
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(app.heading()).toHaveText("Overview");
  await expect(page.getByRole("radio")).toHaveCount(0);
  await page.getByRole("link", { name: "Rate yourself on Overview" }).click();
  await expect(app.heading()).toHaveText("Rate yourself: Overview");
  await expect(page.locator("fieldset")).toHaveCount(4);
  await app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Sometimes" }).check();
  await page.getByRole("link", { name: "Next to learn: Responsibilities" }).click();
  await expect(app.heading()).toHaveText("Responsibilities");
  await expect(page).toHaveURL(/#\/learn\/responsibilities$/);
  // The last section ends with the ways in.
  await app.open("#/learn/complacency");
  await expect(page.getByRole("navigation", { name: "Where next" })).toBeVisible();
  await page.getByRole("link", { name: "Take the quick check" }).click();
  await expect(app.heading()).toHaveText("Quick check");
  await expect(app.statement(/I take a leading part in its design/).getByRole("radio", { name: "Sometimes" })).toBeChecked();
  // The header's title is a visible link home.
  const home = page.getByRole("link", { name: "Senior engineer (L5) · self-check" });
  await expect(home).toHaveCSS("text-decoration-line", "underline");
  await home.click();
  await expect(app.heading()).toHaveText("Where do you stand today?");
});

test("notes keep any text as text, count as the field does, and stay open when cleared", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/process");
  const group = app.statement(/I propose a fix sized to fit/);
  await group.getByText("Add a note (evidence)").click();
  const note = group.getByRole("textbox");
  const hostile = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script> **bold** 🙂';
  await note.fill(hostile);
  // The emoji counts two, as the browser's maxlength counts it.
  await expect(group.getByText(`${hostile.length} of 2000 characters`)).toBeVisible();
  await page.reload();
  await expect(app.statement(/I propose a fix sized to fit/).getByRole("textbox")).toHaveValue(hostile);
  expect(await page.evaluate(() => (window as any).__hacked)).toBeUndefined();
  await expect(page.locator("main img")).toHaveCount(0);

  const field = app.statement(/I propose a fix sized to fit/).getByRole("textbox");
  await field.fill("");
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await field.fill("🙂".repeat(1500));
  await expect(app.statement(/I propose a fix sized to fit/).getByText("2000 of 2000 characters")).toBeVisible();
  expect(await field.inputValue()).toBe("🙂".repeat(1000));
});

test("choosing an answer does not move the layout", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/impact");
  // Where each statement sits in the page (not the viewport, which moves
  // when the browser scrolls a radio into view).
  const boxes = () =>
    page.locator("fieldset").evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return [r.left + scrollX, r.top + scrollY, r.width, r.height];
      }),
    );
  const before = await boxes();
  await app.statement(/I decide how it will be tested before building/).getByRole("radio", { name: "Consistently" }).check();
  await expect(page.getByRole("status").first()).toContainText("Saved");
  expect(await boxes()).toEqual(before);
});

test("habits to avoid have their own scale, and 'not part of my role' is listed apart", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/complacency");
  const habit = app.statement(/I pick the familiar one without weighing/);
  for (const name of ["Rarely", "Sometimes", "Often", "Almost always", "Not sure / doesn't apply"]) {
    await expect(habit.getByRole("radio", { name, exact: true })).toHaveCount(1);
  }
  await expect(habit.getByRole("radio", { name: "Not yet" })).toHaveCount(0);
  // Enough answers elsewhere for the results to show the table.
  await app.open("#/quick");
  for (const [, text] of QUICK.slice(0, 8)) {
    await app.statement(text).getByRole("radio", { name: "Usually" }).check();
  }
  await app.open("#/check/leadership");
  const role = app.statement(/When my manager needs cover/);
  await role.getByRole("radio", { name: "Not part of my role" }).check();
  // Statements every senior engineer can do offer no such answer.
  await expect(app.statement(/I start on it without waiting/).getByRole("radio", { name: "Not part of my role" })).toHaveCount(0);
  await app.open("#/results/full");
  await expect(page.getByRole("heading", { name: "Answered “Not part of my role” (not scored) (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: /When my manager needs cover/ })).toBeVisible();
  expect((await app.resultsTable()).Leadership).toEqual(["Not answered", "0", "0", "0", "0", "1", "0 of 11"]);
});

test("the answer key is shown once, then starts collapsed", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/quick");
  const key = page.locator("details.scale-key").first();
  await expect(key).toHaveAttribute("open");
  await app.statement(QUICK[0][1]).getByRole("radio", { name: "Usually" }).check();
  // Not folded away under the person while they answer...
  await expect(key).toHaveAttribute("open");
  await app.open("#/check/impact");
  // ...but collapsed on the next page, and after a reload.
  await expect(page.locator("details.scale-key").first()).not.toHaveAttribute("open");
  await page.reload();
  await expect(page.locator("details.scale-key").first()).not.toHaveAttribute("open");
});

for (const [name, size] of [["A4", { width: 794, height: 1123 }], ["Letter", { width: 816, height: 1056 }]] as const) {
  test(`printed results fit ${name} and name the ladder, the check and the date`, async ({ page }) => {
    const app = new SelfCheck(page);
    // Enough answers, in enough sections, for the results to rank sections.
    await app.open("#/quick");
    for (const [, text] of QUICK.slice(0, 8)) {
      await app.statement(text).getByRole("radio", { name: "Usually" }).check();
    }
    await app.open("#/results/full");
    // The printable width of the page (1 cm margins each side).
    await page.setViewportSize({ width: size.width - 76, height: size.height });
    await page.emulateMedia({ media: "print" });
    const first = page.locator("main .print-header");
    await expect(first).toBeVisible();
    await expect(first).toContainText("Senior engineer (L5)");
    await expect(first).toContainText("Full check");
    await expect(first).toContainText(/\d{4}-\d{2}-\d{2}/);
    const wider = await page.evaluate(() =>
      [...document.querySelectorAll(".l5-app *")]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => el.tagName + "." + el.className),
    );
    expect(wider).toEqual([]);
    await expect(page.getByRole("columnheader", { name: "Rated" })).toBeVisible();
    const pdf = await page.pdf({ format: name, margin: { left: "1cm", right: "1cm", top: "1cm", bottom: "1cm" } });
    expect(pdf.length).toBeGreaterThan(10_000);
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`no WCAG 2.2 AA violations on any screen in the ${scheme} theme`, async ({ page }) => {
    // Ten screens, each checked by axe: a loaded 2-core machine needs more
    // than the default 30 s for all of them.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    const app = new SelfCheck(page);
    await app.open("#/quick");
    await app.statement(QUICK[2][1]).getByRole("radio", { name: "Usually" }).check();
    await app.statement(QUICK[3][1]).getByRole("radio", { name: /^Not sure/ }).check();
    await app.statement(QUICK[12][1]).getByRole("radio", { name: "Almost always" }).check();
    await page.getByLabel("Show a note field under each statement").check();
    for (const hash of ["#/", "#/quick", "#/check/impact", "#/results", "#/results/full", "#/learn", "#/learn/impact", "#/learn/impact/rate", "#/data", "#/check/nope"]) {
      await app.open(hash);
      await expectNoAxeViolations(page);
    }
  });
}
