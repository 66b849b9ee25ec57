import { describe, expect, it } from "vitest";
import { compareAnswers, compareResults, score, type Answers, type Result } from "./index";

const STYLE: Answers = {
  "constraints.eval_harness": "full",
  "level0.system_prompt": "mature",
  "level0.retrieval": "basic",
  "level0.hallucination_rate_pct": 2,
  "level0.coverage_pct": 60,
  "level1.base_knows_domain": "yes",
  "level1.needs_style_control": true,
  "constraints.change_velocity": "weekly",
};

describe("compareResults", () => {
  it("reports level change, fit deltas and added/removed items by id", () => {
    const before = score({ ...STYLE, "level0.hallucination_rate_pct": 8, "constraints.data_residency": "must_stay" }, "v1");
    const after = score(STYLE, "v1");
    const diff = compareResults(before, after);
    expect(diff.level).toEqual({ before: "prompt", after: "adapter", changed: true });
    expect(diff.decisiveRule).toEqual({ before: "R3-hallucination", after: "R6-adapter", changed: true });
    expect(diff.reasons.added.map((r) => r.rule)).toEqual([]);
    expect(diff.reasons.removed.map((r) => r.rule)).toEqual(["R3-hallucination"]);
    expect(diff.blockers.removed.map((b) => b.id)).toEqual(["B-hallucination-high"]);
    expect(diff.cautions.added.map((c) => c.id)).toEqual(["C-change-velocity"]);
    expect(diff.constraints.removed.map((c) => c.id)).toEqual(["H-self-host"]);
    expect(diff.unknowns.added).toEqual(["constraints.data_residency"]);
    for (const level of ["pause", "prompt", "adapter", "finetune"] as const) {
      expect(diff.fits[level].delta).toBe(after.fits[level] - before.fits[level]);
    }
    expect(diff.fits.adapter.delta).toBeGreaterThan(0);
    expect(diff.versionsDiffer).toBe(false);
    expect(diff.rubricVersions).toEqual({ before: "v1", after: "v1" });
  });

  it("an identical pair has no changes", () => {
    const result = score(STYLE, "v1");
    const diff = compareResults(result, structuredClone(result));
    expect(diff.level.changed).toBe(false);
    expect([diff.reasons, diff.blockers, diff.cautions, diff.constraints, diff.unknowns].every((d) => d.added.length + d.removed.length === 0)).toBe(true);
    expect(Object.values(diff.fits).every((f) => f.delta === 0)).toBe(true);
  });

  it("flags results scored with different rubric versions", () => {
    const a = score(STYLE, "v1");
    const b: Result = { ...a, rubricVersion: "v2" };
    expect(compareResults(a, b).versionsDiffer).toBe(true);
  });
});

describe("compareAnswers", () => {
  it("lists every question in rubric order with changed flags", () => {
    const before: Answers = { ...STYLE, "deploy.practices": ["alerts", "monitoring"], "level1.tenant_variants": null };
    const after: Answers = { ...STYLE, "deploy.practices": ["monitoring", "alerts"], "level0.coverage_pct": 85 };
    const diff = compareAnswers(before, after, "v1");
    expect(diff).toHaveLength(25);
    expect(diff[0]?.id).toBe("constraints.latency_cost_headroom");
    expect(diff.at(-1)?.id).toBe("deploy.regulated");
    expect(diff.filter((d) => d.changed).map((d) => d.id)).toEqual(["level0.coverage_pct", "level1.tenant_variants"]);
    expect(diff.find((d) => d.id === "level1.tenant_variants")).toMatchObject({ before: null, after: undefined, changed: true });
    expect(diff.find((d) => d.id === "deploy.practices")?.changed).toBe(false);
  });
});
