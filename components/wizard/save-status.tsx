"use client";

import { cn } from "@/components/ui/cn";

export type SaveStatusKind = "idle" | "pending" | "saving" | "saved" | "invalid" | "conflict" | "error" | "offline" | "readonly";

const timeFormat = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit" });

/** "Saving… / Saved / Not saved — retry", announced politely to screen readers. */
export function SaveStatus({ kind, savedAt, onRetry }: { kind: SaveStatusKind; savedAt?: string; onRetry: () => void }) {
  const failed = kind === "offline" || kind === "error";
  const text = {
    idle: "All changes saved",
    pending: "Unsaved changes…",
    saving: "Saving…",
    saved: savedAt ? `Saved at ${timeFormat.format(new Date(savedAt))}` : "Saved",
    invalid: "Not saved — check the highlighted answers",
    conflict: "Not saved — someone else saved first",
    error: "Not saved",
    offline: "Not saved — connection problem",
    readonly: "Read-only",
  }[kind];
  return (
    <div className="flex items-center gap-2" data-print="hide">
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-state={kind}
        className={cn(
          "inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-medium",
          kind === "saved" || kind === "idle"
            ? "bg-emerald-50 text-emerald-800"
            : kind === "saving" || kind === "pending"
              ? "bg-slate-100 text-slate-700"
              : kind === "readonly"
                ? "bg-slate-100 text-slate-700"
                : "bg-danger-50 text-danger-800",
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            "size-2 rounded-full",
            kind === "saved" || kind === "idle" ? "bg-emerald-600" : kind === "saving" || kind === "pending" ? "bg-slate-500 motion-safe:animate-pulse" : kind === "readonly" ? "bg-slate-400" : "bg-danger-700",
          )}
        />
        {text}
      </p>
      {failed ? (
        <button type="button" onClick={onRetry} className="text-sm font-semibold text-accent-700 underline underline-offset-4 hover:text-accent-900">
          Retry
        </button>
      ) : null}
    </div>
  );
}
