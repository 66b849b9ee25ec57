import { gfmFromMarkdown } from "mdast-util-gfm";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfm } from "micromark-extension-gfm";
import type { Page } from "@playwright/test";

import { expect, expectNoA11yViolations, newUser, signIn, signUp, snap, test } from "./support/fixtures";

const TEAM = "acme-ai-platform";
const FACILITATOR = { email: "facilitator@levelset.test", password: "levelset-demo-2026" };

/** A demo decision's id, read from the compare picker (which lists the team's decisions by title). */
async function decisionId(page: Page, title: string): Promise<string> {
  await page.goto(`/t/${TEAM}/compare`);
  const option = page.locator("#compare-a option").filter({ hasText: new RegExp(`^${title} ·`) });
  const id = await option.getAttribute("value");
  expect(id, title).toBeTruthy();
  return id!;
}

const exportUrl = (id: string, kind: "markdown" | "json") => `/t/${TEAM}/decisions/${id}/export/${kind}`;

test.describe("export", () => {
  test("a member downloads a recorded decision as MADR Markdown and as JSON", async ({ page }) => {
    await signIn(page, FACILITATOR);
    await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
    const id = await decisionId(page, "Contract-clause extractor");

    const md = await page.request.get(exportUrl(id, "markdown"));
    expect(md.status()).toBe(200);
    expect(md.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(md.headers()["content-disposition"]).toBe('attachment; filename="contract-clause-extractor.md"');
    expect(md.headers()["cache-control"]).toBe("private, no-store");
    const markdown = await md.text();
    expect(markdown.startsWith("# Contract-clause extractor\n")).toBe(true);
    expect(markdown).toMatch(/^Chosen option: “Level 2: full fine-tune”, because /m);
    expect(markdown).toContain("- Can the data this feature uses leave your own infrastructure? **No, it must stay in our infrastructure**");
    const origin = new URL(page.url()).origin;
    expect(markdown).toContain(`- This decision in LevelSet: [Contract-clause extractor](${origin}/t/${TEAM}/decisions/${id})`);
    const root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const headings = root.children.flatMap((n) => (n.type === "heading" ? [`h${n.depth}`] : []));
    expect(headings.filter((h) => h === "h1")).toHaveLength(1);
    expect(
      root.children.flatMap((n) => (n.type === "heading" && n.depth === 2 && n.children[0]?.type === "text" ? [n.children[0].value] : [])),
    ).toEqual(["Context and Problem Statement", "Decision Drivers", "Considered Options", "Decision Outcome", "More Information"]);
    expect(root.children.filter((n) => n.type === "table")).toHaveLength(1);

    const js = await page.request.get(exportUrl(id, "json"));
    expect(js.status()).toBe(200);
    expect(js.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(js.headers()["content-disposition"]).toBe('attachment; filename="contract-clause-extractor.json"');
    const record = await js.json();
    expect(record).toMatchObject({
      format: "levelset.decision/v1",
      id,
      title: "Contract-clause extractor",
      status: "decided",
      finalLevel: "finetune",
      recommendedLevel: "finetune",
      owner: { name: "Dana Okafor" },
      liveResult: null,
    });
    expect(record.result).toMatchObject({ rubricVersion: "v1", level: "finetune" });
    expect(record.answers["constraints.data_residency"]).toBe("must_stay");
    // The stored result is what the result page shows: same level and fits.
    await page.goto(`/t/${TEAM}/decisions/${id}/result`);
    const fullFineTune = page.locator("[data-fit-bars] li[data-level='finetune']").first();
    await expect(fullFineTune).toContainText(String(record.result.fits.finetune));
  });

  test("anyone outside the team gets 404 from the exports and the compare page", async ({ page, browser }) => {
    await signIn(page, FACILITATOR);
    await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
    const a = await decisionId(page, "Billing support chatbot");
    const b = await decisionId(page, "Multi-tenant marketing copy generator");

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await signUp(strangerPage, newUser("outsider"));
    for (const url of [exportUrl(a, "markdown"), exportUrl(a, "json"), exportUrl("no-such-decision", "markdown")]) {
      const response = await strangerPage.request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text()).not.toContain("Billing support chatbot");
    }
    const compare = await strangerPage.goto(`/t/${TEAM}/compare?a=${a}&b=${b}`);
    expect(compare?.status()).toBe(404);
    await expect(strangerPage.getByText("Billing support chatbot")).toHaveCount(0);
    await stranger.close();

    // Anonymous: the proxy sends browsers to sign-in; nothing of the decision comes back either way.
    const anonymous = await browser.newContext();
    const response = await anonymous.request.get(`${test.info().project.use.baseURL}${exportUrl(a, "markdown")}`, { maxRedirects: 0 });
    expect([307, 404]).toContain(response.status());
    expect(await response.text()).not.toContain("Billing support chatbot");
    await anonymous.close();

    // A member asking for an id of no decision of the team gets 404 too.
    const unknown = await page.goto(`/t/${TEAM}/compare?a=${a}&b=not-a-decision`);
    expect(unknown?.status()).toBe(404);
  });

  test("the result page prints as a clean document", async ({ page }) => {
    await signIn(page, FACILITATOR);
    await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
    const id = await decisionId(page, "Contract-clause extractor");
    await page.goto(`/t/${TEAM}/decisions/${id}/result`);
    await expect(page.getByRole("heading", { level: 1, name: "The team’s decision" })).toBeVisible();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
    await expect(page.getByRole("button", { name: /presentation mode/i })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name: "The team’s decision" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screens/result-print-a4.png", fullPage: true });
  });
});

test.describe("compare", () => {
  test("picking two decisions without JavaScript shows both levels and what changed", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, FACILITATOR);
    await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
    await page.goto(`/t/${TEAM}/compare`);
    await expect(page.getByRole("heading", { level: 1, name: "Compare two decisions" })).toBeVisible();
    const valueOf = (title: string) => page.locator("#compare-a option").filter({ hasText: new RegExp(`^${title} ·`) }).getAttribute("value");
    await page.getByLabel("First decision (A)").selectOption((await valueOf("Billing support chatbot"))!);
    await page.getByLabel("Second decision (B)").selectOption((await valueOf("Multi-tenant marketing copy generator"))!);
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/\/compare\?a=[^&]+&b=[^&]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Billing support chatbot vs Multi-tenant marketing copy generator");
    await context.close();
  });

  test("shows two decisions side by side with every difference marked in words", async ({ page }) => {
    await signIn(page, FACILITATOR);
    await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
    const a = await decisionId(page, "Billing support chatbot");
    const b = await decisionId(page, "Multi-tenant marketing copy generator");
    await page.goto(`/t/${TEAM}/compare?a=${a}&b=${b}`);

    const sideA = page.getByRole("region", { name: "Billing support chatbot" });
    const sideB = page.getByRole("region", { name: "Multi-tenant marketing copy generator" });
    await expect(sideA.getByText("Level 0: prompt + retrieval + tools").first()).toBeVisible();
    await expect(sideB.getByText("Level 1: adapters / LoRA / prefix tuning").first()).toBeVisible();
    await expect(sideA.getByRole("figure")).toBeVisible();
    await expect(sideB.getByRole("figure")).toBeVisible();

    const answers = page.getByRole("region", { name: "Answers" }).getByRole("table");
    const changed = answers.getByRole("row").filter({ hasText: "Changed" });
    expect(await changed.count()).toBeGreaterThan(0);
    await expect(answers.getByRole("row").filter({ hasText: "How many customers or product lines need their own behaviour?" })).toContainText("Changed");

    const differences = page.getByRole("region", { name: "How the results differ" });
    await expect(differences).toContainText("Recommended level: Level 0: prompt + retrieval + tools in A, Level 1: adapters / LoRA / prefix tuning in B");
    await expect(differences.getByText("Added in B").first()).toBeVisible();
    await expect(differences.getByText("Only in A").first()).toBeVisible();

    // The filter is a link (works without JavaScript): only the changed rows remain.
    await page.getByRole("link", { name: "Show only the differences" }).click();
    await expect(page).toHaveURL(/changed=1/);
    await expect(answers.getByRole("row").filter({ hasText: "Same" })).toHaveCount(0);
    await page.getByRole("link", { name: "Show all answers" }).click();
    await expect(page).not.toHaveURL(/changed=1/);
  });

  test("the compare page and its picker are accessible and fit a phone", async ({ page }) => {
    test.slow(); // four axe runs and two full-page screenshots pairs on a shared machine
    await signIn(page, FACILITATOR);
    await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
    const a = await decisionId(page, "Billing support chatbot");
    const b = await decisionId(page, "Multi-tenant marketing copy generator");
    await page.goto(`/t/${TEAM}/compare?a=${a}&b=${b}`);
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await snap(page, "compare");
    await page.goto(`/t/${TEAM}/compare`);
    await expectNoA11yViolations(page);
    await snap(page, "compare-picker");
  });
});
