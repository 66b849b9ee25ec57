import { submitLiveAnswers } from "@/lib/dal/live-sessions";

import { badForm, done, liveViewer, readForm, refusal } from "../http";

/** A participant's private answers to the current step (the workshop's own form fields). */
export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const form = await readForm(request);
  const step = form?.get("step");
  if (!form || typeof step !== "string" || step.length > 100) return badForm(request, code);
  try {
    await submitLiveAnswers(await liveViewer(), code, { step, answers: form });
    return done(request, code);
  } catch (error) {
    return refusal(request, code, error);
  }
}
