import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { generateJoinCode, normaliseJoinCode } from "@/lib/live/code";
import {
  type FlipCounts,
  flipCounts,
  type QuestionDistribution,
  stepDistributions,
} from "@/lib/live/distribution";
import { type Answers, answersSchema, formatIssues, requireRubric, type Rubric, type Section, stepAnswersSchema } from "@/lib/rubric";
import { resultPath } from "@/lib/workshop/paths";
import { issuesToFieldErrors, readStepAnswers } from "@/lib/workshop/step-form";

import type { Actor } from "./actor";
import { type AgreedStep, getDecision, saveAgreedStepsInTransaction } from "./decisions";
import { AppError, isUniqueViolation } from "./errors";
import { roleCan, roleSchema } from "./roles";
import { getTeamForMember } from "./teams";

/**
 * Live workshop sessions. All state is in the database (several app instances
 * serve one room). Who is asking is a `LiveViewer`: a signed-in user, or a
 * guest's cookie token, which only ever resolves inside the session it was
 * issued for (the session id is part of the lookup) and only while it is open.
 */
export type LiveViewer = { userId: string | null; guestToken: string | null };

export const LIVE_PHASES = ["lobby", "answering", "revealed", "closed"] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];
const phaseSchema = z.enum(LIVE_PHASES);
const PARTICIPANT_ROLES = ["participant", "observer", "facilitator"] as const;
export type LiveRole = (typeof PARTICIPANT_ROLES)[number];
const liveRoleSchema = z.enum(PARTICIPANT_ROLES);

export const GUEST_COOKIE = "levelset-live";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// ---------------------------------------------------------------------------
// Start

export const startLiveSessionSchema = z.object({
  anonymous: z.boolean(),
  observersAllowed: z.boolean(),
  timerMinutes: z
    .number({ message: "Enter the minutes per step as a whole number" })
    .int("Enter the minutes per step as a whole number")
    .min(1, "Use at least 1 minute")
    .max(60, "Use at most 60 minutes")
    .nullable(),
});
export type StartLiveSessionInput = z.input<typeof startLiveSessionSchema>;

