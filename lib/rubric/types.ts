/**
 * Types of the rubric engine. PURE: this folder imports nothing from next,
 * react, prisma, lib/db or lib/dal (DESIGN.md rule 1).
 */

/** The four outcomes, in display order. */
export const LEVELS = ["pause", "prompt", "adapter", "finetune"] as const;
export type Level = (typeof LEVELS)[number];
/** What `thenLevel` may hold: the level R2–R7 pick when R1 pauses. */
export type ThenLevel = Exclude<Level, "pause">;

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type QuestionType = "choice" | "multi" | "boolean" | "integer" | "number";

export interface QuestionOption {
  /** Stable API id (RUBRIC-v1.md). */
  readonly id: string;
  /** User-facing label. */
  readonly label: string;
  /** Optional one-line explanation shown under the label. */
  readonly description?: string;
}

export interface Question {
  /** `section.question`, stable API. */
  readonly id: string;
  readonly section: string;
  readonly type: QuestionType;
  /** The question in plain words. */
  readonly label: string;
  /** Why the framework asks it, in plain words. */
  readonly help: string;
  /** choice and multi only. */
  readonly options?: readonly QuestionOption[];
  /** integer and number only. */
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /**
   * The contract marks this answer as optional: teams are not expected to
   * answer it (it feeds no rule). Every question may be missing anyway.
   */
  readonly optional?: boolean;
  /**
   * The contract gives `null` a specific meaning here (e.g. "not measured"),
   * which the UI should offer as an explicit choice. Every question accepts
   * `null` ("we don't know") anyway.
   */
  readonly nullable?: boolean;
  /** What `null` means for this question, when `nullable`. */
  readonly nullLabel?: string;
  /** Rule, caution, constraint, blocker and readiness ids this answer feeds. */
  readonly feeds: readonly string[];
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly questions: readonly Question[];
  /** Id of this section's free-text note: `notes.<section>`. */
  readonly noteId: string;
}

export interface Outcome {
  readonly id: Level;
  readonly label: string;
  readonly summary: string;
  readonly nextSteps: readonly string[];
}

export type RuleId =
  | "R1-eval-gate"
  | "R2-level0-untried"
  | "R3-hallucination"
  | "R4-coverage"
  | "R5-new-capability"
  | "R6-adapter"
  | "R7-default";

export interface RuleText {
  readonly id: RuleId;
  readonly title: string;
  /** The reason text shown when the rule fires. */
  readonly text: string;
}

export interface IdText {
  readonly id: string;
  readonly text: string;
}

export interface Rubric {
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly Section[];
  readonly outcomes: readonly Outcome[];
  readonly rules: readonly RuleText[];
  /** Reason text of R3 when the rate is unknown (the rule's second trigger). */
  readonly ruleVariants: Readonly<Record<string, string>>;
  readonly blockers: readonly (IdText & { readonly rule: RuleId })[];
  readonly cautions: readonly IdText[];
  readonly constraints: readonly IdText[];
  /** Readiness item texts keyed by readiness id. */
  readonly readiness: readonly IdText[];
  readonly notes: { readonly maxLength: number };
}

/** A value of one answer. `null` = "we don't know". */
export type AnswerValue = string | readonly string[] | boolean | number | null;
/** An answer set keyed by question id; a missing key is a draft. */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;
/** Free-text notes keyed by `notes.<section>`. */
export type Notes = Readonly<Record<string, string | null | undefined>>;

export interface Reason {
  rule: RuleId;
  level: Level;
  decisive: boolean;
  answers: string[];
  text: string;
}

export interface Blocker {
  id: string;
  rule: RuleId;
  text: string;
}

export interface Flag {
  id: string;
  text: string;
}

export interface ReadinessItem {
  id: string;
  done: boolean;
  text: string;
}

export type Fits = Record<Level, number>;

/** The Result JSON of RUBRIC-v1.md (stable API). Key order is part of it. */
export interface Result {
  rubricVersion: string;
  level: Level;
  thenLevel: ThenLevel | null;
  fits: Fits;
  confidence: Confidence;
  gateOverride: { rule: RuleId; bestFit: Level } | null;
  reasons: Reason[];
  blockers: Blocker[];
  cautions: Flag[];
  constraints: Flag[];
  readiness: ReadinessItem[];
  unknowns: string[];
}

export interface Issue {
  /** Dotted path; question ids are kept whole (`answers.level0.coverage_pct`). */
  path: string;
  message: string;
}
