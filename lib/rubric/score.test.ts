import { describe, expect, it } from "vitest";
import { answersSchema, score, type Answers, type Level, type Result, type RuleId } from "./index";

const ALL_AREAS = ["groundedness", "safety", "task_success", "refusal_correctness"];

/** The worked examples of RUBRIC-v1.md, built the way the table reads. */
const HALLUCINATING: Answers = {
  "constraints.eval_harness": "full",
  "level0.system_prompt": "mature",
  "level0.retrieval": "basic",
  "level0.hallucination_rate_pct": 8,
};
const GOOD_ENOUGH: Answers = { ...HALLUCINATING, "level0.hallucination_rate_pct": 2, "level0.coverage_pct": 85 };
const STYLE: Answers = { ...GOOD_ENOUGH, "level0.coverage_pct": 60, "level1.base_knows_domain": "yes", "level1.needs_style_control": true };
const NEW_SKILL: Answers = {
  "constraints.eval_harness": "full",
  "constraints.eval_coverage": ALL_AREAS,
  "level0.system_prompt": "mature",
  "level0.retrieval": "basic",
  "level0.hallucination_rate_pct": 2,
  "level0.coverage_pct": 50,
  "level2.needs_new_capability": true,
  "level2.training_data": "diverse",
};
const THIN_DATA: Answers = { ...NEW_SKILL, "level2.training_data": "narrow" };
/** Passes R1–R4 and does not need training: the R7 default. */
const PLAIN: Answers = { ...GOOD_ENOUGH, "level0.coverage_pct": 60 };

interface Case {
  name: string;
  answers: Answers;
  level: Level;
  thenLevel?: Result["thenLevel"];
  decisive: RuleId;
  /** Every rule that fired, in order (decisive or not). */
  fired: RuleId[];
  blockers?: string[];
  cautions?: string[];
  constraints?: string[];
  /** Exact readiness checklist as [id, done]; unchecked when omitted. */
  readiness?: [string, boolean][];
  check?: (result: Result) => void;
}

const DEPLOY_IDS = ["versioned_artifacts", "canary_rollback", "monitoring", "alerts"].map((o) => `deploy.practices.${o}`);
const DATA_IDS = ["labeled_traces", "hard_negatives", "balanced_mix", "lineage"].map((o) => `data.practices.${o}`);

