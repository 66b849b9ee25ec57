/**
 * `npm run db:migrate:new -- <name>` on a temp copy of the project: a change to
 * prisma/schema.prisma becomes one migration per database, after which both
 * folders are in step again (by construction: each is the output of
 * `migrate diff --from-migrations --to-schema`, the very check of drift.test.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ROOT } from "./generate-postgres-schema";
import { createMigrations, migrationFolderName } from "./new-migration";
import { POSTGRES_URL, postgresReachable, requirePostgres } from "./test-helpers";

it("names migration folders like prisma migrate dev", () => {
  expect(migrationFolderName("Add team description", new Date("2026-01-02T03:04:05Z"))).toBe("20260102030405_add_team_description");
  expect(() => migrationFolderName("  ")).toThrow(/Usage/);
});

const reachable = await postgresReachable();

describe.runIf(reachable || requirePostgres)("db:migrate:new", () => {
  let root: string;

  beforeAll(() => {
    if (!reachable) throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL} (set TEST_POSTGRES_URL); required when CI=true.`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-migrate-new-test-"));
    for (const p of ["prisma.config.ts", "prisma", "scripts/prisma/config-support.ts", "scripts/prisma/engine-bridge"]) {
      fs.cpSync(path.join(ROOT, p), path.join(root, p), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
    const schema = path.join(root, "prisma", "schema.prisma");
    fs.writeFileSync(schema, fs.readFileSync(schema, "utf8").replace(/(model Team \{\n)/, "$1  description String?\n"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes the SQLite and the PostgreSQL migration for a schema change", () => {
    const { folder, written } = createMigrations("add team description", { root, postgresUrl: POSTGRES_URL });
    expect(written).toEqual([`prisma/migrations/${folder}/migration.sql`, `prisma/postgres/migrations/${folder}/migration.sql`]);
    for (const file of written) expect(fs.readFileSync(path.join(root, file), "utf8")).toMatch(/description/);
    expect(fs.readFileSync(path.join(root, "prisma", "postgres", "schema.prisma"), "utf8")).toMatch(/description String\?/);
    // That both folders are now in step with the schemas is what drift.test.ts checks on the real tree.
  }, 90_000);
});
