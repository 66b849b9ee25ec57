import type { Metadata } from "next";
import Link from "next/link";

import { AnswersByStep } from "@/components/decisions/answers-by-step";
import { AuditTrail } from "@/components/decisions/audit-trail";
import { ArchiveForm, RevisitForm } from "@/components/decisions/decision-actions";
import { PrintButton } from "@/components/decisions/print-button";
import { FitBars, LevelBadge, RecommendationSummary, ResultDetails } from "@/components/decisions/result";
import { Button } from "@/components/ui/button";
import { getDecision, listDecisionAudit } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";
import { requireRubric, score } from "@/lib/rubric";
import { decisionPath, resultPath, stepPath } from "@/lib/workshop/paths";
import { stepProgress } from "@/lib/workshop/steps";

type Props = { params: Promise<{ teamSlug: string; decisionId: string }> };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  return { title: decision.title };
}

/** The decision record: what was decided and why, every answer, and who changed what. */
export default async function DecisionPage({ params }: Props) {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const audit = await listDecisionAudit(user, teamSlug, decisionId);
  const rubric = requireRubric(decision.rubricVersion);
  const open = decision.status === "draft" || decision.status === "in_review";
  const result = decision.result ?? score(decision.answers, decision.rubricVersion);
  const outcome = (id: string | null) => rubric.outcomes.find((o) => o.id === id)?.label ?? "—";
  const firstOpen = stepProgress(rubric, decision.answers).find((p) => p.state !== "complete")?.id ?? "review";
  const canDecide = roleCan(decision.role, "decide");
  const canCreate = roleCan(decision.role, "createDecision");
  const base = decisionPath(teamSlug, decisionId);

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <section aria-labelledby="decision-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <h1 id="decision-heading" className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          {decision.title}
        </h1>
        <p className="mt-3 whitespace-pre-line leading-relaxed text-slate-700">{decision.context}</p>

        {decision.finalLevel ? (
          <div className="mt-5 rounded-card border border-slate-200 bg-slate-50 p-4">
            <p className="flex flex-wrap items-center gap-2 text-slate-800">
              Decided: <LevelBadge level={decision.finalLevel} rubric={rubric} size="lg" />
            </p>
            {decision.finalLevel !== decision.recommendedLevel ? (
              <p className="mt-2 text-slate-800">
                The rubric recommended {outcome(decision.recommendedLevel)}; the team chose otherwise.
              </p>
            ) : null}
            {decision.overrideRationale ? (
              <p className="mt-2 text-slate-800">
                <span className="font-medium">Rationale: </span>
                {decision.overrideRationale}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="mt-5 text-slate-800">
            Not recorded yet. The answers so far point to <strong>{outcome(result.level)}</strong>.
          </p>
        )}

        <dl className="mt-5 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Owner</dt>
            <dd className="font-medium text-slate-900">{decision.owner?.name ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Started</dt>
            <dd className="font-medium text-slate-900">{dateFormat.format(decision.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Decided</dt>
            <dd className="font-medium text-slate-900">{decision.decidedAt ? dateFormat.format(decision.decidedAt) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Review by</dt>
            <dd className="font-medium text-slate-900">{decision.reviewBy ? dateFormat.format(decision.reviewBy) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Rubric</dt>
            <dd className="font-medium text-slate-900">{decision.rubricVersion}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Participants</dt>
            <dd className="font-medium text-slate-900">{decision.participants.length ? decision.participants.join(", ") : "—"}</dd>
          </div>
        </dl>

        {decision.supersedes || decision.supersededBy ? (
          <ul className="mt-5 space-y-1 text-sm">
            {decision.supersedes ? (
              <li>
                Revisits{" "}
                <Link href={decisionPath(teamSlug, decision.supersedes.id)} className="font-semibold text-accent-700 underline underline-offset-4">
                  {decision.supersedes.title}
                </Link>{" "}
                (
                <Link href={`/t/${teamSlug}/compare?a=${decision.supersedes.id}&b=${decision.id}`} className="text-accent-700 underline underline-offset-4">
                  compare
                </Link>
                )
              </li>
            ) : null}
            {decision.supersededBy ? (
              <li>
                {decision.status === "superseded" ? "Superseded by" : "Being revisited in"}{" "}
                <Link href={decisionPath(teamSlug, decision.supersededBy.id)} className="font-semibold text-accent-700 underline underline-offset-4">
                  {decision.supersededBy.title}
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}

        <div className="mt-6 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-5" data-print="hide">
          {open ? (
            <Button asChild size="lg">
              <Link href={stepPath(teamSlug, decisionId, firstOpen)}>Continue the workshop</Link>
            </Button>
          ) : null}
          {open ? (
            <Button asChild variant="secondary" size="lg">
              <Link href={resultPath(teamSlug, decisionId)}>See the result</Link>
            </Button>
          ) : null}
          {decision.status === "decided" && canCreate ? (
            <RevisitForm teamSlug={teamSlug} decisionId={decisionId} existing={!!decision.supersededBy} />
          ) : null}
          <Button asChild variant="secondary">
            <Link href={`/t/${teamSlug}/compare?a=${decisionId}`}>Compare…</Link>
          </Button>
          <Button asChild variant="ghost">
            <a href={`${base}/export/markdown`} download>
              Export Markdown
            </a>
          </Button>
          <Button asChild variant="ghost">
            <a href={`${base}/export/json`} download>
              Export JSON
            </a>
          </Button>
          <PrintButton size="md" variant="ghost" />
          {canDecide ? <ArchiveForm teamSlug={teamSlug} decisionId={decisionId} archived={decision.status === "archived"} /> : null}
        </div>
      </section>

      <section aria-labelledby="result-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <h2 id="result-heading" className="text-xl font-semibold text-slate-900">
          {decision.result ? "The recorded result" : "The result so far"}
        </h2>
        <RecommendationSummary result={result} rubric={rubric} className="mt-4" />
        <FitBars fits={result.fits} level={result.level} thenLevel={result.thenLevel} rubric={rubric} className="mt-6" />
        <div className="mt-6">
          <ResultDetails result={result} rubric={rubric} headingLevel={3} />
        </div>
      </section>

      <section aria-labelledby="answers-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <h2 id="answers-heading" className="mb-4 text-xl font-semibold text-slate-900">
          Answers by step
        </h2>
        <AnswersByStep rubric={rubric} answers={decision.answers} notes={decision.notes} headingLevel={3} editHref={open ? (id) => stepPath(teamSlug, decisionId, id) : undefined} />
      </section>

      <section aria-labelledby="audit-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <h2 id="audit-heading" className="mb-4 text-xl font-semibold text-slate-900">
          History
        </h2>
        <AuditTrail entries={audit} rubric={rubric} />
      </section>
    </div>
  );
}
