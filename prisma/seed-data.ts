/**
 * Demo data: a facilitator, a member, one team and realistic decisions across
 * all four outcomes, written with the answer ids of RUBRIC-v1.md.
 */
export const DEMO_PASSWORD = "levelset-demo-2026";

export const DEMO_USERS = [
  { key: "facilitator", name: "Dana Okafor", email: "facilitator@levelset.test", role: "owner" },
  { key: "member", name: "Sam Lindqvist", email: "member@levelset.test", role: "member" },
] as const;

export const DEMO_TEAM = { name: "Acme AI Platform", slug: "acme-ai-platform" };

type Answers = Record<string, string | number | boolean | string[] | null>;

export type DemoDecision = {
  title: string;
  context: string;
  participants: string[];
  status: "draft" | "decided";
  answers: Answers;
  notes: Record<string, string>;
  /** The team's level when it overrides the recommendation (with a rationale). */
  override?: { level: "pause" | "prompt" | "adapter" | "finetune"; rationale: string };
  /** Days before the seed's "now" that the decision was recorded. */
  decidedDaysAgo?: number;
};

const fullEvals: Answers = {
  "constraints.eval_harness": "full",
  "constraints.eval_coverage": ["groundedness", "safety", "task_success", "refusal_correctness"],
};

export const DEMO_DECISIONS: DemoDecision[] = [
  {
    title: "Billing support chatbot",
    context:
      "A chat assistant in the help centre that answers customers' billing questions (invoices, refunds, plan changes) from our policy docs, for self-serve customers.",
    participants: ["Dana (PM)", "Sam (ML)", "Priya (Support lead)"],
    status: "decided",
    decidedDaysAgo: 170,
    answers: {
      "constraints.latency_cost_headroom": "ample",
      "constraints.p95_latency_target_ms": 2500,
      "constraints.data_residency": "redacted_only",
      "constraints.change_velocity": "weekly",
      ...fullEvals,
      "constraints.eval_coverage": ["groundedness", "safety", "task_success"],
      "level0.system_prompt": "mature",
      "level0.retrieval": "filtered_reranked",
      "level0.output_validation": "enforced",
      "level0.tools": "some",
      "level0.hallucination_rate_pct": 2.1,
      "level0.coverage_pct": 86,
      "level1.base_knows_domain": "yes",
      "level1.needs_style_control": false,
      "level1.needs_shorter_context": false,
      "level1.tenant_variants": 1,
      "deploy.practices": ["versioned_artifacts", "monitoring"],
      "deploy.regulated": false,
    },
    notes: {
      "notes.constraints": "Refund policy changes almost every week; legal signs off each change.",
      "notes.level0": "Reranker cut wrong-policy answers by half. Remaining misses are questions about legacy plans.",
    },
  },
  {
    title: "Contract-clause extractor",
    context:
      "Extracts indemnity, limitation-of-liability and termination clauses from supplier contracts into our contract database, for the legal-ops team.",
    participants: ["Dana (PM)", "Sam (ML)", "Ines (Legal ops)"],
    status: "decided",
    decidedDaysAgo: 95,
    answers: {
      "constraints.latency_cost_headroom": "ample",
      "constraints.data_residency": "must_stay",
      "constraints.change_velocity": "quarterly",
      ...fullEvals,
      "level0.system_prompt": "mature",
      "level0.retrieval": "basic",
      "level0.output_validation": "enforced",
      "level0.tools": "some",
      "level0.hallucination_rate_pct": 2.5,
      "level0.coverage_pct": 55,
      "level1.base_knows_domain": "partly",
      "level1.needs_style_control": false,
      "level1.needs_shorter_context": true,
      "level1.tenant_variants": 0,
      "level1.serving_benchmarked": true,
      "level2.needs_new_capability": true,
      "level2.must_cut_context": true,
      "level2.training_data": "diverse",
      "level2.labeled_examples": 14000,
      "level2.continuous_training": true,
      "data.practices": ["labeled_traces", "hard_negatives", "balanced_mix", "lineage"],
      "deploy.practices": ["versioned_artifacts", "canary_rollback", "monitoring", "alerts"],
      "deploy.regulated": true,
    },
    notes: {
      "notes.level2": "14k clauses labelled by two annotators; 1.2k adversarial counter-examples (nested carve-outs).",
      "notes.constraints": "Contracts may not leave our VPC: open-weights model on our own GPUs.",
    },
  },
  {
    title: "Multi-tenant marketing copy generator",
    context:
      "Writes product descriptions and campaign copy in each retail customer's brand voice; 14 customers today, each with its own style guide.",
    participants: ["Dana (PM)", "Sam (ML)", "Léa (Customer success)"],
    status: "decided",
    decidedDaysAgo: 40,
    answers: {
      "constraints.latency_cost_headroom": "tight",
      "constraints.data_residency": "may_leave",
      "constraints.change_velocity": "monthly",
      ...fullEvals,
      "constraints.eval_coverage": ["groundedness", "safety", "task_success"],
      "level0.system_prompt": "mature",
      "level0.retrieval": "basic",
      "level0.output_validation": "partial",
      "level0.tools": "none",
      "level0.hallucination_rate_pct": 1.5,
      "level0.coverage_pct": 62,
      "level1.base_knows_domain": "yes",
      "level1.needs_style_control": true,
      "level1.needs_shorter_context": true,
      "level1.tenant_variants": 14,
      "level1.serving_benchmarked": false,
      "level2.needs_new_capability": false,
      "data.practices": ["labeled_traces", "lineage"],
      "deploy.practices": ["versioned_artifacts", "canary_rollback"],
    },
    notes: {
      "notes.level1": "Style guides in the prompt cost 3k tokens per call; one adapter per customer over a shared base.",
    },
  },
  {
    title: "Clinical visit-notes summariser",
    context:
      "Drafts a discharge summary from a clinician's visit notes for review, for hospital wards. Patient data, regulated flow.",
    participants: ["Dana (PM)", "Dr. Moreau (Clinical lead)", "Sam (ML)"],
    status: "decided",
    decidedDaysAgo: 12,
    answers: {
      "constraints.latency_cost_headroom": "ample",
      "constraints.data_residency": "must_stay",
      "constraints.change_velocity": "rarely",
      "constraints.eval_harness": "none",
      "constraints.eval_coverage": [],
      "level0.system_prompt": "basic",
      "level0.retrieval": "not_needed",
      "level0.output_validation": "partial",
      "level0.tools": "none",
      "level0.hallucination_rate_pct": null,
      "level0.coverage_pct": null,
      "level2.needs_new_capability": true,
      "level2.training_data": "narrow",
      "deploy.regulated": true,
    },
    notes: {
      "notes.constraints": "No way to check summaries against the notes yet: we need a groundedness and safety harness first.",
    },
  },
  {
    title: "Internal code-review assistant",
    context: "Comments on pull requests in our monorepo with likely bugs and style issues, for our 80 engineers.",
    participants: ["Sam (ML)", "Ravi (Dev productivity)"],
    status: "decided",
    decidedDaysAgo: 250,
    answers: {
      "constraints.latency_cost_headroom": "none",
      "constraints.data_residency": "must_stay",
      "constraints.change_velocity": "monthly",
      "constraints.eval_harness": "partial",
      "constraints.eval_coverage": ["task_success"],
      "level0.system_prompt": "basic",
      "level0.retrieval": "basic",
      "level0.output_validation": "none",
      "level0.tools": "some",
      "level0.hallucination_rate_pct": 9,
      "level0.coverage_pct": 45,
      "level1.base_knows_domain": "partly",
      "level1.needs_style_control": true,
      "level2.needs_new_capability": false,
    },
    notes: {
      "notes.level0": "Invented APIs in 9% of comments. Retrieval only sees the diff, not the callers.",
    },
    override: {
      level: "prompt",
      rationale: "Agree with the recommendation; we will add repo-wide retrieval before any tuning.",
    },
  },
  {
    title: "Sales email tone assistant",
    context: "Suggests rewrites of outbound sales emails in the seller's own tone, inside our CRM.",
    participants: ["Dana (PM)", "Sam (ML)"],
    status: "draft",
    answers: {
      "constraints.latency_cost_headroom": "tight",
      "constraints.data_residency": "may_leave",
      "constraints.change_velocity": "monthly",
      "constraints.eval_harness": "partial",
      "level0.system_prompt": "mature",
    },
    notes: {},
  },
];

