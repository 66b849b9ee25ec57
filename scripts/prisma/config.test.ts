/** prisma.config.ts logic: database selection, SQLite path rule, and when the bridge steps aside. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { bridgePath, type Env, prismaSetup, resolveDatabaseUrl, selectSchemaEngine, SCHEMA_ENGINE_ENV } from "./config-support";
import { ROOT } from "./generate-postgres-schema";
import { runPrisma } from "./run-prisma";

const temps: string[] = [];
function tempRoot(nativeEngineIn?: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-config-"));
  temps.push(root);
  if (nativeEngineIn) {
    fs.mkdirSync(path.join(root, nativeEngineIn), { recursive: true });
    fs.writeFileSync(path.join(root, nativeEngineIn, "schema-engine-debian-openssl-3.0.x"), "");
  }
  return root;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("database selection", () => {
  it("defaults to SQLite at <root>/data/levelset.db and creates data/", () => {
    const root = tempRoot();
    const env: Env = {};
    const setup = prismaSetup(root, env);
    expect(setup).toMatchObject({
      provider: "sqlite",
      url: `file:${path.join(root, "data", "levelset.db")}`,
      schema: path.join(root, "prisma", "schema.prisma"),
      migrations: path.join(root, "prisma", "migrations"),
    });
    expect(fs.statSync(path.join(root, "data")).isDirectory()).toBe(true);
    expect(env.CHECKPOINT_DISABLE).toBe("1");
  });

  it("resolves relative file: URLs against the project root, not the working directory", () => {
    expect(resolveDatabaseUrl("file:./x/y.db", "/srv/app")).toBe("file:/srv/app/x/y.db");
    expect(resolveDatabaseUrl("file:y.db?mode=ro", "/srv/app")).toBe("file:/srv/app/y.db?mode=ro");
    expect(resolveDatabaseUrl("file:/abs/z.db", "/srv/app")).toBe("file:/abs/z.db");
    expect(() => resolveDatabaseUrl("mysql://x", "/srv/app")).toThrow(/DATABASE_URL/);
  });

  it("picks the PostgreSQL schema and migrations for postgres(ql):// URLs", () => {
    const root = tempRoot();
    for (const url of ["postgresql://u@h:5432/db", "postgres://u@h/db"]) {
      expect(prismaSetup(root, { DATABASE_URL: url })).toMatchObject({
        provider: "postgresql",
        url,
        schema: path.join(root, "prisma", "postgres", "schema.prisma"),
        migrations: path.join(root, "prisma", "postgres", "migrations"),
      });
    }
  });
});

describe("schema engine selection", () => {
  it("points PRISMA_SCHEMA_ENGINE_BINARY at the bridge when no native engine exists", () => {
    const root = tempRoot();
    const env: Env = {};
    expect(selectSchemaEngine(root, env)).toEqual({ kind: "bridge", path: bridgePath(root) });
    expect(env[SCHEMA_ENGINE_ENV]).toBe(bridgePath(root));
  });

  it.each(["node_modules/@prisma/engines", "node_modules/prisma"])("steps aside for a downloaded engine in %s", (dir) => {
    const root = tempRoot(dir);
    const env: Env = {};
    expect(selectSchemaEngine(root, env)).toEqual({ kind: "native", path: path.join(root, dir, "schema-engine-debian-openssl-3.0.x") });
    expect(env[SCHEMA_ENGINE_ENV]).toBeUndefined();
  });

  it("steps aside when the user chose an engine", () => {
    const root = tempRoot();
    const env: Env = { [SCHEMA_ENGINE_ENV]: "/opt/prisma/schema-engine" };
    expect(selectSchemaEngine(root, env)).toEqual({ kind: "user", path: "/opt/prisma/schema-engine" });
    expect(env[SCHEMA_ENGINE_ENV]).toBe("/opt/prisma/schema-engine");
  });

  it("a bridge setting inherited from a parent run yields to a native engine", () => {
    const root = tempRoot("node_modules/@prisma/engines");
    const env: Env = { [SCHEMA_ENGINE_ENV]: bridgePath(root) };
    expect(selectSchemaEngine(root, env).kind).toBe("native");
    expect(env[SCHEMA_ENGINE_ENV]).toBeUndefined();
  });

  it("the real CLI uses the user's engine, not the bridge, when one is selected", () => {
    const dir = tempRoot();
    const fake = path.join(dir, "fake-schema-engine");
    fs.writeFileSync(fake, "#!/bin/sh\necho 'schema-engine-cli fake-native-engine'\n", { mode: 0o755 });
    const r = runPrisma(["version"], { cwd: ROOT, env: { [SCHEMA_ENGINE_ENV]: fake, DATABASE_URL: `file:${path.join(dir, "x.db")}` } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/fake-native-engine/);
    expect(r.stdout).not.toMatch(/wasm bridge/);
  });
});
