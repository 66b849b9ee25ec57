import { readOneTeamNameForBenchmark } from "@/lib/dal/bench";

/**
 * Benchmark floor (BENCH=1 builds only): the framework's dynamic page — an App
 * Router page rendered per request inside the app's root layout (so with the
 * proxy's CSP nonce), reading one row through the DAL. LevelSet's pages are
 * compared with this one: same server, same proxy, same database, same run.
 */
export const dynamic = "force-dynamic";

export default async function DynamicFloorPage() {
  const name = (await readOneTeamNameForBenchmark()) ?? "(no team)";
  return (
    <main id="main" className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">Dynamic floor</h1>
      <p>{name}</p>
    </main>
  );
}
