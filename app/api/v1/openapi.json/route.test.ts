import { compileErrors, validate } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SCORE_REQUEST_EXAMPLES } from "@/lib/http/api-v1";
import { WORKED_EXAMPLES_V1 } from "@/lib/rubric/worked-examples";
import { GET as getRubric } from "../rubrics/[version]/route";
import { GET as listRubrics } from "../rubrics/route";
import { POST as scorePost } from "../score/route";
import { GET } from "./route";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

async function loadDocument(): Promise<Doc> {
  const res = await GET(new Request("http://localhost:3000/api/v1/openapi.json"));
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

/** An Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses) that resolves the document's own $refs. */
function validatorFor(doc: Doc, component: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "urn:levelset:openapi", components: doc.components });
  const validateFn = ajv.getSchema(`urn:levelset:openapi#/components/schemas/${component}`);
  if (!validateFn) throw new Error(`no schema ${component}`);
  return validateFn;
}

function scoreRequest(body: unknown) {
  return scorePost(new Request("http://localhost:3000/api/v1/score", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (@readme/openapi-parser)", async () => {
    const doc = await loadDocument();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it("describes the three endpoints and their error responses", async () => {
    const doc = await loadDocument();
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/rubrics", "/api/v1/rubrics/{version}", "/api/v1/score"]);
    expect(Object.keys(doc.paths["/api/v1/score"]?.post?.responses ?? {}).sort()).toEqual(["200", "400", "404", "413", "415"]);
    expect(Object.keys(doc.paths["/api/v1/rubrics/{version}"]?.get?.responses ?? {}).sort()).toEqual(["200", "404"]);
  });

  it("publishes answer schemas derived from the rubric (every question id, strict)", async () => {
    const doc = await loadDocument();
    const answers = doc.components.schemas.AnswersV1 as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(answers.properties)).toHaveLength(25);
    expect(answers.additionalProperties).toBe(false);
  });

  it("the request body examples it publishes validate against its own ScoreRequest schema", async () => {
    const doc = await loadDocument();
    const validateRequest = validatorFor(doc, "ScoreRequest");
    for (const example of Object.values(SCORE_REQUEST_EXAMPLES)) {
      expect(validateRequest(example.value), JSON.stringify(validateRequest.errors)).toBe(true);
    }
    for (const example of WORKED_EXAMPLES_V1) {
      expect(validateRequest({ rubricVersion: "v1", answers: example.answers })).toBe(true);
    }
  });

  it("the published schema rejects what the API rejects", async () => {
    const validateRequest = validatorFor(await loadDocument(), "ScoreRequest");
    for (const bad of [
      { rubricVersion: "v1", answers: { "level0.coverage_pct": 101 } },
      { rubricVersion: "v1", answers: { "level0.unknown": 1 } },
      { rubricVersion: "v1", answers: { "deploy.practices": ["alerts", "alerts"] } },
      { rubricVersion: "v1", answers: {}, extra: true },
      { answers: {} },
    ]) {
      expect(validateRequest(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("real responses validate against the response schemas it publishes", async () => {
    const doc = await loadDocument();
    const validateResult = validatorFor(doc, "Result");
    for (const example of WORKED_EXAMPLES_V1) {
      const res = await scoreRequest({ rubricVersion: "v1", answers: example.answers });
      expect(validateResult(await res.json()), JSON.stringify(validateResult.errors)).toBe(true);
    }
    const validateError = validatorFor(doc, "Error");
    const bad = await scoreRequest({ rubricVersion: "v1", answers: { "level0.coverage_pct": "x" } });
    expect(bad.status).toBe(400);
    expect(validateError(await bad.json())).toBe(true);
    const validateList = validatorFor(doc, "RubricList");
    expect(validateList(await (await listRubrics(new Request("http://localhost/api/v1/rubrics"))).json())).toBe(true);
    const validateRubric = validatorFor(doc, "Rubric");
    const rubric = await getRubric(new Request("http://localhost/api/v1/rubrics/v1"), { params: Promise.resolve({ version: "v1" }) });
    expect(validateRubric(await rubric.json()), JSON.stringify(validateRubric.errors)).toBe(true);
  });
});
