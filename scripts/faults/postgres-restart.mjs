// `npm run test:faults`, part (c): PostgreSQL restarted during a live workshop.
// A PostgreSQL cluster of our own (initdb on FAULTS_PG_PORT, default 5620; the
// shared server is never touched), the app built for PostgreSQL into
// .next/faults-pg, a facilitator and a participant in a live session in Chromium.
// PostgreSQL stops → the participant sees "Reconnecting…"; it starts again →
// the room recovers by itself, and the answers saved before and after are there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { chromium } from "@playwright/test";

import { bin, isRoot, nextBin, root, run } from "../lib.mjs";
import { DEMO, log, startServer } from "./lib.mjs";

const PORT = Number(process.env.FAULTS_PORT ?? 3620) + 1;
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5620);
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const distDir = path.join(".next", "faults-pg");
const logFile = path.join(root, "test-results", "faults-pg-server.log");
const MEMBER = { email: "member@levelset.test", password: DEMO.password };

/** Like scripts/lib.mjs's steps, but throws instead of exiting, so the cluster is always cleaned up. */
function step(cmd, args, env) {
  if (run(cmd, args, { env, allowFailure: true }) !== 0) throw new Error(`failed: ${path.basename(cmd)} ${args.join(" ")}`);
}
const prisma = (args, env = {}) => step(bin("prisma"), args, env);

