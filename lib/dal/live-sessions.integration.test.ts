import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { withFreshDatabase } from "@/lib/testing/test-db";

import { createDecision, getDecision } from "./decisions";
import {
  controlLiveSession,
  getLiveStamp,
  getLiveState,
  getLiveStates,
  joinLiveSession,
  type LiveViewer,
  startLiveSession,
  submitLiveAnswers,
  unsafeLiveRevision,
} from "./live-sessions";
import { getTeamForMember } from "./teams";
import { createUserWithTeam } from "./users";

withFreshDatabase();

/** Row counts of the live tables and decisions: a refused call must leave them unchanged. */
async function snapshot() {
  const db = getDb();
  const [sessions, participants, answers, agreements, decisions, audit, revisions] = await Promise.all([
    db.workshopSession.count(),
    db.workshopParticipant.count(),
    db.workshopAnswer.count(),
    db.workshopAgreement.count(),
    db.decision.findMany({ select: { version: true }, orderBy: { id: "asc" } }),
    db.auditEvent.count(),
    db.workshopSession.findMany({ select: { revision: true }, orderBy: { id: "asc" } }),
  ]);
  return { sessions, participants, answers, agreements, decisions, audit, revisions };
}

let n = 0;
async function newUser(label: string) {
  n += 1;
  const { user, teamSlug } = await createUserWithTeam({
    name: `${label} Person`,
    email: `${label}-${n}-${Date.now()}@live.test`,
    password: "a-long-enough-password",
  });
  return { actor: { userId: user.id }, user, teamSlug };
}

/** A team with an owner (facilitator) and a member, a decision, and an open session. */
async function room(anonymous = false) {
  const owner = await newUser("owner");
  const member = await newUser("member");
  const team = await getTeamForMember(owner.actor, owner.teamSlug);
  await getDb().membership.create({ data: { teamId: team.id, userId: member.user.id, role: "member" } });
  const { id } = await createDecision(owner.actor, owner.teamSlug, {
    title: "Support answers",
    context: "Answers support tickets for our customers",
    ownerId: owner.user.id,
  });
  const { code } = await startLiveSession(owner.actor, owner.teamSlug, id, { anonymous, observersAllowed: true, timerMinutes: null });
  const fac: LiveViewer = { userId: owner.user.id, guestToken: null };
  const mem: LiveViewer = { userId: member.user.id, guestToken: null };
  await joinLiveSession(mem, code, {});
  const guests: LiveViewer[] = [];
  for (const name of ["Gia", "Hal"]) {
    const { guestToken } = await joinLiveSession({ userId: null, guestToken: null }, code, { displayName: name });
    guests.push({ userId: null, guestToken });
  }
  return { owner, member, decisionId: id, code, fac, mem, guests };
}

async function move(viewer: LiveViewer, code: string, intent: "start" | "reveal") {
  const state = await getLiveState(viewer, code);
  return controlLiveSession(viewer, code, { intent, revision: state.revision, step: state.step.id });
}