/** Facilitators and owners only. A decision has at most one open session: starting again returns it. */
export async function startLiveSession(
  actor: Actor,
  teamSlug: string,
  decisionId: string,
  input: StartLiveSessionInput,
): Promise<{ code: string; created: boolean }> {
  const team = await getTeamForMember(actor, teamSlug, "decide");
  const data = startLiveSessionSchema.parse(input);
  const decision = await getDecision(actor, teamSlug, decisionId);
  if (decision.status !== "draft" && decision.status !== "in_review") {
    throw new AppError("SEALED", "This decision is recorded, so its answers are sealed. Reopen it to run a live session.");
  }
  const db = getDb();
  const open = await db.workshopSession.findFirst({
    where: { decisionId, teamId: team.id, closedAt: null },
    select: { code: true },
  });
  if (open) return { code: open.code, created: false };
  const rubric = requireRubric(decision.rubricVersion);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  for (let attempt = 0; ; attempt++) {
    try {
      const session = await db.workshopSession.create({
        data: {
          teamId: team.id,
          decisionId,
          code: generateJoinCode(),
          facilitatorUserId: actor.userId,
          anonymous: data.anonymous,
          observersAllowed: data.observersAllowed,
          timerMinutes: data.timerMinutes,
          currentStep: rubric.sections[0]!.id,
          participants: { create: { userId: actor.userId, displayName: user.name, role: "facilitator" } },
        },
        select: { code: true },
      });
      return { code: session.code, created: true };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** The decision's open session, for the start page. */
export async function getOpenLiveSession(actor: Actor, teamSlug: string, decisionId: string): Promise<{ code: string } | null> {
  const team = await getTeamForMember(actor, teamSlug);
  return getDb().workshopSession.findFirst({
    where: { decisionId, teamId: team.id, closedAt: null, team: { memberships: { some: { userId: actor.userId } } } },
    select: { code: true },
  });
}

// ---------------------------------------------------------------------------
// Finding the session and the asking participant

const sessionSelect = {
  id: true,
  teamId: true,
  decisionId: true,
  code: true,
  facilitatorUserId: true,
  anonymous: true,
  observersAllowed: true,
  timerMinutes: true,
  currentStep: true,
  phase: true,
  stepDeadline: true,
  revision: true,
  closedAt: true,
  team: { select: { slug: true, name: true } },
  decision: { select: { title: true, rubricVersion: true, answers: true } },
} as const;
type SessionRow = Prisma.WorkshopSessionGetPayload<{ select: typeof sessionSelect }>;

async function findSession(code: string): Promise<SessionRow> {
  const normalised = normaliseJoinCode(code);
  if (!normalised) throw new AppError("NOT_FOUND", "No live session has this code");
  const db = getDb();
  const row = await db.workshopSession.findUnique({ where: { code: normalised }, select: sessionSelect });
  if (!row) throw new AppError("NOT_FOUND", "No live session has this code");
  if (await revealIfTimeIsUp(row)) {
    return db.workshopSession.findUniqueOrThrow({ where: { id: row.id }, select: sessionSelect });
  }
  return row;
}

/**
 * The per-step timer: once the stored deadline has passed, the step reveals
 * itself. Whoever reads the session first afterwards (any participant's poll or
 * stream, on any app instance) makes the move; the write is conditional on the
 * phase and the deadline, so it happens exactly once however many ask.
 */
async function revealIfTimeIsUp(row: Pick<SessionRow, "id" | "phase" | "stepDeadline" | "closedAt">, now = new Date()): Promise<boolean> {
  if (row.phase !== "answering" || !row.stepDeadline || row.closedAt || row.stepDeadline.getTime() > now.getTime()) return false;
  await getDb().workshopSession.updateMany({
    where: { id: row.id, phase: "answering", closedAt: null, stepDeadline: { lte: now } },
    data: { phase: "revealed", stepDeadline: null, revision: { increment: 1 } },
  });
  return true;
}

type ParticipantRow = { id: string; userId: string | null; displayName: string; role: string; revision: number };
const participantSelect = { id: true, userId: true, displayName: true, role: true, revision: true } as const;

/** The asking participant of THIS session, or null. Guest tokens only work while the session is open. */
async function findParticipant(session: SessionRow, viewer: LiveViewer): Promise<ParticipantRow | null> {
  const db = getDb();
  if (viewer.userId) {
    const own = await db.workshopParticipant.findFirst({
      where: { sessionId: session.id, userId: viewer.userId },
      select: participantSelect,
    });
    if (own) return own;
  }
  if (viewer.guestToken && !session.closedAt) {
    return db.workshopParticipant.findFirst({
      where: { sessionId: session.id, guestTokenHash: hashToken(viewer.guestToken), userId: null },
      select: participantSelect,
    });
  }
  return null;
}

async function requireParticipant(session: SessionRow, viewer: LiveViewer): Promise<ParticipantRow> {
  const participant = await findParticipant(session, viewer);
  if (!participant && session.closedAt) throw sealed(session);
  if (!participant) throw new AppError("NOT_FOUND", "No live session has this code");
  return participant;
}

function sealed(session: SessionRow) {
  return new AppError("SEALED", `This live session on “${session.decision.title}” has closed; nothing more can be posted to it.`);
}

// ---------------------------------------------------------------------------
// Join

export type LiveEntry = {
  code: string;
  decisionTitle: string;
  teamName: string;
  phase: LivePhase;
  observersAllowed: boolean;
  joined: boolean;
  /** A signed-in member of the team joins as themselves; anyone else as a named guest. */
  member: { name: string } | null;
  /** For team members, once closed: where the decision continues. */
  resultPath: string | null;
};

export async function getLiveEntry(viewer: LiveViewer, code: string): Promise<LiveEntry> {
  const session = await findSession(code);
  const participant = await findParticipant(session, viewer);
  const member = viewer.userId ? await memberOf(session, viewer.userId) : null;
  return {
    code: session.code,
    decisionTitle: session.decision.title,
    teamName: session.team.name,
    phase: phaseSchema.parse(session.phase),
    observersAllowed: session.observersAllowed,
    joined: !!participant,
    member: member ? { name: member.name } : null,
    resultPath: member && session.closedAt ? resultPath(session.team.slug, session.decisionId) : null,
  };
}

async function memberOf(session: SessionRow, userId: string) {
  const membership = await getDb().membership.findFirst({
    where: { teamId: session.teamId, userId },
    select: { role: true, user: { select: { name: true } } },
  });
  return membership ? { role: roleSchema.parse(membership.role), name: membership.user.name } : null;
}

export const joinLiveSessionSchema = z.object({
  displayName: z.string().trim().min(1, "Enter the name the room will see").max(60, "Use at most 60 characters").optional(),
  role: z.enum(["participant", "observer"], { message: "Choose whether you answer or watch" }).default("participant"),
});

/**
 * Joins the asking person. Team members join as themselves (joining twice is a
 * no-op); anyone else needs a display name and gets a fresh guest token, whose
 * SHA-256 is all that is stored. Returns the token once, for the cookie.
 */
export async function joinLiveSession(
  viewer: LiveViewer,
  code: string,
  input: z.input<typeof joinLiveSessionSchema>,
): Promise<{ participantId: string; guestToken: string | null }> {
  const session = await findSession(code);
  if (session.closedAt) throw sealed(session);
  const parsed = joinLiveSessionSchema.safeParse(input);
  if (!parsed.success) throw validation(parsed.error);
  const data = parsed.data;
  if (data.role === "observer" && !session.observersAllowed) {
    throw new AppError("VALIDATION", "This session does not allow observers", { role: ["This session does not allow observers; join to answer."] });
  }
  const existing = await findParticipant(session, viewer);
  if (existing) return { participantId: existing.id, guestToken: null };
  const db = getDb();
  const member = viewer.userId ? await memberOf(session, viewer.userId) : null;
  if (!member && !data.displayName) {
    throw new AppError("VALIDATION", "Enter your name", { displayName: ["Enter the name the room will see"] });
  }
  const guestToken = member ? null : randomBytes(32).toString("base64url");
  try {
    const participant = await db.$transaction(async (tx) => {
      const created = await tx.workshopParticipant.create({
        data: {
          sessionId: session.id,
          userId: member ? viewer.userId : null,
          displayName: member ? member.name : data.displayName!,
          guestTokenHash: guestToken ? hashToken(guestToken) : null,
          role: data.role,
        },
        select: { id: true },
      });
      const { count } = await tx.workshopSession.updateMany({
        where: { id: session.id, closedAt: null },
        data: { revision: { increment: 1 } },
      });
      if (count === 0) throw sealed(session);
      return created;
    });
    return { participantId: participant.id, guestToken };
  } catch (error) {
    if (isUniqueViolation(error) && viewer.userId) {
      const again = await findParticipant(session, viewer);
      if (again) return { participantId: again.id, guestToken: null };
    }
    throw error;
  }
}

function validation(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return new AppError("VALIDATION", Object.values(fieldErrors)[0]?.[0] ?? "Check the form", fieldErrors);
}

// ---------------------------------------------------------------------------
// State (what the asking participant may see)

export type LiveParticipantView = { id: string; displayName: string; role: LiveRole; answered: boolean; isMe: boolean; signedIn: boolean };

export type LiveState = {
  code: string;
  etag: string;
  revision: number;
  phase: LivePhase;
  decisionTitle: string;
  teamName: string;
  rubricVersion: string;
  step: { id: string; title: string; index: number; count: number };
  deadline: string | null;
  timerMinutes: number | null;
  anonymous: boolean;
  observersAllowed: boolean;
  me: { participantId: string; role: LiveRole; displayName: string; answers: Answers };
  participants: LiveParticipantView[];
  reveal: { distributions: QuestionDistribution[]; flip: FlipCounts; answered: number } | null;
  /** The facilitator's agreed answers for the current step, once set. */
  agreement: { answers: Answers; note: string } | null;
  agreedSteps: string[];
  resultPath: string | null;
};

export type LiveStamp = { etag: string };

const etagOf = (session: { revision: number }, participant: { revision: number }) => `"${session.revision}-${participant.revision}"`;

/** The cheap part of a poll: two indexed lookups. */
export async function getLiveStamp(viewer: LiveViewer, code: string): Promise<LiveStamp> {
  const session = await findSession(code);
  const participant = await requireParticipant(session, viewer);
  return { etag: etagOf(session, participant) };
}

/**
 * The room's revision by join code, for the server-sent-events watcher: one
 * indexed read per interval per room and app instance, shared by every stream
 * of that room (and it moves an expired step timer on, like any read). Unsafe:
 * it checks nobody; only call it for streams whose viewer `getLiveState`
 * already admitted, and never hand its answer to anyone but them.
 */
export async function unsafeLiveRevision(code: string): Promise<{ revision: number; closed: boolean } | null> {
  const normalised = normaliseJoinCode(code);
  if (!normalised) return null;
  const db = getDb();
  const select = { id: true, revision: true, phase: true, stepDeadline: true, closedAt: true } as const;
  let row = await db.workshopSession.findUnique({ where: { code: normalised }, select });
  if (row && (await revealIfTimeIsUp(row))) row = await db.workshopSession.findUnique({ where: { id: row.id }, select });
  return row ? { revision: row.revision, closed: row.closedAt !== null } : null;
}

function sectionOf(rubric: Rubric, step: string): { section: Section; index: number } {
  const index = rubric.sections.findIndex((s) => s.id === step);
  if (index < 0) throw new AppError("VALIDATION", `“${step}” is not a step of this workshop`);
  return { section: rubric.sections[index]!, index };
}

export async function getLiveState(viewer: LiveViewer, code: string): Promise<LiveState> {
  const session = await findSession(code);
  const participant = await requireParticipant(session, viewer);
  return viewOf(await loadRoom(session), participant);
}

/**
 * The state of one room for many viewers at once (the event streams of one app
 * instance): the room is read and the reveal computed once, then each viewer
 * gets their own view, or the error `getLiveState` would have given them.
 * Who may see what is decided exactly as in `getLiveState`.
 */
export async function getLiveStates(viewers: LiveViewer[], code: string): Promise<(LiveState | AppError)[]> {
  const session = await findSession(code);
  const room = await loadRoom(session);
  return viewers.map((viewer) => {
    const participant = participantIn(room, session, viewer);
    if (participant) return viewOf(room, participant);
    return session.closedAt ? sealed(session) : new AppError("NOT_FOUND", "No live session has this code");
  });
}

/** `findParticipant`'s rules, over rows already read. */
function participantIn(room: Room, session: SessionRow, viewer: LiveViewer): ParticipantRow | null {
  if (viewer.userId) {
    const own = room.participants.find((p) => p.userId === viewer.userId);
    if (own) return own;
  }
  if (viewer.guestToken && !session.closedAt) {
    const hash = hashToken(viewer.guestToken);
    return room.participants.find((p) => p.userId === null && p.guestTokenHash === hash) ?? null;
  }
  return null;
}

type Room = Awaited<ReturnType<typeof loadRoom>>;

/** Everything about the room that does not depend on who is asking. */
async function loadRoom(session: SessionRow) {
  const db = getDb();
  const rubric = requireRubric(session.decision.rubricVersion);
  const { section, index } = sectionOf(rubric, session.currentStep);
  const phase = phaseSchema.parse(session.phase);
  const [participants, answers, agreements] = await Promise.all([
    db.workshopParticipant.findMany({
      where: { sessionId: session.id },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      select: { ...participantSelect, guestTokenHash: true },
    }),
    db.workshopAnswer.findMany({
      where: { sessionId: session.id },
      select: { participantId: true, step: true, answers: true },
    }),
    db.workshopAgreement.findMany({ where: { sessionId: session.id }, select: { step: true, answers: true, note: true } }),
  ]);
  const stepSchema = stepAnswersSchema(session.decision.rubricVersion, section.id);
  const readAnswers = (value: unknown, step: string): Answers =>
    stepAnswersSchema(session.decision.rubricVersion, step).parse(value ?? {}) as Answers;
  const current = answers.filter((a) => a.step === section.id);
  const answeredIds = new Set(current.filter((a) => Object.keys(a.answers as object).length > 0).map((a) => a.participantId));

  let reveal: LiveState["reveal"] = null;
  if (phase === "revealed") {
    const answering = participants.filter((p) => p.role === "participant");
    const room = answering
      .filter((p) => answeredIds.has(p.id))
      .map((p) => ({ name: p.displayName, answers: stepSchema.parse(current.find((a) => a.participantId === p.id)!.answers) as Answers }));
    const stepsSoFar = new Set(rubric.sections.slice(0, index + 1).map((s) => s.id));
    const base = answersSchema(session.decision.rubricVersion).parse(session.decision.answers ?? {}) as Answers;
    const agreedSoFar: Record<string, unknown> = {};
    for (const a of agreements) if (stepsSoFar.has(a.step) && a.step !== section.id) Object.assign(agreedSoFar, readAnswers(a.answers, a.step));
    const perParticipant = answering
      .filter((p) => answeredIds.has(p.id))
      .map((p) => {
        const own: Record<string, unknown> = { ...agreedSoFar };
        for (const a of answers) {
          if (a.participantId === p.id && stepsSoFar.has(a.step)) Object.assign(own, readAnswers(a.answers, a.step));
        }
        return own as Answers;
      });
    reveal = {
      distributions: stepDistributions(section, room, !session.anonymous),
      flip: flipCounts(base, perParticipant, session.decision.rubricVersion),
      answered: room.length,
    };
  }
  const agreementRow = agreements.find((a) => a.step === section.id);
  return {
    session,
    section,
    index,
    count: rubric.sections.length,
    phase,
    participants,
    current,
    answeredIds,
    reveal,
    stepSchema,
    agreement: agreementRow ? { answers: readAnswers(agreementRow.answers, section.id), note: agreementRow.note } : null,
    agreedSteps: agreements.map((a) => a.step),
  };
}

/** What one participant of the room sees. */
function viewOf(room: Room, participant: ParticipantRow): LiveState {
  const { session, section } = room;
  const mine = room.current.find((a) => a.participantId === participant.id);
  const role = liveRoleSchema.parse(participant.role);
  return {
    code: session.code,
    etag: etagOf(session, participant),
    revision: session.revision,
    phase: room.phase,
    decisionTitle: session.decision.title,
    teamName: session.team.name,
    rubricVersion: session.decision.rubricVersion,
    step: { id: section.id, title: section.title, index: room.index, count: room.count },
    deadline: session.stepDeadline?.toISOString() ?? null,
    timerMinutes: session.timerMinutes,
    anonymous: session.anonymous,
    observersAllowed: session.observersAllowed,
    me: {
      participantId: participant.id,
      role,
      displayName: participant.displayName,
      answers: mine ? (room.stepSchema.parse(mine.answers) as Answers) : {},
    },
    participants: room.participants.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: liveRoleSchema.parse(p.role),
      answered: room.answeredIds.has(p.id),
      isMe: p.id === participant.id,
      signedIn: p.userId !== null,
    })),
    reveal: room.reveal,
    agreement: room.agreement,
    agreedSteps: room.agreedSteps,
    resultPath: session.closedAt && role === "facilitator" ? resultPath(session.team.slug, session.decisionId) : null,
  };
}

