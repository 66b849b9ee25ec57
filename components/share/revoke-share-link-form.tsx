"use client";

import { useActionState } from "react";

import { revokeShareLinkAction } from "@/app/(app)/t/[teamSlug]/decisions/[decisionId]/share/actions";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";

/** One link's Revoke button (a plain form post before hydration). */
export function RevokeShareLinkForm({ teamSlug, linkId, description }: { teamSlug: string; linkId: string; description: string }) {
  const [state, action, pending] = useActionState(revokeShareLinkAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-start gap-1 sm:items-end">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="linkId" value={linkId} />
      <Button type="submit" variant="secondary" size="sm" pending={pending} className="text-danger-700">
        Revoke<span className="sr-only"> {description}</span>
      </Button>
      {state.formError ? (
        <p role="alert" className="text-sm font-medium text-danger-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
