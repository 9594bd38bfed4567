import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const PRODUCTION = /runs in production without anyone else having to clean up after/;
const DESIGN = /take a leading part in its design/;

/** The header's link: the start page of the check that is open. */
async function home(page: Page) {
  await page.locator("header .app-name").click();
}

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
  await expect(page.locator(".whose")).toHaveText("check about Alex Kim");
  await expect(page).toHaveTitle("Alex Kim — Senior engineer (L5)");
  await expect(page).toHaveURL(/#\/p\/c[0-9a-z]+\/$/);
  // Statements read right for someone else.
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await expect(app.statement(/When their team designs a complex system, they take a leading part in its design/)).toBeVisible();
  await expect(page.getByText(/When my team designs a complex system/)).toHaveCount(0);
  await app.statement(DESIGN).getByRole("radio", { name: "Consistently" }).check();

  await home(page);
  await addCheck(page, "Bea Ortiz");
  await page.getByRole("link", { name: "The full check" }).click();
  await expect(app.heading()).toHaveText("Overview");
  await page.getByRole("link", { name: "Next: Responsibilities" }).click();
  await app.statement(/they make time to coach that engineer through it/).getByRole("radio", { name: "Sometimes" }).check();

  // Switching is one step from the start page; each keeps its place.
  await home(page);
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
  await home(page);
  await page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Bea Ortiz" }).click();
  await expect(page.locator(".next-step .button.primary")).toHaveText("Resume the full check");
  await expect(page.locator(".next-status")).toContainText("1 of 97 statements of the full check answered");

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
  await expect(page.locator(".whose")).toHaveText("check about <b>Kai</b> & co");
  await expect(page.locator(".l5-app b")).toHaveCount(0);
  await home(page);
  await addCheck(page, "<B>KAI</B> & CO");
  await expect(page.locator(".add-check .banner.error")).toContainText("There is already a check about “<b>Kai</b> & co”");
  await expectNoAxeViolations(page);
});

test("deleting one person's check asks first and can be undone", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  await addCheck(page, "Alex Kim");
  await page.getByRole("link", { name: "Start the quick check" }).click();
  await app.statement(DESIGN).getByRole("radio", { name: "Usually" }).check();
  await home(page);
  const switcher = page.getByRole("region", { name: "Whose check" });
  // Checks are deleted from one's own page, not from a page about someone.
  await expect(switcher.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await switcher.getByRole("link", { name: "Your own self-check" }).click();
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
  await app.open("#/");
  await page.getByRole("region", { name: "Whose check" }).getByRole("button", { name: "Delete… the check about Alex Kim" }).click();
  await page.getByRole("button", { name: "Yes, delete it" }).click();
  await page.reload();
  await app.open("#/");
  await page.getByRole("button", { name: "Restore the check about Alex Kim" }).click();
  await expect(page.getByRole("region", { name: "Whose check" }).getByRole("link", { name: "Alex Kim" })).toBeVisible();
  await expectNoAxeViolations(page);
});
