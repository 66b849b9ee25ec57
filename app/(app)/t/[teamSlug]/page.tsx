import type { Metadata } from "next";

import { DecisionList } from "@/components/decisions/decision-list";
import { listDecisions } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { requireUser } from "@/lib/dal/session";
import { getTeamForMember } from "@/lib/dal/teams";
import { ROLE_LABELS, roleCan } from "@/lib/dal/roles";
import { Button } from "@/components/ui/button";
import Link from "next/link";

type Props = { params: Promise<{ teamSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug } = await params;
  const user = await requireUser(`/t/${teamSlug}`);
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  return { title: team.name };
}

export default async function TeamPage({ params }: Props) {
  const { teamSlug } = await params;
  const user = await requireUser(`/t/${teamSlug}`);
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  const decisions = await listDecisions(user, teamSlug);

  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-600">Team · you are {ROLE_LABELS[team.role].toLowerCase()}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{team.name}</h1>
        </div>
        {roleCan(team.role, "createDecision") ? (
          <Button asChild size="lg">
            <Link href={`/t/${teamSlug}/decisions/new`}>New decision</Link>
          </Button>
        ) : null}
      </div>
      <section aria-labelledby="decisions-heading" className="mt-8">
        <h2 id="decisions-heading" className="text-lg font-semibold text-slate-900">
          Decisions
        </h2>
        <DecisionList decisions={decisions} teamSlug={teamSlug} />
      </section>
    </main>
  );
}