const cases: Case[] = [
  // Worked examples (RUBRIC-v1.md)
  {
    name: "worked: no evals → pause, then prompt",
    answers: { "constraints.eval_harness": "none" },
    level: "pause",
    thenLevel: "prompt",
    decisive: "R1-eval-gate",
    fired: ["R1-eval-gate", "R3-hallucination"],
    blockers: ["B-eval-harness", "B-hallucination-unmeasured"],
  },
  {
    name: "worked: untried prompt → prompt (R2)",
    answers: { "constraints.eval_harness": "full", "level0.system_prompt": "not_tried" },
    level: "prompt",
    decisive: "R2-level0-untried",
    fired: ["R2-level0-untried", "R3-hallucination"],
    blockers: ["B-hallucination-unmeasured"],
    check: (r) => expect(r.reasons[0]?.answers).toEqual(["level0.system_prompt"]),
  },
  {
    name: "worked: hallucinating → prompt with blocker",
    answers: HALLUCINATING,
    level: "prompt",
    decisive: "R3-hallucination",
    fired: ["R3-hallucination"],
    blockers: ["B-hallucination-high"],
  },
  {
    name: "worked: good enough → prompt (R4)",
    answers: GOOD_ENOUGH,
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
  },
  {
    name: "worked: style → adapter (R6)",
    answers: STYLE,
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    check: (r) => expect(r.reasons[0]?.answers).toEqual(["level1.base_knows_domain", "level1.needs_style_control"]),
  },
  {
    name: "worked: new skill → finetune (R5)",
    answers: NEW_SKILL,
    level: "finetune",
    decisive: "R5-new-capability",
    fired: ["R5-new-capability"],
  },
  {
    name: "worked: new skill, thin data → not finetune, blocker on data",
    answers: THIN_DATA,
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    blockers: ["B-finetune-data"],
  },
  // R1
  {
    name: "R1: no harness with the style answers → pause, then adapter",
    answers: { ...STYLE, "constraints.eval_harness": "none" },
    level: "pause",
    thenLevel: "adapter",
    decisive: "R1-eval-gate",
    fired: ["R1-eval-gate", "R6-adapter"],
    blockers: ["B-eval-harness"],
  },
  {
    name: "R1: no harness never leads to finetune (R5 needs a full harness)",
    answers: { ...NEW_SKILL, "constraints.eval_harness": "none" },
    level: "pause",
    thenLevel: "prompt",
    decisive: "R1-eval-gate",
    fired: ["R1-eval-gate", "R7-default"],
    blockers: ["B-eval-harness", "B-finetune-evals"],
  },
  {
    name: "R1: a partial harness does not pause",
    answers: { ...PLAIN, "constraints.eval_harness": "partial" },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
  },
  {
    name: "R1: an unknown (null) harness does not pause, and is an unknown",
    answers: { ...PLAIN, "constraints.eval_harness": null },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    check: (r) => expect(r.unknowns).toContain("constraints.eval_harness"),
  },
  // R2
  {
    name: "R2: retrieval not tried alone fires, naming retrieval only",
    answers: { ...PLAIN, "level0.retrieval": "not_tried" },
    level: "prompt",
    decisive: "R2-level0-untried",
    fired: ["R2-level0-untried"],
    check: (r) => expect(r.reasons[0]?.answers).toEqual(["level0.retrieval"]),
  },
  {
    name: "R2: both untried name both answers",
    answers: { ...PLAIN, "level0.retrieval": "not_tried", "level0.system_prompt": "not_tried" },
    level: "prompt",
    decisive: "R2-level0-untried",
    fired: ["R2-level0-untried"],
    check: (r) => expect(r.reasons[0]?.answers).toEqual(["level0.system_prompt", "level0.retrieval"]),
  },
  {
    name: "R2: retrieval not needed does not fire R2",
    answers: { ...STYLE, "level0.retrieval": "not_needed" },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
  },
  {
    name: "R2 before R6: untried prompt beats the adapter signals",
    answers: { ...STYLE, "level0.system_prompt": "not_tried" },
    level: "prompt",
    decisive: "R2-level0-untried",
    fired: ["R2-level0-untried", "R6-adapter"],
  },
  // R3 boundaries
  {
    name: "R3 boundary: rate 5 is the warning band, not the rule",
    answers: { ...PLAIN, "level0.hallucination_rate_pct": 5 },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    cautions: ["C-hallucination-band"],
  },
  {
    name: "R3 boundary: rate 5.01 fires with the high-rate blocker",
    answers: { ...PLAIN, "level0.hallucination_rate_pct": 5.01 },
    level: "prompt",
    decisive: "R3-hallucination",
    fired: ["R3-hallucination"],
    blockers: ["B-hallucination-high"],
  },
  {
    name: "R3 boundary: rate 3 is below the band",
    answers: { ...PLAIN, "level0.hallucination_rate_pct": 3 },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
  },
  {
    name: "R3 boundary: rate 3.01 is in the band",
    answers: { ...PLAIN, "level0.hallucination_rate_pct": 3.01 },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    cautions: ["C-hallucination-band"],
  },
  {
    name: "R3: a band rate does not stop an adapter",
    answers: { ...STYLE, "level0.hallucination_rate_pct": 4 },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    cautions: ["C-hallucination-band"],
  },
  {
    name: "R3: rate null (not measured) fires with the unmeasured blocker",
    answers: { ...STYLE, "level0.hallucination_rate_pct": null },
    level: "prompt",
    decisive: "R3-hallucination",
    fired: ["R3-hallucination", "R6-adapter"],
    blockers: ["B-hallucination-unmeasured"],
  },
  {
    name: "R3: rate 0 is fine",
    answers: { ...STYLE, "level0.hallucination_rate_pct": 0 },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
  },
  // R4 boundaries
  {
    name: "R4 boundary: coverage 80 stays with prompting",
    answers: { ...STYLE, "level0.coverage_pct": 80 },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage", "R6-adapter"],
  },
  {
    name: "R4 boundary: coverage 79.9 lets R6 decide",
    answers: { ...STYLE, "level0.coverage_pct": 79.9 },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
  },
  {
    name: "R4: high rate wins over high coverage (R3 before R4)",
    answers: { ...GOOD_ENOUGH, "level0.hallucination_rate_pct": 8 },
    level: "prompt",
    decisive: "R3-hallucination",
    fired: ["R3-hallucination", "R4-coverage"],
    blockers: ["B-hallucination-high"],
  },
  {
    name: "R4 before R5: a new skill at 85% coverage stays with prompting",
    answers: { ...NEW_SKILL, "level0.coverage_pct": 85 },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage", "R5-new-capability"],
  },
  // R5
  {
    name: "R5: must cut context (no new capability) also justifies finetune",
    answers: { ...NEW_SKILL, "level2.needs_new_capability": false, "level2.must_cut_context": true },
    level: "finetune",
    decisive: "R5-new-capability",
    fired: ["R5-new-capability"],
    check: (r) => {
      expect(r.reasons[0]?.answers).toContain("level2.must_cut_context");
      expect(r.reasons[0]?.answers).not.toContain("level2.needs_new_capability");
    },
  },
  {
    name: "R5: a partial harness blocks finetune on evals",
    answers: { ...NEW_SKILL, "constraints.eval_harness": "partial" },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    blockers: ["B-finetune-evals"],
  },
  {
    name: "R5: three evaluation areas of four block finetune on evals",
    answers: { ...NEW_SKILL, "constraints.eval_coverage": ["groundedness", "safety", "task_success"] },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    blockers: ["B-finetune-evals"],
  },
  {
    name: "R5: unknown training data is a missing piece (data blocker)",
    answers: { ...NEW_SKILL, "level2.training_data": null },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    blockers: ["B-finetune-data"],
  },
  {
    name: "R5: no data and no harness coverage name both pieces",
    answers: { ...NEW_SKILL, "level2.training_data": "none", "constraints.eval_coverage": [] },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    blockers: ["B-finetune-data", "B-finetune-evals"],
  },
  {
    name: "R5: no need, no finetune and no finetune blockers",
    answers: { ...NEW_SKILL, "level2.needs_new_capability": false, "level2.training_data": "none" },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
  },
  {
    name: "R5 → R6: thin data with adapter signals gives adapter",
    answers: { ...THIN_DATA, "level1.base_knows_domain": "partly", "level1.needs_shorter_context": true },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    blockers: ["B-finetune-data"],
  },
  {
    name: "R5 before R6: a justified finetune outranks adapter signals",
    answers: { ...NEW_SKILL, "level1.base_knows_domain": "yes", "level1.needs_style_control": true },
    level: "finetune",
    decisive: "R5-new-capability",
    fired: ["R5-new-capability", "R6-adapter"],
  },
  // R6
  {
    name: "R6: partly known domain + shorter context → adapter",
    answers: { ...PLAIN, "level1.base_knows_domain": "partly", "level1.needs_shorter_context": true },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
  },
  {
    name: "R6: tight headroom → adapter (no latency caution at adapter)",
    answers: { ...PLAIN, "level1.base_knows_domain": "yes", "constraints.latency_cost_headroom": "tight" },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    check: (r) => expect(r.reasons[0]?.answers).toEqual(["constraints.latency_cost_headroom", "level1.base_knows_domain"]),
  },
  {
    name: "R6: no headroom → adapter",
    answers: { ...PLAIN, "level1.base_knows_domain": "yes", "constraints.latency_cost_headroom": "none" },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
  },
  {
    name: "R6 boundary: 2 tenant variants → adapter with the tenants caution",
    answers: { ...PLAIN, "level1.base_knows_domain": "yes", "level1.tenant_variants": 2 },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    cautions: ["C-tenants"],
  },
  {
    name: "R6 boundary: 1 tenant variant is not enough",
    answers: { ...PLAIN, "level1.base_knows_domain": "yes", "level1.tenant_variants": 1 },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
  },
  {
    name: "R6: a base model that does not know the domain gets no adapter",
    answers: { ...PLAIN, "level1.base_knows_domain": "no", "level1.needs_style_control": true },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
  },
  {
    name: "R6: known domain with ample headroom and no other need → default",
    answers: {
      ...PLAIN,
      "level1.base_knows_domain": "yes",
      "constraints.latency_cost_headroom": "ample",
      "level1.needs_style_control": false,
      "level1.needs_shorter_context": false,
      "level1.tenant_variants": 0,
    },
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
  },
  // R7
  {
    name: "R7: the default names no answers",
    answers: PLAIN,
    level: "prompt",
    decisive: "R7-default",
    fired: ["R7-default"],
    check: (r) => expect(r.reasons[0]?.answers).toEqual([]),
  },
  // Cautions
  {
    name: "C-change-velocity: weekly change with adapter",
    answers: { ...STYLE, "constraints.change_velocity": "weekly" },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    cautions: ["C-change-velocity"],
  },
  {
    name: "C-change-velocity: monthly change with finetune",
    answers: { ...NEW_SKILL, "constraints.change_velocity": "monthly" },
    level: "finetune",
    decisive: "R5-new-capability",
    fired: ["R5-new-capability"],
    cautions: ["C-change-velocity"],
  },
  {
    name: "C-change-velocity: quarterly change with adapter → no caution",
    answers: { ...STYLE, "constraints.change_velocity": "quarterly" },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
  },
  {
    name: "C-change-velocity: weekly change with prompt → no caution",
    answers: { ...GOOD_ENOUGH, "constraints.change_velocity": "weekly" },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
  },
  {
    name: "C-change-velocity: paused, heading for adapter → caution",
    answers: { ...STYLE, "constraints.eval_harness": "none", "constraints.change_velocity": "weekly" },
    level: "pause",
    thenLevel: "adapter",
    decisive: "R1-eval-gate",
    fired: ["R1-eval-gate", "R6-adapter"],
    blockers: ["B-eval-harness"],
    cautions: ["C-change-velocity"],
  },
  {
    name: "C-latency: tight headroom with prompt",
    answers: { ...GOOD_ENOUGH, "constraints.latency_cost_headroom": "tight" },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
    cautions: ["C-latency"],
  },
  {
    name: "C-latency: no headroom with prompt",
    answers: { ...GOOD_ENOUGH, "constraints.latency_cost_headroom": "none" },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
    cautions: ["C-latency"],
  },
  {
    name: "C-latency: ample headroom → no caution",
    answers: { ...GOOD_ENOUGH, "constraints.latency_cost_headroom": "ample" },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
  },
  {
    name: "C-tenants: many tenants but prompt level → no caution",
    answers: { ...GOOD_ENOUGH, "level1.base_knows_domain": "yes", "level1.tenant_variants": 5 },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage", "R6-adapter"],
  },
  {
    name: "cautions come in rubric order",
    answers: { ...STYLE, "constraints.change_velocity": "monthly", "level0.hallucination_rate_pct": 4.5, "level1.tenant_variants": 3 },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    cautions: ["C-change-velocity", "C-hallucination-band", "C-tenants"],
  },
  // Constraints
  {
    name: "H-self-host: data must stay",
    answers: { ...GOOD_ENOUGH, "constraints.data_residency": "must_stay" },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
    constraints: ["H-self-host"],
  },
  {
    name: "H-redacted-only: data may leave redacted",
    answers: { ...GOOD_ENOUGH, "constraints.data_residency": "redacted_only" },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
    constraints: ["H-redacted-only"],
  },
  {
    name: "constraints: data may leave → no hosting constraint",
    answers: { ...GOOD_ENOUGH, "constraints.data_residency": "may_leave", "deploy.regulated": false },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
  },
  {
    name: "G-guardrails: regulated flow, together with self-hosting",
    answers: { ...NEW_SKILL, "deploy.regulated": true, "constraints.data_residency": "must_stay" },
    level: "finetune",
    decisive: "R5-new-capability",
    fired: ["R5-new-capability"],
    constraints: ["H-self-host", "G-guardrails"],
  },
  // Readiness
  {
    name: "readiness at prompt: the four deploy practices only",
    answers: { ...GOOD_ENOUGH, "deploy.practices": ["monitoring", "versioned_artifacts"], "data.practices": ["lineage"] },
    level: "prompt",
    decisive: "R4-coverage",
    fired: ["R4-coverage"],
    readiness: [
      ["deploy.practices.versioned_artifacts", true],
      ["deploy.practices.canary_rollback", false],
      ["deploy.practices.monitoring", true],
      ["deploy.practices.alerts", false],
    ],
  },
  {
    name: "readiness at adapter: data practices, serving benchmark, deploy practices",
    answers: { ...STYLE, "data.practices": ["hard_negatives"], "level1.serving_benchmarked": true, "deploy.practices": ["alerts"] },
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    readiness: [
      ["level1.serving_benchmarked", true],
      ["data.practices.labeled_traces", false],
      ["data.practices.hard_negatives", true],
      ["data.practices.balanced_mix", false],
      ["data.practices.lineage", false],
      ...DEPLOY_IDS.map((id): [string, boolean] => [id, id === "deploy.practices.alerts"]),
    ],
  },
  {
    name: "readiness at finetune: evaluation areas, training plan, data, deploy",
    answers: {
      ...NEW_SKILL,
      "level2.continuous_training": false,
      "level1.serving_benchmarked": null,
      "data.practices": ["labeled_traces", "hard_negatives", "balanced_mix", "lineage"],
      "deploy.practices": ["versioned_artifacts", "canary_rollback", "monitoring", "alerts"],
    },
    level: "finetune",
    decisive: "R5-new-capability",
    fired: ["R5-new-capability"],
    readiness: [
      ...ALL_AREAS.map((area): [string, boolean] => [`constraints.eval_coverage.${area}`, true]),
      ["level1.serving_benchmarked", false],
      ["level2.continuous_training", false],
      ...DATA_IDS.map((id): [string, boolean] => [id, true]),
      ...DEPLOY_IDS.map((id): [string, boolean] => [id, true]),
    ],
  },
  {
    name: "readiness while paused follows thenLevel (adapter)",
    answers: { ...STYLE, "constraints.eval_harness": "none" },
    level: "pause",
    thenLevel: "adapter",
    decisive: "R1-eval-gate",
    fired: ["R1-eval-gate", "R6-adapter"],
    blockers: ["B-eval-harness"],
    readiness: [
      ["level1.serving_benchmarked", false],
      ...DATA_IDS.map((id): [string, boolean] => [id, false]),
      ...DEPLOY_IDS.map((id): [string, boolean] => [id, false]),
    ],
  },
  // Gate override, confidence, unknowns
  {
    name: "gateOverride: R3 blocks a team whose answers fit finetune best",
    answers: { ...NEW_SKILL, "level0.hallucination_rate_pct": 6, "data.practices": ["labeled_traces", "hard_negatives"] },
    level: "prompt",
    decisive: "R3-hallucination",
    fired: ["R3-hallucination", "R5-new-capability"],
    blockers: ["B-hallucination-high"],
    check: (r) => {
      expect(r.fits.finetune).toBeGreaterThan(r.fits.prompt);
      expect(r.gateOverride).toEqual({ rule: "R3-hallucination", bestFit: "finetune" });
    },
  },
  {
    name: "gateOverride: none when a non-gate rule decides",
    answers: STYLE,
    level: "adapter",
    decisive: "R6-adapter",
    fired: ["R6-adapter"],
    check: (r) => {
      expect(r.gateOverride).toBeNull();
      expect(r.fits.adapter).toBe(Math.max(r.fits.pause, r.fits.prompt, r.fits.adapter, r.fits.finetune));
    },
  },
  {
    name: "gateOverride: R1 pause is the best fit when there is no harness",
    answers: { ...STYLE, "constraints.eval_harness": "none" },
    level: "pause",
    thenLevel: "adapter",
    decisive: "R1-eval-gate",
    fired: ["R1-eval-gate", "R6-adapter"],
    blockers: ["B-eval-harness"],
    check: (r) => {
      expect(r.gateOverride).toBeNull();
      expect(r.fits.pause).toBe(100);
    },
  },
  {
    name: "empty draft: prompt via unmeasured rate, low confidence, every fed question unknown",
    answers: {},
    level: "prompt",
    decisive: "R3-hallucination",
    fired: ["R3-hallucination"],
    blockers: ["B-hallucination-unmeasured"],
    check: (r) => {
      expect(r.confidence).toBe("low");
      expect(r.unknowns).toHaveLength(21);
      expect(r.unknowns).not.toContain("constraints.p95_latency_target_ms");
      expect(r.unknowns).not.toContain("level2.labeled_examples");
      expect(r.unknowns).not.toContain("level0.tools");
      expect(r.unknowns[0]).toBe("constraints.latency_cost_headroom");
      expect(r.unknowns.at(-1)).toBe("deploy.regulated");
    },
  },
];

