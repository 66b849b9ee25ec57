import { z } from "zod";

/**
 * The contract between server actions and forms (`useActionState`): per-field
 * errors, one form-level error, and the values to show again (never passwords).
 */
export type FormState = {
  ok?: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};

export function fieldErrorsOf(error: z.ZodError): Record<string, string[] | undefined> {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}

/** String values of the named fields, to render again after an error. */
export function keepValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") values[name] = v.slice(0, 2000);
  }
  return values;
}

/** Only same-site relative paths may be redirected to after sign-in. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}

/**
 * Server actions are public endpoints: a client can call one with any
 * arguments, not only the FormData its form sends. Anything else reads as an
 * empty form, so the action answers with its usual field errors.
 */
export function formDataOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
