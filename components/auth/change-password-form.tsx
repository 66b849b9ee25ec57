"use client";

import { useActionState } from "react";

import { changePasswordAction } from "@/app/(app)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialFormState } from "@/lib/forms";

/** Current password, new password twice. Nothing typed is ever rendered back. */
export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      {state.formError ? (
        <Alert variant="danger" title="Couldn’t change your password">
          {state.formError}
        </Alert>
      ) : null}
      <Field label="Current password" name="currentPassword" error={state.fieldErrors?.currentPassword} required>
        {(control) => <Input type="password" autoComplete="current-password" {...control} />}
      </Field>
      <Field
        label="New password"
        name="newPassword"
        hint="At least 12 characters. A short sentence is easy to remember."
        error={state.fieldErrors?.newPassword}
        required
      >
        {(control) => <Input type="password" autoComplete="new-password" minLength={12} {...control} />}
      </Field>
      <Field label="Confirm new password" name="confirmPassword" error={state.fieldErrors?.confirmPassword} required>
        {(control) => <Input type="password" autoComplete="new-password" {...control} />}
      </Field>
      <div>
        <Button type="submit" pending={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
