import type { Page } from "@playwright/test";

import { type Answers, type Question, requireRubric } from "@/lib/rubric";

import { expect, untilHydrated } from "./fixtures";

export const rubric = requireRubric("v1");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A question's fieldset, found as a person would: by its legend. */
export function questionGroup(page: Page, question: Question) {
  return page.getByRole("group", { name: new RegExp(`^${escape(question.label)}`) });
}

/** Answers the questions of the open step that `answers` names, through the visible controls. */
export async function answerStep(page: Page, sectionId: string, answers: Answers) {
  const section = rubric.sections.find((s) => s.id === sectionId)!;
  for (const q of section.questions) {
    if (!(q.id in answers)) continue;
    const value = answers[q.id];
    const group = questionGroup(page, q);
    const unknownLabel = q.nullLabel ?? "We don’t know";
    if (value === null) {
      await group.getByRole(q.type === "multi" || q.type === "integer" || q.type === "number" ? "checkbox" : "radio", { name: unknownLabel, exact: true }).check();
    } else if (q.type === "choice") {
      await group.getByRole("radio", { name: q.options!.find((o) => o.id === value)!.label, exact: true }).check();
    } else if (q.type === "boolean") {
      await group.getByRole("radio", { name: value ? "Yes" : "No", exact: true }).check();
    } else if (q.type === "multi") {
      if ((value as string[]).length === 0) {
        await group.getByRole("checkbox", { name: "None of these", exact: true }).check();
        continue;
      }
      for (const o of q.options!) {
        const box = group.getByRole("checkbox", { name: o.label, exact: true });
        if ((value as string[]).includes(o.id)) await box.check();
        else await box.uncheck();
      }
    } else {
      await group.getByRole("spinbutton").fill(String(value));
    }
  }
}

/**
 * From the team page to a hydrated New decision form. Waits for the new page itself: until the
 * navigation lands, the team page's search box ("Search titles, use cases and notes") is what a loose
 * `getByLabel("Title")` finds, and typing there is lost with the page.
 */
export async function openNewDecisionForm(page: Page) {
  await page.getByRole("link", { name: "New decision" }).click();
  await expect(page).toHaveURL(/\/decisions\/new$/);
  await untilHydrated(page.getByLabel("Title", { exact: true }));
}

export async function createDecision(page: Page, title: string) {
  await openNewDecisionForm(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Use case").fill(`An LLM feature for our customers: ${title.toLowerCase()}.`);
  await page.getByLabel("Participants").fill("Ana (PM)\nBo (ML)");
  await page.getByRole("button", { name: "Create and start the workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: rubric.sections[0]!.title })).toBeVisible();
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", /saved|idle/);
}

export async function goNext(page: Page) {
  const current = page.url();
  await page.getByRole("button", { name: /^Next\b/ }).click();
  await expect(page).not.toHaveURL(current);
}
