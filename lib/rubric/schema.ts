/**
 * zod schemas DERIVED from rubric data: nothing here is written per question.
 * A question becomes a schema by its `type`, `options`, `min` and `max`; an
 * answer set is a strict object of all questions (unknown ids rejected),
 * every question optional (a draft) and nullable ("we don't know").
 */
import * as z from "zod";
import type { Issue, Question, Rubric, Section } from "./types";
import { CONFIDENCES, LEVELS } from "./types";

/** The schema of one question's value, without optional/nullable. */
export function questionValueSchema(question: Question): z.ZodType {
  const meta = { title: question.label, description: question.help };
  switch (question.type) {
    case "choice": {
      const ids = optionIds(question);
      return z.enum(ids).meta(meta);
    }
    case "multi": {
      const ids = optionIds(question);
      return z
        .array(z.enum(ids))
        // Unique option ids; this also bounds the length by the option count.
        .superRefine((values, ctx) => {
          if (!Array.isArray(values)) return;
          const seen = new Set<string>();
          values.forEach((value, index) => {
            if (seen.has(value)) {
              ctx.addIssue({ code: "custom", message: `"${value}" is listed more than once`, path: [index], input: value });
            }
            seen.add(value);
          });
        })
        .meta({ ...meta, uniqueItems: true, maxItems: ids.length });
    }
    case "boolean":
      return z.boolean().meta(meta);
    case "integer": {
      let schema = z.int();
      if (question.min !== undefined) schema = schema.min(question.min);
      if (question.max !== undefined) schema = schema.max(question.max);
      return schema.meta(meta);
    }
    case "number": {
      let schema = z.number();
      if (question.min !== undefined) schema = schema.min(question.min);
      if (question.max !== undefined) schema = schema.max(question.max);
      return schema.meta(meta);
    }
  }
}

function optionIds(question: Question): [string, ...string[]] {
  const ids = (question.options ?? []).map((option) => option.id);
  if (ids.length === 0) throw new Error(`Question ${question.id} has no options`);
  return ids as [string, ...string[]];
}

/** A question's answer: its value, `null` ("we don't know"), or missing. */
export function questionSchema(question: Question) {
  return questionValueSchema(question).nullable().optional();
}

function strictShape(questions: readonly Question[], unknownMessage: string) {
  const shape: Record<string, ReturnType<typeof questionSchema>> = {};
  for (const question of questions) shape[question.id] = questionSchema(question);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? unknownMessage : undefined),
  });
}

export function buildAnswersSchema(rubric: Rubric) {
  return strictShape(
    rubric.sections.flatMap((section) => section.questions),
    "Unknown question id",
  ).meta({ description: `An answer set for rubric ${rubric.version}, keyed by question id. A missing answer is a draft; null means "we don't know".` });
}

export function buildStepAnswersSchema(rubric: Rubric, section: Section) {
  return strictShape(section.questions, `Unknown question id for step "${section.id}"`);
}

/** One step's note text: any string within the rubric's length limit. */
export function buildNoteTextSchema(rubric: Rubric) {
  return z.string().max(rubric.notes.maxLength);
}

export function buildNotesSchema(rubric: Rubric) {
  const shape: Record<string, z.ZodOptional<z.ZodNullable<z.ZodString>>> = {};
  for (const section of rubric.sections) {
    shape[section.noteId] = buildNoteTextSchema(rubric)
      .nullable()
      .optional()
      .meta({ description: `Free-text note for the step "${section.title}". Kept, never scored.` });
  }
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? "Unknown note id" : undefined),
  });
}

