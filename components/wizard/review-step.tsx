import Link from "next/link";

import { continueToResultAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { DecisionDetail } from "@/lib/dal/decisions";
import { requireRubric } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";
import { stepPath } from "@/lib/workshop/paths";
import { sectionNote, stepProgress } from "@/lib/workshop/steps";

import { ProgressNav, type ProgressStep } from "./progress-nav";

/** Every answer on one page, unknowns and gaps highlighted, an edit link per step. */
export function ReviewStep({ decision, steps }: { decision: DecisionDetail; steps: ProgressStep[] }) {
  const rubric = requireRubric(decision.rubricVersion);
  const progress = stepProgress(rubric, decision.answers);
  const unknown = progress.reduce((n, p) => n + p.unknowns, 0);
  const missing = rubric.sections.reduce(
    (n, s) => n + s.questions.filter((q) => !q.optional && decision.answers[q.id] === undefined).length,
    0,
  );
  const path = (id: string) => stepPath(decision.teamSlug, decision.id, id);
  return (
    <div className="mx-auto max-w-4xl">
      <ProgressNav steps={steps} currentId="review" progress={progress} hrefFor={path} asSubmit={false} />
      <div className="mt-6 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <p className="text-sm font-medium text-slate-600">
          Step {steps.length} of {steps.length}
        </p>
        <h1 id="step-heading" tabIndex={-1} className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          Review your answers
        </h1>
        <p className="mt-3 text-slate-700">
          {missing === 0 && unknown === 0
            ? "Every question is answered. Check them once more, then see the result."
            : `${missing > 0 ? `${missing} question${missing > 1 ? "s" : ""} not answered` : ""}${missing > 0 && unknown > 0 ? " and " : ""}${
                unknown > 0 ? `${unknown} answered “we don’t know”` : ""
              }. Unknowns lower the confidence of the result; you can still continue.`}
        </p>

        <div className="mt-8 flex flex-col gap-8">
          {rubric.sections.map((section) => {
            const note = sectionNote(decision.notes, section);
            return (
              <section key={section.id} aria-labelledby={`review-${section.id}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-2">
                  <h2 id={`review-${section.id}`} className="text-lg font-semibold text-slate-900">
                    {section.title}
                  </h2>
                  <Link href={path(section.id)} className="text-sm font-semibold text-accent-700 underline underline-offset-4 hover:text-accent-900">
                    Edit<span className="sr-only"> {section.title}</span>
                  </Link>
                </div>
                <dl className="mt-2 divide-y divide-slate-100">
                  {section.questions.map((q) => {
                    const value = decision.answers[q.id];
                    const state = value === undefined ? (q.optional ? "optional" : "missing") : value === null ? "unknown" : "answered";
                    return (
                      <div
                        key={q.id}
                        data-answer-state={state}
                        className={cn(
                          "grid gap-1 py-2.5 sm:grid-cols-[minmax(0,1fr)_minmax(0,16rem)] sm:gap-4",
                          (state === "unknown" || state === "missing") && "-mx-2 rounded-control bg-pause-50 px-2",
                        )}
                      >
                        <dt className="text-slate-700">{q.label}</dt>
                        <dd className={cn("font-medium", state === "answered" ? "text-slate-900" : "text-pause-800")}>
                          {state === "unknown" ? "⚠ " : state === "missing" ? "○ " : ""}
                          {formatAnswer(q, value)}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
                {note ? (
                  <p className="mt-2 whitespace-pre-line rounded-control bg-slate-50 px-3 py-2 text-sm text-slate-700">
                    <span className="font-medium text-slate-900">Notes: </span>
                    {note}
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>

        <form action={continueToResultAction} className="mt-10 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-6">
          <input type="hidden" name="teamSlug" value={decision.teamSlug} />
          <input type="hidden" name="decisionId" value={decision.id} />
          <Button asChild variant="secondary" size="lg">
            <Link href={path(rubric.sections.at(-1)!.id)}>← Back: {rubric.sections.at(-1)!.title}</Link>
          </Button>
          <Button type="submit" size="lg">
            See the result →
          </Button>
        </form>
      </div>
    </div>
  );
}
