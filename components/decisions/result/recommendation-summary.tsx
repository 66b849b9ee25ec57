import { cn } from "@/components/ui/cn";
import type { Confidence, Result, Rubric } from "@/lib/rubric";
import { LevelBadge } from "./level-badge";
import { LEVEL_STYLE, outcomeLabel, shortRuleId } from "./level-style";

export type RecommendationSummaryProps = {
  result: Result;
  /** The rubric the result was scored with (`requireRubric(result.rubricVersion)`). */
  rubric: Rubric;
  className?: string;
};

/** The recommendation in one sentence, in plain words. */
export function recommendationSentence(result: Result, rubric: Rubric): string {
  const label = outcomeLabel(rubric, result.level);
  switch (result.level) {
    case "pause":
      return result.thenLevel
        ? `Pause and build the evaluation harness first; the rest of your answers point to ${outcomeLabel(rubric, result.thenLevel)}.`
        : "Pause and build the evaluation harness before anything else.";
    case "prompt":
      return `Stay with ${label}.`;
    case "adapter":
      return `Move to ${label}.`;
    case "finetune":
      return `Go ahead with ${label}.`;
  }
}

/** The gate override in plain words, or null. */
export function gateOverrideSentence(result: Result, rubric: Rubric): string | null {
  const gate = result.gateOverride;
  if (!gate) return null;
  const title = rubric.rules.find((rule) => rule.id === gate.rule)?.title;
  const rule = title ? `${shortRuleId(gate.rule)}: ${title}` : shortRuleId(gate.rule);
  return `A gate (${rule}) overrules the best fit (${outcomeLabel(rubric, gate.bestFit)}, fit ${result.fits[gate.bestFit]}).`;
}

/**
 * Questions that feed a deciding rule (R1–R6, not the default R7) and are
 * unknown in this result: the count behind the confidence.
 */
export function decidingUnknowns(result: Result, rubric: Rubric): string[] {
  const decidingRules = new Set<string>(rubric.rules.map((rule) => rule.id).filter((id) => id !== "R7-default"));
  const deciding = new Set<string>();
  for (const section of rubric.sections)
    for (const question of section.questions)
      if (question.feeds.some((id) => decidingRules.has(id))) deciding.add(question.id);
  return result.unknowns.filter((id) => deciding.has(id));
}

/** "Low confidence — 14 deciding answers are unknown." */
export function confidenceSentence(result: Result, rubric: Rubric): string {
  const n = decidingUnknowns(result, rubric).length;
  const tail =
    n === 0 ? "every deciding answer is known" : n === 1 ? "1 deciding answer is unknown" : `${n} deciding answers are unknown`;
  const level: Record<Confidence, string> = { high: "High", medium: "Medium", low: "Low" };
  return `${level[result.confidence]} confidence — ${tail}.`;
}

/** "Level 2: …" never breaks between "Level" and its number. */
function keepLevelNumberTogether(text: string): string {
  return text.replace(/\bLevel (\d)/g, "Level\u00a0$1");
}

const CONFIDENCE_STEPS: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/**
 * The headline of a result: the level, the recommendation in one sentence,
 * any gate that overrules the best fit, the confidence and the level's summary
 * (server component). Not a heading itself: the page owns its heading order.
 */
export function RecommendationSummary({ result, rubric, className }: RecommendationSummaryProps) {
  const outcome = rubric.outcomes.find((candidate) => candidate.id === result.level);
  const override = gateOverrideSentence(result, rubric);
  const steps = CONFIDENCE_STEPS[result.confidence];
  return (
    <div
      data-print="color"
      data-recommendation={result.level}
      className={cn(
        "rounded-card border border-l-4 border-slate-200 bg-white px-5 py-5 shadow-card sm:px-6",
        LEVEL_STYLE[result.level].edge,
        className,
      )}
    >
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Recommendation</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <LevelBadge level={result.level} size="lg" rubric={rubric} />
        {result.thenLevel ? (
          <>
            <span className="text-sm text-slate-600">then</span>
            <LevelBadge level={result.thenLevel} size="md" rubric={rubric} />
          </>
        ) : null}
      </div>
      <p className="mt-3 text-lg leading-snug font-semibold text-balance text-slate-900 sm:text-xl">
        {keepLevelNumberTogether(recommendationSentence(result, rubric))}
      </p>
      {override ? <p className="mt-2 text-sm text-slate-700">{override}</p> : null}
      {outcome ? <p className="mt-3 max-w-prose leading-relaxed text-slate-700">{outcome.summary}</p> : null}
      <p className="mt-4 flex items-center gap-2 border-t border-slate-200 pt-3 text-sm text-slate-700">
        <span aria-hidden="true" className="flex gap-0.5">
          {[1, 2, 3].map((step) => (
            <span
              key={step}
              className={cn("h-3 w-1.5 rounded-sm", step <= steps ? "bg-slate-700" : "bg-slate-200")}
            />
          ))}
        </span>
        <span data-confidence={result.confidence}>{confidenceSentence(result, rubric)}</span>
      </p>
    </div>
  );
}
