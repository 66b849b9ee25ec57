import "server-only";

import { z } from "zod";

import { getDb } from "@/lib/db";
import { CURRENT_RUBRIC_VERSION } from "@/lib/rubric";

import type { Actor } from "./actor";
import { AppError } from "./errors";
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

export const createDecisionSchema = z.object({
  title: z.string().trim().min(3, "Use at least 3 characters").max(120, "Use at most 120 characters"),
  context: z
    .string()
    .trim()
    .min(10, "Say in a sentence what the LLM feature does and for whom")
    .max(4000, "Use at most 4,000 characters"),
  ownerId: z.string().min(1, "Choose an owner"),
  participants: z
    .array(z.string().trim().min(1).max(80, "Keep each name under 80 characters"))
    .max(50, "At most 50 participants")
    .default([]),
});
export type CreateDecisionInput = z.input<typeof createDecisionSchema>;

/**
 * A new draft in the actor's team. Facilitators and owners only; the owner must
 * be a member of the same team (a client-supplied user id is never trusted).
 */
export async function createDecision(actor: Actor, teamSlug: string, input: CreateDecisionInput): Promise<{ id: string }> {
  const team = await getTeamForMember(actor, teamSlug, "createDecision");
  const data = createDecisionSchema.parse(input);
  const db = getDb();
  const ownerIsMember = await db.membership.findFirst({
    where: { teamId: team.id, userId: data.ownerId },
    select: { id: true },
  });
  if (!ownerIsMember) {
    throw new AppError("VALIDATION", "The owner must be a member of this team", {
      ownerId: ["Choose an owner from this team"],
    });
  }
  return db.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: {
        teamId: team.id,
        title: data.title,
        context: data.context,
        participants: data.participants,
        ownerId: data.ownerId,
        createdById: actor.userId,
        rubricVersion: CURRENT_RUBRIC_VERSION,
        answers: {},
        notes: {},
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        teamId: team.id,
        decisionId: decision.id,
        actorId: actor.userId,
        action: "decision.created",
        after: { title: data.title, ownerId: data.ownerId },
      },
    });
    return decision;
  });
}