describe(`live sessions on ${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"}`, () => {
  it("only facilitators start a session; starting again returns the open one", async () => {
    const r = await room();
    await expect(
      startLiveSession(r.member.actor, r.owner.teamSlug, r.decisionId, { anonymous: false, observersAllowed: true, timerMinutes: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const again = await startLiveSession(r.owner.actor, r.owner.teamSlug, r.decisionId, { anonymous: true, observersAllowed: false, timerMinutes: 3 });
    expect(again).toEqual({ code: r.code, created: false });
    expect(r.code).toMatch(/^[A-Z0-9]{6}$/);
  });

  it("a guest token works in its own session only, and stores only a hash", async () => {
    const a = await room();
    const b = await room();
    const guest = a.guests[0]!;
    await expect(getLiveStamp(guest, a.code)).resolves.toMatchObject({ etag: expect.stringMatching(/^"\d+-\d+"$/) });
    const stored = await getDb().workshopParticipant.findFirst({ where: { displayName: "Gia" }, select: { guestTokenHash: true } });
    expect(stored?.guestTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.guestTokenHash).not.toBe(guest.guestToken);

    await move(b.fac, b.code, "start");
    const before = await snapshot();
    await expect(getLiveState(guest, b.code)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitLiveAnswers(guest, b.code, { step: "constraints", answers: { "constraints.eval_harness": "none" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(controlLiveSession(guest, b.code, { intent: "reveal", revision: 99, step: "constraints" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A participant who is not the facilitator cannot run the session either.
    await expect(move(b.mem, b.code, "reveal")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });

  it("answers are private until the reveal; a step move named twice moves once; a forged step is refused", async () => {
    const r = await room();
    const lobby = await getLiveState(r.fac, r.code);
    await controlLiveSession(r.fac, r.code, { intent: "start", revision: lobby.revision, step: "constraints" });
    // The same click again (same revision) changes nothing.
    await expect(controlLiveSession(r.fac, r.code, { intent: "start", revision: lobby.revision, step: "constraints" })).resolves.toMatchObject({
      changed: false,
    });
    const before = await snapshot();
    const current = await getLiveState(r.fac, r.code);
    await expect(controlLiveSession(r.fac, r.code, { intent: "reveal", revision: current.revision, step: "level0" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(controlLiveSession(r.fac, r.code, { intent: "reveal", revision: current.revision, step: "nope" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(submitLiveAnswers(r.mem, r.code, { step: "level0", answers: {} })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      submitLiveAnswers(r.mem, r.code, { step: "constraints", answers: { "constraints.eval_harness": "sometimes" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "constraints.eval_harness": [expect.any(String)] } });
    await expect(submitLiveAnswers(r.fac, r.code, { step: "constraints", answers: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    await submitLiveAnswers(r.mem, r.code, { step: "constraints", answers: { "constraints.eval_harness": "none" } });
    await submitLiveAnswers(r.guests[0]!, r.code, { step: "constraints", answers: { "constraints.eval_harness": "full" } });
    const seenByGuest = await getLiveState(r.guests[0]!, r.code);
    expect(seenByGuest.me.answers).toEqual({ "constraints.eval_harness": "full" });
    expect(seenByGuest.reveal).toBeNull();
    expect(JSON.stringify(seenByGuest)).not.toContain('"none"');
    expect(seenByGuest.participants.filter((p) => p.answered).length).toBe(2);

    const started = await getLiveState(r.fac, r.code);
    await controlLiveSession(r.fac, r.code, { intent: "reveal", revision: started.revision, step: "constraints" });
    const revealed = await getLiveState(r.guests[1]!, r.code);
    const harness = revealed.reveal!.distributions.find((d) => d.questionId === "constraints.eval_harness")!;
    expect(harness.tie).toBe(true);
    expect(revealed.reveal!.distributions[0]!.questionId).toBe("constraints.eval_harness");
    expect(revealed.reveal!.flip).toMatchObject({ total: 2, split: true, counts: { pause: 1, prompt: 1 } });
  });

  it("closing saves the agreed answers through saveStep, seals the session, and drops names when anonymous", async () => {
    const r = await room(true);
    await move(r.fac, r.code, "start");
    for (const [viewer, value] of [
      [r.mem, "none"],
      [r.guests[0]!, "none"],
      [r.guests[1]!, "full"],
    ] as const) {
      await submitLiveAnswers(viewer, r.code, { step: "constraints", answers: { "constraints.eval_harness": value } });
    }
    await move(r.fac, r.code, "reveal");
    const revealed = await getLiveState(r.fac, r.code);
    const harness = revealed.reveal!.distributions.find((d) => d.questionId === "constraints.eval_harness")!;
    expect(harness).toMatchObject({ defaultValue: "none", tie: false });
    expect(harness.bars.every((b) => b.names.length === 0)).toBe(true);

    const before = await getDecision(r.owner.actor, r.owner.teamSlug, r.decisionId);
    const closed = await controlLiveSession(r.fac, r.code, {
      intent: "agree",
      revision: revealed.revision,
      step: "constraints",
      answers: { "constraints.eval_harness": "none" },
      note: "Two of three: no harness",
      then: "close",
    });
    expect(closed).toMatchObject({ closed: true, resultPath: `/t/${r.owner.teamSlug}/decisions/${r.decisionId}/result` });
    const after = await getDecision(r.owner.actor, r.owner.teamSlug, r.decisionId);
    expect(after.answers["constraints.eval_harness"]).toBe("none");
    expect(after.notes["notes.constraints"]).toBe("Two of three: no harness");
    expect(after.version).toBe(before.version + 1);
    expect(await getDb().auditEvent.count({ where: { decisionId: r.decisionId, action: "decision.answers_updated" } })).toBe(1);

    // Sealed: no more posts, nothing written; the guest's cookie no longer works.
    const sealedBefore = await snapshot();
    await expect(submitLiveAnswers(r.mem, r.code, { step: "constraints", answers: {} })).rejects.toMatchObject({ code: "SEALED" });
    await expect(controlLiveSession(r.fac, r.code, { intent: "close", revision: 1, step: "constraints" })).rejects.toMatchObject({ code: "SEALED" });
    await expect(joinLiveSession({ userId: null, guestToken: null }, r.code, { displayName: "Late" })).rejects.toMatchObject({ code: "SEALED" });
    await expect(getLiveState(r.guests[0]!, r.code)).rejects.toMatchObject({ code: "SEALED" });
    expect(await snapshot()).toEqual(sealedBefore);

    const people = await getDb().workshopParticipant.findMany({ where: { session: { code: r.code } }, select: { displayName: true, userId: true, guestTokenHash: true, role: true } });
    const answering = people.filter((p) => p.role !== "facilitator");
    expect(answering.map((p) => p.displayName).sort()).toEqual(["Participant 1", "Participant 2", "Participant 3"]);
    expect(answering.every((p) => p.userId === null && p.guestTokenHash === null)).toBe(true);
    // Per-participant answers stay with the session.
    expect(await getDb().workshopAnswer.count({ where: { session: { code: r.code } } })).toBe(3);
  });

  it("hands the facilitator role to a signed-in member who joined, not to a guest", async () => {
    const r = await room();
    const state = await getLiveState(r.fac, r.code);
    const guestId = state.participants.find((p) => p.displayName === "Gia")!.id;
    await expect(
      controlLiveSession(r.fac, r.code, { intent: "handover", revision: state.revision, step: "constraints", participantId: guestId }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const memberId = state.participants.find((p) => p.displayName === "member Person")!.id;
    await controlLiveSession(r.fac, r.code, { intent: "handover", revision: state.revision, step: "constraints", participantId: memberId });
    await expect(move(r.fac, r.code, "start")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(move(r.mem, r.code, "start")).resolves.toMatchObject({ changed: true });
  });

  it("closing writes every agreed step and seals the session in one transaction; a failure midway writes nothing", async () => {
    const r = await room();
    await move(r.fac, r.code, "start");
    await submitLiveAnswers(r.mem, r.code, { step: "constraints", answers: { "constraints.eval_harness": "none" } });
    await move(r.fac, r.code, "reveal");
    let state = await getLiveState(r.fac, r.code);
    await controlLiveSession(r.fac, r.code, {
      intent: "agree",
      revision: state.revision,
      step: "constraints",
      answers: { "constraints.eval_harness": "none" },
      note: "",
      then: "next",
    });
    await submitLiveAnswers(r.mem, r.code, { step: "level0", answers: { "level0.system_prompt": "basic" } });
    await move(r.fac, r.code, "reveal");
    state = await getLiveState(r.fac, r.code);
    const closeInput = {
      intent: "agree",
      revision: state.revision,
      step: "level0",
      answers: { "level0.system_prompt": "basic" },
      note: "Basic prompt today",
      then: "close",
    } as const;

    // The database refuses the decision's audit row, i.e. after the decision itself was updated and the session sealed.
    const db = getDb();
    const postgres = process.env.DATABASE_URL?.startsWith("postgres");
    if (postgres) {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER injected_failure BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW.action = 'decision.answers_updated') EXECUTE FUNCTION injected_failure()`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER injected_failure BEFORE INSERT ON "AuditEvent" WHEN NEW.action = 'decision.answers_updated' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      );
    }
    const before = await snapshot();
    const decisionBefore = await getDecision(r.owner.actor, r.owner.teamSlug, r.decisionId);
    try {
      await expect(controlLiveSession(r.fac, r.code, closeInput)).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(postgres ? `DROP TRIGGER injected_failure ON "AuditEvent"` : `DROP TRIGGER injected_failure`);
    }
    // Nothing written: no agreement for step 2, the decision as it was, the session open on the same revision.
    expect(await snapshot()).toEqual(before);
    expect(await getDecision(r.owner.actor, r.owner.teamSlug, r.decisionId)).toMatchObject({
      version: decisionBefore.version,
      answers: decisionBefore.answers,
    });
    const stillOpen = await getLiveState(r.guests[0]!, r.code);
    expect(stillOpen).toMatchObject({ phase: "revealed", revision: state.revision, agreedSteps: ["constraints"] });

    // The same click again, once the database accepts it: both steps land in one write, the session is sealed.
    await expect(controlLiveSession(r.fac, r.code, closeInput)).resolves.toMatchObject({ closed: true });
    const after = await getDecision(r.owner.actor, r.owner.teamSlug, r.decisionId);
    expect(after.answers).toMatchObject({ "constraints.eval_harness": "none", "level0.system_prompt": "basic" });
    expect(after.notes["notes.level0"]).toBe("Basic prompt today");
    expect(after.version).toBe(decisionBefore.version + 1);
    expect(await db.auditEvent.count({ where: { decisionId: r.decisionId, action: "decision.answers_updated" } })).toBe(2);
    await expect(getLiveState(r.guests[0]!, r.code)).rejects.toMatchObject({ code: "SEALED" });
    // A repeat of the close (a double click that arrives late) changes nothing.
    const sealedBefore = await snapshot();
    await expect(controlLiveSession(r.fac, r.code, closeInput)).rejects.toMatchObject({ code: "SEALED" });
    expect(await snapshot()).toEqual(sealedBefore);
  });

  it("a recorded decision refuses the close: the session stays open and nothing is written", async () => {
    const r = await room();
    await move(r.fac, r.code, "start");
    await move(r.fac, r.code, "reveal");
    const state = await getLiveState(r.fac, r.code);
    await getDb().decision.update({ where: { id: r.decisionId }, data: { status: "decided" } });
    const before = await snapshot();
    await expect(
      controlLiveSession(r.fac, r.code, {
        intent: "agree",
        revision: state.revision,
        step: "constraints",
        answers: { "constraints.eval_harness": "none" },
        note: "",
        then: "close",
      }),
    ).rejects.toMatchObject({ code: "SEALED" });
    expect(await snapshot()).toEqual(before);
    await expect(getLiveState(r.mem, r.code)).resolves.toMatchObject({ phase: "revealed" });
  });

  it("when the step's timer runs out the answers reveal by themselves, once, whoever asks first", async () => {
    const owner = await newUser("timer");
    const member = await newUser("timer-member");
    const team = await getTeamForMember(owner.actor, owner.teamSlug);
    await getDb().membership.create({ data: { teamId: team.id, userId: member.user.id, role: "member" } });
    const { id } = await createDecision(owner.actor, owner.teamSlug, {
      title: "Timed session",
      context: "Answers support tickets for our customers",
      ownerId: owner.user.id,
    });
    const { code } = await startLiveSession(owner.actor, owner.teamSlug, id, { anonymous: false, observersAllowed: true, timerMinutes: 2 });
    const fac: LiveViewer = { userId: owner.user.id, guestToken: null };
    const mem: LiveViewer = { userId: member.user.id, guestToken: null };
    await joinLiveSession(mem, code, {});
    await move(fac, code, "start");
    await submitLiveAnswers(mem, code, { step: "constraints", answers: { "constraints.eval_harness": "none" } });

    const running = await getLiveState(mem, code);
    expect(running.phase).toBe("answering");
    const deadline = Date.parse(running.deadline!);
    expect(deadline - Date.now()).toBeGreaterThan(60_000);
    expect(deadline - Date.now()).toBeLessThanOrEqual(120_000);

    // Time passes: the stored deadline is now behind us (as another instance's clock would see it).
    await getDb().workshopSession.update({ where: { code }, data: { stepDeadline: new Date(Date.now() - 1000) } });
    const [a, b, c] = await Promise.all([getLiveStamp(mem, code), getLiveState(fac, code), getLiveState(mem, code)]);
    const revealed = await getLiveState(mem, code);
    expect(revealed).toMatchObject({ phase: "revealed", deadline: null, revision: running.revision + 1 });
    expect(revealed.reveal!.answered).toBe(1);
    expect([b.revision, c.revision]).toEqual([running.revision + 1, running.revision + 1]);
    expect(a.etag).toMatch(new RegExp(`^"${running.revision + 1}-`));

    // Answering after the bell is refused; the facilitator's stale "reveal" click changes nothing.
    await expect(submitLiveAnswers(mem, code, { step: "constraints", answers: { "constraints.eval_harness": "full" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(controlLiveSession(fac, code, { intent: "reveal", revision: running.revision, step: "constraints" })).resolves.toMatchObject({
      changed: false,
    });
    expect((await getLiveState(mem, code)).revision).toBe(running.revision + 1);

    // Step 2 runs out while nobody polls: the event streams' watcher (one read per room) reveals it.
    const revealed2 = await getLiveState(fac, code);
    await controlLiveSession(fac, code, { intent: "agree", revision: revealed2.revision, step: "constraints", answers: {}, note: "", then: "next" });
    await getDb().workshopSession.update({ where: { code }, data: { stepDeadline: new Date(Date.now() - 1000) } });
    const stamp = await unsafeLiveRevision(code);
    expect(stamp).toEqual({ revision: revealed2.revision + 2, closed: false });
    await expect(unsafeLiveRevision(code)).resolves.toEqual(stamp);
    expect(await getLiveState(mem, code)).toMatchObject({ phase: "revealed", step: { id: "level0" }, revision: revealed2.revision + 2 });
  });

  it("a facilitator's click made while answers arrive still counts; its repeat changes nothing", async () => {
    const r = await room();
    await move(r.fac, r.code, "start");
    const seen = await getLiveState(r.fac, r.code);
    // Between the facilitator's last look and the click, a participant answers (the room's revision moves).
    await submitLiveAnswers(r.mem, r.code, { step: "constraints", answers: { "constraints.eval_harness": "none" } });
    const reveal = { intent: "reveal", revision: seen.revision, step: "constraints" } as const;
    await expect(controlLiveSession(r.fac, r.code, reveal)).resolves.toMatchObject({ changed: true });
    expect((await getLiveState(r.mem, r.code)).phase).toBe("revealed");
    const before = await snapshot();
    await expect(controlLiveSession(r.fac, r.code, reveal)).resolves.toMatchObject({ changed: false });
    expect(await snapshot()).toEqual(before);

    const agree = {
      intent: "agree",
      revision: seen.revision,
      step: "constraints",
      answers: { "constraints.eval_harness": "none" },
      note: "",
      then: "next",
    } as const;
    await expect(controlLiveSession(r.fac, r.code, agree)).resolves.toMatchObject({ changed: true });
    const moved = await snapshot();
    // The second click of a double click names the step the room has left: nothing moves.
    await expect(controlLiveSession(r.fac, r.code, agree)).resolves.toMatchObject({ changed: false });
    expect(await snapshot()).toEqual(moved);
    expect((await getLiveState(r.mem, r.code)).step.id).toBe("level0");
  });

  it("reading the room once for many viewers gives each exactly what getLiveState gives them", async () => {
    const r = await room();
    const other = await room();
    await move(r.fac, r.code, "start");
    await submitLiveAnswers(r.guests[0]!, r.code, { step: "constraints", answers: { "constraints.eval_harness": "full" } });
    const outsiderGuest = other.guests[0]!;
    const viewers = [r.fac, r.mem, ...r.guests, outsiderGuest, { userId: null, guestToken: null }];
    const many = await getLiveStates(viewers, r.code);
    for (const [i, viewer] of viewers.entries()) {
      const one = await getLiveState(viewer, r.code).catch((e: unknown) => e);
      expect(many[i]).toEqual(one);
    }
    expect(many[4]).toMatchObject({ code: "NOT_FOUND" });
    expect((many[2] as Awaited<ReturnType<typeof getLiveState>>).me.answers).toEqual({ "constraints.eval_harness": "full" });
    expect(JSON.stringify(many)).not.toMatch(/guestTokenHash|[0-9a-f]{64}/);
  });
});
