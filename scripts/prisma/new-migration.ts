/**
 * npm run db:migrate:new -- <name>
 *
 * After an edit of prisma/schema.prisma: regenerates prisma/postgres/schema.prisma
 * and writes the matching migration for BOTH databases, under the same
 * `<timestamp>_<name>` folder name, from `prisma migrate diff --from-migrations`
 * (SQLite diffs in memory; PostgreSQL uses a throw-away shadow database on the
 * server in POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 * Nothing is applied: run `npm run db:migrate` (or db:migrate:dev) afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { withFullTextSearchKept, withoutFullTextSearchDrops } from "./full-text-search";
import { POSTGRES_SCHEMA, ROOT, SQLITE_SCHEMA, toPostgresSchema } from "./generate-postgres-schema";
import { runPrisma } from "./run-prisma";

export function migrationFolderName(name: string, now = new Date()): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("Usage: npm run db:migrate:new -- <name>   (e.g. add_team_description)");
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14); // YYYYMMDDHHMMSS, UTC, as prisma migrate dev
  return `${stamp}_${slug}`;
}

type Target = { label: string; schema: string; migrations: string; databaseUrl: string };

/** The SQL that brings `migrations` up to `schema`, or null when they are in step. */
export function diffScript(root: string, target: Pick<Target, "label" | "schema" | "migrations" | "databaseUrl">): string | null {
  const result = runPrisma(
    ["migrate", "diff", "--from-migrations", target.migrations, "--to-schema", target.schema, "--script", "--exit-code"],
    { cwd: root, env: { DATABASE_URL: target.databaseUrl } },
  );
  if (result.status === 0) return null;
  if (result.status === 2) {
    if (!target.databaseUrl.startsWith("file:")) return result.stdout.replace(/\n+$/, "\n");
    // SQLite: the full-text index is not in Prisma's schema (scripts/prisma/full-text-search.ts).
    const sql = withoutFullTextSearchDrops(result.stdout);
    return sql === null ? null : withFullTextSearchKept(sql);
  }
  throw new Error(`prisma migrate diff failed for ${target.label} (exit ${result.status}):\n${result.stderr}${result.stdout}`);
}

export function createMigrations(name: string, options: { root?: string; postgresUrl?: string; now?: Date } = {}) {
  const root = options.root ?? ROOT;
  const sqliteSchema = options.root ? path.join(root, "prisma", "schema.prisma") : SQLITE_SCHEMA;
  const postgresSchema = options.root ? path.join(root, "prisma", "postgres", "schema.prisma") : POSTGRES_SCHEMA;
  fs.mkdirSync(path.dirname(postgresSchema), { recursive: true });
  fs.writeFileSync(postgresSchema, toPostgresSchema(fs.readFileSync(sqliteSchema, "utf8")));

  const folder = migrationFolderName(name, options.now);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-migrate-new-"));
  const targets: Target[] = [
    {
      label: "SQLite",
      schema: sqliteSchema,
      migrations: path.join(root, "prisma", "migrations"),
      databaseUrl: `file:${path.join(scratch, "unused.db")}`,
    },
    {
      label: "PostgreSQL",
      schema: postgresSchema,
      migrations: path.join(root, "prisma", "postgres", "migrations"),
      databaseUrl: options.postgresUrl ?? process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    },
  ];
  try {
    const scripts = targets.map((t) => ({ target: t, sql: diffScript(root, t) }));
    if (scripts.every((s) => s.sql === null)) return { folder, written: [] as string[] };
    const written: string[] = [];
    for (const { target, sql } of scripts) {
      const dir = path.join(target.migrations, folder);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql ?? "-- This is an empty migration.\n");
      written.push(path.relative(root, path.join(dir, "migration.sql")));
    }
    return { folder, written };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { written } = createMigrations(process.argv.slice(2).join("_"));
    if (written.length === 0) console.log("No schema change: prisma/schema.prisma matches both migration folders.");
    else console.log(`Created:\n  ${written.join("\n  ")}\nApply with: npm run db:migrate (then npm run db:generate if the client changed)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
