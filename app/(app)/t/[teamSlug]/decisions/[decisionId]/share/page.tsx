import type { Metadata } from "next";
import { headers } from "next/headers";

import { CreateShareLinkForm } from "@/components/share/create-share-link-form";
import { ShareLinkList } from "@/components/share/share-link-list";
import { Alert } from "@/components/ui/alert";
import { getDecision } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { requireUser } from "@/lib/dal/session";
import { listShareLinks, shareRefusal } from "@/lib/dal/share-links";
import { getEnv } from "@/lib/env";

type Props = { params: Promise<{ teamSlug: string; decisionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  return { title: `Share · ${decision.title}` };
}

/** Where the app is served from, for the full URL of a new link: AUTH_URL when set, else the request's host. */
async function requestOrigin(): Promise<string> {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

export default async function SharePage({ params }: Props) {
  const { teamSlug, decisionId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const links = await orNotFound(listShareLinks(user, teamSlug, decisionId));
  const refusal = shareRefusal(decision.role);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <section aria-labelledby="share-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <h1 id="share-heading" className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          Share this decision
        </h1>
        <p className="mt-2 max-w-prose text-slate-700">
          Anyone with a share link can read this decision without an account: the result, the final decision and its rationale,
          and every answer with its notes. They cannot change anything, and they never see who is on the team or their emails.
          Revoke a link at any time.
        </p>
        <div className="mt-6 border-t border-slate-200 pt-6">
          <h2 id="create-link-heading" className="mb-4 text-lg font-semibold text-slate-900">
            Create a link
          </h2>
          {refusal ? (
            <Alert variant="info" title="You can’t share this decision">
              {refusal}
            </Alert>
          ) : (
            <CreateShareLinkForm
              teamSlug={teamSlug}
              decisionId={decisionId}
              origin={await requestOrigin()}
              today={new Date().toISOString().slice(0, 10)}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="links-heading">
        <h2 id="links-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Links to this decision
        </h2>
        <ShareLinkList links={links} teamSlug={teamSlug} canRevoke={!refusal} />
      </section>
    </div>
  );
}
