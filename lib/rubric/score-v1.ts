/**
 * Scoring for rubric v1 (RUBRIC-v1.md). Pure and deterministic: the same
 * (answers, rubric) always gives the same Result, byte for byte once
 * JSON.stringify'd (objects are built in a fixed key order, arrays in rubric
 * or rule order). Accepts answers that already passed `answersSchema("v1")`.
 *
 * Missing and `null` are treated alike ("unknown"); a rule that tests for a
 * value does not fire on unknown, except R3, which fires on an unknown rate.
 */
import type {
  Answers,
  Blocker,
  Confidence,
  Fits,
  Flag,
  Level,
  ReadinessItem,
  Reason,
  Result,
  Rubric,
  RuleId,
  ThenLevel,
} from "./types";
import { LEVELS } from "./types";

const Q = {
  headroom: "constraints.latency_cost_headroom",
  residency: "constraints.data_residency",
  velocity: "constraints.change_velocity",
  harness: "constraints.eval_harness",
  evalCoverage: "constraints.eval_coverage",
  systemPrompt: "level0.system_prompt",
  retrieval: "level0.retrieval",
  validation: "level0.output_validation",
  tools: "level0.tools",
  rate: "level0.hallucination_rate_pct",
  coverage: "level0.coverage_pct",
  baseKnows: "level1.base_knows_domain",
  style: "level1.needs_style_control",
  shorter: "level1.needs_shorter_context",
  tenants: "level1.tenant_variants",
  benchmarked: "level1.serving_benchmarked",
  newCapability: "level2.needs_new_capability",
  cutContext: "level2.must_cut_context",
  trainingData: "level2.training_data",
  labeled: "level2.labeled_examples",
  continuous: "level2.continuous_training",
  dataPractices: "data.practices",
  deployPractices: "deploy.practices",
  regulated: "deploy.regulated",
} as const;

const EVAL_AREAS = ["groundedness", "safety", "task_success", "refusal_correctness"] as const;

/** The questions that feed a rule (R1–R6): the "deciding answers" of confidence. */
export const DECIDING_QUESTIONS_V1 = [
  Q.headroom,
  Q.harness,
  Q.evalCoverage,
  Q.systemPrompt,
  Q.retrieval,
  Q.rate,
  Q.coverage,
  Q.baseKnows,
  Q.style,
  Q.shorter,
  Q.tenants,
  Q.newCapability,
  Q.cutContext,
  Q.trainingData,
] as const;

/** Read accessors: `undefined` for missing and for null alike. */
class View {
  constructor(private readonly answers: Answers) {}
  private raw(id: string): unknown {
    const value = this.answers[id];
    return value === null ? undefined : value;
  }
  str(id: string): string | undefined {
    const v = this.raw(id);
    return typeof v === "string" ? v : undefined;
  }
  num(id: string): number | undefined {
    const v = this.raw(id);
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  }
  bool(id: string): boolean | undefined {
    const v = this.raw(id);
    return typeof v === "boolean" ? v : undefined;
  }
  list(id: string): readonly string[] | undefined {
    const v = this.raw(id);
    return Array.isArray(v) ? (v as readonly string[]) : undefined;
  }
  has(id: string, option: string): boolean {
    return this.list(id)?.includes(option) ?? false;
  }
}

interface Fired {
  rule: RuleId;
  level: Level;
  answers: string[];
  text: string;
}

function textOf(items: readonly { id: string; text: string }[], id: string): string {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`Rubric has no text for "${id}"`);
  return item.text;
}

