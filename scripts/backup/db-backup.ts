/**
 * Backup and restore of the whole database, for `npm run backup` / `npm run restore`.
 * The provider follows DATABASE_URL exactly as lib/db.ts does (unset or `file:` →
 * SQLite, `postgres(ql)://` → PostgreSQL).
 *
 * - SQLite: better-sqlite3's online backup API (`db.backup()`), safe while the app
 *   writes: the copy is one consistent snapshot (WAL readers never block writers).
 *   Written to a temp file next to the target and renamed, so a failed backup never
 *   leaves a half-written file under the requested name.
 * - PostgreSQL: `pg_dump -Fc` / `pg_restore --clean --if-exists --single-transaction`
 *   (postgresql-client; its major version must be at least the server's).
 *
 * Restore refuses to replace a database that holds tables unless `force` is set,
 * and then first saves the current database next to the other backups.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { DEFAULT_SQLITE_URL, databaseProvider } from "../../lib/env";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export type Target =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string; database: string };

/** The database DATABASE_URL selects; relative `file:` paths resolve against `cwd` (the project root), as in lib/db.ts. */
export function resolveTarget(url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL, cwd = process.cwd()): Target {
  if (databaseProvider(url) === "postgresql") {
    return { provider: "postgresql", url, database: decodeURIComponent(new URL(url).pathname.slice(1)) || "(default)" };
  }
  if (!url.startsWith("file:")) {
    throw new BackupError("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL).");
  }
  const raw = url.slice("file:".length).replace(/\?.*$/, "");
  return { provider: "sqlite", url, file: path.isAbsolute(raw) ? raw : path.resolve(cwd, raw) };
}

/** Shown in messages: a PostgreSQL URL without its password. */
export function describeTarget(target: Target): string {
  if (target.provider === "sqlite") return `SQLite database ${target.file}`;
  const u = new URL(target.url);
  if (u.password) u.password = "***";
  return `PostgreSQL database ${target.database} (${u.toString()})`;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(".", "-");
}

/** `data/backups/levelset-20261201T101500-123Z.db` (SQLite) or `.dump` (PostgreSQL custom format). */
export function defaultBackupPath(target: Target, cwd = process.cwd(), now = new Date(), prefix = "levelset"): string {
  return path.join(cwd, "data", "backups", `${prefix}-${stamp(now)}.${target.provider === "sqlite" ? "db" : "dump"}`);
}

// ---------------------------------------------------------------------------
// File kinds

const SQLITE_MAGIC = "SQLite format 3\0";
const PGDUMP_MAGIC = "PGDMP";

export function fileKind(file: string): "sqlite" | "pgdump" | "unknown" {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    const text = head.subarray(0, n).toString("latin1");
    if (text === SQLITE_MAGIC) return "sqlite";
    if (text.startsWith(PGDUMP_MAGIC)) return "pgdump";
    return "unknown";
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------
// SQLite

function sqliteTables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

function checkSqliteFile(file: string, what: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new BackupError(`${what} is damaged (SQLite quick_check: ${String(check)}).`);
    return sqliteTables(db);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${what} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Copies `source` to `destination` with SQLite's online backup API, in one step (one consistent snapshot). */
async function sqliteCopy(source: Database.Database, destination: string): Promise<void> {
  const tmp = `${destination}.partial-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  try {
    // The first step only opens the backup; returning a huge page count makes the next
    // step copy every page at once, so writers from other connections cannot restart it.
    await source.backup(tmp, { progress: () => 0x7fffffff });
    // A backup is one self-contained file: rollback journal, not WAL (no -wal/-shm beside it).
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    fs.renameSync(tmp, destination);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

async function backupSqlite(target: Extract<Target, { provider: "sqlite" }>, destination: string): Promise<void> {
  if (!fs.existsSync(target.file)) throw new BackupError(`There is no database to back up at ${target.file}.`);
  const db = new Database(target.file, { fileMustExist: true, timeout: 5000 });
  try {
    await sqliteCopy(db, destination);
  } finally {
    db.close();
  }
  checkSqliteFile(destination, `The backup ${destination}`);
}

/**
 * Restores a SQLite backup into the target through the backup API (pages written
 * under SQLite's own locking, so a running app sees either the old or the new
 * database, never a torn one; open connections pick up the change on their next query).
 */
async function restoreSqlite(target: Extract<Target, { provider: "sqlite" }>, file: string): Promise<void> {
  const tables = checkSqliteFile(file, `The backup ${file}`);
  if (!tables.includes("Team") || !tables.includes("User")) {
    throw new BackupError(`${file} is a SQLite database but not a LevelSet backup (no Team or User table).`);
  }
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!fs.existsSync(target.file)) {
      await sqliteCopy(source, target.file);
    } else {
      // Into the existing file (not a rename), so connections that hold it open see the restored data.
      await source.backup(target.file, { progress: () => 0x7fffffff });
    }
  } finally {
    source.close();
  }
  checkSqliteFile(target.file, `The restored database ${target.file}`);
}

async function sqliteHasTables(target: Extract<Target, { provider: "sqlite" }>): Promise<boolean> {
  if (!fs.existsSync(target.file) || fs.statSync(target.file).size === 0) return false;
  const db = new Database(target.file, { readonly: true, fileMustExist: true });
  try {
    return sqliteTables(db).length > 0;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------
// PostgreSQL

/** libpq rejects Prisma's own URL parameters (`schema`, `connection_limit`, …). */
export function libpqUrl(url: string): string {
  const u = new URL(url);
  for (const key of ["schema", "connection_limit", "pool_timeout", "socket_timeout", "pgbouncer", "statement_cache_size"]) {
    u.searchParams.delete(key);
  }
  return u.toString();
}

function pgTool(name: "pg_dump" | "pg_restore"): string {
  const found = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new BackupError(
      `${name} was not found. Install PostgreSQL's client tools (Debian: sudo apt-get install postgresql-client), ` +
        "with a major version at least that of the server.",
    );
  }
  return name;
}