// ---------------------------------------------------------------------------
// Answering

/** Posted forms are read with the workshop's own form reader; anything else is passed to the schema as is. */
const rawAnswers = (section: Section, answers: Record<string, unknown> | FormData) =>
  answers instanceof FormData ? readStepAnswers(section, answers) : answers;

/**
 * A participant's private answers to the current step. Only while the step is
 * open for answers, only the current step, only the rubric's own values.
 */
export async function submitLiveAnswers(
  viewer: LiveViewer,
  code: string,
  input: { step: string; answers: Record<string, unknown> | FormData },
): Promise<{ saved: true }> {
  const session = await findSession(code);
  if (session.closedAt) throw sealed(session);
  const participant = await requireParticipant(session, viewer);
  if (participant.role !== "participant") {
    throw new AppError("FORBIDDEN", participant.role === "observer" ? "Observers watch without answering." : "The facilitator does not answer.");
  }
  const rubric = requireRubric(session.decision.rubricVersion);
  const { section } = sectionOf(rubric, input.step);
  if (section.id !== session.currentStep || session.phase !== "answering") {
    throw new AppError("CONFLICT", "This step is not open for answers any more; your screen shows the current one.");
  }
  const parsed = stepAnswersSchema(session.decision.rubricVersion, section.id).safeParse(rawAnswers(section, input.answers));
  if (!parsed.success) {
    const fieldErrors = issuesToFieldErrors(section, formatIssues(parsed.error));
    throw new AppError("VALIDATION", "Some answers are not ones this question accepts", fieldErrors);
  }
  const answers = parsed.data as Prisma.InputJsonObject;
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.workshopSession.updateMany({
      where: { id: session.id, closedAt: null, phase: "answering", currentStep: section.id },
      data: { revision: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "This step closed for answers a moment ago.");
    await tx.workshopAnswer.upsert({
      where: { participantId_step: { participantId: participant.id, step: section.id } },
      create: { sessionId: session.id, participantId: participant.id, step: section.id, answers },
      update: { answers },
    });
    await tx.workshopParticipant.update({
      where: { id: participant.id },
      data: { revision: { increment: 1 }, lastSeenAt: new Date() },
    });
  });
  return { saved: true };
}

