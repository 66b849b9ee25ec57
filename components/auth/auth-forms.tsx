"use client";

import Link from "next/link";
import { useActionState } from "react";

import { signInAction, signUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialFormState } from "@/lib/forms";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      {state.formError ? (
        <Alert variant="danger" title="Couldn’t sign you in">
          {state.formError}
        </Alert>
      ) : null}
      <Field label="Email" name="email" error={state.fieldErrors?.email} required>
        {(control) => (
          <Input type="email" autoComplete="email" defaultValue={state.values?.email ?? ""} autoFocus {...control} />
        )}
      </Field>
      <Field label="Password" name="password" error={state.fieldErrors?.password} required>
        {(control) => <Input type="password" autoComplete="current-password" {...control} />}
      </Field>
      <Button type="submit" size="lg" pending={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to LevelSet?{" "}
        <Link
          href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}
          className="font-medium text-accent-700 underline underline-offset-4 hover:text-accent-900"
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(signUpAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      {state.formError ? (
        <Alert variant="danger" title="Couldn’t create your account">
          {state.formError}
        </Alert>
      ) : null}
      <Field label="Your name" name="name" error={state.fieldErrors?.name} required>
        {(control) => <Input autoComplete="name" defaultValue={state.values?.name ?? ""} autoFocus {...control} />}
      </Field>
      <Field label="Work email" name="email" error={state.fieldErrors?.email} required>
        {(control) => <Input type="email" autoComplete="email" defaultValue={state.values?.email ?? ""} {...control} />}
      </Field>
      <Field
        label="Password"
        name="password"
        hint="At least 12 characters. A short sentence is easy to remember."
        error={state.fieldErrors?.password}
        required
      >
        {(control) => <Input type="password" autoComplete="new-password" minLength={12} {...control} />}
      </Field>
      <Button type="submit" size="lg" pending={pending} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}
          className="font-medium text-accent-700 underline underline-offset-4 hover:text-accent-900"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
