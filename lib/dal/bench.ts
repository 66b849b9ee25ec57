import "server-only";

import { getDb } from "@/lib/db";

/**
 * BENCHMARK ONLY — an unauthenticated read of one non-sensitive row (a team's
 * display name), used by `app/bench/dynamic/page.bench.tsx` (and its route-handler twin), the "framework
 * floor" that `npm run bench` compares the real pages against. That route
 * exists only in `BENCH=1` builds (see `pageExtensions` in next.config.js),
 * and this function refuses to run unless the server also runs with BENCH=1.
 * Never call it from product code: it takes no Actor and checks no membership.
 */
export async function readOneTeamNameForBenchmark(): Promise<string | null> {
  if (process.env.BENCH !== "1") throw new Error("readOneTeamNameForBenchmark is for BENCH=1 servers only");
  const team = await getDb().team.findFirst({ select: { name: true }, orderBy: { slug: "asc" } });
  return team?.name ?? null;
}
