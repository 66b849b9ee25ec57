import { describe, expect, it } from "vitest";

import { defaultReviewBy } from "./review";

describe("defaultReviewBy", () => {
  const from = new Date("2026-03-15T10:00:00Z");
  it.each([
    ["weekly", "2026-04-15"],
    ["monthly", "2026-06-15"],
    ["quarterly", "2026-09-15"],
    ["rarely", "2027-03-15"],
  ])("%s change → review on %s", (velocity, expected) => {
    expect(defaultReviewBy(velocity, from).toISOString().slice(0, 10)).toBe(expected);
  });

  it("falls back to six months when change velocity is unknown", () => {
    expect(defaultReviewBy(null, from).toISOString().slice(0, 10)).toBe("2026-09-15");
  });

  it("clamps to the end of a shorter month", () => {
    expect(defaultReviewBy("weekly", new Date("2026-01-31T00:00:00Z")).toISOString().slice(0, 10)).toBe("2026-02-28");
  });
});
