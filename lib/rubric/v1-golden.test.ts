import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_DECISIONS } from "@/prisma/seed-data";
import { score, type Answers } from "./index";
import { WORKED_EXAMPLES_V1 } from "./worked-examples";

/**
 * v1 results, byte for byte. `golden/v1-results.json` was written from the
 * v1 scorer BEFORE rubric v2 existed: the worked examples of RUBRIC-v1.md,
 * every seeded demo decision, an empty answer set and 80 random schema-valid
 * answer sets (answers stored with them). Adding v2 must not change one byte
 * of any v1 result. Never regenerate this file to make the test pass.
 */
interface GoldenCase {
  name: string;
  answers: Answers;
  result: string;
}

const golden = JSON.parse(readFileSync(new URL("./golden/v1-results.json", import.meta.url), "utf8")) as GoldenCase[];

describe("v1 results are unchanged byte for byte", () => {
  it("covers every worked example and every seeded decision", () => {
    const names = golden.map((c) => c.name);
    for (const example of WORKED_EXAMPLES_V1) expect(names).toContain(`worked: ${example.name}`);
    for (const decision of DEMO_DECISIONS) expect(names).toContain(`seed: ${decision.title}`);
    expect(golden.length).toBeGreaterThanOrEqual(WORKED_EXAMPLES_V1.length + DEMO_DECISIONS.length + 80);
  });

  it.each(golden.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(JSON.stringify(score(c.answers, "v1"))).toBe(c.result);
  });

  it("the stored seed answers are the ones the demo still seeds", () => {
    for (const decision of DEMO_DECISIONS) {
      const stored = golden.find((c) => c.name === `seed: ${decision.title}`);
      expect(stored?.answers).toEqual(decision.answers);
    }
  });
});
