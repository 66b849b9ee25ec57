/** Keeps docs/api.md honest: every documented response is the handlers' real output. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as getRubric } from "./rubrics/[version]/route";
import { GET as listRubrics } from "./rubrics/route";
import { POST } from "./score/route";

const doc = readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8");

function documented(name: string): unknown {
  const match = doc.match(new RegExp(`<!-- response: ${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``));
  if (!match?.[1]) throw new Error(`docs/api.md has no response block "${name}"`);
  return JSON.parse(match[1]);
}

function documentedRequest(marker: string): unknown {
  // The JSON body of the curl -d '...' that precedes the response block.
  const before = doc.slice(0, doc.indexOf(`<!-- response: ${marker} -->`));
  const bodies = [...before.matchAll(/-d '([\s\S]*?)'/g)];
  const last = bodies.at(-1)?.[1];
  if (!last) throw new Error(`no request body before "${marker}"`);
  return JSON.parse(last);
}

const score = (body: unknown) =>
  POST(new Request("http://localhost:3000/api/v1/score", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

describe("docs/api.md", () => {
  it("list rubrics", async () => {
    expect(await (await listRubrics(new Request("http://localhost:3000/api/v1/rubrics"))).json()).toEqual(documented("list"));
  });

  it("rubric v1 outline (the jq filter, done in TS)", async () => {
    const v1 = await (await getRubric(new Request("http://x"), { params: Promise.resolve({ version: "v1" }) })).json();
    expect({
      version: v1.version,
      title: v1.title,
      steps: v1.sections.map((s: { id: string }) => s.id),
      outcomes: v1.outcomes.map((o: { id: string }) => o.id),
      firstQuestion: v1.sections[0].questions[0],
    }).toEqual(documented("rubric-outline"));
  });

  it("rubric 404", async () => {
    const res = await getRubric(new Request("http://x"), { params: Promise.resolve({ version: "v7" }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(documented("rubric-404"));
  });

  it("score the style example (the jq filter, done in TS)", async () => {
    const res = await score(documentedRequest("score-style"));
    expect(res.status).toBe(200);
    const r = await res.json();
    expect({
      level: r.level,
      thenLevel: r.thenLevel,
      fits: r.fits,
      confidence: r.confidence,
      gateOverride: r.gateOverride,
      reasons: r.reasons.map((x: { rule: string; decisive: boolean; answers: string[] }) => ({ rule: x.rule, decisive: x.decisive, answers: x.answers })),
      blockers: r.blockers.map((b: { id: string }) => b.id),
      readiness: r.readiness.filter((x: { done: boolean }) => !x.done).map((x: { id: string }) => x.id),
      unknowns: r.unknowns.length,
    }).toEqual(documented("score-style"));
  });

  it("invalid request → 400 body", async () => {
    const res = await score(documentedRequest("score-400"));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(documented("score-400"));
  });
});
