import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { controlClassName } from "./input";

export type TextareaProps = ComponentPropsWithRef<"textarea"> & {
  /** Marks the value as wrong: sets `aria-invalid` and the danger border. */
  invalid?: boolean;
};

/** Styled native `<textarea>` (server-compatible); grows with its content where supported. */
export function Textarea({ invalid, className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      {...props}
      rows={rows}
      aria-invalid={invalid || props["aria-invalid"] || undefined}
      className={cn(controlClassName, "min-h-24 py-2.5 leading-relaxed [field-sizing:content]", className)}
    />
  );
}
