/**
 * `npm run db:migrate:new -- <name>` on a temp copy of the project: a change to
 * prisma/schema.prisma becomes one migration per database, after which both
 * folders are in step again (by construction: each is the output of
 * `migrate diff --from-migrations --to-schema`, the very check of drift.test.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
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
    // The full-text index Prisma's schema cannot describe is not dropped (scripts/prisma/full-text-search.ts).
    expect(fs.readFileSync(path.join(root, written[0]!), "utf8")).not.toMatch(/DecisionSearch/);
    // That both folders are now in step with the schemas is what drift.test.ts checks on the real tree.
  }, 90_000);

  it("a migration that redefines Decision keeps the full-text search finding the right decisions", () => {
    const sqlite = path.join(root, "prisma", "migrations");
    const db = new Database(":memory:");
    for (const dir of fs.readdirSync(sqlite).filter((n) => /^\d{14}_/.test(n)).sort()) db.exec(fs.readFileSync(path.join(sqlite, dir, "migration.sql"), "utf8"));
    db.prepare(`INSERT INTO "Team" (id, slug, name, updatedAt) VALUES ('t', 't', 'Team', '2026-01-01')`).run();
    const insert = db.prepare(
      `INSERT INTO "Decision" (id, teamId, title, context, participants, rubricVersion, answers, notes, searchText, updatedAt) VALUES (?, 't', ?, '', '[]', 'v1', '{}', '{}', ?, '2026-01-01')`,
    );
    for (const [id, text] of [["d1", "refunds bot"], ["d2", "contract clauses"], ["d3", "refunds policy"]] as const) insert.run(id, text, text);
    db.prepare(`DELETE FROM "Decision" WHERE id = 'd1'`).run(); // a gap: a copied table numbers its rowids anew
    // SQLite cannot add a default to a column in place: Prisma redefines the table.
    const schema = path.join(root, "prisma", "schema.prisma");
    fs.writeFileSync(schema, fs.readFileSync(schema, "utf8").replace(/(model Decision \{[^}]*?\n  title\s+String)/, '$1 @default("")'));
    const { folder } = createMigrations("decision title default", { root, postgresUrl: POSTGRES_URL, now: new Date("2099-01-01T00:00:00Z") });
    const redefine = fs.readFileSync(path.join(sqlite, folder, "migration.sql"), "utf8");
    expect(redefine).toMatch(/CREATE TABLE "new_Decision"/);
    db.exec(redefine);
    const find = (q: string) =>
      db.prepare(`SELECT d.id FROM "DecisionSearch" s JOIN "Decision" d ON d.rowid = s.rowid WHERE "DecisionSearch" MATCH ? ORDER BY d.id`).all(q);
    expect(find('"refunds"*')).toEqual([{ id: "d3" }]);
    insert.run("d4", "refunds again", "refunds again"); // the triggers are back
    expect(find('"refunds"*')).toEqual([{ id: "d3" }, { id: "d4" }]);
    db.close();
  }, 90_000);
});
