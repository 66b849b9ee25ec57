"use client";

import { useEffect } from "react";

/** An unexpected error: a friendly page with a reference id; the details stay in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-xl flex-col items-center justify-center px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong on our side</h1>
      <p className="mt-3 text-slate-600">
        Your saved work is safe. Try again; if it keeps happening, send us this reference:
      </p>
      <p className="mt-2 font-mono text-sm text-slate-800" data-testid="error-reference">
        {error.digest ?? "unavailable"}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-800"
      >
        Try again
      </button>
    </main>
  );
}
