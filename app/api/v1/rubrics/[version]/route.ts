import { jsonError } from "@/lib/http/json-body";
import { getRubric } from "@/lib/rubric";

/** GET /api/v1/rubrics/{version} → the rubric document; 404 { error } for an unknown version. */
export async function GET(_request: Request, { params }: { params: Promise<{ version: string }> }): Promise<Response> {
  const { version } = await params;
  const rubric = getRubric(version);
  if (!rubric) return jsonError(404, `Unknown rubric version "${version}"`);
  // A shipped rubric version never changes.
  return Response.json(rubric, { headers: { "Cache-Control": "public, max-age=3600" } });
}
