import "server-only";

import { getDb } from "@/lib/db";

import type { Actor } from "./actor";
import { getTeamForMember } from "./teams";

export type DecisionChoice = {
  id: string;
  title: string;
  status: string;
  /** The team's level once recorded, else the last recommendation (null for an untouched draft). */
  level: string | null;
};

/**
 * The team's decisions to pick two from on the compare page, by title. Non-members
 * get NOT_FOUND (from getTeamForMember), and the query itself requires membership.
 */
export async function listDecisionChoices(actor: Actor, teamSlug: string): Promise<DecisionChoice[]> {
  const team = await getTeamForMember(actor, teamSlug);
  const rows = await getDb().decision.findMany({
    where: { teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, title: true, status: true, finalLevel: true, recommendedLevel: true },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, status: row.status, level: row.finalLevel ?? row.recommendedLevel }));
}
