// `npm run bench`: LevelSet's performance budgets, each measured beside the
// framework's own floor in the same run on the same server. See bench/README.md.
//
// Settings (environment):
//   BENCH_DURATION=10      seconds per measured run (a 3 s warm-up precedes every target)
//   BENCH_WARMUP=3         seconds of warm-up
//   BENCH_CONNECTIONS=20   concurrent connections (autocannon)
//   BENCH_DECISIONS=100000 decisions in data/bench.db (BENCH_TEAMS=50 teams)
//   BENCH_SMALL_DECISIONS=1000  decisions in data/bench-small.db (in BENCH_TEAMS teams, like the large one)
//   BENCH_AUTOSAVE_ROUNDS=4  alternating rounds of the autosave and its floor (BENCH_DURATION split between them)
//   BENCH_SCALE_ROUNDS=2   rounds of the scale comparison (each: the large, then the small database, fresh servers)
//   BENCH_PORT=3471        loopback port for the servers
//   BENCH_LIGHTHOUSE=0     skip Lighthouse (e.g. smoke runs)
//   BENCH_LIGHTHOUSE_PRESET=desktop  Lighthouse's desktop preset instead of its default (mobile)
//   BENCH_LIGHTHOUSE_RUNS=3  consecutive Lighthouse runs over the four pages (each budget takes the worst)
//   BENCH_SKIP_BUILD=1     reuse .next (must be a BENCH=1 build)
//   BENCH_REUSE_DB=1       reuse data/bench.db and data/bench-small.db when they exist
//   BENCH_ONLY=autosave,scale  run only these phases (pages, autosave, lighthouse, scale); budgets of
//                          the phases left out read n/a. For iterating on one budget, not for reports.
//   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"  Node flags for the servers (profiling)
// Only ever talks to 127.0.0.1. Kills its servers (and Chromium) on exit and on Ctrl+C.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import zlib from "node:zlib";

import autocannon from "autocannon";
import Database from "better-sqlite3";

import { bin, log, migrate, nextBin, root, run, seed } from "../lib.mjs";
import { cookiePairs, cpuMs, envNumber, percentile, round, rssMb, stopServer } from "./common.mjs";

// ---------------------------------------------------------------------------
// Settings

const HOST = "127.0.0.1"; // never anything else
const S = {
  duration: envNumber("BENCH_DURATION", 10),
  warmup: envNumber("BENCH_WARMUP", 3),
  connections: envNumber("BENCH_CONNECTIONS", 20),
  decisions: envNumber("BENCH_DECISIONS", 100_000),
  teams: envNumber("BENCH_TEAMS", 50),
  smallDecisions: envNumber("BENCH_SMALL_DECISIONS", 1000),
  scaleRounds: envNumber("BENCH_SCALE_ROUNDS", 2),
  autosaveRounds: envNumber("BENCH_AUTOSAVE_ROUNDS", 4),
  port: envNumber("BENCH_PORT", 3471),
  lighthouse: process.env.BENCH_LIGHTHOUSE !== "0",
  lighthousePreset: process.env.BENCH_LIGHTHOUSE_PRESET === "desktop" ? "desktop" : "mobile",
  lighthouseRuns: envNumber("BENCH_LIGHTHOUSE_RUNS", 3),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  reuseDb: process.env.BENCH_REUSE_DB === "1",
  serverNodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean),
  only: (process.env.BENCH_ONLY ?? "").split(",").map((p) => p.trim()).filter(Boolean),
};
const PHASES = ["pages", "autosave", "lighthouse", "scale"];
for (const p of S.only) if (!PHASES.includes(p)) throw new Error(`BENCH_ONLY: unknown phase "${p}" (phases: ${PHASES.join(", ")})`);
const want = (phase) => S.only.length === 0 || S.only.includes(phase);
const BASE = `http://${HOST}:${S.port}`;
const DB_LARGE = "data/bench.db";
const DB_SMALL = "data/bench-small.db";
const BENCH_USER = { email: "bench@levelset.test", password: "levelset-bench-2026" };
const TEAM = "large-01";
const PAGE_SIZE = 25; // lib/dal/decision-log.ts
/** A common word and a filter: a full page of hits on the large database, a few on the small one (see the one-match search for like-for-like). */
const MANY_MATCH_SEARCH = { q: "refunds", final: "prompt" };
/** The team list searched for one decision's title, filtered by its final level: one hit at either size, so only the data around it grows. */
const oneMatchSearch = (fixtures) => `/t/${TEAM}?q=${encodeURIComponent(fixtures.title)}&final=${fixtures.finalLevel}`;
const manyMatchSearch = `/t/${TEAM}?q=${MANY_MATCH_SEARCH.q}&final=${MANY_MATCH_SEARCH.final}`;
const shown = (matches) => Math.min(matches, PAGE_SIZE);
const AUTH_SECRET = crypto.randomBytes(33).toString("base64");
const TOOLCHAIN_EMPTY_PAGE_KB = 131.4; // TOOLCHAIN.md: first-load JS of an empty App Router page (gzip)
const OUT_DIR = path.join(root, "bench");

// ---------------------------------------------------------------------------
// Cleanup: every process we start is tracked and killed on exit / Ctrl+C.

