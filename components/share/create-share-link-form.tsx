"use client";

import { useActionState, useRef } from "react";

import {
  createShareLinkAction,
  type ShareFormState,
} from "@/app/(app)/t/[teamSlug]/decisions/[decisionId]/share/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/input";

import { CopyLink } from "./copy-link";

const PRESETS = [
  { id: "never", label: "Never", hint: "Works until someone revokes it" },
  { id: "7d", label: "In 7 days", hint: "For a quick review" },
  { id: "30d", label: "In 30 days", hint: "For a planning cycle" },
] as const;

const initial: ShareFormState = {};

/** Create a link (a plain form: works before hydration); the new URL is shown once, with Copy. */
export function CreateShareLinkForm({
  teamSlug,
  decisionId,
  origin,
  today,
}: {
  teamSlug: string;
  decisionId: string;
  /** Scheme and host the link is served from, e.g. https://levelset.example. */
  origin: string;
  /** YYYY-MM-DD, the earliest date a link may expire on. */
  today: string;
}) {
  const [state, action, pending] = useActionState(createShareLinkAction, initial);
  const dateRadio = useRef<HTMLInputElement>(null);
  const chosen = state.values?.expiry ?? "never";
  const err = (name: string) => state.fieldErrors?.[name];

  return (
    <div className="flex flex-col gap-6">
      {state.createdPath ? (
        <div className="rounded-card border border-success-200 bg-success-50 p-4 sm:p-5" role="status">
          <p className="font-semibold text-success-800">Link created</p>
          <p className="mt-1 mb-3 text-sm text-success-800">
            Copy it now: for your security only a fingerprint of the link is kept, so it cannot be shown again.
          </p>
          <CopyLink url={`${origin}${state.createdPath}`} label="The new share link" />
        </div>
      ) : null}

      <form action={action} noValidate className="flex flex-col gap-5" aria-labelledby="create-link-heading">
        <input type="hidden" name="teamSlug" value={teamSlug} />
        <input type="hidden" name="decisionId" value={decisionId} />
        {state.formError ? (
          <Alert variant="danger" title="No link created">
            {state.formError}
          </Alert>
        ) : null}
        <fieldset aria-describedby={err("expiry") ? "expiry-error" : undefined}>
          <legend className="font-medium text-slate-900">The link stops working</legend>
          <div className="mt-2.5 grid gap-2 sm:grid-cols-3">
            {PRESETS.map((p) => (
              <label
                key={p.id}
                className={cn(
                  "flex min-h-12 cursor-pointer items-start gap-3 rounded-card border border-slate-300 bg-white px-4 py-3 hover:bg-slate-50",
                  "has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:checked]:ring-1 has-[:checked]:ring-accent-700",
                  "has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus",
                )}
              >
                <input
                  type="radio"
                  name="expiry"
                  value={p.id}
                  defaultChecked={chosen === p.id}
                  className="mt-0.5 size-5 accent-accent-700 focus-visible:outline-none"
                />
                <span>
                  <span className="block font-medium text-slate-900">{p.label}</span>
                  <span className="block text-sm text-slate-600">{p.hint}</span>
                </span>
              </label>
            ))}
            <div
              className={cn(
                "flex flex-col gap-2 rounded-card border border-slate-300 bg-white px-4 py-3 sm:col-span-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-4",
                "has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:checked]:ring-1 has-[:checked]:ring-accent-700",
                "has-[input[type=radio]:focus-visible]:outline-3 has-[input[type=radio]:focus-visible]:outline-offset-2 has-[input[type=radio]:focus-visible]:outline-focus",
              )}
            >
              <label className="flex cursor-pointer items-start gap-3">
                <input
                  ref={dateRadio}
                  type="radio"
                  name="expiry"
                  value="date"
                  defaultChecked={chosen === "date"}
                  className="mt-0.5 size-5 accent-accent-700 focus-visible:outline-none"
                />
                <span className="font-medium whitespace-nowrap text-slate-900">On a date</span>
              </label>
              <label htmlFor="expiresOn" className="sr-only">
                Last day the link works
              </label>
              <input
                id="expiresOn"
                type="date"
                name="expiresOn"
                min={today}
                defaultValue={state.values?.expiresOn ?? ""}
                onChange={() => {
                  if (dateRadio.current) dateRadio.current.checked = true;
                }}
                aria-invalid={err("expiresOn") ? true : undefined}
                aria-describedby="expiresOn-hint expiresOn-error"
                className={cn(controlClassName, "h-11 py-2 sm:w-48")}
              />
              <p id="expiresOn-hint" className="text-sm text-slate-600 sm:flex-1">
                The link works through the end of this day (UTC).
              </p>
            </div>
          </div>
          <div id="expiry-error" aria-live="polite" className="mt-2 text-sm font-medium text-danger-700">
            {err("expiry")?.[0]}
          </div>
          <div id="expiresOn-error" aria-live="polite" className="mt-1 text-sm font-medium text-danger-700">
            {err("expiresOn")?.[0]}
          </div>
        </fieldset>
        <div>
          <Button type="submit" pending={pending}>
            Create link
          </Button>
        </div>
      </form>
    </div>
  );
}
