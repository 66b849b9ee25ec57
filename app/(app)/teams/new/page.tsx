import type { Metadata } from "next";

import { ImportTeamForm } from "@/components/teams/import-team-form";
import { NewTeamForm } from "@/components/teams/new-team-form";
import { requireUser } from "@/lib/dal/session";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  await requireUser("/teams/new");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">New team</h1>
      <p className="mt-2 text-slate-700">
        A team keeps its own decisions, members and roles. You will be its owner and can invite the others from its
        settings.
      </p>
      <div className="mt-6 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <NewTeamForm />
      </div>
      <section aria-labelledby="import-heading" className="mt-8 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
        <h2 id="import-heading" className="text-lg font-semibold text-slate-900">
          Or import a team
        </h2>
        <p className="mt-1 mb-5 text-sm text-slate-600">
          From a team file exported by an owner, here or on another LevelSet: its decisions, notes, results and history become a new
          team that you own. Share links come back revoked (their secrets are never exported).
        </p>
        <ImportTeamForm />
      </section>
    </main>
  );
}
