/**
 * The browser tests may look into the e2e database (the app never exposes these
 * rows): SQLite (`file:`, the default) or PostgreSQL, whichever
 * E2E_DATABASE_URL names — CI runs the whole suite on both. Write SQL that
 * both accept: quoted identifiers ("Team", "teamId") and `?` placeholders.
 */
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
export const e2eOnPostgres = /^postgres(ql)?:\/\//.test(url);

export type SqlResult<T> = { rows: T[]; changes: number };

export async function sql<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<SqlResult<T>> {
  if (e2eOnPostgres) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      const result = await client.query(text.replace(/\?/g, () => `$${++n}`), params);
      return { rows: result.rows as T[], changes: result.rowCount ?? 0 };
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.resolve(url.replace(/^file:/, "")), { timeout: 5000, fileMustExist: true });
  try {
    const statement = db.prepare(text);
    if (statement.reader) return { rows: statement.all(...params) as T[], changes: 0 };
    return { rows: [], changes: statement.run(...params).changes };
  } finally {
    db.close();
  }
}

/** The first column of the first row. */
export async function sqlValue<T>(text: string, ...params: unknown[]): Promise<T> {
  const { rows } = await sql<Record<string, unknown>>(text, ...params);
  return (rows[0] ? Object.values(rows[0])[0] : undefined) as T;
}

/** A timestamp as the app's Prisma adapter stores it (SQLite: ISO text with an offset; PostgreSQL: timestamp). */
export const sqlTimestamp = (date: Date): string | Date => (e2eOnPostgres ? date : date.toISOString().replace("Z", "+00:00"));
