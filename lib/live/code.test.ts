import { describe, expect, it } from "vitest";

import { generateJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from "./code";
import { formatCountdown, remainingSeconds } from "./timer";

describe("join codes", () => {
  it("are 6 characters from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    }
    for (const ch of "0O1IL5S2Z8B") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });

  it("accept what people type: lower case, spaces, dashes; refuse anything else", () => {
    expect(normaliseJoinCode(" acd-efg ")).toBe("ACDEFG");
    expect(normaliseJoinCode("ACDEF")).toBeNull();
    expect(normaliseJoinCode("ACDEF0")).toBeNull();
  });
});

describe("step timer", () => {
  it("counts down from the stored deadline and stops at zero", () => {
    const now = Date.parse("2026-01-01T10:00:00Z");
    expect(remainingSeconds("2026-01-01T10:01:30Z", now)).toBe(90);
    expect(remainingSeconds("2026-01-01T09:59:00Z", now)).toBe(0);
    expect(remainingSeconds(null, now)).toBeNull();
    expect(formatCountdown(90)).toBe("1:30");
  });
});
