"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QuestionField } from "@/components/wizard/question-field";
import type { LiveState } from "@/lib/dal/live-sessions";
import { defaultAgreement, type QuestionDistribution } from "@/lib/live/distribution";
import { isNewerEtag } from "@/lib/live/etag";
import { formatCountdown, remainingSeconds } from "@/lib/live/timer";
import { type Answers, LEVELS, requireRubric } from "@/lib/rubric";

/** Polling, when server-sent events are unavailable (see bench/README.md, "bench:workshop", for why SSE is the default). */
const POLL_MS = 700;
/** A stream that drops is reopened by the browser within a second; only a longer gap is shown as "Reconnecting…". */
const RECONNECTING_AFTER_MS = 2_000;


type Problem = { message: string; fieldErrors: Record<string, string[]> } | null;

/**
 * One screen of a live workshop, for the facilitator, a participant or an
 * observer. The server renders it with the state; the browser then follows
 * every change through server-sent events (`/events`), or by polling the
 * room's version stamp (ETag/304) where a stream cannot be had.
 * Every form also posts without JavaScript (the server sends it back here).
 */
export function LiveRoom({
  initial,
  joinUrl,
  qrSvg,
  initialError,
}: {
  initial: LiveState;
  joinUrl: string;
  qrSvg: string | null;
  initialError: string | null;
}) {
  const [state, setState] = useState(initial);
  const [reconnecting, setReconnecting] = useState(false);
  const [problem, setProblem] = useState<Problem>(initialError ? { message: initialError, fieldErrors: {} } : null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const etag = useRef(initial.etag);
  const base = `/live/${initial.code}`;

  /** A state from the stream or a poll; an older one arriving late (a poll racing the stream) is ignored. */
  const apply = useCallback((next: LiveState) => {
    if (next.phase === "closed") {
      // The facilitator continues to the decision's result; everyone else sees that the session ended.
      if (next.resultPath) window.location.assign(next.resultPath);
      else window.location.reload();
      return;
    }
    if (next.etag !== etag.current && !isNewerEtag(next.etag, etag.current)) return;
    etag.current = next.etag;
    setState(next);
  }, []);

  const poll = useCallback(async () => {
    try {
      const res = await fetch(`${base}/state`, { headers: { "If-None-Match": etag.current }, cache: "no-store" });
      if (res.status === 410) {
        window.location.reload();
        return false;
      }
      if (res.status === 200) {
        apply((await res.json()) as LiveState);
      } else if (res.status !== 304) {
        throw new Error(`poll ${res.status}`);
      }
      setReconnecting(false);
      return true;
    } catch {
      setReconnecting(true);
      return false;
    }
  }, [base, apply]);

  useEffect(() => {
    let stopped = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;
    /** Streams refused in a row (the server answered an error, e.g. while its database was away); reset by a state. */
    let refused = 0;
    let nextStreamAt = 0;
    const streams = typeof EventSource !== "undefined";
    const showReconnectingSoon = () => {
      slowTimer ??= setTimeout(() => setReconnecting(true), RECONNECTING_AFTER_MS);
    };
    const connected = () => {
      clearTimeout(slowTimer);
      slowTimer = undefined;
      setReconnecting(false);
    };
    const pollLoop = async () => {
      const ok = await poll();
      if (stopped) return;
      // Back from an outage on the poll: try the stream again (backing off if it keeps being refused).
      if (ok && streams && !source && Date.now() >= nextStreamAt) openStream();
      else pollTimer = setTimeout(pollLoop, POLL_MS);
    };
    // Server-sent events: the server reads the room's revision and pushes this participant's state when it moves.
    const openStream = () => {
      const stream = new EventSource(`${base}/events`);
      source = stream;
      stream.addEventListener("state", (event) => {
        refused = 0;
        connected();
        apply(JSON.parse((event as MessageEvent<string>).data) as LiveState);
      });
      // The server's database is away: the stream stays open and its next state means it is back.
      stream.addEventListener("unavailable", showReconnectingSoon);
      stream.addEventListener("closed", () => {
        stream.close();
        window.location.reload();
      });
      stream.addEventListener("error", () => {
        if (stream.readyState === EventSource.CLOSED) {
          // Refused outright (404/410, or an error while the database is away): the poll takes over and knows what to do.
          source = null;
          refused += 1;
          nextStreamAt = Date.now() + Math.min(30_000, 1_000 * 2 ** refused);
          if (!stopped) pollTimer = setTimeout(pollLoop, POLL_MS);
          return;
        }
        // The browser reopens a dropped stream by itself within a second.
        showReconnectingSoon();
      });
    };
    if (streams) openStream();
    else pollTimer = setTimeout(pollLoop, POLL_MS);
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(pollTimer);
      clearTimeout(slowTimer);
    };
  }, [poll, apply, base]);

  const post = useCallback(
    async (path: string, form: FormData): Promise<{ ok: boolean; resultPath?: string | null }> => {
      setBusy(true);
      setProblem(null);
      try {
        const res = await fetch(`${base}/${path}`, { method: "POST", body: form, headers: { Accept: "application/json" } });
        const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; fieldErrors?: Record<string, string[]>; resultPath?: string | null };
        if (!res.ok || !body.ok) {
          setProblem({ message: body.error ?? "That did not go through. Try again.", fieldErrors: body.fieldErrors ?? {} });
          return { ok: false };
        }
        await poll();
        return { ok: true, resultPath: body.resultPath };
      } catch {
        setProblem({ message: "The connection dropped. Try again in a moment.", fieldErrors: {} });
        return { ok: false };
      } finally {
        setBusy(false);
      }
    },
    [base, poll],
  );

  const submitTo = (path: string, after?: (r: { ok: boolean; resultPath?: string | null }) => void) => async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const result = await post(path, form);
    after?.(result);
  };

  const onControl = submitTo("control", (r) => {
    if (r.ok && r.resultPath) window.location.assign(r.resultPath);
  });

  const rubric = requireRubric(state.rubricVersion);
  const section = rubric.sections[state.step.index]!;
  const isFacilitator = state.me.role === "facilitator";
  const answering = state.participants.filter((p) => p.role === "participant");
  const answeredCount = answering.filter((p) => p.answered).length;
  const last = state.step.index === state.step.count - 1;
  const control = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={state.revision} />
      <input type="hidden" name="step" value={state.step.id} />
    </>
  );

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pb-16 pt-5 sm:px-6">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            {state.teamName} · live workshop · code <span className="font-mono font-semibold text-slate-900">{state.code}</span>
          </p>
          <h1 className="mt-0.5 text-xl font-semibold text-slate-900">{state.decisionTitle}</h1>
          <p className="mt-1 text-sm text-slate-700">
            You are {state.me.displayName} ({roleLabel(state.me.role)})
            {state.anonymous ? " · anonymous answers" : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Timer deadline={state.phase === "answering" ? state.deadline : null} />
          <p role="status" aria-live="polite" className="text-sm">
            {reconnecting ? <Badge variant="warning">Reconnecting…</Badge> : <span className="sr-only">Connected</span>}
          </p>
        </div>
      </header>

      {problem ? (
        <div className="mt-4">
          <Alert variant="danger" title="Not saved">
            {problem.message}
          </Alert>
        </div>
      ) : null}

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="stage-heading" className="min-w-0">
          {state.phase === "lobby" ? (
            <>
              <h2 id="stage-heading" className="text-lg font-semibold text-slate-900">
                Lobby
              </h2>
              {isFacilitator ? (
                <div className="mt-4 space-y-4">
                  <div className="flex flex-wrap items-center gap-6 rounded-card border border-slate-200 bg-white p-5 shadow-card">
                    {qrSvg ? (
                      <div
                        role="img"
                        aria-label={`QR code for ${joinUrl}`}
                        className="size-44 shrink-0 [&_svg]:size-full"
                        dangerouslySetInnerHTML={{ __html: qrSvg }}
                      />
                    ) : null}
                    <div className="min-w-0">
                      <p className="text-sm text-slate-600">Join at</p>
                      <p className="break-all font-medium text-slate-900" data-testid="join-url">
                        {joinUrl}
                      </p>
                      <p className="mt-3 text-sm text-slate-600">or enter the code</p>
                      <p className="font-mono text-3xl font-semibold tracking-widest text-slate-900">{state.code}</p>
                    </div>
                  </div>
                  <form action={`${base}/control`} method="post" onSubmit={onControl}>
                    {control("start")}
                    <Button type="submit" size="lg" pending={busy}>
                      Start step 1: {rubric.sections[0]!.title}
                    </Button>
                  </form>
                </div>
              ) : (
                <p className="mt-3 text-slate-700">You’re in. The facilitator will start the first step soon.</p>
              )}
            </>
          ) : null}

          {state.phase === "answering" || state.phase === "revealed" ? (
            <>
              <p className="text-sm font-medium text-slate-600">
                Step {state.step.index + 1} of {state.step.count}
              </p>
              <h2 id="stage-heading" className="text-2xl font-semibold text-slate-900">
                {section.title}
              </h2>
              <p className="mt-1 text-slate-700">{section.intro}</p>
            </>
          ) : null}

          {state.phase === "answering" && state.me.role === "participant" ? (
            <form
              key={`${state.step.id}`}
              action={`${base}/answer`}
              method="post"
              className="mt-6 space-y-8"
              onSubmit={submitTo("answer", (r) => setSaved(r.ok))}
              onChange={() => setSaved(false)}
            >
              <input type="hidden" name="step" value={state.step.id} />
              {section.questions.map((q, i) => (
                <QuestionField key={q.id} question={q} value={state.me.answers[q.id]} index={i + 1} error={problem?.fieldErrors[q.id]} />
              ))}
              <div className="flex flex-wrap items-center gap-3">
                <Button type="submit" size="lg" pending={busy}>
                  Save my answers
                </Button>
                <p role="status" aria-live="polite" className="text-sm text-slate-700">
                  {saved ? "Saved. Only you see your answers until the facilitator reveals them." : "Only you see your answers until the reveal."}
                </p>
              </div>
            </form>
          ) : null}

          {state.phase === "answering" && state.me.role !== "participant" ? (
            <div className="mt-6 space-y-4">
              <p className="text-slate-700">
                {answeredCount} of {answering.length} participants have answered. Answers stay hidden until the reveal.
              </p>
              {isFacilitator ? (
                <form action={`${base}/control`} method="post" onSubmit={onControl}>
                  {control("reveal")}
                  <Button type="submit" size="lg" pending={busy}>
                    Reveal answers
                  </Button>
                </form>
              ) : null}
            </div>
          ) : null}

          {state.phase === "revealed" && state.reveal ? (
            <div className="mt-6 space-y-8">
              <Flip state={state} />
              <section aria-labelledby="dist-heading">
                <h3 id="dist-heading" className="text-lg font-semibold text-slate-900">
                  How the room answered
                </h3>
                <p className="text-sm text-slate-600">Questions that split the room come first.</p>
                <ul className="mt-4 space-y-6">
                  {state.reveal.distributions.map((d) => (
                    <Distribution key={d.questionId} d={d} />
                  ))}
                </ul>
              </section>
              {isFacilitator ? null : (
                <p className="text-slate-700">The facilitator is setting the agreed answers with the room; the next step will open here.</p>
              )}
              {isFacilitator ? <AgreeForm state={state} base={base} busy={busy} last={last} onSubmit={onControl} control={control} problem={problem} /> : null}
            </div>
          ) : null}
        </section>

        <aside aria-labelledby="people-heading" className="space-y-6">
          <div>
            <h2 id="people-heading" className="text-base font-semibold text-slate-900">
              In the room ({state.participants.length})
            </h2>
            <ul className="mt-2 divide-y divide-slate-100 rounded-card border border-slate-200 bg-white shadow-card">
              {state.participants.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span className="min-w-0 truncate text-slate-900">
                    {p.displayName}
                    {p.isMe ? " (you)" : ""}
                  </span>
                  {p.role === "participant" ? (
                    state.phase === "answering" ? (
                      <Badge variant={p.answered ? "success" : "neutral"}>{p.answered ? "Answered" : "Not yet"}</Badge>
                    ) : null
                  ) : (
                    <Badge variant="neutral">{roleLabel(p.role)}</Badge>
                  )}
                </li>
              ))}
            </ul>
          </div>
          {isFacilitator ? <FacilitatorTools state={state} base={base} busy={busy} onSubmit={onControl} control={control} /> : null}
        </aside>
      </div>
    </main>
  );
}

