import "server-only";

import { z } from "zod";

import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { ftsMatchQuery, searchWords, tsPrefixQuery } from "@/lib/decisions/search";
import { databaseProvider } from "@/lib/env";
import { LEVELS } from "@/lib/rubric";

import type { Actor } from "./actor";
import { DECISION_STATUSES, type DecisionListItem } from "./decisions";
import { getTeamForMember } from "./teams";

/**
 * The team's decision log: search, filters, sort and cursor pagination, all
 * from URL search params so a filtered view can be shared. Every query is
 * scoped to the actor's team (membership checked first).
 */

const DUE_WINDOW_DAYS = 14;
export const PAGE_SIZE = 25;
/** `relevance`: best full-text match first (ties and a log without a search: recently updated first). */
export const SORTS = ["relevance", "updated", "created", "title", "review"] as const;
/** A search ranks at most this many matches of a team; the page says when there were more. */
export const MAX_RANKED_MATCHES = 5000;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
const isoDate = z.iso.date().optional().or(z.literal("").transform(() => undefined));

export const logFiltersSchema = z.object({
  q: optionalText,
  status: z.enum(DECISION_STATUSES).optional().or(z.literal("").transform(() => undefined)),
  rec: z.enum(LEVELS).optional().or(z.literal("").transform(() => undefined)),
  final: z.enum(LEVELS).optional().or(z.literal("").transform(() => undefined)),
  owner: optionalText,
  due: z
    .enum(["1", "on", "true"])
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => (v ? true : undefined)),
  from: isoDate,
  to: isoDate,
  sort: z.enum(SORTS).optional().or(z.literal("").transform(() => undefined)),
  cursor: optionalText,
});
export type LogFilters = z.output<typeof logFiltersSchema>;

/** Search params → filters; anything malformed is dropped rather than failing the page. */
export function parseLogFilters(params: Record<string, string | string[] | undefined>): LogFilters {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === "string") flat[k] = v;
  const parsed = logFiltersSchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(logFiltersSchema.shape) as (keyof typeof logFiltersSchema.shape)[]) {
    const one = logFiltersSchema.shape[key].safeParse(flat[key]);
    if (one.success) out[key] = one.data;
  }
  return out as LogFilters;
}

function dueBefore(now: Date) {
  return new Date(now.getTime() + DUE_WINDOW_DAYS * 24 * 3600 * 1000);
}

/** `matches`: the ids a full-text search found (the caller ranks them), or undefined without a search. */
function whereOf(teamId: string, actor: Actor, f: LogFilters, now: Date, matches?: readonly string[]): Prisma.DecisionWhereInput {
  const and: Prisma.DecisionWhereInput[] = [
    { teamId, team: { memberships: { some: { userId: actor.userId } } } },
    f.status ? { status: f.status } : { status: { not: "archived" } },
  ];
  if (matches) and.push({ id: { in: [...matches] } });
  if (f.rec) and.push({ recommendedLevel: f.rec });
  if (f.final) and.push({ finalLevel: f.final });
  if (f.owner) and.push({ ownerId: f.owner });
  if (f.due) and.push({ status: "decided", reviewBy: { lte: dueBefore(now) } });
  if (f.from) and.push({ updatedAt: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ updatedAt: { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000) } });
  return { AND: and };
}

