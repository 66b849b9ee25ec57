import { describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { decisionCountsSql, listDecisionLog, parseLogFilters, rankedMatchesSql } from "@/lib/dal/decision-log";
import { createUserWithTeam } from "@/lib/dal/users";
import { getDb } from "@/lib/db";
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

describe("decision log query plans", () => {
  it("the first page walks the team's updatedAt index, newest first", async () => {
    const detail = await plan(
      `SELECT id FROM "Decision" WHERE "teamId" = 'x' AND "status" <> 'archived' ORDER BY "updatedAt" DESC, "id" DESC LIMIT 26`,
    );
    expect(detail).toMatch(/USING INDEX Decision_teamId_(status_)?updatedAt_/);
    expect(detail).not.toMatch(/SCAN "?Decision"?\s*$/m);
  });

  it("a search reads the full-text index, then each hit's decision by rowid, with the membership checked once", async () => {
    const sql = rankedMatchesSql("t", "u", ["refunds", "policy"], 5001);
    const rows = await getDb().$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
    const detail = rows.map((r) => r.detail).join("\n");
    expect(detail).toMatch(/SCAN s VIRTUAL TABLE INDEX/);
    expect(detail).toMatch(/SEARCH d USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(detail).not.toMatch(/CORRELATED/);
    expect(detail).not.toMatch(/SCAN d\b/);
  });

  it("the search finds words by prefix, whatever a user types, and keeps the index in step with every write", async () => {
    const { user, teamSlug } = await createUserWithTeam({ name: "Search Person", email: "search@dal.test", password: "a-long-enough-password" });
    const team = await getDb().team.findFirstOrThrow({ where: { slug: teamSlug } });
    const make = (title: string) =>
      getDb().decision.create({
        data: { teamId: team.id, title, context: "", participants: [], rubricVersion: "v1", answers: {}, notes: {}, searchText: title.toLowerCase() },
      });
    const a = await make("Refunds policy bot");
    await make("Contract clauses");
    const find = async (q: string) => (await listDecisionLog({ userId: user.id }, teamSlug, parseLogFilters({ q }))).items.map((d) => d.title);
    expect(await find("refund")).toEqual(["Refunds policy bot"]);
    expect(await find('"refunds" OR * NEAR(')).toEqual([]); // query syntax is text, not an error
    await getDb().decision.update({ where: { id: a.id }, data: { searchText: "renamed entirely" } });
    expect(await find("refund")).toEqual([]);
    expect(await find("renamed")).toEqual(["Refunds policy bot"]);
    await getDb().decision.delete({ where: { id: a.id } });
    expect(await find("renamed")).toEqual([]);
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
