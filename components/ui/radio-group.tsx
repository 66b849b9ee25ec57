"use client";

import { useId, type ReactNode } from "react";
import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { cn } from "./cn";
import {
  choiceCardClassName,
  choiceCardInvalidClassName,
  choiceDescriptionClassName,
  choiceLabelClassName,
} from "./choice-card";

export type RadioOption = {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
};

export type RadioGroupProps = Omit<
  RadioGroupPrimitive.RadioGroupProps,
  "children" | "orientation" | "asChild" | "aria-invalid"
> & {
  options: readonly RadioOption[];
  /** Vertical stacks the options; horizontal lays them out in equal columns from 640px up. */
  orientation?: "vertical" | "horizontal";
  invalid?: boolean;
  "aria-invalid"?: boolean | "true" | "false";
};

/**
 * One answer from a few, as large cards (label + optional description), built
 * on Radix RadioGroup: arrow keys move and select, Tab enters and leaves.
 * With `name` the value submits with a native form. Name the group with
 * `aria-labelledby` (FieldSet does it) or `aria-label`.
 */
export function RadioGroup({
  options,
  orientation = "vertical",
  invalid,
  id,
  className,
  ...props
}: RadioGroupProps) {
  const generated = useId();
  const baseId = id ?? `radio${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const isInvalid = invalid || props["aria-invalid"] === true || props["aria-invalid"] === "true";

  return (
    <RadioGroupPrimitive.Root
      {...props}
      id={id}
      orientation={orientation}
      aria-invalid={isInvalid || undefined}
      className={cn(
        "grid gap-3",
        orientation === "horizontal" && "sm:grid-cols-[repeat(auto-fit,minmax(11rem,1fr))]",
        className,
      )}
    >
      {options.map((option, index) => {
        const itemId = `${baseId}-${index}`;
        const labelId = `${itemId}-label`;
        const descriptionId = option.description ? `${itemId}-description` : undefined;
        return (
          <label
            key={option.value}
            htmlFor={itemId}
            className={cn(choiceCardClassName, isInvalid && choiceCardInvalidClassName)}
          >
            <RadioGroupPrimitive.Item
              id={itemId}
              value={option.value}
              disabled={option.disabled}
              aria-labelledby={labelId}
              aria-describedby={descriptionId}
              className={cn(
                "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border-2 border-slate-500 bg-white",
                "focus-visible:outline-none data-[state=checked]:border-accent-700",
              )}
            >
              <RadioGroupPrimitive.Indicator className="size-2.5 rounded-full bg-accent-700" />
            </RadioGroupPrimitive.Item>
            <span className="min-w-0">
              <span id={labelId} className={choiceLabelClassName}>
                {option.label}
              </span>
              {option.description ? (
                <span id={descriptionId} className={choiceDescriptionClassName}>
                  {option.description}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </RadioGroupPrimitive.Root>
  );
}
