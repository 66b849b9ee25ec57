import type { Browser, BrowserContext, Page } from "@playwright/test";

import { expect, formAlert, newUser, signIn, signOut, signUp, test } from "./support/fixtures";
import { startSession, stepHeading } from "./support/live";
import { type Instance, startSecondInstance } from "./support/server";
import { answerStep, createDecision, questionGroup, rubric } from "./support/workshop";

/**
 * Two `next start` processes on one database (SQLite file or PostgreSQL, from
 * E2E_DATABASE_URL), as behind a load balancer: instance A is Playwright's web
 * server, instance B a second process on the next port. Nothing the app needs
 * may live in one process's memory, so whatever happens through A shows on B.
 */
const FACILITATOR = { email: "facilitator@levelset.test", password: "levelset-demo-2026" };
const MEMBER = { email: "member@levelset.test", password: "levelset-demo-2026" };
const [constraints, level0] = rubric.sections;
const evalHarness = constraints!.questions.find((q) => q.id === "constraints.eval_harness")!;

let b: Instance;

test.describe("two app instances on one database", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    b = await startSecondInstance();
  });
  test.afterAll(async () => {
    await b?.stop();
  });

  async function open(browser: Browser, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(baseURL ? { baseURL } : {});
    return { context, page: await context.newPage() };
  }

  test("a step saved through A is read through B; the session and the sign-in limit hold across both", async ({ browser, baseURL }) => {
    const a = baseURL!;
    expect(a).not.toBe(b.baseURL);
    const user = newUser("twoinst");
    const { context, page } = await open(browser);
    await signUp(page, user);
    await createDecision(page, `Two instances ${Date.now()}`);
    await answerStep(page, constraints!.id, { "constraints.eval_harness": "partial" });
    await expect(page.getByTestId("save-status")).toHaveText(/Saved/);
    const stepPath = new URL(page.url()).pathname;

    // The cookie issued by A opens the decision on B, with the answer A saved.
    await page.goto(`${b.baseURL}${stepPath}`);
    await expect(page.getByRole("heading", { level: 1, name: constraints!.title })).toBeVisible();
    await expect(questionGroup(page, evalHarness).getByRole("radio", { name: "A partial one", exact: true })).toBeChecked();

    // Signed out on B: A no longer lets the browser in.
    await signOut(page);
    await page.goto(`${a}${stepPath}`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await context.close();

    // Ten wrong passwords through A; the eleventh attempt, on B and with the right password, meets the limit.
    const attacker = await open(browser);
    for (let i = 0; i < 10; i++) {
      await signIn(attacker.page, { email: user.email, password: `wrong-password-${i}` });
      await expect(formAlert(attacker.page)).toContainText("don't match an account");
    }
    await attacker.page.goto(`${b.baseURL}/sign-in`);
    await attacker.page.getByLabel("Email").fill(user.email);
    await attacker.page.getByLabel("Password").fill(user.password);
    await attacker.page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(attacker.page)).toContainText("Too many failed attempts");
    await expect(attacker.page).toHaveURL(/\/sign-in/);
    await attacker.context.close();
  });

  test("the facilitator runs the room through A while a member and a guest follow it through B", async ({ browser }) => {
    const fac = await open(browser);
    await signIn(fac.page, FACILITATOR);
    await expect(fac.page).toHaveURL(/\/t\//);
    const code = await startSession(fac.page, `Two-instance live ${Date.now()}`);

    const member = await open(browser, b.baseURL);
    await signIn(member.page, MEMBER);
    await expect(member.page).toHaveURL(/\/t\//);
    await member.page.goto(`/live/${code}`);
    await member.page.getByRole("button", { name: "Join the session" }).click();
    const guest = await open(browser, b.baseURL);
    await guest.page.goto(`/live/${code}`);
    await guest.page.getByLabel("Your name").fill("Bea on B");
    await guest.page.getByRole("button", { name: "Join the session" }).click();
    await expect(guest.page.getByText("You’re in.")).toBeVisible();
    expect(new URL(guest.page.url()).port).toBe(new URL(b.baseURL).port);

    // Joins made through B appear on A.
    const room = fac.page.getByRole("complementary");
    await expect(room.getByText("Bea on B")).toBeVisible();
    await expect(room.getByRole("heading", { name: "In the room (3)" })).toBeVisible();

    // A step started on A is followed on B.
    await fac.page.getByRole("button", { name: /^Start step 1/ }).click();
    for (const p of [member.page, guest.page]) await expect(stepHeading(p, constraints!.title)).toBeVisible();

    // Answers given through B: A sees who answered, never what.
    for (const [p, harness] of [
      [member.page, "none"],
      [guest.page, "full"],
    ] as const) {
      await answerStep(p, constraints!.id, { "constraints.eval_harness": harness });
      await p.getByRole("button", { name: "Save my answers" }).click();
      await expect(p.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    }
    await expect(room.getByText("Answered", { exact: true })).toHaveCount(2);
    await expect(fac.page.getByText("A full harness")).toHaveCount(0);

    // Revealed on A: B shows the split.
    await fac.page.getByRole("button", { name: "Reveal answers" }).click();
    for (const p of [member.page, guest.page]) {
      const dist = p.getByRole("list", { name: `Answers to: ${evalHarness.label}` });
      await expect(dist.getByRole("listitem").filter({ hasText: "No harness yet" })).toContainText("1");
      await expect(dist.getByRole("listitem").filter({ hasText: "A full harness" })).toContainText("1");
    }

    // Agreed on A; the next step reaches B.
    await questionGroup(fac.page, evalHarness).getByRole("radio", { name: "No harness yet", exact: true }).check();
    await fac.page.getByRole("button", { name: "Agree and go to step 2" }).click();
    for (const p of [member.page, guest.page]) await expect(stepHeading(p, level0!.title)).toBeVisible();

    // Closed on A: B's participants learn it ended, and the decision read through B holds the agreed answer.
    await fac.page.getByRole("button", { name: "Reveal answers" }).click();
    await expect(fac.page.getByRole("heading", { name: "How the room answered" })).toBeVisible();
    await fac.page.getByRole("button", { name: "Agree and close the session" }).click();
    await expect(fac.page).toHaveURL(/\/decisions\/[^/]+\/result$/);
    for (const p of [member.page, guest.page]) await expect(p.getByRole("heading", { name: "This live session has ended" })).toBeVisible();
    const decisionPath = new URL(fac.page.url()).pathname.replace(/\/result$/, "");
    await member.page.goto(`${decisionPath}/steps/${constraints!.id}`);
    await expect(questionGroup(member.page, evalHarness).getByRole("radio", { name: "No harness yet", exact: true })).toBeChecked();

    for (const c of [fac, member, guest]) await c.context.close();
  });
});
