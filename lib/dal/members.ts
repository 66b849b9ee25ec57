import "server-only";

import { z } from "zod";

import { getDb } from "@/lib/db";

import type { Actor } from "./actor";
import { AppError } from "./errors";
import { type Role, roleSchema } from "./roles";
import { getTeamForMember, teamNameSchema, type TeamContext } from "./teams";

/** One row of the members table. Emails are shown inside the team only. */
export type MemberRow = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  isYou: boolean;
};

export type TeamSettings = { team: TeamContext; members: MemberRow[]; ownerCount: number };

const LAST_OWNER =
  "A team needs at least one owner. Make someone else an owner first, then try again.";

/** Every member of a team the actor belongs to (any role may read the list). */
export async function listMembers(actor: Actor, teamSlug: string): Promise<TeamSettings> {
  const team = await getTeamForMember(actor, teamSlug);
  const rows = await getDb().membership.findMany({
    where: { teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const members = rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: roleSchema.parse(r.role),
    joinedAt: r.createdAt,
    isYou: r.user.id === actor.userId,
  }));
  return { team, members, ownerCount: members.filter((m) => m.role === "owner").length };
}

const userIdSchema = z.string().min(1).max(64);

/**
 * Changes a member's role. Owners only. The last owner cannot demote
 * themself (nor be demoted): the count is checked inside the transaction.
 */
export async function changeMemberRole(actor: Actor, teamSlug: string, input: { userId: string; role: string }): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug, "manageTeam");
  const userId = userIdSchema.parse(input.userId);
  const parsedRole = roleSchema.safeParse(input.role);
  if (!parsedRole.success) throw new AppError("VALIDATION", "Choose a role", { role: ["Choose one of the four roles"] });
  const role = parsedRole.data;
  await getDb().$transaction(async (tx) => {
    const target = await tx.membership.findFirst({ where: { teamId: team.id, userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("NOT_FOUND", "That person is not a member of this team.");
    if (target.role === role) return;
    if (target.role === "owner") {
      const owners = await tx.membership.count({ where: { teamId: team.id, role: "owner" } });
      if (owners <= 1) throw new AppError("CONFLICT", LAST_OWNER);
    }
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await tx.auditEvent.create({
      data: { teamId: team.id, actorId: actor.userId, action: "member.role_changed", before: { userId, role: target.role }, after: { userId, role } },
    });
  });
}

/** Removes another member (owners only). The last owner cannot be removed. */
export async function removeMember(actor: Actor, teamSlug: string, input: { userId: string }): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug, "manageTeam");
  const userId = userIdSchema.parse(input.userId);
  if (userId === actor.userId) return leaveTeam(actor, teamSlug);
  await getDb().$transaction(async (tx) => {
    const target = await tx.membership.findFirst({ where: { teamId: team.id, userId }, select: { id: true, role: true } });
    if (!target) throw new AppError("NOT_FOUND", "That person is not a member of this team.");
    if (target.role === "owner") {
      const owners = await tx.membership.count({ where: { teamId: team.id, role: "owner" } });
      if (owners <= 1) throw new AppError("CONFLICT", LAST_OWNER);
    }
    await tx.membership.delete({ where: { id: target.id } });
    await tx.auditEvent.create({
      data: { teamId: team.id, actorId: actor.userId, action: "member.removed", before: { userId, role: target.role } },
    });
  });
}

/** Leaves a team. Anyone may leave, except the team's last owner. */
export async function leaveTeam(actor: Actor, teamSlug: string): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug);
  await getDb().$transaction(async (tx) => {
    const mine = await tx.membership.findFirst({ where: { teamId: team.id, userId: actor.userId }, select: { id: true, role: true } });
    if (!mine) throw new AppError("NOT_FOUND", "Team not found");
    if (mine.role === "owner") {
      const owners = await tx.membership.count({ where: { teamId: team.id, role: "owner" } });
      if (owners <= 1) {
        throw new AppError("CONFLICT", "You are the last owner of this team. Make someone else an owner before you leave.");
      }
    }
    await tx.membership.delete({ where: { id: mine.id } });
    await tx.auditEvent.create({
      data: { teamId: team.id, actorId: actor.userId, action: "member.left", before: { userId: actor.userId, role: mine.role } },
    });
  });
}

/** Renames the team (owners only). The slug stays, so links keep working. */
export async function renameTeam(actor: Actor, teamSlug: string, input: { name: string }): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug, "manageTeam");
  const name = teamNameSchema.parse(input.name);
  if (name === team.name) return;
  await getDb().$transaction(async (tx) => {
    await tx.team.update({ where: { id: team.id }, data: { name } });
    await tx.auditEvent.create({
      data: { teamId: team.id, actorId: actor.userId, action: "team.renamed", before: { name: team.name }, after: { name } },
    });
  });
}
