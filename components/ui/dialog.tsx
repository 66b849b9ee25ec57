"use client";

import type { ComponentPropsWithRef } from "react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { cn } from "./cn";

/** Root: `open` / `defaultOpen` / `onOpenChange`. Focus trap, Escape and scroll lock come from Radix. */
export const Dialog = DialogPrimitive.Root;
/** Use `asChild` to make a Button the trigger: `<DialogTrigger asChild><Button>…</Button></DialogTrigger>`. */
export const DialogTrigger = DialogPrimitive.Trigger;
/** Closes the dialog; use `asChild` with a Button for a "Cancel" action. */
export const DialogClose = DialogPrimitive.Close;

export type DialogContentProps = ComponentPropsWithRef<typeof DialogPrimitive.Content> & {
  /** Accessible name of the ✕ button (default "Close"). */
  closeLabel?: string;
  hideCloseButton?: boolean;
  size?: "sm" | "md" | "lg";
};

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/**
 * The modal panel with its overlay, in a portal. Put a DialogTitle (required
 * by Radix for the accessible name) and usually a DialogDescription inside.
 */
export function DialogContent({
  className,
  children,
  closeLabel = "Close",
  hideCloseButton = false,
  size = "md",
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay
        className={cn(
          "fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-slate-950/50 p-4 sm:p-6",
          "data-[state=open]:animate-fade-in data-[state=closed]:animate-fade-out",
        )}
      >
        <DialogPrimitive.Content
          {...props}
          className={cn(
            "relative w-full rounded-card border border-slate-200 bg-white p-6 shadow-overlay",
            "data-[state=open]:animate-dialog-in data-[state=closed]:animate-dialog-out",
            widths[size],
            className,
          )}
        >
          {children}
          {hideCloseButton ? null : (
            <DialogPrimitive.Close
              aria-label={closeLabel}
              className="absolute top-3 right-3 inline-flex size-10 items-center justify-center rounded-control text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </DialogPrimitive.Close>
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Overlay>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div {...props} className={cn("mb-4 flex flex-col gap-1.5 pr-10", className)} />;
}

export function DialogTitle({ className, ...props }: ComponentPropsWithRef<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title {...props} className={cn("text-xl font-semibold text-slate-900", className)} />;
}

export function DialogDescription({
  className,
  ...props
}: ComponentPropsWithRef<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description {...props} className={cn("text-slate-600", className)} />;
}

export function DialogFooter({ className, ...props }: ComponentPropsWithRef<"div">) {
  return (
    <div
      {...props}
      className={cn("mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end", className)}
    />
  );
}
