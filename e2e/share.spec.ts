import { createHash, randomBytes } from "node:crypto";

import type { APIResponse, Page, Response } from "@playwright/test";

import { sql, sqlTimestamp, sqlValue } from "./support/db";
import { expect, expectNoA11yViolations, newUser, signIn, signUp, snap, test } from "./support/fixtures";
import { recordCapabilityUrl } from "./support/secrets";
import { answerStep, createDecision, expectSaved, rubric } from "./support/workshop";

const TOKEN_URL = /\/s\/([A-Za-z0-9_-]{43})$/;
const RATIONALE = "Evals land next sprint; this feature is internal and low-risk until then.";
const NOTE = "Budget review in March";

/** The three headers every /s/ response carries, the 200 and the 404 alike. */
function expectShareHeaders(response: Response | APIResponse | null) {
  expect(response).not.toBeNull();
  const headers = response!.headers();
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("private, no-store");
}

async function openSharePage(page: Page) {
  await page.getByRole("link", { name: "Share", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share this decision" })).toBeVisible();
}

async function createLink(page: Page) {
  await page.getByRole("button", { name: "Create link" }).click();
  const url = page.getByTestId("share-url");
  await expect(url).toHaveValue(TOKEN_URL);
  const link = await url.inputValue();
  recordCapabilityUrl(link);
  return link;
}

test.describe("share a decision by link", () => {
  test("a facilitator shares; anyone with the link reads it without an account; revoked is the same 404 as unknown", async ({
    page,
    browser,
    context,
  }) => {
    test.setTimeout(180_000);
    const owner = newUser("sharer");
    await signUp(page, owner);
    const teamSlug = new URL(page.url()).pathname.split("/")[2]!;
    const title = "Support reply drafts";
    await createDecision(page, title);
    const decisionId = new URL(page.url()).pathname.split("/")[4]!;
    await answerStep(page, "constraints", { "constraints.eval_harness": "none" });
    await page.getByLabel("Notes for this step").fill(NOTE);
    await expectSaved(page);
    await page.goto(page.url().replace(/steps\/constraints$/, "result"));
    await page.getByRole("radio", { name: /^Level 0/ }).check();
    await page.getByRole("textbox", { name: /Rationale/ }).fill(RATIONALE);
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText(`Rationale: ${RATIONALE}`)).toBeVisible();

    // Create a link that never expires; its full URL is shown once, with Copy.
    await openSharePage(page);
    await expect(page.getByText("No share links yet.")).toBeVisible();
    await expect(page.getByRole("radio", { name: /^Never/ })).toBeChecked();
    const url = await createLink(page);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const links = page.getByRole("list", { name: "Share links" }).getByRole("listitem");
    await expect(links).toHaveCount(1);
    await expect(links.first()).toContainText("Active");
    await expect(links.first()).toContainText(`by ${owner.name}`);
    await expect(links.first()).toContainText("Never expires");
    await expect(links.first()).toContainText("Views:0");
    await expectNoA11yViolations(page);
    await snap(page, "share-manage");

    // A fresh browser with no account opens it.
    const stranger = await browser.newContext();
    const reader = await stranger.newPage();
    const response = await reader.goto(url);
    expect(response?.status()).toBe(200);
    expectShareHeaders(response);
    await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(reader.getByText("An LLM feature for our customers")).toBeVisible();
    await expect(reader.getByRole("heading", { level: 2, name: "The team’s decision" })).toBeVisible();
    await expect(reader.getByText(`Rationale: ${RATIONALE}`)).toBeVisible();
    await expect(reader.getByText(/recommendation was Pause/)).toBeVisible();
    await expect(reader.locator("[data-recommendation]")).toHaveAttribute("data-recommendation", "pause");
    await expect(reader.getByRole("heading", { level: 2, name: "Answers" })).toBeVisible();
    for (const section of rubric.sections) {
      await expect(reader.getByRole("heading", { level: 3, name: section.title, exact: true })).toBeVisible();
    }
    await expect(reader.getByText(`Notes: ${NOTE}`)).toBeVisible();
    await expect(reader.getByText("Review by", { exact: true })).toBeVisible();

    // No emails, no internal ids, no links into the app but "Sign in".
    const html = await response!.text();
    const teamId = await sqlValue<string>('SELECT id FROM "Team" WHERE slug = ?', teamSlug);
    for (const secret of [owner.email, decisionId, teamId, teamSlug]) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
    expect(html).not.toMatch(/\bc[a-z0-9]{24}\b/); // cuid
    const hrefs = await reader.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["/sign-in"]);
    await expect(reader.getByRole("link", { name: "Sign in" })).toBeVisible();

    // Metadata: not indexed; Open Graph and Twitter card with the decided level and a PNG preview.
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex, nofollow/);
    await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
    await expect(reader.locator('meta[property="og:description"]')).toHaveAttribute("content", /^Decided: Level 0/);
    await expect(reader.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const ogImage = await reader.locator('meta[property="og:image"]').getAttribute("content");
    const image = await stranger.request.get(new URL(new URL(ogImage!).pathname + new URL(ogImage!).search, url).toString());
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect((await image.body()).length).toBeGreaterThan(1000);

    await expectNoA11yViolations(reader);
    await snap(reader, "share-public");

    // Printed, it is a clean document: no header, no footer, the decision and answers stay.
    await reader.emulateMedia({ media: "print" });
    await expect(reader.getByRole("link", { name: "Sign in" })).toBeHidden();
    await expect(reader.getByText(`Rationale: ${RATIONALE}`)).toBeVisible();
    await reader.setViewportSize({ width: 1280, height: 800 });
    await reader.screenshot({ path: "test-results/screens/share-public-print.png", fullPage: true });
    await reader.emulateMedia({ media: "screen" });

    // The view was counted (the preview image was not).
    await page.reload();
    await expect(links.first()).toContainText("Views:1");
    await expect(links.first()).not.toContainText("Last viewed:never");

    // The same 404 for an unknown token, a malformed one, and (below) the revoked link.
    const unknown = await reader.goto(`/s/${randomBytes(32).toString("base64url")}`);
    expect(unknown?.status()).toBe(404);
    expectShareHeaders(unknown);
    const unknownText = await reader.getByRole("main").innerText();
    expect(unknownText).toContain("This link doesn’t work");
    const malformed = await reader.goto("/s/not-a-token");
    expect(malformed?.status()).toBe(404);
    expect(await reader.getByRole("main").innerText()).toBe(unknownText);

    // Revoke: the same URL is now that same 404.
    await page.getByRole("button", { name: /^Revoke/ }).click();
    await expect(links.first()).toContainText("Revoked");
    await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
    const revoked = await reader.goto(url);
    expect(revoked?.status()).toBe(404);
    expectShareHeaders(revoked);
    expect(await reader.getByRole("main").innerText()).toBe(unknownText);
    await expectNoA11yViolations(reader);
    await snap(reader, "share-not-found");
    const revokedImage = await stranger.request.get(`${url}/opengraph-image`);
    expect(revokedImage.status()).toBe(404);
    await stranger.close();
  });

  test("a link with an expiry date stops working once that date has passed", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signUp(page, newUser("expiry"));
    await createDecision(page, "Expiring draft");
    await openSharePage(page);
    const lastDay = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await page.getByRole("radio", { name: "On a date" }).check();
    await page.getByLabel("Last day the link works").fill(lastDay);
    const url = await createLink(page);
    const links = page.getByRole("list", { name: "Share links" }).getByRole("listitem");
    await expect(links.first()).toContainText("Expires");

    const stranger = await browser.newContext();
    const reader = await stranger.newPage();
    const ok = await reader.goto(url);
    expect(ok?.status()).toBe(200);
    // A draft shows the recommendation so far, scored from the current answers.
    await expect(reader.getByRole("heading", { level: 2, name: "The recommendation so far" })).toBeVisible();
    await expect(reader.locator('meta[property="og:description"]')).toHaveAttribute("content", /^Recommended: /);

    // Move the expiry into the past in the database (the server's clock is not the test's to set).
    const tokenHash = createHash("sha256").update(url.match(TOKEN_URL)![1]!).digest("hex");
    const { changes: changed } = await sql('UPDATE "ShareLink" SET "expiresAt" = ? WHERE "tokenHash" = ?', sqlTimestamp(new Date(Date.now() - 60_000)), tokenHash);
    expect(changed).toBe(1);
    const expired = await reader.goto(url);
    expect(expired?.status()).toBe(404);
    expectShareHeaders(expired);
    await expect(reader.getByRole("heading", { level: 1, name: "This link doesn’t work" })).toBeVisible();
    await page.reload();
    await expect(links.first()).toContainText("Expired");
    await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
    await stranger.close();
  });

  test("a date in the past is refused with a reason and creates nothing", async ({ page }) => {
    await signUp(page, newUser("pastdate"));
    await createDecision(page, "Past date");
    await openSharePage(page);
    await page.getByRole("radio", { name: "On a date" }).check();
    await page.getByLabel("Last day the link works").fill("2020-01-01");
    await page.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByText("Pick today or a later date")).toBeVisible();
    await expect(page.getByLabel("Last day the link works")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("No share links yet.")).toBeVisible();
  });

  test("a member sees the links and why they cannot share", async ({ page }) => {
    await signIn(page, { email: "member@levelset.test", password: "levelset-demo-2026" });
    await expect(page).toHaveURL(/\/t/);
    await page.goto("/t/acme-ai-platform");
    await page.getByRole("link", { name: "Billing support chatbot" }).first().click();
    await openSharePage(page);
    await expect(page.getByText("Only owners and facilitators can create or revoke share links")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create link" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: "Links to this decision" })).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "share-member");
  });
});
