"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";

import {
  changeRoleAction,
  createInvitationAction,
  type InvitationFormState,
  leaveTeamAction,
  removeMemberAction,
  renameTeamAction,
  revokeInvitationAction,
} from "@/app/(app)/t/[teamSlug]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { controlClassName, Input } from "@/components/ui/input";
import { initialFormState } from "@/lib/forms";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/dal/roles";

const selectClassName = cn(controlClassName, "h-11 py-2 pr-8");

function SubmitButton({ children, ...props }: Omit<ButtonProps, "type" | "pending">) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" pending={pending} {...props}>
      {children}
    </Button>
  );
}

function FormError({ message }: { message?: string }) {
  return message ? (
    <Alert variant="danger" className="mt-2">
      {message}
    </Alert>
  ) : null;
}

export function RoleForm({ teamSlug, userId, name, role }: { teamSlug: string; userId: string; name: string; role: Role }) {
  const [state, action] = useActionState(changeRoleAction, initialFormState);
  const id = `role-${userId}`;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <div className="flex items-center gap-2">
        <select id={id} name="role" defaultValue={role} key={role} className={cn(selectClassName, "max-w-44")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" size="sm" aria-label={`Save role of ${name}`}>
          Save
        </SubmitButton>
      </div>
      <FormError message={state.formError} />
      <p role="status" className="text-xs font-medium text-emerald-800">
        {state.ok ? "Role saved" : ""}
      </p>
    </form>
  );
}

/**
 * A confirmation that works before hydration: the real submit button sits
 * inside a <details> that has to be opened first.
 */
function ConfirmDetails({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="group">
      <summary
        className="inline-flex h-9 cursor-pointer list-none items-center rounded-control px-3 text-sm font-medium text-danger-700 hover:bg-danger-50 [&::-webkit-details-marker]:hidden"
      >
        {summary}
      </summary>
      <div className="mt-2 rounded-card border border-danger-200 bg-danger-50 p-3 text-sm text-danger-800">{children}</div>
    </details>
  );
}

export function RemoveMemberForm({ teamSlug, userId, name, teamName }: { teamSlug: string; userId: string; name: string; teamName: string }) {
  const [state, action] = useActionState(removeMemberAction, initialFormState);
  return (
    <ConfirmDetails summary={`Remove ${name}…`}>
      <form action={action}>
        <input type="hidden" name="teamSlug" value={teamSlug} />
        <input type="hidden" name="userId" value={userId} />
        <p>
          {name} loses access to {teamName} and its decisions at once. Their past answers stay.
        </p>
        <SubmitButton variant="danger" size="sm" className="mt-2">
          Remove {name}
        </SubmitButton>
        <FormError message={state.formError} />
      </form>
    </ConfirmDetails>
  );
}

export function LeaveTeamForm({ teamSlug, teamName, lastOwner }: { teamSlug: string; teamName: string; lastOwner: boolean }) {
  const [state, action] = useActionState(leaveTeamAction, initialFormState);
  return (
    <ConfirmDetails summary="Leave team…">
      <form action={action}>
        <input type="hidden" name="teamSlug" value={teamSlug} />
        <p>
          {lastOwner
            ? `You are the last owner of ${teamName}. Make someone else an owner first, or the team would have nobody to manage it.`
            : `You lose access to ${teamName} until someone invites you again.`}
        </p>
        <SubmitButton variant="danger" size="sm" className="mt-2">
          Leave {teamName}
        </SubmitButton>
        <FormError message={state.formError} />
      </form>
    </ConfirmDetails>
  );
}

export function RenameTeamForm({ teamSlug, name }: { teamSlug: string; name: string }) {
  const [state, action] = useActionState(renameTeamAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <Field label="Team name" name="name" error={state.fieldErrors?.name} className="flex-1">
        {(control) => <Input {...control} defaultValue={state.values?.name ?? name} maxLength={60} autoComplete="off" />}
      </Field>
      <SubmitButton variant="secondary">Rename</SubmitButton>
      {state.ok ? (
        <p role="status" className="text-sm text-success-800 sm:pb-3">
          Saved.
        </p>
      ) : null}
      <FormError message={state.formError} />
    </form>
  );
}

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <>
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setCopied(false), 4000);
        }}
      >
        {copied ? "Copied" : label}
      </Button>
      <span role="status" className="sr-only">
        {copied ? "Invitation link copied" : ""}
      </span>
    </>
  );
}

const initialInvitationState: InvitationFormState = {};

export function CreateInvitationForm({ teamSlug }: { teamSlug: string }) {
  const [state, action] = useActionState(createInvitationAction, initialInvitationState);
  const v = state.values ?? {};
  return (
    <div>
      <form action={action} className="grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="teamSlug" value={teamSlug} />
        <Field label="Role" name="role" error={state.fieldErrors?.role}>
          {(control) => (
            <select {...control} defaultValue={v.role ?? "member"} className={selectClassName}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Link expires" name="expiry" error={state.fieldErrors?.expiry}>
          {(control) => (
            <select {...control} defaultValue={v.expiry ?? "7d"} className={selectClassName}>
              <option value="7d">In 7 days</option>
              <option value="30d">In 30 days</option>
              <option value="never">Never</option>
            </select>
          )}
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className="text-base font-medium text-slate-900">How many people may use it</legend>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-6">
            <label className="flex items-center gap-2">
              <input type="radio" name="uses" value="one" defaultChecked={(v.uses ?? "one") === "one"} className="size-4 accent-accent-700" />
              One person
            </label>
            <div className="flex items-center gap-2">
              <input
                id="invite-uses-many"
                type="radio"
                name="uses"
                value="many"
                defaultChecked={v.uses === "many"}
                className="size-4 accent-accent-700"
              />
              <label htmlFor="invite-uses-many" className="whitespace-nowrap">
                Several people, up to
              </label>
              <Input
                id="invite-max-uses"
                name="maxUses"
                type="number"
                min={1}
                max={100}
                defaultValue={v.maxUses ?? "10"}
                className="max-w-20"
                aria-label="Maximum number of people"
                aria-describedby="invite-max-uses-error"
                invalid={!!state.fieldErrors?.maxUses}
              />
            </div>
          </div>
          <div id="invite-max-uses-error" aria-live="polite" className="mt-1 text-sm font-medium text-danger-700">
            {state.fieldErrors?.maxUses?.join(" ")}
          </div>
        </fieldset>
        <div className="sm:col-span-2">
          <SubmitButton>Create invitation link</SubmitButton>
        </div>
      </form>
      <FormError message={state.formError} />
      {state.inviteUrl ? (
        <div className="mt-5 rounded-card border border-success-200 bg-success-50 p-4" data-testid="new-invitation">
          <p className="font-semibold text-success-800">Invitation link created</p>
          <p className="mt-1 text-sm text-success-800">
            Copy it now and send it to the person you invite. It is shown only once: LevelSet keeps a fingerprint of it, not the link.
          </p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row">
            <label htmlFor="invite-url" className="sr-only">
              Invitation link
            </label>
            <Input id="invite-url" readOnly value={state.inviteUrl} className="font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={state.inviteUrl} label="Copy link" />
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function RevokeInvitationForm({ teamSlug, invitationId, description }: { teamSlug: string; invitationId: string; description: string }) {
  const [state, action] = useActionState(revokeInvitationAction, initialFormState);
  return (
    <form action={action}>
      <input type="hidden" name="teamSlug" value={teamSlug} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="ghost" size="sm" className="text-danger-700" aria-label={`Revoke ${description}`}>
        Revoke
      </SubmitButton>
      <FormError message={state.formError} />
    </form>
  );
}
