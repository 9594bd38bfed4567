import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";
import { SelfCheck } from "./selfcheck";

const FIRST = /I lead its design and see it through/;

test("an answer chosen with the keyboard alone is still chosen after a reload", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await app.answerWithKeyboard(FIRST, 1);
  await expect(page.getByRole("status")).toHaveText("Saved (1 answered)");
  await page.reload();
  const radios = app.statement(FIRST).getByRole("radio");
  await expect(radios.nth(1)).toBeChecked();
  await expect(radios.nth(0)).not.toBeChecked();
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
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  await expect(page.getByRole("alert")).toContainText("Your answers are not being saved");
  await expect(page.getByRole("alert")).toContainText("SecurityError");
  const radio = app.statement(FIRST).getByRole("radio", { name: /^Usually/ });
  await radio.check();
  await expect(radio).toBeChecked();
  await expectNoAxeViolations(page);
});
