import "server-only";

import { cache } from "react";
import { z } from "zod";

import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import {
  type Answers,
  answersSchema,
  CURRENT_RUBRIC_VERSION,
  type Level,
  LEVELS,
  type Notes,
  notesSchema,
  requireRubric,
  type Result,
  resultSchema,
  score,
  type Section,
  noteTextSchema,
  stepAnswersSchema,
} from "@/lib/rubric";
import { searchTextOf } from "@/lib/decisions/search";
import { mergeStepAnswers } from "@/lib/workshop/step-form";

import type { Actor } from "./actor";
import { AppError, isRecordNotFound, isUniqueViolation } from "./errors";
import { type Role, roleSchema } from "./roles";
import { getTeamForMember, type TeamContext } from "./teams";

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
        searchText: searchTextOf(data.title, data.context, {}),
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

// ---------------------------------------------------------------------------
// One decision: read, save a workshop step, record, reopen.

export type DecisionDetail = {
  id: string;
  teamSlug: string;
  teamName: string;
  title: string;
  context: string;
  participants: string[];
  status: DecisionStatus;
  rubricVersion: string;
  answers: Answers;
  notes: Notes;
  result: Result | null;
  recommendedLevel: Level | null;
  finalLevel: Level | null;
  overrideRationale: string | null;
  reviewBy: Date | null;
  decidedAt: Date | null;
  version: number;
  owner: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  supersedes: { id: string; title: string } | null;
  supersededBy: { id: string; title: string } | null;
  /** The asking user's role in the team. */
  role: Role;
};

const levelSchema = z.enum(LEVELS);
const statusSchema = z.enum(DECISION_STATUSES);
const participantsSchema = z.array(z.string());

const decisionSelect = {
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
  version: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
  supersedes: { select: { id: true, title: true } },
  supersededBy: { select: { id: true, title: true } },
} as const;

type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>;

/** Stored JSON is checked on the way out: a corrupted row fails loudly, not halfway through a page. */
function toDetail(row: DecisionRow, team: TeamContext): DecisionDetail {
  const answers = answersSchema(row.rubricVersion).parse(row.answers ?? {}) as Answers;
  const notes = notesSchema(row.rubricVersion).parse(row.notes ?? {}) as Notes;
  return {
    ...row,
    teamSlug: team.slug,
    teamName: team.name,
    participants: participantsSchema.parse(row.participants ?? []),
    status: statusSchema.parse(row.status),
    answers,
    notes,
    result: row.result ? (resultSchema.parse(row.result) as Result) : null,
    recommendedLevel: row.recommendedLevel ? levelSchema.parse(row.recommendedLevel) : null,
    finalLevel: row.finalLevel ? levelSchema.parse(row.finalLevel) : null,
    role: team.role,
  };
}

