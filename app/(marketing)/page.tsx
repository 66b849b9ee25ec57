import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = {
  title: { absolute: "LevelSet — decide how far to take your LLM feature" },
};

type Outcome = {
  id: "pause" | "prompt" | "adapter" | "finetune";
  level: string;
  name: string;
  fit: number;
  bar: string;
  text: string;
};

/** A static, illustrative result: what a decision record's fit bars look like. */
const exampleResult: Outcome[] = [
  { id: "pause", level: "Pause", name: "Build evals first", fit: 22, bar: "bg-pause-600", text: "text-pause-800" },
  { id: "prompt", level: "Level 0", name: "Prompt + retrieval", fit: 84, bar: "bg-prompt-600", text: "text-prompt-800" },
  { id: "adapter", level: "Level 1", name: "Adapters / LoRA", fit: 51, bar: "bg-adapter-600", text: "text-adapter-800" },
  { id: "finetune", level: "Level 2", name: "Full fine-tune", fit: 17, bar: "bg-finetune-600", text: "text-finetune-800" },
];

const recommended = "prompt";

const points = [
  {
    title: "Run the workshop step by step",
    body: "A guided form walks the room through constraints, data, evals and what you’ve tried, one question per screen.",
    icon: "M4 5h16M4 12h10M4 19h6",
  },
  {
    title: "See exactly why",
    body: "A versioned rubric scores the answers and shows the rules that fired, the blockers and what is still unknown.",
    icon: "M9 12l2 2 4-4m6 2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  },
  {
    title: "Share it, revisit it",
    body: "Send the decision record by link. When latency, data or policy change, revisit it and compare the two.",
    icon: "M13.5 6H18a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H9a3 3 0 0 1-3-3v-4.5M10 14 21 3m0 0h-6m6 0v6",
  },
] as const;

function ExampleResult() {
  return (
    <figure
      aria-labelledby="example-result-caption"
      className="rounded-card border border-slate-200 bg-white p-5 shadow-raised sm:p-6"
      data-print="color"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div>
          <p className="text-sm font-medium text-slate-600">Example decision · rubric v1</p>
          <p className="mt-0.5 font-semibold text-slate-900">Support assistant answers</p>
        </div>
        <Badge variant="prompt" dot>
          Recommended: Level 0
        </Badge>
      </div>

      <ul className="mt-5 space-y-2">
        {exampleResult.map((outcome) => {
          const isRecommended = outcome.id === recommended;
          return (
            <li
              key={outcome.id}
              className={cn(
                "rounded-control px-3 py-2.5",
                isRecommended ? "bg-prompt-50 ring-1 ring-prompt-200 ring-inset" : "",
              )}
            >
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0">
                  <span className={cn("font-semibold", outcome.text)}>{outcome.level}</span>
                  <span className="text-slate-700"> · {outcome.name}</span>
                </span>
                <span className="shrink-0 font-medium text-slate-900 tabular-nums">
                  {outcome.fit}%<span className="sr-only"> fit</span>
                </span>
              </div>
              <div aria-hidden="true" className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-slate-100">
                <div className={cn("h-full rounded-full", outcome.bar)} style={{ width: `${outcome.fit}%` }} />
              </div>
            </li>
          );
        })}
      </ul>

      <figcaption id="example-result-caption" className="mt-4 text-sm leading-normal text-slate-600">
        <span className="font-medium text-slate-800">Why:</span> prompting and retrieval already handle 84% of
        questions, and grounding errors are under 3%. Start there.
      </figcaption>
    </figure>
  );
}

export default function LandingPage() {
  return (
    <>
      <section
        aria-labelledby="hero-heading"
        className="mx-auto grid max-w-6xl items-center gap-10 px-4 pt-10 pb-12 sm:px-6 lg:grid-cols-[1.1fr_1fr] lg:gap-14 lg:px-8 lg:pt-11 lg:pb-12"
      >
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
            Decision workshops for AI product teams
          </p>
          <h1
            id="hero-heading"
            className="mt-3 text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl lg:text-[3.25rem] lg:leading-[1.1]"
          >
            Decide how far to take your LLM feature.
          </h1>
          <p className="mt-5 max-w-xl text-lg leading-relaxed text-slate-700">
            LevelSet helps facilitators and product and engineering leads settle one question together: stay with{" "}
            <strong className="font-semibold text-prompt-800">prompt + retrieval</strong>, train{" "}
            <strong className="font-semibold text-adapter-800">adapters / LoRA</strong>, commit to a{" "}
            <strong className="font-semibold text-finetune-800">full fine-tune</strong>, or{" "}
            <strong className="font-semibold text-pause-800">pause and build evals first</strong>. Answer a short,
            guided set of questions and get a recommendation you can explain.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            <Button asChild size="lg">
              <Link href="/sign-up">Create an account</Link>
            </Button>
            <Button asChild size="lg" variant="secondary">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </div>

        <ExampleResult />
      </section>

      <section aria-labelledby="how-heading" className="border-t border-slate-200 bg-slate-50/70">
        <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 lg:px-8 lg:py-9">
          <h2 id="how-heading" className="sr-only">
            How LevelSet works
          </h2>
          <ul className="grid gap-8 sm:grid-cols-3 sm:gap-8">
            {points.map((point) => (
              <li key={point.title} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="flex size-10 shrink-0 items-center justify-center rounded-control bg-accent-50 text-accent-700 ring-1 ring-accent-200 ring-inset"
                >
                  <svg viewBox="0 0 24 24" fill="none" className="size-5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                    <path d={point.icon} />
                  </svg>
                </span>
                <div>
                  <h3 className="font-semibold text-slate-900">{point.title}</h3>
                  <p className="mt-1 text-base leading-relaxed text-slate-600">{point.body}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
