import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LEVELS, requireRubric, score, type Answers, type Level, type Result } from "@/lib/rubric";
import { DECIDING_QUESTIONS_V1 } from "@/lib/rubric/score-v1";
import { WORKED_EXAMPLES_V1 } from "@/lib/rubric/worked-examples";
import { FitBars, LevelBadge, RecommendationSummary, ResultDetails } from ".";

const rubric = requireRubric("v1");

function example(name: string): Answers {
  const found = WORKED_EXAMPLES_V1.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no worked example "${name}"`);
  return found.answers;
}

const label = (level: Level) => rubric.outcomes.find((outcome) => outcome.id === level)!.label;
const questionLabel = (id: string) => rubric.sections.flatMap((section) => section.questions).find((q) => q.id === id)!.label;

/** What a reader sees (or a screen reader reads): tags stripped, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.;:])/g, "$1")
    .trim();
}

/** The outer HTML of every element `tag` whose opening tag contains `marker` (nesting-aware). */
function elements(html: string, tag: string, marker: string): string[] {
  const found: string[] = [];
  const open = new RegExp(`<${tag}[\\s>]`, "g");
  let match: RegExpExecArray | null;
  while ((match = open.exec(html))) {
    const start = match.index;
    const openEnd = html.indexOf(">", start);
    if (!html.slice(start, openEnd).includes(marker)) continue;
    const scan = new RegExp(`<${tag}[\\s>]|</${tag}>`, "g");
    scan.lastIndex = openEnd;
    let depth = 1;
    let inner: RegExpExecArray | null;
    while (depth > 0 && (inner = scan.exec(html))) depth += inner[0].startsWith("</") ? -1 : 1;
    found.push(html.slice(start, scan.lastIndex));
  }
  return found;
}

function one(html: string, tag: string, marker: string): string {
  const found = elements(html, tag, marker);
  expect(found, `one <${tag}> with ${marker}`).toHaveLength(1);
  return found[0]!;
}

function renderAll(result: Result) {
  return {
    summary: renderToStaticMarkup(h(RecommendationSummary, { result, rubric })),
    bars: renderToStaticMarkup(h(FitBars, { fits: result.fits, level: result.level, thenLevel: result.thenLevel, rubric })),
    details: renderToStaticMarkup(h(ResultDetails, { result, rubric })),
  };
}

function expectFitBars(bars: string, result: Result) {
  expect(bars).toMatch(/^<figure[\s>]/);
  expect(text(one(bars, "figcaption", ""))).toContain("Fit per level");
  // One row per level: its label and its number as text, read as "…, fit N of 100".
  for (const level of LEVELS) {
    const row = text(one(bars, "li", `data-level="${level}"`));
    expect(row).toContain(label(level));
    expect(row).toContain(`fit ${result.fits[level]} of 100`);
  }
  // The recommended level, and only it, is marked in words.
  const marked = elements(bars, "li", "data-recommended");
  expect(marked).toHaveLength(1);
  expect(marked[0]).toContain(`data-level="${result.level}"`);
  expect(text(marked[0]!)).toContain("Recommended");
  expect(text(bars).match(/Recommended/g)).toHaveLength(1);
}

/** Index in the visible text of each section's heading; -1 when absent. */
function sectionOrder(details: string): number[] {
  const t = text(details);
  return ["Blockers", "No blockers", "Why this recommendation", "Cautions", "Constraints", "Readiness checklist", "Unanswered questions", "What to do next"].map((heading) => t.indexOf(heading));
}

describe("result view: a pause result (no evals)", () => {
  const answers = example("no evals");
  const result = score(answers, "v1");
  const { summary, bars, details } = renderAll(result);

  it("says to pause first and which level the rest of the answers point to", () => {
    expect(result.level).toBe("pause");
    expect(result.thenLevel).toBe("prompt");
    expect(text(summary)).toContain(
      `Pause and build the evaluation harness first; the rest of your answers point to ${label("prompt")}.`,
    );
    expect(text(summary)).toContain(label("pause"));
    expect(text(summary)).toContain(rubric.outcomes.find((o) => o.id === "pause")!.summary);
  });

  it("states the confidence with the number of unknown deciding answers", () => {
    const unknown = DECIDING_QUESTIONS_V1.filter((id) => answers[id] === undefined || answers[id] === null).length;
    expect(unknown).toBeGreaterThan(1);
    expect(text(summary)).toContain(`${result.confidence[0]!.toUpperCase()}${result.confidence.slice(1)} confidence — ${unknown} deciding answers are unknown.`);
  });

  it("charts every fit as text, marks pause as recommended and the next level after evals", () => {
    expectFitBars(bars, result);
    expect(text(one(bars, "li", 'data-level="prompt"'))).toContain("Next, after evals");
  });

  it("shows blockers first, before the reasons, with the decisive rule marked", () => {
    const [blockers, noBlockers, reasons] = sectionOrder(details);
    expect(noBlockers).toBe(-1);
    expect(blockers).toBeGreaterThanOrEqual(0);
    expect(blockers).toBeLessThan(reasons!);
    const t = text(details);
    for (const blocker of result.blockers) expect(t.indexOf(blocker.text)).toBeLessThan(reasons!);
    const decisive = text(one(details, "li", "data-decisive"));
    expect(decisive).toContain("Evaluation gate");
    expect(decisive).toContain("Decisive rule");
    expect(decisive).toContain(questionLabel("constraints.eval_harness"));
    expect(elements(details, "li", "data-decisive")).toHaveLength(1);
  });

  it("lists the readiness items with their state, the unknowns by label and the next steps", () => {
    for (const item of result.readiness) {
      const row = text(one(details, "li", `data-readiness="${item.id}"`));
      expect(row).toContain(item.text);
      expect(row).toContain(item.done ? "✓ Done" : "Not yet");
    }
    for (const id of result.unknowns) expect(text(one(details, "li", `data-unknown="${id}"`))).toBe(questionLabel(id));
    for (const step of rubric.outcomes.find((o) => o.id === "pause")!.nextSteps) expect(text(details)).toContain(step);
  });

  it("ships no client JavaScript", () => {
    for (const html of [summary, bars, details]) {
      expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    }
  });
});

describe("result view: prompt with a blocker (hallucinating)", () => {
  const result = score(example("hallucinating"), "v1");
  const { summary, bars, details } = renderAll(result);

  it("recommends Level 0 and marks it", () => {
    expect(text(summary)).toContain(`Stay with ${label("prompt")}.`);
    expectFitBars(bars, result);
  });

  it("puts the hallucination blocker before the reasons and names the answer behind the rule", () => {
    const blocker = text(one(details, "li", 'data-blocker="B-hallucination-high"'));
    expect(blocker).toContain("above 5%");
    expect(blocker).toContain("From R3: Hallucination");
    const t = text(details);
    expect(t.indexOf(blocker)).toBeLessThan(t.indexOf("Why this recommendation"));
    const decisive = text(one(details, "li", 'data-rule="R3-hallucination"'));
    expect(decisive).toContain("Decisive rule");
    expect(decisive).toContain(questionLabel("level0.hallucination_rate_pct"));
  });
});

describe("result view: adapter with cautions, constraints and some readiness done", () => {
  const answers: Answers = {
    ...example("style"),
    "level1.tenant_variants": 3,
    "constraints.change_velocity": "weekly",
    "constraints.data_residency": "must_stay",
    "deploy.regulated": true,
    "data.practices": ["labeled_traces", "lineage"],
    "deploy.practices": ["versioned_artifacts"],
  };
  const result = score(answers, "v1");
  const { summary, bars, details } = renderAll(result);

  it("recommends Level 1 and marks it in the chart", () => {
    expect(result.level).toBe("adapter");
    expect(text(summary)).toContain(`Move to ${label("adapter")}.`);
    expectFitBars(bars, result);
  });

  it("says 'No blockers' and keeps the sections in order", () => {
    const order = sectionOrder(details);
    const [, noBlockers, reasons, cautions, constraints, readiness, unknowns, next] = order;
    expect(noBlockers).toBeGreaterThanOrEqual(0);
    expect(elements(details, "li", "data-blocker")).toHaveLength(0);
    for (const index of order.slice(1)) expect(index).toBeGreaterThanOrEqual(0);
    expect([noBlockers, reasons, cautions, constraints, readiness, unknowns, next]).toEqual(
      [...[noBlockers, reasons, cautions, constraints, readiness, unknowns, next]].sort((a, b) => a! - b!),
    );
  });

  it("shows hosting and guardrail constraints and both cautions", () => {
    expect(text(one(details, "li", 'data-constraint="H-self-host"'))).toContain("Hosting");
    expect(text(one(details, "li", 'data-constraint="G-guardrails"'))).toContain("Guardrails");
    expect(elements(details, "li", "data-caution").map((li) => li.match(/data-caution="([^"]+)"/)![1])).toEqual([
      "C-change-velocity",
      "C-tenants",
    ]);
  });

  it("shows each readiness item's state in words", () => {
    const done = result.readiness.filter((item) => item.done);
    expect(done.map((item) => item.id)).toEqual(
      expect.arrayContaining(["data.practices.labeled_traces", "data.practices.lineage", "deploy.practices.versioned_artifacts"]),
    );
    for (const item of result.readiness) {
      const row = text(one(details, "li", `data-readiness="${item.id}"`));
      expect(row).toContain(item.text);
      expect(row).toContain(item.done ? "✓ Done" : "Not yet");
      expect(row).not.toContain(item.done ? "Not yet" : "✓ Done");
    }
    expect(text(details)).toContain(`${done.length} of ${result.readiness.length} in place`);
  });

  it("uses h2 sections and h3 reason titles by default, one level lower on request", () => {
    expect(details).toMatch(/<h2[^>]*>What to do next<\/h2>/);
    expect(details).toMatch(/<h3[^>]*>.*Adapter<\/h3>/);
    const nested = renderToStaticMarkup(h(ResultDetails, { result, rubric, headingLevel: 3 }));
    expect(nested).not.toContain("<h2");
    expect(nested).toMatch(/<h3[^>]*>What to do next<\/h3>/);
    expect(nested).toMatch(/<h4[^>]*>.*Adapter<\/h4>/);
  });
});

describe("result view: a gate overruling the best fit", () => {
  const result = score({ ...example("style"), "level0.hallucination_rate_pct": null }, "v1");

  it("says so in plain words", () => {
    expect(result.gateOverride).toEqual({ rule: "R3-hallucination", bestFit: "adapter" });
    const summary = text(renderToStaticMarkup(h(RecommendationSummary, { result, rubric })));
    expect(summary).toContain(`A gate (R3: Hallucination) overrules the best fit (${label("adapter")}, fit ${result.fits.adapter}).`);
  });
});

describe("result view: a full fine-tune", () => {
  const result = score(example("new skill"), "v1");

  it("recommends Level 2, marks it, and has no blockers", () => {
    const { summary, bars, details } = renderAll(result);
    expect(text(summary)).toContain(`Go ahead with ${label("finetune")}.`);
    expectFitBars(bars, result);
    expect(text(details)).toContain("No blockers");
  });

  it("compact bars keep every label and number", () => {
    const compact = renderToStaticMarkup(h(FitBars, { fits: result.fits, level: result.level, compact: true, rubric }));
    expectFitBars(compact, result);
  });
});

describe("LevelBadge", () => {
  it("shows the outcome label of the level", () => {
    for (const level of LEVELS) {
      const html = renderToStaticMarkup(h(LevelBadge, { level, size: "sm" }));
      expect(text(html)).toBe(label(level));
      expect(html).toContain(`data-level="${level}"`);
    }
  });
});
