import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { searchTextOf } from "@/lib/decisions/search";
import { mapStrings, TEAM_EXPORT_FORMAT, type TeamExport, teamExportSchema } from "@/lib/teams/export-format";

import type { Actor } from "./actor";
import { AppError, isUniqueViolation } from "./errors";
import { slugify, teamNameSchema } from "./teams";

/**
 * Team export / import as `levelset.team/v1` JSON (lib/teams/export-format.ts).
 *
 * Export: owners only (a non-member gets NOT_FOUND, another member FORBIDDEN).
 * Import: any signed-in user; always creates a NEW team (new slug) that the
 * importing user owns, in one transaction, after the whole file has passed the
 * zod schema; nothing is written when anything is wrong.
 *
 * People on import: the importing user is the owner. Nobody is ever created as a
 * user. With `addKnownMembers`, people in the file's member list who already have
 * an account here join with their exported role; everyone else is reported back
 * as not added (invite them from settings). References to people who are not
 * members of the new team (decision owner, creator, audit actor, link creator)
 * are left empty; in audit payloads they stay as `ref:user:<email>`.
 *
 * Share links come back as history only: tokens are never exported, so every
 * imported link is revoked (at import time, unless it already was).
 */

const OWNER_ONLY = "Only owners can export the team. Ask an owner to download it for you.";

