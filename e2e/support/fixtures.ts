import { randomBytes } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";

import { recordSecret, recordSessionCookies } from "./secrets";

export type TestUser = { name: string; email: string; password: string };

/**
 * Waits until React owns this form control (hydrated, or rendered on the client).
 * On a loaded machine a page can be filled before hydration, and hydration then
 * puts the server's empty values back: fill only after this.
 */
export async function untilHydrated(control: Locator) {
  await expect
    // Once the document has loaded, Next's inline scripts have run — unless JavaScript is off, and then there is
    // nothing to wait for: the server handles the form.
    .poll(() => control.evaluate((el) => document.readyState === "complete" && (!("__next_f" in window) || Object.keys(el).some((key) => key.startsWith("__reactFiber$")))), {
      message: "React has hydrated the form",
    })
    .toBe(true);
}

/** A user no other test knows about: tests own their data. */
export function newUser(label = "user"): TestUser {
  const id = randomBytes(5).toString("hex");
  const password = `pw-${id}-long-enough`;
  recordSecret("password", password);
  return { name: `Test ${label} ${id}`, email: `${label}-${id}@e2e.levelset.test`, password };
}

export async function signUp(page: Page, user: TestUser) {
  await page.goto("/sign-up");
  await untilHydrated(page.getByLabel("Your name"));
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/);
}

export async function signIn(page: Page, user: Pick<TestUser, "email" | "password">) {
  recordSecret("password", user.password);
  await page.goto("/sign-in");
  await untilHydrated(page.getByLabel("Email"));
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The form's own alert (Next also renders an empty route-announcer alert). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** Zero axe violations (WCAG 2.x A/AA) on the current page. */
export async function expectNoA11yViolations(page: Page) {
  // Next streams a dynamic page's <title> after its body (streaming metadata): audit once it has arrived,
  // not in the moment between a navigation and its metadata (axe's document-title rule). A page that never
  // gets a title still fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(
    results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })),
  ).toEqual([]);
}

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** Full-page screenshots at desktop and phone widths, kept in test-results/screens for people to look at. */
export async function snap(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Every test records the session and guest cookies of the browser contexts still
 * open when it ends (the server log must never contain them: see support/log-check.ts).
 */
export const test = base.extend<{ recordCookies: void }>({
  recordCookies: [
    // Depends on `context` so it is torn down while the test's own context is still open.
    async ({ browser, context }, use) => {
      void context;
      await use();
      await recordSessionCookies(browser);
    },
    { auto: true },
  ],
});
export { expect };
