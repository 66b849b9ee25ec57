import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import { getDb } from "@/lib/db";
import {
  type Answers,
  answersSchema,
  type Level,
  LEVELS,
  type Notes,
  notesSchema,
  type Result,
  resultSchema,
  score,
} from "@/lib/rubric";

import type { Actor } from "./actor";
import { AppError } from "./errors";
import { type Role, ROLE_LABELS, roleCan } from "./roles";
import { getTeamForMember } from "./teams";

// ---------------------------------------------------------------------------
// Tokens: 256 random bits, shown once, stored only as a SHA-256 hash.

/** 32 random bytes in base64url: always 43 characters of [A-Za-z0-9_-]. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Hex SHA-256 of a token: the only form a token is ever stored or looked up in. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const sharePath = (token: string) => `/s/${token}`;

// ---------------------------------------------------------------------------
// Managing links (members only; owners and facilitators create and revoke).

export const SHARE_EXPIRY_PRESETS = ["never", "7d", "30d"] as const;
export type ShareExpiry = (typeof SHARE_EXPIRY_PRESETS)[number] | { date: string };

const DAY = 24 * 3600 * 1000;

/** When a link made at `now` with this expiry stops working, or null for never. A date means "through that day (UTC)". */
export function expiresAtFor(expiry: ShareExpiry, now: Date): Date | null {
  if (expiry === "never") return null;
  if (expiry === "7d") return new Date(now.getTime() + 7 * DAY);
  if (expiry === "30d") return new Date(now.getTime() + 30 * DAY);
  const parsed = z.iso.date().safeParse(expiry.date);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Enter the date the link should stop working", { expiresOn: ["Enter a date, like 2026-12-31"] });
  }
  const end = new Date(`${parsed.data}T00:00:00Z`).getTime() + DAY;
  if (end <= now.getTime()) {
    throw new AppError("VALIDATION", "Pick a date from today on", { expiresOn: ["Pick today or a later date"] });
  }
  if (end > now.getTime() + 5 * 366 * DAY) {
    throw new AppError("VALIDATION", "Pick a date within five years", { expiresOn: ["Pick a date within five years, or choose “Never”"] });
  }
  return new Date(end);
}

export type ShareLinkState = "active" | "expired" | "revoked";

export type ShareLinkItem = {
  id: string;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastViewedAt: Date | null;
  viewCount: number;
  state: ShareLinkState;
};

function stateOf(link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Why this role may not create or revoke links, or null when it may. */
export function shareRefusal(role: Role): string | null {
  if (roleCan(role, "share")) return null;
  return `Only owners and facilitators can create or revoke share links. Your role here is ${ROLE_LABELS[role].toLowerCase()}: you can see the links, and a facilitator can share this decision for you.`;
}

async function teamFor(actor: Actor, teamSlug: string, manage: boolean) {
  const team = await getTeamForMember(actor, teamSlug);
  if (manage) {
    const refusal = shareRefusal(team.role);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
  }
  return team;
}

async function requireDecisionInTeam(teamId: string, decisionId: string, actor: Actor) {
  const decision = await getDb().decision.findFirst({
    where: { id: decisionId, teamId, team: { memberships: { some: { userId: actor.userId } } } },
    select: { id: true },
  });
  if (!decision) throw new AppError("NOT_FOUND", "Decision not found");
}

/**
 * A new share link to one decision. Returns the token ONCE: it is never stored,
 * only its SHA-256, so it cannot be shown again. Owners and facilitators only.
 */
export async function createShareLink(
  actor: Actor,
  teamSlug: string,
  decisionId: string,
  input: { expiry: ShareExpiry },
  now: Date = new Date(),
): Promise<{ token: string; path: string; link: ShareLinkItem }> {
  const team = await teamFor(actor, teamSlug, true);
  await requireDecisionInTeam(team.id, decisionId, actor);
  const expiresAt = expiresAtFor(input.expiry, now);
  const token = newToken();
  const tokenHash = hashShareToken(token);
  const link = await getDb().$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { teamId: team.id, decisionId, tokenHash, createdById: actor.userId, createdAt: now, expiresAt },
      select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, lastViewedAt: true, viewCount: true, createdBy: { select: { name: true } } },
    });
    await tx.auditEvent.create({
      data: {
        teamId: team.id,
        decisionId,
        actorId: actor.userId,
        action: "share_link.created",
        after: { shareLinkId: created.id, expiresAt: expiresAt?.toISOString() ?? null },
      },
    });
    return created;
  });
  const { createdBy, ...rest } = link;
  return { token, path: sharePath(token), link: { ...rest, createdByName: createdBy?.name ?? null, state: stateOf(rest, now) } };
}

