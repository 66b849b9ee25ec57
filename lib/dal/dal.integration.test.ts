import { describe, expect, it } from "vitest";

import { withFreshDatabase } from "@/lib/testing/test-db";

import { getDecisionLogSummary, listDecisionLog, parseLogFilters } from "./decision-log";
import { createDecision, getDecision, recordDecision, reopenDecision, revisitDecision, saveStep, setDecisionArchived } from "./decisions";
import { AppError } from "./errors";
import { createTeam, getTeamForMember, listTeamsForUser } from "./teams";
import { createUserWithTeam, getSessionUser, verifyCredentials } from "./users";
import { getDb } from "@/lib/db";

withFreshDatabase();

/** Row counts of every table: a denied call must leave them all unchanged. */
async function snapshot() {
  const db = getDb();
  const [users, teams, memberships, decisions, auditEvents] = await Promise.all([
    db.user.count(),
    db.team.count(),
    db.membership.count(),
    db.decision.count(),
    db.auditEvent.count(),
  ]);
  return { users, teams, memberships, decisions, auditEvents };
}

let n = 0;
async function newUser(label: string) {
  n += 1;
  const { user, teamSlug } = await createUserWithTeam({
    name: `${label} Person`,
    email: `${label}-${n}-${Date.now()}@dal.test`,
    password: "a-long-enough-password",
  });
  return { actor: { userId: user.id }, user, teamSlug };
}

