import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type BadgeVariant =
  | "neutral"
  | "pause"
  | "prompt"
  | "adapter"
  | "finetune"
  | "info"
  | "success"
  | "warning"
  | "danger";

const variants: Record<BadgeVariant, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-300", dot: "bg-slate-500" },
  pause: { badge: "bg-pause-50 text-pause-800 ring-pause-200", dot: "bg-pause-600" },
  prompt: { badge: "bg-prompt-50 text-prompt-800 ring-prompt-200", dot: "bg-prompt-600" },
  adapter: { badge: "bg-adapter-50 text-adapter-800 ring-adapter-200", dot: "bg-adapter-600" },
  finetune: { badge: "bg-finetune-50 text-finetune-800 ring-finetune-200", dot: "bg-finetune-600" },
  info: { badge: "bg-info-50 text-info-800 ring-info-200", dot: "bg-info-600" },
  success: { badge: "bg-success-50 text-success-800 ring-success-200", dot: "bg-success-600" },
  warning: { badge: "bg-warning-50 text-warning-800 ring-warning-200", dot: "bg-warning-600" },
  danger: { badge: "bg-danger-50 text-danger-800 ring-danger-200", dot: "bg-danger-600" },
};

export type BadgeProps = ComponentPropsWithRef<"span"> & {
  /** neutral, one of the four outcomes (rubric level ids), or a status. */
  variant?: BadgeVariant;
  /** A leading colour dot (decorative; the text must carry the meaning). */
  dot?: boolean;
  size?: "sm" | "md";
};

/** A small label: a level, a status, a count (server-compatible). */
export function Badge({ variant = "neutral", dot = false, size = "md", className, children, ...props }: BadgeProps) {
  const v = variants[variant];
  return (
    <span
      {...props}
      data-print="color"
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full font-medium whitespace-nowrap ring-1 ring-inset",
        size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-0.5 text-sm",
        v.badge,
        className,
      )}
    >
      {dot ? <span aria-hidden="true" className={cn("size-2 rounded-full", v.dot)} /> : null}
      {children}
    </span>
  );
}
