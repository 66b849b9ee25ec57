import { describe, expect, it, vi } from "vitest";

import { getDb } from "@/lib/db";
import { type TeamExport, teamExportSchema } from "@/lib/teams/export-format";
import { withFreshDatabase } from "@/lib/testing/test-db";

import { createDecision, getDecision, recordDecision, revisitDecision, saveStep } from "./decisions";
import { listDecisionLog, parseLogFilters } from "./decision-log";
import { AppError } from "./errors";
import { changeMemberRole } from "./members";
import { createShareLink, revokeShareLink } from "./share-links";
import { exportTeam, importTeam } from "./team-transfer";
import { createUserWithTeam } from "./users";

// Lets one test make the import fail half-way (after the team and a decision are written).
const failures = vi.hoisted(() => ({ searchTextAfterCalls: Infinity }));
vi.mock("@/lib/decisions/search", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/decisions/search")>();
  let calls = 0;
  return {
    ...original,
    searchTextOf: (...args: Parameters<typeof original.searchTextOf>) => {
      if (++calls > failures.searchTextAfterCalls) throw new Error("disk full (simulated)");
      return original.searchTextOf(...args);
    },
  };
});

withFreshDatabase();

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

/** A team with history: members of three roles, a decided decision revisited by a second one, notes, links, audit. */
async function teamWithHistory() {
  const owner = await newUser("owner");
  const facilitator = await newUser("facilitator");
  const member = await newUser("member");
  const team = await getDb().team.findUniqueOrThrow({ where: { slug: owner.teamSlug }, select: { id: true } });
  for (const [m, role] of [
    [facilitator, "facilitator"],
    [member, "member"],
  ] as const) {
    await getDb().membership.create({ data: { teamId: team.id, userId: m.user.id, role: "member" } });
    if (role !== "member") await changeMemberRole(owner.actor, owner.teamSlug, { userId: m.user.id, role });
  }
  const { id: first } = await createDecision(facilitator.actor, owner.teamSlug, {
    title: "Support answers",
    context: "Drafts replies to support tickets for our agents",
    ownerId: facilitator.user.id,
    participants: ["Ada", "Grace"],
  });
  await saveStep(member.actor, owner.teamSlug, first, {
    sectionId: "constraints",
    answers: { "constraints.eval_harness": "full", "constraints.data_residency": "must_stay" },
    note: "Legal: data stays in the EU — “no SaaS”",
    expectedVersion: 1,
  });
  await recordDecision(facilitator.actor, owner.teamSlug, first, {
    finalLevel: "prompt",
    rationale: "Start small",
    ownerId: facilitator.user.id,
    reviewBy: "2099-01-01",
    expectedVersion: 2,
  });
  const link = await createShareLink(owner.actor, owner.teamSlug, first, { expiry: "never" });
  const linkId = (await getDb().shareLink.findFirstOrThrow({ where: { decisionId: first }, select: { id: true } })).id;
  await revokeShareLink(owner.actor, owner.teamSlug, linkId);
  await createShareLink(facilitator.actor, owner.teamSlug, first, { expiry: "30d" });
  const { id: second } = await revisitDecision(owner.actor, owner.teamSlug, first);
  return { owner, facilitator, member, first, second, token: link.token };
}

/** What must survive a round trip: everything except when it was exported and the dates of the import itself. */
function comparable(file: TeamExport) {
  const { exportedAt: _exportedAt, ...rest } = file;
  return rest;
}

const code = (e: unknown) => (e instanceof AppError ? e.code : e);

