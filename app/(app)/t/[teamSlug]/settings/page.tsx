import type { Metadata } from "next";
import Link from "next/link";

import {
  CreateInvitationForm,
  LeaveTeamForm,
  RemoveMemberForm,
  RenameTeamForm,
  RevokeInvitationForm,
  RoleForm,
} from "@/components/teams/settings-forms";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { type InvitationListItem, type InvitationState, listInvitations } from "@/lib/dal/invitations";
import { listMembers } from "@/lib/dal/members";
import { orNotFound } from "@/lib/dal/not-found";
import { ROLE_LABELS, roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "Team settings" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const STATE_LABELS: Record<InvitationState, string> = { active: "Active", expired: "Expired", revoked: "Revoked", used_up: "Used up" };

function describeInvitation(i: InvitationListItem) {
  return `${ROLE_LABELS[i.role].toLowerCase()} invitation of ${dateFormat.format(i.createdAt)}`;
}

export default async function TeamSettingsPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const user = await requireUser(`/t/${teamSlug}/settings`);
  const { team, members, ownerCount } = await orNotFound(listMembers(user, teamSlug));
  const canManage = roleCan(team.role, "manageTeam");
  const invitations = canManage ? await listInvitations(user, teamSlug) : [];
  const youAreLastOwner = team.role === "owner" && ownerCount <= 1;

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p className="text-sm text-slate-600">
        <Link href={`/t/${teamSlug}`} className="underline-offset-4 hover:underline">
          {team.name}
        </Link>{" "}
        <span aria-hidden="true">›</span> Settings
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">Team settings</h1>
      <p className="mt-2 text-slate-700">
        You are {ROLE_LABELS[team.role].toLowerCase()} in {team.name}.{" "}
        {canManage
          ? "Owners invite people, change roles and remove members."
          : "Only owners invite people, change roles and remove members; ask an owner if something here should change."}
      </p>

      {canManage ? (
        <section aria-labelledby="name-heading" className="mt-8 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
          <h2 id="name-heading" className="text-lg font-semibold text-slate-900">
            Name
          </h2>
          <div className="mt-3">
            <RenameTeamForm teamSlug={teamSlug} name={team.name} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="members-heading" className="mt-8 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
        <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
          Members <span className="font-normal text-slate-600">({members.length})</span>
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Owners manage the team · facilitators start, run and record decisions · members answer · viewers read.
        </p>
        <ul className="mt-4 divide-y divide-slate-200" aria-label="Members">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between" data-testid="member-row">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {m.name}
                  {m.isYou ? <span className="ml-2 text-sm font-normal text-slate-600">(you)</span> : null}
                </p>
                <p className="break-all text-sm text-slate-600">{m.email}</p>
                <p className="text-sm text-slate-600">Joined {dateFormat.format(m.joinedAt)}</p>
              </div>
              <div className="flex flex-col gap-2 sm:items-end">
                {canManage ? (
                  <RoleForm teamSlug={teamSlug} userId={m.userId} name={m.name} role={m.role} />
                ) : (
                  <Badge>{ROLE_LABELS[m.role]}</Badge>
                )}
                {canManage && !m.isYou ? (
                  <RemoveMemberForm teamSlug={teamSlug} userId={m.userId} name={m.name} teamName={team.name} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        <div className="mt-4 border-t border-slate-200 pt-4">
          <LeaveTeamForm teamSlug={teamSlug} teamName={team.name} lastOwner={youAreLastOwner} />
        </div>
      </section>

      {canManage ? (
        <section aria-labelledby="export-heading" className="mt-8 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
          <h2 id="export-heading" className="text-lg font-semibold text-slate-900">
            Export
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            The whole team as one JSON file: decisions with answers, notes and results, the history, share-link dates (never the links
            themselves) and members by email and role. Import it as a new team from{" "}
            <Link href="/teams/new" className="underline underline-offset-4">
              New team
            </Link>
            , here or on another LevelSet.
          </p>
          <a
            href={`/t/${teamSlug}/settings/export`}
            download
            className={buttonClassName({ variant: "secondary", className: "mt-4" })}
          >
            Export team (JSON)
          </a>
        </section>
      ) : null}

      {canManage ? (
        <section aria-labelledby="invite-heading" className="mt-8 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
          <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
            Invite people
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Anyone with the link can join {team.name} with the role you choose, until it expires, is used up or you revoke it.
          </p>
          <div className="mt-4">
            <CreateInvitationForm teamSlug={teamSlug} />
          </div>
          <h3 className="mt-8 font-semibold text-slate-900">Invitation links</h3>
          {invitations.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No invitations yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-200" aria-label="Invitation links">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="invitation-row">
                  <div className="min-w-0 text-sm">
                    <p className="font-medium text-slate-900">
                      {ROLE_LABELS[i.role]} ·{" "}
                      <span data-state={i.state}>{STATE_LABELS[i.state]}</span>
                    </p>
                    <p className="text-slate-600">
                      By {i.createdByName ?? "a former member"} on {dateFormat.format(i.createdAt)} ·{" "}
                      {i.expiresAt ? `${i.state === "expired" ? "expired" : "expires"} ${dateFormat.format(i.expiresAt)}` : "never expires"} ·{" "}
                      used {i.uses} of {i.maxUses}
                    </p>
                  </div>
                  {i.state === "active" ? (
                    <RevokeInvitationForm teamSlug={teamSlug} invitationId={i.id} description={describeInvitation(i)} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </main>
  );
}
