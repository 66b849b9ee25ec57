import { listRubricsBody } from "@/lib/http/api-v1";

/** GET /api/v1/rubrics → { versions: [{ version, current }], current } */
export async function GET(_request: Request): Promise<Response> {
  return Response.json(listRubricsBody(), { headers: { "Cache-Control": "public, max-age=300" } });
}
