// `npm run test:faults`: the data survives concurrency and crashes (issue #8, part 6).
//   (a) 20 concurrent writers × 50 saves on one decision (SQLite, the real HTTP
//       save route): every acknowledged save is in the audit trail and bumped the
//       version exactly once, conflicts are clean 409s, no SQLITE_BUSY reaches anyone.
//   (b) kill -9 of the server in the middle of saves: after a restart every
//       acknowledged save is there.
//   (c) PostgreSQL restarted under a live workshop: scripts/faults/postgres-restart.mjs.
// Needs a production build (`next build`; made here when missing). Non-zero on any failure.
//   FAULTS_PORT (default 3620; (c) uses the next one), FAULTS_PG_PORT (5620), FAULTS_WRITERS (20),
//   FAULTS_SAVES (50), FAULTS_ONLY=c (only the PostgreSQL scenario), FAULTS_SKIP_POSTGRES=1
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { migrate, nextBin, root, run, seed } from "../lib.mjs";
import { log, signIn, startServer, writer } from "./lib.mjs";
import { postgresRestartScenario } from "./postgres-restart.mjs";

const PORT = Number(process.env.FAULTS_PORT ?? 3620);
const WRITERS = Number(process.env.FAULTS_WRITERS ?? 20);
const SAVES = Number(process.env.FAULTS_SAVES ?? 50);
const dbFile = path.join(root, "data", "faults.db");
const databaseUrl = `file:${dbFile}`;
const logFile = path.join(root, "test-results", "faults-server.log");
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  log(`${ok ? "ok  " : "FAIL"} ${message}`);
};

