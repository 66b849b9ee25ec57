"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";

function Submit({ teamName }: { teamName: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" size="lg" className="w-full" pending={pending}>
      Accept and join {teamName}
    </Button>
  );
}

export function AcceptInvitationForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action] = useActionState(acceptInvitationAction, initialFormState);
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="token" value={token} />
      <Submit teamName={teamName} />
      {state.formError ? (
        <Alert variant="danger" className="mt-3">
          {state.formError}
        </Alert>
      ) : null}
    </form>
  );
}
