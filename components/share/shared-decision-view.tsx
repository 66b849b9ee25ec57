import { FitBars, LevelBadge, RecommendationSummary, ResultDetails } from "@/components/decisions/result";
import { STATUS_LABELS } from "@/components/decisions/status-badge";
import { Badge } from "@/components/ui/badge";
import type { SharedDecision } from "@/lib/dal/share-links";
import { requireRubric } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";
import { sectionNote } from "@/lib/workshop/steps";

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/**
 * A decision as someone outside the team reads it: server-rendered only (no
 * client JavaScript), no ids, no emails, no links into the app.
 */
export function SharedDecisionView({ decision }: { decision: SharedDecision }) {
  const rubric = requireRubric(decision.rubricVersion);
  const { result } = decision;
  const outcome = (id: string | null) => rubric.outcomes.find((o) => o.id === id)?.label ?? id;
  const decided = decision.recorded && decision.finalLevel;

  return (
    <article className="flex flex-col gap-6 print:gap-4">
      <header className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8 print:border-0 print:p-0">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>Shared by {decision.teamName}</span>
          <span aria-hidden="true">·</span>
          <Badge variant={decision.status === "decided" ? "success" : decision.status === "in_review" ? "info" : "neutral"} size="sm">
            {STATUS_LABELS[decision.status] ?? decision.status}
          </Badge>
        </p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl">{decision.title}</h1>
        <h2 className="mt-5 text-sm font-semibold tracking-wide text-slate-600 uppercase">Use case</h2>
        <p className="mt-1 max-w-prose leading-relaxed whitespace-pre-line text-slate-800">{decision.context}</p>
        <dl className="mt-5 grid gap-x-8 gap-y-2 border-t border-slate-200 pt-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Owner</dt>
            <dd className="font-medium text-slate-900">{decision.ownerName ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{decision.decidedAt ? "Decided" : "Last updated"}</dt>
            <dd className="font-medium text-slate-900">{longDate.format(decision.decidedAt ?? decision.updatedAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Review by</dt>
            <dd className="font-medium text-slate-900">{decision.reviewBy ? longDate.format(decision.reviewBy) : "Not set"}</dd>
          </div>
        </dl>
      </header>

      <section
        aria-labelledby="outcome-heading"
        className="sm:rounded-card sm:border sm:border-slate-200 sm:bg-white sm:p-8 sm:shadow-card print:border-0 print:p-0"
      >
        <h2 id="outcome-heading" className="text-xl font-semibold text-slate-900">
          {decided ? "The team’s decision" : "The recommendation so far"}
        </h2>
        {decided ? (
          <div className="mt-4 rounded-card border border-slate-200 bg-slate-50 p-4" data-print="color">
            <p className="flex flex-wrap items-center gap-2 text-slate-800">
              Decided: <LevelBadge level={decision.finalLevel!} rubric={rubric} size="lg" />
              {decision.finalLevel !== decision.recommendedLevel && decision.recommendedLevel ? (
                <span className="text-sm text-slate-700">(recommendation was {outcome(decision.recommendedLevel)})</span>
              ) : null}
            </p>
            <p className="mt-3 text-slate-800">
              <span className="font-medium">Rationale: </span>
              {decision.overrideRationale ?? "The team followed the recommendation."}
            </p>
          </div>
        ) : (
          <p className="mt-2 max-w-prose text-slate-700">
            The team has not recorded a decision yet. This is what the answers so far recommend; it may change as they finish.
          </p>
        )}
        <RecommendationSummary result={result} rubric={rubric} className="mt-4" />
        <FitBars fits={result.fits} level={result.level} thenLevel={result.thenLevel} rubric={rubric} className="mt-6" />
      </section>

      <section className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8 print:border-0 print:p-0">
        <ResultDetails result={result} rubric={rubric} headingLevel={2} />
      </section>

      <section aria-labelledby="answers-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8 print:border-0 print:p-0">
        <h2 id="answers-heading" className="text-xl font-semibold text-slate-900">
          Answers
        </h2>
        <p className="mt-1 text-sm text-slate-600">Scored with rubric {decision.rubricVersion}.</p>
        <div className="mt-6 flex flex-col gap-8">
          {rubric.sections.map((section) => {
            const note = sectionNote(decision.notes, section);
            return (
              <section key={section.id} aria-labelledby={`answers-${section.id}`}>
                <h3 id={`answers-${section.id}`} className="border-b border-slate-200 pb-2 text-lg font-semibold text-slate-900">
                  {section.title}
                </h3>
                <dl className="mt-2 divide-y divide-slate-100">
                  {section.questions.map((q) => (
                    <div key={q.id} className="grid gap-1 py-2.5 sm:grid-cols-[minmax(0,1fr)_minmax(0,16rem)] sm:gap-4" data-print="keep-together">
                      <dt className="text-slate-700">{q.label}</dt>
                      <dd className="font-medium text-slate-900">{formatAnswer(q, decision.answers[q.id])}</dd>
                    </div>
                  ))}
                </dl>
                {note ? (
                  <p className="mt-2 rounded-control bg-slate-50 px-3 py-2 text-sm whitespace-pre-line text-slate-700">
                    <span className="font-medium text-slate-900">Notes: </span>
                    {note}
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
      </section>
    </article>
  );
}
