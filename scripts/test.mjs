// `npm test`: installs what is missing, then lint, typecheck, Vitest, a
// production build and Playwright (Debian chromium). Non-zero on any failure.
//   npm test                 everything
//   npm test -- --unit       lint, typecheck and Vitest only
//   npm test -- --e2e        build and Playwright only (extra args go to Playwright)
import { spawnSync } from "node:child_process";
import fs from "node:fs";

import { bin, ensureDependencies, generatePrismaClient, isRoot, log, migrate, nextBin, run, seed } from "./lib.mjs";

const args = process.argv.slice(2);
const onlyUnit = args.includes("--unit");
const onlyE2e = args.includes("--e2e");
const playwrightArgs = args.filter((a) => a !== "--unit" && a !== "--e2e");

ensureDependencies();

function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    log("Installing Debian's chromium for the browser tests (apt)…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-liberation"], {
      env: { DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  log(
    "No /usr/bin/chromium. Install Debian's chromium (sudo apt-get install chromium) — or, where downloads work, " +
      "`npx playwright install chromium` — then run npm test again.",
  );
  // Playwright's own browser may already be installed; let Playwright decide.
}

/** The backup tests run pg_dump / pg_restore (PostgreSQL's client tools) against TEST_POSTGRES_URL. */
function ensurePgClient() {
  if (spawnSync("pg_dump", ["--version"]).status === 0) return;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    log("Installing PostgreSQL's client tools for the backup tests (apt: postgresql-client)…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql-client"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
    return;
  }
  log("No pg_dump: the PostgreSQL backup test will fail. Install it (sudo apt-get install postgresql-client).");
}

// The Prisma client must match DATABASE_URL's provider (SQLite unless told otherwise).
generatePrismaClient();

if (!onlyE2e) {
  log("Lint (ESLint)…");
  run(bin("eslint"), [".", "--max-warnings=0"]);
  log("Typecheck (next typegen + tsc)…");
  run(process.execPath, [nextBin, "typegen"]);
  run(bin("tsc"), ["--noEmit", "-p", "."]);
  ensurePgClient();
  log("Unit and integration tests (Vitest)…");
  run(bin("vitest"), ["run"]);
}

if (!onlyUnit) {
  ensureChromium();
  log("Production build (next build)…");
  run(process.execPath, [nextBin, "build"]);
  const e2eDb = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
  if (e2eDb.startsWith("file:")) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${e2eDb.slice(5)}${suffix}`, { force: true });
  }
  log(`Fresh e2e database: ${e2eDb}`);
  migrate({ DATABASE_URL: e2eDb });
  seed({ DATABASE_URL: e2eDb });
  log("Browser tests (Playwright)…");
  run(bin("playwright"), ["test", ...playwrightArgs], { env: { E2E_DATABASE_URL: e2eDb } });
}
log("All tests passed.");
