/** The wasm schema-engine bridge serving Prisma's CLI on SQLite (a fixture project in a temp dir). */
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFixture, fixtureSchema } from "./test-helpers";

describe("schema-engine bridge on SQLite", () => {
  let fx: ReturnType<typeof createFixture>;
  let dbFile: string;
  const tables = () => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    } finally {
      db.close();
    }
  };

  beforeAll(() => {
    fx = createFixture("sqlite", "file:./data/test.db");
    dbFile = path.join(fx.dir, "data", "test.db");
  });
  afterAll(() => fx?.remove());

  it("generates the client without a native engine", () => {
    const r = fx.prisma(["generate"]);
    expect(r.status, r.output).toBe(0);
    expect(fs.existsSync(path.join(fx.dir, "generated", "prisma", "client.ts"))).toBe(true);
  });

  it("prints the SQL of migrate diff (the bridge forwards it as a print request)", () => {
    const r = fx.prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/CREATE TABLE "Team"/);
    fx.addInitMigration(r.stdout);
  });

  // The init migration is a multi-statement script: better-sqlite3 needs it routed to `exec` (fix 2).
  it("migrate deploy creates the database and the tables (relative file: URL resolved against the project)", () => {
    const r = fx.prisma(["migrate", "deploy"]);
    expect(r.status, r.output).toBe(0);
    expect(tables()).toEqual(["Team", "_prisma_migrations"]);
  });

  it("migrate status reports the database up to date", () => {
    const r = fx.prisma(["migrate", "status"]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/Database schema is up to date/);
  });

  it("migrate dev turns a schema change into a new migration and applies it", () => {
    fx.writeSchema(fixtureSchema("sqlite", "\n  title String @default(\"\")"));
    const r = fx.prisma(["migrate", "dev", "--name", "add_title"]);
    expect(r.status, r.output).toBe(0);
    const created = fx.migrations().find((n) => n.endsWith("_add_title"));
    expect(created, r.output).toBeDefined();
    const sql = fs.readFileSync(path.join(fx.dir, "prisma", "migrations", created!, "migration.sql"), "utf8");
    expect(sql).toMatch(/title/);
    const db = new Database(dbFile, { readonly: true });
    const columns = (db.prepare("PRAGMA table_info('Team')").all() as { name: string }[]).map((c) => c.name);
    db.close();
    expect(columns).toContain("title");
  });

  it("migrate reset really empties the database before re-applying the migrations", () => {
    const db = new Database(dbFile);
    db.exec("CREATE TABLE junk (x); INSERT INTO Team (id, slug, title) VALUES ('t1', 's1', 'x');");
    db.close();
    const r = fx.prisma(["migrate", "reset", "--force"]);
    expect(r.status, r.output).toBe(0);
    expect(tables()).toEqual(["Team", "_prisma_migrations"]);
    const check = new Database(dbFile, { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM Team").get()).toEqual({ n: 0 });
    check.close();
  });

  it("db execute reports SQL errors readably", () => {
    const bad = fx.prisma(["db", "execute", "--stdin"], "SELECT * FROM missing_table;");
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/missing_table/);
  });

  it("driver errors read as the driver's message, not 'External error id#N'", () => {
    const other = createFixture("sqlite", "file:./data/is-a-directory.db");
    try {
      fs.mkdirSync(path.join(other.dir, "data", "is-a-directory.db"), { recursive: true });
      const r = other.prisma(["migrate", "deploy"]);
      expect(r.status).not.toBe(0);
      expect(r.output).not.toMatch(/External error id#/);
      expect(r.output).toMatch(/unable to open database file/);
    } finally {
      other.remove();
    }
  });
});
