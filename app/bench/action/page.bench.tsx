import { noopAction } from "./noop-action.bench";

/** Benchmark floor (BENCH=1 builds only): the page that owns the no-op server action. */
export const dynamic = "force-dynamic";

export default function NoopActionPage() {
  return (
    <main id="main" className="p-6">
      <h1>No-op action floor</h1>
      <form
        action={async (formData: FormData) => {
          "use server";
          await noopAction({ version: 0 }, formData);
        }}
      >
        <button type="submit">Send</button>
      </form>
    </main>
  );
}
