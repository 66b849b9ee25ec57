import * as z from "zod";
import { describe, expect, it } from "vitest";
import { answersSchema, formatIssues, formatPath, notesSchema, parseAndScore, stepAnswersSchema } from "./index";

function issuesOf(input: unknown) {
  const parsed = answersSchema("v1").safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : formatIssues(parsed.error);
}

describe("answersSchema(v1)", () => {
  it("accepts an empty draft, nulls, and valid values", () => {
    expect(answersSchema("v1").safeParse({}).success).toBe(true);
    expect(
      answersSchema("v1").safeParse({
        "constraints.eval_harness": null,
        "level0.hallucination_rate_pct": 0,
        "level0.coverage_pct": 100,
        "level1.tenant_variants": 0,
        "constraints.p95_latency_target_ms": 1,
        "data.practices": [],
        "deploy.regulated": false,
      }).success,
    ).toBe(true);
  });

  it.each([
    ["wrong type for a choice", { "constraints.eval_harness": 3 }, "constraints.eval_harness"],
    ["unknown option id", { "constraints.eval_harness": "some" }, "constraints.eval_harness"],
    ["string for a number", { "level0.hallucination_rate_pct": "8" }, "level0.hallucination_rate_pct"],
    ["percentage above 100", { "level0.hallucination_rate_pct": 100.5 }, "level0.hallucination_rate_pct"],
    ["negative percentage", { "level0.coverage_pct": -1 }, "level0.coverage_pct"],
    ["fractional integer", { "level1.tenant_variants": 1.5 }, "level1.tenant_variants"],
    ["negative integer", { "level1.tenant_variants": -1 }, "level1.tenant_variants"],
    ["latency target below 1", { "constraints.p95_latency_target_ms": 0 }, "constraints.p95_latency_target_ms"],
    ["string for a boolean", { "level1.needs_style_control": "yes" }, "level1.needs_style_control"],
    ["string for a multi", { "data.practices": "lineage" }, "data.practices"],
    ["unknown option in a multi", { "deploy.practices": ["monitoring", "prayer"] }, "deploy.practices[1]"],
    ["duplicate option in a multi", { "deploy.practices": ["alerts", "alerts"] }, "deploy.practices[1]"],
    ["unknown question id", { "level0.vibes": "good" }, "level0.vibes"],
    ["note inside answers", { "notes.level0": "hi" }, "notes.level0"],
  ])("rejects %s with the field path", (_name, input, path) => {
    const issues = issuesOf(input);
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0]?.message.length).toBeGreaterThan(0);
  });

  it("reports every offending path at once, question ids kept whole", () => {
    const issues = issuesOf({
      "constraints.eval_harness": true,
      "level0.hallucination_rate_pct": 120,
      "level0.coverage_pct": "most",
      "level2.flux": 1,
      "deploy.extra": 2,
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ["constraints.eval_harness", "deploy.extra", "level0.coverage_pct", "level0.hallucination_rate_pct", "level2.flux"].sort(),
    );
    expect(issues.find((i) => i.path === "level2.flux")?.message).toBe("Unknown question id");
  });

  it("rejects non-objects", () => {
    for (const input of [null, [], "x", 3]) expect(answersSchema("v1").safeParse(input).success).toBe(false);
  });

  it("throws for an unknown version", () => {
    expect(() => answersSchema("v9")).toThrow(/Unknown rubric version/);
  });
});

describe("stepAnswersSchema and notesSchema", () => {
  it("a step accepts its own questions only", () => {
    const step = stepAnswersSchema("v1", "level1");
    expect(step.safeParse({ "level1.tenant_variants": 3 }).success).toBe(true);
    const parsed = step.safeParse({ "level0.coverage_pct": 50 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formatIssues(parsed.error).map((i) => i.path)).toEqual(["level0.coverage_pct"]);
    expect(() => stepAnswersSchema("v1", "nope")).toThrow(/no section/);
  });

  it("notes: one per section, max 5000 characters, unknown ids rejected", () => {
    const notes = notesSchema("v1");
    expect(notes.safeParse({ "notes.constraints": "We are in the EU.", "notes.deploy": null }).success).toBe(true);
    const parsed = notes.safeParse({ "notes.level2": "x".repeat(5001), "notes.other": "?" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formatIssues(parsed.error).map((i) => i.path)).toEqual(["notes.level2", "notes.other"]);
    expect(notes.safeParse({ "notes.level2": "x".repeat(5000) }).success).toBe(true);
  });
});

describe("formatIssues / formatPath", () => {
  it("keeps dotted keys whole and renders indexes in brackets", () => {
    expect(formatPath(["answers", "level0.coverage_pct"])).toBe("answers.level0.coverage_pct");
    expect(formatPath(["data.practices", 2])).toBe("data.practices[2]");
    expect(formatPath([])).toBe("");
  });

  it("prefixes paths and splits unknown keys into one issue each", () => {
    const parsed = z.strictObject({ a: z.string() }).safeParse({ a: 1, b: 2, "c.d": 3 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(formatIssues(parsed.error, ["body"]).map((i) => i.path)).toEqual(["body.a", "body.b", "body.c.d"]);
    }
  });
});

describe("parseAndScore", () => {
  it("scores valid input", () => {
    const out = parseAndScore({ "constraints.eval_harness": "none" }, "v1");
    expect(out.ok && out.result.level).toBe("pause");
  });

  it("returns issues for invalid input and for an unknown version", () => {
    expect(parseAndScore({ "level0.coverage_pct": 101 }, "v1")).toEqual({
      ok: false,
      issues: [{ path: "level0.coverage_pct", message: expect.any(String) }],
    });
    expect(parseAndScore({}, "v2")).toEqual({ ok: false, issues: [{ path: "rubricVersion", message: 'Unknown rubric version "v2"' }] });
  });
});
