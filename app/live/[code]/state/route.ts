import { isAppError } from "@/lib/dal/errors";
import { getLiveStamp, getLiveState } from "@/lib/dal/live-sessions";

import { liveViewer } from "../http";

/**
 * The room's poll: a cheap version stamp first (ETag = "<session revision>-<participant revision>"),
 * the whole state only when it changed. 404 for anyone who is not a participant of THIS session;
 * 410 once the session has closed for a guest.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const viewer = await liveViewer();
  const headers = { "Cache-Control": "no-store", Vary: "Cookie" };
  try {
    const stamp = await getLiveStamp(viewer, code);
    if (request.headers.get("if-none-match") === stamp.etag) {
      return new Response(null, { status: 304, headers: { ...headers, ETag: stamp.etag } });
    }
    const state = await getLiveState(viewer, code);
    return Response.json(state, { headers: { ...headers, ETag: state.etag } });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return Response.json({ error: "Not found" }, { status: 404, headers });
    if (isAppError(error, "SEALED")) return Response.json({ error: error.message, closed: true }, { status: 410, headers });
    throw error;
  }
}