// ---------------------------------------------------------------------------
// Facilitating

export type ControlInput =
  | { intent: "start"; revision: number; step: string }
  | { intent: "reveal"; revision: number; step: string }
  | { intent: "agree"; revision: number; step: string; answers: Record<string, unknown> | FormData; note: string; then: "next" | "close" }
  | { intent: "close"; revision: number; step: string }
  | { intent: "handover"; revision: number; step: string; participantId: string };

export type ControlResult = { changed: boolean; closed: boolean; resultPath: string | null };

/**
 * Facilitator actions. Each names the step it was made against, and is guarded
 * by what it needs (the step and phase), not by the room's revision, which every
 * participant's answer moves: a reveal clicked while answers stream in reveals.
 * A repeat of an action the session already moved past (a double click, another
 * tab) changes nothing; a step ahead of the session's current one is refused.
 * Handing over names the revision it was made against.
 */
export async function controlLiveSession(viewer: LiveViewer, code: string, input: ControlInput): Promise<ControlResult> {
  const session = await findSession(code);
  if (session.closedAt) throw sealed(session);
  const participant = await requireParticipant(session, viewer);
  if (!viewer.userId || session.facilitatorUserId !== viewer.userId || participant.role !== "facilitator") {
    throw new AppError("FORBIDDEN", "Only the facilitator runs the session.");
  }
  const actor: Actor = { userId: viewer.userId };
  await getTeamForMember(actor, session.team.slug, "answer");
  const rubric = requireRubric(session.decision.rubricVersion);
  const { section, index } = sectionOf(rubric, input.step);
  const unchanged: ControlResult = { changed: false, closed: false, resultPath: null };
  const currentIndex = sectionOf(rubric, session.currentStep).index;
  if (index < currentIndex) return unchanged;
  if (index > currentIndex) throw new AppError("VALIDATION", `“${section.title}” is not the current step of this session.`);
  const db = getDb();
  const deadline = () => (session.timerMinutes ? new Date(Date.now() + session.timerMinutes * 60_000) : null);
  const guarded = { id: session.id, closedAt: null, currentStep: section.id };

  switch (input.intent) {
    case "start": {
      if (session.phase !== "lobby") return unchanged;
      const { count } = await db.workshopSession.updateMany({
        where: { ...guarded, phase: "lobby" },
        data: { phase: "answering", stepDeadline: deadline(), revision: { increment: 1 } },
      });
      return { ...unchanged, changed: count > 0 };
    }
    case "reveal": {
      if (session.phase === "revealed") return unchanged;
      if (session.phase !== "answering") throw new AppError("VALIDATION", "Answers can be revealed while the step is open.");
      const { count } = await db.workshopSession.updateMany({
        where: { ...guarded, phase: "answering" },
        data: { phase: "revealed", stepDeadline: null, revision: { increment: 1 } },
      });
      return { ...unchanged, changed: count > 0 };
    }
    case "agree": {
      if (session.phase !== "revealed") throw new AppError("VALIDATION", "Reveal the answers before agreeing on them.");
      const parsed = stepAnswersSchema(session.decision.rubricVersion, section.id).safeParse(rawAnswers(section, input.answers));
      if (!parsed.success) {
        throw new AppError("VALIDATION", "Some agreed answers are not ones the question accepts", issuesToFieldErrors(section, formatIssues(parsed.error)));
      }
      const note = z.string().max(rubric.notes.maxLength, `Keep the note under ${rubric.notes.maxLength} characters`).safeParse(input.note);
      if (!note.success) throw new AppError("VALIDATION", note.error.issues[0]!.message, { note: [note.error.issues[0]!.message] });
      const next = rubric.sections[index + 1];
      const closing = input.then === "close" || !next;
      const agreed = { step: section.id, answers: parsed.data as Answers, note: note.data };
      if (closing) return closeSession(actor, session, rubric, agreed);
      const changed = await db.$transaction(async (tx) => {
        const { count } = await tx.workshopSession.updateMany({
          where: { ...guarded, phase: "revealed" },
          data: { currentStep: next.id, phase: "answering", stepDeadline: deadline(), revision: { increment: 1 } },
        });
        if (count === 0) return false;
        await upsertAgreement(tx, session.id, agreed);
        return true;
      });
      return { ...unchanged, changed };
    }
    case "close":
      return closeSession(actor, session, rubric, null);
    case "handover": {
      if (input.revision !== session.revision) return unchanged;
      const target = await db.workshopParticipant.findFirst({
        where: { id: input.participantId, sessionId: session.id, userId: { not: null } },
        select: { id: true, userId: true, displayName: true },
      });
      const membership = target?.userId
        ? await db.membership.findFirst({ where: { teamId: session.teamId, userId: target.userId }, select: { role: true } })
        : null;
      if (!target || !membership || target.id === participant.id || !roleCan(roleSchema.parse(membership.role), "answer")) {
        throw new AppError("VALIDATION", "Hand over to a signed-in team member who has joined", {
          participantId: ["Choose a signed-in team member who has joined"],
        });
      }
      const changed = await db.$transaction(async (tx) => {
        const { count } = await tx.workshopSession.updateMany({
          where: { ...guarded, revision: session.revision },
          data: { facilitatorUserId: target.userId, revision: { increment: 1 } },
        });
        if (count === 0) return false;
        await tx.workshopParticipant.update({ where: { id: participant.id }, data: { role: "participant", revision: { increment: 1 } } });
        await tx.workshopParticipant.update({ where: { id: target.id }, data: { role: "facilitator", revision: { increment: 1 } } });
        return true;
      });
      return { ...unchanged, changed };
    }
  }
}

