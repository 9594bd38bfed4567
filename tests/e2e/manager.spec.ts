import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const PRODUCTION = /runs in production without anyone else having to clean up after/;
const DESIGN = /take a leading part in its design/;

async function addCheck(page: Page, name: string, rater = "") {
  await page.getByLabel("Their name").fill(name);
  await page.getByLabel(/Your name as the one rating/).fill(rater);
  await page.getByRole("button", { name: "Add and open" }).click();
}

test("a manager keeps a check for two people beside their own, each with its own answers and resume point", async ({ page }) => {
  const app = new SelfCheck(page);
  // The manager's own self-check first.
  await app.open("#/check/overview");
  await app.statement(/it runs in production without anyone else/).getByRole("radio", { name: "Usually" }).check();
  const own = await app.stored();

  await app.open("#/");
  await addCheck(page, "Alex Kim", "Sam");
  await expect(app.heading()).toHaveText("Where does Alex Kim stand today?");
  await expect(page.locator(".whose")).toHaveText("Rating: Alex Kim");
  await expect(page).toHaveTitle("Alex Kim — Senior engineer (L5)");
  await expect(page).toHaveURL(/#\/p\/c[0-9a-z]+\/$/);
  // Statements read right for someone else.
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await expect(app.statement(/When their team designs a complex system, they take a leading part in its design/)).toBeVisible();
  await expect(page.getByText(/When my team designs a complex system/)).toHaveCount(0);
  await app.statement(DESIGN).getByRole("radio", { name: "Consistently" }).check();

  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await addCheck(page, "Bea Ortiz");
  await page.getByRole("link", { name: "The full check" }).click();
  await expect(app.heading()).toHaveText("Overview");
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await app.statement(/they make time to coach that engineer through it/).getByRole("radio", { name: "Sometimes" }).check();

  // Switching is one step from the start page; each keeps its place.
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  const switcher = page.getByRole("region", { name: "Whose check" });
  await expect(switcher.getByRole("link")).toHaveText(["Your own self-check", "Alex Kim", "Bea Ortiz"]);
  // Counts are read again when the switcher shows, not kept from before.
  await expect(switcher.locator("li", { hasText: "Alex Kim" })).toContainText("1 answered");
  await expect(switcher.locator("li", { hasText: "Bea Ortiz" })).toContainText("1 answered");
  await expect(switcher.getByRole("link", { name: "Bea Ortiz" })).toHaveAttribute("aria-current", "page");
  await switcher.getByRole("link", { name: "Alex Kim" }).click();
  await expect(page.locator(".next-step .button.primary")).toHaveText("Resume the quick check");
  await page.locator(".next-step .button.primary").click();
  await expect(app.statement(DESIGN).getByRole("radio", { name: "Consistently" })).toBeChecked();
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Bea Ortiz" }).click();
  await expect(page.locator(".next-step .button.primary")).toHaveText("Resume the full check");
  await expect(page.locator(".next-status")).toContainText("1 of 95 statements of the full check answered");

  // The manager's own self-check is untouched.
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Your own self-check" }).click();
  await expect(app.heading()).toHaveText("Where do you stand today?");
  await expect(page.locator(".whose")).toHaveCount(0);
  expect((await app.stored()).answers).toEqual(own.answers);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.endsWith("/rev") && !k.endsWith("/~prefs")).sort());
  expect(keys).toHaveLength(3);
  expect(keys[0]).toBe("l5-selfcheck/default/l5");
  await expectNoAxeViolations(page);
});

test("names that are empty, too long, repeated or hide text direction are refused; markup shows as text", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  const problem = page.locator(".add-check .banner.error");
  await addCheck(page, "   ");
  await expect(problem).toHaveText("The name is empty.");
  await addCheck(page, "Alex\u202Egnp.exe");
  await expect(problem).toHaveText("The name holds control or text-direction characters.");
  await page.getByLabel("Their name").evaluate((el: HTMLInputElement) => el.removeAttribute("maxlength"));
  await addCheck(page, "x".repeat(61));
  await expect(problem).toHaveText("The name has 61 characters; the most is 60.");
  await addCheck(page, "<b>Kai</b> & co");
  await expect(page.locator(".whose")).toHaveText("Rating: <b>Kai</b> & co");
  await expect(page.locator(".l5-app b")).toHaveCount(0);
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await addCheck(page, "<B>KAI</B> & CO");
  await expect(page.locator(".add-check .banner.error")).toContainText("There is already a check about “<b>Kai</b> & co”");
  await expectNoAxeViolations(page);
});

