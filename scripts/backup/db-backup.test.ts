/**
 * `npm run backup` / `npm run restore` round trips, through the real CLI:
 * - SQLite: a backup taken while another process keeps writing is one consistent
 *   snapshot (every transaction whole), and restores to exactly that content.
 * - PostgreSQL (TEST_POSTGRES_URL; its own databases, dropped afterwards): pg_dump
 *   while writing, pg_restore into an empty database and over a full one (--force).
 * Both: restore refuses to replace a database holding data without --force and
 * leaves it untouched; wrong files are refused with a message.
 * PostgreSQL is skipped locally only when no server answers; with CI=true it must run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

import { POSTGRES_URL, postgresReachable, requirePostgres, ROOT, withPg } from "../prisma/test-helpers";

type Run = { status: number | null; stdout: string; stderr: string; output: string };

/** Runs `npm run backup|restore` (the tsx entry points) asynchronously, so in-process writers keep going. */
function cli(command: "backup" | "restore", args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "backup", `${command}.ts`), ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
}

const tmpDirs: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-backup-test-"));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// SQLite

function sqliteContent(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Ordinary tables (a full-text index's virtual and shadow tables are derived from them: not compared row by row).
    const tables = (
      db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

function sqliteCount(file: string, table: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Another process writing like the app: each transaction adds a team and its
 * audit event (so a torn snapshot would show a team without its event). It
 * stops when its stdin closes and prints how many transactions it committed
 * and how many failed.
 */
function startSqliteWriter(file: string): { child: ChildProcess; done: Promise<{ committed: number; failed: number }> } {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1], { timeout: 5000 });
    db.pragma("journal_mode = WAL");
    const team = db.prepare('INSERT INTO "Team" (id, slug, name, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
    const event = db.prepare('INSERT INTO "AuditEvent" (id, teamId, action, after, createdAt) VALUES (?, ?, ?, ?, ?)');
    const write = db.transaction((i) => {
      const id = "w" + i;
      team.run(id, "writer-" + i, "Writer team " + i, Date.now(), Date.now());
      event.run("e" + i, id, "team.created", JSON.stringify({ name: "Writer team " + i, filler: "x".repeat(500) }), Date.now());
    });
    let i = 0, failed = 0, stop = false;
    process.stdin.on("end", () => { stop = true; });
    process.stdin.resume();
    (function loop() {
      if (stop) { db.close(); console.log(JSON.stringify({ committed: i, failed })); return; }
      for (let k = 0; k < 20; k++) { try { write(i); i++; } catch (e) { failed++; } }
      setImmediate(loop);
    })();
  `;
  const child = spawn(process.execPath, ["-e", code, file], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ committed: number; failed: number }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => resolve(JSON.parse(out.trim()) as { committed: number; failed: number }));
  });
  return { child, done };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("backup and restore on SQLite", () => {
  let live: TestDatabase;
  let liveFile: string;
  let dir: string;
  let backupFile: string;

  beforeAll(async () => {
    live = await createTestDatabase("file:");
    liveFile = live.url.slice("file:".length);
    dir = tmpDir();
    backupFile = path.join(dir, "snapshot.db");
  });
  afterAll(() => live?.drop());

  it("takes a consistent online backup while another process keeps writing", async () => {
    const writer = startSqliteWriter(liveFile);
    try {
      await until(() => sqliteCount(liveFile, "Team") >= 200, "the writer's first 200 teams");
      const before = sqliteCount(liveFile, "Team");
      const r = await cli("backup", [backupFile], { DATABASE_URL: live.url }, ROOT);
      const after = sqliteCount(liveFile, "Team");
      expect(r.status, r.output).toBe(0);
      expect(r.stdout).toContain(`backed up SQLite database ${liveFile} to ${backupFile}`);
      // The writer really wrote while the backup ran.
      expect(after).toBeGreaterThan(before);

      const snapshot = sqliteContent(backupFile);
      const teams = snapshot.Team as { id: string }[];
      const events = snapshot.AuditEvent as { teamId: string }[];
      expect(teams.length).toBeGreaterThanOrEqual(before);
      expect(teams.length).toBeLessThanOrEqual(after);
      // Every transaction is whole: each team has its event and each event its team.
      expect(events.map((e) => e.teamId).sort()).toEqual(teams.map((t) => t.id).sort());
      expect(Object.keys(snapshot)).toEqual(expect.arrayContaining(["User", "Decision", "ShareLink", "WorkshopSession"]));
    } finally {
      writer.child.stdin!.end();
    }
    const result = await writer.done;
    // Nobody saw "database is locked" because of the backup.
    expect(result.failed).toBe(0);
  });

  it("restores the backup into a new database with exactly its content", async () => {
    const restored = path.join(dir, "restored", "levelset.db");
    const r = await cli("restore", [backupFile], { DATABASE_URL: `file:${restored}` }, ROOT);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`restored SQLite database ${restored} from ${backupFile}`);
    expect(sqliteContent(restored)).toEqual(sqliteContent(backupFile));
  });

  it("refuses to replace a database that holds data without --force, and leaves it untouched", async () => {
    const before = sqliteContent(liveFile);
    expect((before.Team as unknown[]).length).not.toBe((sqliteContent(backupFile).Team as unknown[]).length);
    const r = await cli("restore", [backupFile], { DATABASE_URL: live.url }, ROOT);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already holds data.*--force/s);
    expect(sqliteContent(liveFile)).toEqual(before);
  });

  it("with --force saves the current database first, then replaces it with the backup", async () => {
    const before = sqliteContent(liveFile);
    const cwd = tmpDir();
    const r = await cli("restore", [backupFile, "--force"], { DATABASE_URL: live.url }, cwd);
    expect(r.status, r.output).toBe(0);
    const saved = /saved the database as it was to (\S+)/.exec(r.stdout)?.[1];
    expect(saved, r.output).toMatch(new RegExp(`^${cwd}/data/backups/pre-restore-.*\\.db$`));
    expect(sqliteContent(saved!)).toEqual(before);
    expect(sqliteContent(liveFile)).toEqual(sqliteContent(backupFile));
  });

  it("refuses files that are not LevelSet SQLite backups, and never overwrites an existing backup", async () => {
    const notes = path.join(dir, "notes.txt");
    fs.writeFileSync(notes, "not a database");
    const wrong = await cli("restore", [notes], { DATABASE_URL: `file:${path.join(dir, "x.db")}` }, ROOT);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/neither a SQLite backup nor a pg_dump -Fc file/);

    const missing = await cli("restore", [path.join(dir, "nope.db")], { DATABASE_URL: `file:${path.join(dir, "x.db")}` }, ROOT);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No backup file at/);

    const existing = await cli("backup", [backupFile], { DATABASE_URL: live.url }, ROOT);
    expect(existing.status).toBe(1);
    expect(existing.stderr).toMatch(/already exists/);

    const usage = await cli("restore", [], { DATABASE_URL: live.url }, ROOT);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/which backup file/);
  });

  it("without a file name writes a timestamped backup under data/backups", async () => {
    const cwd = tmpDir();
    const r = await cli("backup", [], { DATABASE_URL: live.url }, cwd);
    expect(r.status, r.output).toBe(0);
    const written = fs.readdirSync(path.join(cwd, "data", "backups"));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^levelset-\d{8}T\d{6}-\d{3}Z\.db$/);
    expect(sqliteContent(path.join(cwd, "data", "backups", written[0]!))).toEqual(sqliteContent(liveFile));
  });
});

// ---------------------------------------------------------------------------
// PostgreSQL

const reachable = await postgresReachable();

async function pgChecksums(url: string): Promise<Record<string, string>> {
  return withPg(async (c) => {
    const tables = (await c.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map(
      (r) => r.tablename,
    );
    const sums: Record<string, string> = {};
    for (const t of tables) {
      const r = await c.query<{ n: string; sum: string }>(
        `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${t}" t`,
      );
      sums[t] = `${r.rows[0]!.n}:${r.rows[0]!.sum}`;
    }
    return sums;
  }, url);
}