function roleLabel(role: LiveState["me"]["role"]) {
  return role === "facilitator" ? "facilitator" : role === "observer" ? "observer" : "participant";
}

function Timer({ deadline }: { deadline: string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!deadline) return;
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [deadline]);
  if (!deadline || now === null) return null;
  const left = remainingSeconds(deadline, now) ?? 0;
  return (
    <p className="rounded-control border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900" role="timer" aria-label="Time left for this step">
      {left > 0 ? <>Time left {formatCountdown(left)}</> : "Time is up"}
    </p>
  );
}

const LEVEL_BAR: Record<(typeof LEVELS)[number], string> = {
  pause: "bg-pause-600",
  prompt: "bg-prompt-600",
  adapter: "bg-adapter-600",
  finetune: "bg-finetune-600",
};

function Flip({ state }: { state: LiveState }) {
  const rubric = requireRubric(state.rubricVersion);
  const flip = state.reveal!.flip;
  return (
    <section aria-labelledby="flip-heading" className="rounded-card border border-slate-200 bg-slate-50 p-4">
      <h3 id="flip-heading" className="text-lg font-semibold text-slate-900">
        Would it flip?
      </h3>
      <p className="text-sm text-slate-700">
        {flip.total === 0
          ? "Nobody answered this step."
          : flip.split
            ? "Yes: the participants’ answers so far point to different recommendations."
            : "No: everyone’s answers so far point to the same recommendation."}
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2" aria-label="Participants per recommended level">
        {LEVELS.map((level) => (
          <li key={level} className="flex items-center justify-between gap-3 rounded-control bg-white px-3 py-2 text-sm shadow-card">
            <span className="flex items-center gap-2 text-slate-900">
              <span aria-hidden="true" className={`size-2.5 rounded-full ${LEVEL_BAR[level]}`} />
              {rubric.outcomes.find((o) => o.id === level)?.label ?? level}
            </span>
            <span className="whitespace-nowrap font-semibold text-slate-900">
              {flip.counts[level]} <span className="font-normal text-slate-600">of {flip.total}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Distribution({ d }: { d: QuestionDistribution }) {
  const split = d.bars.length > 1;
  return (
    <li data-question={d.questionId}>
      <h4 className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
        {d.label}
        {split ? <Badge variant="warning">Split</Badge> : null}
      </h4>
      {d.answered === 0 ? (
        <p className="text-sm text-slate-600">No one answered this question.</p>
      ) : (
        <ul className="mt-2 space-y-1.5" aria-label={`Answers to: ${d.label}`}>
          {d.bars.map((bar) => (
            <li key={bar.key} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 text-sm">
              <span className="text-slate-800">{bar.label}</span>
              <span className="font-semibold text-slate-900">
                {bar.count} <span className="sr-only">of {d.answered}</span>
              </span>
              <span aria-hidden="true" className="col-span-2 h-2.5 overflow-hidden rounded-full bg-slate-100">
                <span className="block h-full rounded-full bg-accent-600" style={{ width: `${(bar.count / d.answered) * 100}%` }} />
              </span>
              {bar.names.length ? <span className="col-span-2 text-xs text-slate-600">{bar.names.join(", ")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

type ControlProps = {
  state: LiveState;
  base: string;
  busy: boolean;
  onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
  control: (intent: string) => React.ReactNode;
};

function AgreeForm({ state, base, busy, last, onSubmit, control, problem }: ControlProps & { last: boolean; problem: Problem }) {
  const rubric = requireRubric(state.rubricVersion);
  const section = rubric.sections[state.step.index]!;
  const defaults: Answers = state.agreement?.answers ?? (defaultAgreement(state.reveal!.distributions) as Answers);
  const ties = new Set(state.reveal!.distributions.filter((d) => d.tie).map((d) => d.questionId));
  return (
    <form key={`${state.step.id}-agree`} action={`${base}/control`} method="post" onSubmit={onSubmit} className="space-y-8 border-t border-slate-200 pt-6">
      {control("agree")}
      <div>
        <h3 className="text-lg font-semibold text-slate-900">Agree and move on</h3>
        <p className="text-sm text-slate-600">Each question starts at the room’s most common answer. Change it to what the room agrees.</p>
      </div>
      {section.questions.map((q, i) => (
        <div key={q.id}>
          {ties.has(q.id) ? (
            <p className="mb-2 text-sm font-medium text-warning-800">Tie: the room is evenly split on this one. Choose the agreed answer.</p>
          ) : null}
          <QuestionField question={q} value={defaults[q.id]} index={i + 1} error={problem?.fieldErrors[q.id]} />
        </div>
      ))}
      <div>
        <label htmlFor="agree-note" className="block font-medium text-slate-900">
          Note for this step
        </label>
        <textarea
          id="agree-note"
          name="note"
          rows={3}
          maxLength={rubric.notes.maxLength}
          defaultValue={state.agreement?.note ?? ""}
          className="mt-2 w-full rounded-control border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-card"
        />
      </div>
      <div className="flex flex-wrap gap-3">
        {last ? null : (
          <Button type="submit" name="then" value="next" size="lg" pending={busy}>
            Agree and go to step {state.step.index + 2}
          </Button>
        )}
        <Button type="submit" name="then" value="close" size="lg" variant={last ? "primary" : "secondary"} pending={busy}>
          Agree and close the session
        </Button>
      </div>
    </form>
  );
}

function FacilitatorTools({ state, base, busy, onSubmit, control }: ControlProps) {
  const candidates = state.participants.filter((p) => p.signedIn && !p.isMe && p.role !== "observer");
  return (
    <div className="space-y-4 rounded-card border border-slate-200 p-3">
      <h2 className="text-base font-semibold text-slate-900">Facilitator</h2>
      {candidates.length ? (
        <form action={`${base}/control`} method="post" onSubmit={onSubmit} className="space-y-2">
          {control("handover")}
          <label htmlFor="handover-to" className="block text-sm font-medium text-slate-900">
            Hand the facilitator role to
          </label>
          <select id="handover-to" name="participantId" className="h-10 w-full rounded-control border border-slate-300 bg-white px-2 text-sm text-slate-900">
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" size="sm" pending={busy}>
            Hand over
          </Button>
        </form>
      ) : null}
      <form action={`${base}/control`} method="post" onSubmit={onSubmit}>
        {control("close")}
        <Button type="submit" variant="secondary" size="sm" pending={busy} className="h-auto whitespace-normal py-2 text-left">
          End session and save agreed answers
        </Button>
      </form>
    </div>
  );
}