async function findDecisionRow(team: TeamContext, decisionId: string, actor: Actor) {
  const row = await getDb().decision.findFirst({
    where: { id: decisionId, teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    select: decisionSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "Decision not found");
  return row;
}

/** Read once per request (React `cache`, keyed by user, team and decision): a decision page's layout, metadata and body share it. */
const readDecision = cache(async (userId: string, teamSlug: string, decisionId: string): Promise<DecisionDetail> => {
  const actor = { userId };
  const team = await getTeamForMember(actor, teamSlug);
  return toDetail(await findDecisionRow(team, decisionId, actor), team);
});

export async function getDecision(actor: Actor, teamSlug: string, decisionId: string): Promise<DecisionDetail> {
  return readDecision(actor.userId, teamSlug, decisionId);
}

export type TeamMember = { id: string; name: string; role: Role };

export async function listTeamMembers(actor: Actor, teamSlug: string): Promise<TeamMember[]> {
  const team = await getTeamForMember(actor, teamSlug);
  const rows = await getDb().membership.findMany({
    where: { teamId: team.id },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, role: roleSchema.parse(r.role) }));
}

const EDITABLE: DecisionStatus[] = ["draft", "in_review"];

export type SaveStepInput = {
  sectionId: string;
  /**
   * The rubric version the answers were read with (a form reads its fields by
   * the version it was rendered for): a save for any other version is refused.
   */
  rubricVersion?: string;
  /** Validated again here with the decision's rubric step schema. */
  answers: Answers;
  note?: string;
  expectedVersion: number;
};

export type SaveStepResult = { version: number; answers: Answers; notes: Notes; result: Result; changed: boolean };

export type ConflictDetails = { version: number; answers: Answers; notes: Notes; updatedBy: string | null };

type StepPlan = {
  answers: Answers;
  notes: Record<string, string>;
  result: Result;
  /** Only what this step changes: empty when it changes nothing. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/** What saving one step onto `current` would store (pure: nothing is written). */
function planStep(
  current: Pick<DecisionDetail, "rubricVersion" | "answers" | "notes">,
  section: Section,
  step: Answers,
  noteText: string | undefined,
): StepPlan {
  const answers = answersSchema(current.rubricVersion).parse(mergeStepAnswers(section, current.answers, step)) as Answers;
  const notes: Record<string, string> = Object.fromEntries(
    Object.entries(current.notes).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  if (noteText !== undefined) {
    if (noteText.trim() === "") delete notes[section.noteId];
    else notes[section.noteId] = noteText;
  }
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const q of section.questions) {
    if (JSON.stringify(current.answers[q.id]) !== JSON.stringify(answers[q.id])) {
      before[q.id] = current.answers[q.id] ?? null;
      after[q.id] = answers[q.id] ?? null;
    }
  }
  if ((current.notes[section.noteId] ?? "") !== (notes[section.noteId] ?? "")) {
    before[section.noteId] = current.notes[section.noteId] ?? null;
    after[section.noteId] = notes[section.noteId] ?? null;
  }
  return { answers, notes, result: score(answers, current.rubricVersion), before, after };
}

export type AgreedStep = { sectionId: string; answers: Answers; note?: string };

/**
 * Writes several steps into a decision inside the caller's transaction (the
 * live session's close): one version bump and one audit event per changed
 * step, so the history reads as it does for step-by-step saves. The caller has
 * already checked that `actor` may answer in `team`; the read is scoped by the
 * actor's membership all the same. Throws (and so rolls the caller's whole
 * transaction back) when the decision was recorded in the meantime.
 */
export async function saveAgreedStepsInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  team: TeamContext,
  decisionId: string,
  steps: AgreedStep[],
): Promise<{ version: number; changed: boolean }> {
  const row = await tx.decision.findFirst({
    where: { id: decisionId, teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    select: decisionSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "Decision not found");
  let current = toDetail(row, team);
  if (!EDITABLE.includes(current.status)) {
    throw new AppError("SEALED", "This decision is recorded and its answers are sealed. Reopen it to change them.");
  }
  const rubric = requireRubric(current.rubricVersion);
  const version = current.version;
  const events: { step: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
  let result: Result | null = null;
  for (const input of steps) {
    const section = rubric.sections.find((s) => s.id === input.sectionId);
    if (!section) throw new AppError("NOT_FOUND", "No such step");
    const step = stepAnswersSchema(current.rubricVersion, section.id).parse(input.answers) as Answers;
    const noteText = input.note === undefined ? undefined : noteTextSchema(current.rubricVersion).parse(input.note);
    const plan = planStep(current, section, step, noteText);
    if (Object.keys(plan.after).length === 0) continue;
    events.push({ step: section.id, before: plan.before, after: plan.after });
    current = { ...current, answers: plan.answers, notes: plan.notes };
    result = plan.result;
  }
  if (events.length === 0 || !result) return { version, changed: false };
  const { count } = await tx.decision.updateMany({
    where: { id: decisionId, teamId: team.id, version, status: { in: EDITABLE } },
    data: {
      answers: current.answers as Prisma.InputJsonObject,
      notes: current.notes,
      searchText: searchTextOf(current.title, current.context, current.notes),
      recommendedLevel: result.level,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new AppError("CONFLICT", "Someone else saved this decision at the same moment; close the session again.");
  for (const e of events) {
    await tx.auditEvent.create({
      data: {
        teamId: team.id,
        decisionId,
        actorId: actor.userId,
        action: "decision.answers_updated",
        before: e.before as Prisma.InputJsonObject,
        after: { step: e.step, ...e.after } as Prisma.InputJsonObject,
      },
    });
  }
  return { version: version + 1, changed: true };
}

/**
 * Saves one step with optimistic concurrency: the write names the version it
 * read, and a newer version on the server refuses it (CONFLICT, with what the
 * other writer saved). Nothing is written on any refusal. A save that changes
 * nothing writes nothing (autosave stays cheap).
 */
export async function saveStep(actor: Actor, teamSlug: string, decisionId: string, input: SaveStepInput): Promise<SaveStepResult> {
  const team = await getTeamForMember(actor, teamSlug, "answer");
  // Only what a save needs (no owner or supersedes links): autosave runs every few seconds in a workshop.
  const row = await getDb().decision.findFirst({
    where: { id: decisionId, teamId: team.id, team: { memberships: { some: { userId: actor.userId } } } },
    select: { status: true, rubricVersion: true, answers: true, notes: true, version: true, title: true, context: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Decision not found");
  const current = {
    ...row,
    status: statusSchema.parse(row.status),
    answers: answersSchema(row.rubricVersion).parse(row.answers ?? {}) as Answers,
    notes: notesSchema(row.rubricVersion).parse(row.notes ?? {}) as Notes,
  };
  if (!EDITABLE.includes(current.status)) {
    throw new AppError("SEALED", "This decision is recorded and its answers are sealed. Reopen it to change them.");
  }
  if (input.rubricVersion !== undefined && input.rubricVersion !== current.rubricVersion) {
    throw new AppError("VALIDATION", "This page was made for another version of the questions. Reload it to continue.", {
      rubricVersion: [`This decision uses rubric ${current.rubricVersion}.`],
    });
  }
  const rubric = requireRubric(current.rubricVersion);
  const section = rubric.sections.find((s) => s.id === input.sectionId);
  if (!section) throw new AppError("NOT_FOUND", "No such step");
  const step = stepAnswersSchema(current.rubricVersion, section.id).parse(input.answers) as Answers;
  const noteText = input.note === undefined ? undefined : noteTextSchema(current.rubricVersion).parse(input.note);

  if (current.version !== input.expectedVersion) throw await conflict(team, decisionId, actor);

  const { answers, notes, result, before, after } = planStep(current, section, step, noteText);
  if (Object.keys(after).length === 0) {
    return { version: current.version, answers, notes, result, changed: false };
  }

  // One batch: the update only matches the version this save was based on (and a decision still
  // open for answers), else it fails with P2025 and the audit event is never written.
  const db = getDb();
  try {
    await db.$transaction([
      db.decision.update({
        where: { id: decisionId, teamId: team.id, version: input.expectedVersion, status: { in: EDITABLE } },
        data: {
          answers: answers as Prisma.InputJsonObject,
          notes,
          searchText: searchTextOf(current.title, current.context, notes),
          recommendedLevel: result.level,
          version: { increment: 1 },
        },
        select: { id: true },
      }),
      db.auditEvent.createMany({
        data: {
          teamId: team.id,
          decisionId,
          actorId: actor.userId,
          action: "decision.answers_updated",
          before: before as Prisma.InputJsonObject,
          after: { step: section.id, ...after } as Prisma.InputJsonObject,
        },
      }),
    ]);
  } catch (error) {
    if (isRecordNotFound(error)) throw await conflict(team, decisionId, actor);
    throw error;
  }
  return { version: input.expectedVersion + 1, answers, notes, result, changed: true };
}

async function conflict(team: TeamContext, decisionId: string, actor: Actor): Promise<AppError> {
  const latest = toDetail(await findDecisionRow(team, decisionId, actor), team);
  if (!EDITABLE.includes(latest.status)) {
    return new AppError("SEALED", "This decision was recorded in the meantime; its answers are sealed.");
  }
  const lastEdit = await getDb().auditEvent.findFirst({
    where: { decisionId, teamId: team.id, action: "decision.answers_updated" },
    orderBy: { createdAt: "desc" },
    select: { actor: { select: { name: true } } },
  });
  const details: ConflictDetails = {
    version: latest.version,
    answers: latest.answers,
    notes: latest.notes,
    updatedBy: lastEdit?.actor?.name ?? null,
  };
  return new AppError("CONFLICT", "Someone else saved this decision after you opened it.", undefined, details);
}

/** Moves a draft to review (the team reached the result). Idempotent. */
export async function markInReview(actor: Actor, teamSlug: string, decisionId: string): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug, "answer");
  await findDecisionRow(team, decisionId, actor);
  await getDb().decision.updateMany({
    where: { id: decisionId, teamId: team.id, status: "draft" },
    data: { status: "in_review" },
  });
}

export const recordDecisionSchema = z
  .object({
    finalLevel: z.enum(LEVELS, { message: "Choose the level the team decided on" }),
    rationale: z.string().trim().max(4000, "Use at most 4,000 characters").default(""),
    ownerId: z.string().min(1, "Choose an owner"),
    reviewBy: z.iso.date({ message: "Enter a review date" }),
    expectedVersion: z.coerce.number().int().min(1),
  })
  .refine((v) => new Date(`${v.reviewBy}T00:00:00Z`).getTime() > Date.now() - 24 * 3600 * 1000, {
    path: ["reviewBy"],
    message: "Pick a review date in the future",
  });
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;

/**
 * Records the team's decision: the server scores the sealed answers, stores the
 * Result with its rubric version, and marks a revisited decision superseded.
 * Choosing another level than the recommendation needs a rationale.
 */
export async function recordDecision(actor: Actor, teamSlug: string, decisionId: string, input: RecordDecisionInput) {
  const team = await getTeamForMember(actor, teamSlug, "decide");
  const data = recordDecisionSchema.parse(input);
  const current = toDetail(await findDecisionRow(team, decisionId, actor), team);
  if (!EDITABLE.includes(current.status)) throw new AppError("SEALED", "This decision is already recorded.");
  if (current.version !== data.expectedVersion) throw await conflict(team, decisionId, actor);
  const result = score(current.answers, current.rubricVersion);
  if (data.finalLevel !== result.level && data.rationale.length < 10) {
    throw new AppError("VALIDATION", "Say why the team chose another level", {
      rationale: ["Say in a sentence or two why the team chose another level than the recommendation."],
    });
  }
  const db = getDb();
  const owner = await db.membership.findFirst({ where: { teamId: team.id, userId: data.ownerId }, select: { id: true } });
  if (!owner) throw new AppError("VALIDATION", "Choose an owner from this team", { ownerId: ["Choose an owner from this team"] });
  const now = new Date();
  const supersedes = await db.decision.findFirst({
    where: { supersededBy: { id: decisionId }, teamId: team.id },
    select: { id: true },
  });
  const ok = await db.$transaction(async (tx) => {
    const { count } = await tx.decision.updateMany({
      where: { id: decisionId, teamId: team.id, version: data.expectedVersion, status: { in: EDITABLE } },
      data: {
        status: "decided",
        result: result as unknown as Prisma.InputJsonObject,
        recommendedLevel: result.level,
        finalLevel: data.finalLevel,
        overrideRationale: data.rationale || null,
        ownerId: data.ownerId,
        reviewBy: new Date(`${data.reviewBy}T00:00:00Z`),
        decidedAt: now,
        version: { increment: 1 },
      },
    });
    if (count === 0) return false;
    await tx.auditEvent.create({
      data: {
        teamId: team.id,
        decisionId,
        actorId: actor.userId,
        action: "decision.recorded",
        before: { status: current.status },
        after: {
          status: "decided",
          recommendedLevel: result.level,
          finalLevel: data.finalLevel,
          rationale: data.rationale || null,
          reviewBy: data.reviewBy,
        },
      },
    });
    if (supersedes) {
      await tx.decision.updateMany({ where: { id: supersedes.id, teamId: team.id }, data: { status: "superseded", version: { increment: 1 } } });
      await tx.auditEvent.create({
        data: { teamId: team.id, decisionId: supersedes.id, actorId: actor.userId, action: "decision.superseded", after: { by: decisionId } },
      });
    }
    return true;
  });
  if (!ok) throw await conflict(team, decisionId, actor);
  return { version: data.expectedVersion + 1 };
}

/** Opens a recorded decision again: a revision, with what was recorded kept in the audit trail. */
export async function reopenDecision(actor: Actor, teamSlug: string, decisionId: string, expectedVersion: number) {
  const team = await getTeamForMember(actor, teamSlug, "decide");
  const current = toDetail(await findDecisionRow(team, decisionId, actor), team);
  if (current.status !== "decided") throw new AppError("CONFLICT", "Only a recorded decision can be reopened.");
  const ok = await getDb().$transaction(async (tx) => {
    const { count } = await tx.decision.updateMany({
      where: { id: decisionId, teamId: team.id, version: expectedVersion, status: "decided" },
      data: { status: "in_review", finalLevel: null, overrideRationale: null, decidedAt: null, result: Prisma.DbNull, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await tx.auditEvent.create({
      data: {
        teamId: team.id,
        decisionId,
        actorId: actor.userId,
        action: "decision.reopened",
        before: {
          finalLevel: current.finalLevel,
          recommendedLevel: current.recommendedLevel,
          overrideRationale: current.overrideRationale,
          decidedAt: current.decidedAt?.toISOString() ?? null,
          result: current.result as unknown as Prisma.InputJsonObject,
        },
        after: { status: "in_review" },
      },
    });
    return true;
  });
  if (!ok) throw await conflict(team, decisionId, actor);
}

// ---------------------------------------------------------------------------
// The decision page: audit trail, revisit, archive.

export type AuditEntry = {
  id: string;
  action: string;
  actorName: string | null;
  createdAt: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

const jsonObject = z.record(z.string(), z.unknown()).nullable().catch(null);

export async function listDecisionAudit(actor: Actor, teamSlug: string, decisionId: string, take = 100): Promise<AuditEntry[]> {
  const team = await getTeamForMember(actor, teamSlug);
  await readDecision(actor.userId, teamSlug, decisionId); // the decision must be the member's (shared with the page's own read)
  const rows = await getDb().auditEvent.findMany({
    where: { decisionId, teamId: team.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorName: r.actor?.name ?? null,
    createdAt: r.createdAt,
    before: jsonObject.parse(r.before ?? null),
    after: jsonObject.parse(r.after ?? null),
  }));
}

/**
 * "Revisit with today's facts": a new draft prefilled from a recorded decision's
 * answers and notes, linked both ways. When it is recorded, the old one becomes
 * superseded. Revisiting twice opens the draft that already exists.
 */
export async function revisitDecision(actor: Actor, teamSlug: string, decisionId: string): Promise<{ id: string; created: boolean }> {
  const team = await getTeamForMember(actor, teamSlug, "createDecision");
  const old = toDetail(await findDecisionRow(team, decisionId, actor), team);
  if (old.supersededBy) return { id: old.supersededBy.id, created: false };
  if (old.status !== "decided") throw new AppError("CONFLICT", "Only a recorded decision can be revisited.");
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const draft = await tx.decision.create({
        data: {
          teamId: team.id,
          title: old.title,
          context: old.context,
          participants: old.participants,
          ownerId: old.owner?.id ?? actor.userId,
          createdById: actor.userId,
          rubricVersion: CURRENT_RUBRIC_VERSION,
          answers: answersForVersion(old.answers, old.rubricVersion, CURRENT_RUBRIC_VERSION) as Prisma.InputJsonObject,
          notes: old.notes as Prisma.InputJsonObject,
          searchText: searchTextOf(old.title, old.context, old.notes),
          recommendedLevel: old.recommendedLevel,
          supersedesId: old.id,
        },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: { teamId: team.id, decisionId: draft.id, actorId: actor.userId, action: "decision.revisit_started", after: { revisits: old.id } },
      });
      await tx.auditEvent.create({
        data: { teamId: team.id, decisionId: old.id, actorId: actor.userId, action: "decision.revisited", after: { by: draft.id } },
      });
      return { id: draft.id, created: true };
    });
  } catch (error) {
    // Two facilitators pressed "Revisit" at once: open the draft the other one made.
    if (isUniqueViolation(error)) {
      const existing = await db.decision.findFirst({ where: { supersedesId: old.id, teamId: team.id }, select: { id: true } });
      if (existing) return { id: existing.id, created: false };
    }
    throw error;
  }
}

/** Answers carried into a newer rubric keep only what the newer version still asks. */
function answersForVersion(answers: Answers, from: string, to: string): Answers {
  if (from === to) return answers;
  const schema = answersSchema(to);
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (schema.safeParse({ [k]: v }).success) kept[k] = v;
  }
  return kept as Answers;
}

export async function setDecisionArchived(actor: Actor, teamSlug: string, decisionId: string, archived: boolean): Promise<void> {
  const team = await getTeamForMember(actor, teamSlug, "decide");
  const current = toDetail(await findDecisionRow(team, decisionId, actor), team);
  if (archived === (current.status === "archived")) return;
  // Restoring goes back to the status recorded when it was archived.
  const lastArchive = archived
    ? null
    : await getDb().auditEvent.findFirst({
        where: { decisionId, teamId: team.id, action: "decision.archived" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { before: true },
      });
  const previous = statusSchema.safeParse((lastArchive?.before as { status?: unknown } | null)?.status);
  const restored: DecisionStatus = previous.success && previous.data !== "archived" ? previous.data : current.decidedAt ? "decided" : "draft";
  const status: DecisionStatus = archived ? "archived" : restored;
  await getDb().$transaction(async (tx) => {
    await tx.decision.updateMany({
      where: { id: decisionId, teamId: team.id },
      data: { status, version: { increment: 1 } },
    });
    await tx.auditEvent.create({
      data: {
        teamId: team.id,
        decisionId,
        actorId: actor.userId,
        action: archived ? "decision.archived" : "decision.unarchived",
        before: { status: current.status },
        after: { status },
      },
    });
  });
}
