import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answersArbitrary } from "./arbitraries";
import { answersSchema, LEVELS, requireRubric, resultSchema, score, type Answers } from "./index";

const rubric = requireRubric("v1");
const answers = answersArbitrary(rubric);
const runs = { numRuns: 1000 };

describe("score v1: properties over every schema-valid answer set", () => {
  it("the arbitrary only produces schema-valid answers", () => {
    fc.assert(fc.property(answers, (a) => answersSchema("v1").safeParse(a).success), runs);
  });

  it("never throws, and always returns a Result matching the published schema", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const parsed = answersSchema("v1").parse(a);
        expect(resultSchema.safeParse(score(parsed as Answers, "v1")).success).toBe(true);
      }),
      runs,
    );
  });

  it("is deterministic: the same input gives byte-identical JSON", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const copy = JSON.parse(JSON.stringify(a)) as Answers;
        expect(JSON.stringify(score(copy, "v1"))).toBe(JSON.stringify(score(a as Answers, "v1")));
      }),
      runs,
    );
  });

  it("has exactly one decisive reason, and it names the level", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(a as Answers, "v1");
        const decisive = result.reasons.filter((reason) => reason.decisive);
        expect(decisive).toHaveLength(1);
        expect(decisive[0]?.level).toBe(result.level);
        expect(result.reasons[0]?.decisive).toBe(true);
      }),
      runs,
    );
  });

  it("level is one of the four; thenLevel is set iff level is pause", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(a as Answers, "v1");
        expect(LEVELS).toContain(result.level);
        expect(result.thenLevel !== null).toBe(result.level === "pause");
        expect(result.level === "pause").toBe(a["constraints.eval_harness"] === "none");
      }),
      runs,
    );
  });

  it("never gives finetune (level or thenLevel) without a full harness", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(a as Answers, "v1");
        if (a["constraints.eval_harness"] !== "full") {
          expect(result.level).not.toBe("finetune");
          expect(result.thenLevel).not.toBe("finetune");
        }
      }),
      runs,
    );
  });

  it("fits are integers 0–100; gateOverride only for R1–R3 and only when the level is not the best fit", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(a as Answers, "v1");
        const best = Math.max(...LEVELS.map((level) => result.fits[level]));
        for (const level of LEVELS) expect(Number.isInteger(result.fits[level])).toBe(true);
        if (result.gateOverride) {
          expect(["R1-eval-gate", "R2-level0-untried", "R3-hallucination"]).toContain(result.gateOverride.rule);
          expect(result.fits[result.level]).toBeLessThan(best);
          expect(result.fits[result.gateOverride.bestFit]).toBe(best);
        }
      }),
      runs,
    );
  });

  it("unknowns are exactly the unanswered fed questions, in rubric order", () => {
    const fed = rubric.sections.flatMap((s) => s.questions).filter((q) => q.feeds.some((id) => id !== "fits"));
    fc.assert(
      fc.property(answers, (a) => {
        const expected = fed.filter((q) => a[q.id] === undefined || a[q.id] === null).map((q) => q.id);
        expect(score(a as Answers, "v1").unknowns).toEqual(expected);
      }),
      runs,
    );
  });
});
