// @ts-check
/**
 * The long-lived engine process: newline-delimited JSON-RPC 2.0 on
 * stdin/stdout, JSON log lines on stderr, served by the wasm engine.
 * Fixes here (numbers refer to TOOLCHAIN.md "Prisma 7 offline"):
 *  1. P1014 on a brand-new database → create `_prisma_migrations`, retry;
 *  3. `reset` on SQLite really drops everything;
 *  4. `diff` output is sent to the CLI as a `print` request;
 *  7. "External error id#N" is expanded from the adapter's error registry.
 */
import fs from "node:fs";
import readline from "node:readline";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

import { createAdapterFactory, providerOf, withDatabase } from "./adapters.mjs";
import { canConnectToDatabase, createDatabase, emptySqliteDatabase, EngineError } from "./database.mjs";
import { loadSchemaEngineWasm, panicRegistry } from "./wasm.mjs";

/** JSON-RPC method → wasm engine method, where the names differ. */
const METHOD_ALIASES = { getDatabaseVersion: "version" };

/**
 * @param {{ datamodels: string[], datasource?: { url?: string, shadowDatabaseUrl?: string }, baseDir: string }} options
 */
export async function serve({ datamodels, datasource, baseDir }) {
  /** @param {unknown} message */
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  /** @param {string} level @param {string} message @param {Record<string, unknown>} [fields] */
  const log = (level, message, fields = {}) =>
    process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: "schema_engine::bridge" })}\n`);

  /** @type {{ engine: any, factory: any } | undefined} */
  let state;
  /** @type {import("@prisma/driver-adapter-utils").ErrorCapturingSqlMigrationAwareDriverAdapterFactory | undefined} */
  let bound; // its error registry holds the driver errors behind "External error id#N"
  /** @param {{ url: string, shadowDatabaseUrl?: string }} source */
  const startWith = async (source) => {
    const wasm = await loadSchemaEngineWasm();
    const factory = createAdapterFactory(source, baseDir);
    bound = bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (factory));
    const files = datamodels.map((file) => /** @type {[string, string]} */ ([file, fs.readFileSync(file, "utf8")]));
    const onLog = (/** @type {string} */ line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
    const engine = await wasm.SchemaEngine.new({ datamodels: files.length > 0 ? files : undefined }, onLog, bound);
    return { engine, factory };
  };
  /** The wasm engine connects to the database as it starts (the native one connects lazily). */
  const start = async (/** @type {boolean} */ needsMainDatabase) => {
    if (state) return state;
    const url = datasource?.url ?? (await fallbackUrl(datamodels));
    try {
      state = await startWith({ ...datasource, url });
    } catch (error) {
      // `migrate diff` between schemas/migrations must work before the database exists: start on
      // the server's maintenance database instead (the shadow database is created on the server).
      if (needsMainDatabase || providerOf(url) !== "postgres" || !(await databaseMissing(url, baseDir))) throw error;
      log("INFO", "Main database does not exist yet; serving this request from the server's `postgres` database");
      state = await startWith({ ...datasource, url: withDatabase(url, "postgres") });
    }
    return state;
  };

  // Requests the bridge sends to the CLI (only `print`), awaiting its answer.
  let nextOutgoingId = 1;
  /** @type {Map<number, () => void>} */
  const outgoing = new Map();
  /** @param {string} content */
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++;
      outgoing.set(id, () => resolve(undefined));
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  /** @param {string} method @param {any} params */
  const call = async (method, params) => {
    if (method === "createDatabase") {
      const url = params?.datasource?.url ?? datasource?.url;
      return { databaseName: await createDatabase(url, baseDir) };
    }
    const { engine, factory } = await start(!(method === "diff" && [params?.from, params?.to].every(isOfflineDiffTarget)));
    const name = /** @type {Record<string, string>} */ (METHOD_ALIASES)[method] ?? method;
    if (typeof engine[name] !== "function") throw new EngineError("P1000", `The schema engine bridge does not support \`${method}\`.`);

    let result;
    try {
      result = await engine[name](params);
    } catch (error) {
      // Fix 1: the wasm engine's diagnostics need `_prisma_migrations`; applying no migrations creates it.
      if (/** @type {any} */ (error)?.code !== "P1014" || !params?.migrationsList || name === "applyMigrations") throw error;
      log("INFO", "Creating _prisma_migrations (P1014 on a new database), then retrying");
      await engine.applyMigrations({ migrationsList: { ...params.migrationsList, migrationDirectories: [] }, filters: params.filters ?? { externalTables: [], externalEnums: [] } });
      result = await engine[name](params);
    }
    // Fix 3
    if (name === "reset" && factory.provider === "sqlite") emptySqliteDatabase(factory.file);
    // Fix 4
    if (name === "diff" && typeof result?.stdout === "string") {
      await print(result.stdout);
      result = { ...result, stdout: null };
    }
    return result ?? {};
  };

  /** Fix 7: turn "External error id#N" into the driver's own message. */
  const expand = (/** @type {string} */ message) =>
    message.replace(/External error id#(\d+)/g, (whole, id) => {
      const record = bound?.errorRegistry.consumeError(Number(id));
      const original = /** @type {any} */ (record?.error);
      return original ? `${original.message ?? String(original)}${original.code ? ` (code ${original.code})` : ""}` : whole;
    });

  /** @param {unknown} error */
  const toRpcError = (error) => {
    const e = /** @type {any} */ (error);
    const isPanic = error instanceof WebAssembly.RuntimeError;
    const message = expand(isPanic && panicRegistry.message ? panicRegistry.message : String(e?.message ?? e));
    if (isPanic) log("ERROR", message, { is_panic: true });
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: isPanic, message, error_code: typeof e?.code === "string" ? e.code : undefined, meta: e?.meta ?? {}, error: { message } },
    };
  };

  // A wasm panic can surface outside any request (in a queued task): report it like the native engine.
  process.on("uncaughtException", (error) => {
    const message = panicRegistry.message || String(error?.stack ?? error);
    log("ERROR", message, { is_panic: true });
    process.exit(101);
  });

  // Requests are served one at a time, in order; answers to our own requests are handled at once.
  let queue = Promise.resolve();
  let panicked = false;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    /** @type {any} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined && outgoing.has(message.id)) {
      outgoing.get(message.id)?.();
      outgoing.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      try {
        send({ jsonrpc: "2.0", id: message.id, result: await call(message.method, message.params) });
      } catch (error) {
        panicked ||= error instanceof WebAssembly.RuntimeError;
        send({ jsonrpc: "2.0", id: message.id, error: toRpcError(error) });
      }
    });
  });

  await new Promise((resolve) => lines.once("close", () => resolve(undefined)));
  await queue;
  await state?.factory.close();
  process.exit(panicked ? 101 : 0);
}

/** Diff sides that never read the main database. */
const isOfflineDiffTarget = (/** @type {{ tag?: string } | undefined} */ target) =>
  ["empty", "schemaDatamodel", "migrations"].includes(target?.tag ?? "");

/** @param {string} url @param {string} baseDir */
async function databaseMissing(url, baseDir) {
  try {
    await canConnectToDatabase(url, baseDir);
    return false;
  } catch (error) {
    return /** @type {any} */ (error)?.code === "P1003";
  }
}

/** Without a datasource URL (e.g. `migrate diff` between two schema files) the engine still needs an adapter. */
async function fallbackUrl(/** @type {string[]} */ datamodels) {
  const text = datamodels.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  const provider = text.match(/datasource\s+\w+\s*\{[^}]*provider\s*=\s*"(\w+)"/)?.[1];
  if (provider === "sqlite" || provider === undefined) return "file::memory:";
  throw new EngineError("P1012", `No datasource URL: set datasource.url in prisma.config.ts for provider "${provider}".`);
}
