import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { withFreshDatabase } from "@/lib/testing/test-db";

import {
  acceptInvitation,
  createInvitation,
  getInvitationPreview,
  hashInvitationToken,
  listInvitations,
  revokeInvitation,
} from "./invitations";
import { changeMemberRole, leaveTeam, listMembers, removeMember, renameTeam } from "./members";
import type { Role } from "./roles";
import { getTeamForMember, listTeamsForUser } from "./teams";
import { createUserWithTeam } from "./users";

withFreshDatabase();

/** Every row of the tables these functions write, in a stable order: a refusal must leave it identical. */
async function snapshot() {
  const db = getDb();
  const [teams, memberships, invitations, auditEvents] = await Promise.all([
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.membership.findMany({ orderBy: { id: "asc" } }),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } }),
  ]);
  return JSON.stringify({ teams, memberships, invitations, auditEvents });
}

let n = 0;
async function newUser(label: string) {
  n += 1;
  const { user, teamSlug } = await createUserWithTeam({
    name: `${label} Person`,
    email: `${label}-${n}-${Date.now()}@members.test`,
    password: "a-long-enough-password",
  });
  return { actor: { userId: user.id }, user, teamSlug };
}

/** An owner and one member of each other role, joined through real invitations. */
async function teamWithRoles() {
  const owner = await newUser("owner");
  const join = async (role: Role) => {
    const person = await newUser(role);
    const { token } = await createInvitation(owner.actor, owner.teamSlug, { role, expiry: "7d", maxUses: 1 });
    await acceptInvitation(person.actor, token);
    return person;
  };
  return { owner, facilitator: await join("facilitator"), member: await join("member"), viewer: await join("viewer"), teamSlug: owner.teamSlug };
}

