"use client";

import { useRouter } from "next/navigation";
import { useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";

import { saveStepAction, scoreAnswersAction } from "@/app/(app)/t/[teamSlug]/decisions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Answers, Notes, Result, Rubric, Section } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";
import { mergeStepAnswers, readStepAnswers } from "@/lib/workshop/step-form";
import type { StepFormState } from "@/lib/workshop/save-step";
import { stepProgress, type StepProgress } from "@/lib/workshop/steps";

import { KeyboardLegend } from "./keyboard-legend";
import { LivePanel } from "./live-panel";
import { ProgressNav, type ProgressStep } from "./progress-nav";
import { QuestionField } from "./question-field";
import { SaveStatus, type SaveStatusKind } from "./save-status";

export type StepFormProps = {
  teamSlug: string;
  decisionId: string;
  stepId: string;
  section: Section;
  /** All sections of the rubric (for progress), without their help texts' weight mattering. */
  sections: Section[];
  steps: ProgressStep[];
  stepNumber: number;
  rubricVersion: string;
  /** The decision's rubric as plain data (labels for the live panel). */
  rubric: Rubric;
  initial: { version: number; answers: Answers; notes: Notes; result: Result };
  previous?: ProgressStep;
  next?: ProgressStep;
  readOnly: boolean;
  readOnlyReason?: string;
};

const AUTOSAVE_DELAY_MS = 700;

export function StepForm(props: StepFormProps) {
  const { teamSlug, decisionId, stepId, section, steps, previous, next, readOnly } = props;
  const initialState: StepFormState = { status: "idle", version: props.initial.version };
  // The plain form post (before hydration) goes through useActionState.
  const [formState, formAction] = useActionState(saveStepAction, initialState);

  const [state, setState] = useState<StepFormState>(formState);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [offline, setOffline] = useState(false);
  const [answers, setAnswers] = useState<Answers>(formState.answers ?? props.initial.answers);
  const [result, setResult] = useState<Result>(formState.result ?? props.initial.result);
  /** What this browser tried to save when a conflict was reported. */
  const [mine, setMine] = useState<Record<string, unknown>>({});

  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stateRef = useRef(state);
  const dirtyRef = useRef(false);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scoreSeq = useRef(0);

  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  // Focus the step heading when a step opens, so keyboard and screen-reader users start at the top.
  useEffect(() => {
    headingRef.current?.focus();
  }, [stepId]);

  const formData = useCallback((extra?: Record<string, string>) => {
    const fd = new FormData(formRef.current!);
    fd.set("version", String(stateRef.current.version));
    for (const [k, v] of Object.entries(extra ?? {})) fd.set(k, v);
    return fd;
  }, []);

  /** Saves now; saves are queued one after another, each with the version the previous one returned. */
  const save = useCallback(
    (extra?: Record<string, string>) => {
      if (readOnly) return Promise.resolve();
      clearTimeout(timer.current);
      dirtyRef.current = false;
      setDirty(false);
      const run = async () => {
        setSaving(true);
        try {
          const fd = formData(extra);
          const next = await saveStepAction(stateRef.current, fd);
          if (next.status === "conflict") setMine(readStepAnswers(section, fd));
          stateRef.current = next;
          setState(next);
          setOffline(false);
          if (next.answers) setAnswers(next.answers);
          if (next.result) setResult(next.result);
        } catch {
          // Network or server failure: nothing was acknowledged, so keep the changes marked unsaved.
          dirtyRef.current = true;
          setDirty(true);
          setOffline(true);
        } finally {
          setSaving(false);
        }
      };
      chain.current = chain.current.then(run, run);
      return chain.current;
    },
    [formData, readOnly, section],
  );

  /** Instant preview of the recommendation from what is on screen (not yet saved). */
  const preview = useCallback(async () => {
    if (!formRef.current) return;
    const raw = readStepAnswers(section, new FormData(formRef.current));
    const merged = mergeStepAnswers(section, answers, raw as Answers);
    const seq = ++scoreSeq.current;
    try {
      const scored = await scoreAnswersAction({ rubricVersion: props.rubricVersion, answers: merged });
      if (scored.ok && seq === scoreSeq.current) setResult(scored.result);
    } catch {
      /* the autosave will bring the result */
    }
  }, [answers, props.rubricVersion, section]);

  const onChange = useCallback(() => {
    if (readOnly) return;
    dirtyRef.current = true;
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    void preview();
  }, [preview, readOnly, save]);

  // Leaving the page (tab closed, app switched, phone locked): send what is unsaved with keepalive.
  useEffect(() => {
    const flush = () => {
      if (!dirtyRef.current || !formRef.current || readOnly) return;
      dirtyRef.current = false;
      clearTimeout(timer.current);
      const fd = formData();
      void fetch(`/t/${teamSlug}/decisions/${decisionId}/steps/${stepId}/save`, {
        method: "POST",
        body: fd,
        keepalive: true,
        credentials: "same-origin",
      }).catch(() => undefined);
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
    };
  }, [decisionId, formData, readOnly, stepId, teamSlug]);

  // Warn before leaving while a save failed.
  useEffect(() => {
    if (!offline) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [offline]);

  /** Back / next / jump after hydration: wait for queued saves, then save with the navigation intent. */
  const onSubmit = useCallback(
    (event: React.FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      const go = submitter?.name === "goto" ? submitter.value : "";
      if (readOnly) {
        if (go) router.push(`/t/${teamSlug}/decisions/${decisionId}/steps/${go}`);
        return;
      }
      void save(go ? { goto: go } : undefined);
    },
    [decisionId, readOnly, router, save, teamSlug],
  );

  // Keyboard: ←/→ between steps, number keys choose an option in the focused question.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.closest("textarea, select, [contenteditable], input:not([type=radio]):not([type=checkbox])");
      if (typing) return;
      const inRadio = target instanceof HTMLInputElement && target.type === "radio";
      if ((e.key === "ArrowRight" || e.key === "ArrowLeft") && !inRadio) {
        const button = formRef.current?.querySelector<HTMLButtonElement>(
          e.key === "ArrowRight" ? "button[data-nav=next]" : "button[data-nav=previous]",
        );
        if (button) {
          e.preventDefault();
          button.click();
        }
        return;
      }
      if (/^[1-9]$/.test(e.key) && target) {
        const fieldset = target.closest<HTMLFieldSetElement>("fieldset[data-question]");
        const input = fieldset?.querySelector<HTMLInputElement>(`input[data-option-index="${e.key}"]`);
        if (input && !input.disabled) {
          e.preventDefault();
          input.click();
          input.focus();
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const progress: StepProgress[] = useMemo(
    () => stepProgress({ sections: props.sections }, answers),
    [answers, props.sections],
  );

  const shown = state.status === "idle" ? formState : state;
  const status: SaveStatusKind = readOnly
    ? "readonly"
    : saving
      ? "saving"
      : offline
        ? "offline"
        : shown.status === "invalid"
          ? "invalid"
          : shown.status === "conflict"
            ? "conflict"
            : shown.status === "sealed" || shown.status === "error"
              ? "error"
              : dirty
                ? "pending"
                : shown.status === "saved"
                  ? "saved"
                  : "idle";
  const note = (shown.submitted?.note?.[0] ?? props.initial.notes[section.noteId]) || "";

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        onChange={onChange}
        noValidate
        className="min-w-0"
        aria-labelledby="step-heading"
      >
        <input type="hidden" name="teamSlug" value={teamSlug} />
        <input type="hidden" name="decisionId" value={decisionId} />
        <input type="hidden" name="stepId" value={stepId} />
        <input type="hidden" name="version" value={state.version} />
        <input type="hidden" name="rubricVersion" value={props.rubricVersion} />

        <ProgressNav
          steps={steps}
          currentId={stepId}
          progress={progress}
          hrefFor={(id) => `/t/${teamSlug}/decisions/${decisionId}/steps/${id}`}
          asSubmit
        />

        <div className="mt-6 rounded-card border border-slate-200 bg-white p-5 shadow-card sm:p-8">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <p className="text-sm font-medium text-slate-600">
                Step {props.stepNumber} of {steps.length}
              </p>
              <h1
                id="step-heading"
                ref={headingRef}
                tabIndex={-1}
                className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 focus:outline-none sm:text-3xl"
              >
                {section.title}
              </h1>
            </div>
            <SaveStatus kind={status} savedAt={shown.savedAt} onRetry={() => void save()} />
          </div>
          <p className="mt-3 max-w-3xl leading-relaxed text-slate-700">{section.intro}</p>

          {props.readOnlyReason ? (
            <Alert variant="info" className="mt-5">
              {props.readOnlyReason}
            </Alert>
          ) : null}
          {shown.formError && shown.status !== "conflict" ? (
            <Alert variant={shown.status === "invalid" ? "danger" : "warning"} className="mt-5" title="Not saved">
              {shown.formError}
            </Alert>
          ) : null}
          {shown.status === "conflict" && shown.conflict ? (
            <ConflictNotice
              section={section}
              theirs={shown.conflict.answers}
              theirNote={shown.conflict.notes[section.noteId] ?? ""}
              updatedBy={shown.conflict.updatedBy}
              mine={mine}
              onKeepMine={() => {
                const version = shown.conflict!.version;
                stateRef.current = { ...stateRef.current, version };
                void save({ version: String(version) });
              }}
            />
          ) : null}

          <div className="mt-8 flex flex-col gap-8">
            {section.questions.map((question, i) => (
              <QuestionField
                key={question.id}
                question={question}
                index={i + 1}
                value={props.initial.answers[question.id]}
                submitted={shown.status === "invalid" ? shown.submitted : undefined}
                error={shown.fieldErrors?.[question.id]}
                disabled={readOnly}
              />
            ))}
            <div className="border-t border-slate-200 pt-6">
              <label htmlFor="step-note" className="text-lg font-semibold text-slate-900">
                Notes for this step
              </label>
              <p id="step-note-hint" className="mt-1 text-sm text-slate-600">
                What the room said, numbers behind an answer, open questions. Kept with the decision and its exports; not scored.
              </p>
              <textarea
                id="step-note"
                name="note"
                rows={4}
                defaultValue={note}
                disabled={readOnly}
                maxLength={5000}
                aria-describedby={`step-note-hint${shown.fieldErrors?.note ? " step-note-error" : ""}`}
                aria-invalid={shown.fieldErrors?.note ? true : undefined}
                className="mt-3 block w-full rounded-control border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-card hover:border-slate-400 focus:border-accent-600 disabled:bg-slate-50"
              />
              <div id="step-note-error" aria-live="polite">
                {shown.fieldErrors?.note?.map((m) => (
                  <p key={m} className="mt-2 text-sm font-medium text-danger-700">
                    {m}
                  </p>
                ))}
              </div>
            </div>
          </div>

          <div className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-6" data-print="hide">
            {previous ? (
              <Button type="submit" name="goto" value={previous.id} variant="secondary" size="lg" data-nav="previous">
                ← Back<span className="sr-only sm:not-sr-only">: {previous.title}</span>
              </Button>
            ) : (
              <span />
            )}
            {next ? (
              <Button type="submit" name="goto" value={next.id} size="lg" data-nav="next">
                Next<span className="sr-only sm:not-sr-only">: {next.title}</span> →
              </Button>
            ) : null}
          </div>
        </div>
        <KeyboardLegend />
      </form>
      <LivePanel result={result} rubric={props.rubric} />
    </div>
  );
}

function ConflictNotice({
  section,
  theirs,
  theirNote,
  updatedBy,
  mine,
  onKeepMine,
}: {
  section: Section;
  theirs: Answers;
  theirNote: string;
  updatedBy: string | null;
  mine: Record<string, unknown>;
  onKeepMine: () => void;
}) {
  const rows = section.questions.filter((q) => JSON.stringify(theirs[q.id]) !== JSON.stringify(mine[q.id]));
  return (
    <div role="alert" className="mt-5 rounded-card border border-pause-700 bg-pause-50 p-4">
      <p className="font-semibold text-pause-800">
        {updatedBy ? `${updatedBy} saved` : "Someone saved"} this decision after you opened it. Your changes are not saved yet.
      </p>
      {rows.length > 0 ? (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Answers that differ</caption>
          <thead>
            <tr className="text-slate-700">
              <th scope="col" className="py-1 pr-3 font-medium">
                Question
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Saved by them
              </th>
              <th scope="col" className="py-1 font-medium">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <tr key={q.id} className="border-t border-pause-200 align-top">
                <th scope="row" className="py-1.5 pr-3 font-normal text-slate-800">
                  {q.label}
                </th>
                <td className="py-1.5 pr-3 font-medium text-slate-900">{formatAnswer(q, theirs[q.id])}</td>
                <td className="py-1.5 font-medium text-slate-900">{formatAnswer(q, mine[q.id] as Answers[string])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {theirNote ? <p className="mt-2 text-sm text-slate-800">Their note: “{theirNote}”</p> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={() => window.location.reload()}>
          Use their answers
        </Button>
        <Button type="button" onClick={onKeepMine}>
          Keep mine (replace theirs)
        </Button>
      </div>
    </div>
  );
}
