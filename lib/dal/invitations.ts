import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import { getDb } from "@/lib/db";

import type { Actor } from "./actor";
import { AppError, isUniqueViolation } from "./errors";
import { type Role, roleSchema } from "./roles";
import { getTeamForMember } from "./teams";

export const INVITATION_EXPIRIES = ["7d", "30d", "never"] as const;
export type InvitationExpiry = (typeof INVITATION_EXPIRIES)[number];
export const EXPIRY_LABELS: Record<InvitationExpiry, string> = { "7d": "In 7 days", "30d": "In 30 days", never: "Never" };

export const createInvitationSchema = z.object({
  role: roleSchema,
  expiry: z.enum(INVITATION_EXPIRIES, { message: "Choose when the link expires" }),
  maxUses: z.coerce
    .number({ message: "Enter a number from 1 to 100" })
    .int("Enter a whole number")
    .min(1, "At least 1 use")
    .max(100, "At most 100 uses"),
});
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export type InvitationState = "active" | "expired" | "revoked" | "used_up";

export type InvitationListItem = {
  id: string;
  role: Role;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  uses: number;
  maxUses: number;
  state: InvitationState;
};

export type InvitationPreview = { teamName: string; teamSlug: string; role: Role; inviterName: string | null };

const DAY = 24 * 60 * 60 * 1000;
/** Tokens are base64url of 32 random bytes: 43 characters. Anything else is not worth a query. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function stateOf(row: { revokedAt: Date | null; expiresAt: Date | null; uses: number; maxUses: number }, now = new Date()): InvitationState {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.uses >= row.maxUses) return "used_up";
  return "active";
}

/** Where-clause of an invitation that can still be used right now. */
function usableWhere(now: Date) {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * A new invitation link (owners only). The token is returned ONCE; only its
 * SHA-256 is stored, so nobody (not even an owner) can read it back later.
 */
export async function createInvitation(
  actor: Actor,
  teamSlug: string,
  input: CreateInvitationInput,
): Promise<{ token: string; id: string }> {
  const team = await getTeamForMember(actor, teamSlug, "manageTeam");
  const data = createInvitationSchema.parse(input);
  const now = new Date();
  const expiresAt = data.expiry === "never" ? null : new Date(now.getTime() + (data.expiry === "7d" ? 7 : 30) * DAY);
  for (let attempt = 0; ; attempt++) {
    const token = randomBytes(32).toString("base64url");
    try {
      const invitation = await getDb().$transaction(async (tx) => {
        const created = await tx.invitation.create({
          data: { teamId: team.id, tokenHash: hashInvitationToken(token), role: data.role, createdById: actor.userId, expiresAt, maxUses: data.maxUses },
          select: { id: true },
        });
        await tx.auditEvent.create({
          data: {
            teamId: team.id,
            actorId: actor.userId,
            action: "invitation.created",
            after: { invitationId: created.id, role: data.role, expiresAt: expiresAt?.toISOString() ?? null, maxUses: data.maxUses },
          },
        });
        return created;
      });
      return { token, id: invitation.id };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

/** The team's invitations, newest first, without token hashes (owners only). */
export async function listInvitations(actor: Actor, teamSlug: string): Promise<InvitationListItem[]> {
  const team = await getTeamForMember(actor, teamSlug, "manageTeam");
  const rows = await getDb().invitation.findMany({
    where: { teamId: team.id, team: { memberships: { some: { userId: actor.userId, role: "owner" } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, role: true, createdAt: true, expiresAt: true, uses: true, maxUses: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    role: roleSchema.parse(r.role),
    createdByName: r.createdBy?.name ?? null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    uses: r.uses,
    maxUses: r.maxUses,
    state: stateOf(r, now),
  }));
}

/** Revokes an invitation of the actor's team (owners only). Revoking twice is a no-op. */
export async function revokeInvitation(actor: Actor, teamSlug: string, invitationId: string): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug, "manageTeam");
  const id = z.string().min(1).max(64).parse(invitationId);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id, teamId: team.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) {
      const exists = await tx.invitation.findFirst({ where: { id, teamId: team.id }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "Invitation not found");
      return;
    }
    await tx.auditEvent.create({
      data: { teamId: team.id, actorId: actor.userId, action: "invitation.revoked", after: { invitationId: id } },
    });
  });
}

const NOT_VALID = "This invitation is no longer valid";

async function findUsable(token: string) {
  if (!tokenSchema.safeParse(token).success) throw new AppError("NOT_FOUND", NOT_VALID);
  const row = await getDb().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      role: true,
      uses: true,
      maxUses: true,
      revokedAt: true,
      expiresAt: true,
      team: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!row || stateOf(row) !== "active") throw new AppError("NOT_FOUND", NOT_VALID);
  return row;
}

/**
 * What the accept page shows: team name, role and who invited. The token is
 * the capability, so no actor; unknown, expired, revoked and used-up links all
 * get the same NOT_FOUND.
 */
export async function getInvitationPreview(token: string): Promise<InvitationPreview> {
  const row = await findUsable(token);
  return { teamName: row.team.name, teamSlug: row.team.slug, role: roleSchema.parse(row.role), inviterName: row.createdBy?.name ?? null };
}

/**
 * Joins the actor to the invitation's team with its role. The use is counted
 * with a conditional update (`uses < maxUses`, not revoked, not expired), so
 * two people can never exceed maxUses. Someone already in the team just goes
 * to it: no use is consumed and their role is unchanged.
 */
export async function acceptInvitation(actor: Actor, token: string): Promise<{ teamSlug: string; alreadyMember: boolean }> {
  const row = await findUsable(token);
  const db = getDb();
  const existing = await db.membership.findFirst({ where: { teamId: row.team.id, userId: actor.userId }, select: { id: true } });
  if (existing) return { teamSlug: row.team.slug, alreadyMember: true };
  const role = roleSchema.parse(row.role);
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.invitation.updateMany({
        where: { id: row.id, uses: { lt: row.maxUses }, ...usableWhere(now) },
        data: { uses: { increment: 1 } },
      });
      if (count === 0) throw new AppError("NOT_FOUND", NOT_VALID);
      // Re-check the cap after our increment: under concurrent writers the
      // increment is atomic, so a total beyond maxUses means we lost the race.
      const after = await tx.invitation.findUnique({ where: { id: row.id }, select: { uses: true, maxUses: true } });
      if (!after || after.uses > after.maxUses) throw new AppError("NOT_FOUND", NOT_VALID);
      await tx.membership.create({ data: { teamId: row.team.id, userId: actor.userId, role } });
      await tx.auditEvent.create({
        data: { teamId: row.team.id, actorId: actor.userId, action: "member.joined", after: { userId: actor.userId, role, invitationId: row.id } },
      });
      return { teamSlug: row.team.slug, alreadyMember: false };
    });
  } catch (error) {
    // Joined in a parallel request (double click): they are in, nothing more to do.
    if (isUniqueViolation(error)) return { teamSlug: row.team.slug, alreadyMember: true };
    throw error;
  }
}
