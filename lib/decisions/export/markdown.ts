/**
 * A decision as a Markdown Architecture Decision Record (MADR layout,
 * https://adr.github.io/madr/). PURE: no next, react or prisma.
 */
import { LEVELS, requireRubric, score, type Level, type Result, type Rubric } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";

import { escapeBlock, escapeInline, escapeUrl } from "./escape";
import { isRecorded, type ExportableDecision } from "./types";

export type MarkdownOptions = {
  /** Absolute URL of the decision in LevelSet, linked under "More Information". */
  url: string;
  /** Absolute URL of another decision of the team (supersedes / superseded by); without it titles are plain text. */
  decisionUrl?: (decisionId: string) => string;
};

const STATUS_WORDS: Record<string, string> = {
  draft: "proposed — draft, not recorded yet",
  in_review: "proposed — in review, not recorded yet",
  decided: "accepted",
  superseded: "superseded",
  archived: "archived",
};

/** ISO calendar date (UTC), the form MADR uses. */
function day(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

function outcomeLabel(rubric: Rubric, level: Level): string {
  return rubric.outcomes.find((outcome) => outcome.id === level)?.label ?? level;
}

function link(text: string, url: string): string {
  return `[${escapeInline(text)}](${escapeUrl(url)})`;
}

function quote(lines: string[]): string[] {
  return lines.map((line) => (line === "" ? ">" : `> ${line}`));
}

/** "Question? **answer**" or "Question: **answer**". */
function driverLine(label: string, answer: string): string {
  const separator = /[?:]$/.test(label.trim()) ? " " : ": ";
  return `- ${escapeInline(label)}${separator}**${escapeInline(answer)}**`;
}

function frontPart(decision: ExportableDecision, recorded: boolean, rubric: Rubric, opts: MarkdownOptions): string[] {
  let status = STATUS_WORDS[decision.status] ?? escapeInline(decision.status);
  if (decision.status === "superseded" && decision.supersededBy) {
    const by = decision.supersededBy;
    status = `superseded by ${opts.decisionUrl ? link(by.title, opts.decisionUrl(by.id)) : `“${escapeInline(by.title)}”`}`;
  }
  const lines = [`- Status: ${status}`];
  const date = recorded ? (decision.decidedAt ?? decision.updatedAt) : decision.updatedAt;
  lines.push(`- Date: ${day(date)}${recorded ? "" : " (last updated)"}`);
  lines.push(`- Decision-makers: ${decision.owner ? `${escapeInline(decision.owner.name)} (owner)` : "no owner named"}`);
  if (decision.participants.length > 0) {
    lines.push(`- Consulted: ${decision.participants.map(escapeInline).join(", ")}`);
  }
  if (decision.teamName) lines.push(`- Team: ${escapeInline(decision.teamName)}`);
  lines.push(`- Rubric: ${escapeInline(rubric.version)}`);
  return lines;
}

function decisionDrivers(decision: ExportableDecision, rubric: Rubric): string[] {
  const out: string[] = [];
  let unanswered = 0;
  for (const section of rubric.sections) {
    const answered = section.questions.filter((question) => decision.answers[question.id] !== undefined);
    unanswered += section.questions.filter((q) => !q.optional && decision.answers[q.id] === undefined).length;
    const note = decision.notes[section.noteId]?.trim();
    if (answered.length === 0 && !note) continue;
    out.push(`### ${escapeInline(section.title)}`, "");
    if (answered.length > 0) {
      for (const question of answered) out.push(driverLine(question.label, formatAnswer(question, decision.answers[question.id])));
      out.push("");
    }
    if (note) out.push("Team notes:", "", ...quote(escapeBlock(note)), "");
  }
  if (out.length === 0) out.push("No questions answered yet.", "");
  else if (unanswered > 0) {
    out.push(`${unanswered === 1 ? "1 question is" : `${unanswered} questions are`} not answered yet.`, "");
  }
  return out;
}

function consideredOptions(result: Result, finalLevel: Level | null, rubric: Rubric): string[] {
  const out = ["| Option | Fit (0–100) | Note |", "| --- | ---: | --- |"];
  for (const level of LEVELS) {
    const marks: string[] = [];
    if (level === result.level) marks.push("recommended");
    if (finalLevel && level === finalLevel) marks.push("chosen by the team");
    if (level === result.thenLevel) marks.push("next, after evals");
    const label = escapeInline(outcomeLabel(rubric, level));
    out.push(`| ${marks.length > 0 ? `**${label}**` : label} | ${Math.round(result.fits[level])} | ${marks.join("; ") || "—"} |`);
  }
  out.push("");
  for (const level of LEVELS) {
    const outcome = rubric.outcomes.find((candidate) => candidate.id === level);
    if (outcome) out.push(`- ${escapeInline(outcome.label)} — ${escapeInline(outcome.summary)}`);
  }
  out.push("");
  return out;
}

function decisiveReason(result: Result) {
  return result.reasons.find((reason) => reason.decisive) ?? result.reasons[0];
}

function decisionOutcome(decision: ExportableDecision, result: Result, recorded: boolean, rubric: Rubric): string[] {
  const out: string[] = [];
  const recommended = outcomeLabel(rubric, result.level);
  const because = decisiveReason(result)?.text;
  const chosen = recorded ? decision.finalLevel : null;
  if (chosen && chosen !== result.level) {
    out.push(
      `Chosen option: “${escapeInline(outcomeLabel(rubric, chosen))}”, overriding the recommendation (“${escapeInline(recommended)}”, fit ${Math.round(result.fits[result.level])}), because:`,
      "",
      ...quote(escapeBlock(decision.overrideRationale?.trim() || "No rationale was recorded.")),
      "",
      `The rubric recommended “${escapeInline(recommended)}”${because ? `, because ${escapeInline(lowerFirst(because))}` : "."}`,
    );
  } else if (chosen) {
    out.push(`Chosen option: “${escapeInline(recommended)}”${because ? `, because ${escapeInline(lowerFirst(because))}` : ", as recommended."}`);
  } else {
    out.push(
      "**Not recorded yet.** The team has not chosen an option; this is the live score of the current answers.",
      "",
      `Recommended option: “${escapeInline(recommended)}”${because ? `, because ${escapeInline(lowerFirst(because))}` : "."}`,
    );
  }
  out.push("");
  if (result.level === "pause" && result.thenLevel) {
    out.push(`After the evaluation harness is in place, the rest of the answers point to “${escapeInline(outcomeLabel(rubric, result.thenLevel))}”.`, "");
  }
  if (result.gateOverride) {
    const rule = rubric.rules.find((candidate) => candidate.id === result.gateOverride?.rule);
    out.push(
      `A gate (${escapeInline(rule ? `${result.gateOverride.rule}: ${rule.title}` : result.gateOverride.rule)}) overrules the best fit (“${escapeInline(outcomeLabel(rubric, result.gateOverride.bestFit))}”).`,
      "",
    );
  }
  const confidence = { high: "High", medium: "Medium", low: "Low" }[result.confidence];
  out.push(`- Confidence: ${confidence}`);
  if (decision.reviewBy) out.push(`- Review by: ${day(decision.reviewBy)}`);
  if (recorded && decision.decidedAt) out.push(`- Recorded: ${day(decision.decidedAt)}`);
  out.push("");
  if (result.reasons.length > 0) {
    out.push("Reasons, by rule:", "");
    for (const reason of result.reasons) {
      out.push(`- ${escapeInline(reason.rule)}${reason.decisive ? " (decisive)" : ""} → ${escapeInline(outcomeLabel(rubric, reason.level))}: ${escapeInline(reason.text)}`);
    }
    out.push("");
  }
  return out;
}

function consequences(decision: ExportableDecision, result: Result, rubric: Rubric): string[] {
  const out = ["### Consequences", ""];
  const level = (isRecorded(decision) && decision.finalLevel) || result.level;
  const outcome = rubric.outcomes.find((candidate) => candidate.id === level);
  const labels = new Map(rubric.sections.flatMap((section) => section.questions.map((q) => [q.id, q.label] as const)));
  const items = [
    ...result.reasons
      .filter((reason) => reason.level === level)
      .map((reason) => `- Good, because ${escapeInline(lowerFirst(reason.text))}`),
    ...result.blockers.map((blocker) => `- Bad, because (blocker, ${escapeInline(blocker.rule)}) ${escapeInline(lowerFirst(blocker.text))}`),
    ...result.cautions.map((caution) => `- Bad, because (caution) ${escapeInline(lowerFirst(caution.text))}`),
    ...result.constraints.map((constraint) => `- Neutral, because (constraint) ${escapeInline(lowerFirst(constraint.text))}`),
  ];
  if (result.unknowns.length > 0) {
    items.push(
      `- Neutral, because ${result.unknowns.length === 1 ? "one answer is" : `${result.unknowns.length} answers are`} unknown: ${result.unknowns
        .map((id) => escapeInline(labels.get(id) ?? id))
        .join("; ")}`,
    );
  }
  out.push(...items, "");
  if (result.readiness.length > 0) {
    out.push("#### Readiness checklist", "");
    for (const item of result.readiness) out.push(`- [${item.done ? "x" : " "}] ${escapeInline(item.text)}`);
    out.push("");
  }
  if (outcome && outcome.nextSteps.length > 0) {
    out.push("#### Next steps", "");
    outcome.nextSteps.forEach((step, index) => out.push(`${index + 1}. ${escapeInline(step)}`));
    out.push("");
  }
  return out;
}

function moreInformation(decision: ExportableDecision, rubric: Rubric, opts: MarkdownOptions): string[] {
  const ref = (other: { id: string; title: string }) =>
    opts.decisionUrl ? link(other.title, opts.decisionUrl(other.id)) : `“${escapeInline(other.title)}”`;
  const out = ["## More Information", ""];
  out.push(`- This decision in LevelSet: ${link(decision.title, opts.url)}`);
  out.push(`- Rubric: ${escapeInline(rubric.version)} — ${escapeInline(rubric.title)}`);
  if (decision.supersedes) out.push(`- Supersedes: ${ref(decision.supersedes)}`);
  if (decision.supersededBy) out.push(`- Superseded by: ${ref(decision.supersededBy)}`);
  out.push(`- Created: ${day(decision.createdAt)}; last updated: ${day(decision.updatedAt)}`);
  out.push("");
  return out;
}

function lowerFirst(text: string): string {
  // "The hallucination rate…" → "the hallucination rate…", but keep "R3", "P95", "LoRA".
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** The result a document shows: the stored one once recorded, otherwise the live score. */
export function resultOf(decision: ExportableDecision): { result: Result; live: boolean } {
  if (decision.result) return { result: decision.result, live: false };
  return { result: score(decision.answers, decision.rubricVersion), live: true };
}

/** The decision as a MADR Markdown document (ends with a newline). */
export function toMarkdown(decision: ExportableDecision, opts: MarkdownOptions): string {
  const rubric = requireRubric(decision.rubricVersion);
  const recorded = isRecorded(decision);
  const { result } = resultOf(decision);
  const context = escapeBlock(decision.context);
  const lines = [
    `# ${escapeInline(decision.title) || "Untitled decision"}`,
    "",
    ...frontPart(decision, recorded, rubric, opts),
    "",
    "## Context and Problem Statement",
    "",
    ...(context.length > 0 ? context : ["No use case was written down."]),
    "",
    "For this LLM feature: stay with prompt + retrieval (Level 0), train adapters (Level 1), run a full fine-tune (Level 2), or pause and build the evaluation harness first?",
    "",
    "## Decision Drivers",
    "",
    ...decisionDrivers(decision, rubric),
    "## Considered Options",
    "",
    ...consideredOptions(result, recorded ? decision.finalLevel : null, rubric),
    "## Decision Outcome",
    "",
    ...decisionOutcome(decision, result, recorded, rubric),
    ...consequences(decision, result, rubric),
    ...moreInformation(decision, rubric, opts),
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
