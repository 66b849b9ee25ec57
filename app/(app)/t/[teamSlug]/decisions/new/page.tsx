import type { Metadata } from "next";
import Link from "next/link";

import { NewDecisionForm } from "@/components/wizard/new-decision-form";
import { listTeamMembers } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";
import { getTeamForMember } from "@/lib/dal/teams";
import { teamPath } from "@/lib/workshop/paths";

export const metadata: Metadata = { title: "New decision" };

export default async function NewDecisionPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const user = await requireUser();
  const team = await orNotFound(getTeamForMember(user, teamSlug));
  const members = await listTeamMembers(user, teamSlug);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-8 sm:px-6">
      <p className="text-sm text-slate-600">
        <Link href={teamPath(teamSlug)} className="underline-offset-4 hover:underline">
          {team.name}
        </Link>{" "}
        <span aria-hidden="true">›</span> New decision
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">New decision</h1>
      <p className="mt-2 text-slate-700">
        One decision is one LLM feature. Next, the team walks through six short steps: constraints, the three levels,
        data and deployment.
      </p>
      <div className="mt-6 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        {roleCan(team.role, "createDecision") ? (
          <NewDecisionForm teamSlug={teamSlug} members={members} currentUserId={user.id} />
        ) : (
          <p className="text-slate-700">
            Only facilitators and owners start decisions. Your role in {team.name} is {team.role}; ask an owner if you
            should facilitate.
          </p>
        )}
      </div>
    </main>
  );
}
