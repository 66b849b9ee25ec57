"use client";

import type { ReactNode } from "react";
import { Select as SelectPrimitive } from "radix-ui";
import { cn } from "./cn";
import { controlClassName } from "./input";

export type SelectOption = { value: string; label: ReactNode; disabled?: boolean };

export type SelectProps = {
  options: readonly SelectOption[];
  /** Id of the trigger button: a `<label htmlFor>` (or Field) names it. */
  id?: string;
  /** With `name`, Radix renders a hidden native `<select>` so the value submits with the form. */
  name?: string;
  placeholder?: ReactNode;
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  required?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  form?: string;
  autoComplete?: string;
  className?: string;
  contentClassName?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-labelledby"?: string;
  "aria-label"?: string;
};

function ChevronDown() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5 text-slate-500">
      <path
        fillRule="evenodd"
        d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

function Check() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

/**
 * Single choice from a list, built on Radix Select. Keyboard, typeahead and
 * focus handling come from Radix; the value submits with a native form.
 */
export function Select({
  options,
  id,
  name,
  placeholder = "Choose…",
  value,
  defaultValue,
  onValueChange,
  required,
  disabled,
  invalid,
  form,
  autoComplete,
  className,
  contentClassName,
  ...aria
}: SelectProps) {
  return (
    <SelectPrimitive.Root
      name={name}
      value={value}
      defaultValue={defaultValue}
      onValueChange={onValueChange}
      required={required}
      disabled={disabled}
      form={form}
      autoComplete={autoComplete}
    >
      <SelectPrimitive.Trigger
        id={id}
        {...aria}
        aria-invalid={invalid || aria["aria-invalid"] || undefined}
        className={cn(
          controlClassName,
          "flex h-11 items-center justify-between gap-2 py-2 text-left",
          "data-placeholder:text-slate-500",
          className,
        )}
      >
        <span className="truncate">
          <SelectPrimitive.Value placeholder={placeholder} />
        </span>
        <SelectPrimitive.Icon className="shrink-0">
          <ChevronDown />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={6}
          className={cn(
            "z-50 max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width) overflow-hidden",
            "rounded-control border border-slate-200 bg-white shadow-overlay",
            "data-[state=open]:animate-popover-in",
            contentClassName,
          )}
        >
          <SelectPrimitive.Viewport className="p-1">
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                disabled={option.disabled}
                className={cn(
                  "relative flex min-h-10 items-center rounded-md py-2 pr-3 pl-9 text-base text-slate-900 outline-none select-none",
                  "data-highlighted:bg-accent-50 data-highlighted:text-accent-900",
                  "data-[state=checked]:font-medium",
                  "data-disabled:text-slate-400",
                )}
              >
                <SelectPrimitive.ItemIndicator className="absolute left-3 inline-flex items-center text-accent-700">
                  <Check />
                </SelectPrimitive.ItemIndicator>
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
