import type { Metadata } from "next";
import Link from "next/link";

import { ComparePicker, DecisionComparison, type CompareSide } from "@/components/decisions/compare";
import { listDecisionChoices } from "@/lib/dal/compare";
import { getDecision, type DecisionDetail } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { requireUser } from "@/lib/dal/session";
import { getTeamForMember } from "@/lib/dal/teams";
import { compareAnswers, compareResults, CURRENT_RUBRIC_VERSION, requireRubric, score } from "@/lib/rubric";
import { decisionPath, resultPath, teamPath } from "@/lib/workshop/paths";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ teamSlug: string }>; searchParams: Promise<SearchParams> };

const comparePath = (teamSlug: string) => `${teamPath(teamSlug)}/compare`;

/** The first value of a query parameter, when it looks like an id at all. */
function idParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed && trimmed.length <= 100 ? trimmed : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug } = await params;
  const user = await requireUser(comparePath(teamSlug));
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  return { title: `Compare decisions · ${team.name}` };
}

function side(key: "A" | "B", decision: DecisionDetail, teamSlug: string): CompareSide {
  const recorded = decision.status !== "draft" && decision.status !== "in_review";
  return {
    key,
    id: decision.id,
    title: decision.title,
    status: decision.status,
    href: recorded ? resultPath(teamSlug, decision.id) : decisionPath(teamSlug, decision.id),
    rubric: requireRubric(decision.rubricVersion),
    // A recorded decision compares what was stored; a draft its live score.
    result: decision.result ?? score(decision.answers, decision.rubricVersion),
    live: decision.result === null,
    finalLevel: recorded ? decision.finalLevel : null,
    recommendedLevel: decision.recommendedLevel,
    reviewBy: decision.reviewBy,
  };
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { teamSlug } = await params;
  const query = await searchParams;
  const user = await requireUser(comparePath(teamSlug));
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  const a = idParam(query.a);
  const b = idParam(query.b);
  const onlyChanged = idParam(query.changed) === "1";
  // Either id not of this team (or not visible to this user) is a 404, like any other page of the team.
  const [decisionA, decisionB, choices] = await Promise.all([
    a ? orNotFound(getDecision(user, teamSlug, a)) : null,
    b ? orNotFound(getDecision(user, teamSlug, b)) : null,
    listDecisionChoices(user, teamSlug),
  ]);
  const both = decisionA && decisionB ? { a: side("A", decisionA, teamSlug), b: side("B", decisionB, teamSlug) } : null;
  const href = (extra: Record<string, string>) => `${comparePath(teamSlug)}?${new URLSearchParams({ a: a ?? "", b: b ?? "", ...extra })}`;

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="text-sm text-slate-600" data-print="hide">
        <Link href={teamPath(teamSlug)} className="underline-offset-4 hover:underline">
          {team.name}
        </Link>{" "}
        <span aria-hidden="true">›</span> Compare
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl [overflow-wrap:anywhere]">
        {both ? `${both.a.title} vs ${both.b.title}` : "Compare two decisions"}
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {both
          ? "Side by side: the levels, the fit of each option, what differs in the results, and every answer that changed. Share this page’s address with your team."
          : "Pick two of the team’s decisions — for example this year’s revision and last year’s — to see what changed and why."}
      </p>

      {choices.length < 2 && !both ? (
        <p className="mt-6 rounded-card border border-slate-200 bg-white p-5 text-slate-700">
          The team needs at least two decisions to compare. <Link href={teamPath(teamSlug)} className="font-medium text-accent-700 underline underline-offset-4">Back to the team</Link>
        </p>
      ) : (
        <section aria-labelledby="picker-heading" className="mt-6 rounded-card border border-slate-200 bg-white p-5 shadow-card" data-print="hide">
          <h2 id="picker-heading" className="mb-3 text-base font-semibold text-slate-900">
            {both ? "Compare other decisions" : "Choose the decisions"}
          </h2>
          <ComparePicker action={comparePath(teamSlug)} choices={choices} rubric={requireRubric(CURRENT_RUBRIC_VERSION)} a={a} b={b} />
          {both ? (
            <p className="mt-3 text-sm">
              <Link href={`${comparePath(teamSlug)}?${new URLSearchParams({ a: b!, b: a! })}`} className="font-medium text-accent-700 underline underline-offset-4">
                Swap A and B
              </Link>
            </p>
          ) : null}
        </section>
      )}

      {both ? (
        <div className="mt-6">
          <DecisionComparison
            a={both.a}
            b={both.b}
            results={compareResults(both.a.result, both.b.result)}
            answers={compareAnswers(decisionA!.answers, decisionB!.answers, decisionA!.rubricVersion)}
            onlyChanged={onlyChanged}
            toggleChangedHref={href(onlyChanged ? {} : { changed: "1" })}
          />
        </div>
      ) : null}
    </main>
  );
}
