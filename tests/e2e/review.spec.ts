import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./a11y";
import { QUICK, SelfCheck } from "./selfcheck";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 8, 1, 9); // 2026-09-01
const OWN = "l5-selfcheck/default/l5";

async function statementIds(): Promise<string[]> {
  const ladder = JSON.parse(await readFile(new URL("../../dist/ladder.json", import.meta.url), "utf8"));
  return ladder.statements.map((s: { id: string }) => s.id);
}

/** A whole full check of one's own, ten notes, a check-in baseline nine
 *  weeks earlier, one focus done and one open. */
async function seedReview(page: Page) {
  const ids = await statementIds();
  await page.addInitScript(
    ({ ids, t0, key }) => {
      const now = t0 + 63 * 86_400_000;
      const answers: Record<string, object> = {};
      const then: Record<string, object> = {};
      ids.forEach((id, n) => {
        const rating = n % 4;
        answers[id] = { rating, changed_at: now - 1000 };
        then[id] = { rating: n % 7 === 0 ? Math.max(0, rating - 1) : rating, changed_at: t0 };
      });
      ids.filter((_, n) => n % 4 === 3).slice(0, 10).forEach((id, n) => {
        (answers[id] as any).note = `Evidence ${n + 1}: led the change and wrote it up for the team.`;
      });
      localStorage.setItem(
        key,
        JSON.stringify({
          schema: 4, ladder: "l5", content_version: "2026.12.2", revision: 3, updated_at: now,
          answers,
          resume: { mode: "full" },
          snapshots: [{ taken_at: t0, kind: "baseline", answers: then }],
          plan: [
            { id: t0 + 1000, statement: ids[1], step: "Write the test plan first", due: "2026-10-01", status: "done", outcome: "Used it on the billing work", changed_at: t0 + 20 * 86_400_000 },
            { id: t0 + 2000, statement: ids[5], step: "Pair on the next design review", status: "active", changed_at: t0 + 2000 },
          ],
        }),
      );
    },
    { ids, t0: T0, key: OWN },
  );
  await page.clock.setFixedTime(T0 + 63 * DAY);
}

test("a summary for a review: strengths with their evidence, what moved since the check-in, the plan with its dates; ideas last or left out", async ({ page }) => {
  await seedReview(page);
  const app = new SelfCheck(page);
  await app.open("#/data");
  // Its code arrives when the fold opens.
  await page.getByText("Make a summary (Markdown)").click();
  await expect(page.getByLabel("Say what moved since")).toHaveValue(String(T0));
  await expect(page.locator(".file-holds").last()).toContainText("what moved since the moment chosen");
  const download = async () => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the summary (Markdown)" }).click(),
    ]);
    return readFile((await file.path())!, "utf8");
  };
  const md = await download();
  expect(md).toContain("### Answered “Consistently”");
  expect(md).toMatch(/— Evidence 1: led the change/);
  expect(md).toContain("## What moved since 2026-09-01 (before a check-in)");
  expect(md).toContain("Write the test plan first, by 2026-10-01 — done on 2026-09-21: Used it on the billing work");
  expect(md).toContain("Pair on the next design review — in progress");
  const headings = md.split("\n").filter((l) => l.startsWith("## "));
  expect(headings[headings.length - 1]).toBe("## Ideas for growth");

  await page.getByLabel("End with ideas for growth").uncheck();
  await page.getByLabel("Say what moved since").selectOption("");
  const without = await download();
  expect(without).not.toContain("Ideas for growth");
  expect(without).not.toContain("What moved since");
  expect(without).toContain("Evidence 10");
  await expectNoAxeViolations(page);
});

test("the printed results of a full check with ten notes fit two A4 pages, show every note and no form control", async ({ page }) => {
  await seedReview(page);
  const app = new SelfCheck(page);
  await app.open("#/results/full");
  const notes = page.getByRole("heading", { name: "Notes and evidence (10)" });
  await expect(notes).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(notes).toBeVisible();
  await expect(page.getByText("Evidence 10: led the change")).toBeVisible();
  // No control of any kind on paper.
  for (const role of ["button", "checkbox", "radio", "textbox", "combobox"] as const) {
    const visible = await page.getByRole(role).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
    expect(visible, role).toBe(0);
  }
  await expect(page.locator(".ideas")).toBeHidden();
  const pdf = await page.pdf({ format: "A4", margin: { top: "1cm", bottom: "1cm", left: "1cm", right: "1cm" } });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`printed results of a full check with ten notes: ${pages} A4 pages`);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(2);
  // The ideas print when asked for.
  await page.emulateMedia({ media: "screen" });
  await page.getByLabel("Print the ideas for growth too").check();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".ideas")).toBeVisible();
});

