// @ts-check
/**
 * The engine's one-shot commands (`cli can-connect-to-database`,
 * `cli create-database`), done with the drivers directly. Failures are thrown
 * as {@link EngineError} carrying a Prisma error code, as the native engine does.
 */
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { databaseName, providerOf, sqlitePath, withDatabase } from "./adapters.mjs";

export class EngineError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** @param {string} url */
function location(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}`;
}

/**
 * @param {string} url @param {(client: pg.Client) => Promise<T>} work
 * @template T
 */
async function withPg(url, work) {
  const u = new URL(url);
  u.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: u.toString() });
  try {
    await client.connect();
  } catch (error) {
    const e = /** @type {{ code?: string, message: string }} */ (error);
    if (e.code === "3D000") {
      throw new EngineError("P1003", `Database \`${databaseName(url)}\` does not exist on the database server at \`${location(url)}\`.`);
    }
    if (e.code === "28P01" || e.code === "28000") {
      throw new EngineError("P1000", `Authentication failed against database server at \`${location(url)}\`: ${e.message}`);
    }
    throw new EngineError("P1001", `Can't reach database server at \`${location(url)}\`: ${e.message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string} url @param {string} baseDir */
export async function canConnectToDatabase(url, baseDir) {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url, baseDir);
    if (!fs.existsSync(file)) {
      throw new EngineError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`);
    }
    return;
  }
  await withPg(url, async (c) => c.query("SELECT 1"));
}

/**
 * @param {string} url @param {string} baseDir
 * @returns {Promise<string>} the database name
 */
export async function createDatabase(url, baseDir) {
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url, baseDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    new Database(file).close();
    return path.basename(file);
  }
  const name = databaseName(url);
  await withPg(withDatabase(url, "postgres"), async (c) => {
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((/** @type {{ code?: string, message: string }} */ e) => {
      throw new EngineError(e.code === "42P04" ? "P1009" : "P1000", e.message);
    });
  });
  return name;
}

/**
 * Fix 3: empties an SQLite database for real (the wasm engine's `reset` leaves the tables).
 * @param {string} file
 */
export function emptySqliteDatabase(file) {
  if (!fs.existsSync(file)) return;
  const db = new Database(file);
  try {
    const objects = /** @type {{ type: string, name: string }[]} */ (
      db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite_%'").all()
    );
    db.pragma("foreign_keys = OFF");
    const order = ["trigger", "view", "table"];
    objects.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    db.exec(objects.map((o) => `DROP ${o.type.toUpperCase()} IF EXISTS "${o.name.replace(/"/g, '""')}";`).join("\n"));
    db.exec("VACUUM");
  } finally {
    db.close();
  }
}
