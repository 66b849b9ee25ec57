import "server-only";

import { getDecision, type DecisionDetail } from "@/lib/dal/decisions";
import { isAppError } from "@/lib/dal/errors";
import { verifySession } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";

export type ExportParams = { params: Promise<{ teamSlug: string; decisionId: string }> };

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The decision for an export route, or the 404 response. Anonymous visitors,
 * non-members and unknown ids all get the same 404: nothing tells them apart.
 */
export async function loadForExport({ params }: ExportParams): Promise<{ decision: DecisionDetail } | { response: Response }> {
  const { teamSlug, decisionId } = await params;
  const notFound = { response: Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE }) };
  const user = await verifySession();
  if (!user) return notFound;
  try {
    return { decision: await getDecision({ userId: user.id }, teamSlug, decisionId) };
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return notFound;
    throw error;
  }
}

/** An attachment with the export's headers. */
export function attachment(body: string, type: string, filename: string): Response {
  return new Response(body, {
    headers: { ...NO_STORE, "Content-Type": type, "Content-Disposition": `attachment; filename="${filename}"` },
  });
}

/** The public origin for links in an export: AUTH_URL when set (behind a proxy), else the Host the browser asked for. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}
