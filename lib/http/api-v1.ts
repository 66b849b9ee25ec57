/**
 * The public JSON API v1: request/response schemas and the OpenAPI 3.1
 * document, built from the zod schemas with z.toJSONSchema (never a
 * hand-written copy). Pure of Next; never touches team data.
 */
import * as z from "zod";
import {
  answersSchema,
  CURRENT_RUBRIC_VERSION,
  listRubricVersions,
  requireRubric,
  resultSchema,
  rubricDocumentSchema,
} from "@/lib/rubric";
import { DEFAULT_MAX_JSON_BYTES } from "./json-body";

export const SCORE_MAX_BYTES = DEFAULT_MAX_JSON_BYTES;

/** POST /api/v1/score body for one rubric version (strict: unknown top-level keys rejected). */
export function scoreRequestSchema(version: string) {
  return z.strictObject(
    { rubricVersion: z.literal(version), answers: answersSchema(version) },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "Unknown field" : undefined) },
  );
}

/** Used when rubricVersion itself is missing or not a string: reports the envelope only. */
export const scoreEnvelopeSchema = z.strictObject(
  {
    rubricVersion: z.enum(listRubricVersions() as [string, ...string[]]),
    answers: z.record(z.string(), z.unknown()),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "Unknown field" : undefined) },
);

export const issueSchema = z.strictObject({
  path: z.string().meta({ description: 'Dotted path from the body root; question ids are kept whole, e.g. "answers.level0.coverage_pct".' }),
  message: z.string(),
});

export const errorSchema = z
  .strictObject({ error: z.string(), issues: z.array(issueSchema).optional() })
  .meta({ description: "An error. `issues` names every offending path when the input was invalid." });

export const rubricListSchema = z
  .strictObject({
    versions: z.array(z.strictObject({ version: z.string(), current: z.boolean() })),
    current: z.string(),
  })
  .meta({ description: "The rubric versions this server can score, oldest first." });

export function listRubricsBody(): z.infer<typeof rubricListSchema> {
  return {
    versions: listRubricVersions().map((version) => ({ version, current: version === CURRENT_RUBRIC_VERSION })),
    current: CURRENT_RUBRIC_VERSION,
  };
}

/** The request body examples published in the OpenAPI document (the worked examples of RUBRIC-v1.md). */
export const SCORE_REQUEST_EXAMPLES = {
  style: {
    summary: 'Worked example "style": the base model knows the domain, needs style control → adapter',
    value: {
      rubricVersion: "v1",
      answers: {
        "constraints.eval_harness": "full",
        "level0.system_prompt": "mature",
        "level0.retrieval": "basic",
        "level0.hallucination_rate_pct": 2,
        "level0.coverage_pct": 60,
        "level1.base_knows_domain": "yes",
        "level1.needs_style_control": true,
      },
    },
  },
  noEvals: {
    summary: 'Worked example "no evals" → pause',
    value: { rubricVersion: "v1", answers: { "constraints.eval_harness": "none" } },
  },
} as const;

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document of the public API v1. */
export function buildOpenApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const registry = z.registry<{ id: string }>();
  const versions = listRubricVersions();
  // Answers and requests per rubric version; "Answers"/"ScoreRequest" name the current one.
  const requestRefs: { $ref: string }[] = [];
  for (const version of versions) {
    const suffix = version.toUpperCase();
    registry.add(answersSchema(version), { id: `Answers${suffix}` });
    const request = z.strictObject({ rubricVersion: z.literal(version), answers: answersSchema(version) });
    registry.add(request, { id: `ScoreRequest${suffix}` });
    requestRefs.push({ $ref: `#/components/schemas/ScoreRequest${suffix}` });
  }
  registry.add(resultSchema, { id: "Result" });
  registry.add(errorSchema, { id: "Error" });
  registry.add(rubricListSchema, { id: "RubricList" });
  registry.add(rubricDocumentSchema, { id: "Rubric" });

  const generated = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _dropped, $id: _id, ...rest } = schema;
    schemas[id] = rest;
  }
  schemas.ScoreRequest = requestRefs.length === 1 ? requestRefs[0] : { oneOf: requestRefs };

  const json = (ref: string, extra: Record<string, unknown> = {}) => ({
    "application/json": { schema: { $ref: `#/components/schemas/${ref}` }, ...extra },
  });
  const error = (description: string) => ({ description, content: json("Error") });

  const current = requireRubric(CURRENT_RUBRIC_VERSION);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "LevelSet public API",
      version: "1.0.0",
      description:
        `Score a team's answers to the rubric "${current.title}" and read the rubric itself. ` +
        "No account needed; nothing is stored. Question, option and outcome ids are stable per rubric version.",
    },
    paths: {
      "/api/v1/rubrics": {
        get: {
          operationId: "listRubrics",
          summary: "List rubric versions",
          responses: { "200": { description: "The versions, and which is current.", content: json("RubricList") } },
        },
      },
      "/api/v1/rubrics/{version}": {
        get: {
          operationId: "getRubric",
          summary: "Get one rubric version: steps, questions, options, help texts, outcomes",
          parameters: [
            { name: "version", in: "path", required: true, schema: { type: "string", examples: [CURRENT_RUBRIC_VERSION] } },
          ],
          responses: {
            "200": { description: "The rubric.", content: json("Rubric") },
            "404": error("Unknown rubric version."),
          },
        },
      },
      "/api/v1/score": {
        post: {
          operationId: "score",
          summary: "Score an answer set",
          description: `Pure: the same body always gives the same result. Body at most ${SCORE_MAX_BYTES} bytes of application/json (UTF-8).`,
          requestBody: { required: true, content: json("ScoreRequest", { examples: SCORE_REQUEST_EXAMPLES }) },
          responses: {
            "200": { description: "The scored result.", content: json("Result") },
            "400": error("Invalid JSON, or invalid input: `issues` names every offending path."),
            "404": error("Unknown rubric version."),
            "413": error(`Body larger than ${SCORE_MAX_BYTES} bytes.`),
            "415": error("Content-Type is not application/json."),
          },
        },
      },
    },
    components: { schemas },
  };
  return cached;
}
