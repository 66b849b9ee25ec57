import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

/** A placeholder block while content loads; decorative (announce loading elsewhere, e.g. aria-busy). */
export function Skeleton({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div aria-hidden="true" {...props} className={cn("animate-pulse rounded-control bg-slate-200", className)} />;
}
