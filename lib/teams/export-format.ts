/**
 * `levelset.team/v1`: a whole team as one JSON file (export by an owner, import
 * into a new team). Pure: zod and the rubric only.
 *
 * What is in it: the team's name; members by email, name and role; every
 * decision with answers, notes, stored result, levels, dates and its place in a
 * revisit chain; the audit trail; share-link metadata (never a token or its
 * hash); nothing else. Not in it: password hashes, session data, share or
 * invitation tokens/hashes, invitations, live-workshop sessions (their
 * per-person answers end up in the decision when a session closes).
 *
 * References inside the file are file-local, never database ids:
 * decisions and share links by `ref` ("d1", "s1", …), people by email.
 * Ids inside audit payloads are rewritten the same way, as the strings
 * `ref:decision:<ref>`, `ref:share:<ref>` and `ref:user:<email>`.
 */
import { z } from "zod";

import { ROLES } from "@/lib/dal/roles";
import { answersSchema, LEVELS, listRubricVersions, notesSchema, resultSchema } from "@/lib/rubric";

export const TEAM_EXPORT_FORMAT = "levelset.team/v1";

/** Largest file the import form accepts. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export const DECISION_STATUSES = ["draft", "in_review", "decided", "superseded", "archived"] as const;

const isoDate = z.iso.datetime({ offset: true });
const email = z.email().max(254);
const ref = z.string().regex(/^[a-z]\d{1,6}$/, "A reference like d1 or s1");
const text = (max: number) => z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);
const jsonValue = z.json();

export const exportedMemberSchema = z.strictObject({
  email,
  name: text(120),
  role: z.enum(ROLES),
  joinedAt: isoDate,
});

export const exportedDecisionSchema = z.strictObject({
  ref,
  title: z.string().trim().min(1).max(120),
  context: text(4000),
  participants: z.array(text(80)).max(50),
  status: z.enum(DECISION_STATUSES),
  rubricVersion: z.string().refine((v) => listRubricVersions().includes(v), "Unknown rubric version"),
  answers: z.record(z.string(), jsonValue),
  notes: z.record(z.string(), jsonValue),
  result: jsonValue.nullable(),
  recommendedLevel: z.enum(LEVELS).nullable(),
  finalLevel: z.enum(LEVELS).nullable(),
  overrideRationale: text(4000).nullable(),
  reviewBy: isoDate.nullable(),
  decidedAt: isoDate.nullable(),
  /** The decision this one revisits (its `ref`). */
  supersedes: ref.nullable(),
  ownerEmail: email.nullable(),
  createdByEmail: email.nullable(),
  version: z.int().min(1).max(1_000_000),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const exportedAuditEventSchema = z.strictObject({
  decision: ref.nullable(),
  actorEmail: email.nullable(),
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/, "An action like decision.recorded"),
  before: jsonValue.nullable(),
  after: jsonValue.nullable(),
  createdAt: isoDate,
});

export const exportedShareLinkSchema = z.strictObject({
  ref,
  decision: ref,
  createdByEmail: email.nullable(),
  createdAt: isoDate,
  expiresAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  lastViewedAt: isoDate.nullable(),
  viewCount: z.int().min(0).max(1_000_000_000),
});

export const teamExportSchema = z
  .strictObject({
    format: z.literal(TEAM_EXPORT_FORMAT, `Not a LevelSet team file (format must be "${TEAM_EXPORT_FORMAT}")`),
    exportedAt: isoDate,
    team: z.strictObject({ name: z.string().trim().min(2).max(60), createdAt: isoDate }),
    members: z.array(exportedMemberSchema).max(1000),
    decisions: z.array(exportedDecisionSchema).max(20_000),
    audit: z.array(exportedAuditEventSchema).max(200_000),
    shareLinks: z.array(exportedShareLinkSchema).max(50_000),
  })
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const emails = new Set<string>();
    file.members.forEach((m, i) => {
      const key = m.email.toLowerCase();
      if (emails.has(key)) issue(["members", i, "email"], "This email is listed twice");
      emails.add(key);
    });
    const refs = new Set<string>();
    file.decisions.forEach((d, i) => {
      if (refs.has(d.ref)) issue(["decisions", i, "ref"], `Reference ${d.ref} is used twice`);
      refs.add(d.ref);
      // Answers, notes and result must be what this rubric version accepts.
      const answers = answersSchema(d.rubricVersion).safeParse(d.answers);
      if (!answers.success) issue(["decisions", i, "answers"], answers.error.issues[0]?.message ?? "Invalid answers");
      const notes = notesSchema(d.rubricVersion).safeParse(d.notes);
      if (!notes.success) issue(["decisions", i, "notes"], notes.error.issues[0]?.message ?? "Invalid notes");
      if (d.result !== null) {
        const result = resultSchema.safeParse(d.result);
        if (!result.success) issue(["decisions", i, "result"], result.error.issues[0]?.message ?? "Invalid result");
      }
    });
    const supersededBy = new Set<string>();
    file.decisions.forEach((d, i) => {
      if (d.supersedes === null) return;
      if (!refs.has(d.supersedes) || d.supersedes === d.ref) issue(["decisions", i, "supersedes"], `No other decision ${d.supersedes} in this file`);
      else if (supersededBy.has(d.supersedes)) issue(["decisions", i, "supersedes"], `Decision ${d.supersedes} is revisited twice`);
      supersededBy.add(d.supersedes);
    });
    // A revisit chain never loops back on itself.
    const next = new Map(file.decisions.map((d) => [d.ref, d.supersedes]));
    file.decisions.forEach((d, i) => {
      let at = d.supersedes;
      for (let steps = 0; at && steps <= file.decisions.length; steps++) {
        if (at === d.ref) {
          issue(["decisions", i, "supersedes"], "The revisit chain loops back to this decision");
          return;
        }
        at = next.get(at) ?? null;
      }
    });
    file.audit.forEach((a, i) => {
      if (a.decision !== null && !refs.has(a.decision)) issue(["audit", i, "decision"], `No decision ${a.decision} in this file`);
    });
    const shareRefs = new Set<string>();
    file.shareLinks.forEach((s, i) => {
      if (shareRefs.has(s.ref)) issue(["shareLinks", i, "ref"], `Reference ${s.ref} is used twice`);
      shareRefs.add(s.ref);
      if (!refs.has(s.decision)) issue(["shareLinks", i, "decision"], `No decision ${s.decision} in this file`);
    });
  });

export type TeamExport = z.infer<typeof teamExportSchema>;
export type ExportedDecision = z.infer<typeof exportedDecisionSchema>;

/**
 * Replaces every string in a JSON value that `map` knows (exactly) with its
 * replacement: database ids → file refs on export, and back on import.
 */
export function mapStrings(value: unknown, map: ReadonlyMap<string, string | null>): unknown {
  if (typeof value === "string") return map.has(value) ? map.get(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
}
