import type { Browser, BrowserContext, Page } from "@playwright/test";

import { expect, signUp, type TestUser, untilHydrated } from "./fixtures";
import { recordCapabilityUrl } from "./secrets";

export type Role = "owner" | "facilitator" | "member" | "viewer";

/** As an owner: creates an invitation link in the team's settings and returns its path (`/invite/…`). */
export async function invitationLink(page: Page, teamSlug: string, role: Role, uses = 1): Promise<string> {
  await page.goto(`/t/${teamSlug}/settings`);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  if (uses > 1) {
    await page.getByLabel("Several people, up to").check();
    await page.getByLabel("Maximum number of people").fill(String(uses));
  }
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Invitation link", { exact: true })).toHaveValue(/\/invite\//);
  const link = await page.getByLabel("Invitation link", { exact: true }).inputValue();
  recordCapabilityUrl(link);
  return new URL(link).pathname;
}

/** A new browser context of a new user: signs up (through an invitation, which they accept, when given). */
export async function signUpThrough(browser: Browser, user: TestUser, invitePath?: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (!invitePath) {
    await signUp(page, user);
  } else {
    await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(invitePath)}`);
    await untilHydrated(page.getByLabel("Your name"));
    await page.getByLabel("Your name").fill(user.name);
    await page.getByLabel("Work email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(invitePath);
    await page.getByRole("button", { name: /^Accept and join/ }).click();
    await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/);
  }
  await page.close();
  return context;
}