/** The Result JSON of RUBRIC-v1.md as a schema (response documentation and tests). */
export function buildResultSchema(versions: readonly [string, ...string[]]) {
  const level = z.enum(LEVELS);
  const ruleId = z.string().regex(/^R[1-7]-[a-z0-9-]+$/);
  return z
    .strictObject({
      rubricVersion: z.enum(versions),
      level,
      thenLevel: z.enum(["prompt", "adapter", "finetune"]).nullable(),
      fits: z.strictObject({
        pause: z.int().min(0).max(100),
        prompt: z.int().min(0).max(100),
        adapter: z.int().min(0).max(100),
        finetune: z.int().min(0).max(100),
      }),
      confidence: z.enum(CONFIDENCES),
      gateOverride: z.strictObject({ rule: ruleId, bestFit: level }).nullable(),
      reasons: z.array(
        z.strictObject({
          rule: ruleId,
          level,
          decisive: z.boolean(),
          answers: z.array(z.string()),
          text: z.string(),
        }),
      ),
      blockers: z.array(z.strictObject({ id: z.string(), rule: ruleId, text: z.string() })),
      cautions: z.array(z.strictObject({ id: z.string(), text: z.string() })),
      constraints: z.array(z.strictObject({ id: z.string(), text: z.string() })),
      readiness: z.array(z.strictObject({ id: z.string(), done: z.boolean(), text: z.string() })),
      unknowns: z.array(z.string()),
    })
    .meta({ description: "The scored result (stable API, RUBRIC-v1.md)." });
}

type IssueLike = {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
};

/** Renders a path: object keys joined with "." (kept whole, dots and all), array indexes as [n]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += (out === "" ? "" : ".") + String(segment);
  }
  return out;
}

/**
 * Flattens zod issues to `[{ path, message }]`, one per offending path. An
 * unknown-keys issue becomes one entry per unknown key, with the key in the
 * path. `prefix` is prepended (e.g. ["answers"] inside a request body).
 */
export function formatIssues(
  error: { readonly issues: readonly IssueLike[] } | readonly IssueLike[],
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  const issues: readonly IssueLike[] = Array.isArray(error) ? (error as readonly IssueLike[]) : (error as { issues: readonly IssueLike[] }).issues;
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys && issue.keys.length > 0) {
      for (const key of issue.keys) out.push({ path: formatPath([...prefix, ...issue.path, key]), message: issue.message });
    } else {
      out.push({ path: formatPath([...prefix, ...issue.path]), message: issue.message });
    }
  }
  return out;
}

/** The shape of a rubric document (GET /api/v1/rubrics/{version}). */
export const rubricDocumentSchema = (() => {
  const option = z.strictObject({ id: z.string(), label: z.string(), description: z.string().optional() });
  const question = z.strictObject({
    id: z.string(),
    section: z.string(),
    type: z.enum(["choice", "multi", "boolean", "integer", "number"]),
    label: z.string(),
    help: z.string(),
    options: z.array(option).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
    optional: z.boolean().optional(),
    nullable: z.boolean().optional(),
    nullLabel: z.string().optional(),
    feeds: z.array(z.string()),
  });
  const idText = z.strictObject({ id: z.string(), text: z.string() });
  return z
    .strictObject({
      version: z.string(),
      title: z.string(),
      description: z.string(),
      sections: z.array(
        z.strictObject({ id: z.string(), noteId: z.string(), title: z.string(), intro: z.string(), questions: z.array(question) }),
      ),
      outcomes: z.array(
        z.strictObject({ id: z.enum(LEVELS), label: z.string(), summary: z.string(), nextSteps: z.array(z.string()) }),
      ),
      rules: z.array(z.strictObject({ id: z.string(), title: z.string(), text: z.string() })),
      ruleVariants: z.record(z.string(), z.string()),
      blockers: z.array(z.strictObject({ id: z.string(), rule: z.string(), text: z.string() })),
      cautions: z.array(idText),
      constraints: z.array(idText),
      readiness: z.array(idText),
      notes: z.strictObject({ maxLength: z.int() }),
    })
    .meta({ description: "A rubric version: steps, questions, options, help texts, outcomes and the texts of its rules." });
})();
