import type { AuditEntry } from "@/lib/dal/decisions";
import type { Question, Rubric } from "@/lib/rubric";
import { formatAnswer } from "@/lib/workshop/format";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const ACTIONS: Record<string, string> = {
  "decision.created": "started the decision",
  "decision.answers_updated": "changed answers",
  "decision.recorded": "recorded the decision",
  "decision.reopened": "reopened the decision for a revision",
  "decision.superseded": "marked it superseded by a revisit",
  "decision.revisited": "started a revisit with today’s facts",
  "decision.revisit_started": "started this revisit",
  "decision.archived": "archived the decision",
  "decision.unarchived": "restored the decision from the archive",
  "share_link.created": "created a share link",
  "share_link.revoked": "revoked a share link",
};

/** Who did what and when, with before → after for changed answers. */
export function AuditTrail({ entries, rubric }: { entries: AuditEntry[]; rubric: Rubric }) {
  const questions = new Map<string, Question>(rubric.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const sectionOfNote = new Map(rubric.sections.map((s) => [s.noteId, s.title]));
  const show = (key: string, value: unknown) => {
    const q = questions.get(key);
    if (q) return formatAnswer(q, value as never);
    if (value === null || value === undefined) return "—";
    return typeof value === "string" ? `“${value}”` : JSON.stringify(value);
  };
  if (entries.length === 0) return <p className="text-slate-600">No changes recorded yet.</p>;
  return (
    <ol className="flex flex-col gap-4">
      {entries.map((e) => {
        const changes =
          e.action === "decision.answers_updated" && e.after
            ? Object.keys(e.after).filter((k) => k !== "step")
            : [];
        return (
          <li key={e.id} className="border-l-2 border-slate-200 pl-4">
            <p className="text-slate-900">
              <span className="font-medium">{e.actorName ?? "Someone"}</span> {ACTIONS[e.action] ?? e.action}
              {e.action === "decision.recorded" && e.after?.finalLevel ? (
                <span className="text-slate-700">
                  {" "}
                  — {rubric.outcomes.find((o) => o.id === e.after?.finalLevel)?.label ?? String(e.after.finalLevel)}
                </span>
              ) : null}
            </p>
            <p className="text-sm text-slate-600">
              <time dateTime={e.createdAt.toISOString()}>{timeFormat.format(e.createdAt)} UTC</time>
            </p>
            {changes.length > 0 ? (
              <ul className="mt-1.5 space-y-1 text-sm">
                {changes.map((k) => (
                  <li key={k} className="text-slate-700">
                    <span className="text-slate-900">{questions.get(k)?.label ?? (sectionOfNote.has(k) ? `Notes (${sectionOfNote.get(k)})` : k)}</span>
                    {": "}
                    <del className="text-slate-600">{show(k, e.before?.[k])}</del> → <ins className="font-medium text-slate-900 no-underline">{show(k, e.after?.[k])}</ins>
                  </li>
                ))}
              </ul>
            ) : null}
            {e.action === "decision.reopened" && e.before?.finalLevel ? (
              <p className="mt-1 text-sm text-slate-700">
                Was recorded as {rubric.outcomes.find((o) => o.id === e.before?.finalLevel)?.label ?? String(e.before.finalLevel)}
                {e.before.overrideRationale ? ` (“${String(e.before.overrideRationale)}”)` : ""}.
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
