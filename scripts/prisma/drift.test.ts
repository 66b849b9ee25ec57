/**
 * The committed PostgreSQL schema is what the generator makes of prisma/schema.prisma,
 * and each migrations folder, replayed, equals its schema
 * (`prisma migrate diff --from-migrations … --to-schema … --exit-code`).
 * Fix a failure with `npm run db:migrate:new -- <name>` (or `npm run db:schema:postgres`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { POSTGRES_SCHEMA, ROOT, SQLITE_SCHEMA, toPostgresSchema } from "./generate-postgres-schema";
import { diffScript } from "./new-migration";
import { runPrisma } from "./run-prisma";
import { POSTGRES_URL, postgresReachable, requirePostgres, shadowDatabases } from "./test-helpers";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-drift-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function diffMigrations(migrations: string, schema: string, databaseUrl: string) {
  return runPrisma(["migrate", "diff", "--from-migrations", migrations, "--to-schema", schema, "--exit-code", "--script"], {
    cwd: ROOT,
    env: { DATABASE_URL: databaseUrl },
  });
}

describe("schema and migration drift", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma (npm run db:schema:postgres)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(toPostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("a `// postgres:` line stands in for the line after it in the PostgreSQL schema only", () => {
    const sqlite = [
      'datasource db {\n  provider = "sqlite"\n}',
      'generator client {\n  provider = "prisma-client"\n  output   = "../generated/prisma"\n}',
      "model A {\n  id String @id\n  t  String\n  // postgres: @@index([id])\n  @@index([id, t])\n}",
    ].join("\n");
    const postgres = toPostgresSchema(sqlite);
    expect(postgres).toContain("  @@index([id])\n}");
    expect(postgres).not.toContain("@@index([id, t])");
    expect(postgres).not.toContain("// postgres:");
    expect(() => toPostgresSchema(`${sqlite}\n// postgres: @@index([t])\n`)).toThrow(/must precede the line it replaces/);
  });

  it("both migration folders have migration_lock.toml and an …_init migration", () => {
    for (const [dir, provider] of [["prisma/migrations", "sqlite"], ["prisma/postgres/migrations", "postgresql"]] as const) {
      expect(fs.readFileSync(path.join(ROOT, dir, "migration_lock.toml"), "utf8")).toContain(`provider = "${provider}"`);
      expect(fs.readdirSync(path.join(ROOT, dir)).some((n) => /^\d{14}_init$/.test(n))).toBe(true);
    }
  });

  it("SQLite: prisma/migrations replays to prisma/schema.prisma (but for the full-text index Prisma cannot describe)", () => {
    const url = `file:${path.join(scratch, "unused.db")}`;
    const sql = diffScript(ROOT, { label: "SQLite", migrations: path.join(ROOT, "prisma/migrations"), schema: SQLITE_SCHEMA, databaseUrl: url });
    expect(sql, "Migrations are behind the schema: run npm run db:migrate:new -- <name>").toBeNull();
    // …and the raw diff does differ by exactly that index: the filter is not hiding everything.
    const raw = diffMigrations("prisma/migrations", "prisma/schema.prisma", url);
    expect(raw.status).toBe(2);
    expect(raw.stdout).toMatch(/DROP TABLE "DecisionSearch_data"/);
  });
});

const reachable = await postgresReachable();

describe.runIf(reachable || requirePostgres)("PostgreSQL migration drift", () => {
  it("PostgreSQL: prisma/postgres/migrations replays (in a shadow database) to prisma/postgres/schema.prisma", async () => {
    if (!reachable) throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL} (set TEST_POSTGRES_URL); required when CI=true.`);
    const before = await shadowDatabases();
    const r = diffMigrations("prisma/postgres/migrations", "prisma/postgres/schema.prisma", POSTGRES_URL);
    expect(r.status, `Migrations are behind the schema: run npm run db:migrate:new -- <name>\n${r.stdout}${r.stderr}`).toBe(0);
    expect((await shadowDatabases()).filter((d) => !before.includes(d))).toEqual([]);
  });
});
