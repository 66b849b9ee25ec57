import "server-only";

import { getDb } from "@/lib/db";

/**
 * Failed sign-in / sign-up attempts, counted in the database so every app
 * instance enforces the same limits: 10 failures per 15 minutes per account,
 * and 50 per IP address (looser, because offices share one address). The
 * account key is the address the person typed, so a locked account tells
 * nothing about whether it exists.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { account: 10, ip: 50 } as const;

export type LimitKey = { kind: keyof typeof LIMITS; id: string };

const keyOf = (k: LimitKey) => `auth:${k.kind}:${k.id.toLowerCase().slice(0, 200)}`;

/** Seconds until the attempts are allowed again, or 0 when they are. */
export async function retryAfterSeconds(keys: LimitKey[], now = new Date()): Promise<number> {
  const rows = await getDb().rateLimit.findMany({
    where: { key: { in: keys.map(keyOf) }, windowStart: { gt: new Date(now.getTime() - WINDOW_MS) } },
  });
  let wait = 0;
  for (const row of rows) {
    const limit = LIMITS[row.key.split(":")[1] as keyof typeof LIMITS];
    if (row.count >= limit) wait = Math.max(wait, Math.ceil((row.windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(keys: LimitKey[], now = new Date()): Promise<void> {
  const db = getDb();
  const cutoff = new Date(now.getTime() - WINDOW_MS);
  for (const k of keys) {
    const key = keyOf(k);
    const { count } = await db.rateLimit.updateMany({ where: { key, windowStart: { gt: cutoff } }, data: { count: { increment: 1 } } });
    if (count === 0) {
      await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: 1, windowStart: now } });
    }
  }
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearFailures(keys: LimitKey[]): Promise<void> {
  await getDb().rateLimit.deleteMany({ where: { key: { in: keys.map(keyOf) } } });
}

/** The client's address as the nearest proxy (or Next's own server) reports it. */
export function clientAddressOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

export function signInLimitKeys(email: string, address: string): LimitKey[] {
  return [
    { kind: "account", id: email.trim() },
    { kind: "ip", id: address },
  ];
}