describe(`DAL on ${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"}`, () => {
  it("sign-up creates the user and a team they own", async () => {
    const { actor, teamSlug } = await newUser("owner");
    expect(await listTeamsForUser(actor)).toEqual([{ slug: teamSlug, name: "owner's team", role: "owner" }]);
    await expect(getTeamForMember(actor, teamSlug)).resolves.toMatchObject({ slug: teamSlug, role: "owner" });
  });

  it("a taken email is a field error and writes nothing", async () => {
    const { user } = await newUser("taken");
    const before = await snapshot();
    const error = await createUserWithTeam({ name: "Copy", email: user.email.toUpperCase(), password: "another-long-password" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await snapshot()).toEqual(before);
  });

  it("checks credentials: the right password only, emails case-insensitive", async () => {
    const { user } = await newUser("creds");
    await expect(verifyCredentials(user.email.toUpperCase(), "a-long-enough-password")).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials(user.email, "wrong-password-here")).resolves.toBeNull();
    await expect(verifyCredentials("nobody@dal.test", "a-long-enough-password")).resolves.toBeNull();
    const dto = await verifyCredentials(user.email, "a-long-enough-password");
    expect(dto).not.toHaveProperty("passwordHash");
  });

  it("a revoked session (bumped sessionVersion) no longer resolves to the user", async () => {
    const { user } = await newUser("revoked");
    await expect(getSessionUser(user.id, 0)).resolves.toMatchObject({ id: user.id });
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(getSessionUser(user.id, 0)).resolves.toBeNull();
  });

  it("a non-member reads nothing and writes nothing in another team", async () => {
    const owner = await newUser("alice");
    await createDecision(owner.actor, owner.teamSlug, {
      title: "Private decision",
      context: "Secret roadmap feature for enterprise customers",
      ownerId: owner.user.id,
    });
    const stranger = await newUser("mallory");
    const before = await snapshot();

    await expect(getTeamForMember(stranger.actor, owner.teamSlug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listDecisionLog(stranger.actor, owner.teamSlug, parseLogFilters({}))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createDecision(stranger.actor, owner.teamSlug, {
        title: "Injected",
        context: "Written into someone else's team",
        ownerId: stranger.user.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listTeamsForUser(stranger.actor)).map((t) => t.slug)).not.toContain(owner.teamSlug);
    expect(await snapshot()).toEqual(before);
    // …while the owner still sees their decision.
    expect((await listDecisionLog(owner.actor, owner.teamSlug, parseLogFilters({}))).items.map((d) => d.title)).toEqual(["Private decision"]);
  });

  it("a viewer cannot create decisions, and an owner from outside the team is refused", async () => {
    const owner = await newUser("olga");
    const viewer = await newUser("victor");
    const team = await getTeamForMember(owner.actor, owner.teamSlug);
    await getDb().membership.create({ data: { teamId: team.id, userId: viewer.user.id, role: "viewer" } });
    const before = await snapshot();

    await expect(
      createDecision(viewer.actor, owner.teamSlug, { title: "Viewer draft", context: "Viewers only read decisions", ownerId: viewer.user.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await newUser("oscar");
    const afterOutsider = await snapshot();
    await expect(
      createDecision(owner.actor, owner.teamSlug, { title: "Bad owner", context: "Owner is not in the team", ownerId: outsider.user.id }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { ownerId: ["Choose an owner from this team"] } });
    expect(await snapshot()).toEqual(afterOutsider);
    expect(before.decisions).toBe(afterOutsider.decisions);
  });

  it("a user can create more teams and sees each with its role", async () => {
    const { actor, teamSlug } = await newUser("multi");
    const second = await createTeam(actor, { name: "Search Quality" });
    expect(second.slug).toMatch(/^search-quality-[a-z0-9]{4}$/);
    expect((await listTeamsForUser(actor)).map((t) => t.slug)).toEqual([teamSlug, second.slug]);
  });
});

describe("saving workshop steps and recording decisions", () => {
  async function teamWithDecision() {
    const owner = await newUser("facil");
    const { id } = await createDecision(owner.actor, owner.teamSlug, {
      title: "Support bot",
      context: "Answers billing questions for customers",
      ownerId: owner.user.id,
    });
    return { owner, id };
  }

  it("saves a step, bumps the version, scores the answers and audits before/after", async () => {
    const { owner, id } = await teamWithDecision();
    const saved = await saveStep(owner.actor, owner.teamSlug, id, {
      sectionId: "constraints",
      answers: { "constraints.eval_harness": "none", "constraints.data_residency": "must_stay" },
      note: "Legal says no SaaS",
      expectedVersion: 1,
    });
    expect(saved).toMatchObject({ version: 2, changed: true, result: { level: "pause" } });
    const decision = await getDecision(owner.actor, owner.teamSlug, id);
    expect(decision.answers).toEqual({ "constraints.eval_harness": "none", "constraints.data_residency": "must_stay" });
    expect(decision.notes).toEqual({ "notes.constraints": "Legal says no SaaS" });
    expect(decision.recommendedLevel).toBe("pause");
    const audit = await getDb().auditEvent.findFirst({ where: { decisionId: id, action: "decision.answers_updated" } });
    expect(audit?.before).toEqual({
      "constraints.eval_harness": null,
      "constraints.data_residency": null,
      "notes.constraints": null,
    });
    expect(audit?.after).toMatchObject({ step: "constraints", "constraints.eval_harness": "none" });

    // The same answers again change nothing and write nothing.
    const again = await saveStep(owner.actor, owner.teamSlug, id, {
      sectionId: "constraints",
      answers: { "constraints.eval_harness": "none", "constraints.data_residency": "must_stay" },
      note: "Legal says no SaaS",
      expectedVersion: 2,
    });
    expect(again).toMatchObject({ version: 2, changed: false });
  });

  it("refuses a save based on an old version with what the other writer saved, writing nothing", async () => {
    const { owner, id } = await teamWithDecision();
    await saveStep(owner.actor, owner.teamSlug, id, { sectionId: "constraints", answers: { "constraints.eval_harness": "full" }, expectedVersion: 1 });
    const before = await snapshot();
    const error = await saveStep(owner.actor, owner.teamSlug, id, {
      sectionId: "constraints",
      answers: { "constraints.eval_harness": "partial" },
      expectedVersion: 1,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", details: { version: 2, answers: { "constraints.eval_harness": "full" } } });
    expect(await snapshot()).toEqual(before);
    expect((await getDecision(owner.actor, owner.teamSlug, id)).answers["constraints.eval_harness"]).toBe("full");
  });

  it("of two saves based on the same version at the same moment, one lands and the other is a conflict", async () => {
    const { owner, id } = await teamWithDecision();
    const save = (value: string) =>
      saveStep(owner.actor, owner.teamSlug, id, { sectionId: "constraints", answers: { "constraints.eval_harness": value }, expectedVersion: 1 });
    // Both read version 1 before either writes: the write itself must refuse the second.
    const results = await Promise.allSettled([save("full"), save("partial")]);
    const landed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ reason: { code: "CONFLICT", details: { version: 2 } } });
    const decision = await getDecision(owner.actor, owner.teamSlug, id);
    expect(decision.version).toBe(2);
    const winner = results[0].status === "fulfilled" ? "full" : "partial";
    expect(decision.answers["constraints.eval_harness"]).toBe(winner);
    expect(await getDb().auditEvent.count({ where: { decisionId: id, action: "decision.answers_updated" } })).toBe(1);
  });

  it("rejects invalid step answers, non-members and viewers without writing", async () => {
    const { owner, id } = await teamWithDecision();
    const stranger = await newUser("eve");
    const viewer = await newUser("vera");
    const team = await getTeamForMember(owner.actor, owner.teamSlug);
    await getDb().membership.create({ data: { teamId: team.id, userId: viewer.user.id, role: "viewer" } });
    const before = await snapshot();
    await expect(
      saveStep(owner.actor, owner.teamSlug, id, { sectionId: "level0", answers: { "level0.hallucination_rate_pct": 150 }, expectedVersion: 1 }),
    ).rejects.toThrow();
    await expect(
      saveStep(stranger.actor, owner.teamSlug, id, { sectionId: "constraints", answers: {}, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDecision(stranger.actor, owner.teamSlug, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A decision id from team A through team B's slug is not found either (no IDOR through the URL).
    await expect(getDecision(stranger.actor, stranger.teamSlug, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveStep(viewer.actor, owner.teamSlug, id, { sectionId: "constraints", answers: {}, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Answers read for another rubric version than the decision's are refused.
    await expect(
      saveStep(owner.actor, owner.teamSlug, id, { sectionId: "constraints", rubricVersion: "v0", answers: {}, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { rubricVersion: ["This decision uses rubric v1."] } });
    expect(await snapshot()).toEqual(before);
  });

  it("records with the stored result, seals the answers, needs a rationale to override, and reopens with an audit trail", async () => {
    const { owner, id } = await teamWithDecision();
    await saveStep(owner.actor, owner.teamSlug, id, { sectionId: "constraints", answers: { "constraints.eval_harness": "none" }, expectedVersion: 1 });
    const record = { finalLevel: "prompt", ownerId: owner.user.id, reviewBy: "2099-01-01", expectedVersion: 2 } as const;
    await expect(recordDecision(owner.actor, owner.teamSlug, id, { ...record, rationale: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { rationale: [expect.stringMatching(/why the team chose another level/)] },
    });
    await recordDecision(owner.actor, owner.teamSlug, id, { ...record, rationale: "Internal tool; evals next sprint." });
    const decided = await getDecision(owner.actor, owner.teamSlug, id);
    expect(decided).toMatchObject({ status: "decided", finalLevel: "prompt", recommendedLevel: "pause", version: 3 });
    expect(decided.result?.level).toBe("pause");
    await expect(
      saveStep(owner.actor, owner.teamSlug, id, { sectionId: "constraints", answers: { "constraints.eval_harness": "full" }, expectedVersion: 3 }),
    ).rejects.toMatchObject({ code: "SEALED" });

    await reopenDecision(owner.actor, owner.teamSlug, id, 3);
    const reopened = await getDecision(owner.actor, owner.teamSlug, id);
    expect(reopened).toMatchObject({ status: "in_review", finalLevel: null, result: null });
    const audit = await getDb().auditEvent.findFirst({ where: { decisionId: id, action: "decision.reopened" } });
    expect(audit?.before).toMatchObject({ finalLevel: "prompt", recommendedLevel: "pause", result: { level: "pause" } });
  });
});

describe("revisit and archive", () => {
  it("revisits a recorded decision into one prefilled, linked draft; only deciders may; archive restores the status", async () => {
    const owner = await newUser("rita");
    const member = await newUser("max");
    const stranger = await newUser("nina");
    const team = await getTeamForMember(owner.actor, owner.teamSlug);
    await getDb().membership.create({ data: { teamId: team.id, userId: member.user.id, role: "member" } });
    const { id } = await createDecision(owner.actor, owner.teamSlug, { title: "Tagger", context: "Tags catalogue items for merchants", ownerId: owner.user.id });
    await saveStep(owner.actor, owner.teamSlug, id, { sectionId: "constraints", answers: { "constraints.change_velocity": "monthly" }, expectedVersion: 1 });
    await expect(revisitDecision(owner.actor, owner.teamSlug, id)).rejects.toMatchObject({ code: "CONFLICT" });
    await recordDecision(owner.actor, owner.teamSlug, id, { finalLevel: "prompt", ownerId: owner.user.id, reviewBy: "2099-01-01", expectedVersion: 2 });

    const before = await snapshot();
    await expect(revisitDecision(member.actor, owner.teamSlug, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revisitDecision(stranger.actor, owner.teamSlug, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setDecisionArchived(member.actor, owner.teamSlug, id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setDecisionArchived(stranger.actor, owner.teamSlug, id, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);

    const first = await revisitDecision(owner.actor, owner.teamSlug, id);
    const again = await revisitDecision(owner.actor, owner.teamSlug, id);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const draft = await getDecision(owner.actor, owner.teamSlug, first.id);
    expect(draft).toMatchObject({ status: "draft", answers: { "constraints.change_velocity": "monthly" }, supersedes: { id } });
    expect((await getDecision(owner.actor, owner.teamSlug, id)).supersededBy).toEqual({ id: first.id, title: "Tagger" });

    await setDecisionArchived(owner.actor, owner.teamSlug, id, true);
    expect((await getDecision(owner.actor, owner.teamSlug, id)).status).toBe("archived");
    await setDecisionArchived(owner.actor, owner.teamSlug, id, false);
    expect((await getDecision(owner.actor, owner.teamSlug, id)).status).toBe("decided");
  });
});

describe("the team page summary", () => {
  it("counts decisions by final level and per UTC month (the last 12), due reviews, and only the actor's team", async () => {
    const owner = await newUser("sumi");
    const other = await newUser("otto");
    const now = new Date();
    const monthsAgo = (k: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 15, 12));
    const record = async (actor: typeof owner, title: string, finalLevel: "prompt" | "adapter", decidedAt: Date, reviewBy = "2099-01-01") => {
      const { id } = await createDecision(actor.actor, actor.teamSlug, { title, context: "Counted on the team page.", ownerId: actor.user.id });
      const rationale = finalLevel === "prompt" ? "" : "We have the data for an adapter.";
      await recordDecision(actor.actor, actor.teamSlug, id, { finalLevel, rationale, ownerId: actor.user.id, reviewBy, expectedVersion: 1 });
      await getDb().decision.update({ where: { id }, data: { decidedAt } });
      return id;
    };
    await record(owner, "This month", "prompt", monthsAgo(0));
    await record(owner, "This month too", "adapter", monthsAgo(0), now.toISOString().slice(0, 10)); // due for review
    await record(owner, "Two months ago", "prompt", monthsAgo(2));
    await record(owner, "Over a year ago", "adapter", monthsAgo(13));
    await createDecision(owner.actor, owner.teamSlug, { title: "Still a draft", context: "Not recorded yet.", ownerId: owner.user.id });
    await record(other, "Another team's", "prompt", monthsAgo(0));

    const summary = await getDecisionLogSummary(owner.actor, owner.teamSlug, now);
    expect(summary.total).toBe(5);
    expect(summary.byFinalLevel).toEqual({ pause: 0, prompt: 2, adapter: 2, finetune: 0 });
    expect(summary.dueCount).toBe(1);
    expect(summary.due.map((d) => d.title)).toEqual(["This month too"]);
    expect(summary.perMonth).toHaveLength(12);
    const month = (k: number) => monthsAgo(k).toISOString().slice(0, 7);
    expect(summary.perMonth.at(-1)).toEqual({ month: month(0), counts: { pause: 0, prompt: 1, adapter: 1, finetune: 0 } });
    expect(summary.perMonth.at(-3)).toEqual({ month: month(2), counts: { pause: 0, prompt: 1, adapter: 0, finetune: 0 } });
    expect(summary.perMonth[0]!.month).toBe(month(11));
    const counted = summary.perMonth.reduce((n, m) => n + Object.values(m.counts).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(3); // the one over a year ago is out of the chart, and the other team's never in it

    await expect(getDecisionLogSummary(other.actor, owner.teamSlug, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
