import type { Metadata } from "next";
import Link from "next/link";

import { StartLiveForm } from "@/components/live/start-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getDecision } from "@/lib/dal/decisions";
import { getOpenLiveSession } from "@/lib/dal/live-sessions";
import { orNotFound } from "@/lib/dal/not-found";
import { roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";

type Props = { params: Promise<{ teamSlug: string; decisionId: string }> };

export const metadata: Metadata = { title: "Run a live session" };

export default async function StartLivePage({ params }: Props) {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const open = await getOpenLiveSession(user, teamSlug, decisionId);
  const canRun = roleCan(decision.role, "decide");
  const editable = decision.status === "draft" || decision.status === "in_review";

  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-semibold text-slate-900">Run a live session</h1>
      <p className="mt-2 text-slate-700">
        Everyone answers each step on their own device without seeing the others. You reveal the answers, the room sees where it
        disagrees and whether that changes the recommendation, and you set the agreed answer before moving on.
      </p>
      <div className="mt-6">
        {open ? (
          <div className="space-y-3">
            <p className="text-slate-700">
              A live session is open with code <span className="font-mono font-semibold text-slate-900">{open.code}</span>.
            </p>
            <Button asChild size="lg">
              <Link href={`/live/${open.code}`}>Go to the live session</Link>
            </Button>
          </div>
        ) : !editable ? (
          <Alert variant="info" title="This decision is recorded">
            Its answers are sealed. Reopen it from the result page to run a live session.
          </Alert>
        ) : !canRun ? (
          <Alert variant="info" title="Facilitators run live sessions">
            Your role ({decision.role}) can join a live session but not start one. Ask a facilitator or the team owner.
          </Alert>
        ) : (
          <StartLiveForm teamSlug={teamSlug} decisionId={decisionId} />
        )}
      </div>
    </div>
  );
}
