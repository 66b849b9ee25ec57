"use client";

import { useActionState } from "react";

import { revisitDecisionAction, setArchivedAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";

export function RevisitForm({ teamSlug, decisionId, existing }: { teamSlug: string; decisionId: string; existing: boolean }) {
  const [state, action, pending] = useActionState(revisitDecisionAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="decisionId" value={decisionId} />
      {state.formError ? <Alert variant="danger">{state.formError}</Alert> : null}
      <Button type="submit" pending={pending}>
        {existing ? "Continue the revisit" : "Revisit with today’s facts"}
      </Button>
    </form>
  );
}

export function ArchiveForm({ teamSlug, decisionId, archived }: { teamSlug: string; decisionId: string; archived: boolean }) {
  const [state, action, pending] = useActionState(setArchivedAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      {state.formError ? <Alert variant="danger">{state.formError}</Alert> : null}
      <Button type="submit" variant="secondary" pending={pending}>
        {archived ? "Restore from archive" : "Archive"}
      </Button>
    </form>
  );
}
