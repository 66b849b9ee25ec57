"use client";

import { useId, useState, type ReactNode } from "react";
import { Checkbox as CheckboxPrimitive } from "radix-ui";
import { cn } from "./cn";
import {
  choiceCardClassName,
  choiceCardInvalidClassName,
  choiceDescriptionClassName,
  choiceLabelClassName,
} from "./choice-card";

function CheckIcon() {
  return (
    <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-3.5">
      <path d="M3.5 8.5l3 3 6-7" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function MinusIcon() {
  return (
    <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-3.5">
      <path d="M4 8h8" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" />
    </svg>
  );
}

const boxClassName =
  "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-[0.3rem] border-2 border-slate-500 bg-white text-white " +
  "data-[state=checked]:border-accent-700 data-[state=checked]:bg-accent-700 " +
  "data-[state=indeterminate]:border-accent-700 data-[state=indeterminate]:bg-accent-700 " +
  "disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-danger-700";

export type CheckboxProps = Omit<CheckboxPrimitive.CheckboxProps, "children" | "asChild"> & {
  /** Visible label; the whole row (or card) becomes the hit target. */
  label?: ReactNode;
  description?: ReactNode;
  /** "card" draws the large bordered option used for workshop questions. */
  appearance?: "plain" | "card";
  invalid?: boolean;
};

/**
 * A Radix Checkbox. With `name` (and optional `value`, default "on") it
 * submits with a native form; several with one name give `formData.getAll(name)`.
 */
export function Checkbox({
  label,
  description,
  appearance = "plain",
  invalid,
  id,
  className,
  ...props
}: CheckboxProps) {
  const generated = useId();
  const checkboxId = id ?? `checkbox${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const labelId = `${checkboxId}-label`;
  const descriptionId = description ? `${checkboxId}-description` : undefined;
  const isInvalid = invalid || props["aria-invalid"] === true || props["aria-invalid"] === "true";

  const box = (
    <CheckboxPrimitive.Root
      {...props}
      id={checkboxId}
      aria-labelledby={label ? labelId : props["aria-labelledby"]}
      aria-describedby={cn(descriptionId, props["aria-describedby"]) || undefined}
      aria-invalid={isInvalid || undefined}
      className={cn(boxClassName, appearance === "card" && "focus-visible:outline-none", !label && className)}
    >
      <CheckboxPrimitive.Indicator className="group flex items-center justify-center">
        {props.checked === "indeterminate" ? <MinusIcon /> : <CheckIcon />}
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );

  if (!label) return box;

  return (
    <label
      htmlFor={checkboxId}
      className={cn(
        appearance === "card"
          ? cn(choiceCardClassName, isInvalid && choiceCardInvalidClassName)
          : "flex items-start gap-3 py-1",
        className,
      )}
    >
      {box}
      <span className="min-w-0">
        <span id={labelId} className={appearance === "card" ? choiceLabelClassName : "block text-slate-900"}>
          {label}
        </span>
        {description ? (
          <span id={descriptionId} className={choiceDescriptionClassName}>
            {description}
          </span>
        ) : null}
      </span>
    </label>
  );
}

export type CheckboxOption = { value: string; label: ReactNode; description?: ReactNode; disabled?: boolean };

export type CheckboxGroupProps = {
  options: readonly CheckboxOption[];
  /** Every checked option submits `name=value`; read them with `formData.getAll(name)`. */
  name?: string;
  value?: readonly string[];
  defaultValue?: readonly string[];
  onValueChange?: (value: string[]) => void;
  orientation?: "vertical" | "horizontal";
  disabled?: boolean;
  invalid?: boolean;
  id?: string;
  className?: string;
  /** Accepted for FieldSet compatibility; a group of checkboxes has no native "required". */
  required?: boolean;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-label"?: string;
};

/** Several answers from a list (multi-select questions), as large cards in a `role="group"`. */
export function CheckboxGroup({
  options,
  name,
  value,
  defaultValue = [],
  onValueChange,
  orientation = "vertical",
  disabled,
  invalid,
  id,
  className,
  required: _required,
  ...aria
}: CheckboxGroupProps) {
  const generated = useId();
  const baseId = id ?? `checks${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [uncontrolled, setUncontrolled] = useState<readonly string[]>(defaultValue);
  const selected = value ?? uncontrolled;
  const isInvalid = invalid || aria["aria-invalid"] === true || aria["aria-invalid"] === "true";

  function toggle(optionValue: string, checked: boolean) {
    const next = checked
      ? options.map((o) => o.value).filter((v) => v === optionValue || selected.includes(v))
      : selected.filter((v) => v !== optionValue);
    if (value === undefined) setUncontrolled(next);
    onValueChange?.(next);
  }

  return (
    <div
      role="group"
      id={id}
      {...aria}
      aria-invalid={undefined}
      className={cn(
        "grid gap-3",
        orientation === "horizontal" && "sm:grid-cols-[repeat(auto-fit,minmax(11rem,1fr))]",
        className,
      )}
    >
      {options.map((option, index) => (
        <Checkbox
          key={option.value}
          id={`${baseId}-${index}`}
          appearance="card"
          name={name}
          value={option.value}
          label={option.label}
          description={option.description}
          disabled={disabled || option.disabled}
          invalid={isInvalid}
          checked={selected.includes(option.value)}
          onCheckedChange={(checked) => toggle(option.value, checked === true)}
        />
      ))}
    </div>
  );
}
