import { useId, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * Props a Field hands to its control. Spread them onto Input, Textarea,
 * Select, RadioGroup, CheckboxGroup or any native control.
 */
export type FieldControlProps = {
  id: string;
  name?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  /** Set by FieldSet only: points at the legend (groups are not labelable by `<label for>`). */
  "aria-labelledby"?: string;
};

type FieldBaseProps = {
  label: ReactNode;
  /** Form field name, passed to the control. */
  name?: string;
  /** Help text under the label, linked by aria-describedby. */
  hint?: ReactNode;
  /**
   * The server's message(s) for this field, e.g. `state.fieldErrors?.email`
   * (zod's flattenError gives string[]). Announced politely when it appears.
   */
  error?: string | readonly string[] | null;
  /** Passed to the control as `required`. */
  required?: boolean;
  /** Shows a quiet "Optional" tag next to the label. */
  optional?: boolean;
  /** Control id; generated when omitted. */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

export type FieldProps = FieldBaseProps;
export type FieldSetProps = FieldBaseProps;

function messages(error: FieldBaseProps["error"]): string[] {
  if (!error) return [];
  return (typeof error === "string" ? [error] : [...error]).filter((m) => m.length > 0);
}

function useFieldIds(id: string | undefined) {
  const generated = useId();
  const controlId = id ?? `field${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return {
    controlId,
    labelId: `${controlId}-label`,
    hintId: `${controlId}-hint`,
    errorId: `${controlId}-error`,
  };
}

function describedBy(hintId: string | null, errorId: string | null): string | undefined {
  const ids = [hintId, errorId].filter(Boolean).join(" ");
  return ids || undefined;
}

function OptionalTag() {
  return <span className="ml-2 text-sm font-normal text-slate-600">Optional</span>;
}

function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm leading-normal text-slate-600">
      {children}
    </p>
  );
}

/** Always rendered, so screen readers announce an error that appears after a submit. */
function FieldError({ id, errors }: { id: string; errors: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors.map((message) => (
        <p key={message} className="flex items-start gap-1.5 text-sm font-medium leading-normal text-danger-700">
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          <span>{message}</span>
        </p>
      ))}
    </div>
  );
}

/**
 * Label + control + optional hint + error, wired for assistive tech.
 *
 *   <Field label="Email" name="email" hint="We never share it." error={state.fieldErrors?.email}>
 *     {(control) => <Input type="email" autoComplete="email" {...control} />}
 *   </Field>
 *
 * Use FieldSet for radio groups and checkbox groups.
 */
export function Field({ label, name, hint, error, required, optional, id, className, children }: FieldProps) {
  const ids = useFieldIds(id);
  const errors = messages(error);
  const invalid = errors.length > 0;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label id={ids.labelId} htmlFor={ids.controlId} className="font-medium text-slate-900">
        {label}
        {optional ? <OptionalTag /> : null}
      </label>
      {hint ? <FieldHint id={ids.hintId}>{hint}</FieldHint> : null}
      {children({
        id: ids.controlId,
        name,
        required,
        "aria-describedby": describedBy(hint ? ids.hintId : null, invalid ? ids.errorId : null),
        "aria-invalid": invalid || undefined,
      })}
      <FieldError id={ids.errorId} errors={errors} />
    </div>
  );
}

/**
 * A question answered by a group of controls (RadioGroup, CheckboxGroup):
 * a `<fieldset>` named by its `<legend>`, with the same hint and error wiring.
 *
 *   <FieldSet label="Can data leave your VPC?" name="data_residency" error={errors?.data_residency}>
 *     {(control) => <RadioGroup options={options} {...control} />}
 *   </FieldSet>
 */
export function FieldSet({ label, name, hint, error, required, optional, id, className, children }: FieldSetProps) {
  const ids = useFieldIds(id);
  const errors = messages(error);
  const invalid = errors.length > 0;
  const description = describedBy(hint ? ids.hintId : null, invalid ? ids.errorId : null);

  return (
    <fieldset className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <legend id={ids.labelId} className="mb-1.5 font-medium text-slate-900">
        {label}
        {optional ? <OptionalTag /> : null}
      </legend>
      {hint ? (
        <div className="-mt-1.5 mb-1">
          <FieldHint id={ids.hintId}>{hint}</FieldHint>
        </div>
      ) : null}
      {children({
        id: ids.controlId,
        name,
        required,
        "aria-labelledby": ids.labelId,
        "aria-describedby": description,
        "aria-invalid": invalid || undefined,
      })}
      <FieldError id={ids.errorId} errors={errors} />
    </fieldset>
  );
}
