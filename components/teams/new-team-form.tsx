"use client";

import { useActionState } from "react";

import { createTeamAction } from "@/app/(app)/teams/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { initialFormState } from "@/lib/forms";

export function NewTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <Field label="Team name" name="name" hint="For example the product area: “Search Quality”." error={state.fieldErrors?.name} required>
        {(control) => <Input defaultValue={state.values?.name ?? ""} autoFocus {...control} />}
      </Field>
      <div>
        <Button type="submit" size="lg" pending={pending}>
          Create team
        </Button>
      </div>
    </form>
  );
}
