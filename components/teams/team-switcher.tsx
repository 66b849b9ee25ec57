import Link from "next/link";

import type { TeamSummary } from "@/lib/dal/teams";

/** A plain list of the user's teams; works without JavaScript. */
export function TeamSwitcher({ teams, currentSlug }: { teams: TeamSummary[]; currentSlug: string }) {
  return (
    <nav aria-label="Your teams" className="flex flex-wrap items-center gap-1">
      {teams.map((team) => (
        <Link
          key={team.slug}
          href={`/t/${team.slug}`}
          aria-current={team.slug === currentSlug ? "page" : undefined}
          className="rounded-md px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-accent-50 aria-[current=page]:font-semibold aria-[current=page]:text-accent-800"
        >
          {team.name}
        </Link>
      ))}
      <Link href="/teams/new" className="rounded-md px-2.5 py-1 text-sm text-slate-600 underline-offset-2 hover:underline">
        + New team
      </Link>
    </nav>
  );
}
