import { isAppError } from "@/lib/dal/errors";
import { verifySession } from "@/lib/dal/session";
import { saveStepFromForm } from "@/lib/workshop/save-step";

/**
 * The page-hide save: when a tab closes or the phone locks, the step form sends
 * what is unsaved here with `fetch(…, { keepalive: true })`. Same rules as the
 * step's server action (it calls the same code): zod, DAL authorization,
 * optimistic concurrency, nothing written on refusal.
 */
export async function POST(request: Request, { params }: { params: Promise<{ teamSlug: string; decisionId: string; stepId: string }> }) {
  const { teamSlug, decisionId, stepId } = await params;
  const user = await verifySession();
  if (!user) return Response.json({ error: "Not found" }, { status: 404 });
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) {
    return Response.json({ error: "Send the step as form data" }, { status: 415 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "The form data could not be read" }, { status: 400 });
  }
  try {
    const state = await saveStepFromForm({ userId: user.id }, teamSlug, decisionId, stepId, form, 0);
    const status = { saved: 200, invalid: 400, conflict: 409, sealed: 409, error: 400, idle: 200 }[state.status];
    return Response.json(
      { status: state.status, version: state.version, fieldErrors: state.fieldErrors, formError: state.formError },
      { status, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return Response.json({ error: "Not found" }, { status: 404 });
    throw error;
  }
}
