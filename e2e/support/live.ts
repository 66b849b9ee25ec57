import type { Page } from "@playwright/test";

import { expect, untilHydrated } from "./fixtures";
import { rubric } from "./workshop";

export const DEMO_TEAM = "acme-ai-platform";
const [constraints] = rubric.sections;

/** The facilitator starts a live session on a fresh decision; returns its join code. */
export async function startSession(page: Page, title: string): Promise<string> {
  await page.goto(`/t/${DEMO_TEAM}/decisions/new`);
  await untilHydrated(page.getByLabel("Title", { exact: true }));
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Use case").fill(`An LLM feature for our customers: ${title.toLowerCase()}.`);
  await page.getByRole("button", { name: "Create and start the workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: constraints!.title })).toBeVisible();
  await page.getByRole("link", { name: "Run live session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Run a live session" })).toBeVisible();
  await page.getByRole("radio", { name: /^Named/ }).check();
  await page.getByLabel("Minutes per step").fill("5");
  await page.getByRole("button", { name: "Start the live session" }).click();
  await expect(page).toHaveURL(/\/live\/[A-Z0-9]{6}$/);
  return page.url().split("/").pop()!;
}

/** A live room's step heading. */
export const stepHeading = (page: Page, title: string) => page.getByRole("heading", { level: 2, name: title });
