#!/usr/bin/env node
// @ts-check
/**
 * Stand-in for Prisma's native `schema-engine` binary, backed by
 * @prisma/schema-engine-wasm. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY
 * here when no native engine is installed. Invocations (as the CLI makes them):
 *   schema-engine --version
 *   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database
 *   schema-engine [--datamodels FILE]… [--datasource JSON]   (JSON-RPC on stdin/stdout)
 */
import { parseArgs } from "node:util";

process.env.CHECKPOINT_DISABLE ??= "1";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
    version: { type: "boolean", short: "V" },
    help: { type: "boolean", short: "h" },
  },
});

/** @param {string} level @param {Record<string, unknown>} fields */
const logLine = (level, fields) =>
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" })}\n`);

const baseDir = process.cwd();
/** @type {{ url?: string, shadowDatabaseUrl?: string } | undefined} */
const datasource = typeof values.datasource === "string" ? JSON.parse(values.datasource) : undefined;

if (values.version) {
  const { schemaEngineWasmVersion } = await import("./wasm.mjs");
  process.stdout.write(`schema-engine-cli ${schemaEngineWasmVersion()} (wasm bridge)\n`);
} else if (values.help) {
  process.stdout.write("Prisma schema engine bridge (wasm). See scripts/prisma/engine-bridge/README.md\n");
} else if (positionals[0] === "cli") {
  const { canConnectToDatabase, createDatabase } = await import("./database.mjs");
  const command = positionals[1];
  // The CLI skips the first stderr line and parses the others as JSON logs.
  logLine("INFO", { message: `Starting schema engine bridge CLI: ${command}` });
  try {
    if (!datasource?.url) throw Object.assign(new Error("No datasource URL given (--datasource)."), { code: "P1012" });
    if (command === "can-connect-to-database") await canConnectToDatabase(datasource.url, baseDir);
    else if (command === "create-database") {
      const name = await createDatabase(datasource.url, baseDir);
      process.stdout.write(`Database '${name}' was successfully created.\n`);
    } else throw new Error(`Unknown cli command: ${command}`);
  } catch (error) {
    const e = /** @type {{ code?: string, message: string }} */ (error);
    logLine("ERROR", { message: e.message, error_code: e.code ?? "P1000" });
    process.exitCode = 1;
  }
} else {
  const { serve } = await import("./server.mjs");
  await serve({ datamodels: /** @type {string[]} */ (values.datamodels ?? []), datasource, baseDir });
}