fs.mkdirSync(path.dirname(logFile), { recursive: true });
fs.writeFileSync(logFile, "");
if (process.env.FAULTS_ONLY !== "c") {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("No production build: next build…");
    run(process.execPath, [nextBin, "build"]);
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  log(`Fresh SQLite database ${path.relative(root, dbFile)} (migrate + demo seed)`);
  migrate({ DATABASE_URL: databaseUrl });
  seed({ DATABASE_URL: databaseUrl });

  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const target = db
    .prepare(
      `SELECT d.id AS decisionId, t.slug AS teamSlug FROM Decision d JOIN Team t ON t.id = d.teamId
       JOIN Membership m ON m.teamId = t.id JOIN User u ON u.id = m.userId
       WHERE u.email = 'facilitator@levelset.test' AND d.status = 'draft' ORDER BY d.createdAt LIMIT 1`,
    )
    .get();
  if (!target) throw new Error("the demo seed has no draft decision for the facilitator");
  const savePath = `/t/${target.teamSlug}/decisions/${target.decisionId}/steps/constraints/save`;
  const currentVersion = () => db.prepare("SELECT version FROM Decision WHERE id = ?").pluck().get(target.decisionId);
  const auditedNotes = () =>
    new Set(
      db
        .prepare("SELECT after FROM AuditEvent WHERE decisionId = ? AND action = 'decision.answers_updated'")
        .pluck()
        .all(target.decisionId)
        .map((a) => (typeof a === "string" ? JSON.parse(a) : a)["notes.constraints"])
        .filter(Boolean),
    );

  let server = await startServer({ port: PORT, databaseUrl, logFile });
  try {
    const cookie = await signIn(server.base);

    // ---- (a) concurrent writers -------------------------------------------------------------
    log(`(a) ${WRITERS} concurrent writers × ${SAVES} saves on one decision…`);
    const v0 = currentVersion();
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, id) => writer({ base: server.base, cookie, path: savePath, id, attempts: SAVES, currentVersion })),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const acked = results.flatMap((r) => r.acked);
    const refused = results.flatMap((r) => r.refused);
    const failures = results.flatMap((r) => r.failures);
    log(`(a) ${acked.length} saves acknowledged, ${refused.length} refused as conflicts, ${failures.length} failures in ${seconds} s`);
    check(failures.length === 0, `(a) every answer is a save or a clean conflict (no 5xx, no SQLITE_BUSY)${failures.length ? `: ${failures.slice(0, 5).join(" | ")}` : ""}`);
    check(acked.length + refused.length + failures.length === WRITERS * SAVES, `(a) all ${WRITERS * SAVES} attempts answered`);
    check(acked.length > 0 && refused.length > 0, "(a) the writers really raced (some saves acknowledged, some refused)");
    const versions = acked.map((a) => a.version).sort((x, y) => x - y);
    const expected = Array.from({ length: acked.length }, (_, i) => v0 + 1 + i);
    check(JSON.stringify(versions) === JSON.stringify(expected), `(a) each acknowledged save got its own next version (${v0 + 1}…${v0 + acked.length}, no gaps, no duplicates)`);
    check(currentVersion() === v0 + acked.length, `(a) the decision's version moved exactly once per acknowledged save (${v0} → ${currentVersion()})`);
    const audited = auditedNotes();
    const lost = acked.filter((a) => !audited.has(a.note));
    check(lost.length === 0, `(a) every acknowledged save is in the audit trail${lost.length ? ` (lost: ${lost.slice(0, 5).map((a) => a.note).join(", ")})` : ""}`);
    check(refused.every((note) => !audited.has(note)), "(a) no refused save was written");
    const last = acked.reduce((a, b) => (b.version > a.version ? b : a));
    const stored = JSON.parse(db.prepare("SELECT notes FROM Decision WHERE id = ?").pluck().get(target.decisionId))["notes.constraints"];
    check(stored === last.note, `(a) the decision holds the last acknowledged save ("${last.note}")`);

    // ---- (b) kill -9 during saves ----------------------------------------------------------
    log("(b) kill -9 of the server while 8 writers save…");
    let killed = false;
    let acks = 0;
    const pending = Array.from({ length: 8 }, (_, id) =>
      writer({ base: server.base, cookie, path: savePath, id: 100 + id, attempts: 10_000, currentVersion, stopWhen: () => killed, onAck: () => acks++ }),
    );
    // Kill in the middle of the stream: after a few acknowledged saves, at a moment no one chose.
    const waitUntil = Date.now() + 60_000;
    while (acks < 10 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    killed = true;
    await server.stop("SIGKILL");
    const crashed = await Promise.all(pending);
    const ackedBeforeKill = crashed.flatMap((r) => r.acked);
    const crashFailures = crashed.flatMap((r) => r.failures);
    log(`(b) killed pid ${server.pid} after ${ackedBeforeKill.length} acknowledged saves; restarting on the same database…`);
    check(ackedBeforeKill.length > 0, "(b) saves were acknowledged before the kill");
    check(crashFailures.length === 0, `(b) no save failed before the kill${crashFailures.length ? `: ${crashFailures.slice(0, 3).join(" | ")}` : ""}`);
    server = await startServer({ port: PORT, databaseUrl, logFile });
    const afterRestart = auditedNotes();
    const lostInCrash = ackedBeforeKill.filter((a) => !afterRestart.has(a.note));
    check(lostInCrash.length === 0, `(b) every acknowledged save survived the kill${lostInCrash.length ? ` (lost: ${lostInCrash.slice(0, 5).map((a) => a.note).join(", ")})` : ""}`);
    const maxAcked = Math.max(...ackedBeforeKill.map((a) => a.version));
    check(currentVersion() >= maxAcked, `(b) the decision's version (${currentVersion()}) is at least the last acknowledged one (${maxAcked})`);
    // The restarted server serves it: a save with the current version goes through.
    const cookie2 = await signIn(server.base);
    const after = await writer({ base: server.base, cookie: cookie2, path: savePath, id: "after-restart", attempts: 1, currentVersion });
    check(after.acked.length === 1, "(b) the restarted server saves again");
  } finally {
    await server.stop();
    db.close();
  }
}

// ---- (c) PostgreSQL restart under a live workshop -----------------------------------------
if (process.env.FAULTS_SKIP_POSTGRES !== "1") await postgresRestartScenario(check);

const busy = (fs.readFileSync(logFile, "utf8").match(/SQLITE_BUSY|database is locked/g) ?? []).length;
check(busy === 0, `no SQLITE_BUSY in the server log (${path.relative(root, logFile)})`);
if (problems.length) {
  log(`test:faults FAILED: ${problems.length} check(s)`);
  process.exit(1);
}
log("test:faults passed.");
