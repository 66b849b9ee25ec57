"use client";

import { useActionState } from "react";

import { createDecisionAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { controlClassName, Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { initialFormState } from "@/lib/forms";

export function NewDecisionForm({
  teamSlug,
  members,
  currentUserId,
}: {
  teamSlug: string;
  members: { id: string; name: string }[];
  currentUserId: string;
}) {
  const [state, action, pending] = useActionState(createDecisionAction, initialFormState);
  return (
    <form action={action} noValidate className="flex flex-col gap-6">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      {state.formError ? <Alert variant="danger">{state.formError}</Alert> : null}
      <Field label="Title" name="title" hint="The LLM feature, in a few words." error={state.fieldErrors?.title} required>
        {(control) => <Input defaultValue={state.values?.title ?? ""} placeholder="Billing support chatbot" autoFocus {...control} />}
      </Field>
      <Field
        label="Use case"
        name="context"
        hint="What the feature does and for whom. Everyone in the room should recognise it."
        error={state.fieldErrors?.context}
        required
      >
        {(control) => (
          <Textarea
            rows={4}
            defaultValue={state.values?.context ?? ""}
            placeholder="Answers customers' billing questions from our policy docs, in the help centre."
            {...control}
          />
        )}
      </Field>
      <Field label="Owner" name="ownerId" hint="Who answers for this decision and its review." error={state.fieldErrors?.ownerId} required>
        {(control) => (
          <select defaultValue={state.values?.ownerId ?? currentUserId} className={cn(controlClassName, "h-11")} {...control}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Participants"
        name="participants"
        hint="Who is in the room: one name per line (or separated by commas)."
        error={state.fieldErrors?.participants}
        optional
      >
        {(control) => <Textarea rows={3} defaultValue={state.values?.participants ?? ""} {...control} />}
      </Field>
      <div>
        <Button type="submit" size="lg" pending={pending}>
          Create and start the workshop
        </Button>
      </div>
    </form>
  );
}