async function auditActions(teamSlug: string) {
  const team = await getDb().team.findUniqueOrThrow({ where: { slug: teamSlug } });
  return (await getDb().auditEvent.findMany({ where: { teamId: team.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
}

describe("team members", () => {
  it("lists members with name, email, role and join date to every member, nobody else", async () => {
    const t = await teamWithRoles();
    const { members, ownerCount } = await listMembers(t.viewer.actor, t.teamSlug);
    expect(members.map((m) => m.role)).toEqual(["owner", "facilitator", "member", "viewer"]);
    expect(members[0]).toMatchObject({ name: t.owner.user.name, email: t.owner.user.email, isYou: false });
    expect(members[3]!.isYou).toBe(true);
    expect(ownerCount).toBe(1);
    const stranger = await newUser("stranger");
    await expect(listMembers(stranger.actor, t.teamSlug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("only owners change roles, remove members or rename; others are refused and nothing changes", async () => {
    const t = await teamWithRoles();
    const stranger = await newUser("stranger");
    const before = await snapshot();
    for (const who of [t.facilitator, t.member, t.viewer]) {
      await expect(changeMemberRole(who.actor, t.teamSlug, { userId: t.member.user.id, role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(removeMember(who.actor, t.teamSlug, { userId: t.viewer.user.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(renameTeam(who.actor, t.teamSlug, { name: "Hijacked" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(changeMemberRole(stranger.actor, t.teamSlug, { userId: t.member.user.id, role: "owner" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember(stranger.actor, t.teamSlug, { userId: t.member.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("an owner changes a role and removes a member, with audit events; the removed member gets NOT_FOUND", async () => {
    const t = await teamWithRoles();
    await changeMemberRole(t.owner.actor, t.teamSlug, { userId: t.viewer.user.id, role: "member" });
    await expect(getTeamForMember(t.viewer.actor, t.teamSlug)).resolves.toMatchObject({ role: "member" });
    await removeMember(t.owner.actor, t.teamSlug, { userId: t.member.user.id });
    await expect(getTeamForMember(t.member.actor, t.teamSlug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await renameTeam(t.owner.actor, t.teamSlug, { name: "Renamed team" });
    expect((await getTeamForMember(t.owner.actor, t.teamSlug)).name).toBe("Renamed team");
    expect(await auditActions(t.teamSlug)).toEqual(
      expect.arrayContaining(["member.role_changed", "member.removed", "team.renamed", "member.joined", "invitation.created"]),
    );
  });

  it("a role change or removal of a non-member, or an unknown role, is refused without writing", async () => {
    const t = await teamWithRoles();
    const outsider = await newUser("outsider");
    const before = await snapshot();
    await expect(changeMemberRole(t.owner.actor, t.teamSlug, { userId: outsider.user.id, role: "member" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeMemberRole(t.owner.actor, t.teamSlug, { userId: t.member.user.id, role: "admin" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(removeMember(t.owner.actor, t.teamSlug, { userId: outsider.user.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("the last owner cannot leave, be removed or demote themself; with a second owner they can", async () => {
    const t = await teamWithRoles();
    const before = await snapshot();
    await expect(leaveTeam(t.owner.actor, t.teamSlug)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/last owner/) });
    await expect(changeMemberRole(t.owner.actor, t.teamSlug, { userId: t.owner.user.id, role: "member" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/at least one owner/),
    });
    await expect(removeMember(t.owner.actor, t.teamSlug, { userId: t.owner.user.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await snapshot()).toEqual(before);

    await changeMemberRole(t.owner.actor, t.teamSlug, { userId: t.facilitator.user.id, role: "owner" });
    // Now the second owner may remove the first, and the first could have demoted themself.
    await changeMemberRole(t.owner.actor, t.teamSlug, { userId: t.owner.user.id, role: "facilitator" });
    await expect(leaveTeam(t.facilitator.actor, t.teamSlug)).rejects.toMatchObject({ code: "CONFLICT" });
    await leaveTeam(t.owner.actor, t.teamSlug);
    expect((await listTeamsForUser(t.owner.actor)).map((x) => x.slug)).not.toContain(t.teamSlug);
    expect(await auditActions(t.teamSlug)).toContain("member.left");
  });

  it("non-owners leave freely; a non-member cannot 'leave'", async () => {
    const t = await teamWithRoles();
    await leaveTeam(t.viewer.actor, t.teamSlug);
    await leaveTeam(t.member.actor, t.teamSlug);
    await expect(getTeamForMember(t.member.actor, t.teamSlug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before = await snapshot();
    await expect(leaveTeam(t.member.actor, t.teamSlug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("invitations", () => {
  it("returns a 256-bit base64url token once and stores only its SHA-256", async () => {
    const owner = await newUser("inviter");
    const { token, id } = await createInvitation(owner.actor, owner.teamSlug, { role: "member", expiry: "30d", maxUses: 5 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    const [listed] = await listInvitations(owner.actor, owner.teamSlug);
    expect(listed).toMatchObject({ id, role: "member", uses: 0, maxUses: 5, state: "active", createdByName: owner.user.name });
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash|[0-9a-f]{64}/);
    expect(await getInvitationPreview(token)).toEqual({ teamName: "inviter's team", teamSlug: owner.teamSlug, role: "member", inviterName: owner.user.name });
  });

  it("non-owners cannot create, list or revoke invitations, and nothing is written", async () => {
    const t = await teamWithRoles();
    const { id } = await createInvitation(t.owner.actor, t.teamSlug, { role: "viewer", expiry: "never", maxUses: 1 });
    const stranger = await newUser("stranger");
    const before = await snapshot();
    for (const who of [t.facilitator, t.member, t.viewer]) {
      await expect(createInvitation(who.actor, t.teamSlug, { role: "owner", expiry: "never", maxUses: 100 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listInvitations(who.actor, t.teamSlug)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(revokeInvitation(who.actor, t.teamSlug, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createInvitation(stranger.actor, t.teamSlug, { role: "owner", expiry: "never", maxUses: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeInvitation(stranger.actor, t.teamSlug, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An owner of ANOTHER team cannot revoke this team's invitation through their own team.
    await expect(revokeInvitation(stranger.actor, stranger.teamSlug, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createInvitation(t.owner.actor, t.teamSlug, { role: "member", expiry: "7d", maxUses: 101 })).rejects.toThrow();
    await expect(createInvitation(t.owner.actor, t.teamSlug, { role: "member", expiry: "1y" as "7d", maxUses: 1 })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it("accepting joins with the invitation's role and counts a use; a used-up link is NOT_FOUND", async () => {
    const owner = await newUser("o");
    const { token } = await createInvitation(owner.actor, owner.teamSlug, { role: "facilitator", expiry: "7d", maxUses: 1 });
    const joiner = await newUser("j");
    await expect(acceptInvitation(joiner.actor, token)).resolves.toEqual({ teamSlug: owner.teamSlug, alreadyMember: false });
    await expect(getTeamForMember(joiner.actor, owner.teamSlug)).resolves.toMatchObject({ role: "facilitator" });
    const late = await newUser("late");
    const before = await snapshot();
    await expect(getInvitationPreview(token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acceptInvitation(late.actor, token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
    expect(await auditActions(owner.teamSlug)).toContain("member.joined");
  });

  it("an existing member accepting goes to the team without using the link or changing their role", async () => {
    const owner = await newUser("o");
    const { token, id } = await createInvitation(owner.actor, owner.teamSlug, { role: "viewer", expiry: "7d", maxUses: 1 });
    const before = await snapshot();
    await expect(acceptInvitation(owner.actor, token)).resolves.toEqual({ teamSlug: owner.teamSlug, alreadyMember: true });
    expect(await snapshot()).toEqual(before);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id } })).uses).toBe(0);
    await expect(getTeamForMember(owner.actor, owner.teamSlug)).resolves.toMatchObject({ role: "owner" });
  });

  it("two concurrent accepts of a single-use link: exactly one joins", async () => {
    const owner = await newUser("o");
    const { token, id } = await createInvitation(owner.actor, owner.teamSlug, { role: "member", expiry: "7d", maxUses: 1 });
    const a = await newUser("a");
    const b = await newUser("b");
    const results = await Promise.allSettled([acceptInvitation(a.actor, token), acceptInvitation(b.actor, token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "NOT_FOUND" });
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id } })).uses).toBe(1);
    const team = await getDb().team.findUniqueOrThrow({ where: { slug: owner.teamSlug } });
    expect(await getDb().membership.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("a multi-use link admits up to maxUses people, even concurrently", async () => {
    const owner = await newUser("o");
    const { token, id } = await createInvitation(owner.actor, owner.teamSlug, { role: "viewer", expiry: "never", maxUses: 2 });
    const people = await Promise.all(["p1", "p2", "p3", "p4"].map((l) => newUser(l)));
    const results = await Promise.allSettled(people.map((p) => acceptInvitation(p.actor, token)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect((await getDb().invitation.findUniqueOrThrow({ where: { id } })).uses).toBe(2);
    expect((await listInvitations(owner.actor, owner.teamSlug))[0]!.state).toBe("used_up");
  });

  it("revoked and expired links are NOT_FOUND, the same as unknown ones, and write nothing", async () => {
    const owner = await newUser("o");
    const revoked = await createInvitation(owner.actor, owner.teamSlug, { role: "member", expiry: "7d", maxUses: 10 });
    await revokeInvitation(owner.actor, owner.teamSlug, revoked.id);
    await revokeInvitation(owner.actor, owner.teamSlug, revoked.id); // idempotent
    const expired = await createInvitation(owner.actor, owner.teamSlug, { role: "member", expiry: "7d", maxUses: 10 });
    await getDb().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const states = Object.fromEntries((await listInvitations(owner.actor, owner.teamSlug)).map((i) => [i.id, i.state]));
    expect(states).toEqual({ [revoked.id]: "revoked", [expired.id]: "expired" });
    const joiner = await newUser("j");
    const before = await snapshot();
    for (const token of [revoked.token, expired.token, "x".repeat(43), "short", ""]) {
      await expect(getInvitationPreview(token)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation is no longer valid" });
      await expect(acceptInvitation(joiner.actor, token)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation is no longer valid" });
    }
    expect(await snapshot()).toEqual(before);
    expect((await auditActions(owner.teamSlug)).filter((a) => a === "invitation.revoked")).toHaveLength(1);
  });
});
