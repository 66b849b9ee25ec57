"use client";

import { Button, type ButtonProps } from "@/components/ui/button";

export type PrintButtonProps = Omit<ButtonProps, "onClick" | "type" | "asChild"> & { label?: string };

/**
 * "Print / Save as PDF": opens the browser's print dialog (where "Save as PDF"
 * lives). Hidden in the printout itself. Needs JavaScript; without it the
 * browser's own Print menu gives the same document.
 */
export function PrintButton({ label = "Print / Save as PDF", variant = "secondary", size = "sm", ...props }: PrintButtonProps) {
  return (
    <Button {...props} type="button" variant={variant} size={size} data-print="hide" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
