import { describe, expect, it } from "vitest";

import { formatIssues, requireRubric, stepAnswersSchema } from "@/lib/rubric";

import { issuesToFieldErrors, mergeStepAnswers, readStepAnswers } from "./step-form";
import { stepProgress } from "./steps";

const rubric = requireRubric("v1");
const section = (id: string) => rubric.sections.find((s) => s.id === id)!;

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("reading a workshop step from a posted form", () => {
  it("converts each control to its JSON type", () => {
    const raw = readStepAnswers(
      section("constraints"),
      form([
        ["q:constraints.latency_cost_headroom", "tight"],
        ["q:constraints.p95_latency_target_ms", "1200"],
        ["q:constraints.eval_coverage", "safety"],
        ["q:constraints.eval_coverage", "groundedness"],
        ["unknown:constraints.data_residency", "on"],
      ]),
    );
    expect(raw).toEqual({
      "constraints.latency_cost_headroom": "tight",
      "constraints.p95_latency_target_ms": 1200,
      "constraints.eval_coverage": ["safety", "groundedness"],
      "constraints.data_residency": null,
    });
    expect(stepAnswersSchema("v1", "constraints").safeParse(raw).success).toBe(true);
  });

  it("keeps unanswered questions missing, and tells 'none of these' from 'not answered'", () => {
    expect(readStepAnswers(section("data"), form([]))).toEqual({});
    expect(readStepAnswers(section("data"), form([["none:data.practices", "on"]]))).toEqual({ "data.practices": [] });
    expect(
      readStepAnswers(section("data"), form([["none:data.practices", "on"], ["q:data.practices", "lineage"]])),
    ).toEqual({ "data.practices": ["lineage"] });
  });

  it("reads yes/no and a decimal comma", () => {
    const raw = readStepAnswers(
      section("level0"),
      form([
        ["q:level0.hallucination_rate_pct", "3,5"],
        ["unknown:level0.coverage_pct", "on"],
      ]),
    );
    expect(raw).toEqual({ "level0.hallucination_rate_pct": 3.5, "level0.coverage_pct": null });
    expect(readStepAnswers(section("level1"), form([["q:level1.needs_style_control", "false"]]))).toEqual({
      "level1.needs_style_control": false,
    });
  });

  it("passes malformed and foreign values on, so the schema rejects them with a message per question", () => {
    const raw = readStepAnswers(
      section("level0"),
      form([
        ["q:level0.hallucination_rate_pct", "150"],
        ["q:level0.system_prompt", "superb"],
        ["q:level2.training_data", "diverse"],
      ]),
    );
    const parsed = stepAnswersSchema("v1", "level0").safeParse(raw);
    expect(parsed.success).toBe(false);
    const errors = issuesToFieldErrors(section("level0"), formatIssues(parsed.error!));
    expect(errors["level0.hallucination_rate_pct"]).toEqual(["Enter a number from 0 to 100 (%)."]);
    expect(errors["level0.system_prompt"]).toEqual(["Choose one of the options, or “We don’t know”."]);
    expect(errors.form).toEqual(["“level2.training_data” is not a question of this step."]);
  });

  it("merges one step into the whole answer set without touching other steps", () => {
    const merged = mergeStepAnswers(
      section("level0"),
      { "constraints.eval_harness": "full", "level0.tools": "some", "level0.system_prompt": "basic" },
      { "level0.system_prompt": "mature" },
    );
    expect(merged).toEqual({ "constraints.eval_harness": "full", "level0.system_prompt": "mature" });
  });
});

describe("step progress", () => {
  it("marks steps untouched, partial or complete, counting unknowns; optional questions don't block completion", () => {
    const progress = stepProgress(rubric, {
      "constraints.latency_cost_headroom": "ample",
      "constraints.data_residency": null,
      "constraints.change_velocity": "weekly",
      "constraints.eval_harness": "full",
      "constraints.eval_coverage": [],
      "level0.system_prompt": "basic",
    });
    expect(progress.find((p) => p.id === "constraints")).toMatchObject({ state: "complete", unknowns: 1 });
    expect(progress.find((p) => p.id === "level0")).toMatchObject({ state: "partial", unknowns: 0 });
    expect(progress.find((p) => p.id === "level2")).toMatchObject({ state: "untouched" });
  });
});
