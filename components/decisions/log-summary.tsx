import Link from "next/link";

import { LevelBadge } from "@/components/decisions/result";
import { LEVEL_STYLE } from "@/components/decisions/result/level-style";
import type { LogSummary } from "@/lib/dal/decision-log";
import { LEVELS, type Rubric } from "@/lib/rubric";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" });

/** The team page header: what the team has decided, what is due for review, and the trend. */
export function LogSummaryPanel({ summary, teamSlug, rubric }: { summary: LogSummary; teamSlug: string; rubric: Rubric }) {
  const label = (id: string) => rubric.outcomes.find((o) => o.id === id)?.label ?? id;
  const max = Math.max(1, ...summary.perMonth.map((m) => LEVELS.reduce((n, l) => n + m.counts[l], 0)));
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-labelledby="counts-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card">
        <h2 id="counts-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Decided, by level
        </h2>
        <ul className="mt-3 space-y-2">
          {LEVELS.map((l) => (
            <li key={l} className="flex items-center justify-between gap-3">
              <Link href={`/t/${teamSlug}?final=${l}`} className="min-w-0 hover:underline underline-offset-4">
                <LevelBadge level={l} rubric={rubric} size="sm" />
              </Link>
              <span className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`count-${l}`}>
                {summary.byFinalLevel[l]}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="due-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card">
        <h2 id="due-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Due for review <span className="ml-1 rounded-full bg-pause-100 px-2 py-0.5 text-xs text-pause-800">{summary.dueCount}</span>
        </h2>
        {summary.due.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">Nothing due in the next 14 days.</p>
        ) : (
          <ul className="mt-3 space-y-3 text-sm">
            {/* Title on its own line (up to two), the date under it: in a narrow card a title beside the date was cut to a few letters. */}
            {summary.due.map((d) => (
              <li key={d.id} className="min-w-0">
                <Link
                  href={`/t/${teamSlug}/decisions/${d.id}`}
                  className="line-clamp-2 break-words font-medium text-slate-900 hover:underline underline-offset-4"
                >
                  {d.title}
                </Link>
                <span className={d.overdue ? "block font-medium text-danger-700" : "block text-slate-700"}>
                  {d.overdue ? "Overdue since " : "Review by "}
                  {dateFormat.format(d.reviewBy)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {summary.dueCount > summary.due.length ? (
          <Link href={`/t/${teamSlug}?due=1&sort=review`} className="mt-3 inline-block text-sm font-semibold text-accent-700 underline underline-offset-4">
            All {summary.dueCount} due
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="trend-heading" className="rounded-card border border-slate-200 bg-white p-5 shadow-card">
        <h2 id="trend-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Decisions per month, by level
        </h2>
        <figure className="mt-3">
          <div className="flex h-28 items-end gap-1" aria-hidden="true">
            {summary.perMonth.map((m) => (
              <div key={m.month} className="flex h-full flex-1 flex-col justify-end" title={m.month}>
                {LEVELS.map((l) =>
                  m.counts[l] > 0 ? (
                    <div key={l} className={LEVEL_STYLE[l].bar} style={{ height: `${(m.counts[l] / max) * 100}%` }} />
                  ) : null,
                )}
              </div>
            ))}
          </div>
          <div className="mt-1 flex gap-1 text-[10px] text-slate-600" aria-hidden="true">
            {summary.perMonth.map((m, i) => (
              <span key={m.month} className="flex-1 text-center">
                {i % 3 === 0 ? monthFormat.format(new Date(`${m.month}-01T00:00:00Z`)) : ""}
              </span>
            ))}
          </div>
          <figcaption className="sr-only">Decisions recorded per month over the last 12 months, by final level.</figcaption>
          {/* sr-only on a wrapper: a table is not clipped by overflow:hidden, and as a 1 px table it
              still laid out its full width and made the whole page scroll sideways. */}
          <div className="sr-only">
            <table>
              <caption>Decisions per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {LEVELS.map((l) => (
                    <th key={l} scope="col">
                      {label(l)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.perMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    {LEVELS.map((l) => (
                      <td key={l}>{m.counts[l]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figure>
        <ul className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
          {LEVELS.map((l) => (
            <li key={l} className="flex items-center gap-1">
              <span aria-hidden="true" className={`size-2.5 rounded-sm ${LEVEL_STYLE[l].bar}`} />
              {label(l).split(":")[0]}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
