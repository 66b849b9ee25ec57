import type { Metadata } from "next";
import Link from "next/link";

import { DecisionList } from "@/components/decisions/decision-list";
import { LogFiltersForm } from "@/components/decisions/log-filters";
import { LogSummaryPanel } from "@/components/decisions/log-summary";
import { Button } from "@/components/ui/button";
import { getDecisionLogSummary, listDecisionLog, MAX_RANKED_MATCHES, parseLogFilters } from "@/lib/dal/decision-log";
import { listTeamMembers } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { ROLE_LABELS, roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";
import { getTeamForMember } from "@/lib/dal/teams";
import { CURRENT_RUBRIC_VERSION, requireRubric } from "@/lib/rubric";

type Props = {
  params: Promise<{ teamSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug } = await params;
  const user = await requireUser(`/t/${teamSlug}`);
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  return { title: team.name };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const { teamSlug } = await params;
  const user = await requireUser(`/t/${teamSlug}`);
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  const filters = parseLogFilters(await searchParams);
  const now = new Date();
  const [page, summary, members] = await Promise.all([
    listDecisionLog(user, teamSlug, filters, { now }),
    getDecisionLogSummary(user, teamSlug, now),
    listTeamMembers(user, teamSlug),
  ]);
  const rubric = requireRubric(CURRENT_RUBRIC_VERSION);
  const canCreate = roleCan(team.role, "createDecision");
  const query = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "cursor"),
  );
  if (filters.due) query.set("due", "1");
  const withCursor = (cursor: string) => `/t/${teamSlug}?${new URLSearchParams([...query, ["cursor", cursor]])}`;
  const filtered = [...query.keys()].some((k) => k !== "sort");

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-600">Team · you are {ROLE_LABELS[team.role].toLowerCase()}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{team.name}</h1>
        </div>
        {canCreate ? (
          <Button asChild size="lg">
            <Link href={`/t/${teamSlug}/decisions/new`}>New decision</Link>
          </Button>
        ) : null}
      </div>

      {summary.total === 0 ? (
        <section className="mt-8 rounded-card border border-dashed border-slate-300 bg-white p-8 text-center sm:p-12">
          <h2 className="text-xl font-semibold text-slate-900">No decisions yet</h2>
          <p className="mx-auto mt-2 max-w-xl text-slate-700">
            A decision records, for one LLM feature, whether to stay with prompt + retrieval, train adapters, fine-tune,
            or build evals first — and why. Run your first workshop: it takes six short steps, and the recommendation
            updates as the room answers.
          </p>
          {canCreate ? (
            <Button asChild size="lg" className="mt-6">
              <Link href={`/t/${teamSlug}/decisions/new`}>Start your first decision</Link>
            </Button>
          ) : (
            <p className="mt-4 text-sm text-slate-600">A facilitator or owner of this team can start one.</p>
          )}
        </section>
      ) : (
        <>
          <div className="mt-8">
            <LogSummaryPanel summary={summary} teamSlug={teamSlug} rubric={rubric} />
          </div>
          <section aria-labelledby="decisions-heading" className="mt-8">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="decisions-heading" className="text-lg font-semibold text-slate-900">
                Decision log
              </h2>
              <a
                href={`/t/${teamSlug}/decisions.csv?${query}`}
                className="text-sm font-semibold text-accent-700 underline underline-offset-4 hover:text-accent-900"
                data-print="hide"
              >
                Download CSV{filtered ? " (filtered)" : ""}
              </a>
            </div>
            <div className="mt-3" data-print="hide">
              <LogFiltersForm teamSlug={teamSlug} filters={filters} members={members} rubric={rubric} />
            </div>
            {page.capped ? (
              <p role="status" className="mt-3 text-sm text-slate-700">
                More than {MAX_RANKED_MATCHES.toLocaleString("en")} decisions match this search: the best{" "}
                {MAX_RANKED_MATCHES.toLocaleString("en")} are listed. Add a word or a filter to narrow it.
              </p>
            ) : null}
            <DecisionList
              decisions={page.items}
              teamSlug={teamSlug}
              rubric={rubric}
              now={now}
              emptyText={
                <>
                  <p className="font-medium text-slate-900">No decisions match these filters</p>
                  <Link href={`/t/${teamSlug}`} className="mt-2 inline-block text-sm font-semibold text-accent-700 underline underline-offset-4">
                    Clear filters
                  </Link>
                </>
              }
            />
            <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm" data-print="hide">
              {filters.cursor ? (
                <Link href={`/t/${teamSlug}?${query}`} className="font-semibold text-accent-700 underline underline-offset-4">
                  ← First page
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link href={withCursor(page.nextCursor)} rel="next" className="font-semibold text-accent-700 underline underline-offset-4">
                  Next page →
                </Link>
              ) : null}
            </nav>
          </section>
        </>
      )}
    </main>
  );
}
