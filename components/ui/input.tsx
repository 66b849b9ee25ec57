import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

/** Shared look of text-like controls (input, textarea, select trigger). */
export const controlClassName =
  "block w-full rounded-control border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-card " +
  "placeholder:text-slate-500 transition-colors duration-150 hover:border-slate-400 " +
  "focus:border-accent-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 " +
  "aria-invalid:border-danger-700 aria-invalid:bg-danger-50/40";

export type InputProps = ComponentPropsWithRef<"input"> & {
  /** Marks the value as wrong: sets `aria-invalid` and the danger border. */
  invalid?: boolean;
};

/** Styled native `<input>` (server-compatible). */
export function Input({ invalid, className, ...props }: InputProps) {
  return (
    <input
      {...props}
      aria-invalid={invalid || props["aria-invalid"] || undefined}
      className={cn(controlClassName, "h-11 py-2", "file:mr-3 file:border-0 file:bg-transparent file:font-medium", className)}
    />
  );
}