test("a report's self-check, imported, sits beside the manager's view of them, labelled with both names", async ({ page, browser }) => {
  // The report's own browser: their self-check, with a note, exported.
  const reportContext = await browser.newContext();
  const report = new SelfCheck(await reportContext.newPage());
  await report.open("#/check/overview");
  await report.statement(PRODUCTION).getByRole("radio", { name: "Consistently" }).check();
  await report.statement(DESIGN).getByRole("radio", { name: "Consistently" }).check();
  await report.statement(PRODUCTION).getByText("Add a note (evidence)").click();
  await report.statement(PRODUCTION).getByRole("textbox").fill("No rollbacks this quarter.");
  await report.open("#/data");
  await report.page.getByLabel("Your name (optional)").fill("Alex Kim");
  await report.page.getByRole("button", { name: "Save the names" }).click();
  const [file] = await Promise.all([
    report.page.waitForEvent("download"),
    report.page.getByRole("button", { name: "Download the answers (JSON)" }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^l5-selfcheck-l5-alexkim-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = await readFile((await file.path())!, "utf8");
  expect(JSON.parse(exported).subject).toBe("Alex Kim");
  await reportContext.close();

  // The manager's browser: their view of Alex.
  const app = new SelfCheck(page);
  await app.open("#/");
  await addCheck(page, "Alex Kim", "Sam");
  await page.getByRole("link", { name: "The full check" }).click();
  await app.statement(PRODUCTION).getByRole("radio", { name: "Sometimes" }).check();
  await app.statement(DESIGN).getByRole("radio", { name: "Not yet" }).check();
  await app.statement(DESIGN).getByText("Add a note (evidence)").click();
  await app.statement(DESIGN).getByRole("textbox").fill("Design of the queue was mostly Kai's.");
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await page.getByRole("link", { name: "Save, share and compare" }).click();
  await page.getByLabel("Choose an export file (.json)").setInputFiles({
    name: "alex.json", mimeType: "application/json", buffer: Buffer.from(exported),
  });
  const take = page.getByRole("group", { name: "What to do with these answers" });
  await expect(take).toContainText("Alex Kim’s self-check: 2 answers");
  // Someone with a check here already: asked, never merged silently.
  await expect(take).toContainText("A check about “Alex Kim” is already in this browser.");
  // Their self-check may sit beside the manager's view of them.
  await expect(take.getByLabel("Add them as a check about")).toHaveValue("Alex Kim");
  await take.getByRole("button", { name: "Add as a new check" }).click();
  await expect(page.locator(".whose")).toHaveText("Rating: Alex Kim (self-check)");
  // Back to the manager's view, and compare with the self-check.
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Alex Kim", exact: true }).click();
  await page.getByRole("link", { name: "Save, share and compare" }).click();
  await page.getByRole("link", { name: "Compare with the check about Alex Kim (self-check)" }).click();
  await expect(app.heading()).toHaveText("Alex Kim (rated by Sam) and Alex Kim (self-check), side by side");
  const openers = page.locator(".openers li");
  await expect(openers).toHaveText([
    /Alex Kim \(self-check\) rated this higher than Alex Kim \(rated by Sam\) did: When their team designs a complex system/,
    /Alex Kim \(self-check\) rated this higher than Alex Kim \(rated by Sam\) did/,
  ]);
  const differences = page.locator("ul.differences:not(.one-sided) li");
  await expect(differences.first()).toContainText("3 steps apart");
  await expect(differences.first()).toContainText("Design of the queue was mostly Kai's.");
  await expect(differences.nth(1)).toContainText("2 steps apart");
  await expect(differences.nth(1)).toContainText("No rollbacks this quarter.");
  await expectNoAxeViolations(page);
  // A reload keeps it: both sides are checks in this browser.
  await page.reload();
  await expect(app.heading()).toHaveText("Alex Kim (rated by Sam) and Alex Kim (self-check), side by side");
  await expect(page.locator(".openers li")).toHaveCount(2);
  // And it prints and downloads.
  const [md] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download (Markdown)" }).click()]);
  const text = await readFile((await md.path())!, "utf8");
  expect(text).toContain("Alex Kim (rated by Sam) and Alex Kim (self-check)");
  expect(text).toContain("No rollbacks this quarter.");
});

test("deleting one person's check asks first and can be undone", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  await addCheck(page, "Alex Kim");
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await app.statement(DESIGN).getByRole("radio", { name: "Usually" }).check();
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  const switcher = page.getByRole("region", { name: "Whose check" });
  await switcher.getByRole("button", { name: "Delete… the check about Alex Kim" }).click();
  const confirm = page.getByRole("group", { name: "Confirm deleting the check about Alex Kim" });
  await confirm.getByRole("button", { name: "Yes, delete it" }).click();
  // Back on the person's own check, told what happened, with Undo.
  await expect(app.heading()).toHaveText("Where do you stand today?");
  const notice = page.getByRole("region", { name: "Changes you can undo" });
  await expect(notice).toContainText("The check about “Alex Kim” was deleted.");
  await expect(notice).toBeFocused();
  await expect(switcher.getByRole("link", { name: "Alex Kim" })).toHaveCount(0);
  await expect(switcher.getByRole("button", { name: "Restore the check about Alex Kim" })).toBeVisible();
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toContainText("Undone: the check about “Alex Kim” is back.");
  await switcher.getByRole("link", { name: "Alex Kim" }).click();
  await page.getByRole("link", { name: "Resume the quick check" }).click();
  await expect(app.statement(DESIGN).getByRole("radio", { name: "Usually" })).toBeChecked();

  // Deleted again, and still restorable after a reload.
  await page.getByRole("link", { name: "Senior engineer (L5) · self-check" }).click();
  await page.getByRole("region", { name: "Whose check" }).getByRole("button", { name: "Delete… the check about Alex Kim" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.reload();
  await app.open("#/");
  await page.getByRole("button", { name: "Restore the check about Alex Kim" }).click();
  await expect(page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Alex Kim" })).toBeVisible();
  await expectNoAxeViolations(page);
});
