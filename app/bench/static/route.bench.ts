/**
 * Benchmark floor (BENCH=1 builds only): a static route, prerendered at build
 * time. The cheapest thing this server can answer, proxy headers included.
 */
export const dynamic = "force-static";

const HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench floor: static</title></head>' +
  "<body><main><h1>Static floor</h1><p>Served from the build output.</p></main></body></html>";

export function GET(): Response {
  return new Response(HTML, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
