/**
 * Benchmark floor (BENCH=1 builds only): a dynamic route that reads one row per
 * request through the DAL and returns a tiny HTML page. The real pages are
 * compared with this: same server, same proxy, same database, same run.
 */
import { readOneTeamNameForBenchmark } from "@/lib/dal/bench";

export const dynamic = "force-dynamic";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(): Promise<Response> {
  const name = (await readOneTeamNameForBenchmark()) ?? "(no team)";
  return new Response(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench floor: dynamic</title></head>' +
      `<body><main><h1>Dynamic floor</h1><p>${escapeHtml(name)}</p></main></body></html>`,
    { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
  );
}
