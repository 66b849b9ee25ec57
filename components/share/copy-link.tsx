"use client";

import { useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { controlClassName } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

/**
 * A URL to copy: the text is always visible and selectable (works before
 * hydration); the Copy button uses the clipboard and says "Copied", and when
 * the clipboard is refused it selects the text so Ctrl/⌘+C finishes the job.
 */
export function CopyLink({ url, label = "Share link" }: { url: string; label?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus("manual");
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-medium text-slate-900">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-status`}
          className={cn(controlClassName, "h-11 min-w-0 flex-1 py-2 font-mono text-sm")}
          data-testid="share-url"
        />
        <Button type="button" variant="secondary" onClick={copy} className="sm:w-32" data-state={status}>
          {status === "copied" ? (
            <>
              <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4 text-success-700">
                <path
                  fillRule="evenodd"
                  d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
                  clipRule="evenodd"
                />
              </svg>
              Copied
            </>
          ) : (
            "Copy link"
          )}
        </Button>
      </div>
      <p id={`${id}-status`} aria-live="polite" className="text-sm text-slate-600">
        {status === "copied"
          ? "Copied to the clipboard."
          : status === "manual"
            ? "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it."
            : null}
      </p>
    </div>
  );
}
