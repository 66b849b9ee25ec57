import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type CardProps = ComponentPropsWithRef<"div"> & {
  /** "raised" adds a soft shadow; "flat" is a hairline only; "tinted" a quiet grey surface. */
  appearance?: "raised" | "flat" | "tinted";
};

/** A surface grouping related content (server-compatible). */
export function Card({ appearance = "raised", className, ...props }: CardProps) {
  return (
    <div
      {...props}
      className={cn(
        "rounded-card border",
        appearance === "raised" && "border-slate-200 bg-white shadow-card",
        appearance === "flat" && "border-slate-200 bg-white",
        appearance === "tinted" && "border-slate-200 bg-slate-50",
        className,
      )}
    />
  );
}

export function CardHeader({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div {...props} className={cn("flex flex-col gap-1.5 px-6 pt-6", className)} />;
}

export type CardTitleProps = ComponentPropsWithRef<"h3"> & {
  /** Heading level, to keep the page's heading order right. Default h3. */
  as?: "h2" | "h3" | "h4";
};

export function CardTitle({ as: Heading = "h3", className, ...props }: CardTitleProps) {
  return <Heading {...props} className={cn("text-lg font-semibold text-slate-900", className)} />;
}

export function CardDescription({ className, ...props }: ComponentPropsWithRef<"p">) {
  return <p {...props} className={cn("text-sm leading-normal text-slate-600", className)} />;
}

export function CardContent({ className, ...props }: ComponentPropsWithRef<"div">) {
  return <div {...props} className={cn("px-6 py-5", className)} />;
}

export function CardFooter({ className, ...props }: ComponentPropsWithRef<"div">) {
  return (
    <div
      {...props}
      className={cn("flex flex-wrap items-center gap-3 border-t border-slate-200 px-6 py-4", className)}
    />
  );
}
