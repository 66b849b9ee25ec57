/**
 * POST /api/v1/score { rubricVersion, answers } → Result JSON.
 * Stores nothing, needs no account, never touches team data (no lib/db, no lib/dal).
 */
import { SCORE_MAX_BYTES, scoreEnvelopeSchema, scoreRequestSchema } from "@/lib/http/api-v1";
import { jsonError, readJsonBody } from "@/lib/http/json-body";
import { formatIssues, getRubric, score, type Answers } from "@/lib/rubric";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, { maxBytes: SCORE_MAX_BYTES });
  if (!body.ok) return jsonError(body.status, body.error, body.issues, NO_STORE);

  const input = body.value;
  const version =
    typeof input === "object" && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>).rubricVersion
      : undefined;

  if (typeof version !== "string") {
    const envelope = scoreEnvelopeSchema.safeParse(input);
    const issues = envelope.success ? [] : formatIssues(envelope.error);
    return jsonError(400, "Invalid request", issues.length > 0 ? issues : [{ path: "rubricVersion", message: "Required" }], NO_STORE);
  }
  if (!getRubric(version)) return jsonError(404, `Unknown rubric version "${version}"`, undefined, NO_STORE);

  const parsed = scoreRequestSchema(version).safeParse(input);
  if (!parsed.success) return jsonError(400, "Invalid request", formatIssues(parsed.error), NO_STORE);

  return Response.json(score(parsed.data.answers as Answers, version), { headers: NO_STORE });
}