async function pgCount(url: string, table: string): Promise<number> {
  return withPg(async (c) => Number((await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`)).rows[0]!.n), url);
}

describe.runIf(reachable || requirePostgres)("backup and restore on PostgreSQL", () => {
  let source: TestDatabase;
  let occupied: TestDatabase;
  const emptyName = `levelset_backup_test_empty_${process.pid}_${Date.now().toString(36)}`;
  const emptyUrl = (() => {
    const u = new URL(POSTGRES_URL);
    u.pathname = `/${emptyName}`;
    return u.toString();
  })();
  let dir: string;

  beforeAll(async () => {
    if (!reachable) throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL} (set TEST_POSTGRES_URL); required when CI=true.`);
    source = await createTestDatabase(POSTGRES_URL);
    occupied = await createTestDatabase(POSTGRES_URL);
    await withPg((c) => c.query(`CREATE DATABASE "${emptyName}"`));
    dir = tmpDir();
    await withPg(async (c) => {
      await c.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'ada@example.test', 'Ada', 'hash', now())`);
      await c.query(`INSERT INTO "Team" (id, slug, name, "updatedAt") VALUES ('t1', 'search-ab12', 'Search', now())`);
      await c.query(`INSERT INTO "Membership" (id, "teamId", "userId", role, "updatedAt") VALUES ('m1', 't1', 'u1', 'owner', now())`);
      await c.query(
        `INSERT INTO "Decision" (id, "teamId", title, context, participants, "rubricVersion", answers, notes, "updatedAt")
         VALUES ('d1', 't1', 'Support bot', 'Answers tickets for customers', '["Ada"]', 'v1', '{"constraints.eval_harness":"none"}', '{"notes.constraints":"ünïcödé ✓"}', now())`,
      );
    }, source.url);
    await withPg((c) => c.query(`INSERT INTO "Team" (id, slug, name, "updatedAt") VALUES ('other', 'other-0000', 'Other', now())`), occupied.url);
  });
  afterAll(async () => {
    await source?.drop();
    await occupied?.drop();
    if (reachable) await withPg((c) => c.query(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`));
  });

  it("pg_dump while the app writes gives a consistent snapshot that restores into an empty database", async () => {
    const file = path.join(dir, "during-writes.dump");
    const writer = new pg.Client({ connectionString: source.url });
    await writer.connect();
    let stop = false;
    let committed = 0;
    const writing = (async () => {
      while (!stop) {
        await writer.query("BEGIN");
        await writer.query(`INSERT INTO "Team" (id, slug, name, "updatedAt") VALUES ($1, $1, 'Writer', now())`, [`w${committed}`]);
        await writer.query(`INSERT INTO "AuditEvent" (id, "teamId", action) VALUES ($1, $2, 'team.created')`, [`e${committed}`, `w${committed}`]);
        await writer.query("COMMIT");
        committed++;
      }
    })();
    try {
      await until(() => committed >= 50, "the writer's first 50 teams");
      const before = committed;
      const r = await cli("backup", [file], { DATABASE_URL: source.url }, ROOT);
      expect(r.status, r.output).toBe(0);
      expect(r.stdout).toMatch(/backed up PostgreSQL database levelset_test_\w+ .* to .*during-writes\.dump/);
      expect(committed).toBeGreaterThan(before);
    } finally {
      stop = true;
      await writing;
      await writer.end();
    }

    const restored = await cli("restore", [file], { DATABASE_URL: emptyUrl }, ROOT);
    expect(restored.status, restored.output).toBe(0);
    const teams = await pgCount(emptyUrl, "Team");
    expect(teams).toBeGreaterThan(50);
    expect(teams).toBeLessThanOrEqual(committed + 1);
    expect(await pgCount(emptyUrl, "AuditEvent")).toBe(teams - 1);
    const sums = await pgChecksums(emptyUrl);
    const sourceSums = await pgChecksums(source.url);
    for (const t of ["User", "Membership", "Decision", "_prisma_migrations"]) expect(sums[t], t).toBe(sourceSums[t]);
  });

  it("refuses to replace a database holding data without --force; with it, the result equals the source exactly", async () => {
    const file = path.join(dir, "quiet.dump");
    expect((await cli("backup", [file], { DATABASE_URL: source.url }, ROOT)).status).toBe(0);

    const before = await pgChecksums(occupied.url);
    const refused = await cli("restore", [file], { DATABASE_URL: occupied.url }, ROOT);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds data.*--force/s);
    expect(await pgChecksums(occupied.url)).toEqual(before);

    const cwd = tmpDir();
    const forced = await cli("restore", [file, "--force"], { DATABASE_URL: occupied.url }, cwd);
    expect(forced.status, forced.output).toBe(0);
    expect(forced.stdout).toMatch(/saved the database as it was to .*pre-restore-.*\.dump/);
    expect(await pgChecksums(occupied.url)).toEqual(await pgChecksums(source.url));
  });

  it("refuses a SQLite backup for a PostgreSQL database", async () => {
    const sqliteFile = path.join(dir, "sqlite.db");
    new Database(sqliteFile).close();
    fs.writeFileSync(sqliteFile, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(100)]));
    const r = await cli("restore", [sqliteFile], { DATABASE_URL: emptyUrl }, ROOT);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is a SQLite backup, but DATABASE_URL selects PostgreSQL database/);
  });
});
