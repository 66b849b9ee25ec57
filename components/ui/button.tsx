import type { ComponentPropsWithRef } from "react";
import { Slot } from "radix-ui";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child (e.g. a Next `<Link>`) with the button's styles and props. */
  asChild?: boolean;
  /**
   * Work in progress (e.g. `useFormStatus().pending`): shows a spinner over the
   * label (the width does not change), sets `aria-busy` and `aria-disabled`.
   * The button keeps focus (it is not natively disabled). Ignored with `asChild`.
   */
  pending?: boolean;
};

const base =
  "relative inline-flex shrink-0 items-center justify-center gap-2 rounded-control font-medium whitespace-nowrap select-none " +
  "transition-colors duration-150 " +
  "disabled:cursor-not-allowed disabled:opacity-55 aria-disabled:cursor-not-allowed aria-disabled:not-data-pending:opacity-55 data-pending:cursor-wait " +
  "[&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-accent-700 text-white shadow-card hover:bg-accent-800 active:bg-accent-900 " +
    "aria-disabled:hover:bg-accent-700 disabled:hover:bg-accent-700",
  secondary:
    "border border-slate-300 bg-white text-slate-900 shadow-card hover:bg-slate-50 hover:border-slate-400 active:bg-slate-100 " +
    "aria-disabled:hover:bg-white disabled:hover:bg-white",
  ghost:
    "text-slate-700 hover:bg-slate-100 hover:text-slate-900 active:bg-slate-200 " +
    "aria-disabled:hover:bg-transparent disabled:hover:bg-transparent",
  danger:
    "bg-danger-700 text-white shadow-card hover:bg-danger-800 active:bg-danger-800 " +
    "aria-disabled:hover:bg-danger-700 disabled:hover:bg-danger-700",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-9 px-3 text-sm",
  md: "h-11 px-4 text-base",
  lg: "h-13 px-6 text-lg",
};

/** Class names of a button, for the rare element that cannot be wrapped (prefer `asChild`). */
export function buttonClassName({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}

/** Server-compatible button. `type` defaults to "button" (pass type="submit" in forms). */
export function Button({
  variant = "primary",
  size = "md",
  asChild = false,
  pending = false,
  className,
  children,
  type,
  ...props
}: ButtonProps) {
  const classes = buttonClassName({ variant, size, className });

  if (asChild) {
    return (
      <Slot.Root {...props} className={classes}>
        {children}
      </Slot.Root>
    );
  }

  return (
    <button
      {...props}
      type={type ?? "button"}
      className={cn(classes, pending && "pointer-events-none")}
      aria-busy={pending || undefined}
      aria-disabled={pending || props["aria-disabled"] || undefined}
      data-pending={pending || undefined}
    >
      <span className={cn("inline-flex items-center gap-2", pending && "opacity-0")}>{children}</span>
      {pending ? (
        <span className="absolute inset-0 flex items-center justify-center">
          <Spinner size={size === "lg" ? "md" : "sm"} />
        </span>
      ) : null}
    </button>
  );
}
