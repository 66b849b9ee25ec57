import { z } from "zod";

import { GUEST_COOKIE, joinLiveSession } from "@/lib/dal/live-sessions";

import { badForm, done, liveViewer, livePath, readForm, refusal } from "../http";

const joinForm = z.object({
  displayName: z.string().max(200).optional(),
  role: z.string().max(20).optional(),
});

/** Joins the room: members as themselves, guests by name (a cookie for this session only). */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const form = await readForm(request);
  if (!form) return badForm(request, code);
  const parsed = joinForm.safeParse({
    displayName: form.get("displayName") ?? undefined,
    role: form.get("role") ?? undefined,
  });
  if (!parsed.success) return badForm(request, code);
  try {
    const viewer = await liveViewer();
    const { guestToken } = await joinLiveSession(viewer, code, {
      displayName: parsed.data.displayName?.trim() ? parsed.data.displayName : undefined,
      role: parsed.data.role === "observer" ? "observer" : "participant",
    });
    const response = done(request, code);
    if (guestToken) {
      response.headers.append(
        "Set-Cookie",
        [
          `${GUEST_COOKIE}=${guestToken}`,
          `Path=${livePath(code.toUpperCase())}`,
          "HttpOnly",
          "SameSite=Lax",
          `Max-Age=${60 * 60 * 12}`,
          new URL(request.url).protocol === "https:" ? "Secure" : "",
        ]
          .filter(Boolean)
          .join("; "),
      );
    }
    return response;
  } catch (error) {
    return refusal(request, code, error);
  }
}
