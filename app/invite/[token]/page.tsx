import Link from "next/link";

import { AcceptInvitationForm } from "@/components/teams/accept-invitation-form";
import { Button } from "@/components/ui/button";
import { getInvitationPreview } from "@/lib/dal/invitations";
import { orNotFound } from "@/lib/dal/not-found";
import { ROLE_LABELS } from "@/lib/dal/roles";
import { verifySession } from "@/lib/dal/session";

const ROLE_MEANS = {
  owner: "manage the team, its members and invitations, and run decisions",
  facilitator: "start, run and record decisions",
  member: "answer workshop questions and read every decision",
  viewer: "read the team's decisions",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await orNotFound(getInvitationPreview(token));
  const user = await verifySession();
  const back = `/invite/${encodeURIComponent(token)}`;
  const role = ROLE_LABELS[invitation.role].toLowerCase();

  return (
    <>
      <p className="text-sm font-medium text-accent-700">Invitation</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
        {invitation.inviterName ?? "A team owner"} invited you to {invitation.teamName} as {role}
      </h1>
      <p className="mt-2 text-slate-700">
        In LevelSet, a {role} can {ROLE_MEANS[invitation.role]}.
      </p>
      {user ? (
        <>
          <p className="mt-4 text-sm text-slate-600">
            You are signed in as {user.name} ({user.email}).
          </p>
          <AcceptInvitationForm token={token} teamName={invitation.teamName} />
        </>
      ) : (
        <div className="mt-6 flex flex-col gap-3">
          <Button asChild size="lg">
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`}>Create an account</Link>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}>Sign in</Link>
          </Button>
          <p className="text-sm text-slate-600">Then you come back here to accept.</p>
        </div>
      )}
    </>
  );
}