function orderOf(sort: LogFilters["sort"]): Prisma.DecisionOrderByWithRelationInput[] {
  switch (sort) {
    case "created":
      return [{ createdAt: "desc" }, { id: "desc" }];
    case "title":
      return [{ title: "asc" }, { id: "asc" }];
    case "review":
      return [{ reviewBy: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    default: // "updated", and "relevance" without a search (with one, the ranking orders: listDecisionLog)
      return [{ updatedAt: "desc" }, { id: "desc" }];
  }
}

const listSelect = {
  id: true,
  title: true,
  status: true,
  recommendedLevel: true,
  finalLevel: true,
  updatedAt: true,
  reviewBy: true,
  owner: { select: { name: true } },
} as const;

/** `capped`: a search matched more than MAX_RANKED_MATCHES decisions of the team; only the best ones are listed. */
export type LogPage = { items: DecisionListItem[]; nextCursor: string | null; capped: boolean };

type Ranked = { ids: string[]; capped: boolean };

/**
 * The full-text search: the team's decisions whose search text holds every word (as a
 * prefix), best match first — SQLite's FTS5 index (bm25) or PostgreSQL's GIN index over
 * the text's tsvector (ts_rank), ties newest first. The membership is in the statement,
 * as in every DAL query. Undefined without a search.
 */
async function rankedMatches(teamId: string, actor: Actor, q: string | undefined): Promise<Ranked | undefined> {
  if (!q) return undefined;
  const words = searchWords(q);
  if (words.length === 0) return { ids: [], capped: false };
  const rows = await getDb().$queryRaw<{ id: string }[]>(rankedMatchesSql(teamId, actor.userId, words, MAX_RANKED_MATCHES + 1));
  return { ids: rows.slice(0, MAX_RANKED_MATCHES).map((r) => r.id), capped: rows.length > MAX_RANKED_MATCHES };
}

/** The statement behind rankedMatches (exported for its query-plan tests). */
export function rankedMatchesSql(teamId: string, userId: string, words: readonly string[], limit: number): Prisma.Sql {
  const member = memberOf(teamId, userId);
  if (isPostgres()) {
    // The same expression as the index "Decision_searchText_fts_idx", so the planner can use it.
    const query = Prisma.sql`to_tsquery('simple', ${tsPrefixQuery(words)})`;
    return Prisma.sql`
      SELECT d."id" FROM "Decision" d
      WHERE to_tsvector('simple', d."searchText") @@ ${query} AND d."teamId" = ${teamId} AND ${member}
      ORDER BY ts_rank(to_tsvector('simple', d."searchText"), ${query}) DESC, d."updatedAt" DESC, d."id" DESC
      LIMIT ${limit}`;
  }
  return Prisma.sql`
    SELECT d."id" FROM "DecisionSearch" s JOIN "Decision" d ON d.rowid = s.rowid
    WHERE "DecisionSearch" MATCH ${ftsMatchQuery(words)} AND d."teamId" = ${teamId} AND ${member}
    ORDER BY bm25("DecisionSearch"), d."updatedAt" DESC, d."id" DESC
    LIMIT ${limit}`;
}
export type LogExportRow = DecisionListItem & { context: string; notes: Record<string, string> };

/** A search orders by its ranking unless the reader picked another sort ("Best match" is the default). */
function ranksByRelevance(ranked: Ranked | undefined, filters: LogFilters): ranked is Ranked {
  return Boolean(ranked) && (filters.sort ?? "relevance") === "relevance";
}

export async function listDecisionLog(
  actor: Actor,
  teamSlug: string,
  filters: LogFilters,
  opts: { now?: Date; take?: number } = {},
): Promise<LogPage> {
  const team = await getTeamForMember(actor, teamSlug);
  const take = Math.min(opts.take ?? PAGE_SIZE, 1000);
  const db = getDb();
  const ranked = await rankedMatches(team.id, actor, filters.q);
  const where = whereOf(team.id, actor, filters, opts.now ?? new Date(), ranked?.ids);
  let rows: Prisma.DecisionGetPayload<{ select: typeof listSelect }>[];
  if (ranksByRelevance(ranked, filters)) {
    // Best match first: the other filters applied to the ranked ids, the page cut from that order.
    // A cursor is the last decision of the previous page; one that is not among them starts over.
    const kept = new Set((await db.decision.findMany({ where, select: { id: true } })).map((r) => r.id));
    const order = ranked.ids.filter((id) => kept.has(id));
    const start = filters.cursor ? order.indexOf(filters.cursor) + 1 : 0;
    const pageIds = order.slice(start, start + take + 1);
    const byId = new Map((await db.decision.findMany({ where: { AND: [where, { id: { in: pageIds } }] }, select: listSelect })).map((r) => [r.id, r]));
    rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    // A cursor from another team (or a forged one) simply matches nothing in this team's scope.
    const cursorOk = filters.cursor
      ? await db.decision.findFirst({ where: { id: filters.cursor, teamId: team.id }, select: { id: true } })
      : null;
    rows = await db.decision.findMany({
      where,
      orderBy: orderOf(filters.sort),
      take: take + 1,
      ...(cursorOk ? { cursor: { id: cursorOk.id }, skip: 1 } : {}),
      select: listSelect,
    });
  }
  const items = rows.slice(0, take).map(({ owner, ...row }) => ({ ...row, ownerName: owner?.name ?? null }));
  return { items, nextCursor: rows.length > take ? (items.at(-1)?.id ?? null) : null, capped: ranked?.capped ?? false };
}

export type LogSummary = {
  /** Every decision of the team, archived ones included (0 = a new team). */
  total: number;
  dueCount: number;
  byFinalLevel: Record<(typeof LEVELS)[number], number>;
  due: { id: string; title: string; reviewBy: Date; overdue: boolean }[];
  /** Decisions recorded per month (UTC) and final level, oldest first, last 12 months. */
  perMonth: { month: string; counts: Record<(typeof LEVELS)[number], number> }[];
};

/** The team page header: counts by final level, decisions due for review, and the trend. */
export async function getDecisionLogSummary(actor: Actor, teamSlug: string, now = new Date()): Promise<LogSummary> {
  const team = await getTeamForMember(actor, teamSlug);
  const db = getDb();
  const scope = { teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } };
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const dueWhere = { ...scope, status: "decided", reviewBy: { lte: dueBefore(now) } };
  const [counts, due, recent] = await Promise.all([
    decisionCounts(team.id, actor.userId, dueBefore(now)),
    db.decision.findMany({
      where: dueWhere,
      orderBy: [{ reviewBy: "asc" }, { id: "asc" }],
      take: 5,
      select: { id: true, title: true, reviewBy: true },
    }),
    decidedPerMonth(team.id, actor.userId, start),
  ]);
  let total = 0;
  let dueCount = 0;
  const byFinalLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as LogSummary["byFinalLevel"];
  for (const c of counts) {
    if (c.kind === "all") total = Number(c.n);
    else if (c.kind === "due") dueCount = Number(c.n);
    else if (c.level && c.level in byFinalLevel) byFinalLevel[c.level as keyof typeof byFinalLevel] = Number(c.n);
  }
  const perMonth: LogSummary["perMonth"] = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    perMonth.push({ month: d.toISOString().slice(0, 7), counts: Object.fromEntries(LEVELS.map((l) => [l, 0])) as LogSummary["byFinalLevel"] });
  }
  for (const r of recent) {
    const bucket = perMonth.find((m) => m.month === r.month);
    if (bucket && r.level && r.level in bucket.counts) bucket.counts[r.level as keyof typeof bucket.counts] += Number(r.n);
  }
  return {
    total,
    dueCount,
    byFinalLevel,
    due: due.map((d) => ({ id: d.id, title: d.title, reviewBy: d.reviewBy!, overdue: d.reviewBy! < now })),
    perMonth,
  };
}

