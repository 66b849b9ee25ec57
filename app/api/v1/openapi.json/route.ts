import { buildOpenApiDocument } from "@/lib/http/api-v1";

/** GET /api/v1/openapi.json → the OpenAPI 3.1 document, built from the zod schemas. */
export async function GET(_request: Request): Promise<Response> {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
