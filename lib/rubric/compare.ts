/** Comparing two results, or two answer sets of one rubric. Pure. */
import type { AnswerValue, Answers, Blocker, Flag, Level, Reason, Result, Rubric } from "./types";
import { LEVELS } from "./types";

export interface Change<T> {
  before: T;
  after: T;
  changed: boolean;
}

export interface AddedRemoved<T> {
  added: T[];
  removed: T[];
}

export interface ResultComparison {
  rubricVersions: { before: string; after: string };
  /** The two results were scored with different rubric versions: read the deltas with care. */
  versionsDiffer: boolean;
  level: Change<Level>;
  thenLevel: Change<Result["thenLevel"]>;
  confidence: Change<Result["confidence"]>;
  /** Per outcome: before, after, delta = after − before. */
  fits: Record<Level, { before: number; after: number; delta: number }>;
  /** By rule id; added items come from `after`, removed from `before`. */
  reasons: AddedRemoved<Reason>;
  /** Rule ids whose reason was decisive in one result and not in the other. */
  decisiveRule: Change<Reason["rule"] | null>;
  blockers: AddedRemoved<Blocker>;
  cautions: AddedRemoved<Flag>;
  constraints: AddedRemoved<Flag>;
  unknowns: AddedRemoved<string>;
}

function diffBy<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): AddedRemoved<T> {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((item) => !beforeKeys.has(key(item))),
    removed: before.filter((item) => !afterKeys.has(key(item))),
  };
}

function change<T>(before: T, after: T): Change<T> {
  return { before, after, changed: before !== after };
}

/** `a` is the earlier result ("before"), `b` the later one ("after"). */
export function compareResults(a: Result, b: Result): ResultComparison {
  const fits = {} as ResultComparison["fits"];
  for (const level of LEVELS) {
    fits[level] = { before: a.fits[level], after: b.fits[level], delta: b.fits[level] - a.fits[level] };
  }
  const decisive = (result: Result) => result.reasons.find((reason) => reason.decisive)?.rule ?? null;
  return {
    rubricVersions: { before: a.rubricVersion, after: b.rubricVersion },
    versionsDiffer: a.rubricVersion !== b.rubricVersion,
    level: change(a.level, b.level),
    thenLevel: change(a.thenLevel, b.thenLevel),
    confidence: change(a.confidence, b.confidence),
    fits,
    reasons: diffBy(a.reasons, b.reasons, (reason) => reason.rule),
    decisiveRule: change(decisive(a), decisive(b)),
    blockers: diffBy(a.blockers, b.blockers, (item) => item.id),
    cautions: diffBy(a.cautions, b.cautions, (item) => item.id),
    constraints: diffBy(a.constraints, b.constraints, (item) => item.id),
    unknowns: diffBy(a.unknowns, b.unknowns, (id) => id),
  };
}

export interface AnswerChange {
  id: string;
  section: string;
  /** `undefined` = missing (draft), `null` = "we don't know". */
  before: AnswerValue | undefined;
  after: AnswerValue | undefined;
  changed: boolean;
}

/**
 * Per question, in rubric order: whether the answer changed. Multi answers
 * compare as sets (order does not matter). Missing and `null` count as
 * different: the record moved from "not answered" to "we don't know".
 */
export function compareAnswersFor(rubric: Rubric, a: Answers, b: Answers): AnswerChange[] {
  return rubric.sections.flatMap((section) =>
    section.questions.map((question) => {
      const before = a[question.id];
      const after = b[question.id];
      return { id: question.id, section: section.id, before, after, changed: !sameAnswer(before, after) };
    }),
  );
}

function sameAnswer(x: AnswerValue | undefined, y: AnswerValue | undefined): boolean {
  if (Array.isArray(x) && Array.isArray(y)) {
    const xs = new Set<string>(x as readonly string[]);
    const ys = new Set<string>(y as readonly string[]);
    return xs.size === ys.size && [...xs].every((value) => ys.has(value));
  }
  return x === y;
}
