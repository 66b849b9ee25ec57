// @ts-check
/**
 * Loads @prisma/schema-engine-wasm. Its entry point does `import * as wasm from
 * "./schema_engine_bg.wasm"`, which Node 20 cannot load, so the .wasm file is
 * instantiated here and handed to the generated bindings.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Where the engine's panic hook leaves the panic message (it expects this global). */
export const panicRegistry = {
  message: "",
  /** @param {string} message */
  set_message(message) {
    this.message = message;
  },
};

/** @type {Promise<typeof import("@prisma/schema-engine-wasm")> | undefined} */
let loaded;

/** Loads the module once per process. */
export function loadSchemaEngineWasm() {
  loaded ??= instantiate();
  return loaded;
}

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} */
async function instantiate() {
  /** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(bindingsPath);
  const bytes = await readFile(bindingsPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {any} */ (instance.exports).__wbindgen_start();
  return bindings;
}

/** The engine's version (its git hash), read without loading the wasm module. */
export function schemaEngineWasmVersion() {
  /** @type {{ version: string }} */
  const pkg = JSON.parse(
    require("node:fs").readFileSync(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/schema_engine_bg\.js$/, "package.json"), "utf8"),
  );
  return pkg.version.split(".").at(-1) ?? pkg.version;
}