describe(`team export / import on ${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"}`, () => {
  it("exports the whole team as a valid levelset.team/v1 file without any token, hash or password", async () => {
    const { owner, facilitator, member, token } = await teamWithHistory();
    const file = await exportTeam(owner.actor, owner.teamSlug);
    expect(teamExportSchema.safeParse(file).success).toBe(true);
    expect(file.format).toBe("levelset.team/v1");
    expect(file.members.map((m) => [m.email, m.role])).toEqual([
      [owner.user.email, "owner"],
      [facilitator.user.email, "facilitator"],
      [member.user.email, "member"],
    ]);
    expect(file.decisions.map((d) => [d.ref, d.title, d.status, d.supersedes])).toEqual([
      ["d1", "Support answers", "decided", null],
      ["d2", "Support answers", "draft", "d1"],
    ]);
    expect(file.decisions[0]).toMatchObject({
      answers: { "constraints.eval_harness": "full", "constraints.data_residency": "must_stay" },
      notes: { "notes.constraints": "Legal: data stays in the EU — “no SaaS”" },
      finalLevel: "prompt",
      ownerEmail: facilitator.user.email,
      createdByEmail: facilitator.user.email,
      participants: ["Ada", "Grace"],
    });
    expect(file.decisions[0]!.result).toMatchObject({ level: expect.any(String), rubricVersion: "v1" });
    expect(file.shareLinks.map((s) => [s.decision, s.revokedAt !== null])).toEqual([
      ["d1", true],
      ["d1", false],
    ]);
    expect(file.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["team.created", "member.role_changed", "decision.created", "decision.answers_updated", "decision.recorded", "share_link.created", "decision.revisited"]),
    );

    const text = JSON.stringify(file);
    const secrets = [
      token,
      ...(await getDb().shareLink.findMany({ select: { tokenHash: true } })).map((s) => s.tokenHash),
      ...(await getDb().user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash),
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    // No database id leaks into the file: audit payloads use file references.
    const ids = [
      ...(await getDb().decision.findMany({ select: { id: true } })).map((d) => d.id),
      ...(await getDb().user.findMany({ select: { id: true } })).map((u) => u.id),
    ];
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).toContain(`"userId":"ref:user:${facilitator.user.email}"`);
    expect(text).toContain(`"revisits":"ref:decision:d1"`);
  });

  it("export → import → export gives the same content (all members known and added)", async () => {
    const { owner, facilitator, member } = await teamWithHistory();
    const original = await exportTeam(owner.actor, owner.teamSlug);
    const summary = await importTeam(owner.actor, JSON.parse(JSON.stringify(original)), { addKnownMembers: true, name: "Imported copy" });
    expect(summary).toMatchObject({ decisions: 2, added: [facilitator.user.email, member.user.email], notAdded: [] });
    expect(summary.slug).not.toBe(owner.teamSlug);

    const again = await exportTeam(owner.actor, summary.slug);
    // Documented differences: the name we chose, the link that was active comes back revoked
    // (tokens are never exported), and one more audit event records the import.
    const expected = comparable(original);
    expected.team = { ...expected.team, name: "Imported copy" };
    const againComparable = comparable(again);
    expect(againComparable.shareLinks[1]!.revokedAt).not.toBeNull();
    againComparable.shareLinks[1]!.revokedAt = null;
    const imported = againComparable.audit.pop();
    expect(imported).toMatchObject({ action: "team.imported", actorEmail: owner.user.email, after: { format: "levelset.team/v1", decisions: 2, membersAdded: 2 } });
    expect(againComparable).toEqual(expected);

    // The imported team works like any other: its decisions are listed, read and validated.
    const log = await listDecisionLog(owner.actor, summary.slug, parseLogFilters({}));
    expect(log.items.map((d) => d.title)).toEqual(["Support answers", "Support answers"]);
    const second = await getDb().decision.findFirstOrThrow({ where: { team: { slug: summary.slug }, supersedesId: { not: null } }, select: { id: true } });
    expect((await getDecision(member.actor, summary.slug, second.id)).supersedes?.title).toBe("Support answers");
    // The old links cannot be opened: their tokens were never in the file.
    const links = await getDb().shareLink.findMany({ where: { team: { slug: summary.slug } }, select: { revokedAt: true } });
    expect(links.every((l) => l.revokedAt !== null)).toBe(true);
  });

  it("without adding members (the default) only the importing user joins; people references become empty, nobody is created", async () => {
    const { owner, facilitator, member } = await teamWithHistory();
    const file = await exportTeam(owner.actor, owner.teamSlug);
    file.members.push({ email: "nobody-here@elsewhere.test", name: "Nobody", role: "viewer", joinedAt: new Date().toISOString() });
    const importer = await newUser("importer");
    const usersBefore = await getDb().user.count();
    const summary = await importTeam(importer.actor, file);
    expect(summary.added).toEqual([]);
    expect(summary.notAdded).toEqual([owner.user.email, facilitator.user.email, member.user.email, "nobody-here@elsewhere.test"]);
    expect(await getDb().user.count()).toBe(usersBefore);
    const members = await getDb().membership.findMany({ where: { team: { slug: summary.slug } }, select: { userId: true, role: true } });
    expect(members).toEqual([{ userId: importer.user.id, role: "owner" }]);
    const again = await exportTeam(importer.actor, summary.slug);
    expect(again.decisions.map((d) => d.ownerEmail)).toEqual([null, null]);
    expect(again.decisions.map((d) => d.title)).toEqual(["Support answers", "Support answers"]);
    // The original team's people are not members, so they cannot see it.
    await expect(exportTeam(owner.actor, summary.slug).catch(code)).resolves.toBe("NOT_FOUND");

    // With adding asked for, unknown emails are still not created, just reported.
    const withKnown = await importTeam(importer.actor, file, { addKnownMembers: true });
    expect(withKnown.added).toEqual([owner.user.email, facilitator.user.email, member.user.email]);
    expect(withKnown.notAdded).toEqual(["nobody-here@elsewhere.test"]);
    expect(await getDb().user.count()).toBe(usersBefore);
  });

  it("only owners export: another member is refused with a reason, a non-member gets not found", async () => {
    const { owner, facilitator, member } = await teamWithHistory();
    const stranger = await newUser("stranger");
    await expect(exportTeam(facilitator.actor, owner.teamSlug)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Only owners can export/) });
    await expect(exportTeam(member.actor, owner.teamSlug).catch(code)).resolves.toBe("FORBIDDEN");
    await expect(exportTeam(stranger.actor, owner.teamSlug).catch(code)).resolves.toBe("NOT_FOUND");
    await expect(exportTeam(owner.actor, "no-such-team").catch(code)).resolves.toBe("NOT_FOUND");
  });

  it("refuses a broken file with field-level errors and writes nothing", async () => {
    const { owner } = await teamWithHistory();
    const good = await exportTeam(owner.actor, owner.teamSlug);
    const counts = async () => {
      const db = getDb();
      return Promise.all([db.team.count(), db.membership.count(), db.decision.count(), db.auditEvent.count(), db.shareLink.count(), db.user.count()]);
    };
    const before = await counts();
    const broken: [string, unknown, RegExp][] = [
      ["not a team file", { format: "levelset.decision/v1" }, /format: Not a LevelSet team file/],
      ["unknown answer", { ...good, decisions: [{ ...good.decisions[0]!, answers: { "constraints.nope": "x" } }] }, /decisions\[0\]\.answers/],
      ["dangling revisit", { ...good, decisions: [{ ...good.decisions[1]!, supersedes: "d9" }] }, /decisions\[0\]\.supersedes: No other decision d9/],
      ["token hash smuggled in", { ...good, shareLinks: [{ ...good.shareLinks[0]!, tokenHash: "ab" }] }, /shareLinks\[0\]/],
      ["bad role", { ...good, members: [{ ...good.members[0]!, role: "admin" }] }, /members\[0\]\.role/],
      ["__proto__ key", JSON.parse(`{"__proto__": {"polluted": true}, "format": "levelset.team/v1"}`), /exportedAt|team/],
      ["loop", { ...good, decisions: [{ ...good.decisions[0]!, supersedes: "d2" }, good.decisions[1]] }, /loops back/],
    ];
    for (const [name, input, message] of broken) {
      const error = await importTeam(owner.actor, input).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe("VALIDATION");
      expect((error as AppError).fieldErrors?.file?.join("\n"), name).toMatch(message);
    }
    await expect(importTeam(owner.actor, good, { name: "x" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { name: [expect.any(String)] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("a failure in the middle of the import rolls everything back", async () => {
    const { owner } = await teamWithHistory();
    const file = await exportTeam(owner.actor, owner.teamSlug);
    const counts = () => Promise.all([getDb().team.count(), getDb().membership.count(), getDb().decision.count(), getDb().auditEvent.count()]);
    const before = await counts();
    failures.searchTextAfterCalls = 1; // the second decision fails, after the team and the first decision are written
    try {
      await expect(importTeam(owner.actor, file)).rejects.toThrow("disk full (simulated)");
    } finally {
      failures.searchTextAfterCalls = Infinity;
    }
    expect(await counts()).toEqual(before);
    // An account that no longer exists imports nothing either.
    await expect(importTeam({ userId: "no-such-user" }, file).catch(code)).resolves.toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
  });
});
