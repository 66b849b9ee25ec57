import { gfmFromMarkdown } from "mdast-util-gfm";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfm } from "micromark-extension-gfm";
import type { Heading, List, Nodes, Root, Table } from "mdast";
import { describe, expect, expectTypeOf, it } from "vitest";

import type { DecisionDetail } from "@/lib/dal/decisions";
import { DEMO_DECISIONS } from "@/prisma/seed-data";
import { requireRubric, score, type Answers, type Notes } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";

import { escapeBlock, escapeInline, slugify, toExportRecord, toJson, toMarkdown, type ExportableDecision } from "./index";

const rubric = requireRubric("v1");
const URL_OF = "https://levelset.example/t/acme/decisions/d1";

function demo(title: string) {
  const found = DEMO_DECISIONS.find((d) => d.title === title);
  if (!found) throw new Error(`no demo decision ${title}`);
  return found;
}

/** A recorded decision built from the seed's data, the way the DAL hands it out. */
function recorded(title: string, over: Partial<ExportableDecision> = {}): ExportableDecision {
  const d = demo(title);
  const answers = d.answers as Answers;
  const result = score(answers, "v1");
  return {
    id: "d1",
    title: d.title,
    context: d.context,
    teamName: "Acme AI Platform",
    participants: d.participants,
    status: "decided",
    rubricVersion: "v1",
    answers,
    notes: d.notes as Notes,
    result,
    recommendedLevel: result.level,
    finalLevel: d.override?.level ?? result.level,
    overrideRationale: d.override?.rationale ?? null,
    reviewBy: new Date("2026-09-30T00:00:00Z"),
    decidedAt: new Date("2026-03-01T10:00:00Z"),
    owner: { name: "Dana Okafor" },
    createdAt: new Date("2026-02-20T09:00:00Z"),
    updatedAt: new Date("2026-03-01T10:00:00Z"),
    supersedes: null,
    supersededBy: null,
    ...over,
  };
}

const parse = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

function text(node: Nodes): string {
  if (node.type === "break") return "\n";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(text).join("");
  return "";
}

const headings = (root: Root, depth: number) =>
  root.children.filter((n): n is Heading => n.type === "heading" && n.depth === depth).map(text);

/** All top-level nodes between an h2 and the next h2. */
function section(root: Root, title: string): Nodes[] {
  const start = root.children.findIndex((n) => n.type === "heading" && n.depth === 2 && text(n) === title);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const rest = root.children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === "heading" && n.depth <= 2);
  return end === -1 ? rest : rest.slice(0, end);
}

const MADR_SECTIONS = ["Context and Problem Statement", "Decision Drivers", "Considered Options", "Decision Outcome", "More Information"];

