import Papa from "papaparse";

import { exportDecisionLog, parseLogFilters } from "@/lib/dal/decision-log";
import { isAppError } from "@/lib/dal/errors";
import { verifySession } from "@/lib/dal/session";

const MAX_ROWS = 10_000;

/** The filtered decision log as CSV (same filters as the team page's URL). Non-members get 404. */
export async function GET(request: Request, { params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const user = await verifySession();
  if (!user) return new Response("Not found", { status: 404 });
  const filters = parseLogFilters(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const items = await exportDecisionLog({ userId: user.id }, teamSlug, { ...filters, cursor: undefined }, MAX_ROWS);
    const csv = Papa.unparse({
      fields: ["title", "use_case", "status", "recommended_level", "final_level", "owner", "updated_at", "review_by", "notes", "url"],
      data: items.map((d) => [
        d.title,
        d.context,
        d.status,
        d.recommendedLevel ?? "",
        d.finalLevel ?? "",
        d.ownerName ?? "",
        d.updatedAt.toISOString(),
        d.reviewBy?.toISOString().slice(0, 10) ?? "",
        Object.entries(d.notes)
          .map(([key, text]) => `${key.replace(/^notes\./, "")}: ${text}`)
          .join("\n"),
        new URL(`/t/${teamSlug}/decisions/${d.id}`, request.url).toString(),
      ]),
    });
    return new Response(`\uFEFF${csv}\r\n`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${teamSlug}-decisions.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return new Response("Not found", { status: 404 });
    throw error;
  }
}
