import { cookies } from "next/headers";
import Link from "next/link";

import { togglePresentationAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { StatusBadge } from "@/components/decisions/status-badge";
import { getDecision } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { requireUser } from "@/lib/dal/session";
import { decisionPath, teamPath } from "@/lib/workshop/paths";

export default async function DecisionLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ teamSlug: string; decisionId: string }>;
}) {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const presentation = (await cookies()).get("levelset-presentation")?.value === "1";

  return (
    <div data-presentation={presentation || undefined} className="mx-auto max-w-7xl px-4 pb-28 pt-5 sm:px-6 lg:pb-12">
      <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-slate-600" data-chrome>
            <Link href={teamPath(teamSlug)} className="underline-offset-4 hover:underline">
              {decision.teamName}
            </Link>{" "}
            <span aria-hidden="true">›</span> Decision
          </p>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            <span className="truncate">{decision.title}</span>
            <StatusBadge status={decision.status} />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2" data-print="hide">
          <Link
            href={`${decisionPath(teamSlug, decisionId)}/live`}
            className="rounded-control border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-card hover:bg-slate-50"
          >
            Run live session
          </Link>
          <Link
            href={`${decisionPath(teamSlug, decisionId)}/share`}
            className="rounded-control border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-card hover:bg-slate-50"
          >
            Share
          </Link>
          <form action={togglePresentationAction}>
            <input type="hidden" name="presentation" value={presentation ? "off" : "on"} />
            <input type="hidden" name="returnTo" value={decisionPath(teamSlug, decisionId)} />
            <button
              type="submit"
              aria-pressed={presentation}
              className="rounded-control border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-card hover:bg-slate-50"
            >
              {presentation ? "Exit presentation mode" : "Presentation mode"}
            </button>
          </form>
        </div>
      </div>
      <main id="main">{children}</main>
    </div>
  );
}
