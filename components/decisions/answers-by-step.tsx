import Link from "next/link";

import { cn } from "@/components/ui/cn";
import type { Answers, Notes, Rubric } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";
import { sectionNote } from "@/lib/workshop/steps";

/** Every answer grouped by workshop step, unknowns and gaps highlighted, with each step's notes. */
export function AnswersByStep({
  rubric,
  answers,
  notes,
  editHref,
  headingLevel = 2,
}: {
  rubric: Rubric;
  answers: Answers;
  notes: Notes;
  /** When given, each step gets an "Edit" link. */
  editHref?: (stepId: string) => string;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col gap-8">
      {rubric.sections.map((section) => {
        const note = sectionNote(notes, section);
        return (
          <section key={section.id} aria-labelledby={`answers-${section.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-2">
              <H id={`answers-${section.id}`} className="text-lg font-semibold text-slate-900">
                {section.title}
              </H>
              {editHref ? (
                <Link href={editHref(section.id)} className="text-sm font-semibold text-accent-700 underline underline-offset-4 hover:text-accent-900" data-print="hide">
                  Edit<span className="sr-only"> {section.title}</span>
                </Link>
              ) : null}
            </div>
            <dl className="mt-2 divide-y divide-slate-100">
              {section.questions.map((q) => {
                const value = answers[q.id];
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
  );
}
