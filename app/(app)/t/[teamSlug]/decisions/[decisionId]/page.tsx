import { redirect } from "next/navigation";

import { getDecision } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { requireUser } from "@/lib/dal/session";
import { requireRubric } from "@/lib/rubric";
import { resultPath, stepPath } from "@/lib/workshop/paths";
import { stepProgress } from "@/lib/workshop/steps";

type Props = { params: Promise<{ teamSlug: string; decisionId: string }> };

/** A decision's address: a recorded one opens on its result; a draft at the first step not yet complete. */
export default async function DecisionPage({ params }: Props) {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  if (decision.status === "decided" || decision.status === "superseded" || decision.status === "archived") {
    redirect(resultPath(teamSlug, decisionId));
  }
  const progress = stepProgress(requireRubric(decision.rubricVersion), decision.answers);
  const firstOpen = progress.find((p) => p.state !== "complete");
  redirect(stepPath(teamSlug, decisionId, firstOpen?.id ?? "review"));
}
