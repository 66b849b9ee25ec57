import { WORKED_EXAMPLES_V1 } from "@/lib/rubric/worked-examples";

import { expect, expectNoA11yViolations, newUser, signUp, snap, test } from "./support/fixtures";
import { answerStep, createDecision, expectSaved, goNext, questionGroup, rubric } from "./support/workshop";

const example = (name: string) => WORKED_EXAMPLES_V1.find((e) => e.name === name)!.answers;
const question = (id: string) => rubric.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;

const WALKS = [
  { outcome: "pause", example: "no evals", screens: true },
  { outcome: "prompt", example: "good enough", screens: false },
  { outcome: "adapter", example: "style", screens: false },
  { outcome: "finetune", example: "new skill", screens: false },
] as const;

test.describe("guided workshop", () => {
  for (const walk of WALKS) {
    test(`a full walk to ${walk.outcome}: every step, review, result, record`, async ({ page }) => {
      // The walk that also screenshots and audits every page needs longer.
      if (walk.screens) test.setTimeout(240_000);
      const label = rubric.outcomes.find((o) => o.id === walk.outcome)!.label;
      await signUp(page, newUser(`walk-${walk.outcome}`));
      await createDecision(page, `Walk to ${walk.outcome}`);
      const answers = example(walk.example);
      for (const section of rubric.sections) {
        await expect(page.getByRole("heading", { level: 1, name: section.title })).toBeFocused();
        await answerStep(page, section.id, answers);
        if (walk.screens) {
          await expectSaved(page);
          await expectNoA11yViolations(page);
          await snap(page, `step-${section.id}`);
        }
        await goNext(page);
      }
      await expect(page.getByRole("heading", { level: 1, name: "Review your answers" })).toBeVisible();
      if (walk.screens) {
        await expectNoA11yViolations(page);
        await snap(page, "step-review");
      }
      await page.getByRole("button", { name: "See the result →" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "The recommendation" })).toBeVisible();
      const recommended = page.getByRole("radio", { name: new RegExp(`^${label.replace(/[+()]/g, "\\$&")}`) });
      await expect(recommended).toBeChecked();
      if (walk.screens) {
        await expectNoA11yViolations(page);
        await snap(page, "result");
      }
      await page.getByRole("button", { name: "Record decision" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "The team’s decision" })).toBeVisible();
      await expect(page.getByText("Decided:")).toBeVisible();
      await expect(page.locator("[data-level]").first()).toHaveAttribute("data-level", walk.outcome);
      if (walk.screens) {
        await expectNoA11yViolations(page);
        await snap(page, "result-recorded");
      }
      // Answers are sealed once recorded.
      await page.getByRole("link", { name: "See every answer" }).click();
      await page.getByRole("link", { name: /^Edit/ }).first().click();
      await expect(page.getByText("answers are sealed")).toBeVisible();
      await expect(page.getByRole("radio").first()).toBeDisabled();
    });
  }

  test("choosing another level than the recommendation needs a rationale", async ({ page }) => {
    await signUp(page, newUser("override"));
    await createDecision(page, "Override");
    await answerStep(page, "constraints", { "constraints.eval_harness": "none" });
    await expectSaved(page);
    await page.goto(page.url().replace(/steps\/constraints$/, "result"));
    await page.getByRole("radio", { name: /^Level 0/ }).check();
    await page.getByRole("button", { name: "Record decision" }).click();
    const rationale = page.getByRole("textbox", { name: /Rationale/ });
    await expect(rationale).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Say in a sentence or two why")).toBeVisible();
    await rationale.fill("Evals land next sprint; this feature is internal and low-risk until then.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByText("Rationale: Evals land next sprint")).toBeVisible();
    await expect(page.getByText(/recommendation was Pause/)).toBeVisible();
  });

  test("autosave survives a reload mid-step and a closed page", async ({ page, context }) => {
    await signUp(page, newUser("autosave"));
    await createDecision(page, "Autosave");
    await answerStep(page, "constraints", {
      "constraints.latency_cost_headroom": "tight",
      "constraints.data_residency": "must_stay",
    });
    await expectSaved(page);
    await expect(page.getByTestId("save-status")).toHaveText(/Saved/);
    await page.reload();
    const headroom = questionGroup(page, question("constraints.latency_cost_headroom"));
    await expect(headroom.getByRole("radio", { name: "It is tight", exact: true })).toBeChecked();

    // Close the tab mid-edit; the page-hide save keeps what was typed.
    await page.getByLabel("Notes for this step").fill("Budget review in March");
    const url = page.url();
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(url);
    await expect(again.getByLabel("Notes for this step")).toHaveValue("Budget review in March");
    await expect(
      questionGroup(again, question("constraints.data_residency")).getByRole("radio", { name: /must stay/ }),
    ).toBeChecked();
  });

  test("a crafted request with a rate of 150 or an unknown option gets field errors and writes nothing", async ({ page }) => {
    await signUp(page, newUser("crafted"));
    await createDecision(page, "Crafted");
    await goNext(page); // Level 0
    const rate = questionGroup(page, question("level0.hallucination_rate_pct")).getByRole("spinbutton");
    await rate.fill("4");
    await expectSaved(page);
    const stepUrl = page.url();

    // Through the form: the browser does not stop it (noValidate); the server does.
    await rate.fill("150");
    await expect(page.getByText("Enter a number from 0 to 100 (%).")).toBeVisible();
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "invalid");
    await page.getByRole("button", { name: /^Next\b/ }).click();
    await expect(page).toHaveURL(stepUrl);

    // A hand-made post with an unknown option, straight to the save endpoint.
    const [, teamSlug, decisionId] = new URL(stepUrl).pathname.match(/\/t\/([^/]+)\/decisions\/([^/]+)/)!;
    const response = await page.request.post(`${stepUrl}/save`, {
      multipart: {
        teamSlug: teamSlug!,
        decisionId: decisionId!,
        stepId: "level0",
        version: "2",
        "q:level0.system_prompt": "superb",
        "q:level0.hallucination_rate_pct": "150",
      },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["level0.hallucination_rate_pct", "level0.system_prompt"]);

    await page.reload();
    await expect(questionGroup(page, question("level0.hallucination_rate_pct")).getByRole("spinbutton")).toHaveValue("4");
    await expect(questionGroup(page, question("level0.system_prompt")).getByRole("radio", { checked: true })).toHaveCount(0);
  });

  test("two browsers: an old version is refused with the newer values, and the user chooses", async ({ browser }) => {
    const user = newUser("conflict");
    const a = await (await browser.newContext()).newPage();
    await signUp(a, user);
    await createDecision(a, "Conflict");
    const url = a.url();
    const b = await (await browser.newContext()).newPage();
    await b.goto("/sign-in");
    await b.getByLabel("Email").fill(user.email);
    await b.getByLabel("Password").fill(user.password);
    await b.getByRole("button", { name: "Sign in" }).click();
    await b.waitForURL(/\/t\//);
    await b.goto(url);

    await answerStep(a, "constraints", { "constraints.eval_harness": "full" });
    await expectSaved(a);

    await answerStep(b, "constraints", { "constraints.eval_harness": "partial" });
    const notice = b.getByRole("alert").filter({ hasText: "after you opened it" });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole("cell", { name: "A full harness" })).toBeVisible();
    await expect(notice.getByRole("cell", { name: "A partial one" })).toBeVisible();
    await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
    await snap(b, "conflict");

    await b.getByRole("button", { name: "Keep mine (replace theirs)" }).click();
    await expectSaved(b);
    await a.reload();
    await expect(questionGroup(a, question("constraints.eval_harness")).getByRole("radio", { name: "A partial one" })).toBeChecked();
  });

  test("keyboard only: number keys answer, arrows and Enter move between steps", async ({ page }) => {
    await signUp(page, newUser("keys"));
    await createDecision(page, "Keyboard");
    const heading = page.getByRole("heading", { level: 1, name: "Constraints" });
    await expect(heading).toBeFocused();
    // Tab past the step navigation into the first question's first option.
    const first = questionGroup(page, question("constraints.latency_cost_headroom")).getByRole("radio").first();
    for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(first).toBeFocused();
    await page.keyboard.press("2");
    await expect(questionGroup(page, question("constraints.latency_cost_headroom")).getByRole("radio", { name: "It is tight" })).toBeChecked();
    await expectSaved(page);
    await heading.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("heading", { level: 1, name: rubric.sections[1]!.title })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(heading).toBeFocused();
    await expect(questionGroup(page, question("constraints.latency_cost_headroom")).getByRole("radio", { name: "It is tight" })).toBeChecked();
  });
});

test("presentation mode: large type, no app chrome, and it stays on across steps until turned off", async ({ page }) => {
  await signUp(page, newUser("present"));
  await createDecision(page, "Projector");
  const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootFontSize();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Presentation mode" }).click();
  await expect(page.getByRole("button", { name: "Exit presentation mode" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  expect(await rootFontSize()).toBeGreaterThanOrEqual(normal * 1.2);
  await goNext(page);
  await expect(page.getByRole("button", { name: "Exit presentation mode" })).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "presentation-mode");
  await page.getByRole("button", { name: "Exit presentation mode" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await rootFontSize()).toBe(normal);
});
