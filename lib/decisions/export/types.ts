/**
 * What the exports read: a plain object shaped like the DAL's `DecisionDetail`
 * (which satisfies it), so these functions stay pure — no next, react or
 * prisma — and can be tested with literals.
 */
import type { Answers, Level, Notes, Result } from "@/lib/rubric";

export type ExportableDecision = {
  id: string;
  title: string;
  /** The use case: what the LLM feature does and for whom. */
  context: string;
  teamName?: string;
  participants: readonly string[];
  status: string;
  rubricVersion: string;
  answers: Answers;
  notes: Notes;
  /** The Result stored when the decision was recorded; null before. */
  result: Result | null;
  recommendedLevel: Level | null;
  finalLevel: Level | null;
  overrideRationale: string | null;
  reviewBy: Date | null;
  decidedAt: Date | null;
  owner: { name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  supersedes: { id: string; title: string } | null;
  supersededBy: { id: string; title: string } | null;
};

/** A decision counts as recorded once it has left draft / in review. */
export function isRecorded(decision: Pick<ExportableDecision, "status">): boolean {
  return decision.status !== "draft" && decision.status !== "in_review";
}
