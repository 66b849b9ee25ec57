import { describe, expect, it } from "vitest";

import { withFreshDatabase } from "@/lib/testing/test-db";

import { clearFailures, LIMITS, recordFailure, retryAfterSeconds, WINDOW_MS } from "./rate-limit";

withFreshDatabase();

describe("sign-in rate limits kept in the database", () => {
  it("locks an account after 10 failures in 15 minutes, and lets it in again after the window", async () => {
    const now = new Date("2026-06-01T10:00:00Z");
    const account = { kind: "account" as const, id: "Someone@Example.com" };
    for (let i = 0; i < LIMITS.account - 1; i++) await recordFailure([account], now);
    expect(await retryAfterSeconds([account], now)).toBe(0);
    await recordFailure([account], now);
    expect(await retryAfterSeconds([account], new Date(now.getTime() + 60_000))).toBe(14 * 60);
    // Keys are case-insensitive: the same account however it is typed.
    expect(await retryAfterSeconds([{ kind: "account", id: "someone@example.com" }], now)).toBeGreaterThan(0);
    expect(await retryAfterSeconds([account], new Date(now.getTime() + WINDOW_MS + 1))).toBe(0);
    // A failure after the window starts a new one.
    await recordFailure([account], new Date(now.getTime() + WINDOW_MS + 1));
    expect(await retryAfterSeconds([account], new Date(now.getTime() + WINDOW_MS + 2))).toBe(0);
  });

  it("limits an address at 50 failures across accounts, and a success clears only the account", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const ip = { kind: "ip" as const, id: "203.0.113.7" };
    for (let i = 0; i < LIMITS.ip; i++) await recordFailure([{ kind: "account", id: `user${i}@example.com` }, ip], now);
    expect(await retryAfterSeconds([{ kind: "account", id: "fresh@example.com" }, ip], now)).toBeGreaterThan(0);
    await clearFailures([{ kind: "account", id: "user1@example.com" }]);
    expect(await retryAfterSeconds([ip], now)).toBeGreaterThan(0);
    expect(await retryAfterSeconds([{ kind: "account", id: "user1@example.com" }], now)).toBe(0);
  });
});
