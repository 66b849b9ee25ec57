/** fast-check arbitraries DERIVED from rubric data (test helper; not for runtime code). */
import fc from "fast-check";
import type { AnswerValue, Question, Rubric } from "./types";

export function questionValueArbitrary(question: Question): fc.Arbitrary<AnswerValue> {
  const options = (question.options ?? []).map((option) => option.id);
  switch (question.type) {
    case "choice":
      return fc.constantFrom(...options);
    case "multi":
      return fc.subarray(options);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: question.min ?? 0, max: question.max ?? 1_000_000 });
    case "number":
      return fc.oneof(
        fc.double({ min: question.min ?? 0, max: question.max ?? 1_000_000, noNaN: true, noDefaultInfinity: true }),
        // Boundaries the rules care about.
        fc.constantFrom(0, 3, 3.01, 5, 5.01, 79.9, 80, 100),
      );
  }
}

/** Any schema-valid answer set: each question missing, null, or a valid value. */
export function answersArbitrary(rubric: Rubric) {
  const shape: Record<string, fc.Arbitrary<AnswerValue>> = {};
  for (const question of rubric.sections.flatMap((section) => section.questions)) {
    shape[question.id] = fc.option(questionValueArbitrary(question), { nil: null, freq: 4 });
  }
  return fc.record(shape, { requiredKeys: [] });
}
