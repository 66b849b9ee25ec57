import { randomBytes } from "node:crypto";

import { type Algorithm, hash, verify } from "@node-rs/argon2";

/**
 * Password hashing with argon2id at the OWASP Password Storage Cheat Sheet's
 * setting (m = 19 MiB, t = 2, p = 1). Not bcrypt, which silently truncates at
 * 72 bytes. The PHC string carries its parameters, so they can be raised later
 * without breaking existing hashes.
 */
// Algorithm is an ambient const enum (not importable under isolatedModules): 2 = Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), OPTIONS);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFKC"));
  } catch {
    return false;
  }
}

/** A valid hash of a random password: checking an unknown email against it costs what a real check costs. */
let dummyHash: Promise<string> | undefined;
export function timingSafeDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}
