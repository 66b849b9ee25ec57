import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";

import { SharedDecisionView } from "@/components/share/shared-decision-view";
import { getSharedDecision } from "@/lib/dal/share-links";
import { requireRubric } from "@/lib/rubric";

type Props = { params: Promise<{ token: string }> };

/**
 * The public, read-only page of one shared decision. No account: the token in
 * the URL is the authorization (see `getSharedDecision`). Unknown, expired and
 * revoked tokens all render the same 404. Server components only, so the page
 * ships no client JavaScript of its own; headers (noindex, no-referrer,
 * no-store) come from next.config.js for every /s/ response.
 */
const loadShared = cache((token: string) => getSharedDecision(token));

/** Metadata and page share one lookup (and one counted view) per request. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const decision = await loadShared(token);
  if (!decision) notFound();
  const rubric = requireRubric(decision.rubricVersion);
  const label = (id: string) => rubric.outcomes.find((o) => o.id === id)?.label ?? id;
  const headline =
    decision.recorded && decision.finalLevel ? `Decided: ${label(decision.finalLevel)}` : `Recommended: ${label(decision.result.level)}`;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return {
    title: decision.title,
    description: headline,
    metadataBase: host ? new URL(`${proto}://${host}`) : undefined,
    robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
    referrer: "no-referrer",
    openGraph: { type: "article", title: decision.title, description: headline, siteName: "LevelSet" },
    twitter: { card: "summary_large_image", title: decision.title, description: headline },
  };
}

export default async function SharedDecisionPage({ params }: Props) {
  const { token } = await params;
  const decision = await loadShared(token);
  if (!decision) notFound();

  return (
    <div className="min-h-dvh bg-slate-50 print:bg-white">
      <header data-print="hide" className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-4xl items-center justify-between gap-4 px-4 sm:px-6">
          <p className="flex items-baseline gap-3">
            <span className="text-lg font-semibold tracking-tight text-slate-900">
              Level<span className="text-accent-700">Set</span>
            </span>
            <span className="hidden text-sm text-slate-600 sm:inline">Shared decision · read-only</span>
          </p>
          <a href="/sign-in" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900">
            Sign in
          </a>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6 sm:px-6 sm:py-10 print:max-w-none print:p-0">
        <p className="mb-4 hidden text-sm text-slate-700 print:block">LevelSet · shared decision (read-only)</p>
        <SharedDecisionView decision={decision} />
        <footer data-print="hide" className="mt-8 border-t border-slate-200 pt-5 text-sm text-slate-600">
          <p>
            This is a read-only copy shared from LevelSet by {decision.teamName}. Whoever sent you the link can revoke it at any time.
          </p>
        </footer>
      </main>
    </div>
  );
}