function runPgTool(name: "pg_dump" | "pg_restore", args: string[]): void {
  const r = spawnSync(pgTool(name), args, { encoding: "utf8", env: { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? "10" } });
  if (r.status !== 0) {
    const detail = (r.stderr || r.stdout || r.error?.message || "").trim().split("\n").slice(0, 8).join("\n");
    throw new BackupError(`${name} failed (exit ${r.status ?? "signal"}):\n${detail}`);
  }
}

async function pgHasTables(target: Extract<Target, { provider: "postgresql" }>): Promise<boolean> {
  const client = new pg.Client({ connectionString: libpqUrl(target.url), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to ${describeTarget(target)}: ${(error as Error).message}`);
  }
  try {
    const r = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = current_schema()");
    return Number(r.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end().catch(() => {});
  }
}

function backupPostgres(target: Extract<Target, { provider: "postgresql" }>, destination: string): void {
  const tmp = `${destination}.partial-${process.pid}`;
  try {
    runPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", tmp, "--dbname", libpqUrl(target.url)]);
    fs.renameSync(tmp, destination);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function restorePostgres(target: Extract<Target, { provider: "postgresql" }>, file: string): void {
  runPgTool("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    "--dbname",
    libpqUrl(target.url),
    file,
  ]);
}

// ---------------------------------------------------------------------------
// Entry points

export type BackupResult = { file: string; bytes: number };

export async function backup(target: Target, destination?: string): Promise<BackupResult> {
  const file = path.resolve(destination ?? defaultBackupPath(target));
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists; choose another file name.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (target.provider === "sqlite") await backupSqlite(target, file);
  else backupPostgres(target, file);
  return { file, bytes: fs.statSync(file).size };
}

export type RestoreResult = { from: string; safetyCopy?: string };

export async function restore(target: Target, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const from = path.resolve(file);
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) throw new BackupError(`No backup file at ${from}.`);
  const kind = fileKind(from);
  const expected = target.provider === "sqlite" ? "sqlite" : "pgdump";
  if (kind !== expected) {
    const what = kind === "sqlite" ? "a SQLite backup" : kind === "pgdump" ? "a PostgreSQL dump (pg_dump -Fc)" : "neither a SQLite backup nor a pg_dump -Fc file";
    throw new BackupError(`${from} is ${what}, but DATABASE_URL selects ${describeTarget(target)}.`);
  }
  const occupied = target.provider === "sqlite" ? await sqliteHasTables(target) : await pgHasTables(target);
  let safetyCopy: string | undefined;
  if (occupied) {
    if (!options.force) {
      throw new BackupError(
        `${describeTarget(target)} already holds data. Restoring replaces all of it; run again with --force to do so ` +
          "(the current database is backed up first).",
      );
    }
    safetyCopy = (await backup(target, defaultBackupPath(target, process.cwd(), new Date(), "pre-restore"))).file;
  }
  if (target.provider === "sqlite") await restoreSqlite(target, from);
  else restorePostgres(target, from);
  return { from, safetyCopy };
}