type Agreement = { step: string; answers: Answers; note: string };

function upsertAgreement(tx: Prisma.TransactionClient, sessionId: string, a: Agreement) {
  const answers = a.answers as Prisma.InputJsonObject;
  return tx.workshopAgreement.upsert({
    where: { sessionId_step: { sessionId, step: a.step } },
    create: { sessionId, step: a.step, answers, note: a.note },
    update: { answers, note: a.note },
  });
}

/**
 * Closes the session in ONE transaction: seals it (guarded by the step the
 * facilitator acted on, so a double click closes once), stores the last
 * agreement when closing from "agree", writes every agreed step into the
 * decision (version and audit trail as for step saves), stops guest tokens and,
 * in an anonymous session, drops the names. Any failure on the way (the
 * decision recorded meanwhile, a database error) rolls all of it back: the
 * session stays open and the decision untouched.
 */
async function closeSession(actor: Actor, session: SessionRow, rubric: Rubric, lastAgreement: Agreement | null): Promise<ControlResult> {
  const team = await getTeamForMember(actor, session.team.slug, "answer");
  const closed = await getDb().$transaction(async (tx) => {
    const { count } = await tx.workshopSession.updateMany({
      where: { id: session.id, closedAt: null, currentStep: session.currentStep, ...(lastAgreement ? { phase: "revealed" } : {}) },
      data: { phase: "closed", closedAt: new Date(), stepDeadline: null, revision: { increment: 1 } },
    });
    if (count === 0) return false;
    if (lastAgreement) await upsertAgreement(tx, session.id, lastAgreement);
    const agreements = await tx.workshopAgreement.findMany({ where: { sessionId: session.id }, select: { step: true, answers: true, note: true } });
    const steps: AgreedStep[] = [];
    for (const section of rubric.sections) {
      const agreement = agreements.find((a) => a.step === section.id);
      if (!agreement) continue;
      steps.push({
        sectionId: section.id,
        answers: stepAnswersSchema(session.decision.rubricVersion, section.id).parse(agreement.answers) as Answers,
        note: agreement.note.trim() === "" ? undefined : agreement.note,
      });
    }
    await saveAgreedStepsInTransaction(tx, actor, team, session.decisionId, steps);
    if (session.anonymous) {
      const participants = await tx.workshopParticipant.findMany({
        where: { sessionId: session.id, role: { not: "facilitator" } },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      for (const [i, p] of participants.entries()) {
        await tx.workshopParticipant.update({
          where: { id: p.id },
          data: { displayName: `Participant ${i + 1}`, userId: null, guestTokenHash: null },
        });
      }
    }
    await tx.workshopParticipant.updateMany({ where: { sessionId: session.id }, data: { guestTokenHash: null } });
    return true;
  });
  if (!closed) return { changed: false, closed: false, resultPath: null };
  return { changed: true, closed: true, resultPath: resultPath(session.team.slug, session.decisionId) };
}
