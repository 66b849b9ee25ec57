import "server-only";

import fs from "node:fs";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";
import { DEFAULT_SQLITE_URL, databaseProvider } from "@/lib/env";
import { cachePreparedStatements } from "@/lib/sqlite-statement-cache";

/**
 * The one Prisma client. Only `lib/dal/**` may import this file (house rule 2).
 * The adapter follows DATABASE_URL: unset or `file:` → SQLite (better-sqlite3),
 * `postgresql://` → PostgreSQL (node-postgres). The generated client must match
 * the provider (`npm run db:generate` picks the schema by the same rule).
 */

/** Resolves `file:./x` against the working directory (the project root), as prisma.config.ts does. */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "");
  return path.isAbsolute(raw) ? raw : path.resolve(/* turbopackIgnore: true */ process.cwd(), raw);
}

/**
 * better-sqlite3 with the pragmas the app relies on, run on every new connection:
 * WAL (readers never block the writer), a busy timeout so concurrent writers wait
 * instead of failing with SQLITE_BUSY, and foreign keys enforced; and its
 * prepared statements kept for reuse (lib/sqlite-statement-cache.ts).
 */
export class ConfiguredSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(
      "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
    );
    // The adapter keeps its better-sqlite3 connection as `client` (not part of its types;
    // lib/sqlite-statement-cache.test.ts fails if that changes, rather than the cache
    // silently going away).
    const client = (adapter as { client?: Partial<BetterSqlite3.Database> }).client;
    if (typeof client?.prepare === "function" && typeof client.exec === "function") {
      cachePreparedStatements(client as BetterSqlite3.Database);
    }
    return adapter;
  }
}

export function createPrismaClient(url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new PrismaClient({ adapter: new ConfiguredSqliteAdapter({ url: `file:${file}`, timeout: 5000 }) });
}

const globalForPrisma = globalThis as unknown as { levelsetPrisma?: PrismaClient };

/** Lazily created so that importing the DAL never opens a database at build time. */
export function getDb(): PrismaClient {
  globalForPrisma.levelsetPrisma ??= createPrismaClient();
  return globalForPrisma.levelsetPrisma;
}

export type { PrismaClient };
