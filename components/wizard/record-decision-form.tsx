"use client";

import { useActionState, useState } from "react";

import { recordDecisionAction, reopenDecisionAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";
import { initialFormState } from "@/lib/forms";

type LevelOption = { id: string; label: string; fit: number };

/** Record decision: accept the recommendation or choose another level with a rationale. */
export function RecordDecisionForm({
  teamSlug,
  decisionId,
  version,
  recommended,
  levels,
  owners,
  defaultOwnerId,
  defaultReviewBy,
}: {
  teamSlug: string;
  decisionId: string;
  version: number;
  recommended: string;
  levels: LevelOption[];
  owners: { id: string; name: string }[];
  defaultOwnerId: string;
  defaultReviewBy: string;
}) {
  const [state, action, pending] = useActionState(recordDecisionAction, initialFormState);
  const [level, setLevel] = useState(state.values?.finalLevel ?? recommended);
  const overriding = level !== recommended;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} noValidate className="flex flex-col gap-6" aria-labelledby="record-heading">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="version" value={version} />
      {state.formError ? (
        <Alert variant="danger" title="Not recorded">
          {state.formError}
        </Alert>
      ) : null}

      <fieldset aria-describedby={err("finalLevel") ? "finalLevel-error" : undefined}>
        <legend className="font-semibold text-slate-900">The team&rsquo;s decision</legend>
        <div className="mt-3 grid gap-2.5 sm:grid-cols-2">
          {levels.map((l) => (
            <label
              key={l.id}
              className={cn(
                "flex min-h-14 cursor-pointer items-start gap-3 rounded-card border border-slate-300 bg-white px-4 py-3 shadow-card hover:bg-slate-50",
                "has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:checked]:ring-1 has-[:checked]:ring-accent-700",
                "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
              )}
            >
              <input
                type="radio"
                name="finalLevel"
                value={l.id}
                defaultChecked={(state.values?.finalLevel ?? recommended) === l.id}
                onChange={() => setLevel(l.id)}
                className="mt-0.5 size-5 accent-accent-700 focus-visible:outline-none"
              />
              <span>
                <span className="block font-medium text-slate-900">{l.label}</span>
                <span className="block text-sm text-slate-600">
                  Fit {l.fit} of 100{l.id === recommended ? " · recommended" : ""}
                </span>
              </span>
            </label>
          ))}
        </div>
        <p id="finalLevel-error" aria-live="polite" className="mt-2 text-sm font-medium text-danger-700">
          {err("finalLevel")?.[0]}
        </p>
      </fieldset>

      <div className="flex flex-col gap-1.5">
        <label htmlFor="rationale" className="font-semibold text-slate-900">
          Rationale {overriding ? <span className="font-normal text-danger-700">(required: you chose another level)</span> : <span className="font-normal text-slate-600">(optional)</span>}
        </label>
        <p id="rationale-hint" className="text-sm text-slate-600">
          {overriding
            ? "Say why the team decided differently from the recommendation. It is kept with the record and shown wherever the decision is shared."
            : "Anything the team wants on record with the decision."}
        </p>
        <textarea
          id="rationale"
          name="rationale"
          rows={3}
          defaultValue={state.values?.rationale ?? ""}
          required={overriding}
          aria-invalid={err("rationale") ? true : undefined}
          aria-describedby={`rationale-hint${err("rationale") ? " rationale-error" : ""}`}
          className={cn(controlClassName, "py-2")}
        />
        <p id="rationale-error" aria-live="polite" className="text-sm font-medium text-danger-700">
          {err("rationale")?.[0]}
        </p>
      </div>

      <div className="grid gap-6 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="ownerId" className="font-semibold text-slate-900">
            Owner
          </label>
          <select
            id="ownerId"
            name="ownerId"
            defaultValue={state.values?.ownerId ?? defaultOwnerId}
            aria-invalid={err("ownerId") ? true : undefined}
            aria-describedby={err("ownerId") ? "ownerId-error" : undefined}
            className={cn(controlClassName, "h-11")}
          >
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <p id="ownerId-error" aria-live="polite" className="text-sm font-medium text-danger-700">
            {err("ownerId")?.[0]}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="reviewBy" className="font-semibold text-slate-900">
            Review by
          </label>
          <input
            id="reviewBy"
            name="reviewBy"
            type="date"
            defaultValue={state.values?.reviewBy ?? defaultReviewBy}
            aria-invalid={err("reviewBy") ? true : undefined}
            aria-describedby={`reviewBy-hint${err("reviewBy") ? " reviewBy-error" : ""}`}
            className={cn(controlClassName, "h-11")}
          />
          <p id="reviewBy-hint" className="text-sm text-slate-600">
            Suggested from how often your policies change.
          </p>
          <p id="reviewBy-error" aria-live="polite" className="text-sm font-medium text-danger-700">
            {err("reviewBy")?.[0]}
          </p>
        </div>
      </div>

      <div>
        <Button type="submit" size="lg" pending={pending}>
          Record decision
        </Button>
      </div>
    </form>
  );
}

export function ReopenDecisionForm({ teamSlug, decisionId, version }: { teamSlug: string; decisionId: string; version: number }) {
  const [state, action, pending] = useActionState(reopenDecisionAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <input type="hidden" name="version" value={version} />
      {state.formError ? <Alert variant="danger">{state.formError}</Alert> : null}
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Reopen to revise
        </Button>
      </div>
    </form>
  );
}
