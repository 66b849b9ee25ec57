import Link from "next/link";

import { STATUS_LABELS } from "@/components/decisions/status-badge";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";
import { DECISION_STATUSES } from "@/lib/dal/decisions";
import type { LogFilters } from "@/lib/dal/decision-log";
import type { TeamMember } from "@/lib/dal/decisions";
import { LEVELS, type Rubric } from "@/lib/rubric";

// "Best match" ranks a search's hits; without a search it lists recently updated first.
const SORT_LABELS = { relevance: "Best match", updated: "Recently updated", created: "Newest first", title: "Title A–Z", review: "Review date" } as const;

/** A plain GET form: the filter state lives in the URL, so a filtered view can be shared and works without JS. */
export function LogFiltersForm({
  teamSlug,
  filters,
  members,
  rubric,
}: {
  teamSlug: string;
  filters: LogFilters;
  members: TeamMember[];
  rubric: Rubric;
}) {
  const control = cn(controlClassName, "h-10 text-sm");
  const label = "text-sm font-medium text-slate-800";
  const outcome = (id: string) => rubric.outcomes.find((o) => o.id === id)?.label ?? id;
  const active = Object.entries(filters).some(([k, v]) => k !== "cursor" && k !== "sort" && v !== undefined);
  return (
    <form method="get" action={`/t/${teamSlug}`} role="search" aria-label="Search and filter decisions" className="rounded-card border border-slate-200 bg-white p-4 shadow-card">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="log-q" className={label}>
            Search titles, use cases and notes
          </label>
          <input id="log-q" name="q" type="search" defaultValue={filters.q ?? ""} className={control} placeholder="e.g. refunds, contracts" />
        </div>
        <div className="flex flex-col gap-1 sm:w-48">
          <label htmlFor="log-sort" className={label}>
            Sort
          </label>
          <select id="log-sort" name="sort" defaultValue={filters.sort ?? "relevance"} className={control}>
            {Object.entries(SORT_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details className="group mt-3" open={active || undefined}>
        <summary className="cursor-pointer text-sm font-semibold text-accent-700 underline-offset-4 hover:underline">Filters</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="log-status" className={label}>
              Status
            </label>
            <select id="log-status" name="status" defaultValue={filters.status ?? ""} className={control}>
              <option value="">Any (not archived)</option>
              {DECISION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <LevelSelect id="log-rec" name="rec" label="Recommended level" value={filters.rec} outcome={outcome} control={control} labelClass={label} />
          <LevelSelect id="log-final" name="final" label="Final level" value={filters.final} outcome={outcome} control={control} labelClass={label} />
          <div className="flex flex-col gap-1">
            <label htmlFor="log-owner" className={label}>
              Owner
            </label>
            <select id="log-owner" name="owner" defaultValue={filters.owner ?? ""} className={control}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="log-from" className={label}>
              Updated from
            </label>
            <input id="log-from" name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="log-to" className={label}>
              Updated to
            </label>
            <input id="log-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
          </div>
          <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name="due" value="1" defaultChecked={filters.due} className="size-4 accent-accent-700" />
            Due for review (within 14 days)
          </label>
        </div>
      </details>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="h-10 rounded-control bg-accent-700 px-4 text-sm font-semibold text-white shadow-card hover:bg-accent-800">
          Apply
        </button>
        {active ? (
          <Link href={`/t/${teamSlug}`} className="text-sm font-medium text-slate-700 underline underline-offset-4 hover:text-slate-900">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function LevelSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  outcome: (id: string) => string;
  control: string;
  labelClass: string;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className={props.labelClass}>
        {props.label}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className={props.control}>
        <option value="">Any</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {props.outcome(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
