/**
 * Benchmark floor (BENCH=1 builds only) for POST /api/v1/score: a POST that
 * does nothing and answers `{}`. It does not read the body, so the score API's
 * ratio to it covers body parsing, validation and scoring.
 */
export const dynamic = "force-dynamic";

export function POST(): Response {
  return Response.json({}, { headers: { "Cache-Control": "no-store" } });
}
