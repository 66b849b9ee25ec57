/** Helpers for the Prisma bridge tests: throw-away fixture projects and a PostgreSQL probe. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { bridgePath } from "./config-support";
import { ROOT } from "./generate-postgres-schema";
import { runPrisma } from "./run-prisma";

export { ROOT };
export const BRIDGE = bridgePath(ROOT);
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function postgresReachable(url = POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Locally PostgreSQL tests may be skipped when no server runs; in CI they must run (and fail). */
export const requirePostgres = process.env.CI === "true" || process.env.CI === "1";

export async function withPg<T>(work: (client: pg.Client) => Promise<T>, url = POSTGRES_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function shadowDatabases(): Promise<string[]> {
  return withPg(async (c) => (await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")).rows.map((r) => r.datname));
}

export function fixtureSchema(provider: "sqlite" | "postgresql", extra = ""): string {
  return `generator client {
  provider = "prisma-client"
  output   = "../generated/prisma"
}

datasource db {
  provider = "${provider}"
}

model Team {
  id    String @id
  slug  String @unique
  notes Json?${extra}
}
`;
}

/** A minimal project in a temp dir using the repo's node_modules, with the bridge selected explicitly. */
export function createFixture(provider: "sqlite" | "postgresql", databaseUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `levelset-prisma-${provider}-`));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  fs.mkdirSync(path.join(dir, "prisma", "migrations"), { recursive: true });
  fs.writeFileSync(path.join(dir, "prisma", "schema.prisma"), fixtureSchema(provider));
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL as string },
});
`,
  );
  const env = { DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: BRIDGE };
  return {
    dir,
    prisma: (args: string[], input?: string) => {
      const r = runPrisma(args, { cwd: dir, env, input, prismaRoot: dir });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
    },
    migrations: () => fs.readdirSync(path.join(dir, "prisma", "migrations")).filter((n) => n !== "migration_lock.toml").sort(),
    writeSchema: (text: string) => fs.writeFileSync(path.join(dir, "prisma", "schema.prisma"), text),
    /** Commits an initial migration written from `migrate diff` output (which must be printed). */
    addInitMigration: (sql: string) => {
      const m = path.join(dir, "prisma", "migrations", "00000000000000_init");
      fs.mkdirSync(m, { recursive: true });
      fs.writeFileSync(path.join(m, "migration.sql"), sql);
      fs.writeFileSync(
        path.join(dir, "prisma", "migrations", "migration_lock.toml"),
        `provider = "${provider}"\n`,
      );
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