test("a check-in says so on the check pages, with its baseline and how many changed, and links to what moved", async ({ page }) => {
  await seedReview(page);
  const app = new SelfCheck(page);
  await app.open("#/check/overview");
  const note = page.locator(".check-in-note");
  await expect(note).toContainText("Check-in.");
  await expect(note).toContainText("the answers of 2026-09-01");
  const changed = Number((await note.textContent())!.match(/(\d+) answers? changed so far/)![1]);
  expect(changed).toBeGreaterThan(0);
  await note.getByRole("link", { name: "What moved since 2026-09-01" }).click();
  await expect(app.heading()).toHaveText("What moved since 2026-09-01");
  await expectNoAxeViolations(page);
});

test("a focus is edited in place with Undo, and an empty step is refused beside the plan", async ({ page }) => {
  await seedReview(page);
  const app = new SelfCheck(page);
  await app.open("#/");
  const plan = page.getByRole("region", { name: "Your focus" });
  const edit = plan.getByRole("button", { name: /^Edit… Pair on the next design review/ });
  await edit.click();
  const step = plan.getByLabel("Next step", { exact: true });
  await expect(step).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(edit).toBeFocused();
  await edit.click();
  await step.fill("");
  await plan.getByRole("button", { name: "Save the focus" }).click();
  await expect(plan.getByText("Write a next step, or drop the focus.")).toBeVisible();
  await step.fill("Lead the next design review");
  await plan.getByLabel("By when (optional)").fill("2026-12-15");
  await plan.getByLabel("Who could help (optional)").fill("Priya");
  await plan.getByRole("button", { name: "Save the focus" }).click();
  await expect(plan).toContainText("Lead the next design review (by 2026-12-15, with Priya)");
  await expect(edit).toHaveCount(0);
  const undo = page.getByRole("region", { name: "Changes you can undo" });
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(plan).toContainText("Next step: Pair on the next design review");
  await page.reload();
  await expect(plan).toContainText("Next step: Pair on the next design review");
  await expectNoAxeViolations(page);
});

/** A manager's own empty check and three people: Jo with both views and
 *  an overdue agreed action, Kim rated without a self-check, Sam new. */
async function seedTeam(page: Page) {
  const ids = await statementIds();
  await page.addInitScript(
    ({ ids, t0, key }) => {
      const rate = (pick: (n: number) => number | null) =>
        Object.fromEntries(ids.flatMap((id, n) => (pick(n) === null ? [] : [[id, { rating: pick(n), changed_at: t0 }]])));
      const doc = (subject: string, extra: object) =>
        JSON.stringify({ schema: 4, ladder: "l5", content_version: "2026.12.2", revision: 1, updated_at: t0, subject, rater: { name: "Alex" }, answers: {}, ...extra });
      localStorage.setItem(`${key}/check/c1`, doc("Jo Chen", {
        answers: rate((n) => (n < 40 ? 1 : null)),
        beside: { received_at: t0, updated_at: t0 - 86_400_000, from: "jo.json", subject: "Jo Chen", answers: rate((n) => (n < 40 ? 3 : null)) },
        plan: [{ id: t0 + 5, statement: ids[0], step: "Lead the design review", due: "2026-09-15", status: "active", origin: "Agreed in the 1:1 of 2026-09-01", changed_at: t0 + 5 }],
      }));
      localStorage.setItem(`${key}/check/c2`, doc("Kim Park", { answers: rate((n) => (n < 10 ? 2 : null)), updated_at: t0 + 86_400_000 }));
      localStorage.setItem(`${key}/check/c3`, doc("Sam Rivera", {}));
    },
    { ids, t0: T0, key: OWN },
  );
  await page.clock.setFixedTime(T0 + 30 * DAY);
}