/**
 * Fits, 0–100 per outcome, for the bar chart. Each outcome starts from a base
 * and adds the weight of every signal that holds (unknown answers add
 * nothing unless listed); the sum is clamped to 0–100 and rounded.
 *
 * pause:    harness none 100 | unknown 40 | partial 30 | full 0;
 *           + 5 per evaluation area not covered when the harness is partial or full
 *             (+10 when the covered areas are unknown).
 * prompt:   40; + 25 if the system prompt or retrieval is not tried;
 *           + 0.8 × (coverage − 50) when coverage is known (−40 … +40);
 *           rate > 5: + 15, rate in (3, 5]: + 5, rate unknown: + 5;
 *           + 5 for each level-0 lever left half-used (prompt basic,
 *             retrieval basic, validation none, tools none);
 *           change weekly + 10, monthly + 5; need for a new capability or
 *           less context − 15.
 * adapter:  25; base knows the domain: yes + 25, partly + 15, no − 20;
 *           style + 15, shorter context + 10, headroom tight + 10 / none + 15,
 *           tenants ≥ 2 + 15; level 0 untried − 20, rate > 5 − 15,
 *           coverage ≥ 80 − 15; change weekly − 10, monthly − 5.
 * finetune: 0; new capability + 30, cut context + 20; data diverse + 20,
 *           narrow + 5, none − 10; harness full + 10, none − 20;
 *           + 3 per evaluation area; ≥ 1000 labelled examples + 5;
 *           + 2 per data practice; continuous training + 5; level 0
 *           untried − 20, rate > 5 − 15, coverage ≥ 80 − 20;
 *           change weekly − 10, monthly − 5.
 */
export function fitsV1(answers: Answers): Fits {
  const a = new View(answers);
  const harness = a.str(Q.harness);
  const areas = a.list(Q.evalCoverage);
  const rate = a.num(Q.rate);
  const coverage = a.num(Q.coverage);
  const velocity = a.str(Q.velocity);
  const headroom = a.str(Q.headroom);
  const untried = a.str(Q.systemPrompt) === "not_tried" || a.str(Q.retrieval) === "not_tried";
  const need = a.bool(Q.newCapability) === true || a.bool(Q.cutContext) === true;
  const highRate = rate !== undefined && rate > 5;
  const highCoverage = coverage !== undefined && coverage >= 80;
  const tenants = a.num(Q.tenants);

  let pause = harness === "none" ? 100 : harness === "partial" ? 30 : harness === "full" ? 0 : 40;
  if (harness === "partial" || harness === "full") {
    pause += areas === undefined ? 10 : 5 * EVAL_AREAS.filter((area) => !areas.includes(area)).length;
  }

  let prompt = 40;
  if (untried) prompt += 25;
  if (coverage !== undefined) prompt += 0.8 * (coverage - 50);
  if (rate === undefined) prompt += 5;
  else if (rate > 5) prompt += 15;
  else if (rate > 3) prompt += 5;
  if (a.str(Q.systemPrompt) === "basic") prompt += 5;
  if (a.str(Q.retrieval) === "basic") prompt += 5;
  if (a.str(Q.validation) === "none") prompt += 5;
  if (a.str(Q.tools) === "none") prompt += 5;
  if (velocity === "weekly") prompt += 10;
  if (velocity === "monthly") prompt += 5;
  if (need) prompt -= 15;

  let adapter = 25;
  const knows = a.str(Q.baseKnows);
  if (knows === "yes") adapter += 25;
  if (knows === "partly") adapter += 15;
  if (knows === "no") adapter -= 20;
  if (a.bool(Q.style) === true) adapter += 15;
  if (a.bool(Q.shorter) === true) adapter += 10;
  if (headroom === "tight") adapter += 10;
  if (headroom === "none") adapter += 15;
  if (tenants !== undefined && tenants >= 2) adapter += 15;
  if (untried) adapter -= 20;
  if (highRate) adapter -= 15;
  if (highCoverage) adapter -= 15;
  if (velocity === "weekly") adapter -= 10;
  if (velocity === "monthly") adapter -= 5;

  let finetune = 0;
  if (a.bool(Q.newCapability) === true) finetune += 30;
  if (a.bool(Q.cutContext) === true) finetune += 20;
  const data = a.str(Q.trainingData);
  if (data === "diverse") finetune += 20;
  if (data === "narrow") finetune += 5;
  if (data === "none") finetune -= 10;
  if (harness === "full") finetune += 10;
  if (harness === "none") finetune -= 20;
  finetune += 3 * (areas?.length ?? 0);
  const labeled = a.num(Q.labeled);
  if (labeled !== undefined && labeled >= 1000) finetune += 5;
  finetune += 2 * (a.list(Q.dataPractices)?.length ?? 0);
  if (a.bool(Q.continuous) === true) finetune += 5;
  if (untried) finetune -= 20;
  if (highRate) finetune -= 15;
  if (highCoverage) finetune -= 20;
  if (velocity === "weekly") finetune -= 10;
  if (velocity === "monthly") finetune -= 5;

  return { pause: clamp(pause), prompt: clamp(prompt), adapter: clamp(adapter), finetune: clamp(finetune) };
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value)));
}

