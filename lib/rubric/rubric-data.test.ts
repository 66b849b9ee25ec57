import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CURRENT_RUBRIC_VERSION, getRubric, listRubricVersions, requireRubric } from "./index";

const rubric = requireRubric("v1");
const questions = rubric.sections.flatMap((s) => s.questions);

/** The ids of RUBRIC-v1.md: stable API, so spelled out here on purpose. */
const CONTRACT: Record<string, string[] | null> = {
  "constraints.latency_cost_headroom": ["ample", "tight", "none"],
  "constraints.p95_latency_target_ms": null,
  "constraints.data_residency": ["may_leave", "redacted_only", "must_stay"],
  "constraints.change_velocity": ["weekly", "monthly", "quarterly", "rarely"],
  "constraints.eval_harness": ["none", "partial", "full"],
  "constraints.eval_coverage": ["groundedness", "safety", "task_success", "refusal_correctness"],
  "level0.system_prompt": ["not_tried", "basic", "mature"],
  "level0.retrieval": ["not_needed", "not_tried", "basic", "filtered_reranked"],
  "level0.output_validation": ["none", "partial", "enforced"],
  "level0.tools": ["none", "some", "extensive"],
  "level0.hallucination_rate_pct": null,
  "level0.coverage_pct": null,
  "level1.base_knows_domain": ["yes", "partly", "no"],
  "level1.needs_style_control": null,
  "level1.needs_shorter_context": null,
  "level1.tenant_variants": null,
  "level1.serving_benchmarked": null,
  "level2.needs_new_capability": null,
  "level2.must_cut_context": null,
  "level2.training_data": ["none", "narrow", "diverse"],
  "level2.labeled_examples": null,
  "level2.continuous_training": null,
  "data.practices": ["labeled_traces", "hard_negatives", "balanced_mix", "lineage"],
  "deploy.practices": ["versioned_artifacts", "canary_rollback", "monitoring", "alerts"],
  "deploy.regulated": null,
};

describe("rubric registry", () => {
  it("lists v1 as current; unknown versions are undefined or throw", () => {
    expect(listRubricVersions()).toEqual(["v1"]);
    expect(CURRENT_RUBRIC_VERSION).toBe("v1");
    expect(getRubric("v1")?.version).toBe("v1");
    expect(getRubric("v2")).toBeUndefined();
    expect(() => requireRubric("v2")).toThrow(/Unknown rubric version "v2"/);
  });

  it("is frozen: shipped data cannot be changed at run time", () => {
    expect(Object.isFrozen(rubric)).toBe(true);
    expect(Object.isFrozen(rubric.sections[0]?.questions[0]?.options)).toBe(true);
  });
});

describe("rubric v1 data matches RUBRIC-v1.md", () => {
  it("has the contract's question ids and option ids, in order", () => {
    expect(questions.map((q) => q.id)).toEqual(Object.keys(CONTRACT));
    for (const q of questions) {
      expect(q.options?.map((o) => o.id) ?? null, q.id).toEqual(CONTRACT[q.id]);
    }
  });

  it("has the six steps in order, each with a title, intro and note id", () => {
    expect(rubric.sections.map((s) => s.id)).toEqual(["constraints", "level0", "level1", "level2", "data", "deploy"]);
    for (const s of rubric.sections) {
      expect(s.noteId).toBe(`notes.${s.id}`);
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.intro.length).toBeGreaterThan(20);
      expect(s.questions.every((q) => q.section === s.id && q.id.startsWith(`${s.id}.`))).toBe(true);
    }
  });

  it("every question has a label, help text, and well-formed ranges", () => {
    for (const q of questions) {
      expect(q.label.length, q.id).toBeGreaterThan(10);
      expect(q.help.length, q.id).toBeGreaterThan(40);
      if (q.type === "number") expect([q.min, q.max], q.id).toEqual([0, 100]);
      if (q.type === "integer") expect(typeof q.min, q.id).toBe("number");
      if (q.type === "choice" || q.type === "multi") expect(q.options?.every((o) => o.label.length > 1)).toBe(true);
    }
  });

  it("every feeds id is a known rule, blocker, caution, constraint or readiness id (or fits)", () => {
    const known = new Set<string>([
      "fits",
      ...rubric.rules.map((r) => r.id),
      ...rubric.blockers.map((b) => b.id),
      ...rubric.cautions.map((c) => c.id),
      ...rubric.constraints.map((c) => c.id),
      ...rubric.readiness.map((r) => r.id),
    ]);
    for (const q of questions) for (const id of q.feeds) expect(known.has(id), `${q.id} feeds ${id}`).toBe(true);
    // And every rule/caution/constraint/readiness id is fed by some question (R7 needs none).
    const fed = new Set(questions.flatMap((q) => q.feeds));
    for (const id of known) if (id !== "fits" && id !== "R7-default") expect(fed.has(id), id).toBe(true);
  });

  it("has the contract's outcome, rule, blocker, caution, constraint ids", () => {
    expect(rubric.outcomes.map((o) => o.id)).toEqual(["pause", "prompt", "adapter", "finetune"]);
    expect(rubric.outcomes.every((o) => o.summary.length > 20 && o.nextSteps.length >= 3)).toBe(true);
    expect(rubric.rules.map((r) => r.id)).toEqual([
      "R1-eval-gate", "R2-level0-untried", "R3-hallucination", "R4-coverage", "R5-new-capability", "R6-adapter", "R7-default",
    ]);
    expect(rubric.blockers.map((b) => b.id).sort()).toEqual(
      ["B-eval-harness", "B-finetune-data", "B-finetune-evals", "B-hallucination-high", "B-hallucination-unmeasured"].sort(),
    );
    expect(rubric.cautions.map((c) => c.id)).toEqual(["C-change-velocity", "C-hallucination-band", "C-latency", "C-tenants"]);
    expect(rubric.constraints.map((c) => c.id)).toEqual(["H-self-host", "H-redacted-only", "G-guardrails"]);
  });
});

describe("lib/rubric stays pure (DESIGN.md rule 1)", () => {
  it("no file imports next, react, prisma, lib/db or lib/dal", () => {
    const dir = fileURLToPath(new URL(".", import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(`${dir}/${file}`, "utf8");
      const imports = [...source.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(next|react|react-dom|@prisma|prisma)(\/|$)|lib\/(db|dal)|^server-only$/);
      }
    }
  });
});
