import fs from "node:fs";
import path from "node:path";

import type { Browser } from "@playwright/test";

/**
 * What the e2e run must never find in the server's log: every password a spec
 * types, every share/invitation token it reads, every session cookie it holds.
 * Specs record them here (one JSON line each); `e2e/support/log-check.ts`
 * (Playwright's global teardown) greps the captured server log for them.
 */
export const OUTPUT_DIR = path.resolve("test-results");
/** The e2e server's stdout and stderr (playwright.config.ts tees them here). */
export const SERVER_LOG = path.join(OUTPUT_DIR, "server.log");
/** The second app instance's output, when a spec starts one (e2e/support/server.ts). */
export const SECOND_SERVER_LOG = path.join(OUTPUT_DIR, "server-b.log");
export const SECRETS_FILE = path.join(OUTPUT_DIR, "secrets.jsonl");

export type SecretKind = "password" | "share_token" | "invitation_token" | "session_cookie" | "guest_cookie";
export type RecordedSecret = { kind: SecretKind; value: string };

export function recordSecret(kind: SecretKind, value: string | null | undefined) {
  if (!value) return;
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  fs.appendFileSync(SECRETS_FILE, `${JSON.stringify({ kind, value } satisfies RecordedSecret)}\n`);
}

/** The capability token at the end of a share (`/s/…`) or invitation (`/invite/…`) URL or path. */
export function recordCapabilityUrl(url: string) {
  const match = /\/(s|invite)\/([A-Za-z0-9_-]{16,})/.exec(url);
  if (match) recordSecret(match[1] === "s" ? "share_token" : "invitation_token", match[2]);
}

const SESSION_COOKIE = /(^|\.)authjs\.session-token(\.\d+)?$/;

/** Session and live-guest cookies of every open context of the browser. */
export async function recordSessionCookies(browser: Browser) {
  for (const context of browser.contexts()) {
    const cookies = await context.cookies().catch(() => []);
    for (const c of cookies) {
      if (SESSION_COOKIE.test(c.name)) recordSecret("session_cookie", c.value);
      else if (c.name === "levelset-live") recordSecret("guest_cookie", c.value);
    }
  }
}

export function readRecordedSecrets(): RecordedSecret[] {
  if (!fs.existsSync(SECRETS_FILE)) return [];
  return fs
    .readFileSync(SECRETS_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedSecret);
}
