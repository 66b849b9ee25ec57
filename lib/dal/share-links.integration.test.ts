import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { score } from "@/lib/rubric";
import { withFreshDatabase } from "@/lib/testing/test-db";

import { createDecision } from "./decisions";
import { AppError } from "./errors";
import { createShareLink, getSharedDecision, listShareLinks, revokeShareLink } from "./share-links";
import { createUserWithTeam } from "./users";

withFreshDatabase();

async function snapshot() {
  const db = getDb();
  const [shareLinks, auditEvents, links] = await Promise.all([
    db.shareLink.count(),
    db.auditEvent.count(),
    db.shareLink.findMany({ select: { id: true, revokedAt: true, viewCount: true }, orderBy: { id: "asc" } }),
  ]);
  return { shareLinks, auditEvents, links };
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

/** An owner with a draft decision, plus helpers to add members of other roles. */
async function ownerWithDecision() {
  const owner = await newUser("sharer");
  const { id: decisionId } = await createDecision(owner.actor, owner.teamSlug, {
    title: "Support answers",
    context: "Drafts replies to support tickets for our agents",
    ownerId: owner.user.id,
  });
  const team = await getDb().team.findUniqueOrThrow({ where: { slug: owner.teamSlug }, select: { id: true } });
  const addMember = async (label: string, role: "member" | "viewer" | "facilitator") => {
    const m = await newUser(label);
    await getDb().membership.create({ data: { teamId: team.id, userId: m.user.id, role } });
    return m;
  };
  return { owner, decisionId, teamId: team.id, addMember };
}

const code = (e: unknown) => (e instanceof AppError ? e.code : e);

describe(`share links on ${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"}`, () => {
  it("a token is 43 base64url characters; only its SHA-256 is stored; an audit event is written", async () => {
    const { owner, decisionId } = await ownerWithDecision();
    const { token, path } = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "never" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/s/${token}`);
    const rows = await getDb().shareLink.findMany({ where: { decisionId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    const audit = await getDb().auditEvent.findMany({ where: { decisionId, action: "share_link.created" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);

    const list = await listShareLinks(owner.actor, owner.teamSlug, decisionId);
    expect(list).toEqual([expect.objectContaining({ createdByName: "sharer Person", viewCount: 0, state: "active", expiresAt: null })]);
    expect(JSON.stringify(list)).not.toContain(rows[0]!.tokenHash);
  });

  it("two links never share a token", async () => {
    const { owner, decisionId } = await ownerWithDecision();
    const a = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "7d" });
    const b = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "7d" });
    expect(a.token).not.toBe(b.token);
  });

  it("a non-member cannot create, list or revoke (NOT_FOUND) and nothing changes", async () => {
    const { owner, decisionId } = await ownerWithDecision();
    const { link } = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "never" });
    const stranger = await newUser("stranger");
    const before = await snapshot();
    expect(code(await createShareLink(stranger.actor, owner.teamSlug, decisionId, { expiry: "never" }).catch((e) => e))).toBe("NOT_FOUND");
    expect(code(await listShareLinks(stranger.actor, owner.teamSlug, decisionId).catch((e) => e))).toBe("NOT_FOUND");
    expect(code(await revokeShareLink(stranger.actor, owner.teamSlug, link.id).catch((e) => e))).toBe("NOT_FOUND");
    // Their own team's slug with someone else's decision or link: still not found.
    expect(code(await createShareLink(stranger.actor, stranger.teamSlug, decisionId, { expiry: "never" }).catch((e) => e))).toBe("NOT_FOUND");
    expect(code(await listShareLinks(stranger.actor, stranger.teamSlug, decisionId).catch((e) => e))).toBe("NOT_FOUND");
    expect(code(await revokeShareLink(stranger.actor, stranger.teamSlug, link.id).catch((e) => e))).toBe("NOT_FOUND");
    expect(await snapshot()).toEqual(before);
  });

  it("members and viewers may list but get FORBIDDEN with a reason for create and revoke; facilitators may share", async () => {
    const { owner, decisionId, addMember } = await ownerWithDecision();
    const { link } = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "never" });
    for (const role of ["member", "viewer"] as const) {
      const m = await addMember(role, role);
      const before = await snapshot();
      const created = await createShareLink(m.actor, owner.teamSlug, decisionId, { expiry: "never" }).catch((e) => e);
      expect(code(created)).toBe("FORBIDDEN");
      expect((created as AppError).message).toMatch(/Only owners and facilitators can create or revoke share links/);
      expect(code(await revokeShareLink(m.actor, owner.teamSlug, link.id).catch((e) => e))).toBe("FORBIDDEN");
      expect(await snapshot()).toEqual(before);
      await expect(listShareLinks(m.actor, owner.teamSlug, decisionId)).resolves.toHaveLength(1);
    }
    const facilitator = await addMember("fran", "facilitator");
    await expect(createShareLink(facilitator.actor, owner.teamSlug, decisionId, { expiry: "30d" })).resolves.toMatchObject({
      link: { state: "active", createdByName: "fran Person" },
    });
  });

  it("a view counts and sets the last-viewed time; the DTO has no ids or emails", async () => {
    const { owner, decisionId, teamId } = await ownerWithDecision();
    const { token, link } = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "never" });
    const now = new Date("2030-01-02T03:04:05Z");
    const shared = await getSharedDecision(token, { now });
    expect(shared).toMatchObject({ title: "Support answers", recorded: false, ownerName: "sharer Person" });
    expect(shared!.result.level).toBeDefined();
    const json = JSON.stringify(shared);
    for (const secret of [decisionId, teamId, owner.user.id, owner.user.email, link.id]) expect(json).not.toContain(secret);
    await getSharedDecision(token);
    const row = await getDb().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.viewCount).toBe(2);
    expect(row.lastViewedAt).not.toBeNull();
    // The preview image does not count as a view.
    await getSharedDecision(token, { countView: false });
    expect((await getDb().shareLink.findUniqueOrThrow({ where: { id: link.id } })).viewCount).toBe(2);
  });

  it("expired, revoked, unknown and malformed tokens are all not found and count nothing", async () => {
    const { owner, decisionId } = await ownerWithDecision();
    const created = new Date("2030-03-01T12:00:00Z");
    const seven = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "7d" }, created);
    const dated = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: { date: "2030-03-10" } }, created);
    const revoked = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "never" }, created);

    // Before expiry both work; a dated link works through the whole of that day (UTC).
    expect(await getSharedDecision(seven.token, { now: new Date("2030-03-08T11:59:00Z") })).not.toBeNull();
    expect(await getSharedDecision(dated.token, { now: new Date("2030-03-10T23:59:00Z") })).not.toBeNull();
    // After expiry: null, under a clock the test controls.
    expect(await getSharedDecision(seven.token, { now: new Date("2030-03-08T12:00:01Z") })).toBeNull();
    expect(await getSharedDecision(dated.token, { now: new Date("2030-03-11T00:00:00Z") })).toBeNull();
    const later = await listShareLinks(owner.actor, owner.teamSlug, decisionId, new Date("2030-03-11T00:00:00Z"));
    expect(later.map((l) => l.state).sort()).toEqual(["active", "expired", "expired"]);

    await revokeShareLink(owner.actor, owner.teamSlug, revoked.link.id);
    await revokeShareLink(owner.actor, owner.teamSlug, revoked.link.id); // idempotent
    expect(await getSharedDecision(revoked.token)).toBeNull();
    const audit = await getDb().auditEvent.count({ where: { decisionId, action: "share_link.revoked" } });
    expect(audit).toBe(1);
    expect((await listShareLinks(owner.actor, owner.teamSlug, decisionId)).find((l) => l.id === revoked.link.id)?.state).toBe("revoked");

    expect(await getSharedDecision("A".repeat(43))).toBeNull();
    expect(await getSharedDecision("not a token")).toBeNull();
    expect(await getSharedDecision("")).toBeNull();
    const counts = await getDb().shareLink.findMany({ where: { decisionId }, select: { viewCount: true } });
    expect(counts.map((c) => c.viewCount).sort()).toEqual([1, 1, 0].sort());
  });

  it("a date expiry must be today or later", async () => {
    const { owner, decisionId } = await ownerWithDecision();
    const before = await snapshot();
    const error = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: { date: "2000-01-01" } }).catch((e) => e);
    expect(code(error)).toBe("VALIDATION");
    expect((error as AppError).fieldErrors?.expiresOn?.[0]).toMatch(/today or a later date/);
    expect(await snapshot()).toEqual(before);
  });

  it("a recorded decision is shared with its stored result", async () => {
    const { owner, decisionId } = await ownerWithDecision();
    // Store a Result that differs from what the current code would score, as history would.
    const result = { ...score({}, "v1"), level: "adapter" as const };
    await getDb().decision.update({
      where: { id: decisionId },
      data: { status: "decided", result: result as object, recommendedLevel: "adapter", finalLevel: "prompt", overrideRationale: "Budget", decidedAt: new Date() },
    });
    const { token } = await createShareLink(owner.actor, owner.teamSlug, decisionId, { expiry: "never" });
    const shared = await getSharedDecision(token);
    expect(shared).toMatchObject({ recorded: true, finalLevel: "prompt", overrideRationale: "Budget" });
    expect(shared!.result.level).toBe("adapter");
  });
});
