/**
 * The wasm schema-engine bridge serving Prisma's CLI on PostgreSQL
 * (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 * Each run works in its own database, created by the CLI and dropped afterwards.
 * Skipped locally when no server answers; in CI (CI=true) that is a failure.
 */
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFixture, fixtureSchema, POSTGRES_URL, postgresReachable, requirePostgres, shadowDatabases, withPg } from "./test-helpers";

const reachable = await postgresReachable();

describe.runIf(reachable || requirePostgres)("schema-engine bridge on PostgreSQL", () => {
  const database = `levelset_bridge_test_${process.pid}_${Date.now().toString(36)}`;
  const url = (() => {
    const u = new URL(POSTGRES_URL);
    u.pathname = `/${database}`;
    return u.toString();
  })();
  let fx: ReturnType<typeof createFixture>;
  let shadowsBefore: string[] = [];
  const tables = () =>
    withPg(async (c) => (await c.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")).rows.map((r) => r.tablename), url);

  beforeAll(async () => {
    if (!reachable) throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL} (set TEST_POSTGRES_URL); required when CI=true.`);
    shadowsBefore = await shadowDatabases();
    fx = createFixture("postgresql", url);
  });
  afterAll(async () => {
    fx?.remove();
    if (reachable) await withPg((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  });

  it("generates the client without a native engine", () => {
    const r = fx.prisma(["generate"]);
    expect(r.status, r.output).toBe(0);
    expect(fs.existsSync(path.join(fx.dir, "generated", "prisma", "client.ts"))).toBe(true);
  });

  it("prints the SQL of migrate diff", () => {
    const r = fx.prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/CREATE TABLE "Team"/);
    expect(r.stdout).toMatch(/JSONB/);
    fx.addInitMigration(r.stdout);
  });

  // The init migration is a multi-statement script, run through executeRaw (fix 2).
  it("migrate deploy creates the missing database (cli create-database) and the tables", () => {
    const r = fx.prisma(["migrate", "deploy"]);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(new RegExp(`database ${database} created`, "i"));
    return expect(tables()).resolves.toEqual(["Team", "_prisma_migrations"]);
  });

  it("migrate status reports the database up to date", () => {
    const r = fx.prisma(["migrate", "status"]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/Database schema is up to date/);
  });

  it("migrate dev turns a schema change into a new migration (shadow database, catalog \"char\" columns)", async () => {
    fx.writeSchema(fixtureSchema("postgresql", "\n  title String @default(\"\")"));
    const r = fx.prisma(["migrate", "dev", "--name", "add_title"]);
    expect(r.status, r.output).toBe(0);
    const created = fx.migrations().find((n) => n.endsWith("_add_title"));
    expect(created, r.output).toBeDefined();
    expect(fs.readFileSync(path.join(fx.dir, "prisma", "migrations", created!, "migration.sql"), "utf8")).toMatch(/ADD COLUMN\s+"title"/);
    const columns = await withPg(
      async (c) => (await c.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'Team'")).rows.map((r) => r.column_name),
      url,
    );
    expect(columns).toContain("title");
  });

  it("leaves no prisma_migrate_shadow_db_* database behind", async () => {
    const leftover = (await shadowDatabases()).filter((d) => !shadowsBefore.includes(d));
    expect(leftover).toEqual([]);
  });

  it("reports SQL errors with the server's message, not 'External error id#N'", () => {
    const r = fx.prisma(["db", "execute", "--stdin"], "SELECT * FROM missing_table;");
    expect(r.status).not.toBe(0);
    expect(r.output).not.toMatch(/External error id#/);
    expect(r.output).toMatch(/missing_table/);
  });

});