describe("toMarkdown", () => {
  it("lays a recorded decision out as MADR: one h1, the h2 sections in order", () => {
    const root = parse(toMarkdown(recorded("Contract-clause extractor"), { url: URL_OF }));
    expect(headings(root, 1)).toEqual(["Contract-clause extractor"]);
    expect(headings(root, 2)).toEqual(MADR_SECTIONS);
    expect(root.children[0]).toMatchObject({ type: "heading", depth: 1 });
    const front = root.children[1] as List;
    expect(front.type).toBe("list");
    expect(front.children.map(text)).toEqual(
      expect.arrayContaining(["Status: accepted", "Date: 2026-03-01", "Decision-makers: Dana Okafor (owner)", "Consulted: Dana (PM), Sam (ML), Ines (Legal ops)"]),
    );
  });

  it("lists every answered question as a decision driver, grouped by step, with the team's notes", () => {
    const decision = recorded("Contract-clause extractor");
    const drivers = section(parse(toMarkdown(decision, { url: URL_OF })), "Decision Drivers");
    const items = drivers.filter((n): n is List => n.type === "list").flatMap((list) => list.children.map(text));
    const answered = rubric.sections.flatMap((s) => s.questions).filter((q) => decision.answers[q.id] !== undefined);
    expect(answered.length).toBeGreaterThan(10);
    for (const question of answered) {
      expect(items).toContainEqual(expect.stringContaining(question.label));
      expect(items).toContainEqual(expect.stringContaining(formatAnswer(question, decision.answers[question.id])));
    }
    expect(drivers.filter((n) => n.type === "heading").map(text)).toEqual(
      rubric.sections.filter((s) => s.questions.some((q) => decision.answers[q.id] !== undefined)).map((s) => s.title),
    );
    const quotes = drivers.filter((n) => n.type === "blockquote").map(text);
    expect(quotes).toContain("Contracts may not leave our VPC: open-weights model on our own GPUs.");
  });

  it("tabulates the four options with their fits and marks the recommended and chosen one", () => {
    const decision = recorded("Contract-clause extractor");
    const table = section(parse(toMarkdown(decision, { url: URL_OF })), "Considered Options").find((n): n is Table => n.type === "table");
    expect(table).toBeDefined();
    const rows = table!.children.map((row) => row.children.map(text));
    expect(rows[0]).toEqual(["Option", "Fit (0–100)", "Note"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(rubric.outcomes.map((o) => o.label));
    for (const [index, outcome] of rubric.outcomes.entries()) {
      expect(rows[index + 1]![1]).toBe(String(decision.result!.fits[outcome.id]));
    }
    expect(rows.find((r) => r[0] === "Level 2: full fine-tune")?.[2]).toBe("recommended; chosen by the team");
  });

  it("names the chosen level and why in the outcome, with consequences and the readiness checklist", () => {
    const markdown = toMarkdown(recorded("Contract-clause extractor"), { url: URL_OF });
    const outcome = section(parse(markdown), "Decision Outcome");
    expect(text(outcome[0]!)).toMatch(/^Chosen option: “Level 2: full fine-tune”, because the feature needs a new capability/);
    expect(outcome.filter((n) => n.type === "heading").map(text)).toEqual(["Consequences", "Readiness checklist", "Next steps"]);
    expect(markdown).toContain("- Review by: 2026-09-30");
    expect(markdown).toMatch(/- Neutral, because \(constraint\) data must stay in your infrastructure/);
    expect(markdown).toMatch(/- \[x\] Evaluate groundedness/);
  });

  it("states the override and its rationale when the team chose another level", () => {
    const markdown = toMarkdown(
      recorded("Contract-clause extractor", { finalLevel: "adapter", overrideRationale: "GPU budget is frozen until Q3.\nRevisit then." }),
      { url: URL_OF },
    );
    const outcome = section(parse(markdown), "Decision Outcome");
    expect(text(outcome[0]!)).toMatch(/^Chosen option: “Level 1: adapters \/ LoRA \/ prefix tuning”, overriding the recommendation \(“Level 2: full fine-tune”/);
    expect(outcome[1]).toMatchObject({ type: "blockquote" });
    expect(text(outcome[1]!)).toBe("GPU budget is frozen until Q3.\nRevisit then.");
  });

  it("says a draft is not recorded yet and uses the live score", () => {
    const d = demo("Billing support chatbot");
    const draft = recorded("Billing support chatbot", { status: "draft", result: null, finalLevel: null, recommendedLevel: null, decidedAt: null });
    const markdown = toMarkdown(draft, { url: URL_OF });
    const root = parse(markdown);
    expect(headings(root, 2)).toEqual(MADR_SECTIONS);
    expect(markdown).toContain("- Status: proposed — draft, not recorded yet");
    const live = score(d.answers as Answers, "v1");
    const outcome = section(root, "Decision Outcome").map(text).join("\n");
    expect(outcome).toContain("Not recorded yet.");
    expect(outcome).toContain(`Recommended option: “${rubric.outcomes.find((o) => o.id === live.level)!.label}”`);
    expect(outcome).not.toContain("Chosen option");
  });

  it("links back, names the rubric and the superseded decisions", () => {
    const markdown = toMarkdown(
      recorded("Contract-clause extractor", {
        status: "superseded",
        supersedes: { id: "old", title: "Clause extractor (2025)" },
        supersededBy: { id: "new", title: "Clause extractor v3" },
      }),
      { url: URL_OF, decisionUrl: (id) => `https://levelset.example/t/acme/decisions/${id}` },
    );
    const more = section(parse(markdown), "More Information");
    const items = (more[0] as List).children.map(text);
    expect(items).toContain("This decision in LevelSet: Contract-clause extractor");
    expect(items).toContain("Rubric: v1 — Prompt + retrieval, adapters, or full fine-tune");
    expect(items).toContain("Supersedes: Clause extractor (2025)");
    expect(items).toContain("Superseded by: Clause extractor v3");
    expect(markdown).toContain(`](${URL_OF})`);
    expect(markdown).toContain("- Status: superseded by [Clause extractor v3](https://levelset.example/t/acme/decisions/new)");
  });

  it("keeps hostile user text as text: no extra headings, list items, table cells or code", () => {
    const hostile = recorded("Contract-clause extractor", {
      title: "# Not a heading | pipe *bold*\n## nor this",
      context: "Line one\n# Heading?\n- list?\n1. ordered?\n    indented code?\n```js\nfence\n```\n<script>alert(1)</script>\n===",
      participants: ["Eve | admin", "*Mallory*"],
      owner: { name: "[Dana](javascript:alert(1))" },
      notes: {
        "notes.constraints": "first `code` line\n---\n| a | b |\n|---|---|\n> quoted\n\nsecond paragraph \\ with backslash\\",
        "notes.level0": "## not a heading either\n+ plus",
      },
      overrideRationale: "# nope",
      finalLevel: "adapter",
    });
    const markdown = toMarkdown(hostile, { url: URL_OF });
    const root = parse(markdown);
    expect(headings(root, 1)).toEqual(["# Not a heading | pipe *bold* ## nor this"]);
    expect(headings(root, 2)).toEqual(MADR_SECTIONS);
    const tables: Table[] = [];
    const codes: string[] = [];
    const htmls: string[] = [];
    const links: string[] = [];
    const walk = (node: Nodes) => {
      if (node.type === "table") tables.push(node);
      if (node.type === "code" || node.type === "inlineCode") codes.push(node.value);
      if (node.type === "html") htmls.push(node.value);
      if (node.type === "link") links.push(node.url);
      if ("children" in node) (node.children as Nodes[]).forEach(walk);
    };
    walk(root);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.children.every((row) => row.children.length === 3)).toBe(true);
    expect(codes).toEqual([]);
    expect(htmls).toEqual([]);
    expect(links).toEqual([URL_OF]);
    const context = section(root, "Context and Problem Statement");
    expect(context.map((n) => n.type)).toEqual(["paragraph", "paragraph"]);
    expect(text(context[0]!)).toBe(
      "Line one\n# Heading?\n- list?\n1. ordered?\nindented code?\n```js\nfence\n```\n<script>alert(1)</script>\n===",
    );
    const drivers = section(root, "Decision Drivers");
    const note = drivers.find((n) => n.type === "blockquote")!;
    expect(text(note)).toBe("first `code` line\n---\n| a | b |\n|---|---|\n> quotedsecond paragraph \\ with backslash\\");
    expect(headings(root, 3)).not.toContain("not a heading either");
    expect(markdown).toContain("Consulted: Eve \\| admin, \\*Mallory\\*");
  });
});

describe("escaping", () => {
  it("turns newlines into spaces inline and hard breaks in blocks", () => {
    expect(escapeInline("a\nb\r\nc")).toBe("a b c");
    expect(escapeBlock("a\nb\n\n\nc")).toEqual(["a\\", "b", "", "c"]);
  });

  it("slugifies titles for file names", () => {
    expect(slugify("Contract-clause extractor")).toBe("contract-clause-extractor");
    expect(slugify("# Not a heading | pipe *bold*")).toBe("not-a-heading-pipe-bold");
    expect(slugify("Übersetzung für Léa")).toBe("ubersetzung-fur-lea");
    expect(slugify("***")).toBe("decision");
  });
});

describe("toJson", () => {
  it("exports the full record with a stable shape and ISO dates", () => {
    const decision = recorded("Multi-tenant marketing copy generator", { supersedes: { id: "old", title: "Copy v1" } });
    const parsed = JSON.parse(toJson(decision));
    expect(Object.keys(parsed)).toEqual([
      "format", "id", "title", "context", "status", "rubricVersion", "answers", "notes", "result", "liveResult",
      "recommendedLevel", "finalLevel", "overrideRationale", "owner", "participants", "reviewBy", "decidedAt",
      "createdAt", "updatedAt", "supersedes", "supersededBy",
    ]);
    expect(parsed).toMatchObject({
      format: "levelset.decision/v1",
      id: "d1",
      status: "decided",
      owner: { name: "Dana Okafor" },
      reviewBy: "2026-09-30T00:00:00.000Z",
      decidedAt: "2026-03-01T10:00:00.000Z",
      supersedes: { id: "old", title: "Copy v1" },
      supersededBy: null,
      liveResult: null,
    });
    expect(Object.keys(parsed.answers)).toEqual(
      rubric.sections.flatMap((s) => s.questions.map((q) => q.id)).filter((id) => decision.answers[id] !== undefined),
    );
  });

  it("round-trips: the stored result comes back byte for byte, and parsing the export again changes nothing", () => {
    const decision = recorded("Contract-clause extractor");
    const json = toJson(decision);
    const parsed = JSON.parse(json);
    expect(JSON.stringify(parsed.result)).toBe(JSON.stringify(decision.result));
    expect(parsed.answers).toEqual(decision.answers);
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(json);
    expect(toExportRecord(decision)).toEqual(parsed);
  });

  it("gives a draft no stored result but its live score", () => {
    const draft = recorded("Billing support chatbot", { status: "draft", result: null, finalLevel: null, decidedAt: null });
    const parsed = JSON.parse(toJson(draft));
    expect(parsed.result).toBeNull();
    expect(parsed.liveResult).toEqual(score(draft.answers, "v1"));
  });
});

describe("types", () => {
  it("accepts the DAL's DecisionDetail as it is", () => {
    expectTypeOf<DecisionDetail>().toExtend<ExportableDecision>();
  });
});

describe("escaping numbers", () => {
  it("leaves decimals alone but escapes list-like numbering", () => {
    expect(escapeInline("2.5 %")).toBe("2.5 %");
    expect(escapeInline("1. first")).toBe("1\\. first");
  });
});
