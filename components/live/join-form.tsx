import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Joining a live session: a plain form (works before hydration) posting to the room's join endpoint. */
export function JoinForm({
  code,
  memberName,
  observersAllowed,
  error,
}: {
  code: string;
  memberName: string | null;
  observersAllowed: boolean;
  error: string | null;
}) {
  return (
    <form action={`/live/${code}/join`} method="post" className="mt-6 space-y-5">
      {error ? (
        <Alert variant="danger" title="Could not join">
          {error}
        </Alert>
      ) : null}
      {memberName ? (
        <p className="text-slate-700">
          You join as <strong className="font-semibold text-slate-900">{memberName}</strong>.
        </p>
      ) : (
        <div>
          <label htmlFor="displayName" className="block font-medium text-slate-900">
            Your name
          </label>
          <p id="displayName-hint" className="text-sm text-slate-600">
            What the room sees next to your answers. No account needed.
          </p>
          <input
            id="displayName"
            name="displayName"
            required
            maxLength={60}
            autoComplete="name"
            aria-describedby="displayName-hint"
            className="mt-2 h-11 w-full rounded-control border border-slate-300 bg-white px-3 text-slate-900 shadow-card hover:border-slate-400 focus:border-accent-600"
          />
        </div>
      )}
      {observersAllowed ? (
        <fieldset>
          <legend className="font-medium text-slate-900">How do you take part?</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {[
              { value: "participant", label: "Answer the questions" },
              { value: "observer", label: "Watch only" },
            ].map((o, i) => (
              <label
                key={o.value}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-card border border-slate-300 bg-white px-4 py-3 shadow-card has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50"
              >
                <input type="radio" name="role" value={o.value} defaultChecked={i === 0} className="size-5 accent-accent-700" />
                <span className="font-medium text-slate-900">{o.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="role" value="participant" />
      )}
      <Button type="submit" size="lg">
        Join the session
      </Button>
    </form>
  );
}
