import Link from "next/link";
import type { ReactNode } from "react";

import { StatusBadge } from "@/components/decisions/status-badge";
import { FitBars, LevelBadge } from "@/components/decisions/result";
import { outcomeLabel, questionLabeller, shortRuleId } from "@/components/decisions/result/level-style";
import { Alert, Badge, cn } from "@/components/ui";
import type { AddedRemoved, AnswerChange, Level, Result, ResultComparison, Rubric } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";

/** One side of a comparison, as the page hands it over. */
export type CompareSide = {
  key: "A" | "B";
  id: string;
  title: string;
  status: string;
  href: string;
  rubric: Rubric;
  result: Result;
  /** The result is the live score of the current answers (no stored result yet). */
  live: boolean;
  finalLevel: Level | null;
  recommendedLevel: Level | null;
  reviewBy: Date | null;
};

export type DecisionComparisonProps = {
  a: CompareSide;
  b: CompareSide;
  results: ResultComparison;
  answers: AnswerChange[];
  /** Only the changed answer rows. */
  onlyChanged: boolean;
  /** URL of this comparison with the answer filter toggled. */
  toggleChangedHref: string;
};

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function SideCard({ side }: { side: CompareSide }) {
  return (
    <section
      aria-labelledby={`side-${side.key}`}
      data-compare-side={side.key}
      data-print="keep-together"
      className="min-w-0 rounded-card border border-slate-200 bg-white p-5 shadow-card"
    >
      <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase">Decision {side.key}</p>
      <h2 id={`side-${side.key}`} className="mt-1 text-lg font-semibold text-slate-900 [overflow-wrap:anywhere]">
        <Link href={side.href} className="underline-offset-4 hover:underline">
          {side.title}
        </Link>
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-2 text-sm">
        <dt className="text-slate-600">Status</dt>
        <dd>
          <StatusBadge status={side.status} />
        </dd>
        <dt className="text-slate-600">Team’s level</dt>
        <dd>{side.finalLevel ? <LevelBadge level={side.finalLevel} rubric={side.rubric} size="sm" className="whitespace-normal!" /> : <span className="text-slate-700">Not recorded yet</span>}</dd>
        <dt className="text-slate-600">Recommended</dt>
        <dd>
          <LevelBadge level={side.result.level} rubric={side.rubric} size="sm" className="whitespace-normal!" />
        </dd>
        <dt className="text-slate-600">Rubric</dt>
        <dd className="text-slate-800">{side.rubric.version}</dd>
        {side.reviewBy ? (
          <>
            <dt className="text-slate-600">Review by</dt>
            <dd className="text-slate-800">{dateFormat.format(side.reviewBy)}</dd>
          </>
        ) : null}
      </dl>
      {side.live ? (
        <p className="mt-3 rounded-control bg-slate-100 px-3 py-2 text-sm text-slate-800">
          Not recorded yet: this is the live score of the current answers.
        </p>
      ) : null}
      <FitBars
        fits={side.result.fits}
        level={side.result.level}
        thenLevel={side.result.thenLevel}
        rubric={side.rubric}
        compact
        caption={side.live ? "Fit per level (live)" : "Fit per level"}
        className="mt-4"
      />
    </section>
  );
}

