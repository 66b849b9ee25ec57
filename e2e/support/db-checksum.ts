import { createHash } from "node:crypto";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

/**
 * Row counts and a hash of every row of every table of the e2e database, for
 * "nothing was written" checks. `RateLimit` is left out on purpose: failed
 * sign-ins and sign-ups are counted there by design (issue #8), so refused
 * attempts do write it.
 */
export type Checksum = Record<string, { rows: number; hash: string }>;

const SKIP = new Set(["RateLimit", "_prisma_migrations"]);

export function e2eDatabaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
}

export async function databaseChecksum(url = e2eDatabaseUrl()): Promise<Checksum> {
  const out: Checksum = {};
  const add = (table: string, rows: unknown[]) => {
    out[table] = { rows: rows.length, hash: createHash("sha256").update(JSON.stringify(rows)).digest("hex") };
  };
  if (url.startsWith("file:")) {
    const db = new Database(path.resolve(url.slice(5)), { readonly: true, fileMustExist: true });
    try {
      // Ordinary tables: a full-text index's virtual and shadow tables follow from them (and have no rowid to order by).
      const tables = db
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all() as string[];
      for (const t of tables.filter((t) => !SKIP.has(t))) add(t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all());
    } finally {
      db.close();
    }
    return out;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    for (const { table_name: t } of rows.filter((r) => !SKIP.has(r.table_name))) {
      // Every table has an "id" primary key except the join tables; order by the whole row text for those.
      const result = await client.query(`SELECT * FROM "${t}" ORDER BY (to_jsonb("${t}")::text)`);
      add(t, result.rows);
    }
  } finally {
    await client.end();
  }
  return out;
}
