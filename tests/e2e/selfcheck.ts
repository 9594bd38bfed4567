import { expect, type Locator, type Page } from "@playwright/test";

/** The quick check's statements, in page order, with the section they are in. */
export const QUICK: [string, RegExp][] = [
  ["Overview", /I take a leading part in its design/],
  ["Responsibilities", /I lead one of them/],
  ["Responsibilities", /I make time to coach/],
  ["Responsibilities", /I take on a real piece of its work/],
  ["Impact", /I order it by the business value of each item/],
  ["Impact", /I write a real share of its production code/],
  ["Ownership", /I add automated tests for it in the same change/],
  ["Process", /I propose a fix sized to fit/],
  ["Culture", /I make a mistake that affects others/],
  ["Communication", /I write a design doc for others to review/],
  ["Growth", /I try it in a small experiment before forming a view/],
  ["Leadership", /I write a proposal for it without being asked/],
  ["Watch-out: complacency", /it is held up waiting for me/],
];

/** The same statement as it reads about someone else ("they", "their"). */
export function they(statement: RegExp): RegExp {
  return new RegExp(statement.source.replace(/\bI\b/g, "they").replace(/\bmy\b/g, "their").replace(/\bme\b/g, "them"));
}

/** A page object for the self-check: how a person reaches things. */
export class SelfCheck {
  /** Keys pressed through this object since the last `resetKeys`. */
  keys = 0;

  constructor(readonly page: Page) {}

  async open(hash = "#/") {
    await this.page.goto("./" + hash);
    await expect(this.page.getByRole("main")).toBeVisible();
    // The app has replaced the prerendered page.
    await expect(this.page.locator("html[data-l5-ready]")).toHaveCount(1);
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The radio group of a statement, found by its text (the legend). */
  statement(text: string | RegExp): Locator {
    return this.page.getByRole("group", { name: text });
  }

  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }

  /** Presses Tab until `target` has focus; fails if it never does. */
  async tabTo(target: Locator, limit = 80) {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.press("Tab");
    }
    await expect(target).toBeFocused();
  }

  /**
   * Answers a statement with the keyboard alone: Tab into its radio group
   * (focus lands on the checked radio, or the first), then arrow keys to
   * the wanted option (an arrow key also checks it), or Space for the first.
   */
  async answerWithKeyboard(text: string | RegExp, position: number) {
    const group = this.statement(text);
    const radios = group.getByRole("radio");
    const checked = group.locator("input:checked");
    const target = (await checked.count()) > 0 ? checked : radios.first();
    await this.tabTo(target);
    const current = await radios.evaluateAll((els) => els.findIndex((el) => (el as HTMLInputElement).checked));
    const count = await radios.count();
    if (current === -1 && position === 0) {
      await this.press("Space");
    } else {
      // Arrow keys wrap around a radio group: go the shorter way.
      const from = Math.max(current, 0);
      const right = (position - from + count) % count;
      const left = count - right;
      for (let i = 0; i < Math.min(right, left); i++) await this.press(right <= left ? "ArrowRight" : "ArrowLeft");
    }
    await expect(radios.nth(position)).toBeChecked();
  }

  /** Follows a link with the keyboard: Tab to it, press Enter. */
  async followWithKeyboard(name: string | RegExp) {
    const link = this.page.getByRole("link", { name }).first();
    await this.tabTo(link);
    await this.press("Enter");
  }

  /** No horizontal scroll at the current viewport width. */
  async expectNoHorizontalScroll() {
    const [scroll, client] = await this.page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
  }

  /**
   * Pairs of elements whose text boxes overlap (text painted over text),
   * found from bounding boxes of the text itself, not screenshots.
   */
  async overlappingText(): Promise<string[]> {
    return this.page.evaluate(() => {
      const boxes: { text: string; r: DOMRect; el: Element }[] = [];
      const walker = document.createTreeWalker(document.querySelector(".l5-app") ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest("svg, .visually-hidden")) continue;
        // Not rendered (a closed <details>, display: none, hidden).
        if (!parent.checkVisibility({ visibilityProperty: true } as any)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width > 0 && r.height > 0) boxes.push({ text, r, el: parent });
        }
      }
      const found: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // More than a pixel or two of overlap both ways: text over text.
          if (x > 2 && y > 2 && boxes[i].el !== boxes[j].el) {
            found.push(`${boxes[i].text.slice(0, 30)} | ${boxes[j].text.slice(0, 30)}`);
          }
        }
      }
      return found;
    });
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

  /** What is stored for this widget's own check. */
  async stored(key = "l5-selfcheck/default/l5") {
    const text = await this.page.evaluate((key) => localStorage.getItem(key), key);
    return text ? JSON.parse(text) : null;
  }
}