export type ImportSummary = {
  slug: string;
  name: string;
  decisions: number;
  /** Emails from the file that joined the new team (besides the importing user). */
  added: string[];
  /** Emails from the file that were not added: no account here, or adding was not asked for. */
  notAdded: string[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The whole team as a levelset.team/v1 document. Owners only. */
export async function exportTeam(actor: Actor, teamSlug: string, now = new Date()): Promise<TeamExport> {
  const membership = await getDb().membership.findFirst({
    where: { userId: actor.userId, team: { slug: teamSlug } },
    select: { role: true, team: { select: { id: true, name: true, createdAt: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Team not found");
  if (membership.role !== "owner") throw new AppError("FORBIDDEN", OWNER_ONLY);
  const team = membership.team;
  // Every query names the team AND requires the asking owner's membership.
  const scope = { teamId: team.id, team: { memberships: { some: { userId: actor.userId, role: "owner" } } } };
  const person = { select: { id: true, email: true } } as const;

  const [members, decisions, audit, links] = await getDb().$transaction([
    getDb().membership.findMany({
      where: scope,
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    getDb().decision.findMany({
      where: scope,
      select: {
        id: true,
        title: true,
        context: true,
        participants: true,
        status: true,
        rubricVersion: true,
        answers: true,
        notes: true,
        result: true,
        recommendedLevel: true,
        finalLevel: true,
        overrideRationale: true,
        reviewBy: true,
        decidedAt: true,
        supersedesId: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        owner: person,
        createdBy: person,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    getDb().auditEvent.findMany({
      where: scope,
      select: { decisionId: true, action: true, before: true, after: true, createdAt: true, actor: person },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    getDb().shareLink.findMany({
      where: scope,
      select: {
        id: true,
        decisionId: true,
        createdAt: true,
        expiresAt: true,
        revokedAt: true,
        lastViewedAt: true,
        viewCount: true,
        createdBy: person,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);

  const decisionRef = new Map(decisions.map((d, i) => [d.id, `d${i + 1}`]));
  const shareRef = new Map(links.map((s, i) => [s.id, `s${i + 1}`]));
  // Database ids inside audit payloads → file-local references.
  const ids = new Map<string, string>();
  for (const [id, ref] of decisionRef) ids.set(id, `ref:decision:${ref}`);
  for (const [id, ref] of shareRef) ids.set(id, `ref:share:${ref}`);
  const people = [
    ...members.map((m) => m.user),
    ...decisions.flatMap((d) => [d.owner, d.createdBy]),
    ...audit.map((a) => a.actor),
    ...links.map((s) => s.createdBy),
  ];
  for (const p of people) if (p) ids.set(p.id, `ref:user:${p.email}`);

  return {
    format: TEAM_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    team: { name: team.name, createdAt: team.createdAt.toISOString() },
    members: members.map((m) => ({
      email: m.user.email,
      name: m.user.name,
      role: m.role as TeamExport["members"][number]["role"],
      joinedAt: m.createdAt.toISOString(),
    })),
    decisions: decisions.map((d) => ({
      ref: decisionRef.get(d.id)!,
      title: d.title,
      context: d.context,
      participants: z.array(z.string()).parse(d.participants ?? []),
      status: d.status as TeamExport["decisions"][number]["status"],
      rubricVersion: d.rubricVersion,
      answers: (d.answers ?? {}) as Record<string, never>,
      notes: (d.notes ?? {}) as Record<string, never>,
      result: (d.result ?? null) as TeamExport["decisions"][number]["result"],
      recommendedLevel: d.recommendedLevel as TeamExport["decisions"][number]["recommendedLevel"],
      finalLevel: d.finalLevel as TeamExport["decisions"][number]["finalLevel"],
      overrideRationale: d.overrideRationale,
      reviewBy: iso(d.reviewBy),
      decidedAt: iso(d.decidedAt),
      supersedes: d.supersedesId ? (decisionRef.get(d.supersedesId) ?? null) : null,
      ownerEmail: d.owner?.email ?? null,
      createdByEmail: d.createdBy?.email ?? null,
      version: d.version,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    })),
    audit: audit.map((a) => ({
      decision: a.decisionId ? (decisionRef.get(a.decisionId) ?? null) : null,
      actorEmail: a.actor?.email ?? null,
      action: a.action,
      before: (mapStrings(a.before, ids) ?? null) as TeamExport["audit"][number]["before"],
      after: (mapStrings(a.after, ids) ?? null) as TeamExport["audit"][number]["after"],
      createdAt: a.createdAt.toISOString(),
    })),
    shareLinks: links.map((s) => ({
      ref: shareRef.get(s.id)!,
      decision: decisionRef.get(s.decisionId)!,
      createdByEmail: s.createdBy?.email ?? null,
      createdAt: s.createdAt.toISOString(),
      expiresAt: iso(s.expiresAt),
      revokedAt: iso(s.revokedAt),
      lastViewedAt: iso(s.lastViewedAt),
      viewCount: s.viewCount,
    })),
  };
}

export const importOptionsSchema = z.object({
  addKnownMembers: z.boolean().default(false),
  /** A new name for the team; the file's name when empty. */
  name: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(teamNameSchema.optional()),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

/** zod issues of the file as `path: message` lines, for the form's file field. */
function fileErrors(error: z.ZodError): string[] {
  const lines = error.issues.slice(0, 5).map((i) => {
    const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    return path ? `${path}: ${i.message}` : i.message;
  });
  if (error.issues.length > 5) lines.push(`… and ${error.issues.length - 5} more problems`);
  return lines;
}

const asJson = (v: unknown) => v as Prisma.InputJsonValue;
const jsonOrNull = (v: unknown) => (v === null || v === undefined ? undefined : (v as Prisma.InputJsonValue));

/**
 * Creates a new team owned by the actor from a levelset.team/v1 document.
 * Validation errors: VALIDATION with field errors on `file` (the document) or `name`.
 */
export async function importTeam(actor: Actor, input: unknown, options: ImportOptions = {}, now = new Date()): Promise<ImportSummary> {
  const opts = importOptionsSchema.safeParse(options);
  if (!opts.success) {
    throw new AppError("VALIDATION", "Check the team name", z.flattenError(opts.error).fieldErrors as Record<string, string[]>);
  }
  const parsed = teamExportSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "This file cannot be imported; nothing was changed.", { file: fileErrors(parsed.error) });
  }
  const file = parsed.data;
  const name = opts.data.name ?? file.team.name;
  const db = getDb();

  return db.$transaction(
    async (tx) => {
      const me = await tx.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true } });
      if (!me) throw new AppError("NOT_FOUND", "Your account was not found; sign in again.");

      let team: { id: string; slug: string } | undefined;
      for (let attempt = 0; !team; attempt++) {
        try {
          team = await tx.team.create({
            data: { name, slug: slugify(name), createdAt: new Date(file.team.createdAt) },
            select: { id: true, slug: true },
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 4) throw error;
        }
      }
      const myEntry = file.members.find((m) => m.email.toLowerCase() === me.email);
      await tx.membership.create({
        data: { teamId: team.id, userId: me.id, role: "owner", ...(myEntry ? { createdAt: new Date(myEntry.joinedAt) } : {}) },
      });

      // People: email (lower-case) → user id, for members of the new team only.
      const userIds = new Map<string, string>([[me.email, me.id]]);
      const others = file.members.filter((m) => m.email.toLowerCase() !== me.email);
      const added: string[] = [];
      if (opts.data.addKnownMembers && others.length > 0) {
        const known = await tx.user.findMany({
          where: { email: { in: others.map((m) => m.email.toLowerCase()) } },
          select: { id: true, email: true },
        });
        const byEmail = new Map(known.map((u) => [u.email, u.id]));
        for (const m of others) {
          const userId = byEmail.get(m.email.toLowerCase());
          if (!userId) continue;
          await tx.membership.create({ data: { teamId: team.id, userId, role: m.role, createdAt: new Date(m.joinedAt) } });
          userIds.set(m.email.toLowerCase(), userId);
          added.push(m.email);
        }
      }
      const notAdded = others.map((m) => m.email).filter((e) => !added.includes(e));
      const personId = (email: string | null) => (email ? (userIds.get(email.toLowerCase()) ?? null) : null);

      // Decisions in file order; revisit links once every decision exists.
      const decisionIds = new Map<string, string>();
      for (const d of file.decisions) {
        const notes = d.notes as Record<string, string>;
        const created = await tx.decision.create({
          data: {
            teamId: team.id,
            title: d.title,
            context: d.context,
            participants: d.participants,
            ownerId: personId(d.ownerEmail),
            createdById: personId(d.createdByEmail),
            status: d.status,
            rubricVersion: d.rubricVersion,
            answers: asJson(d.answers),
            notes: asJson(d.notes),
            result: jsonOrNull(d.result),
            recommendedLevel: d.recommendedLevel,
            finalLevel: d.finalLevel,
            overrideRationale: d.overrideRationale,
            reviewBy: d.reviewBy ? new Date(d.reviewBy) : null,
            decidedAt: d.decidedAt ? new Date(d.decidedAt) : null,
            version: d.version,
            searchText: searchTextOf(d.title, d.context, notes),
            createdAt: new Date(d.createdAt),
            updatedAt: new Date(d.updatedAt),
          },
          select: { id: true },
        });
        decisionIds.set(d.ref, created.id);
      }
      for (const d of file.decisions) {
        if (!d.supersedes) continue;
        await tx.decision.update({
          where: { id: decisionIds.get(d.ref)! },
          data: { supersedesId: decisionIds.get(d.supersedes)!, updatedAt: new Date(d.updatedAt) },
        });
      }

      // Share links: metadata only, under a hash of a token nobody ever sees.
      const shareIds = new Map<string, string>();
      for (const s of file.shareLinks) {
        const created = await tx.shareLink.create({
          data: {
            teamId: team.id,
            decisionId: decisionIds.get(s.decision)!,
            tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
            createdById: personId(s.createdByEmail),
            createdAt: new Date(s.createdAt),
            expiresAt: s.expiresAt ? new Date(s.expiresAt) : null,
            revokedAt: new Date(s.revokedAt ?? now),
            lastViewedAt: s.lastViewedAt ? new Date(s.lastViewedAt) : null,
            viewCount: s.viewCount,
          },
          select: { id: true },
        });
        shareIds.set(s.ref, created.id);
      }

      // The audit trail, with file references turned back into this team's ids.
      const refs = new Map<string, string>();
      for (const [ref, id] of decisionIds) refs.set(`ref:decision:${ref}`, id);
      for (const [ref, id] of shareIds) refs.set(`ref:share:${ref}`, id);
      for (const [email, id] of userIds) refs.set(`ref:user:${email}`, id);
      await tx.auditEvent.createMany({
        data: file.audit.map((a) => ({
          teamId: team.id,
          decisionId: a.decision ? decisionIds.get(a.decision)! : null,
          actorId: personId(a.actorEmail),
          action: a.action,
          before: jsonOrNull(mapStrings(a.before, refs)),
          after: jsonOrNull(mapStrings(a.after, refs)),
          createdAt: new Date(a.createdAt),
        })),
      });
      await tx.auditEvent.create({
        data: {
          teamId: team.id,
          actorId: me.id,
          action: "team.imported",
          after: { format: file.format, exportedAt: file.exportedAt, decisions: file.decisions.length, membersAdded: added.length },
          createdAt: now,
        },
      });
      return { slug: team.slug, name, decisions: file.decisions.length, added, notAdded };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