/**
 * Confidence from the deciding answers (the 14 questions that feed R1–R6)
 * that are unknown: 0–2 → high, 3–6 → medium, 7 or more → low. An unknown
 * `eval_harness` caps it at medium: the R1 gate itself could not be checked.
 */
export function confidenceV1(answers: Answers): Confidence {
  const unknown = DECIDING_QUESTIONS_V1.filter((id) => answers[id] === undefined || answers[id] === null).length;
  let confidence: Confidence = unknown <= 2 ? "high" : unknown <= 6 ? "medium" : "low";
  if (confidence === "high" && (answers[Q.harness] === undefined || answers[Q.harness] === null)) confidence = "medium";
  return confidence;
}

export function scoreV1(rubric: Rubric, answers: Answers): Result {
  const a = new View(answers);
  const ruleText = (id: RuleId) => textOf(rubric.rules, id);
  const blockerText = (id: string) => textOf(rubric.blockers, id);
  const blockerIds = new Set<string>();

  // R1: the evaluation gate.
  const harness = a.str(Q.harness);
  const r1: Fired | null =
    harness === "none" ? { rule: "R1-eval-gate", level: "pause", answers: [Q.harness], text: ruleText("R1-eval-gate") } : null;
  if (r1) blockerIds.add("B-eval-harness");

  // R2–R6, every one evaluated; R7 fires when none of them picked a level.
  const fired: Fired[] = [];

  const untriedIds = [Q.systemPrompt, Q.retrieval].filter((id) => a.str(id) === "not_tried");
  if (untriedIds.length > 0) {
    fired.push({ rule: "R2-level0-untried", level: "prompt", answers: untriedIds, text: ruleText("R2-level0-untried") });
  }

  const rate = a.num(Q.rate);
  if (rate === undefined) {
    blockerIds.add("B-hallucination-unmeasured");
    fired.push({
      rule: "R3-hallucination",
      level: "prompt",
      answers: [Q.rate],
      text: rubric.ruleVariants["R3-hallucination.unmeasured"] ?? ruleText("R3-hallucination"),
    });
  } else if (rate > 5) {
    blockerIds.add("B-hallucination-high");
    fired.push({ rule: "R3-hallucination", level: "prompt", answers: [Q.rate], text: ruleText("R3-hallucination") });
  }

  const coverage = a.num(Q.coverage);
  if (coverage !== undefined && coverage >= 80) {
    fired.push({ rule: "R4-coverage", level: "prompt", answers: [Q.coverage], text: ruleText("R4-coverage") });
  }

  const needIds = [Q.newCapability, Q.cutContext].filter((id) => a.bool(id) === true);
  if (needIds.length > 0) {
    const dataReady = a.str(Q.trainingData) === "diverse";
    const evalsReady = harness === "full" && EVAL_AREAS.every((area) => a.has(Q.evalCoverage, area));
    if (!dataReady) blockerIds.add("B-finetune-data");
    if (!evalsReady) blockerIds.add("B-finetune-evals");
    if (dataReady && evalsReady) {
      fired.push({
        rule: "R5-new-capability",
        level: "finetune",
        answers: [...needIds, Q.trainingData, Q.harness, Q.evalCoverage],
        text: ruleText("R5-new-capability"),
      });
    }
  }

  const knows = a.str(Q.baseKnows);
  if (knows === "yes" || knows === "partly") {
    const triggers: string[] = [];
    if (a.bool(Q.style) === true) triggers.push(Q.style);
    if (a.bool(Q.shorter) === true) triggers.push(Q.shorter);
    const headroom = a.str(Q.headroom);
    if (headroom === "tight" || headroom === "none") triggers.push(Q.headroom);
    const tenants = a.num(Q.tenants);
    if (tenants !== undefined && tenants >= 2) triggers.push(Q.tenants);
    if (triggers.length > 0) {
      // Keep the triggering answers in rubric order.
      const ids = [Q.baseKnows, ...triggers].sort((x, y) => questionIndex(rubric, x) - questionIndex(rubric, y));
      fired.push({ rule: "R6-adapter", level: "adapter", answers: ids, text: ruleText("R6-adapter") });
    }
  }

  if (fired.length === 0) {
    fired.push({ rule: "R7-default", level: "prompt", answers: [], text: ruleText("R7-default") });
  }

  const [first] = fired;
  if (!first) throw new Error("unreachable: R7 always fires when nothing else does");
  const level: Level = r1 ? "pause" : first.level;
  const thenLevel: ThenLevel | null = r1 ? (first.level as ThenLevel) : null;
  const decisive = r1 ?? first;
  const reasons: Reason[] = [...(r1 ? [r1] : []), ...fired].map((reason) => ({
    rule: reason.rule,
    level: reason.level,
    decisive: reason === decisive,
    answers: reason.answers,
    text: reason.text,
  }));

  const fits = fitsV1(answers);
  const best = Math.max(...LEVELS.map((id) => fits[id]));
  const bestFit = LEVELS.find((id) => fits[id] === best) ?? level;
  const gate = decisive.rule === "R1-eval-gate" || decisive.rule === "R2-level0-untried" || decisive.rule === "R3-hallucination";
  const gateOverride = gate && fits[level] < best ? { rule: decisive.rule, bestFit } : null;

  const blockers: Blocker[] = rubric.blockers
    .filter((blocker) => blockerIds.has(blocker.id))
    .map((blocker) => ({ id: blocker.id, rule: blocker.rule, text: blockerText(blocker.id) }));

  // Cautions and readiness follow the level the team is heading for: the
  // picked level, or thenLevel when R1 pauses.
  const heading: ThenLevel = thenLevel ?? (level as ThenLevel);
  const cautionIds = new Set<string>();
  const velocity = a.str(Q.velocity);
  if ((velocity === "weekly" || velocity === "monthly") && (heading === "adapter" || heading === "finetune")) {
    cautionIds.add("C-change-velocity");
  }
  if (rate !== undefined && rate > 3 && rate <= 5) cautionIds.add("C-hallucination-band");
  const headroom = a.str(Q.headroom);
  if ((headroom === "tight" || headroom === "none") && heading === "prompt") cautionIds.add("C-latency");
  const tenants = a.num(Q.tenants);
  if (tenants !== undefined && tenants >= 2 && heading === "adapter") cautionIds.add("C-tenants");
  const cautions: Flag[] = rubric.cautions.filter((c) => cautionIds.has(c.id)).map((c) => ({ id: c.id, text: c.text }));

  const constraintIds = new Set<string>();
  const residency = a.str(Q.residency);
  if (residency === "must_stay") constraintIds.add("H-self-host");
  if (residency === "redacted_only") constraintIds.add("H-redacted-only");
  if (a.bool(Q.regulated) === true) constraintIds.add("G-guardrails");
  const constraints: Flag[] = rubric.constraints.filter((c) => constraintIds.has(c.id)).map((c) => ({ id: c.id, text: c.text }));

  const readiness: ReadinessItem[] = rubric.readiness
    .filter((item) => readinessApplies(item.id, heading))
    .map((item) => ({ id: item.id, done: readinessDone(a, item.id), text: item.text }));

  const unknowns = rubric.sections
    .flatMap((section) => section.questions)
    .filter((question) => question.feeds.some((id) => id !== "fits"))
    .filter((question) => answers[question.id] === undefined || answers[question.id] === null)
    .map((question) => question.id);

  return {
    rubricVersion: rubric.version,
    level,
    thenLevel,
    fits,
    confidence: confidenceV1(answers),
    gateOverride,
    reasons,
    blockers,
    cautions,
    constraints,
    readiness,
    unknowns,
  };
}

function questionIndex(rubric: Rubric, id: string): number {
  return rubric.sections.flatMap((section) => section.questions).findIndex((question) => question.id === id);
}

/** RUBRIC-v1.md, "Readiness checklist". */
function readinessApplies(id: string, heading: ThenLevel): boolean {
  if (id.startsWith("deploy.practices.")) return true;
  if (id.startsWith("data.practices.") || id === "level1.serving_benchmarked") return heading === "adapter" || heading === "finetune";
  if (id === "level2.continuous_training" || id.startsWith("constraints.eval_coverage.")) return heading === "finetune";
  return false;
}

function readinessDone(a: View, id: string): boolean {
  for (const multi of [Q.dataPractices, Q.deployPractices, Q.evalCoverage]) {
    if (id.startsWith(`${multi}.`)) return a.has(multi, id.slice(multi.length + 1));
  }
  return a.bool(id) === true;
}
