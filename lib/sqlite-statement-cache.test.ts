import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

import { ConfiguredSqliteAdapter } from "@/lib/db";

import { cachePreparedStatements, statementCacheStats } from "./sqlite-statement-cache";

const open: { close(): unknown }[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function memoryDb(limit?: number) {
  const db = new Database(":memory:");
  open.push(db);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');");
  cachePreparedStatements(db, limit);
  return db;
}

describe("cachePreparedStatements", () => {
  it("prepares each SQL text once, and every use runs with its own parameters", () => {
    const db = memoryDb();
    const sql = "SELECT name FROM t WHERE id = ?";
    const first = db.prepare(sql).bind([1]);
    const second = db.prepare(sql).bind([2]);
    expect(second.get()).toEqual({ name: "two" });
    expect(first.get()).toEqual({ name: "one" });
    expect(db.prepare(sql).get(3)).toEqual({ name: "three" });
    expect(statementCacheStats(db)).toMatchObject({ prepared: 1, reused: 2 });
  });

  it("keeps raw mode to the use that asked for it", () => {
    const db = memoryDb();
    const sql = "SELECT id, name FROM t ORDER BY id";
    expect(db.prepare(sql).raw().all()).toEqual([
      [1, "one"],
      [2, "two"],
      [3, "three"],
    ]);
    expect(db.prepare(sql).all()[0]).toEqual({ id: 1, name: "one" });
  });

  it("runs writes, and reads see them", () => {
    const db = memoryDb();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    expect(db.prepare(insert).bind([4, "four"]).run()).toMatchObject({ changes: 1 });
    db.prepare(insert).bind([5, "five"]).run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({ n: 5 });
  });

  it("holds at most `limit` statements, dropping the least recently used", () => {
    const db = memoryDb(2);
    const a = "SELECT 1 AS a";
    const b = "SELECT 2 AS b";
    const c = "SELECT 3 AS c";
    db.prepare(a).get();
    db.prepare(b).get();
    db.prepare(a).get(); // a is now the most recent
    db.prepare(c).get(); // drops b
    expect(statementCacheStats(db)?.size()).toBe(2);
    db.prepare(a).get();
    expect(statementCacheStats(db)).toMatchObject({ prepared: 3, reused: 2 });
    db.prepare(b).get();
    expect(statementCacheStats(db)).toMatchObject({ prepared: 4 });
  });
});

describe("the app's SQLite adapter", () => {
  it("reuses the statements Prisma sends", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "levelset-stmt-"));
    const adapter = await new ConfiguredSqliteAdapter({ url: `file:${path.join(dir, "x.db")}` }).connect();
    try {
      // Prisma's adapter keeps its connection as `client`; if that ever changes, this fails.
      const client = (adapter as unknown as { client: object }).client;
      expect(statementCacheStats(client)).toBeDefined();
      const query = { sql: "SELECT ? AS n", args: [7], argTypes: [{ scalarType: "int", arity: "scalar" }] } as const;
      for (let i = 0; i < 3; i++) {
        const result = await adapter.queryRaw(query as unknown as Parameters<typeof adapter.queryRaw>[0]);
        expect(result.rows).toEqual([[7]]);
      }
      expect(statementCacheStats(client)).toMatchObject({ prepared: 1, reused: 2 });
    } finally {
      await adapter.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
