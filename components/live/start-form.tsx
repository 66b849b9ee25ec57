"use client";

import { useActionState } from "react";

import { startLiveSessionAction } from "@/app/(app)/t/[teamSlug]/decisions/[decisionId]/live/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms";

const cardClass =
  "flex min-h-12 cursor-pointer items-start gap-3 rounded-card border border-slate-300 bg-white px-4 py-3 shadow-card has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50";

/** The session's settings, fixed at start. Native controls, so it posts before hydration. */
export function StartLiveForm({ teamSlug, decisionId }: { teamSlug: string; decisionId: string }) {
  const [state, action, pending] = useActionState(startLiveSessionAction, initialFormState);
  const answers = state.values?.answers ?? "named";
  const timerError = state.fieldErrors?.timerMinutes;
  return (
    <form action={action} className="space-y-6">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="decisionId" value={decisionId} />
      {state.formError ? (
        <Alert variant="danger" title="Could not start">
          {state.formError}
        </Alert>
      ) : null}
      <fieldset>
        <legend className="font-medium text-slate-900">Answers</legend>
        <p className="text-sm text-slate-600">This cannot change once the session starts.</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className={cardClass}>
            <input type="radio" name="answers" value="named" defaultChecked={answers === "named"} className="mt-0.5 size-5 accent-accent-700" />
            <span>
              <span className="block font-medium text-slate-900">Named</span>
              <span className="block text-sm text-slate-600">After a reveal, the room sees who gave which answer.</span>
            </span>
          </label>
          <label className={cardClass}>
            <input type="radio" name="answers" value="anonymous" defaultChecked={answers === "anonymous"} className="mt-0.5 size-5 accent-accent-700" />
            <span>
              <span className="block font-medium text-slate-900">Anonymous</span>
              <span className="block text-sm text-slate-600">Only counts are shown; names are dropped when the session closes.</span>
            </span>
          </label>
        </div>
      </fieldset>
      <label className={cardClass}>
        <input type="checkbox" name="observersAllowed" defaultChecked className="mt-0.5 size-5 rounded accent-accent-700" />
        <span>
          <span className="block font-medium text-slate-900">Allow observers</span>
          <span className="block text-sm text-slate-600">People may join to watch without answering.</span>
        </span>
      </label>
      <div>
        <label htmlFor="timerMinutes" className="block font-medium text-slate-900">
          Minutes per step <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <p id="timerMinutes-hint" className="text-sm text-slate-600">
          A countdown everyone sees while a step is open. Leave empty for no timer.
        </p>
        <input
          id="timerMinutes"
          name="timerMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          defaultValue={state.values?.timerMinutes ?? ""}
          aria-describedby={timerError ? "timerMinutes-hint timerMinutes-error" : "timerMinutes-hint"}
          aria-invalid={timerError ? true : undefined}
          className="mt-2 h-11 w-32 rounded-control border border-slate-300 bg-white px-3 text-slate-900 shadow-card aria-invalid:border-danger-700"
        />
        <div id="timerMinutes-error" aria-live="polite">
          {timerError?.map((m) => (
            <p key={m} className="mt-1 text-sm font-medium text-danger-700">
              {m}
            </p>
          ))}
        </div>
      </div>
      <Button type="submit" size="lg" pending={pending}>
        Start the live session
      </Button>
    </form>
  );
}
