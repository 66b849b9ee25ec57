import { Badge } from "@/components/ui/badge";

export const STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  in_review: "In review",
  decided: "Decided",
  superseded: "Superseded",
  archived: "Archived",
};

export function StatusBadge({ status }: { status: string }) {
  const variant = status === "decided" ? "success" : status === "in_review" ? "info" : "neutral";
  return (
    <Badge variant={variant} size="sm">
      {STATUS_LABELS[status] ?? status}
    </Badge>
  );
}
