import Link from "next/link";

import { cn } from "@/components/ui/cn";
import type { StepProgress } from "@/lib/workshop/steps";

export type ProgressStep = { id: string; title: string; number: number };

/**
 * The workshop's steps: where you are, which are complete, which have unknowns.
 * Inside a step form, each step is a submit button (jumping saves first, even
 * before hydration); elsewhere (Review, read-only) they are links.
 */
export function ProgressNav({
  steps,
  currentId,
  progress,
  hrefFor,
  asSubmit,
}: {
  steps: ProgressStep[];
  currentId: string;
  progress: StepProgress[];
  hrefFor: (stepId: string) => string;
  asSubmit: boolean;
}) {
  const done = progress.filter((p) => p.state === "complete").length;
  return (
    <nav aria-label="Workshop steps" data-print="hide">
      <p className="sr-only">
        {done} of {progress.length} question steps complete.
      </p>
      <div className="mb-2 h-1.5 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-accent-700 transition-[width]" style={{ width: `${(done / progress.length) * 100}%` }} />
      </div>
      <ol className="relative flex gap-1 overflow-x-auto pb-1 [scrollbar-width:thin]">
        {steps.map((step) => {
          const p = progress.find((x) => x.id === step.id);
          const current = step.id === currentId;
          const state = p?.state ?? "untouched";
          const statusText =
            state === "complete" ? "complete" : state === "partial" ? "in progress" : step.id === "review" ? "" : "not started";
          const unknownText = p && p.unknowns > 0 ? `${p.unknowns} unknown` : "";
          const className = cn(
            "flex min-h-11 w-full shrink-0 items-center gap-2 rounded-control border px-3 py-1.5 text-left text-sm whitespace-nowrap",
            current
              ? "border-accent-700 bg-accent-50 font-semibold text-accent-900"
              : "border-slate-200 bg-white text-slate-700 hover:border-slate-400 hover:bg-slate-50",
          );
          const content = (
            <>
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-6 items-center justify-center rounded-full text-xs font-semibold",
                  state === "complete" ? "bg-emerald-700 text-white" : current ? "bg-accent-700 text-white" : "bg-slate-200 text-slate-700",
                )}
              >
                {state === "complete" ? "✓" : step.number}
              </span>
              <span>{step.title}</span>
              {unknownText ? (
                <span className="rounded-full bg-pause-100 px-1.5 py-0.5 text-xs font-medium text-pause-800">{unknownText}</span>
              ) : null}
              <span className="sr-only">{[statusText, unknownText && `${unknownText} answers`].filter(Boolean).join(", ")}</span>
            </>
          );
          return (
            <li key={step.id} className="shrink-0">
              {asSubmit && !current ? (
                <button type="submit" name="goto" value={step.id} className={className} formNoValidate>
                  {content}
                </button>
              ) : (
                <Link href={hrefFor(step.id)} aria-current={current ? "step" : undefined} className={className}>
                  {content}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