export async function postgresRestartScenario(check) {
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) {
    check(false, `(c) PostgreSQL binaries not found in ${PG_BIN} (set PG_BIN)`);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-faults-pg-"));
  // initdb and postgres refuse to run as root: run them as the postgres user then.
  const pgExec = (bin, args) =>
    isRoot ? execFileSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args], { stdio: "pipe" }) : execFileSync(path.join(PG_BIN, bin), args, { stdio: "pipe" });
  if (isRoot) execFileSync("chown", ["postgres:postgres", dataDir]);
  const pgCtl = (action) =>
    pgExec("pg_ctl", ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "-m", "fast", "-o", `-p ${PG_PORT} -k ${dataDir} -c listen_addresses=127.0.0.1`, action]);
  const url = `postgresql://postgres@127.0.0.1:${PG_PORT}/levelset_faults`;
  let server;
  let browser;
  try {
    log(`(c) own PostgreSQL cluster on 127.0.0.1:${PG_PORT} (${dataDir})…`);
    pgExec("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync"]);
    pgCtl("start");
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres` });
    await admin.connect();
    await admin.query("CREATE DATABASE levelset_faults");
    await admin.end();
    prisma(["migrate", "deploy"], { DATABASE_URL: url });
    log("(c) building the app for PostgreSQL into .next/faults-pg…");
    prisma(["generate"], { DATABASE_URL: url }); // the generated client is tied to one provider
    // `next build` adds its distDir's types to tsconfig.json; this build is a test artefact, so put it back.
    const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"));
    try {
      step(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { DATABASE_URL: url });
      step(process.execPath, [nextBin, "build"], { DATABASE_URL: url, NEXT_DIST_DIR: distDir });
    } finally {
      fs.writeFileSync(path.join(root, "tsconfig.json"), tsconfig);
      prisma(["generate"]); // back to the client for this environment's DATABASE_URL (SQLite unless set)
    }

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query(
      `SELECT d.id, t.slug FROM "Decision" d JOIN "Team" t ON t.id = d."teamId" JOIN "Membership" m ON m."teamId" = t.id JOIN "User" u ON u.id = m."userId"
       WHERE u.email = $1 AND d.status = 'draft' ORDER BY d."createdAt" LIMIT 1`,
      [DEMO.email],
    );
    await db.end();
    const decision = rows[0];

    server = await startServer({ port: PORT, databaseUrl: url, logFile, env: { NEXT_DIST_DIR: distDir } });
    browser = await chromium.launch({
      executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const open = async (who) => {
      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(who.email);
      await page.getByLabel("Password").fill(who.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/t\//);
      return page;
    };
    const facilitator = await open(DEMO);
    await facilitator.goto(`/t/${decision.slug}/decisions/${decision.id}/live`);
    await facilitator.getByRole("radio", { name: /^Named/ }).check();
    await facilitator.getByRole("button", { name: "Start the live session" }).click();
    await facilitator.waitForURL(/\/live\/[A-Z0-9]{6}$/);
    const code = new URL(facilitator.url()).pathname.split("/")[2];
    const participant = await open(MEMBER);
    await participant.goto(`/live/${code}`);
    await participant.getByRole("button", { name: "Join the session" }).click();
    await participant.getByRole("button", { name: "Join the session" }).waitFor({ state: "detached" });
    // The facilitator's room (polled) shows the participant, then the step starts for everyone.
    await facilitator.getByRole("heading", { name: /^In the room \([1-9]/ }).waitFor({ timeout: 60_000 });
    // A click before the room has hydrated does nothing: press again until the step is running.
    const reveal = facilitator.getByRole("button", { name: "Reveal answers" });
    for (let i = 0; i < 10 && !(await reveal.isVisible()); i++) {
      await facilitator.getByRole("button", { name: /^Start step 1/ }).click({ timeout: 5_000 }).catch(() => {});
      await reveal.waitFor({ timeout: 6_000 }).catch(() => {});
    }
    await reveal.waitFor({ timeout: 10_000 });
    await participant.getByRole("main").getByRole("radio").first().waitFor({ timeout: 60_000 });

    const saveAnswer = async (index) => {
      const radios = participant.getByRole("main").getByRole("radio");
      await radios.nth(index).check();
      await participant.getByRole("button", { name: "Save my answers" }).click();
      await participant.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    };
    const reconnecting = (page) => page.getByText("Reconnecting…");
    await saveAnswer(0);
    /** The participant's stored answers for the step, as the database has them. */
    const storedAnswers = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const r = await c.query(
          `SELECT a.answers::text AS answers FROM "WorkshopAnswer" a JOIN "WorkshopSession" s ON s.id = a."sessionId"
           JOIN "WorkshopParticipant" p ON p.id = a."participantId" JOIN "User" u ON u.id = p."userId" WHERE s.code = $1 AND u.email = $2`,
          [code, MEMBER.email],
        );
        return r.rows.map((row) => row.answers).join("|");
      } finally {
        await c.end();
      }
    };
    const before = await storedAnswers();
    check(before !== "", `(c) the participant's answer was saved before the restart (${before})`);
    log("(c) stopping PostgreSQL under the live room…");
    pgCtl("stop");
    let sawReconnecting = true;
    try {
      await reconnecting(participant).waitFor({ timeout: 30_000 });
    } catch {
      sawReconnecting = false;
    }
    check(sawReconnecting, '(c) the participant sees "Reconnecting…" while the database is down');
    log("(c) starting PostgreSQL again…");
    pgCtl("start");
    let recovered = true;
    try {
      await reconnecting(participant).waitFor({ state: "hidden", timeout: 60_000 });
      await reconnecting(facilitator).waitFor({ state: "hidden", timeout: 60_000 });
    } catch {
      recovered = false;
    }
    check(recovered, "(c) the room recovers by itself (no reload, no restart of the app)");
    check(server.running(), "(c) the app server kept running through the database restart");
    check((await storedAnswers()) === before, "(c) the answer acknowledged before the restart is still there after it");
    let savedAfter = true;
    try {
      await saveAnswer(1);
    } catch {
      savedAfter = false;
    }
    check(savedAfter, "(c) the participant saves again after the restart");
    const after = await storedAnswers();
    check(after !== "" && after !== before, `(c) the answer acknowledged after the restart is stored (${after})`);
  } catch (error) {
    check(false, `(c) ${error.stack ?? error}`);
    for (const [i, page] of (browser?.contexts() ?? []).flatMap((c) => c.pages()).entries()) {
      await page.screenshot({ path: path.join(root, "test-results", `faults-c-page${i}.png`), fullPage: true }).catch(() => {});
    }
  } finally {
    await browser?.close();
    await server?.stop();
    try {
      pgCtl("stop");
    } catch {
      /* already stopped */
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
