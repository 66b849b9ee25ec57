import { ImageResponse } from "next/og";

import { getSharedDecision } from "@/lib/dal/share-links";
import { type Level, requireRubric } from "@/lib/rubric";

/** The link preview of a shared decision (default font: no network at build or run time). */
export const alt = "A decision shared from LevelSet";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const dynamic = "force-dynamic";

const LEVEL_COLOUR: Record<Level, { edge: string; tint: string; text: string }> = {
  pause: { edge: "#d97706", tint: "#fffbeb", text: "#b45309" },
  prompt: { edge: "#0284c7", tint: "#f0f9ff", text: "#0369a1" },
  adapter: { edge: "#7c3aed", tint: "#f5f3ff", text: "#6d28d9" },
  finetune: { edge: "#059669", tint: "#ecfdf5", text: "#047857" },
};

export default async function Image({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A crawler fetching the preview is not a reader: no view is counted.
  const decision = await getSharedDecision(token, { countView: false });
  if (!decision) return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const rubric = requireRubric(decision.rubricVersion);
  const decided = decision.recorded && decision.finalLevel;
  const level: Level = decided ? decision.finalLevel! : decision.result.level;
  const label = rubric.outcomes.find((o) => o.id === level)?.label ?? level;
  const colour = LEVEL_COLOUR[level];
  const title = decision.title.length > 90 ? `${decision.title.slice(0, 87)}…` : decision.title;

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", background: "#ffffff", color: "#0f172a" }}>
        <div style={{ width: 24, height: "100%", background: colour.edge }} />
        <div style={{ flex: 1, display: "flex", flexDirection: "column", justifyContent: "space-between", padding: "64px 72px" }}>
          <div style={{ display: "flex", fontSize: 32, color: "#475569" }}>
            <span style={{ color: "#4338ca" }}>LevelSet</span>
            <span style={{ marginLeft: 14 }}>· shared decision</span>
          </div>
          <div style={{ display: "flex", fontSize: 64, fontWeight: 700, lineHeight: 1.15, letterSpacing: -1 }}>{title}</div>
          <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
            <div
              style={{
                display: "flex",
                fontSize: 36,
                fontWeight: 700,
                color: colour.text,
                background: colour.tint,
                border: `3px solid ${colour.edge}`,
                borderRadius: 16,
                padding: "14px 28px",
              }}
            >
              {`${decided ? "Decided" : "Recommended"}: ${label}`}
            </div>
            <div style={{ display: "flex", fontSize: 28, color: "#475569" }}>{decision.teamName}</div>
          </div>
        </div>
      </div>
    ),
    { ...size, headers: { "Cache-Control": "private, no-store" } },
  );
}
