/**
 * A fresh, migrated database for one Vitest file: a temp SQLite file by default,
 * or a new PostgreSQL database when DATABASE_URL points at a PostgreSQL server
 * (CI runs the DAL tests both ways). Migrations are the committed SQL files.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");

function migrationFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name, "migration.sql"))
    .filter((f) => fs.existsSync(f))
    .sort();
}

export type TestDatabase = { url: string; provider: "sqlite" | "postgresql"; drop: () => Promise<void> };

/** `base`: a PostgreSQL server URL to create the database on; SQLite otherwise (default: DATABASE_URL). */
export async function createTestDatabase(base = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const name = `levelset_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    for (const file of migrationFiles(path.join(root, "prisma/postgres/migrations"))) {
      await client.query(fs.readFileSync(file, "utf8"));
    }
    await client.end();
    return {
      url: url.toString(),
      provider: "postgresql",
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-test-"));
  const file = path.join(dir, "test.db");
  const db = new Database(file);
  for (const migration of migrationFiles(path.join(root, "prisma/migrations"))) db.exec(fs.readFileSync(migration, "utf8"));
  db.close();
  return { url: `file:${file}`, provider: "sqlite", drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Points the app's lazily created Prisma client (lib/db.ts `getDb`) at the test
 * database. Call before the first DAL call of the file.
 */
export function pointAppAt(url: string) {
  process.env.DATABASE_URL = url;
  delete (globalThis as { levelsetPrisma?: unknown }).levelsetPrisma;
}

/**
 * One fresh database for the calling Vitest file: created before its tests,
 * disconnected and dropped after them.
 */
export function withFreshDatabase() {
  let testDb: TestDatabase | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    pointAppAt(testDb.url);
  });
  afterAll(async () => {
    const { getDb } = await import("@/lib/db");
    await getDb().$disconnect();
    await testDb?.drop();
  });
}
