import { expect, expectNoA11yViolations, signIn, snap, test } from "./support/fixtures";

test("the demo facilitator signs in and sees the demo team's decisions", async ({ page }) => {
  await signIn(page, { email: "facilitator@levelset.test", password: "levelset-demo-2026" });
  await expect(page).toHaveURL(/\/t\/acme-ai-platform$/);
  await expect(page.getByRole("heading", { level: 1, name: "Acme AI Platform" })).toBeVisible();
  const list = page.getByRole("list", { name: "Decisions" });
  for (const title of [
    "Billing support chatbot",
    "Contract-clause extractor",
    "Multi-tenant marketing copy generator",
    "Clinical visit-notes summariser",
    "Internal code-review assistant",
    "Sales email tone assistant",
  ]) {
    await expect(list.getByRole("link", { name: title })).toBeVisible();
  }
  // All four outcomes are represented, scored by the rubric engine at seed time.
  for (const level of ["finetune", "adapter", "pause", "prompt"]) {
    await expect(page.getByTestId(`count-${level}`), level).not.toHaveText("0");
  }
  await expectNoA11yViolations(page);
  await snap(page, "team-demo");
});

test("the landing page says what LevelSet is and offers sign-up and sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /create an account/i }).first()).toHaveAttribute("href", "/sign-up");
  await expect(page.getByRole("link", { name: /sign in/i }).first()).toHaveAttribute("href", "/sign-in");
  await expectNoA11yViolations(page);
  await snap(page, "landing");
});
