import type { Browser, BrowserContext, Page } from "@playwright/test";

import { expect, expectNoA11yViolations, newUser, signIn, signUp, snap, test } from "./support/fixtures";
import { startSession, stepHeading } from "./support/live";
import { answerStep, questionGroup, rubric } from "./support/workshop";

const FACILITATOR = { email: "facilitator@levelset.test", password: "levelset-demo-2026" };
const MEMBER = { email: "member@levelset.test", password: "levelset-demo-2026" };

const [constraints, level0] = rubric.sections;
const evalHarness = constraints!.questions.find((q) => q.id === "constraints.eval_harness")!;

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test.describe("live workshop", () => {
  test.describe.configure({ timeout: 240_000 });

  test("a facilitator and three participants answer blind, see the split, agree, and close into the decision", async ({ browser }) => {
    const fac = await newPage(browser);
    await signIn(fac.page, FACILITATOR);
    await expect(fac.page).toHaveURL(/\/t\//);
    const title = `Live triage ${Date.now()}`;
    const code = await startSession(fac.page, title);
    await expect(fac.page.getByRole("img", { name: /QR code for http/ })).toBeVisible();
    await expect(fac.page.getByTestId("join-url")).toHaveText(new RegExp(`/live/${code}$`));

    // Three participants: a team member as themselves, a signed-in person from another team, a guest with no account.
    const member = await newPage(browser);
    await signIn(member.page, MEMBER);
    await expect(member.page).toHaveURL(/\/t\//);
    await member.page.goto(`/live/${code}`);
    await expect(member.page.getByText(/You join as/)).toBeVisible();
    await member.page.getByRole("button", { name: "Join the session" }).click();

    const outsider = await newPage(browser);
    const outsiderUser = newUser("live");
    await signUp(outsider.page, outsiderUser);
    await outsider.page.goto(`/live/${code.toLowerCase()}`);
    await outsider.page.getByLabel("Your name").fill("Oli Outsider");
    await outsider.page.getByRole("button", { name: "Join the session" }).click();

    const guest = await newPage(browser);
    await guest.page.goto(`/live/${code}`);
    await expectNoA11yViolations(guest.page);
    await snap(guest.page, "live-join-guest");
    await guest.page.getByLabel("Your name").fill("Gia Guest");
    await guest.page.getByRole("button", { name: "Join the session" }).click();
    await expect(guest.page.getByText("You’re in.")).toBeVisible();

    const room = fac.page.getByRole("complementary");
    for (const name of ["Oli Outsider", "Gia Guest"]) await expect(room.getByText(name)).toBeVisible();
    await expect(room.getByRole("heading", { name: "In the room (4)" })).toBeVisible();
    await expectNoA11yViolations(fac.page);
    await snap(fac.page, "live-facilitator-lobby");

    // Step 1: everyone's screen follows the facilitator.
    await fac.page.getByRole("button", { name: /^Start step 1/ }).click();
    for (const p of [member.page, outsider.page, guest.page]) await expect(stepHeading(p, constraints!.title)).toBeVisible();
    await expect(fac.page.getByRole("timer", { name: "Time left for this step" })).toContainText(/Time left [45]:\d\d/);

    // A forged step is refused, and nothing is written (nobody has answered yet).
    const forged = await member.page.request.post(`/live/${code}/answer`, {
      headers: { Accept: "application/json" },
      form: { step: "not-a-step", "q:constraints.eval_harness": "none" },
    });
    expect(forged.status()).toBe(400);
    expect((await forged.json()).error).toMatch(/not a step/);
    const wrongStep = await member.page.request.post(`/live/${code}/answer`, {
      headers: { Accept: "application/json" },
      form: { step: level0!.id, "q:level0.system_prompt": "basic" },
    });
    expect(wrongStep.status()).toBe(409);
    await expect(room.getByText("Answered", { exact: true })).toHaveCount(0);

    const answers = [
      { page: member.page, harness: "none" },
      { page: outsider.page, harness: "none" },
      { page: guest.page, harness: "full" },
    ];
    for (const { page, harness } of answers) {
      await answerStep(page, constraints!.id, { "constraints.eval_harness": harness, "constraints.data_residency": "may_leave" });
      await page.getByRole("button", { name: "Save my answers" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    }
    // The room sees who has answered, never what.
    await expect(room.getByText("Answered", { exact: true })).toHaveCount(3);
    await expect(fac.page.getByText("No harness yet")).toHaveCount(0);

    // A participant reloads mid-step: their answers are intact.
    await guest.page.reload();
    await expect(questionGroup(guest.page, evalHarness).getByRole("radio", { name: "A full harness", exact: true })).toBeChecked();
    await expectNoA11yViolations(guest.page);
    await snap(guest.page, "live-participant-answering");

    // A guest's cookie means nothing in another session: 404, nothing written.
    const other = await newPage(browser);
    await signIn(other.page, FACILITATOR);
    await expect(other.page).toHaveURL(/\/t\//);
    const otherCode = await startSession(other.page, `Other live ${Date.now()}`);
    const guestCookie = (await guest.context.cookies()).find((c) => c.name === "levelset-live")!;
    expect(guestCookie.httpOnly).toBe(true);
    for (const path of ["answer", "control", "state"]) {
      const res =
        path === "state"
          ? await guest.context.request.get(`/live/${otherCode}/state`, { headers: { Cookie: `levelset-live=${guestCookie.value}` } })
          : await guest.context.request.post(`/live/${otherCode}/${path}`, {
              headers: { Accept: "application/json", Cookie: `levelset-live=${guestCookie.value}` },
              form: { step: constraints!.id, intent: "start", revision: "1", "q:constraints.eval_harness": "none" },
            });
      expect(res.status(), path).toBe(404);
    }
    await other.page.reload();
    await expect(other.page.getByRole("complementary").getByRole("heading", { name: "In the room (1)" })).toBeVisible();
    await expect(other.page.getByRole("button", { name: /^Start step 1/ })).toBeVisible();
    await other.context.close();

    // Reveal: distributions with the split first, and whether it flips the recommendation.
    await fac.page.getByRole("button", { name: "Reveal answers" }).click();
    for (const p of [fac.page, member.page, guest.page]) {
      const dist = p.getByRole("list", { name: `Answers to: ${evalHarness.label}` });
      await expect(dist.getByRole("listitem").filter({ hasText: "No harness yet" })).toContainText("2");
      await expect(dist.getByRole("listitem").filter({ hasText: "A full harness" })).toContainText("1");
      const flip = p.getByRole("list", { name: "Participants per recommended level" });
      await expect(flip.getByRole("listitem").filter({ hasText: "Pause: build the evaluation harness" })).toContainText("2 of 3");
      await expect(flip.getByRole("listitem").filter({ hasText: "Level 0: prompt + retrieval + tools" })).toContainText("1 of 3");
      await expect(p.getByText(/Yes: the participants’ answers so far point to different recommendations/)).toBeVisible();
    }
    // The question that split the room comes first.
    await expect(fac.page.locator("li[data-question]").first()).toHaveAttribute("data-question", evalHarness.id);
    await expectNoA11yViolations(fac.page);
    await snap(fac.page, "live-facilitator-revealed");
    await expectNoA11yViolations(member.page);
    await snap(member.page, "live-participant-revealed");

    // Agree (the default is the most common answer) and move on; a double click moves one step.
    const agreed = questionGroup(fac.page, evalHarness).getByRole("radio", { name: "No harness yet", exact: true });
    await expect(agreed).toBeChecked();
    await fac.page.getByLabel("Note for this step").fill("Two of three say there is no harness yet.");
    await fac.page.getByRole("button", { name: "Agree and go to step 2" }).dblclick();
    for (const p of [fac.page, member.page, outsider.page, guest.page]) await expect(stepHeading(p, level0!.title)).toBeVisible();

    // Step 2.
    for (const { page } of answers) {
      await answerStep(page, level0!.id, { "level0.system_prompt": "basic" });
      await page.getByRole("button", { name: "Save my answers" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    }
    await expect(room.getByText("Answered", { exact: true })).toHaveCount(3);
    await fac.page.getByRole("button", { name: "Reveal answers" }).click();
    await expect(fac.page.getByRole("heading", { name: "How the room answered" })).toBeVisible();
    await fac.page.getByRole("button", { name: "Agree and close the session" }).click();
    await expect(fac.page).toHaveURL(/\/decisions\/[^/]+\/result$/);

    // Participants learn the session closed; posting after close is refused with a clear error.
    await expect(guest.page.getByRole("heading", { name: "This live session has ended" })).toBeVisible();
    const late = await member.page.request.post(`/live/${code}/answer`, {
      headers: { Accept: "application/json" },
      form: { step: level0!.id, "q:level0.system_prompt": "mature" },
    });
    expect(late.status()).toBe(409);
    expect((await late.json()).error).toMatch(/has closed/);
    const lateGuest = await guest.context.request.post(`/live/${code}/answer`, {
      headers: { Accept: "application/json" },
      form: { step: level0!.id, "q:level0.system_prompt": "mature" },
    });
    expect(lateGuest.status()).toBe(409);

    // The decision holds the agreed values (saved through the workshop's own step save).
    const decisionUrl = fac.page.url().replace(/\/result$/, "");
    await fac.page.goto(`${decisionUrl}/steps/${constraints!.id}`);
    await expect(questionGroup(fac.page, evalHarness).getByRole("radio", { name: "No harness yet", exact: true })).toBeChecked();
    await fac.page.goto(`${decisionUrl}/steps/${level0!.id}`);
    const systemPrompt = level0!.questions.find((q) => q.id === "level0.system_prompt")!;
    await expect(questionGroup(fac.page, systemPrompt).getByRole("radio", { name: "Basic", exact: true })).toBeChecked();
    await expect(fac.page.getByRole("radio", { name: "Mature", exact: true })).not.toBeChecked();

    for (const c of [fac, member, outsider, guest]) await c.context.close();
  });
});
