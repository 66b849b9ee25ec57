import "server-only";

import { cookies } from "next/headers";

import { isAppError } from "@/lib/dal/errors";
import { GUEST_COOKIE, type LiveViewer } from "@/lib/dal/live-sessions";
import { verifySession } from "@/lib/dal/session";

/** Who is asking: the signed-in user and/or this session's guest cookie (scoped to /live/<code>). */
export async function liveViewer(): Promise<LiveViewer> {
  const user = await verifySession();
  const token = (await cookies()).get(GUEST_COOKIE)?.value ?? null;
  return { userId: user?.id ?? null, guestToken: token };
}

// Encoded: a made-up code may hold anything, and a Location header only ASCII.
export const livePath = (code: string) => `/live/${encodeURIComponent(code)}`;

/** Scripts ask for JSON; a plain form post (before hydration) is sent back to the room. */
export function wantsJson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("application/json");
}

const STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, VALIDATION: 400, RATE_LIMITED: 429, SEALED: 409 } as const;

/** A refusal as a value people can act on: JSON with the message and field errors, or back to the room with the message. */
export function refusal(request: Request, code: string, error: unknown): Response {
  if (!isAppError(error)) throw error;
  const status = STATUS[error.code];
  if (wantsJson(request)) {
    return Response.json(
      { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors ?? {} },
      { status, headers: { "Cache-Control": "no-store" } },
    );
  }
  if (error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
  return new Response(null, { status: 303, headers: { Location: `${livePath(code)}?error=${encodeURIComponent(error.message)}` } });
}

export function done(request: Request, code: string, body: Record<string, unknown> = {}, location?: string): Response {
  if (wantsJson(request)) return Response.json({ ok: true, ...body }, { headers: { "Cache-Control": "no-store" } });
  return new Response(null, { status: 303, headers: { Location: location ?? livePath(code) } });
}

/** Only form posts are accepted (they are what the page's forms send). */
export async function readForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

export function badForm(request: Request, code: string): Response {
  if (wantsJson(request)) return Response.json({ ok: false, code: "VALIDATION", error: "Send the form as form data" }, { status: 400 });
  return new Response(null, { status: 303, headers: { Location: `${livePath(code)}?error=${encodeURIComponent("The form could not be read")}` } });
}
