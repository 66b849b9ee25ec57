import Link from "next/link";

import { AnswersByStep } from "@/components/decisions/answers-by-step";
import { continueToResultAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { Button } from "@/components/ui/button";
import type { DecisionDetail } from "@/lib/dal/decisions";
import { requireRubric } from "@/lib/rubric";
import { stepPath } from "@/lib/workshop/paths";
import { stepProgress } from "@/lib/workshop/steps";

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

        <div className="mt-8">
          <AnswersByStep rubric={rubric} answers={decision.answers} notes={decision.notes} editHref={path} />
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