/** The decision's links, newest first, for any member. Never the hash. */
export async function listShareLinks(actor: Actor, teamSlug: string, decisionId: string, now: Date = new Date()): Promise<ShareLinkItem[]> {
  const team = await teamFor(actor, teamSlug, false);
  await requireDecisionInTeam(team.id, decisionId, actor);
  const rows = await getDb().shareLink.findMany({
    where: { decisionId, teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, lastViewedAt: true, viewCount: true, createdBy: { select: { name: true } } },
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdByName: createdBy?.name ?? null, state: stateOf(row, now) }));
}

/** Stops a link for good. Revoking a revoked link changes nothing. Owners and facilitators only. */
export async function revokeShareLink(actor: Actor, teamSlug: string, linkId: string, now: Date = new Date()): Promise<{ decisionId: string }> {
  const team = await teamFor(actor, teamSlug, true);
  const db = getDb();
  const link = await db.shareLink.findFirst({
    where: { id: linkId, teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    select: { id: true, decisionId: true, revokedAt: true },
  });
  if (!link) throw new AppError("NOT_FOUND", "Share link not found");
  if (link.revokedAt) return { decisionId: link.decisionId };
  await db.$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({ where: { id: link.id, teamId: team.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return;
    await tx.auditEvent.create({
      data: { teamId: team.id, decisionId: link.decisionId, actorId: actor.userId, action: "share_link.revoked", after: { shareLinkId: link.id } },
    });
  });
  return { decisionId: link.decisionId };
}

// ---------------------------------------------------------------------------
// The one unauthenticated read.

export type SharedDecision = {
  title: string;
  context: string;
  teamName: string;
  ownerName: string | null;
  status: string;
  rubricVersion: string;
  answers: Answers;
  notes: Notes;
  /** The stored Result of a recorded decision, or the current answers scored for a draft. */
  result: Result;
  recorded: boolean;
  finalLevel: Level | null;
  recommendedLevel: Level | null;
  overrideRationale: string | null;
  reviewBy: Date | null;
  decidedAt: Date | null;
  updatedAt: Date;
};

const levelSchema = z.enum(LEVELS);

/**
 * THE ONE UNAUTHENTICATED READ in the DAL: the authorization IS the token. It
 * is looked up by its SHA-256 only; unknown, malformed, expired and revoked
 * tokens all do the same work (hash + one indexed lookup + the same checks)
 * and all return null, so a caller cannot tell them apart. A valid token counts
 * a view (unless `countView` is false, e.g. for the preview image) and returns
 * a DTO with no ids and no emails.
 */
export async function getSharedDecision(
  token: string,
  opts: { now?: Date; countView?: boolean } = {},
): Promise<SharedDecision | null> {
  const now = opts.now ?? new Date();
  // Bounded input, but no early exit: a malformed token is hashed and looked up like any other.
  const candidate = typeof token === "string" ? token.slice(0, 256) : "";
  const wellFormed = SHARE_TOKEN_PATTERN.test(candidate);
  const db = getDb();
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(candidate) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      team: { select: { name: true } },
      decision: {
        select: {
          title: true,
          context: true,
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
          updatedAt: true,
          owner: { select: { name: true } },
        },
      },
    },
  });
  const active = link !== null && wellFormed && stateOf(link, now) === "active";
  if (!link || !active) return null;

  if (opts.countView !== false) {
    await db.shareLink.updateMany({
      where: { id: link.id, revokedAt: null },
      data: { viewCount: { increment: 1 }, lastViewedAt: now },
    });
  }
  const d = link.decision;
  const answers = answersSchema(d.rubricVersion).parse(d.answers ?? {}) as Answers;
  const notes = notesSchema(d.rubricVersion).parse(d.notes ?? {}) as Notes;
  const stored = d.result ? (resultSchema.parse(d.result) as Result) : null;
  const recorded = d.status !== "draft" && d.status !== "in_review";
  return {
    title: d.title,
    context: d.context,
    teamName: link.team.name,
    ownerName: d.owner?.name ?? null,
    status: d.status,
    rubricVersion: d.rubricVersion,
    answers,
    notes,
    // History never shifts under later code: a recorded decision shows what was stored.
    result: stored ?? score(answers, d.rubricVersion),
    recorded: recorded && stored !== null,
    finalLevel: d.finalLevel ? levelSchema.parse(d.finalLevel) : null,
    recommendedLevel: d.recommendedLevel ? levelSchema.parse(d.recommendedLevel) : null,
    overrideRationale: d.overrideRationale,
    reviewBy: d.reviewBy,
    decidedAt: d.decidedAt,
    updatedAt: d.updatedAt,
  };
}
