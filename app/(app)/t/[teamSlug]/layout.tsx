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
        <div className="mx-auto max-w-6xl px-4 py-2 sm:px-6">
          <TeamSwitcher teams={teams} currentSlug={teamSlug} />
        </div>
      </div>
      {children}
    </>
  );
}