function ChangeList<T>({
  title,
  diff,
  render,
}: {
  title: string;
  diff: AddedRemoved<T>;
  render: (item: T) => ReactNode;
}) {
  if (diff.added.length === 0 && diff.removed.length === 0) return null;
  const rows = [
    ...diff.added.map((item) => ({ item, kind: "Added" as const })),
    ...diff.removed.map((item) => ({ item, kind: "Removed" as const })),
  ];
  return (
    <div data-print="keep-together">
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <ul role="list" className="mt-2 space-y-2">
        {rows.map(({ item, kind }, index) => (
          <li key={`${kind}-${index}`} data-change={kind.toLowerCase()} className="flex min-w-0 items-start gap-2 text-sm text-slate-800">
            <Badge variant={kind === "Added" ? "success" : "danger"} size="sm" className="mt-0.5 shrink-0">
              {kind === "Added" ? "Added in B" : "Only in A"}
            </Badge>
            <span className="min-w-0 [overflow-wrap:anywhere]">{render(item)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ResultChanges({ a, b, results }: { a: CompareSide; b: CompareSide; results: ResultComparison }) {
  const label = (rubric: Rubric, level: Level) => outcomeLabel(rubric, level);
  const lists = [
    <ChangeList key="reasons" title="Reasons" diff={results.reasons} render={(r) => <><span className="font-medium">{shortRuleId(r.rule)}</span> {r.text}</>} />,
    <ChangeList key="blockers" title="Blockers" diff={results.blockers} render={(x) => x.text} />,
    <ChangeList key="cautions" title="Cautions" diff={results.cautions} render={(x) => x.text} />,
    <ChangeList key="constraints" title="Constraints" diff={results.constraints} render={(x) => x.text} />,
  ];
  const anyList =
    [results.reasons, results.blockers, results.cautions, results.constraints].some((d) => d.added.length + d.removed.length > 0);
  return (
    <section aria-labelledby="result-changes" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
      <h2 id="result-changes" className="text-lg font-semibold text-slate-900">
        How the results differ
      </h2>
      <ul role="list" className="mt-3 space-y-1.5 text-sm text-slate-800">
        <li>
          <span className="font-medium">Recommended level: </span>
          {results.level.changed ? (
            <>
              {label(a.rubric, results.level.before)} in A, {label(b.rubric, results.level.after)} in B
            </>
          ) : (
            <>the same in both ({label(a.rubric, results.level.before)})</>
          )}
        </li>
        <li>
          <span className="font-medium">Confidence: </span>
          {results.confidence.changed ? `${results.confidence.before} in A, ${results.confidence.after} in B` : `${results.confidence.before} in both`}
        </li>
        <li>
          <span className="font-medium">Deciding rule: </span>
          {results.decisiveRule.changed
            ? `${results.decisiveRule.before ? shortRuleId(results.decisiveRule.before) : "none"} in A, ${results.decisiveRule.after ? shortRuleId(results.decisiveRule.after) : "none"} in B`
            : `${results.decisiveRule.before ? shortRuleId(results.decisiveRule.before) : "none"} in both`}
        </li>
      </ul>
      {anyList ? (
        <div className="mt-5 grid gap-5 lg:grid-cols-2">{lists}</div>
      ) : (
        <p className="mt-4 text-sm text-slate-700">The same reasons, blockers, cautions and constraints apply to both.</p>
      )}
    </section>
  );
}

function AnswersTable({ a, b, answers, onlyChanged, toggleChangedHref }: Omit<DecisionComparisonProps, "results">) {
  const rubric = a.rubric;
  const changedCount = answers.filter((row) => row.changed).length;
  const label = questionLabeller(rubric);
  const questionOf = new Map(rubric.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const sections = rubric.sections
    .map((section) => ({ section, rows: answers.filter((row) => row.section === section.id && (!onlyChanged || row.changed)) }))
    .filter((group) => group.rows.length > 0);
  const show = (id: string, value: AnswerChange["before"]) => {
    const question = questionOf.get(id);
    return question ? formatAnswer(question, value) : value === undefined ? "Not answered" : String(value);
  };
  return (
    <section aria-labelledby="answer-changes" className="rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h2 id="answer-changes" className="text-lg font-semibold text-slate-900">
          Answers
        </h2>
        <p className="text-sm text-slate-700">
          {changedCount === 0 ? "No answer differs." : `${changedCount} of ${answers.length} answers differ.`}{" "}
          <Link href={toggleChangedHref} className="font-medium text-accent-700 underline underline-offset-4" data-print="hide">
            {onlyChanged ? "Show all answers" : "Show only the differences"}
          </Link>
        </p>
      </div>
      <div
        role="region"
        aria-labelledby="answer-changes"
        tabIndex={0}
        className="relative mt-4 -mx-5 overflow-x-auto px-5 focus-visible:outline-2 focus-visible:outline-accent-600 sm:-mx-6 sm:px-6"
      >
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <caption className="sr-only">Answers of decision A and decision B, in rubric order; rows that differ are marked Changed.</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="w-[40%] py-2 pr-3 font-semibold">Question</th>
              <th scope="col" className="py-2 pr-3 font-semibold">A</th>
              <th scope="col" className="py-2 pr-3 font-semibold">B</th>
              <th scope="col" className="w-24 py-2 font-semibold">
                <span className="sr-only">Difference</span>
              </th>
            </tr>
          </thead>
          {sections.map(({ section, rows }) => (
            <tbody key={section.id}>
              <tr>
                <th scope="colgroup" colSpan={4} className="pt-4 pb-1 text-sm font-semibold text-slate-900">
                  {section.title}
                </th>
              </tr>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  data-changed={row.changed ? "" : undefined}
                  className={cn("border-t border-slate-200 align-top", row.changed && "bg-warning-50")}
                >
                  <th scope="row" className={cn("py-2 pr-3 font-normal text-slate-800", row.changed && "border-l-4 border-l-warning-600 pl-2")}>
                    {label(row.id)}
                  </th>
                  <td className="py-2 pr-3 text-slate-900 [overflow-wrap:anywhere]">{show(row.id, row.before)}</td>
                  <td className={cn("py-2 pr-3 text-slate-900 [overflow-wrap:anywhere]", row.changed && "font-semibold")}>{show(row.id, row.after)}</td>
                  <td className="py-2">
                    {row.changed ? (
                      <Badge variant="warning" size="sm">
                        Changed
                      </Badge>
                    ) : (
                      <span className="text-slate-600">Same</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {b.rubric.version !== a.rubric.version ? (
        <p className="mt-3 text-sm text-slate-700">Questions are listed as rubric {a.rubric.version} asks them.</p>
      ) : null}
    </section>
  );
}

/**
 * Two decisions side by side: levels and fit bars, what differs in their
 * results, and their answers in rubric order with every difference marked in
 * words (server component; no client JavaScript).
 */
export function DecisionComparison(props: DecisionComparisonProps) {
  const { a, b, results } = props;
  return (
    <div className="flex flex-col gap-6">
      {results.versionsDiffer ? (
        <Alert variant="warning" title="Different rubric versions">
          A was scored with rubric {results.rubricVersions.before}, B with rubric {results.rubricVersions.after}: read the differences with care.
        </Alert>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SideCard side={a} />
        <SideCard side={b} />
      </div>
      <ResultChanges a={a} b={b} results={results} />
      <AnswersTable {...props} />
    </div>
  );
}