/** Every question answered; R4 decides. Used for confidence. */
const COMPLETE: Answers = {
  "constraints.latency_cost_headroom": "ample",
  "constraints.p95_latency_target_ms": 800,
  "constraints.data_residency": "may_leave",
  "constraints.change_velocity": "quarterly",
  "constraints.eval_harness": "full",
  "constraints.eval_coverage": ALL_AREAS,
  "level0.system_prompt": "mature",
  "level0.retrieval": "filtered_reranked",
  "level0.output_validation": "enforced",
  "level0.tools": "some",
  "level0.hallucination_rate_pct": 1.5,
  "level0.coverage_pct": 90,
  "level1.base_knows_domain": "yes",
  "level1.needs_style_control": false,
  "level1.needs_shorter_context": false,
  "level1.tenant_variants": 1,
  "level1.serving_benchmarked": true,
  "level2.needs_new_capability": false,
  "level2.must_cut_context": false,
  "level2.training_data": "narrow",
  "level2.labeled_examples": 200,
  "level2.continuous_training": false,
  "data.practices": ["lineage"],
  "deploy.practices": ["monitoring"],
  "deploy.regulated": false,
};

describe("score v1: named cases", () => {
  it("has at least 40 named cases with unique names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)("$name", (c) => {
    expect(answersSchema("v1").safeParse(c.answers).success).toBe(true);
    const result = score(c.answers, "v1");
    expect(result.rubricVersion).toBe("v1");
    expect(result.level).toBe(c.level);
    expect(result.thenLevel).toBe(c.thenLevel ?? null);
    expect(result.reasons.filter((r) => r.decisive).map((r) => r.rule)).toEqual([c.decisive]);
    expect(result.reasons.map((r) => r.rule)).toEqual(c.fired);
    expect(result.blockers.map((b) => b.id)).toEqual(c.blockers ?? []);
    expect(result.cautions.map((x) => x.id)).toEqual(c.cautions ?? []);
    expect(result.constraints.map((x) => x.id)).toEqual(c.constraints ?? []);
    if (c.readiness) expect(result.readiness.map((x) => [x.id, x.done])).toEqual(c.readiness);
    for (const item of [...result.reasons, ...result.blockers, ...result.cautions, ...result.constraints, ...result.readiness]) {
      expect(item.text.length).toBeGreaterThan(10);
    }
    c.check?.(result);
  });
});

