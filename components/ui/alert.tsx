import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "./cn";

export type AlertVariant = "info" | "success" | "warning" | "danger";

const styles: Record<AlertVariant, { box: string; icon: string }> = {
  info: { box: "border-info-200 bg-info-50 text-info-800", icon: "text-info-700" },
  success: { box: "border-success-200 bg-success-50 text-success-800", icon: "text-success-700" },
  warning: { box: "border-warning-200 bg-warning-50 text-warning-800", icon: "text-warning-700" },
  danger: { box: "border-danger-200 bg-danger-50 text-danger-800", icon: "text-danger-700" },
};

const icons: Record<AlertVariant, string> = {
  info: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.25a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z",
  success:
    "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.81a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.6-1.6a.75.75 0 1 0-1.06 1.06l2.22 2.22a.75.75 0 0 0 1.14-.09l3.76-5.21Z",
  warning:
    "M8.49 2.9c.66-1.15 2.36-1.15 3.02 0l6.28 10.95c.66 1.15-.18 2.6-1.51 2.6H3.72c-1.33 0-2.17-1.45-1.51-2.6L8.49 2.9ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  danger:
    "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
};

export type AlertProps = Omit<ComponentPropsWithRef<"div">, "title"> & {
  variant?: AlertVariant;
  title?: ReactNode;
};

/**
 * A callout. Only `danger` gets role="alert" (announced at once); the others
 * are static content. For a form-level error from a server action, render it
 * conditionally: `{state.formError ? <Alert variant="danger">…</Alert> : null}`.
 */
export function Alert({ variant = "info", title, className, children, ...props }: AlertProps) {
  const s = styles[variant];
  return (
    <div
      role={variant === "danger" ? "alert" : undefined}
      {...props}
      className={cn("flex gap-3 rounded-card border px-4 py-3", s.box, className)}
    >
      <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={cn("mt-0.5 size-5 shrink-0", s.icon)}>
        <path fillRule="evenodd" clipRule="evenodd" d={icons[variant]} />
      </svg>
      <div className="min-w-0 flex-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={cn("text-sm leading-normal", title ? "mt-1" : "mt-0.5")}>{children}</div> : null}
      </div>
    </div>
  );
}
