/**
 * Benchmark floor (BENCH=1 builds only): the framework's static page — an App
 * Router page prerendered at build time, inside the app's root layout.
 */
export const dynamic = "force-static";

export default function StaticFloorPage() {
  return (
    <main id="main" className="mx-auto max-w-xl p-6">
      <h1 className="text-2xl font-semibold">Static floor</h1>
      <p>Served from the build output.</p>
    </main>
  );
}
