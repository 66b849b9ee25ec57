import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type SpinnerProps = Omit<ComponentPropsWithRef<"span">, "children"> & {
  /** Announced to assistive tech (role="status"). Without it the spinner is decorative. */
  label?: string;
  size?: "sm" | "md" | "lg";
};

const sizes = { sm: "size-4", md: "size-5", lg: "size-8" } as const;

/** A quiet circular spinner; uses currentColor. */
export function Spinner({ label, size = "md", className, ...props }: SpinnerProps) {
  return (
    <span
      role={label ? "status" : undefined}
      aria-hidden={label ? undefined : true}
      className={cn("inline-flex shrink-0 items-center justify-center", className)}
      {...props}
    >
      <svg
        className={cn("animate-spin", sizes[size])}
        viewBox="0 0 24 24"
        fill="none"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
