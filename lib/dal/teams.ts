import "server-only";

import { randomBytes } from "node:crypto";

import { cache } from "react";
import { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";

import type { Actor } from "./actor";
import { AppError, isUniqueViolation } from "./errors";
import { type Role, roleCan, roleSchema, type Capability } from "./roles";

export const teamNameSchema = z.string().trim().min(2, "Use at least 2 characters").max(60, "Use at most 60 characters");
export const createTeamSchema = z.object({ name: teamNameSchema });

export type TeamSummary = { slug: string; name: string; role: Role };
export type TeamContext = { id: string; slug: string; name: string; role: Role };

/** A readable, unguessable-enough slug: `acme-ml-k3f9`. Uniqueness is the database's job. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return `${base || "team"}-${randomBytes(3).toString("hex").slice(0, 4)}`;
}

/** Inside a transaction: a team, its first owner, and the audit event. */
export async function createTeamRecord(tx: Prisma.TransactionClient, userId: string, name: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const team = await tx.team.create({
        data: { name, slug: slugify(name), memberships: { create: { userId, role: "owner" } } },
        select: { id: true, slug: true, name: true },
      });
      await tx.auditEvent.create({
        data: { teamId: team.id, actorId: userId, action: "team.created", after: { name } },
      });
      return team;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function createTeam(actor: Actor, input: { name: string }): Promise<TeamSummary> {
  const { name } = createTeamSchema.parse(input);
  const team = await getDb().$transaction((tx) => createTeamRecord(tx, actor.userId, name));
  return { slug: team.slug, name: team.name, role: "owner" };
}

export async function listTeamsForUser(actor: Actor): Promise<TeamSummary[]> {
  const memberships = await getDb().membership.findMany({
    where: { userId: actor.userId },
    select: { role: true, team: { select: { slug: true, name: true } } },
    orderBy: [{ createdAt: "asc" }],
  });
  return memberships.map((m) => ({ slug: m.team.slug, name: m.team.name, role: roleSchema.parse(m.role) }));
}

/**
 * One membership lookup per user and team per request: a page's layout, metadata
 * and body all ask. React's `cache` lasts one server render (outside a render,
 * e.g. in a server action, it calls through), so nothing is shared between
 * requests or users.
 */
const findMembership = cache(async (userId: string, teamSlug: string) => {
  // One statement: Prisma reads a relation with a second query on SQLite (joins in one
  // query are PostgreSQL/MySQL only), and every team page and action asks this first.
  const rows = await getDb().$queryRaw<{ role: string; id: string; slug: string; name: string }[]>`
    SELECT m."role", t."id", t."slug", t."name"
    FROM "Membership" m JOIN "Team" t ON t."id" = m."teamId"
    WHERE m."userId" = ${userId} AND t."slug" = ${teamSlug}
    LIMIT 1`;
  const row = rows[0];
  return row ? { role: row.role, team: { id: row.id, slug: row.slug, name: row.name } } : null;
});

/**
 * The team behind a URL slug, only if the actor is a member: membership is part
 * of the `where`, so a non-member (or a forgotten check) gets NOT_FOUND, never
 * the team. When a capability is named, a member without it gets FORBIDDEN with
 * a reason they can read.
 */
export async function getTeamForMember(actor: Actor, teamSlug: string, capability: Capability = "read"): Promise<TeamContext> {
  const membership = await findMembership(actor.userId, teamSlug);
  if (!membership) throw new AppError("NOT_FOUND", "Team not found");
  const role = roleSchema.parse(membership.role);
  if (!roleCan(role, capability)) {
    throw new AppError("FORBIDDEN", `Your role (${role}) cannot do this in ${membership.team.name}.`);
  }
  return { ...membership.team, role };
}
