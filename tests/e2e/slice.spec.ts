import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

test("an answer chosen with the keyboard alone is still chosen after a reload", async ({ page }) => {
  await page.goto("./");
  const first = page.getByRole("group").first();
  await expect(first).toBeVisible();
  const firstRadio = first.getByRole("radio").first();

  // Tab from the top of the page to the first radio group, then choose with arrows.
  await page.keyboard.press("Tab");
  for (let i = 0; i < 20 && !(await firstRadio.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(firstRadio).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  const second = first.getByRole("radio").nth(1);
  await expect(second).toBeChecked();
  await expect(page.getByRole("status")).toContainText("Saved");

  await page.reload();
  await expect(page.getByRole("group").first().getByRole("radio").nth(1)).toBeChecked();
  await expect(page.getByRole("group").first().getByRole("radio").first()).not.toBeChecked();
});

test("the page has no WCAG 2.2 AA violations", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("group").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("when storage is blocked the page still works and says answers are not saved", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto("./");
  await expect(page.getByRole("alert")).toContainText("not being saved");
  const radio = page.getByRole("group").first().getByRole("radio").first();
  await radio.check();
  await expect(radio).toBeChecked();
});
