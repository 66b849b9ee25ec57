import { isAppError } from "@/lib/dal/errors";
import { getLiveState, type LiveState, type LiveViewer } from "@/lib/dal/live-sessions";
import { UNAVAILABLE, watchRoom } from "@/lib/live/watch";

import { liveViewer } from "../http";

export const dynamic = "force-dynamic";

/** A stream ends after this long; the browser's EventSource reconnects at once, which re-checks who is asking. */
const STREAM_LIFETIME_MS = 5 * 60_000;
const HEARTBEAT_MS = 15_000;

/**
 * The room as server-sent events: the asking participant's whole state at once,
 * then again whenever the room's revision moves (read from the database, so a
 * change made through another app instance arrives the same way). `event: closed`
 * when the session has closed for this viewer; `event: unavailable` when the room
 * cannot be read (the database is away), after which the next `state` (sent even
 * when nothing moved) means it is back. 404 for anyone who is not a
 * participant of THIS session, 410 once it has closed for a guest — exactly as
 * the poll (`/state`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const viewer = await liveViewer();
  const headers = { "Cache-Control": "no-store", Vary: "Cookie" };
  let first: LiveState;
  try {
    first = await getLiveState(viewer, code);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return Response.json({ error: "Not found" }, { status: 404, headers });
    if (isAppError(error, "SEALED")) return Response.json({ error: error.message, closed: true }, { status: 410, headers });
    throw error;
  }
  return new Response(roomStream(request.signal, viewer, code, first), {
    headers: {
      ...headers,
      // no-transform: the server's compression must not buffer the stream.
      "Cache-Control": "no-store, no-transform",
      "Content-Type": "text/event-stream; charset=utf-8",
      "X-Accel-Buffering": "no",
    },
  });
}

function roomStream(signal: AbortSignal, viewer: LiveViewer, code: string, first: LiveState): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let lastEtag = first.etag;
      let ended = false;
      let down = false;
      const write = (text: string) => {
        if (!ended) controller.enqueue(encoder.encode(text));
      };
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", end);
        try {
          controller.close();
        } catch {
          /* the client went away first */
        }
      };
      stop = end;
      const sendState = (state: LiveState) => {
        lastEtag = state.etag;
        write(`event: state\nid: ${state.etag.replaceAll('"', "")}\ndata: ${JSON.stringify(state)}\n\n`);
        if (state.phase === "closed") end();
      };
      const unsubscribe = watchRoom(code, viewer, (state) => {
        if (state === UNAVAILABLE) {
          down = true;
          write(`event: unavailable\ndata: {}\n\n`);
        } else if (!isAppError(state)) {
          if (down || state.etag !== lastEtag) sendState(state);
          down = false;
        } else if (isAppError(state, "SEALED") || isAppError(state, "NOT_FOUND")) {
          write(`event: closed\ndata: {}\n\n`);
          end();
        }
      });
      const heartbeat = setInterval(() => write(`: keep-alive\n\n`), HEARTBEAT_MS);
      const lifetime = setTimeout(end, STREAM_LIFETIME_MS);
      signal.addEventListener("abort", end);
      write(`retry: 1000\n\n`);
      sendState(first);
    },
    cancel() {
      stop();
    },
  });
}