const children = new Set();
let serverPid = null; // the running `next start` (its process tree is what CPU and memory are read from)
let chrome = null;
function killEverything(signal = "SIGKILL") {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        /* already gone */
      }
    }
  }
  if (chrome) {
    try {
      chrome.kill();
    } catch {
      /* already gone */
    }
  }
}
process.on("exit", () => killEverything("SIGKILL"));
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the bench servers…`);
    killEverything("SIGKILL");
    process.exit(130);
  });
}
function fail(message) {
  console.error(`\n\x1b[31mbench: ${message}\x1b[0m`);
  process.exit(1); // the exit handler kills the servers
}

// ---------------------------------------------------------------------------
// Build and databases

function removeSqlite(file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

function buildApp() {
  if (S.skipBuild) {
    log("BENCH_SKIP_BUILD=1: reusing .next");
  } else {
    log("Production build with the benchmark floors (BENCH=1 next build)…");
    run(process.execPath, [nextBin, "build"], { env: { BENCH: "1" } });
  }
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  const routes = fs.existsSync(manifest) ? Object.values(JSON.parse(fs.readFileSync(manifest, "utf8"))) : [];
  for (const r of ["/bench/static", "/bench/dynamic", "/bench/route-dynamic", "/bench/noop", "/bench/action"]) {
    if (!routes.includes(r)) fail(`.next has no ${r}: it is not a BENCH=1 build (drop BENCH_SKIP_BUILD)`);
  }
}

function prepareDatabase(file, { demo, decisions, teams }) {
  const url = `file:./${file}`;
  if (S.reuseDb && fs.existsSync(file)) {
    log(`BENCH_REUSE_DB=1: reusing ${file}`);
    return url;
  }
  removeSqlite(file);
  log(`Fresh ${file}: migrate${demo ? ", demo seed" : ""}, ${decisions} decisions in ${teams} team(s)…`);
  migrate({ DATABASE_URL: url });
  if (demo) seed({ DATABASE_URL: url });
  run(bin("tsx"), ["--conditions=react-server", "prisma/seed-large.ts", "--decisions", String(decisions), "--teams", String(teams)], {
    env: { DATABASE_URL: url },
  });
  return url;
}

/** A decided decision of large-01 and a share link to it, straight in the database (the token is shown nowhere else). */
function prepareFixtures(file) {
  const db = new Database(file);
  try {
    const decision = db
      .prepare(
        `SELECT d.id, d.teamId, d.title, d.finalLevel, d.createdAt FROM "Decision" d JOIN "Team" t ON t.id = d.teamId
         WHERE t.slug = ? AND d.status = 'decided' ORDER BY d.createdAt DESC LIMIT 1`,
      )
      .get(TEAM);
    if (!decision) fail(`no decided decision in team ${TEAM} of ${file}`);
    const token = crypto.randomBytes(32).toString("base64url");
    const tokenHash = crypto.createHash("sha256").update(token, "utf8").digest("hex");
    // createdAt copies the decision's stored value, so the column holds the same representation Prisma writes.
    db.prepare(
      `INSERT INTO "ShareLink" (id, teamId, decisionId, tokenHash, createdById, createdAt, viewCount) VALUES (?, ?, ?, ?, NULL, ?, 0)`,
    ).run(`bench-${crypto.randomUUID()}`, decision.teamId, decision.id, tokenHash, decision.createdAt);
    const total = db.prepare(`SELECT COUNT(*) AS n FROM "Decision"`).get().n;
    // One draft per connection for the autosave target (a person autosaves one decision, one save after another).
    const drafts = db
      .prepare(
        `SELECT d.id, d.version FROM "Decision" d JOIN "Team" t ON t.id = d.teamId
         WHERE t.slug = ? AND d.status = 'draft' ORDER BY d.createdAt DESC LIMIT ?`,
      )
      .all(TEAM, S.connections);
    // A live workshop on a draft, the bench user in it as facilitator: the room's update path (its poll).
    let live = null;
    const liveDraft = db
      .prepare(`SELECT d.id, d.teamId, d.createdAt FROM "Decision" d JOIN "Team" t ON t.id = d.teamId WHERE t.slug = ? AND d.status = 'draft' ORDER BY d.createdAt ASC LIMIT 1`)
      .get(TEAM);
    const benchUser = db.prepare(`SELECT id, name FROM "User" WHERE email = ?`).get(BENCH_USER.email);
    if (liveDraft && benchUser) {
      const alphabet = "ACDEFGHJKMNPQRTUVWXY34679"; // lib/live/code.ts
      const code = Array.from(crypto.randomBytes(6), (b) => alphabet[b % alphabet.length]).join("");
      const sessionId = `bench-live-${crypto.randomUUID()}`;
      db.prepare(
        `INSERT INTO "WorkshopSession" (id, teamId, decisionId, code, facilitatorUserId, anonymous, observersAllowed, currentStep, phase, revision, createdAt)
         VALUES (?, ?, ?, ?, ?, 0, 1, 'constraints', 'answering', 1, ?)`,
      ).run(sessionId, liveDraft.teamId, liveDraft.id, code, benchUser.id, liveDraft.createdAt);
      db.prepare(
        `INSERT INTO "WorkshopParticipant" (id, sessionId, userId, displayName, role, revision, joinedAt, lastSeenAt) VALUES (?, ?, ?, ?, 'facilitator', 1, ?, ?)`,
      ).run(`bench-p-${crypto.randomUUID()}`, sessionId, benchUser.id, benchUser.name, liveDraft.createdAt, liveDraft.createdAt);
      live = { code };
    }
    // The many-match search's hits in the team (its page shows the first PAGE_SIZE of them).
    const manyMatches = db
      .prepare(`SELECT COUNT(*) AS n FROM "Decision" d JOIN "Team" t ON t.id = d.teamId WHERE t.slug = ? AND d.searchText LIKE ? AND d.finalLevel = ?`)
      .get(TEAM, `%${MANY_MATCH_SEARCH.q}%`, MANY_MATCH_SEARCH.final).n;
    return { decisionId: decision.id, title: decision.title, finalLevel: decision.finalLevel, shareToken: token, total, drafts, live, manyMatches };
  } finally {
    db.close();
  }
}

/** The score API's request body (a worked example of the rubric) and the first workshop step, from the TypeScript sources. */
function rubricFixtures() {
  const code = `
    import { WORKED_EXAMPLES_V1 } from "./lib/rubric/worked-examples.ts";
    import { CURRENT_RUBRIC_VERSION, requireRubric } from "./lib/rubric/index.ts";
    import { listSteps } from "./lib/workshop/steps.ts";
    const example = WORKED_EXAMPLES_V1.find((e) => e.name === "new skill") ?? WORKED_EXAMPLES_V1[0];
    const rubric = requireRubric(CURRENT_RUBRIC_VERSION);
    const firstStep = listSteps(rubric)[0].id;
    const section = rubric.sections.find((s) => s.id === firstStep);
    console.log(JSON.stringify({ version: CURRENT_RUBRIC_VERSION, example: example.name, answers: example.answers, firstStep,
      firstStepQuestions: section ? section.questions.map((q) => q.id) : [] }));`;
  const r = spawnSync(bin("tsx"), ["--conditions=react-server", "--eval", code], { encoding: "utf8" });
  if (r.status !== 0) fail(`could not read the worked examples:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

// ---------------------------------------------------------------------------
// Server

async function portAnswers() {
  try {
    await fetch(`${BASE}/`, { signal: AbortSignal.timeout(1000), redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

async function startServer(label, databaseUrl) {
  if (await portAnswers()) fail(`something already listens on ${BASE}; set BENCH_PORT`);
  const logFile = path.join(root, "data", `bench-server-${label}.log`);
  const out = fs.openSync(logFile, "w");
  // One node process (not npx → sh → node), so its pid is the server whose memory we sample.
  const child = spawn(process.execPath, [...S.serverNodeArgs, nextBin, "start", "-p", String(S.port), "-H", HOST], {
    env: { ...process.env, NODE_ENV: "production", BENCH: "1", DATABASE_URL: databaseUrl, AUTH_SECRET, PORT: String(S.port) },
    stdio: ["ignore", out, out],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  serverPid = child.pid;
  const started = Date.now();
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null || child.signalCode !== null) {
      fail(`the ${label} server exited early; see ${path.relative(root, logFile)}:\n${fs.readFileSync(logFile, "utf8").slice(-2000)}`);
    }
    try {
      const res = await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) {
        log(`Server "${label}" up (pid ${child.pid}, ${databaseUrl}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
        return child;
      }
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  fail(`the ${label} server did not answer /api/health within 180 s`);
}



/** Auth.js credentials sign-in over HTTP: the csrf token + cookie, then the callback POST. */
async function signIn() {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  if (!csrfRes.ok) fail(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = await csrfRes.json();
  const csrfCookie = cookiePairs(csrfRes).join("; ");
  const form = new URLSearchParams({ email: BENCH_USER.email, password: BENCH_USER.password, csrfToken, callbackUrl: `${BASE}/` }).toString();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: form,
  });
  const session = cookiePairs(res).filter((c) => c.startsWith("authjs.session-token"));
  if (session.length === 0) fail(`sign-in as ${BENCH_USER.email} gave no session cookie (status ${res.status}, ${res.headers.get("location")})`);
  return { sessionCookie: session.join("; "), csrfCookie, signInForm: form };
}

// ---------------------------------------------------------------------------
// Memory: VmRSS of the server process every 200 ms




function rssSampler(pid) {
  let peak = 0;
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    if (mb !== null && mb > peak) peak = mb;
  }, 200);
  return {
    /** Peak since the last reset, and start a new phase. */
    takePeak() {
      const mb = rssMb(pid);
      const p = Math.max(peak, mb ?? 0);
      peak = 0;
      return p;
    },
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------
// Load (autocannon)


function autocannonRun(target, duration, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${BASE}${target.path}`,
        method: target.method ?? "GET",
        headers: target.headers ?? {},
        body: target.body,
        connections: S.connections,
        duration,
        timeout: 30,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on("response", onResponse);
  });
}

/** One request first: the target must answer what a user would get (not a redirect to sign-in, not an error). */
async function checkTarget(target) {
  const res = await fetch(`${BASE}${target.path}`, {
    method: target.method ?? "GET",
    headers: target.headers ?? {},
    body: target.body,
    redirect: "manual",
  });
  const text = await res.text();
  if (res.status !== target.status) fail(`${target.name}: ${target.method ?? "GET"} ${target.path} answered ${res.status}, expected ${target.status}`);
  if (target.expect && !text.includes(target.expect)) fail(`${target.name}: the response does not contain "${target.expect}"`);
}

async function measure(target) {
  await checkTarget(target);
  await autocannonRun(target, S.warmup); // warm-up, discarded
  const latencies = [];
  const statuses = {};
  const cpuBefore = cpuMs(serverPid);
  const result = await autocannonRun(target, S.duration, (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const cpuUsed = cpuMs(serverPid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000 || result.duration;
  const expected = statuses[target.status] ?? 0;
  const unexpected = latencies.length - expected + (result.errors ?? 0) + (result.timeouts ?? 0);
  const row = {
    name: target.name,
    label: target.label,
    method: target.method ?? "GET",
    path: target.shownPath ?? target.path,
    reqPerSec: round(expected / seconds, 1),
    p50: round(percentile(latencies, 0.5), 1),
    p95: round(percentile(latencies, 0.95), 1),
    p99: round(percentile(latencies, 0.99), 1),
    requests: latencies.length,
    cpuMsPerReq: latencies.length ? round(cpuUsed / latencies.length, 2) : null,
    unexpected,
    statuses,
    seconds: round(seconds, 2),
  };
  if (latencies.length === 0) {
    log(`  \x1b[33m${target.label}: no response completed within ${S.duration} s — raise BENCH_DURATION\x1b[0m`);
  }
  const note = unexpected > 0 ? `  \x1b[33m(${unexpected} unexpected responses/errors: ${JSON.stringify(statuses)})\x1b[0m` : "";
  log(`  ${target.label.padEnd(34)} ${String(row.reqPerSec).padStart(8)} req/s  p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms  cpu ${row.cpuMsPerReq} ms/req${note}`);
  return row;
}


// ---------------------------------------------------------------------------
// Server actions, called the way React calls them: POST to the page that owns the
// action, `Next-Action: <id>` (from the build's server reference manifest), the
// arguments encoded by React's own `encodeReply`. Autocannon cannot do this (each
// save must carry the version the previous one returned), so each connection is a
// loop of fetches, one save after another — as one browser's autosave is.

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js");

function actionId(exportedName, file) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"));
  const found = Object.entries(manifest.node ?? {}).find(([, v]) => v.exportedName === exportedName && v.filename === file);
  if (!found) fail(`no server action ${exportedName} (${file}) in .next/server/server-reference-manifest.json`);
  return found[0];
}

/** The action's return value: row 1 of the Flight response (`1:{…}`). */
function actionResult(text) {
  const line = text.split("\n").find((l) => l.startsWith("1:"));
  try {
    return line ? JSON.parse(line.slice(2)) : null;
  } catch {
    return null;
  }
}

/**
 * A server action measured in rounds. `loops` are state objects, each with `path` and
 * `args(state)` → the action's arguments; a response counts when `accept(result)` holds,
 * and `advance(state, result)` carries the returned version on. `warm()` once, then
 * `measure(seconds)` any number of times (latencies, CPU and time add up over the rounds),
 * then `row()`.
 */
function actionMeasurer({ name, label, id, cookie, loops, accept, advance }) {
  const latencies = [];
  let unexpected = 0;
  let firstProblem = "";
  let cpuUsed = 0;
  let seconds = 0;
  const runFor = async (duration, record) => {
    const end = Date.now() + duration * 1000;
    await Promise.all(
      loops.map(async (state) => {
        while (Date.now() < end) {
          const body = await encodeReply(state.args(state));
          const t0 = performance.now();
          let result = null;
          let status = 0;
          try {
            const res = await fetch(`${BASE}${state.path}`, {
              method: "POST",
              headers: { "Next-Action": id, Accept: "text/x-component", ...(cookie ? { Cookie: cookie } : {}) },
              body,
            });
            status = res.status;
            result = actionResult(await res.text());
          } catch (err) {
            firstProblem ||= err.message;
          }
          const ms = performance.now() - t0;
          if (status === 200 && result && accept(result)) {
            advance(state, result);
            if (record) latencies.push(ms);
          } else if (record) {
            unexpected++;
            firstProblem ||= `status ${status}, result ${JSON.stringify(result)?.slice(0, 200)}`;
            await sleep(50);
          }
        }
      }),
    );
  };
  return {
    label,
    warm: () => runFor(S.warmup, false),
    async measure(duration) {
      const started = performance.now();
      const cpuBefore = cpuMs(serverPid);
      const before = latencies.length;
      await runFor(duration, true);
      const used = cpuMs(serverPid) - cpuBefore;
      cpuUsed += used;
      seconds += (performance.now() - started) / 1000;
      const done = latencies.length - before;
      return { p95: round(percentile(latencies.slice(before).sort((a, b) => a - b), 0.95), 1), cpuMsPerReq: done ? used / done : null };
    },
    row() {
      const sorted = [...latencies].sort((a, b) => a - b);
      const row = {
        name,
        label,
        method: "POST",
        path: `${loops[0].shownPath ?? loops[0].path} (action)`,
        reqPerSec: round(sorted.length / seconds, 1),
        p50: round(percentile(sorted, 0.5), 1),
        p95: round(percentile(sorted, 0.95), 1),
        p99: round(percentile(sorted, 0.99), 1),
        requests: sorted.length + unexpected,
        cpuMsPerReq: sorted.length ? round(cpuUsed / sorted.length, 2) : null,
        unexpected,
        statuses: {},
        seconds: round(seconds, 2),
      };
      const note = unexpected > 0 ? `  \x1b[33m(${unexpected} unexpected: ${firstProblem})\x1b[0m` : "";
      log(`  ${label.padEnd(34)} ${String(row.reqPerSec).padStart(8)} req/s  p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms  cpu ${row.cpuMsPerReq} ms/req${note}`);
      return row;
    },
  };
}

/** The workshop's first step as its form posts it: the worked example's answers for that step, a note, the route fields. */
function stepForm(rubric, teamSlug, decisionId, version, note) {
  const fd = new FormData();
  fd.set("teamSlug", teamSlug);
  fd.set("decisionId", decisionId);
  fd.set("stepId", rubric.firstStep);
  fd.set("version", String(version));
  for (const qid of rubric.firstStepQuestions) {
    const value = rubric.answers[qid];
    if (value === undefined) continue;
    if (value === null) fd.set(`unknown:${qid}`, "on");
    else if (Array.isArray(value)) {
      if (value.length === 0) fd.set(`none:${qid}`, "on");
      for (const v of value) fd.append(`q:${qid}`, String(v));
    } else fd.set(`q:${qid}`, String(value));
  }
  fd.set("note", note);
  return fd;
}

// ---------------------------------------------------------------------------
// First-load JS (gzip) from .next/diagnostics/route-bundle-stats.json

function firstLoadJs() {
  const file = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(file)) return { error: `${path.relative(root, file)} not found` };
  const stats = JSON.parse(fs.readFileSync(file, "utf8"));
  const gzipCache = new Map();
  const gz = (chunk) => {
    if (!gzipCache.has(chunk)) gzipCache.set(chunk, zlib.gzipSync(fs.readFileSync(path.join(root, chunk))).length);
    return gzipCache.get(chunk);
  };
  const routes = {};
  for (const entry of stats) {
    const chunks = [...new Set(entry.firstLoadChunkPaths ?? [])];
    if (chunks.length === 0) continue;
    routes[entry.route] = { gzipKb: round(chunks.reduce((sum, c) => sum + gz(c), 0) / 1024, 1), chunks: chunks.length };
  }
  // The smallest page in this build; on a tie, the framework's own /_not-found.
  const [floorRoute, floor] =
    Object.entries(routes).sort((a, b) => a[1].gzipKb - b[1].gzipKb || (b[0] === "/_not-found") - (a[0] === "/_not-found"))[0] ?? [];
  const wanted = {
    landing: "/",
    step: "/t/[teamSlug]/decisions/[decisionId]/steps/[stepId]",
    result: "/t/[teamSlug]/decisions/[decisionId]/result",
    share: "/s/[token]",
  };
  const pages = {};
  for (const [key, route] of Object.entries(wanted)) {
    pages[key] = { route, gzipKb: routes[route]?.gzipKb ?? null, overFloorKb: routes[route] && floor ? round(routes[route].gzipKb - floor.gzipKb, 1) : null };
  }
  return { floor: { route: floorRoute, gzipKb: floor?.gzipKb ?? null }, toolchainReferenceKb: TOOLCHAIN_EMPTY_PAGE_KB, pages, allRoutes: routes };
}

// ---------------------------------------------------------------------------
// Lighthouse (Debian chromium)

async function lighthouseScores(pages, cookie) {
  let lighthouse, chromeLauncher, desktopConfig;
  try {
    lighthouse = (await import("lighthouse")).default;
    chromeLauncher = await import("chrome-launcher");
    if (S.lighthousePreset === "desktop") desktopConfig = (await import("lighthouse/core/config/desktop-config.js")).default;
  } catch (err) {
    return { error: `lighthouse could not be loaded: ${err.message}` };
  }
  if (!fs.existsSync("/usr/bin/chromium")) return { error: "no /usr/bin/chromium" };
  const out = { preset: S.lighthousePreset, runs: S.lighthouseRuns, pages: {} };
  try {
    chrome = await chromeLauncher.launch({
      chromePath: "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    // Consecutive runs over all four pages; each page keeps every run's scores and is judged by its worst.
    for (let runNo = 1; runNo <= S.lighthouseRuns; runNo++)
    for (const page of pages) {
      log(`  Lighthouse, run ${runNo} of ${S.lighthouseRuns}: ${page.label} (${page.path})`);
      const flags = {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        ...(page.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
      };
      // Lighthouse's trace recording fails now and then on a loaded machine (NO_NAVSTART…): one retry, then n/a for that page.
      let lhr = null;
      let problem = "";
      for (let attempt = 1; attempt <= 2 && !lhr; attempt++) {
        const r = await lighthouse(`${BASE}${page.path}`, flags, desktopConfig);
        if (!r?.lhr) problem = "no report";
        else if (r.lhr.runtimeError) problem = `${r.lhr.runtimeError.code} ${r.lhr.runtimeError.message}`;
        else lhr = r.lhr;
        if (!lhr) log(`  \x1b[33mLighthouse ${page.label}, attempt ${attempt}: ${problem}\x1b[0m`);
      }
      const entry = (out.pages[page.key] ??= { label: page.label, path: page.shownPath ?? page.path, runs: [] });
      if (!lhr) {
        entry.runs.push({ error: problem, performance: null, accessibility: null, bestPractices: null });
        continue;
      }
      const score = (id) => (lhr.categories[id]?.score === null || lhr.categories[id]?.score === undefined ? null : Math.round(lhr.categories[id].score * 100));
      entry.finalUrl = (lhr.finalDisplayedUrl ?? lhr.finalUrl ?? "").replace(/\/s\/[A-Za-z0-9_-]{43}/, "/s/<token>");
      entry.runs.push({ performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices") });
    }
    // The worst of the runs (a failed run counts as no score: the page's budget then reads MISS, not PASS).
    for (const entry of Object.values(out.pages)) {
      const worst = (k) => (entry.runs.some((r) => r[k] === null) ? null : Math.min(...entry.runs.map((r) => r[k])));
      entry.performance = worst("performance");
      entry.accessibility = worst("accessibility");
      entry.bestPractices = worst("bestPractices");
      entry.failedRuns = entry.runs.filter((r) => r.error).length;
    }
  } catch (err) {
    out.error = `lighthouse failed: ${err.message}`;
  } finally {
    if (chrome) {
      try {
        chrome.kill();
      } catch {
        /* gone */
      }
      chrome = null;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Report

const fmt = (n, digits = 0) => (n === null || n === undefined ? "–" : Number(n).toFixed(digits));
const ratio = (a, b) => (a && b ? round(a / b, 2) : null);

function loadTable(rows) {
  const header = ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "× floor (req/s)", "× floor (CPU)", "floor", "bad"];
  const opt = (n) => (n === null || n === undefined ? "" : fmt(n, 2));
  const body = rows.map((r) => [r.label, fmt(r.reqPerSec, 1), fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.cpuMsPerReq, 1), opt(r.ratio), opt(r.cpuRatio), r.floorLabel ?? "", String(r.unexpected)]);
  return [header, ...body];
}

function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
  console.log(line(rows[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows.slice(1)) console.log(line(r));
}

function markdownTable(rows) {
  return [
    `| ${rows[0].join(" | ")} |`,
    `|${rows[0].map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.slice(1).map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

// ---------------------------------------------------------------------------
// Main

async function main() {
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const startedAt = new Date();
  log(`Bench: ${S.connections} connections, ${S.warmup} s warm-up + ${S.duration} s per target, ${S.decisions} decisions, loopback ${BASE}`);

  buildApp();
  const largeUrl = prepareDatabase(DB_LARGE, { demo: true, decisions: S.decisions, teams: S.teams });
  // The same user in as many teams as on the large database (the app header lists them), so the two
  // databases differ in their number of decisions, not in what each page shows around them.
  const smallUrl = prepareDatabase(DB_SMALL, { demo: true, decisions: S.smallDecisions, teams: S.teams });
  const large = prepareFixtures(DB_LARGE);
  const smallFixtures = prepareFixtures(DB_SMALL);
  const smallTotal = smallFixtures.total;
  const rubric = rubricFixtures();
  const scoreBody = JSON.stringify({ rubricVersion: rubric.version, answers: rubric.answers });
  const json = { "Content-Type": "application/json" };

  // --- Server 1: the large database. Floors first (their phase is the memory floor), then the app.
  const server = await startServer("large", largeUrl);
  const auth = await signIn();
  const withSession = { Cookie: auth.sessionCookie };
  const floors = {
    static: { name: "floor-static", label: "floor: static page", path: "/bench/static", status: 200, expect: "Static floor" },
    dynamic: { name: "floor-dynamic", label: "floor: dynamic page (1 row)", path: "/bench/dynamic", status: 200, expect: "Dynamic floor" },
    routeDynamic: { name: "floor-route-dynamic", label: "floor: route handler (1 row)", path: "/bench/route-dynamic", status: 200, expect: "Dynamic floor" },
    noop: { name: "floor-noop", label: "floor: no-op POST", path: "/bench/noop", method: "POST", headers: json, body: scoreBody, status: 200 },
  };
  const targets = [
    { name: "list", label: `team list /t/${TEAM}`, path: `/t/${TEAM}`, headers: withSession, status: 200, expect: `/t/${TEAM}/decisions/`, floor: "dynamic" },
    { name: "list-search", label: "search + filter, 1 hit", path: oneMatchSearch(large), shownPath: `/t/${TEAM}?q=<a title>&final=<its level>`, headers: withSession, status: 200, expect: large.title, floor: "dynamic" },
    { name: "list-search-many", label: `search + filter, ${shown(large.manyMatches)} of ${large.manyMatches} hits`, path: manyMatchSearch, headers: withSession, status: 200, floor: "dynamic" },
    { name: "decision", label: "decision page", path: `/t/${TEAM}/decisions/${large.decisionId}`, headers: withSession, status: 200, expect: large.title, floor: "dynamic" },
    { name: "share", label: "share page /s/<token>", path: `/s/${large.shareToken}`, shownPath: "/s/<token>", status: 200, expect: large.title, floor: "dynamic" },
    { name: "score", label: "POST /api/v1/score", path: "/api/v1/score", method: "POST", headers: json, body: scoreBody, status: 200, expect: '"level"', floor: "noop" },
    ...(large.live
      ? [
          // What every participant's screen asks while nothing changes (the room's ETag: 304), and the full state when it does.
          { name: "live-poll", label: "live room poll, unchanged (304)", path: `/live/${large.live.code}/state`, headers: { ...withSession, "If-None-Match": '"1-1"' }, status: 304, floor: "routeDynamic" },
          { name: "live-state", label: "live room state (200)", path: `/live/${large.live.code}/state`, headers: withSession, status: 200, expect: '"etag"', floor: "routeDynamic" },
        ]
      : []),
    {
      name: "signin",
      label: "sign-in (credentials POST)",
      path: "/api/auth/callback/credentials",
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: auth.csrfCookie },
      body: auth.signInForm,
      status: 302,
      floor: "noop",
    },
  ];

  // Prime every route once (first requests load code), then idle RSS.
  for (const t of want("pages") ? [...Object.values(floors), ...targets] : []) await checkTarget(t);
  await sleep(1000);
  const idleRssMb = round(rssMb(server.pid), 1);
  log(`Idle RSS after start + one request per route: ${idleRssMb} MB`);
  const sampler = rssSampler(server.pid);

  const floorRows = {};
  if (want("pages")) log("Floors (same server, same run):");
  for (const [key, f] of want("pages") ? Object.entries(floors) : []) floorRows[key] = await measure(f);
  const floorPeakRssMb = want("pages") ? round(sampler.takePeak(), 1) : null;

  const rows = [];
  if (want("pages")) log("LevelSet:");
  for (const t of want("pages") ? targets : []) {
    const row = await measure(t);
    row.floor = t.floor;
    row.floorLabel = floors[t.floor].label.replace("floor: ", "");
    row.ratio = ratio(row.reqPerSec, floorRows[t.floor].reqPerSec);
    // Throughput the server's CPU allows, relative to the floor's: floor CPU per request / this target's.
    row.cpuRatio = ratio(floorRows[t.floor].cpuMsPerReq, row.cpuMsPerReq);
    rows.push(row);
  }
  // Autosave (the step's server action) beside a no-op server action, one save after another per connection.
  if (want("autosave")) await measureAutosave();
  async function measureAutosave() {
    if (large.drafts.length === 0) fail(`the autosave target needs drafts in ${TEAM}; found none`);
    if (large.drafts.length < S.connections) log(`  autosave: ${large.drafts.length} drafts in ${TEAM}, so ${large.drafts.length} connections (not ${S.connections}) for it and its floor`);
    const noopActionId = actionId("noopAction", "app/bench/action/noop-action.bench.ts");
    const saveActionId = actionId("saveStepAction", "app/(app)/t/[teamSlug]/decisions/actions.ts");
    const loopsFor = (makePath) =>
      large.drafts.map((d, i) => ({
        path: makePath(d),
        shownPath: makePath({ id: "<draft>" }),
        decisionId: d.id,
        version: d.version,
        saves: 0,
        args(state) {
          const fd = stepForm(rubric, TEAM, state.decisionId, state.version, `Autosave ${i}-${state.saves}: notes typed during the workshop.`);
          return [{ status: "idle", version: state.version }, fd];
        },
      }));
    const advance = (state, result) => {
      state.version = result.version;
      state.saves++;
    };
    const floorLoops = loopsFor(() => "/bench/action");
    const saveLoops = loopsFor((d) => `/t/${TEAM}/decisions/${d.id}/steps/${rubric.firstStep}`);
    // The machine's speed drifts within a run (shared hosts): the autosave and its floor are
    // measured in alternating rounds (floor, autosave, autosave, floor, …), each round
    // S.duration / rounds seconds, and each row pools its rounds.
    const compare = async ({ suffix = "", labelSuffix = "", floorKey, floors, saves }) => {
      const floorMeasurer = actionMeasurer({
        name: `floor-action${suffix}`,
        label: `floor: no-op server action${labelSuffix}`,
        id: noopActionId,
        cookie: auth.sessionCookie,
        loops: floors,
        accept: (r) => r.status === "saved",
        advance,
      });
      const saveMeasurer = actionMeasurer({
        name: `autosave${suffix}`,
        label: `autosave (step server action)${labelSuffix}`,
        id: saveActionId,
        cookie: auth.sessionCookie,
        loops: saves,
        accept: (r) => r.status === "saved",
        advance,
      });
      await floorMeasurer.warm();
      await saveMeasurer.warm();
      const perRound = [];
      for (let r = 0; r < S.autosaveRounds; r++) {
        const order = r % 2 === 0 ? [floorMeasurer, saveMeasurer] : [saveMeasurer, floorMeasurer];
        const got = {};
        for (const m of order) got[m.label] = await m.measure(S.duration / S.autosaveRounds);
        const f = got[floorMeasurer.label];
        const a = got[saveMeasurer.label];
        perRound.push({ p95Ratio: round(a.p95 / f.p95, 2), cpuRatio: f.cpuMsPerReq && a.cpuMsPerReq ? round(a.cpuMsPerReq / f.cpuMsPerReq, 2) : null });
      }
      const noopAction = floorMeasurer.row();
      floorRows[floorKey] = noopAction;
      const autosave = saveMeasurer.row();
      log(`  per round, autosave / floor${labelSuffix}: p95 ${perRound.map((r) => r.p95Ratio).join(", ")}; CPU ${perRound.map((r) => r.cpuRatio).join(", ")}`);
      autosave.rounds = perRound;
      autosave.floor = floorKey;
      autosave.floorLabel = `no-op server action${labelSuffix}`;
      autosave.ratio = ratio(autosave.reqPerSec, noopAction.reqPerSec);
      autosave.cpuRatio = ratio(noopAction.cpuMsPerReq, autosave.cpuMsPerReq);
      autosave.p95Ratio = ratio(autosave.p95, noopAction.p95);
      rows.push(autosave);
    };
    // Every connection saving one draft, one save after another (the server saturated): p95 ≤ 2.5 × the floor.
    await compare({ floorKey: "action", floors: floorLoops, saves: saveLoops });
    // One facilitator's screen, the load a guided workshop puts on the server: p95 ≤ 2.0 × the floor and ≤ 50 ms.
    // The same first draft (its version carried on), one save at a time.
    await compare({ suffix: "-one", labelSuffix: ", one client", floorKey: "action-one", floors: floorLoops.slice(0, 1), saves: saveLoops.slice(0, 1) });
    // Every acknowledged save is in the database: each draft's version moved on by exactly its saves.
    {
      const db = new Database(DB_LARGE, { readonly: true });
      try {
        for (const state of saveLoops) {
          const stored = db.prepare(`SELECT version FROM "Decision" WHERE id = ?`).get(state.decisionId).version;
          if (stored !== state.version) fail(`autosave: decision ${state.decisionId} is at version ${stored}, the last acknowledged save said ${state.version}`);
        }
      } finally {
        db.close();
      }
    }
  }

  const appPeakRssMb = want("pages") ? round(sampler.takePeak(), 1) : null;
  sampler.stop();
  log(`RSS: idle ${idleRssMb} MB, peak under the floors ${floorPeakRssMb} MB, peak under LevelSet ${appPeakRssMb} MB`);

  let lighthouse = { skipped: want("lighthouse") ? "BENCH_LIGHTHOUSE=0" : "BENCH_ONLY" };
  if (S.lighthouse && want("lighthouse")) {
    log(`Lighthouse (${S.lighthousePreset}, /usr/bin/chromium):`);
    lighthouse = await lighthouseScores(
      [
        { key: "landing", label: "landing page", path: "/" },
        { key: "step", label: "workshop step", path: `/t/${TEAM}/decisions/${large.decisionId}/steps/${rubric.firstStep}`, signedIn: true },
        { key: "result", label: "result page", path: `/t/${TEAM}/decisions/${large.decisionId}/result`, signedIn: true },
        { key: "share", label: "share page", path: `/s/${large.shareToken}`, shownPath: "/s/<token>" },
      ],
      auth.sessionCookie,
    );
    if (lighthouse.error) log(`\x1b[33m${lighthouse.error}\x1b[0m`);
  }
  await stopServer(server);

  // --- Scale: the list, a search and a decision page at both sizes. Each size on a fresh server,
  // the routes in the same order, sizes alternating (large, small, large, small… for
  // BENCH_SCALE_ROUNDS rounds), so neither is measured on a server that has already served
  // more (a grown heap costs CPU per request) nor only at a noisier moment of the machine.
  const scaleRoutes = (fixtures) => [
    { key: "list", label: "team list", path: `/t/${TEAM}`, expect: `/t/${TEAM}/decisions/` },
    { key: "list-search", label: "search + filter, 1 hit", path: oneMatchSearch(fixtures), expect: fixtures.title },
    { key: "decision", label: "decision page", path: `/t/${TEAM}/decisions/${fixtures.decisionId}`, expect: fixtures.title },
    { key: "list-search-many", label: `search + filter, ${shown(fixtures.manyMatches)} of ${fixtures.manyMatches} hits`, path: manyMatchSearch },
  ];
  const sizes = [
    { size: "large", url: largeUrl, fixtures: large, total: large.total },
    { size: "small", url: smallUrl, fixtures: smallFixtures, total: smallTotal },
  ];
  const samples = { large: {}, small: {} };
  for (let roundNo = 1; roundNo <= (want("scale") ? S.scaleRounds : 0); roundNo++) {
    for (const { size, url, fixtures, total } of sizes) {
      const scaleServer = await startServer(`scale-${size}-${roundNo}`, url);
      const scaleAuth = await signIn();
      log(`Scale, round ${roundNo} of ${S.scaleRounds}, ${total} decisions:`);
      for (const r of scaleRoutes(fixtures)) {
        const target = { ...r, name: `${r.key}-${size}`, label: `${r.label} at ${total}`, headers: { Cookie: scaleAuth.sessionCookie }, status: 200 };
        await checkTarget(target);
        (samples[size][r.key] ??= []).push(await measure(target));
      }
      await stopServer(scaleServer);
    }
  }
  /** One row per route and size over the rounds: mean req/s and CPU per request, the median of each percentile. */
  const median = (xs) => percentile([...xs].sort((a, b) => a - b), 0.5);
  const combine = (runs) => ({
    ...runs[0],
    reqPerSec: round(runs.reduce((t, r) => t + r.reqPerSec, 0) / runs.length, 1),
    cpuMsPerReq: round(runs.reduce((t, r) => t + r.cpuMsPerReq, 0) / runs.length, 2),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((t, r) => t + r.requests, 0),
    unexpected: runs.reduce((t, r) => t + r.unexpected, 0),
    rounds: runs.map((r) => ({ reqPerSec: r.reqPerSec, cpuMsPerReq: r.cpuMsPerReq, p95: r.p95 })),
  });
  const scalePair = (key) => ({ key, large: combine(samples.large[key]), small: combine(samples.small[key]) });
  const scaleRows = want("scale") ? ["list", "list-search", "decision"].map(scalePair) : [];
  // Not like-for-like (a full page of hits against a few), so shown beside the others but judged by no budget.
  const infoScaleRows = want("scale") ? ["list-search-many"].map(scalePair) : [];

  const bundles = firstLoadJs();

  // --- Budgets
  // A phase left out (BENCH_ONLY) has no row: its budgets read n/a.
  const row = (name) => rows.find((r) => r.name === name) ?? {};
  const budget = (name, actual, limit, pass, unit = "") => ({ name, actual: actual ?? null, limit: limit ?? null, unit, pass: actual == null || limit == null ? null : pass });
  const bf = bundles.floor?.gzipKb ?? null;
  const lhPages = lighthouse.pages ? Object.values(lighthouse.pages) : [];
  const budgets = [
    budget("decision page ≥ 0.5 × dynamic floor (req/s)", row("decision").ratio, 0.5, row("decision").ratio >= 0.5, "×"),
    budget("share page ≥ 1.0 × dynamic floor (req/s)", row("share").ratio, 1.0, row("share").ratio >= 1.0, "×"),
    budget("score API ≥ 0.9 × no-op floor (req/s)", row("score").ratio, 0.9, row("score").ratio >= 0.9, "×"),
    // The same three by server CPU per request: what the server could serve if it had the machine to itself.
    budget("  same, by CPU: decision page ≥ 0.5 × dynamic floor", row("decision").cpuRatio, 0.5, row("decision").cpuRatio >= 0.5, "×"),
    budget("  same, by CPU: share page ≥ 1.0 × dynamic floor", row("share").cpuRatio, 1.0, row("share").cpuRatio >= 1.0, "×"),
    budget("  same, by CPU: score API ≥ 0.9 × no-op floor", row("score").cpuRatio, 0.9, row("score").cpuRatio >= 0.9, "×"),
    ...scaleRows.flatMap((pair) => {
      const byReq = ratio(pair.large.reqPerSec, pair.small.reqPerSec);
      const byCpu = ratio(pair.small.cpuMsPerReq, pair.large.cpuMsPerReq);
      // Search (#16): full-text, so 100 times the decisions may cost at most a tenth more.
      const limit = pair.key === "list-search" ? 0.9 : 0.8;
      return [
        budget(`${pair.large.label} ≥ ${limit} × at ${smallTotal} decisions (req/s)`, byReq, limit, byReq >= limit, "×"),
        budget(`  same, by CPU`, byCpu, limit, byCpu >= limit, "×"),
      ];
    }),
    budget("share page first-load JS ≤ floor + 5 KB (gzip)", bundles.pages?.share.gzipKb ?? null, bf === null ? null : round(bf + 5, 1), bundles.pages?.share.gzipKb <= bf + 5, " KB"),
    budget("workshop step first-load JS ≤ floor + 40 KB (gzip)", bundles.pages?.step.gzipKb ?? null, bf === null ? null : round(bf + 40, 1), bundles.pages?.step.gzipKb <= bf + 40, " KB"),
    // #16 item 1 (restating #4's): one client saving after another, and the server under S.connections.
    budget("autosave, one client: p95 ≤ 2.0 × no-op server action p95", row("autosave-one").p95Ratio, 2.0, row("autosave-one").p95Ratio <= 2.0, "×"),
    budget("autosave, one client: p95 ≤ 50 ms", row("autosave-one").p95, 50, row("autosave-one").p95 <= 50, " ms"),
    budget(`autosave, ${S.connections} connections: p95 ≤ 2.5 × no-op server action p95`, row("autosave").p95Ratio, 2.5, row("autosave").p95Ratio <= 2.5, "×"),
    budget("peak RSS ≤ 1.2 × the floor phase's peak", appPeakRssMb, floorPeakRssMb && round(1.2 * floorPeakRssMb, 1), appPeakRssMb <= 1.2 * floorPeakRssMb, " MB"),
  ];
  if (S.lighthouse && lhPages.length > 0) {
    for (const p of lhPages) {
      const worstOf = `worst of ${p.runs.length} run${p.runs.length === 1 ? "" : "s"}`;
      budgets.push(budget(`Lighthouse performance ≥ 95: ${p.label} (${worstOf})`, p.performance, 95, p.performance >= 95));
      budgets.push(budget(`Lighthouse accessibility = 100: ${p.label} (${worstOf})`, p.accessibility, 100, p.accessibility === 100));
    }
  }

  // --- Print
  const scaleTableRows = [...scaleRows, ...infoScaleRows].flatMap((pair) => [pair.large, pair.small]).map((r) => ({ ...r, ratio: null, floorLabel: "" }));
  const table = loadTable([...Object.values(floorRows), ...rows, ...scaleTableRows]);
  console.log(`\nLoad on ${BASE}: ${S.connections} connections, ${S.duration} s after a ${S.warmup} s warm-up. Load average now: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  printTable(table);
  console.log(`Scale rows: mean of ${S.scaleRounds} round(s), each size on a fresh server, sizes alternating.`);
  for (const pair of [...scaleRows, ...infoScaleRows]) {
    console.log(
      `${pair.large.label} / at ${smallTotal} decisions: ${fmt(ratio(pair.large.reqPerSec, pair.small.reqPerSec), 2)} by req/s, ${fmt(ratio(pair.small.cpuMsPerReq, pair.large.cpuMsPerReq), 2)} by CPU`,
    );
  }

  const jsRows = [
    ["route", "first-load JS gzip KB", "over in-run floor KB"],
    [`floor (in-run): ${bundles.floor?.route ?? "?"}`, fmt(bf, 1), "0.0"],
    ["floor (TOOLCHAIN.md, empty Next page)", fmt(TOOLCHAIN_EMPTY_PAGE_KB, 1), ""],
    ...Object.values(bundles.pages ?? {}).map((p) => [p.route, fmt(p.gzipKb, 1), fmt(p.overFloorKb, 1)]),
  ];
  console.log("");
  printTable(jsRows);

  const memRows = [
    ["server RSS", "MB"],
    ["idle (start + one request per route)", fmt(idleRssMb, 1)],
    ["peak, floors only (the floor)", fmt(floorPeakRssMb, 1)],
    ["peak, LevelSet targets", fmt(appPeakRssMb, 1)],
  ];
  console.log("");
  printTable(memRows);

  let lhRows = null;
  if (lhPages.length > 0) {
    const each = (p, k) => p.runs.map((r) => fmt(r[k])).join(" / ");
    lhRows = [
      ["page", "performance (each run)", "accessibility (each run)", "best practices (each run)"],
      ...lhPages.map((p) => [`${p.label} ${p.path}`, each(p, "performance"), each(p, "accessibility"), each(p, "bestPractices")]),
    ];
    console.log(`\nLighthouse (${lighthouse.preset}):`);
    printTable(lhRows);
  } else {
    console.log(`\nLighthouse: ${lighthouse.skipped ?? lighthouse.error ?? "no results"}`);
  }

  const verdict = (b) => (b.pass === null ? "n/a " : b.pass ? "PASS" : "MISS");
  const budgetRows = [["budget", "actual", "limit", "result"], ...budgets.map((b) => [b.name, `${fmt(b.actual, b.unit === "×" ? 2 : 1)}${b.unit === "×" ? "" : b.unit}`, `${fmt(b.limit, b.unit === "×" ? 2 : 1)}${b.unit === "×" ? "" : b.unit}`, verdict(b)])];
  console.log("\nBudgets:");
  printTable(budgetRows);

  // --- Write results
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    settings: { ...S, host: HOST },
    machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version, platform: `${os.platform()} ${os.release()}` },
    floors: floorRows,
    targets: rows,
    scale: Object.fromEntries([...scaleRows, ...infoScaleRows].map((pair) => [pair.key, { large: pair.large, small: pair.small }])),
    firstLoadJs: bundles,
    memory: { idleRssMb, floorPeakRssMb, appPeakRssMb },
    lighthouse,
    budgets,
  };
  fs.writeFileSync(path.join(OUT_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    `# LevelSet bench — ${startedAt.toISOString()}`,
    "",
    `${S.connections} connections on ${HOST}, ${S.warmup} s warm-up + ${S.duration} s per target; ${large.total} decisions and ${smallTotal}, both in ${S.teams} teams. ` +
      `${os.cpus().length} CPUs, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}. ` +
      "Absolute figures swing between sessions; read the ratios (see bench/README.md).",
    "",
    "## Load",
    "",
    markdownTable(table),
    "",
    "## First-load JS",
    "",
    markdownTable(jsRows),
    "",
    "## Memory",
    "",
    markdownTable(memRows),
    "",
    "## Lighthouse",
    "",
    lhRows ? markdownTable(lhRows) : `Not run: ${lighthouse.skipped ?? lighthouse.error ?? "no results"}`,
    "",
    "## Budgets",
    "",
    markdownTable(budgetRows),
    "",
  ].join("\n");
  fs.writeFileSync(path.join(OUT_DIR, "results.md"), md);
  log("Wrote bench/results.json and bench/results.md. Note: .next now holds a BENCH=1 build (with /bench/* routes); run `next build` again before serving it for real.");
}

main().catch((err) => fail(err?.stack ?? String(err)));
