import "server-only";

import { getDb } from "@/lib/db";

import type { Actor } from "./actor";
import { getTeamForMember } from "./teams";

export const DECISION_STATUSES = ["draft", "in_review", "decided", "superseded", "archived"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export type DecisionListItem = {
  id: string;
  title: string;
  status: string;
  recommendedLevel: string | null;
  finalLevel: string | null;
  ownerName: string | null;
  updatedAt: Date;
  reviewBy: Date | null;
};

/** The team's decisions, newest first. Membership is checked in the same query path. */
export async function listDecisions(actor: Actor, teamSlug: string, opts: { take?: number } = {}): Promise<DecisionListItem[]> {
  const team = await getTeamForMember(actor, teamSlug);
  const rows = await getDb().decision.findMany({
    where: { teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: Math.min(opts.take ?? 50, 100),
    select: {
      id: true,
      title: true,
      status: true,
      recommendedLevel: true,
      finalLevel: true,
      updatedAt: true,
      reviewBy: true,
      owner: { select: { name: true } },
    },
  });
  return rows.map(({ owner, ...row }) => ({ ...row, ownerName: owner?.name ?? null }));
}
