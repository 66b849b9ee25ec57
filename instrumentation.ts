import type { Instrumentation } from "next";

/** Runs once when a server instance starts: a bad environment stops it with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv } = await import("@/lib/env");
    getEnv();
  }
}

/**
 * Every unexpected server error as one JSON line with the request id and the
 * digest the user sees on the error page, so a support reference finds the log.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { log } = await import("@/lib/log");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  const err = error as Error & { digest?: string };
  log.error("request.error", {
    requestId: headers["x-request-id"],
    digest: err.digest,
    method: request.method,
    path: request.path,
    route: context.routePath,
    kind: context.routerKind,
    error: err.name,
    message: err.message,
    stack: err.stack?.split("\n").slice(0, 6).join("\n"),
  });
};
