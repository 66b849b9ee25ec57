import { checkDatabase } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/** For load balancers and test harnesses: 200 when the database answers, else 503. */
export async function GET() {
  const ok = await checkDatabase();
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
