// @ts-check
/**
 * Driver adapter factories for the wasm schema engine, with the fixes it needs
 * (numbers refer to TOOLCHAIN.md "Prisma 7 offline"):
 *  2. parameterless multi-statement SQL sent to `executeRaw` runs as a script;
 *  5. PostgreSQL's `"char"` type (OID 18) is reported as text;
 *  6. the PostgreSQL shadow database really is a separate database, and it is
 *     dropped after its pool is closed.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { isMultiStatement } from "./sql.mjs";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** @param {string} url */
export function providerOf(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(`Unsupported datasource URL for the schema engine bridge (expected file: or postgresql://): ${redact(url)}`);
}

/** @param {string} url */
export function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * `file:./x` → absolute path, relative paths resolved against `baseDir`.
 * @param {string} url @param {string} baseDir
 */
export function sqlitePath(url, baseDir) {
  const raw = url.replace(/^file:(\/\/)?/i, "").replace(/\?.*$/, "");
  return path.resolve(baseDir, raw);
}

/**
 * Fix 2: route parameterless multi-statement SQL to the driver's script runner
 * (better-sqlite3 `exec`, node-postgres simple query protocol), on the adapter
 * and on every transaction it starts.
 * @template {{ executeRaw: Function, startTransaction?: Function, client: any, onError: Function }} Q
 * @param {Q} queryable @param {"sqlite" | "postgres"} provider
 * @returns {Q}
 */
function routeScripts(queryable, provider) {
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.executeRaw = async (/** @type {{ sql: string, args: unknown[] }} */ query) => {
    if (query.args.length > 0 || !isMultiStatement(query.sql)) return executeRaw(query);
    try {
      if (provider === "sqlite") queryable.client.exec(query.sql);
      else await queryable.client.query(query.sql);
    } catch (error) {
      queryable.onError(error); // throws the adapter's mapped DriverAdapterError
    }
    return 0;
  };
  const startTransaction = queryable.startTransaction?.bind(queryable);
  if (startTransaction) {
    queryable.startTransaction = async (/** @type {unknown[]} */ ...args) => routeScripts(await startTransaction(...args), provider);
  }
  return queryable;
}

/** Fix 5: a pg client that reports `"char"` columns as text, which @prisma/adapter-pg understands. */
class CharAsTextClient extends pg.Client {}
const baseQuery = pg.Client.prototype.query;
/** @param {any} res */
const charAsText = (res) => {
  for (const r of Array.isArray(res) ? res : [res]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
  }
  return res;
};
/** @type {any} */ (CharAsTextClient.prototype).query = function (/** @type {any[]} */ ...args) {
  const callback = typeof args.at(-1) === "function" ? args.pop() : undefined;
  if (callback) {
    return baseQuery.call(this, ...args, (/** @type {unknown} */ err, /** @type {unknown} */ res) => callback(err, err ? res : charAsText(res)));
  }
  const result = /** @type {any} */ (baseQuery).apply(this, args);
  return result && typeof result.then === "function" ? result.then(charAsText) : result;
};

/**
 * Splits `?schema=` off a PostgreSQL URL (node-postgres does not know it).
 * @param {string} url
 */
function pgUrl(url) {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  return { connectionString: u.toString(), schema };
}

/** @param {string} url @param {string} database */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** @param {string} url */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || new URL(url).username || "postgres";
}

/** @param {string} name */
const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * A migration-aware adapter factory for the wasm engine.
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 * @param {string} baseDir directory that relative `file:` URLs are resolved against
 */
export function createAdapterFactory(datasource, baseDir) {
  const provider = providerOf(datasource.url);
  return provider === "sqlite" ? sqliteFactory(datasource, baseDir) : postgresFactory(datasource);
}

/** @param {{ url: string, shadowDatabaseUrl?: string }} datasource @param {string} baseDir */
function sqliteFactory(datasource, baseDir) {
  const file = sqlitePath(datasource.url, baseDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const shadow = datasource.shadowDatabaseUrl ? `file:${sqlitePath(datasource.shadowDatabaseUrl, baseDir)}` : undefined;
  const inner = new PrismaBetterSqlite3({ url: `file:${file}` }, shadow ? { shadowDatabaseUrl: shadow } : undefined);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    file,
    connect: async () => routeScripts(/** @type {any} */ (await inner.connect()), "sqlite"),
    connectToShadowDb: async () => routeScripts(/** @type {any} */ (await inner.connectToShadowDb()), "sqlite"),
    /** Nothing to clean up: better-sqlite3 connections are closed by the engine. */
    close: async () => {},
  };
}

/** @param {{ url: string, shadowDatabaseUrl?: string }} datasource */
function postgresFactory(datasource) {
  /** @type {Set<() => Promise<void>>} */
  const cleanups = new Set();

  /** @param {string} url */
  const open = async (url) => {
    const { connectionString, schema } = pgUrl(url);
    const pool = new pg.Pool({ connectionString, Client: CharAsTextClient, max: 4 });
    const adapter = await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
    return routeScripts(/** @type {any} */ (adapter), "postgres");
  };

  const factory = {
    provider: /** @type {"postgres"} */ ("postgres"),
    adapterName: "@prisma/adapter-pg",
    connect: () => open(datasource.url),
    /** Fix 6: a fresh database on the same server, dropped after its pool has ended. */
    connectToShadowDb: async () => {
      if (datasource.shadowDatabaseUrl) return open(datasource.shadowDatabaseUrl);
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client({ connectionString: pgUrl(datasource.url).connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      } finally {
        await admin.end();
      }
      const shadow = await open(withDatabase(datasource.url, name));
      const dispose = shadow.dispose.bind(shadow);
      let dropped = false;
      const drop = async () => {
        if (dropped) return;
        dropped = true;
        cleanups.delete(drop);
        await dispose().catch(() => {}); // ends the shadow pool first …
        const c = new pg.Client({ connectionString: pgUrl(datasource.url).connectionString });
        await c.connect();
        try {
          // … then drops the database (FORCE: PostgreSQL 13+; older servers get the plain form)
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch((/** @type {any} */ e) => {
            if (e?.code !== "42601") throw e;
            return c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
          });
        } finally {
          await c.end();
        }
      };
      cleanups.add(drop);
      shadow.dispose = drop;
      return shadow;
    },
    /** Drops any shadow database the engine did not dispose of. */
    close: async () => {
      for (const drop of [...cleanups]) await drop().catch(() => {});
    },
  };
  return factory;
}
