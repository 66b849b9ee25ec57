import { describe, expect, it } from "vitest";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { decisionCountsSql, listDecisionLog, parseLogFilters } from "@/lib/dal/decision-log";
import { createUserWithTeam } from "@/lib/dal/users";
import { getDb, sqliteFilePath } from "@/lib/db";
import { withFreshDatabase } from "@/lib/testing/test-db";

withFreshDatabase();

/**
 * SQLite only (CI's PostgreSQL run leaves this file out).
 *
 * The decision log's queries must stay index-backed as a team's log grows: the
 * first page, a review-due filter and the per-team counts use the
 * (teamId, …) indexes instead of scanning every decision in the database.
 */
async function plan(sql: string): Promise<string> {
  const rows = await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((r) => r.detail).join("\n");
}

/** The SQL statements (with their parameters) `run` sends through the DAL's client. */
async function statementsOf(run: () => Promise<void>): Promise<{ sql: string; params: unknown[] }[]> {
  const sent: { sql: string; params: unknown[] }[] = [];
  const logging = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(process.env.DATABASE_URL!)}` }),
    log: [{ emit: "event", level: "query" }],
  });
  logging.$on("query", (e) => sent.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
  const global = globalThis as { levelsetPrisma?: PrismaClient };
  const original = global.levelsetPrisma;
  global.levelsetPrisma = logging;
  try {
    await run();
  } finally {
    global.levelsetPrisma = original;
    await logging.$disconnect();
  }
  return sent;
}

describe("decision log query plans", () => {
  it("the first page walks the team's updatedAt index, newest first", async () => {
    const detail = await plan(
      `SELECT id FROM "Decision" WHERE "teamId" = 'x' AND "status" <> 'archived' ORDER BY "updatedAt" DESC, "id" DESC LIMIT 26`,
    );
    expect(detail).toMatch(/USING INDEX Decision_teamId_(status_)?updatedAt_/);
    expect(detail).not.toMatch(/SCAN "?Decision"?\s*$/m);
  });

  it("a filtered search walks the team's updatedAt index that holds the search text, status and final level", async () => {
    // The statement listDecisionLog sends, as Prisma writes it: SQLite's choice of index depends on its shape.
    const sent = await statementsOf(async () => {
      const { user, teamSlug } = await createUserWithTeam({ name: "Plan Person", email: "plan@dal.test", password: "a-long-enough-password" });
      await listDecisionLog({ userId: user.id }, teamSlug, parseLogFilters({ q: "refunds policy", final: "prompt" }));
    });
    const search = sent.find((q) => q.sql.includes("LIKE"));
    expect(search, sent.map((q) => q.sql).join("\n")).toBeDefined();
    const rows = await getDb().$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${search!.sql}`, ...search!.params);
    const detail = rows.map((r) => r.detail).join("\n");
    expect(detail).toMatch(/USING INDEX Decision_teamId_updatedAt_status_finalLevel_searchText_idx \(teamId=\?\)/);
    expect(detail).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("decisions due for review use the team + reviewBy index", async () => {
    const detail = await plan(
      `SELECT id FROM "Decision" WHERE "teamId" = 'x' AND "status" = 'decided' AND "reviewBy" <= '2030-01-01' ORDER BY "reviewBy" ASC LIMIT 5`,
    );
    expect(detail).toMatch(/USING INDEX Decision_teamId_(reviewBy|status_updatedAt)_idx/);
  });

  it("a decision's audit trail is found through the decision, not by walking the team's whole trail", async () => {
    const detail = await plan(
      `SELECT id FROM "AuditEvent" WHERE "decisionId" = 'd' AND "teamId" = 't' ORDER BY "createdAt" DESC, "id" DESC LIMIT 100`,
    );
    expect(detail).toMatch(/USING INDEX AuditEvent_decisionId_teamId_createdAt_idx \(decisionId=\? AND teamId=\?\)/);
  });

  it("the team page's counts by final level and per month come from one covering index, not the decisions' rows", async () => {
    const byLevel = await plan(`SELECT "finalLevel", COUNT(*) FROM "Decision" WHERE "teamId" = 'x' AND "status" = 'decided' GROUP BY "finalLevel"`);
    expect(byLevel).toMatch(/USING COVERING INDEX Decision_teamId_status_finalLevel_decidedAt_idx/);
    const perMonth = await plan(
      `SELECT substr("decidedAt", 1, 7), "finalLevel", COUNT(*) FROM "Decision" WHERE "teamId" = 'x' AND "status" IN ('decided', 'superseded')
       AND substr("decidedAt", 1, 7) >= '2026-01' GROUP BY 1, 2`,
    );
    expect(perMonth).toMatch(/USING COVERING INDEX Decision_teamId_status_finalLevel_decidedAt_idx/);
  });

  it("the team page's counts check the membership once, not once per decision", async () => {
    const sql = decisionCountsSql("t", "u", new Date("2030-01-01T00:00:00Z"));
    const rows = await getDb().$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
    const detail = rows.map((r) => r.detail).join("\n");
    expect(detail).toMatch(/SEARCH m (EXISTS )?USING COVERING INDEX Membership_teamId_userId_key/);
    // A correlated subquery runs for every row of a large team (the cost Prisma's relation filter had here).
    expect(detail).not.toMatch(/CORRELATED/);
    expect(detail).not.toMatch(/SCAN d\b/);
  });

  it("a filtered count stays within one team", async () => {
    const detail = await plan(`SELECT COUNT(*) FROM "Decision" WHERE "teamId" = 'x' AND "finalLevel" = 'prompt'`);
    expect(detail).toMatch(/USING (COVERING )?INDEX Decision_teamId/);
  });
});

describe("SQLite connection settings", () => {
  it("uses WAL, a busy timeout of at least 5 s, and enforces foreign keys", async () => {
    const db = getDb();
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [timeout] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(journal?.journal_mode).toBe("wal");
    expect(Number(timeout?.timeout)).toBeGreaterThanOrEqual(5000);
    expect(Number(fk?.foreign_keys)).toBe(1);
  });
});
