"use server";

/**
 * Benchmark floor (BENCH=1 builds only): a server action that does nothing.
 * Called with the same arguments as the workshop's autosave (`saveStepAction`:
 * the previous state and the step's FormData), so the autosave's ratio to it is
 * what saving adds to the framework's own server-action round trip.
 */
export async function noopAction(prev: { version?: number } | null, formData: FormData): Promise<{ status: "saved"; version: number }> {
  void formData;
  return { status: "saved", version: (prev?.version ?? 0) + 1 };
}
