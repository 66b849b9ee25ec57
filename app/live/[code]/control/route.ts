import { z } from "zod";

import { controlLiveSession } from "@/lib/dal/live-sessions";

import { badForm, done, liveViewer, readForm, refusal } from "../http";

const base = { revision: z.coerce.number().int().min(1), step: z.string().min(1).max(100) };
const controlForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), ...base }),
  z.object({ intent: z.literal("reveal"), ...base }),
  z.object({ intent: z.literal("close"), ...base }),
  z.object({ intent: z.literal("agree"), ...base, note: z.string().default(""), then: z.enum(["next", "close"]).default("next") }),
  z.object({ intent: z.literal("handover"), ...base, participantId: z.string().min(1).max(100) }),
]);

/** The facilitator's moves; each names the revision and step it was made against (idempotent). */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const form = await readForm(request);
  if (!form) return badForm(request, code);
  const parsed = controlForm.safeParse(Object.fromEntries([...form.entries()].filter(([k]) => !k.includes(":"))));
  if (!parsed.success) return badForm(request, code);
  const input = parsed.data;
  try {
    const result = await controlLiveSession(
      await liveViewer(),
      code,
      input.intent === "agree" ? { ...input, answers: form } : input,
    );
    return done(request, code, result, result.resultPath ?? undefined);
  } catch (error) {
    return refusal(request, code, error);
  }
}
