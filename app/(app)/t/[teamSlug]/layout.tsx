import Link from "next/link";

import { TeamSwitcher } from "@/components/teams/team-switcher";
import { orNotFound } from "@/lib/dal/not-found";
import { requireUser } from "@/lib/dal/session";
import { getTeamForMember, listTeamsForUser } from "@/lib/dal/teams";

export default async function TeamLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ teamSlug: string }>;
}) {
  const { teamSlug } = await params;
  const user = await requireUser(`/t/${teamSlug}`);
  await orNotFound(getTeamForMember(user, teamSlug));
  const teams = await listTeamsForUser(user);
  return (
    <>
      <div data-print="hide" data-chrome className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 sm:px-6">
          <TeamSwitcher teams={teams} currentSlug={teamSlug} />
          <Link href={`/t/${teamSlug}/settings`} className="rounded-md px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">
            Team settings
          </Link>
        </div>
      </div>
      {children}
    </>
  );
}
