import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { databaseProvider } from "@/lib/env";
import { withFreshDatabase } from "@/lib/testing/test-db";

import { listDecisionLog, parseLogFilters, rankedMatchesSql } from "./decision-log";
import { createUserWithTeam } from "./users";

withFreshDatabase();

/** The decision log's full-text search, on whichever database DATABASE_URL names (CI runs both). */
describe("full-text search of the decision log", () => {
  it("ranks the best match first, finds prefixes, and never shows another team's decisions", async () => {
    const owner = await createUserWithTeam({ name: "Rank Person", email: "rank@dal.test", password: "a-long-enough-password" });
    const other = await createUserWithTeam({ name: "Other Person", email: "other-rank@dal.test", password: "a-long-enough-password" });
    const make = async (teamSlug: string, title: string, text: string) => {
      const team = await getDb().team.findFirstOrThrow({ where: { slug: teamSlug } });
      return getDb().decision.create({
        data: { teamId: team.id, title, context: "", participants: [], rubricVersion: "v1", answers: {}, notes: {}, searchText: text },
      });
    };
    await make(owner.teamSlug, "Mentions refunds once", "mentions refunds once among many other words about billing and invoices");
    await make(owner.teamSlug, "All about refunds", "refunds refunds refunds");
    await make(owner.teamSlug, "Unrelated", "contract clauses");
    await make(other.teamSlug, "Other team's refunds", "refunds refunds refunds refunds");
    const page = await listDecisionLog({ userId: owner.user.id }, owner.teamSlug, parseLogFilters({ q: "refund" }));
    expect(page.items.map((d) => d.title)).toEqual(["All about refunds", "Mentions refunds once"]);
    expect(page.capped).toBe(false);
    // An explicit sort still applies to the matches only.
    const byTitle = await listDecisionLog({ userId: owner.user.id }, owner.teamSlug, parseLogFilters({ q: "refund", sort: "title" }));
    expect(byTitle.items.map((d) => d.title)).toEqual(["All about refunds", "Mentions refunds once"]);
    // Query syntax of either database is neither an error nor an operator: symbols alone match nothing and are left out.
    expect((await listDecisionLog({ userId: owner.user.id }, owner.teamSlug, parseLogFilters({ q: "refunds & !' | :*" }))).items.map((d) => d.title)).toEqual([
      "All about refunds",
      "Mentions refunds once",
    ]);
    expect((await listDecisionLog({ userId: owner.user.id }, owner.teamSlug, parseLogFilters({ q: "\"it's\"" }))).items).toEqual([]);
    // Every word must match.
    expect((await listDecisionLog({ userId: owner.user.id }, owner.teamSlug, parseLogFilters({ q: "refunds billing" }))).items.map((d) => d.title)).toEqual([
      "Mentions refunds once",
    ]);
  });

  it("pages through ranked matches with the cursor, without repeats", async () => {
    const owner = await createUserWithTeam({ name: "Page Person", email: "page-rank@dal.test", password: "a-long-enough-password" });
    const team = await getDb().team.findFirstOrThrow({ where: { slug: owner.teamSlug } });
    for (let i = 0; i < 5; i++) {
      await getDb().decision.create({
        data: { teamId: team.id, title: `Pager ${i}`, context: "", participants: [], rubricVersion: "v1", answers: {}, notes: {}, searchText: `pager ${"x ".repeat(i)}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDecisionLog({ userId: owner.user.id }, owner.teamSlug, parseLogFilters({ q: "pager", ...(cursor ? { cursor } : {}) }), { take: 2 });
      seen.push(...page.items.map((d) => d.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it.runIf(databaseProvider(process.env.DATABASE_URL) === "postgresql")("PostgreSQL: the search can use the GIN index over the text's tsvector", async () => {
    // The search's condition as rankedMatchesSql writes it; a real team's decisions are narrowed by it or by the team, whichever
    // the planner finds more selective. A test database is tiny: without seqscans forbidden, the planner would scan it.
    expect(rankedMatchesSql("t", "u", ["refunds"], 1).sql).toContain(`to_tsvector('simple', d."searchText") @@`);
    const plan = await getDb().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT d."id" FROM "Decision" d WHERE to_tsvector('simple', d."searchText") @@ to_tsquery('simple', ${"'refunds':*"})`;
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n"), plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Bitmap Index Scan on "?Decision_searchText_fts_idx"?/);
  });
});