describe("score v1: missing vs null, confidence, shape", () => {
  it("treats a missing answer and null alike (same result, byte for byte)", () => {
    const withNulls: Record<string, null> = {};
    for (const id of Object.keys(COMPLETE)) withNulls[id] = null;
    expect(JSON.stringify(score(withNulls, "v1"))).toBe(JSON.stringify(score({}, "v1")));
    const { ["level0.coverage_pct"]: _dropped, ...missing } = STYLE as Record<string, unknown>;
    expect(JSON.stringify(score({ ...STYLE, "level0.coverage_pct": null }, "v1"))).toBe(JSON.stringify(score(missing as Answers, "v1")));
  });

  it("a complete answer set has high confidence and no unknowns", () => {
    const result = score(COMPLETE, "v1");
    expect(result.unknowns).toEqual([]);
    expect(result.confidence).toBe("high");
    expect(result.level).toBe("prompt");
  });

  it("confidence drops with unknown deciding answers: 3 → medium, 7 → low", () => {
    const without = (ids: string[]) => Object.fromEntries(Object.entries(COMPLETE).filter(([id]) => !ids.includes(id)));
    expect(score(without(["level1.needs_style_control", "level1.needs_shorter_context"]), "v1").confidence).toBe("high");
    expect(score(without(["level1.needs_style_control", "level1.needs_shorter_context", "level1.tenant_variants"]), "v1").confidence).toBe("medium");
    const seven = ["level1.needs_style_control", "level1.needs_shorter_context", "level1.tenant_variants", "level2.training_data", "level2.must_cut_context", "level2.needs_new_capability"];
    expect(score(without(seven), "v1").confidence).toBe("medium");
    expect(score(without([...seven, "level1.base_knows_domain"]), "v1").confidence).toBe("low");
  });

  it("unanswered questions that feed no rule do not lower confidence", () => {
    const { ["level2.labeled_examples"]: _a, ["level0.tools"]: _b, ["deploy.regulated"]: _c, ...rest } = COMPLETE as Record<string, unknown>;
    expect(score(rest as Answers, "v1").confidence).toBe("high");
  });

  it("an unknown harness caps confidence at medium", () => {
    expect(score({ ...COMPLETE, "constraints.eval_harness": null }, "v1").confidence).toBe("medium");
  });

  it("keeps the Result key order of RUBRIC-v1.md", () => {
    expect(Object.keys(score(STYLE, "v1"))).toEqual([
      "rubricVersion", "level", "thenLevel", "fits", "confidence", "gateOverride",
      "reasons", "blockers", "cautions", "constraints", "readiness", "unknowns",
    ]);
    expect(Object.keys(score(STYLE, "v1").fits)).toEqual(["pause", "prompt", "adapter", "finetune"]);
    expect(Object.keys(score(STYLE, "v1").reasons[0] ?? {})).toEqual(["rule", "level", "decisive", "answers", "text"]);
  });

  it("throws for an unknown rubric version", () => {
    expect(() => score({}, "v0")).toThrow(/Unknown rubric version "v0"/);
  });
});
