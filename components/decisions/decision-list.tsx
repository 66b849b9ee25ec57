import Link from "next/link";

import { LevelBadge } from "@/components/decisions/result";
import { StatusBadge } from "@/components/decisions/status-badge";
import type { DecisionListItem } from "@/lib/dal/decisions";
import type { Level, Rubric } from "@/lib/rubric";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function DecisionList({
  decisions,
  teamSlug,
  rubric,
  now,
  emptyText,
}: {
  decisions: DecisionListItem[];
  teamSlug: string;
  rubric: Rubric;
  now: Date;
  emptyText: React.ReactNode;
}) {
  if (decisions.length === 0) {
    return <div className="mt-4 rounded-card border border-dashed border-slate-300 bg-white p-8 text-center">{emptyText}</div>;
  }
  const soon = now.getTime() + 14 * 24 * 3600 * 1000;
  return (
    <ul className="mt-4 divide-y divide-slate-200 overflow-hidden rounded-card border border-slate-200 bg-white shadow-card" aria-label="Decisions">
      {decisions.map((d) => {
        const level = (d.finalLevel ?? d.recommendedLevel) as Level | null;
        const due = d.status === "decided" && d.reviewBy && d.reviewBy.getTime() <= soon;
        return (
          <li key={d.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/t/${teamSlug}/decisions/${d.id}`} className="font-medium text-slate-900 underline-offset-4 hover:underline">
                  {d.title}
                </Link>
                <StatusBadge status={d.status} />
              </p>
              <p className="mt-0.5 text-sm text-slate-600">
                {d.ownerName ? `Owner ${d.ownerName} · ` : ""}updated {dateFormat.format(d.updatedAt)}
                {d.reviewBy ? (
                  <span className={due ? "font-medium text-pause-800" : undefined}>
                    {" "}
                    · {due ? "review due " : "review by "}
                    {dateFormat.format(d.reviewBy)}
                  </span>
                ) : null}
              </p>
            </div>
            {level ? (
              <div className="flex shrink-0 items-center gap-2 text-sm text-slate-700">
                <span>{d.finalLevel ? "Decided" : "Recommended"}</span>
                <LevelBadge level={level} rubric={rubric} size="sm" />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
