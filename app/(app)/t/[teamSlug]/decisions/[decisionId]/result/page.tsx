import type { Metadata } from "next";
import Link from "next/link";

import { PrintButton } from "@/components/decisions/print-button";
import { FitBars, LevelBadge, RecommendationSummary, ResultDetails } from "@/components/decisions/result";
import { ProgressNav } from "@/components/wizard/progress-nav";
import { RecordDecisionForm, ReopenDecisionForm } from "@/components/wizard/record-decision-form";
import { getDecision, listTeamMembers } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";
import { defaultReviewBy } from "@/lib/decisions/review";
import { requireRubric, score } from "@/lib/rubric";
import { stepPath } from "@/lib/workshop/paths";
import { listSteps, stepProgress } from "@/lib/workshop/steps";

type Props = { params: Promise<{ teamSlug: string; decisionId: string }> };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  return { title: `Result · ${decision.title}` };
}

export default async function ResultPage({ params }: Props) {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const rubric = requireRubric(decision.rubricVersion);
  // A recorded decision shows the Result stored with it, so history never shifts under later code.
  const result = decision.result ?? score(decision.answers, decision.rubricVersion);
  const recorded = decision.status !== "draft" && decision.status !== "in_review";
  const canDecide = roleCan(decision.role, "decide");
  const steps = listSteps(rubric).map(({ id, title, number }) => ({ id, title, number }));
  const members = canDecide && !recorded ? await listTeamMembers(user, teamSlug) : [];
  const outcome = (id: string | null) => rubric.outcomes.find((o) => o.id === id)?.label ?? id;

  return (
    <div className="mx-auto max-w-4xl">
      {!recorded ? (
        <ProgressNav
          steps={steps}
          currentId="result"
          progress={stepProgress(rubric, decision.answers)}
          hrefFor={(id) => stepPath(teamSlug, decisionId, id)}
          asSubmit={false}
        />
      ) : null}
      <article className="mt-6 flex flex-col gap-6">
        <section aria-labelledby="result-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
          <p className="text-sm font-medium text-slate-600">
            {recorded ? `Recorded ${decision.decidedAt ? dateFormat.format(decision.decidedAt) : ""}` : "Result"} · rubric {decision.rubricVersion}
          </p>
          <h1 id="result-heading" tabIndex={-1} className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
            {recorded && decision.finalLevel ? "The team’s decision" : "The recommendation"}
          </h1>
          {recorded && decision.finalLevel ? (
            <div className="mt-4 rounded-card border border-slate-200 bg-slate-50 p-4">
              <p className="flex flex-wrap items-center gap-2 text-slate-800">
                Decided: <LevelBadge level={decision.finalLevel} rubric={rubric} size="lg" />
                {decision.finalLevel !== decision.recommendedLevel ? (
                  <span className="text-sm text-slate-700">(recommendation was {outcome(decision.recommendedLevel)})</span>
                ) : null}
              </p>
              {decision.overrideRationale ? (
                <p className="mt-2 text-slate-800">
                  <span className="font-medium">Rationale: </span>
                  {decision.overrideRationale}
                </p>
              ) : null}
              <p className="mt-2 text-sm text-slate-700">
                Owner: {decision.owner?.name ?? "—"} · Review by {decision.reviewBy ? dateFormat.format(decision.reviewBy) : "—"}
              </p>
            </div>
          ) : null}
          <RecommendationSummary result={result} rubric={rubric} className="mt-4" />
          <FitBars fits={result.fits} level={result.level} thenLevel={result.thenLevel} rubric={rubric} className="mt-6" />
        </section>

        <section className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
          <ResultDetails result={result} rubric={rubric} headingLevel={2} />
        </section>

        {!recorded && canDecide ? (
          <section aria-labelledby="record-heading" className="rounded-card border border-accent-200 bg-white p-5 shadow-card sm:p-8" data-print="hide">
            <h2 id="record-heading" className="text-xl font-semibold text-slate-900">
              Record the decision
            </h2>
            <p className="mb-5 mt-1 text-slate-700">
              Recording stores this result with rubric {decision.rubricVersion} and seals the answers.
            </p>
            <RecordDecisionForm
              teamSlug={teamSlug}
              decisionId={decisionId}
              version={decision.version}
              recommended={result.level}
              levels={rubric.outcomes.map((o) => ({ id: o.id, label: o.label, fit: result.fits[o.id] }))}
              owners={members.map((m) => ({ id: m.id, name: m.name }))}
              defaultOwnerId={decision.owner?.id ?? user.id}
              defaultReviewBy={defaultReviewBy(decision.answers["constraints.change_velocity"], new Date()).toISOString().slice(0, 10)}
            />
          </section>
        ) : null}
        {!recorded && !canDecide ? (
          <p className="rounded-card border border-slate-200 bg-white p-5 text-slate-700">
            Only facilitators and owners record decisions. The recommendation above updates as the team answers.
          </p>
        ) : null}
        {decision.status === "decided" && canDecide ? (
          <section aria-labelledby="reopen-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8" data-print="hide">
            <h2 id="reopen-heading" className="text-lg font-semibold text-slate-900">
              Facts changed?
            </h2>
            <p className="mb-4 mt-1 text-slate-700">
              Reopening unseals the answers for a revision; what was recorded stays in the audit trail.
            </p>
            <ReopenDecisionForm teamSlug={teamSlug} decisionId={decisionId} version={decision.version} />
          </section>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-3" data-print="hide">
          <Link href={stepPath(teamSlug, decisionId, "review")} className="font-medium text-accent-700 underline underline-offset-4">
            {recorded ? "See every answer" : "← Back to the review"}
          </Link>
          <PrintButton />
        </div>
      </article>
    </div>
  );
}
