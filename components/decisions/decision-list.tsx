import Link from "next/link";

import type { DecisionListItem } from "@/lib/dal/decisions";

const STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  in_review: "In review",
  decided: "Decided",
  superseded: "Superseded",
  archived: "Archived",
};

const LEVEL_LABELS: Record<string, string> = {
  pause: "Pause: build evals",
  prompt: "Level 0: prompt + retrieval",
  adapter: "Level 1: adapters",
  finetune: "Level 2: full fine-tune",
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function DecisionList({ decisions, teamSlug }: { decisions: DecisionListItem[]; teamSlug: string }) {
  if (decisions.length === 0) {
    return (
      <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-medium text-slate-900">No decisions yet</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
          A decision records, for one LLM feature, whether to stay with prompt + retrieval, train adapters, fine-tune, or
          build evals first — and why.
        </p>
      </div>
    );
  }
  return (
    <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {decisions.map((d) => {
        const level = d.finalLevel ?? d.recommendedLevel;
        return (
          <li key={d.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="truncate font-medium text-slate-900">
                <Link href={`/t/${teamSlug}/decisions/${d.id}`} className="hover:underline underline-offset-4">
                  {d.title}
                </Link>
              </p>
              <p className="text-sm text-slate-600">
                {STATUS_LABELS[d.status] ?? d.status}
                {d.ownerName ? ` · owner ${d.ownerName}` : ""} · updated {dateFormat.format(d.updatedAt)}
              </p>
            </div>
            {level ? (
              <span className="shrink-0 text-sm font-medium text-slate-700">
                {d.finalLevel ? "Decided: " : "Recommended: "}
                {LEVEL_LABELS[level] ?? level}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