test("a manager's start page shows the team: each person's self-check, 1:1, actions, largest gap and next step, sortable, in Markdown", async ({ page }) => {
  await seedTeam(page);
  const app = new SelfCheck(page);
  await app.open("#/");
  const team = page.getByRole("region", { name: "Your team" });
  // With nothing in their own check, the team comes before their next step.
  const order = await page.locator(".team, .next-step").evaluateAll((els) => els.map((e) => e.className));
  expect(order[0]).toContain("team");
  const rows = team.locator("tbody tr");
  await expect(rows.locator("th")).toHaveText(["Jo Chen", "Kim Park", "Sam Rivera"]);
  const jo = rows.nth(0);
  await expect(jo).toContainText("2026-08-31");
  await expect(jo).toContainText("1 open, 1 overdue");
  await expect(jo).toContainText("their self-check 2.0 higher");
  await expect(jo.getByRole("link", { name: /Follow up on 1 agreed action past its date/ })).toHaveAttribute("href", /#\/p\/c1\/$/);
  await expect(rows.nth(1).getByRole("link", { name: /Ask for their self-check file/ })).toHaveAttribute("href", "#/p/c2/data");
  await expect(rows.nth(2).getByRole("link", { name: /Rate what you see/ })).toHaveAttribute("href", "#/p/c3/quick");
  // Sorting: the longest unchanged first; the column says which way.
  await team.getByRole("button", { name: "Last change" }).click();
  await expect(team.locator("th[aria-sort]")).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.locator("th")).toHaveText(["Jo Chen", "Sam Rivera", "Kim Park"]);
  await team.getByRole("button", { name: "Agreed actions" }).click();
  await expect(rows.first().locator("th")).toHaveText("Jo Chen");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    team.getByRole("button", { name: "Download the team table (Markdown)" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("l5-selfcheck-team-2026-10-01.md");
  const md = await readFile((await file.path())!, "utf8");
  expect(md).toContain("| Jo Chen | 2026-08-31 |");
  expect(md).toContain("| Sam Rivera | not yet |");
  await expectNoAxeViolations(page);
  // On paper: the team table only, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(team).toBeVisible();
  await expect(page.getByRole("region", { name: "Whose check" })).toBeHidden();
  await expect(team.getByRole("button", { name: "Print the team table" })).toBeHidden();
});

test("a new hire can say so on the start page and is taken to Learn first", async ({ page }) => {
  const app = new SelfCheck(page);
  await app.open("#/");
  await page.getByRole("link", { name: "I am new here: learn first" }).click();
  await expect(page).toHaveURL(/#\/learn$/);
  await expect(app.heading()).toHaveText(/means$/);
});

test("at 390 px the results table reads row by row: every column of a section without scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const app = new SelfCheck(page);
  await app.open("#/quick");
  for (const [, text] of QUICK) {
    await app.statement(text).getByRole("radio").first().check();
  }
  await app.open("#/results/quick");
  const region = page.getByRole("region", { name: /Answers by section/ });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const first = page.locator(".results-table tbody tr").first();
  for (const label of ["Average", "Not scored", "Rated"]) {
    await expect(first.locator(`td[data-label="${label}"]`)).toBeVisible();
  }
  await app.expectNoHorizontalScroll();
  await expectNoAxeViolations(page);
});

test("a file about someone else than the open check says so before anything is kept", async ({ page }) => {
  await seedTeam(page);
  const ids = await statementIds();
  const app = new SelfCheck(page);
  await app.open("#/p/c2/data");
  const jos = {
    schema: 4, ladder: "l5", content_version: "2026.12.2", revision: 1, updated_at: T0,
    subject: "Jo Chen", answers: { [ids[0]]: { rating: 3, changed_at: T0 } },
  };
  await page.getByLabel("Choose an export file (.json)").setInputFiles({
    name: "jo.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(jos)),
  });
  const take = page.getByRole("group", { name: "What to do with these answers" });
  await expect(take).toContainText("This file is about Jo Chen, not Kim Park, whose check is open.");
  await expect(take.locator(".button.primary")).toHaveText("Use as Jo Chen’s self-check");
});
