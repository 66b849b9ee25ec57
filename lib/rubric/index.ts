/**
 * The rubric engine's public surface: a registry of versioned rubrics (data
 * files never edited once shipped), their derived zod schemas, scoring and
 * comparison. PURE: imports nothing from next, react, prisma, lib/db, lib/dal.
 */
import type * as z from "zod";
import { compareAnswersFor } from "./compare";
import {
  buildAnswersSchema,
  buildNotesSchema,
  buildNoteTextSchema,
  buildResultSchema,
  buildStepAnswersSchema,
  formatIssues,
} from "./schema";
import { scoreV1 } from "./score-v1";
import type { Answers, Issue, Result, Rubric } from "./types";
import { rubricV1 } from "./v1";

export * from "./types";
export { compareResults } from "./compare";
export type { AddedRemoved, AnswerChange, Change, ResultComparison } from "./compare";
export { formatIssues, formatPath, rubricDocumentSchema } from "./schema";

export const CURRENT_RUBRIC_VERSION = "v1";

interface Entry {
  rubric: Rubric;
  score: (rubric: Rubric, answers: Answers) => Result;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const REGISTRY: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ["v1", { rubric: deepFreeze(rubricV1 as Rubric), score: scoreV1 }],
]);

export class UnknownRubricVersionError extends Error {
  readonly code = "UNKNOWN_RUBRIC_VERSION";
  constructor(readonly version: string) {
    super(`Unknown rubric version "${version}"`);
    this.name = "UnknownRubricVersionError";
  }
}

/** Versions in release order. */
export function listRubricVersions(): string[] {
  return [...REGISTRY.keys()];
}

export function getRubric(version: string): Rubric | undefined {
  return REGISTRY.get(version)?.rubric;
}

/** Like getRubric, but throws UnknownRubricVersionError. */
export function requireRubric(version: string): Rubric {
  return requireEntry(version).rubric;
}

function requireEntry(version: string): Entry {
  const entry = REGISTRY.get(version);
  if (!entry) throw new UnknownRubricVersionError(version);
  return entry;
}

function memo<T>(build: (version: string) => T): (version: string) => T {
  const cache = new Map<string, T>();
  return (version) => {
    let value = cache.get(version);
    if (value === undefined) {
      value = build(version);
      cache.set(version, value);
    }
    return value;
  };
}

/** Schema of a whole answer set (strict: unknown question ids rejected). Throws for an unknown version. */
export const answersSchema = memo((version: string) => buildAnswersSchema(requireRubric(version)));

/** Schema of one step's answers. Throws for an unknown version or section. */
export function stepAnswersSchema(version: string, sectionId: string) {
  return stepSchemas(`${version}\u0000${sectionId}`);
}
const stepSchemas = memo((key: string) => {
  const [version = "", sectionId = ""] = key.split("\u0000");
  const rubric = requireRubric(version);
  const section = rubric.sections.find((candidate) => candidate.id === sectionId);
  if (!section) throw new Error(`Rubric ${version} has no section "${sectionId}"`);
  return buildStepAnswersSchema(rubric, section);
});

/** Schema of the free-text notes, keyed `notes.<section>`. Throws for an unknown version. */
export const notesSchema = memo((version: string) => buildNotesSchema(requireRubric(version)));

/** Schema of one step's note text (the rubric's length limit). Throws for an unknown version. */
export const noteTextSchema = memo((version: string) => buildNoteTextSchema(requireRubric(version)));

/** Schema of a Result (any registered version). */
export const resultSchema = buildResultSchema(listRubricVersions() as [string, ...string[]]);

/**
 * Scores an answer set that already passed `answersSchema(version)`.
 * Pure and deterministic. Throws UnknownRubricVersionError for an unknown version.
 */
export function score(answers: Answers, version: string): Result {
  const entry = requireEntry(version);
  return entry.score(entry.rubric, answers);
}

export type ParseAndScore = { ok: true; result: Result } | { ok: false; issues: Issue[] };

/** Validates untrusted input with the version's schema, then scores it. */
export function parseAndScore(input: unknown, version: string): ParseAndScore {
  if (!REGISTRY.has(version)) {
    return { ok: false, issues: [{ path: "rubricVersion", message: `Unknown rubric version "${version}"` }] };
  }
  const parsed = answersSchema(version).safeParse(input);
  if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error) };
  return { ok: true, result: score(parsed.data as Answers, version) };
}

/** Per-question changed/unchanged list in rubric order. */
export function compareAnswers(a: Answers, b: Answers, version: string) {
  return compareAnswersFor(requireRubric(version), a, b);
}

export type AnswersSchema = ReturnType<typeof answersSchema>;
export type InferAnswers = z.infer<AnswersSchema>;
