import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";

import { OUTPUT_DIR, SECOND_SERVER_LOG } from "./secrets";

/**
 * How the browser tests' app servers run: the port, the environment and the
 * command of the first instance (Playwright's webServer, playwright.config.ts)
 * and of a second one on the next port (`startSecondInstance`), both on the
 * same database with the same AUTH_SECRET — two instances behind one load
 * balancer, as far as the app can tell.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const SECOND_PORT = E2E_PORT + 1;

export const e2eServerEnv = {
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  NEXT_TELEMETRY_DISABLED: "1",
};

// Idle sockets stay open longer than the test client keeps reusing them (no ECONNRESET races).
export const nextStartArgs = (port: number) => ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port), "--keepAliveTimeout", "70000"];

export type Instance = { baseURL: string; stop: () => Promise<void> };

/** A second `next start` of the same build on SECOND_PORT; resolves once /api/health answers 200. */
export async function startSecondInstance(timeoutMs = 60_000): Promise<Instance> {
  const baseURL = `http://127.0.0.1:${SECOND_PORT}`;
  if (await healthy(baseURL)) throw new Error(`Something already answers on ${baseURL}; stop it or set E2E_PORT`);
  const child: ChildProcess = spawn(process.execPath, nextStartArgs(SECOND_PORT), {
    env: { ...process.env, ...e2eServerEnv, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Its output goes to SECOND_SERVER_LOG, which the global teardown checks for secrets like the first one's.
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const log = fs.createWriteStream(SECOND_SERVER_LOG, { flags: "a" });
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => log.end(() => resolve())));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`The second instance exited (${child.exitCode}):\n${output}`);
    if (await healthy(baseURL)) return { baseURL, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The second instance did not answer /api/health within ${timeoutMs / 1000} s:\n${output}`);
}

async function healthy(baseURL: string): Promise<boolean> {
  try {
    return (await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}