const isPostgres = () => databaseProvider(process.env.DATABASE_URL) === "postgresql";

/** The membership check of the summary's SQL statements: uncorrelated, so the database runs it once per statement, not per row. */
const memberOf = (teamId: string, userId: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = ${teamId} AND m."userId" = ${userId})`;

type Count = { kind: "all" | "due" | "decided"; level: string | null; n: number | bigint };

/**
 * The team page's counts in one statement: every decision of the team, those due for
 * review, and the recorded ones by final level. The membership is checked once (an
 * uncorrelated EXISTS): Prisma's relation filter (`team: { memberships: { some } }`)
 * is correlated, and SQLite ran it for each of a large team's rows. Each count goes
 * through a (teamId, …) index (query-plan test in sqlite.test.ts).
 */
function decisionCounts(teamId: string, userId: string, dueBy: Date): Promise<Count[]> {
  return getDb().$queryRaw<Count[]>(decisionCountsSql(teamId, userId, dueBy));
}

/** The statement behind decisionCounts (exported for its query-plan test). */
export function decisionCountsSql(teamId: string, userId: string, dueBy: Date): Prisma.Sql {
  // SQLite holds DateTime as ISO 8601 text in the adapter's format ("…T00:00:00.000+00:00"), compared as text.
  const due = isPostgres() ? Prisma.sql`${dueBy}` : Prisma.sql`${dueBy.toISOString().replace("Z", "+00:00")}`;
  const member = memberOf(teamId, userId);
  return Prisma.sql`
    SELECT 'all' AS kind, NULL AS level, COUNT(*) AS n FROM "Decision" d
    WHERE d."teamId" = ${teamId} AND ${member}
    UNION ALL
    SELECT 'due', NULL, COUNT(*) FROM "Decision" d
    WHERE d."teamId" = ${teamId} AND d."status" = 'decided' AND d."reviewBy" <= ${due} AND ${member}
    UNION ALL
    SELECT 'decided', d."finalLevel", COUNT(*) FROM "Decision" d
    WHERE d."teamId" = ${teamId} AND d."status" = 'decided' AND ${member}
    GROUP BY d."finalLevel"`;
}

type MonthCount = { month: string; level: string | null; n: number | bigint };

/**
 * Decisions recorded (decided or since superseded) per UTC month ("YYYY-MM") and
 * final level since `start`, counted by the database: a team with thousands of
 * decisions sends back at most 12 × 4 rows, not one row per decision. Prisma's
 * groupBy cannot group by month, so this is SQL (the month differs per provider); the
 * membership is in its WHERE, as in every DAL query (checked once, not per row).
 * The (teamId, status, finalLevel, decidedAt) index covers it.
 */
function decidedPerMonth(teamId: string, userId: string, start: Date): Promise<MonthCount[]> {
  const postgres = isPostgres();
  // SQLite: the adapter stores DateTime as ISO 8601 text in UTC (its default timestampFormat),
  // e.g. "2026-02-05T17:52:15.282+00:00", so the first seven characters are the UTC month.
  const month = postgres ? Prisma.sql`to_char(d."decidedAt", 'YYYY-MM')` : Prisma.sql`substr(d."decidedAt", 1, 7)`;
  const since = postgres ? Prisma.sql`d."decidedAt" >= ${start}` : Prisma.sql`${month} >= ${start.toISOString().slice(0, 7)}`;
  return getDb().$queryRaw<MonthCount[]>`
    SELECT ${month} AS month, d."finalLevel" AS level, COUNT(*) AS n
    FROM "Decision" d
    WHERE d."teamId" = ${teamId} AND d."status" IN ('decided', 'superseded') AND ${since}
      AND ${memberOf(teamId, userId)}
    GROUP BY 1, 2`;
}

/** The filtered log with use cases and notes, for the CSV download (no pagination, capped). */
export async function exportDecisionLog(actor: Actor, teamSlug: string, filters: LogFilters, max = 10_000): Promise<LogExportRow[]> {
  const team = await getTeamForMember(actor, teamSlug);
  const ranked = await rankedMatches(team.id, actor, filters.q);
  const found = await getDb().decision.findMany({
    where: whereOf(team.id, actor, filters, new Date(), ranked?.ids),
    orderBy: orderOf(filters.sort),
    take: max,
    select: { ...listSelect, context: true, notes: true },
  });
  // Best match first, as the log lists them.
  const rank = new Map(ranked?.ids.map((id, i) => [id, i]));
  const rows = ranksByRelevance(ranked, filters) ? found.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!) : found;
  const notesSchema = z.record(z.string(), z.string());
  return rows.map(({ owner, notes, ...row }) => ({
    ...row,
    ownerName: owner?.name ?? null,
    notes: notesSchema.catch({}).parse(notes),
  }));
}
