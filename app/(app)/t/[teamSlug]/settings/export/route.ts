import { isAppError } from "@/lib/dal/errors";
import { verifySession } from "@/lib/dal/session";
import { exportTeam } from "@/lib/dal/team-transfer";

const NO_STORE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The whole team as a levelset.team/v1 JSON download. Owners only: other
 * members get 403 with the reason; anyone else (and unknown teams) 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const user = await verifySession();
  if (!user) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
  try {
    const file = await exportTeam({ userId: user.id }, teamSlug);
    const day = file.exportedAt.slice(0, 10);
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: {
        ...NO_STORE,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="levelset-team-${teamSlug}-${day}.json"`,
      },
    });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
    if (isAppError(error, "FORBIDDEN")) return Response.json({ error: error.message }, { status: 403, headers: NO_STORE });
    throw error;
  }
}
