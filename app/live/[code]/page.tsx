import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import QRCode from "qrcode";

import { JoinForm } from "@/components/live/join-form";
import { LiveRoom } from "@/components/live/live-room";
import { getLiveEntry, getLiveState } from "@/lib/dal/live-sessions";
import { orNotFound } from "@/lib/dal/not-found";

import { liveViewer, livePath } from "./http";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ error?: string }> };

export const metadata: Metadata = { title: "Live workshop", robots: { index: false } };

async function joinUrl(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}${livePath(code)}`;
}

export default async function LivePage({ params, searchParams }: Props) {
  const { code } = await params;
  const { error } = await searchParams;
  const viewer = await liveViewer();
  const entry = await orNotFound(getLiveEntry(viewer, code));

  if (entry.phase === "closed") {
    return (
      <Shell>
        <h1 className="text-2xl font-semibold text-slate-900">This live session has ended</h1>
        <p className="mt-2 text-slate-700">
          The room’s agreed answers for “{entry.decisionTitle}” are saved with the decision. Thanks for taking part.
        </p>
        {entry.resultPath ? (
          <p className="mt-4">
            <Link href={entry.resultPath} className="font-medium text-accent-700 underline underline-offset-4">
              See the result
            </Link>
          </p>
        ) : null}
      </Shell>
    );
  }

  if (!entry.joined) {
    return (
      <Shell>
        <p className="text-sm text-slate-600">{entry.teamName} · live workshop</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">Join “{entry.decisionTitle}”</h1>
        <JoinForm code={entry.code} memberName={entry.member?.name ?? null} observersAllowed={entry.observersAllowed} error={error ?? null} />
      </Shell>
    );
  }

  const state = await orNotFound(getLiveState(viewer, code));
  const isFacilitator = state.me.role === "facilitator";
  const url = await joinUrl(state.code);
  const qrSvg = isFacilitator ? await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
  return <LiveRoom initial={state} joinUrl={url} qrSvg={qrSvg} initialError={error ?? null} />;
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <p className="mb-6 text-lg font-semibold text-slate-900">LevelSet</p>
      {children}
    </main>
  );
}
