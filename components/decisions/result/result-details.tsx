import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { Result, Rubric } from "@/lib/rubric";
import { LevelBadge } from "./level-badge";
import { LEVEL_STYLE, outcomeLabel, questionLabeller, shortRuleId } from "./level-style";

export type ResultDetailsProps = {
  result: Result;
  /** The rubric the result was scored with (`requireRubric(result.rubricVersion)`). */
  rubric: Rubric;
  /** Level of the section headings (default 2); reason titles are one below. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
};

type HeadingTag = "h2" | "h3" | "h4" | "h5";

function Heading({ level, className, children }: { level: number; className?: string; children: ReactNode }) {
  const Tag = `h${Math.min(5, Math.max(2, level))}` as HeadingTag;
  return (
    <Tag className={className}>
      {children}
    </Tag>
  );
}

function Section({
  name,
  title,
  headingLevel,
  count,
  intro,
  className,
  children,
}: {
  name: string;
  title: string;
  headingLevel: number;
  count?: number;
  intro?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section data-section={name} className={className}>
      <Heading level={headingLevel} className="flex items-baseline gap-2 text-lg font-semibold text-slate-900">
        {title}
        {count !== undefined ? <span className="text-sm font-medium text-slate-600">({count})</span> : null}
      </Heading>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Icon({ path, className }: { path: string; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={cn("size-5 shrink-0", className)}>
      <path fillRule="evenodd" clipRule="evenodd" d={path} />
    </svg>
  );
}

const ICON = {
  danger:
    "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  success:
    "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.81a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.6-1.6a.75.75 0 1 0-1.06 1.06l2.22 2.22a.75.75 0 0 0 1.14-.09l3.76-5.21Z",
  warning:
    "M8.49 2.9c.66-1.15 2.36-1.15 3.02 0l6.28 10.95c.66 1.15-.18 2.6-1.51 2.6H3.72c-1.33 0-2.17-1.45-1.51-2.6L8.49 2.9ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  info: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.25a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z",
  open: "M10 16.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z",
};

const CONSTRAINT_KIND: Record<string, string> = {
  "H-self-host": "Hosting",
  "H-redacted-only": "Hosting",
  "G-guardrails": "Guardrails",
};

/**
 * Why the result came out as it did, in this order: blockers (or a positive
 * "No blockers"), reasons, cautions, constraints, the readiness checklist for
 * the chosen level, unknowns and what to do next. Each section appears only
 * when it has content. Server component; prints without colour loss of meaning.
 */
export function ResultDetails({ result, rubric, headingLevel = 2, className }: ResultDetailsProps) {
  const questionLabel = questionLabeller(rubric);
  const ruleTitle = (id: string) => rubric.rules.find((rule) => rule.id === id)?.title ?? id;
  const outcome = rubric.outcomes.find((candidate) => candidate.id === result.level);
  const levelLabel = outcomeLabel(rubric, result.level);
  const done = result.readiness.filter((item) => item.done).length;
  const sub = headingLevel + 1;

  return (
    <div data-result-details="" className={cn("flex flex-col gap-9", className)}>
      {result.blockers.length > 0 ? (
        <section
          data-section="blockers"
          data-print="color"
          className="rounded-card border border-danger-200 bg-danger-50 px-4 py-4 sm:px-5"
        >
          <Heading level={headingLevel} className="flex items-center gap-2 text-lg font-semibold text-danger-800">
            <Icon path={ICON.danger} className="text-danger-700" />
            Blockers
            <span className="text-sm font-medium">({result.blockers.length})</span>
          </Heading>
          <p className="mt-1 text-sm text-danger-800">Clear these before acting on the recommendation.</p>
          <ul role="list" className="mt-3 space-y-2">
            {result.blockers.map((blocker) => (
              <li
                key={blocker.id}
                data-blocker={blocker.id}
                className="rounded-control border border-danger-200 bg-white px-3 py-2.5 break-inside-avoid"
              >
                <p className="text-slate-900">{blocker.text}</p>
                <p className="mt-0.5 text-xs font-medium text-danger-800">
                  From {shortRuleId(blocker.rule)}: {ruleTitle(blocker.rule)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section data-section="blockers" data-print="color">
          <Heading level={headingLevel} className="sr-only">
            Blockers
          </Heading>
          <p className="flex items-center gap-2 rounded-card border border-success-200 bg-success-50 px-4 py-3 font-medium text-success-800">
            <Icon path={ICON.success} className="text-success-700" />
            No blockers: nothing stands in the way of this level.
          </p>
        </section>
      )}

      {result.reasons.length > 0 ? (
        <Section name="reasons" title="Why this recommendation" headingLevel={headingLevel} intro="Every rule of the checklist that fired, in the order it is checked.">
          <ol role="list" className="space-y-3">
            {result.reasons.map((reason) => (
              <li
                key={reason.rule}
                data-rule={reason.rule}
                data-decisive={reason.decisive ? "" : undefined}
                data-print={reason.decisive ? "color" : undefined}
                className={cn(
                  "rounded-card border px-4 py-3.5 break-inside-avoid sm:px-5",
                  reason.decisive
                    ? cn("border-l-4 border-slate-200 bg-white shadow-card", LEVEL_STYLE[reason.level].edge)
                    : "border-slate-200 bg-slate-50",
                )}
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
                  <Heading level={sub} className="text-base font-semibold text-slate-900">
                    <span className="font-mono text-sm font-medium text-slate-600">{shortRuleId(reason.rule)}</span>{" "}
                    {ruleTitle(reason.rule)}
                  </Heading>
                  {reason.decisive ? (
                    <span className="rounded-full bg-slate-900 px-2 py-0.5 text-xs font-semibold text-white" data-print="color">
                      Decisive rule
                    </span>
                  ) : null}
                  <span className="flex items-center gap-1.5 text-xs text-slate-600">
                    points to <LevelBadge level={reason.level} size="sm" rubric={rubric} />
                  </span>
                </div>
                <p className="mt-2 leading-relaxed text-slate-700">{reason.text}</p>
                {reason.answers.length > 0 ? (
                  <div className="mt-2 text-sm text-slate-600">
                    <p className="font-medium text-slate-700">Based on your answer{reason.answers.length > 1 ? "s" : ""} to:</p>
                    <ul role="list" className="mt-1 list-disc space-y-0.5 pl-5">
                      {reason.answers.map((id) => (
                        <li key={id} data-question={id}>
                          {questionLabel(id)}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </Section>
      ) : null}

      {result.cautions.length > 0 ? (
        <Section name="cautions" title="Cautions" headingLevel={headingLevel} count={result.cautions.length}>
          <ul role="list" className="space-y-2">
            {result.cautions.map((caution) => (
              <li
                key={caution.id}
                data-caution={caution.id}
                data-print="color"
                className="flex gap-2.5 rounded-control border border-warning-200 bg-warning-50 px-3 py-2.5 text-warning-800 break-inside-avoid"
              >
                <Icon path={ICON.warning} className="mt-0.5 text-warning-700" />
                <span>
                  <span className="sr-only">Caution: </span>
                  {caution.text}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {result.constraints.length > 0 ? (
        <Section name="constraints" title="Constraints" headingLevel={headingLevel} count={result.constraints.length} intro="They hold whatever the level.">
          <ul role="list" className="space-y-2">
            {result.constraints.map((constraint) => (
              <li
                key={constraint.id}
                data-constraint={constraint.id}
                className="flex flex-col gap-1 rounded-control border border-slate-200 bg-white px-3 py-2.5 break-inside-avoid sm:flex-row sm:gap-3"
              >
                <span className="shrink-0 text-sm font-semibold text-slate-900 sm:w-24">{CONSTRAINT_KIND[constraint.id] ?? "Constraint"}</span>
                <span className="text-slate-700">{constraint.text}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {result.readiness.length > 0 ? (
        <Section
          name="readiness"
          title="Readiness checklist"
          headingLevel={headingLevel}
          intro={
            <>
              For {levelLabel}: {done} of {result.readiness.length} in place.
            </>
          }
        >
          <ul role="list" className="divide-y divide-slate-200 rounded-card border border-slate-200 bg-white">
            {result.readiness.map((item) => (
              <li
                key={item.id}
                data-readiness={item.id}
                data-done={item.done ? "true" : "false"}
                className="flex items-start gap-3 px-3 py-2.5 break-inside-avoid sm:px-4"
              >
                <Icon
                  path={item.done ? ICON.success : ICON.open}
                  className={cn("mt-0.5", item.done ? "text-success-700" : "text-slate-400")}
                />
                <span className="flex min-w-0 flex-1 flex-col items-start gap-1 sm:flex-row sm:gap-3">
                  <span className="min-w-0 flex-1 text-slate-800">{item.text}</span>
                  <span
                    className={cn(
                      "shrink-0 rounded-full px-2 py-px text-xs font-semibold sm:mt-0.5",
                      item.done
                        ? "bg-success-50 text-success-800 ring-1 ring-success-200 ring-inset"
                        : "bg-slate-100 text-slate-700 ring-1 ring-slate-200 ring-inset",
                    )}
                  >
                    {item.done ? "✓ Done" : "Not yet"}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {result.unknowns.length > 0 ? (
        <Section
          name="unknowns"
          title="Unanswered questions"
          headingLevel={headingLevel}
          count={result.unknowns.length}
          intro="Answering these makes the recommendation more certain."
        >
          <ul role="list" className="grid gap-x-8 gap-y-1.5 text-slate-700 md:grid-cols-2">
            {result.unknowns.map((id) => (
              <li key={id} data-unknown={id} className="flex gap-2 text-sm leading-snug break-inside-avoid">
                <span aria-hidden="true" className="mt-1.5 size-1.5 shrink-0 rounded-full bg-slate-400" />
                {questionLabel(id)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {outcome && outcome.nextSteps.length > 0 ? (
        <Section name="next-steps" title="What to do next" headingLevel={headingLevel}>
          <ol role="list" className="space-y-2">
            {outcome.nextSteps.map((step, index) => (
              <li key={step} className="flex gap-3 break-inside-avoid">
                <span
                  aria-hidden="true"
                  data-print="color"
                  className={cn(
                    "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                    LEVEL_STYLE[result.level].tint,
                    LEVEL_STYLE[result.level].text,
                  )}
                >
                  {index + 1}
                </span>
                <span className="text-slate-800">{step}</span>
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </div>
  );
}
