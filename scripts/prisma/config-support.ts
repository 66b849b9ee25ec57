/**
 * The logic behind prisma.config.ts, kept here so that tests can run it.
 *
 * - Database: `DATABASE_URL` unset or `file:` → SQLite (`prisma/schema.prisma`,
 *   `prisma/migrations`); `postgresql://` / `postgres://` → PostgreSQL
 *   (`prisma/postgres/schema.prisma`, `prisma/postgres/migrations`).
 * - SQLite URL rule: a relative `file:./x` is resolved against the project root
 *   (the directory of prisma.config.ts) and handed to Prisma as an absolute
 *   `file:/abs/x`; the directory is created when missing. lib/db.ts resolves it
 *   against the working directory, which is the root when the app runs.
 * - Schema engine: when no native `schema-engine` binary is installed and the
 *   user has not chosen one (PRISMA_SCHEMA_ENGINE_BINARY), point the CLI at the
 *   wasm bridge in `scripts/prisma/engine-bridge/`.
 */
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_SQLITE_URL = "file:./data/levelset.db";
export const SCHEMA_ENGINE_ENV = "PRISMA_SCHEMA_ENGINE_BINARY";
const LEGACY_SCHEMA_ENGINE_ENV = "PRISMA_MIGRATION_ENGINE_BINARY";
const BRIDGE = path.join("scripts", "prisma", "engine-bridge", "schema-engine.mjs");

export type Provider = "sqlite" | "postgresql";
/** Environment variables (`process.env` or a test's own object). */
export type Env = Record<string, string | undefined>;

export function providerOf(url: string | undefined): Provider {
  return url && /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** `file:./x` → `file:<root>/x`; other URLs unchanged. */
export function resolveDatabaseUrl(url: string | undefined, root: string): string {
  const value = url?.trim() || DEFAULT_SQLITE_URL;
  if (providerOf(value) === "postgresql") return value;
  if (!/^file:/i.test(value)) throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got: ${value}`);
  const [file = "", query] = value.replace(/^file:/i, "").split("?", 2);
  const absolute = path.resolve(root, file);
  return `file:${absolute}${query ? `?${query}` : ""}`;
}

/** Paths Prisma's CLI searches for a downloaded native engine (see `@prisma/engines`). */
export function nativeEngineDirs(root: string): string[] {
  return [path.join(root, "node_modules", "@prisma", "engines"), path.join(root, "node_modules", "prisma")];
}

/** A downloaded native `schema-engine-<platform>` binary, if any. */
export function findNativeSchemaEngine(root: string): string | undefined {
  for (const dir of nativeEngineDirs(root)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const hit = names.find((n) => /^schema-engine-(?!wasm)[\w.-]+$/.test(n) && !/\.(gz|sha256|tmp|lock)$/.test(n));
    if (hit) return path.join(dir, hit);
  }
  return undefined;
}

export function bridgePath(root: string): string {
  return path.join(root, BRIDGE);
}

export type EngineChoice =
  | { kind: "user"; path: string }
  | { kind: "native"; path: string }
  | { kind: "bridge"; path: string };

/**
 * Which schema engine the CLI will use. Sets `PRISMA_SCHEMA_ENGINE_BINARY` in
 * `env` only for the bridge; a user's own setting or a native engine wins.
 */
export function selectSchemaEngine(root: string, env: Env = process.env): EngineChoice {
  const bridge = bridgePath(root);
  const chosen = env[SCHEMA_ENGINE_ENV] || env[LEGACY_SCHEMA_ENGINE_ENV];
  if (chosen && path.resolve(root, chosen) !== bridge) return { kind: "user", path: chosen };
  const native = findNativeSchemaEngine(root);
  if (native) {
    if (chosen) delete env[SCHEMA_ENGINE_ENV]; // inherited from a parent run that used the bridge
    return { kind: "native", path: native };
  }
  env[SCHEMA_ENGINE_ENV] = bridge;
  return { kind: "bridge", path: bridge };
}

export type PrismaSetup = {
  provider: Provider;
  url: string;
  schema: string;
  migrations: string;
  engine: EngineChoice;
};

/** Everything prisma.config.ts needs, with its side effects (env, data directory). */
export function prismaSetup(root: string, env: Env = process.env): PrismaSetup {
  env.CHECKPOINT_DISABLE ??= "1";
  const url = resolveDatabaseUrl(env.DATABASE_URL, root);
  const provider = providerOf(url);
  if (provider === "sqlite") {
    const file = url.replace(/^file:/i, "").split("?")[0] ?? "";
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const base = provider === "sqlite" ? "prisma" : path.join("prisma", "postgres");
  return {
    provider,
    url,
    schema: path.join(root, base, "schema.prisma"),
    migrations: path.join(root, base, "migrations"),
    engine: selectSchemaEngine(root, env),
  };
}
