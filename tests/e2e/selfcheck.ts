import { expect, type Locator, type Page } from "@playwright/test";

/** A page object for the self-check: how a person reaches things. */
export class SelfCheck {
  constructor(readonly page: Page) {}

  async open(hash = "#/") {
    await this.page.goto("./" + hash);
    await expect(this.page.getByRole("main")).toBeVisible();
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The radio group of a statement, found by its text (the legend). */
  statement(text: string | RegExp): Locator {
    return this.page.getByRole("group", { name: text });
  }

  /** Presses Tab until `target` has focus; fails if it never does. */
  async tabTo(target: Locator, limit = 80) {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
  }

  /**
   * Answers a statement with the keyboard alone: Tab into its radio group
   * (focus lands on the first radio), then arrow keys to the wanted option.
   */
  async answerWithKeyboard(text: string | RegExp, position: number) {
    const group = this.statement(text);
    const radios = group.getByRole("radio");
    const checked = group.locator("input:checked");
    const target = (await checked.count()) > 0 ? checked : radios.first();
    await this.tabTo(target);
    if ((await checked.count()) === 0) await this.page.keyboard.press("Space");
    const current = await radios.evaluateAll((els) => els.findIndex((el) => (el as HTMLInputElement).checked));
    const key = position > current ? "ArrowRight" : "ArrowLeft";
    for (let i = 0; i < Math.abs(position - current); i++) await this.page.keyboard.press(key);
    await expect(radios.nth(position)).toBeChecked();
  }

  /** Follows a link with the keyboard: Tab to it, press Enter. */
  async followWithKeyboard(name: string | RegExp) {
    const link = this.page.getByRole("link", { name }).first();
    await this.tabTo(link);
    await this.page.keyboard.press("Enter");
  }

  /** No horizontal scroll at the current viewport width. */
  async expectNoHorizontalScroll() {
    const [scroll, client] = await this.page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
  }

  /** The results table as rows of cell texts, keyed by section. */
  async resultsTable(): Promise<Record<string, string[]>> {
    const table = this.page.getByRole("table", { name: /Answers by section/ });
    const rows = await table.locator("tbody tr").all();
    const result: Record<string, string[]> = {};
    for (const row of rows) {
      const cells = (await row.locator("th, td").allInnerTexts()).map((t) => t.trim());
      result[cells[0]] = cells.slice(1);
    }
    return result;
  }
}
