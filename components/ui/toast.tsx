"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { Toast as ToastPrimitive } from "radix-ui";
import { cn } from "./cn";

export type ToastVariant = "default" | "success" | "warning" | "danger";

export type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
  /** Milliseconds before it hides; default 5000 (danger: 8000). Hover or focus pauses it. */
  duration?: number;
};

type ToastEntry = Required<Pick<ToastOptions, "variant">> &
  ToastOptions & { id: string; open: boolean };

/* A tiny client-side store: module state + listeners, read with useSyncExternalStore. */
let entries: readonly ToastEntry[] = [];
const EMPTY: readonly ToastEntry[] = [];
const listeners = new Set<() => void>();
let counter = 0;

function emit(next: readonly ToastEntry[]) {
  entries = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Show a toast from client code: `toast({ title: "Link copied", variant: "success" })`.
 * Returns its id, for `toast.dismiss(id)`. Needs one `<Toaster />` mounted.
 */
export function toast(options: ToastOptions): string {
  counter += 1;
  const id = `toast-${counter}`;
  const entry: ToastEntry = { ...options, variant: options.variant ?? "default", id, open: true };
  emit([...entries, entry].slice(-5));
  return id;
}

/** Hide one toast (or all of them), letting the exit animation run. */
toast.dismiss = (id?: string) => {
  emit(entries.map((entry) => (id === undefined || entry.id === id ? { ...entry, open: false } : entry)));
  setTimeout(() => emit(entries.filter((entry) => entry.open)), 300);
};

const variantStyles: Record<ToastVariant, { box: string; bar: string }> = {
  default: { box: "border-slate-200", bar: "bg-accent-600" },
  success: { box: "border-success-200", bar: "bg-success-600" },
  warning: { box: "border-warning-200", bar: "bg-warning-600" },
  danger: { box: "border-danger-200", bar: "bg-danger-600" },
};

/**
 * Mount once, in a layout. Radix Toast provides the live region (polite for
 * most toasts, assertive for `danger`), swipe and the F8 hotkey to reach them.
 */
export function Toaster({ label = "Notifications" }: { label?: string }) {
  const items = useSyncExternalStore(subscribe, () => entries, () => EMPTY);

  return (
    <ToastPrimitive.Provider swipeDirection="right" label={label}>
      {items.map((item) => {
        const style = variantStyles[item.variant];
        return (
          <ToastPrimitive.Root
            key={item.id}
            open={item.open}
            onOpenChange={(open) => {
              if (!open) toast.dismiss(item.id);
            }}
            type={item.variant === "danger" ? "foreground" : "background"}
            duration={item.duration ?? (item.variant === "danger" ? 8000 : 5000)}
            className={cn(
              "relative flex w-full items-start gap-3 overflow-hidden rounded-card border bg-white py-3.5 pr-12 pl-5 shadow-overlay",
              "data-[state=open]:animate-toast-in data-[state=closed]:animate-toast-out",
              "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform",
              "data-[swipe=end]:animate-toast-out",
              style.box,
            )}
          >
            <span aria-hidden="true" className={cn("absolute inset-y-0 left-0 w-1.5", style.bar)} />
            <div className="min-w-0 flex-1">
              <ToastPrimitive.Title className="font-semibold text-slate-900">{item.title}</ToastPrimitive.Title>
              {item.description ? (
                <ToastPrimitive.Description className="mt-0.5 text-sm leading-normal text-slate-600">
                  {item.description}
                </ToastPrimitive.Description>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label="Dismiss notification"
              className="absolute top-2 right-2 inline-flex size-9 items-center justify-center rounded-control text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport
        data-print="hide"
        className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-3 p-4 outline-none sm:p-6"
      />
    </ToastPrimitive.Provider>
  );
}
