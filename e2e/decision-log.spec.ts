import Papa from "papaparse";

import { expect, expectNoA11yViolations, newUser, signIn, signUp, snap, test } from "./support/fixtures";
import { answerStep, createDecision, expectSaved } from "./support/workshop";

const DEMO = { email: "facilitator@levelset.test", password: "levelset-demo-2026" };

test.describe("decision log", () => {
  test("the team page searches notes, filters by level and status, and keeps the filters in the URL", async ({ page }) => {
    await signIn(page, DEMO);
    await expect(page.getByRole("heading", { level: 1, name: "Acme AI Platform" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Due for review" })).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "team-log");
    // The page fits the screen, with no sideways scroll (the chart's screen-reader table once made it 2 010 px wide),
    // and the due list shows whole titles (beside the date they were cut to a few letters).
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `at ${width} px`).toBe(0);
      const due = page.getByRole("region", { name: /^Due for review/ }).getByRole("link", { name: "Internal code-review assistant" });
      expect(await due.evaluate((a) => a.scrollWidth <= a.clientWidth && a.scrollHeight <= a.clientHeight), `at ${width} px`).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    // Full-text search reaches into notes ("reranker" is only in the billing bot's Level 0 note).
    await page.getByLabel("Search titles, use cases and notes").fill("reranker");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=reranker/);
    const list = page.getByRole("list", { name: "Decisions" });
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("link", { name: "Billing support chatbot" })).toBeVisible();

    // A shared filtered URL opens the same view.
    await page.goto(`/t/acme-ai-platform?final=finetune`);
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("link", { name: "Contract-clause extractor" })).toBeVisible();
    await expect(page.getByLabel("Final level")).toHaveValue("finetune");

    await page.goto(`/t/acme-ai-platform?status=draft`);
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expect(list.getByRole("link", { name: "Sales email tone assistant" })).toBeVisible();

    await page.goto(`/t/acme-ai-platform?q=no-such-thing-anywhere`);
    await expect(page.getByText("No decisions match these filters")).toBeVisible();
  });

  test("the CSV of the filtered log survives commas, quotes and newlines", async ({ page }) => {
    await signUp(page, newUser("csv"));
    await createDecision(page, 'Refunds, "fast" lane');
    await page.getByLabel("Notes for this step").fill('Line one, with a comma\nLine "two" with quotes');
    await expectSaved(page);
    const teamSlug = new URL(page.url()).pathname.split("/")[2]!;
    const response = await page.request.get(`/t/${teamSlug}/decisions.csv?q=refunds`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const parsed = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]!.title).toBe('Refunds, "fast" lane');
    expect(parsed.data[0]!.notes).toBe('constraints: Line one, with a comma\nLine "two" with quotes');
    expect(parsed.data[0]!.status).toBe("draft");
  });

  test("revisit with today's facts: a prefilled draft, linked both ways; recording it supersedes the old one", async ({ page }) => {
    await signUp(page, newUser("revisit"));
    await createDecision(page, "Search assistant");
    await answerStep(page, "constraints", { "constraints.eval_harness": "none", "constraints.change_velocity": "monthly" });
    await expectSaved(page);
    const oldUrl = page.url().replace(/\/steps\/constraints$/, "");
    await page.goto(`${oldUrl}/result`);
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The team’s decision" })).toBeVisible();

    await page.goto(oldUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Search assistant" })).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "decision-page");
    await page.getByRole("button", { name: "Revisit with today’s facts" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Start with constraints" })).toBeVisible();
    // Prefilled from the old answers.
    await expect(page.getByRole("radio", { name: "About monthly", exact: true })).toBeChecked();
    await answerStep(page, "constraints", { "constraints.eval_harness": "full" });
    await expectSaved(page);
    const newUrl = page.url().replace(/\/steps\/constraints$/, "");
    await page.goto(`${newUrl}/result`);
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The team’s decision" })).toBeVisible();

    await page.goto(oldUrl);
    await expect(page.getByText("Superseded", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: /^Superseded by Search assistant/ })).toBeVisible();
    await page.goto(newUrl);
    await expect(page.getByRole("listitem").filter({ hasText: /^Revisits Search assistant/ })).toBeVisible();
    // The history shows who changed what, before → after.
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await expect(page.getByText("No harness yet → A full harness")).toBeVisible();
  });

  test("archive hides a decision from the log until it is restored", async ({ page }) => {
    await signUp(page, newUser("archive"));
    await createDecision(page, "Old experiment");
    const url = page.url().replace(/\/steps\/constraints$/, "");
    const teamPath = new URL(url).pathname.split("/decisions/")[0]!;
    await page.goto(url);
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("button", { name: "Restore from archive" })).toBeVisible();
    await page.goto(teamPath);
    await expect(page.getByRole("link", { name: "Old experiment" })).toHaveCount(0);
    await page.goto(`${teamPath}?status=archived`);
    await expect(page.getByRole("link", { name: "Old experiment" })).toBeVisible();
    await page.goto(url);
    await page.getByRole("button", { name: "Restore from archive" }).click();
    await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
  });

  test("a non-member gets 404 on the log, a decision, its CSV and its steps", async ({ page, browser }) => {
    await signIn(page, DEMO);
    await page.getByRole("link", { name: "Contract-clause extractor" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Contract-clause extractor" })).toBeVisible();
    const decisionPath = new URL(page.url()).pathname;

    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    await signUp(stranger, newUser("outsider"));
    for (const path of [
      "/t/acme-ai-platform",
      "/t/acme-ai-platform?q=contract",
      decisionPath,
      `${decisionPath}/result`,
      `${decisionPath}/steps/constraints`,
    ]) {
      const response = await stranger.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    const csv = await stranger.request.get("/t/acme-ai-platform/decisions.csv");
    expect(csv.status()).toBe(404);
    expect(await csv.text()).not.toContain("Contract");
    await strangerContext.close();
  });
});
