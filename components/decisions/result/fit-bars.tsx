import { cn } from "@/components/ui/cn";
import { LEVELS, type Fits, type Level, type Rubric } from "@/lib/rubric/types";
import { LEVEL_STYLE, outcomeLabel, rubricOrCurrent } from "./level-style";

export type FitBarsProps = {
  /** Fit per level, 0–100 (`result.fits`). */
  fits: Fits;
  /** The recommended level (`result.level`), marked "Recommended". */
  level: Level;
  /** When the level is `pause`: the level the rest of the answers point to. */
  thenLevel?: Level | null;
  /** Smaller type and always-stacked rows, for a side panel. */
  compact?: boolean;
  /** The rubric whose outcome labels to show; default the current rubric. */
  rubric?: Rubric;
  /** Caption above the bars. */
  caption?: string;
  className?: string;
};

function clampFit(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 0;
}

/**
 * How well each of the four outcomes fits the answers, as a horizontal bar
 * chart in plain HTML (server component; no client JavaScript). Each row's
 * label and number are text, so the chart reads without colour and in a
 * screen reader ("Level 1: …, Recommended, fit 72 of 100"); the bars are
 * decoration on top. Rows lay out side by side when the chart's container is
 * wide enough (container query), stacked otherwise.
 */
export function FitBars({ fits, level, thenLevel, compact = false, rubric, caption = "Fit per level", className }: FitBarsProps) {
  const labels = rubricOrCurrent(rubric);
  return (
    <figure data-print="color" data-fit-bars="" className={cn("@container", className)}>
      <figcaption className={cn("font-semibold text-slate-900", compact ? "text-sm" : "text-base")}>
        {caption}
        <span className={cn("font-normal text-slate-600", compact ? "text-xs" : "text-sm")}> · 0–100, higher fits better</span>
      </figcaption>
      <ul role="list" className={cn(compact ? "mt-2 space-y-2.5" : "mt-3 space-y-3.5")}>
        {LEVELS.map((id) => {
          const fit = clampFit(fits[id]);
          const chosen = id === level;
          const then = !chosen && thenLevel === id;
          const style = LEVEL_STYLE[id];
          return (
            <li
              key={id}
              data-level={id}
              data-recommended={chosen ? "" : undefined}
              className={cn(
                "grid items-center gap-x-3 gap-y-1",
                "grid-cols-[minmax(0,1fr)_auto]",
                !compact && "@xl:grid-cols-[minmax(0,17rem)_minmax(0,1fr)_2.75rem]",
              )}
            >
              <span
                className={cn(
                  "flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 leading-snug",
                  compact ? "text-xs" : "text-sm",
                  chosen ? "font-semibold text-slate-900" : "text-slate-700",
                )}
              >
                <span className="min-w-0">{outcomeLabel(labels, id)}</span>
                {chosen ? (
                  <span
                    className={cn(
                      "rounded-full px-1.5 py-px text-[0.6875rem] leading-4 font-semibold tracking-wide uppercase ring-1 ring-inset",
                      style.text,
                      style.tint,
                      style.ring,
                    )}
                  >
                    <span className="sr-only">, </span>Recommended
                  </span>
                ) : null}
                {then ? (
                  <span className="rounded-full px-1.5 py-px text-[0.6875rem] leading-4 font-semibold tracking-wide text-slate-700 uppercase ring-1 ring-slate-300 ring-inset">
                    <span className="sr-only">, </span>Next, after evals
                  </span>
                ) : null}
              </span>
              <span
                className={cn(
                  "col-start-2 row-start-1 text-right tabular-nums",
                  !compact && "@xl:col-start-3",
                  compact ? "text-sm" : "text-base",
                  chosen ? "font-bold text-slate-900" : "font-medium text-slate-700",
                )}
              >
                <span className="sr-only">, fit </span>
                {fit}
                <span className="sr-only"> of 100</span>
              </span>
              <span
                aria-hidden="true"
                className={cn(
                  "col-span-2 block overflow-hidden rounded-full bg-slate-100 ring-1 ring-slate-200 ring-inset",
                  !compact && "@xl:col-span-1 @xl:col-start-2 @xl:row-start-1",
                  compact ? "h-2" : chosen ? "h-3.5" : "h-3",
                )}
              >
                <span className={cn("block h-full rounded-full", style.bar)} style={{ width: `${fit}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
