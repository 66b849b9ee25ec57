// Shared helpers for the project's own scripts (demo, test, CI). Node built-ins
// only: these run before `npm install` on a fresh clone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

// Offline machines: no update checks, no telemetry.
process.env.CHECKPOINT_DISABLE ??= "1";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

const t0 = Date.now();
export function log(message) {
  const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(6);
  console.log(`\x1b[36m[levelset ${s}s]\x1b[0m ${message}`);
}

/** Runs a command with inherited stdio; exits the script with its code on failure. */
export function run(cmd, args, { env = {}, allowFailure = false } = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0 && !allowFailure) {
    log(`FAILED (${seconds}s): ${cmd} ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
  return result.status ?? 1;
}

export const bin = (name) => path.join(root, "node_modules", ".bin", name);
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000;
  if (!stale) return;
  log("Installing dependencies (npm ci; better-sqlite3 compiles from source, about 2–4 minutes on a fresh machine)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** Generates the Prisma client for the provider DATABASE_URL selects (offline-safe via the wasm bridge). */
export function generatePrismaClient(env = {}) {
  run(bin("prisma"), ["generate"], { env });
}

export function migrate(env = {}) {
  run(bin("prisma"), ["migrate", "deploy"], { env });
}

export function seed(env = {}) {
  run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
}

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
