import { describe, expect, it } from "vitest";

import { hashPassword, timingSafeDummyHash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores an argon2id hash that verifies only the right password", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain("correct horse");
    await expect(verifyPassword("correct horse battery staple", stored)).resolves.toBe(true);
    await expect(verifyPassword("correct horse battery stapl", stored)).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password twice")).not.toBe(await hashPassword("same password twice"));
  });

  it("does not truncate long passwords (the bcrypt 72-byte trap)", async () => {
    const long = "x".repeat(100);
    const stored = await hashPassword(long);
    await expect(verifyPassword("x".repeat(99) + "y", stored)).resolves.toBe(false);
  });

  it("treats a malformed stored hash as a mismatch, not a crash", async () => {
    await expect(verifyPassword("anything", "not-a-hash")).resolves.toBe(false);
    await expect(verifyPassword("anything", await timingSafeDummyHash())).resolves.toBe(false);
  });
});
