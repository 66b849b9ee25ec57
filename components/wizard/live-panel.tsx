"use client";

import { FitBars, LevelBadge } from "@/components/decisions/result";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { Result, Rubric } from "@/lib/rubric";

/**
 * The live recommendation beside the questions (a drawer on phones): the level,
 * the four fit bars and the top reasons, scored on the server as answers change.
 */
export function LivePanel({ result, rubric }: { result: Result; rubric: Rubric }) {
  const body = <PanelBody result={result} rubric={rubric} />;
  const label = rubric.outcomes.find((o) => o.id === result.level)?.label ?? result.level;
  return (
    <>
      <aside aria-label="Live recommendation" className="hidden lg:block" data-print="hide">
        <div className="sticky top-4 rounded-card border border-slate-200 bg-white p-5 shadow-card">{body}</div>
      </aside>
      <div className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-lg backdrop-blur lg:hidden" data-print="hide">
        <Dialog>
          <div className="mx-auto flex max-w-3xl items-center justify-between gap-3">
            <p className="min-w-0 truncate text-sm text-slate-700">
              <span className="font-medium text-slate-900">Now:</span> {label}
            </p>
            <DialogTrigger className="shrink-0 rounded-control border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-card hover:bg-slate-50">
              Why? See the live result
            </DialogTrigger>
          </div>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Live recommendation</DialogTitle>
              <DialogDescription>Scored from the answers so far; it changes as you answer.</DialogDescription>
            </DialogHeader>
            {body}
          </DialogContent>
        </Dialog>
      </div>
    </>
  );
}

function PanelBody({ result, rubric }: { result: Result; rubric: Rubric }) {
  const decisive = result.reasons.find((r) => r.decisive);
  const others = result.reasons.filter((r) => !r.decisive).slice(0, 2);
  const ruleTitle = (id: string) => rubric.rules.find((r) => r.id === id)?.title ?? id;
  return (
    <div aria-live="polite" aria-atomic="false" data-testid="live-recommendation">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Live recommendation</h2>
      <div className="mt-2">
        <LevelBadge level={result.level} rubric={rubric} size="lg" />
      </div>
      {result.level === "pause" && result.thenLevel ? (
        <p className="mt-2 text-sm text-slate-700">
          Then: {rubric.outcomes.find((o) => o.id === result.thenLevel)?.label}
        </p>
      ) : null}
      <p className="mt-2 text-sm text-slate-600">Confidence: {result.confidence}</p>
      <FitBars fits={result.fits} level={result.level} thenLevel={result.thenLevel} rubric={rubric} compact className="mt-4" />
      {result.blockers.length > 0 ? (
        <p className="mt-4 text-sm font-medium text-danger-700">
          {result.blockers.length} blocker{result.blockers.length > 1 ? "s" : ""}: {result.blockers[0]?.text}
        </p>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold text-slate-900">Why</h3>
      <ul className="mt-1 space-y-2 text-sm text-slate-700">
        {decisive ? (
          <li>
            <span className="font-semibold text-slate-900">{ruleTitle(decisive.rule)}:</span> {decisive.text}
          </li>
        ) : null}
        {others.map((r) => (
          <li key={r.rule}>
            <span className="font-medium text-slate-900">{ruleTitle(r.rule)}:</span> {r.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
