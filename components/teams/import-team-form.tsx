"use client";

import Link from "next/link";
import { useActionState } from "react";

import { importTeamAction, type ImportTeamFormState } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const initialState: ImportTeamFormState = {};

/** Creates a new team from a file downloaded with "Export team" (levelset.team/v1). */
export function ImportTeamForm() {
  const [state, action, pending] = useActionState(importTeamAction, initialState);
  const imported = state.imported;
  return (
    <div className="flex flex-col gap-5">
      <div aria-live="polite">
      {imported ? (
        <Alert variant="success" title="Team imported">
          <p>
            {imported.name} holds {imported.decisions === 1 ? "1 decision" : `${imported.decisions} decisions`} and the team&rsquo;s history;
            you are its owner.{" "}
            <Link href={`/t/${imported.slug}`} className="font-semibold underline underline-offset-4">
              Open {imported.name}
            </Link>
          </p>
          {imported.added.length > 0 ? <p className="mt-2">Added with their roles: {imported.added.join(", ")}.</p> : null}
          {imported.notAdded.length > 0 ? (
            <p className="mt-2">
              Not added (no account here, or you chose not to add people): {imported.notAdded.join(", ")}. Invite them from the new
              team&rsquo;s settings.
            </p>
          ) : null}
        </Alert>
      ) : null}
      </div>
      {state.formError ? <Alert variant="danger">{state.formError}</Alert> : null}
      <form action={action} noValidate className="flex flex-col gap-5">
        <Field
          label="Team file"
          name="file"
          hint="A .json file downloaded with “Export team” in a team’s settings (format levelset.team/v1), up to 4 MB."
          error={state.fieldErrors?.file}
          required
        >
          {(control) => <Input type="file" accept=".json,application/json" {...control} />}
        </Field>
        <Field label="Name of the new team" name="name" hint="Leave empty to keep the name in the file." error={state.fieldErrors?.name} optional>
          {(control) => <Input defaultValue={state.values?.name ?? ""} {...control} />}
        </Field>
        <div className="flex items-start gap-3">
          <input
            id="import-add-known"
            type="checkbox"
            name="addKnownMembers"
            defaultChecked={state.values?.addKnownMembers === "on"}
            aria-describedby="import-add-known-hint"
            className="mt-1 size-4 accent-accent-700"
          />
          <div>
            <label htmlFor="import-add-known" className="font-medium text-slate-900">
              Add the file&rsquo;s members who already have an account here
            </label>
            <p id="import-add-known-hint" className="text-sm text-slate-600">
              They join with the role they had. Nobody gets a new account: people without one are listed afterwards so you can invite them.
            </p>
          </div>
        </div>
        <div>
          <Button type="submit" size="lg" variant="secondary" pending={pending}>
            Import team
          </Button>
        </div>
      </form>
    </div>
  );
}
