import { describe, expect, it } from "vitest";
import { CURRENT_RUBRIC_VERSION, listRubricVersions, requireRubric, rubricDocumentSchema } from "@/lib/rubric";
import { GET as getVersion } from "./[version]/route";
import { GET as list } from "./route";

const get = (path: string) => new Request(`http://localhost:3000${path}`);

describe("GET /api/v1/rubrics", () => {
  it("lists the versions and the current one", async () => {
    const res = await list(get("/api/v1/rubrics"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      versions: listRubricVersions().map((version) => ({ version, current: version === CURRENT_RUBRIC_VERSION })),
      current: "v1",
    });
    expect(body.versions).toContainEqual({ version: "v1", current: true });
  });
});

describe("GET /api/v1/rubrics/{version}", () => {
  it("returns v1 with sections, questions, labels, options, help texts and outcomes", async () => {
    const res = await getVersion(get("/api/v1/rubrics/v1"), { params: Promise.resolve({ version: "v1" }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(rubricDocumentSchema.safeParse(body).success).toBe(true);
    expect(body).toEqual(JSON.parse(JSON.stringify(requireRubric("v1"))));
    expect(body.sections.map((s: { id: string }) => s.id)).toEqual(["constraints", "level0", "level1", "level2", "data", "deploy"]);
    const harness = body.sections[0].questions.find((q: { id: string }) => q.id === "constraints.eval_harness");
    expect(harness.options.map((o: { id: string }) => o.id)).toEqual(["none", "partial", "full"]);
    expect(harness.help).toMatch(/evaluate/i);
    expect(body.outcomes.map((o: { id: string }) => o.id)).toEqual(["pause", "prompt", "adapter", "finetune"]);
  });

  it.each([["v2"], ["V1"], ["latest"], ["__proto__"], ["constructor"]])("404 for %s", async (version) => {
    const res = await getVersion(get(`/api/v1/rubrics/${version}`), { params: Promise.resolve({ version }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: `Unknown rubric version "${version}"` });
  });
});
