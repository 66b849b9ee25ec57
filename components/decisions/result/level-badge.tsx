import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Level, Rubric } from "@/lib/rubric";
import { outcomeLabel, rubricOrCurrent } from "./level-style";

export type LevelBadgeProps = {
  level: Level;
  /** sm for lists and tables, md (default) inline, lg for a page's headline. */
  size?: "sm" | "md" | "lg";
  /** The rubric whose outcome label to show; default the current rubric. */
  rubric?: Rubric;
  className?: string;
};

/** A level's outcome label in the level's colour (server component). */
export function LevelBadge({ level, size = "md", rubric, className }: LevelBadgeProps) {
  return (
    <Badge
      variant={level}
      dot
      size={size === "sm" ? "sm" : "md"}
      data-level={level}
      className={cn(size === "lg" && "px-3! py-1! text-base! font-semibold!", className)}
    >
      {outcomeLabel(rubricOrCurrent(rubric), level)}
    </Badge>
  );
}
