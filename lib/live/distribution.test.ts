import { describe, expect, it } from "vitest";

import { requireRubric } from "@/lib/rubric";

import { answerKey, defaultAgreement, distributionOf, flipCounts, stepDistributions } from "./distribution";

const rubric = requireRubric("v1");
const constraints = rubric.sections.find((s) => s.id === "constraints")!;
const q = (id: string) => constraints.questions.find((x) => x.id === id)!;

const room = [
  { name: "Ada", answers: { "constraints.eval_harness": "none", "constraints.data_residency": "may_leave" } },
  { name: "Bo", answers: { "constraints.eval_harness": "none", "constraints.data_residency": "may_leave" } },
  { name: "Cy", answers: { "constraints.eval_harness": "full", "constraints.data_residency": "may_leave" } },
];

describe("distribution of one question", () => {
  it("counts each answer, most common first, with names only when the session is named", () => {
    const d = distributionOf(q("constraints.eval_harness"), room, true);
    expect(d.bars.map((b) => [b.label, b.count, b.names])).toEqual([
      ["No harness yet", 2, ["Ada", "Bo"]],
      ["A full harness", 1, ["Cy"]],
    ]);
    expect(d.answered).toBe(3);
    expect(d.defaultValue).toBe("none");
    expect(d.tie).toBe(false);
    expect(d.disagreement).toBeCloseTo(1 / 3);
    expect(distributionOf(q("constraints.eval_harness"), room, false).bars[0]!.names).toEqual([]);
  });

  it("flags a tie at the top and leaves unanswered questions without a default", () => {
    const tie = distributionOf(q("constraints.eval_harness"), room.slice(1), false);
    expect(tie.tie).toBe(true);
    const none = distributionOf(q("constraints.change_velocity"), room, false);
    expect(none).toMatchObject({ answered: 0, bars: [], defaultValue: undefined, tie: false, disagreement: 0 });
  });

  it("treats multi answers as sets and 'we don't know' as an answer of its own", () => {
    expect(answerKey(["safety", "groundedness"])).toBe(answerKey(["groundedness", "safety"]));
    const d = distributionOf(
      q("constraints.eval_coverage"),
      [
        { name: "a", answers: { "constraints.eval_coverage": ["safety", "groundedness"] } },
        { name: "b", answers: { "constraints.eval_coverage": ["groundedness", "safety"] } },
        { name: "c", answers: { "constraints.eval_coverage": null } },
      ],
      false,
    );
    expect(d.bars.map((b) => b.count)).toEqual([2, 1]);
    expect(d.bars[1]!.label).toBe("We don’t know");
  });
});

describe("a step's distributions", () => {
  it("puts the questions that split the room first", () => {
    const ds = stepDistributions(constraints, room, false);
    expect(ds[0]!.questionId).toBe("constraints.eval_harness");
    expect(ds.map((d) => d.questionId).sort()).toEqual(constraints.questions.map((x) => x.id).sort());
    expect(defaultAgreement(ds)).toEqual({ "constraints.eval_harness": "none", "constraints.data_residency": "may_leave" });
  });
});

describe("would it flip?", () => {
  it("scores each participant on top of the saved answers and counts the levels", () => {
    const f = flipCounts({}, room.map((p) => p.answers), "v1");
    expect(f.total).toBe(3);
    expect(f.counts.pause).toBe(2);
    expect(f.counts.pause + f.counts.prompt + f.counts.adapter + f.counts.finetune).toBe(3);
    expect(f.split).toBe(true);
  });

  it("is not split when everyone's answers point the same way", () => {
    const f = flipCounts({ "constraints.eval_harness": "none" }, [{}, { "constraints.data_residency": "must_stay" }], "v1");
    expect(f).toMatchObject({ total: 2, split: false });
    expect(f.counts.pause).toBe(2);
  });
});
