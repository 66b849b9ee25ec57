import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ReviewStep } from "@/components/wizard/review-step";
import { StepForm } from "@/components/wizard/step-form";
import { getDecision } from "@/lib/dal/decisions";
import { orNotFound } from "@/lib/dal/not-found";
import { roleCan } from "@/lib/dal/roles";
import { requireUser } from "@/lib/dal/session";
import { requireRubric, score } from "@/lib/rubric";
import { findStep, listSteps, neighbours, REVIEW_STEP } from "@/lib/workshop/steps";

type Props = { params: Promise<{ teamSlug: string; decisionId: string; stepId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamSlug, decisionId, stepId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const step = findStep(requireRubric(decision.rubricVersion), stepId);
  return { title: step ? `${step.title} · ${decision.title}` : decision.title };
}

export default async function StepPage({ params }: Props) {
  const { teamSlug, decisionId, stepId } = await params;
  const user = await requireUser();
  const decision = await orNotFound(getDecision(user, teamSlug, decisionId));
  const rubric = requireRubric(decision.rubricVersion);
  const step = findStep(rubric, stepId);
  if (!step) notFound();
  const steps = listSteps(rubric).map(({ id, title, number }) => ({ id, title, number }));

  if (step.id === REVIEW_STEP) return <ReviewStep decision={decision} steps={steps} />;

  const sealed = decision.status !== "draft" && decision.status !== "in_review";
  const canAnswer = roleCan(decision.role, "answer");
  const { previous, next } = neighbours(rubric, step.id);
  return (
    <StepForm
      key={`${step.id}:${decision.version}`}
      teamSlug={teamSlug}
      decisionId={decisionId}
      stepId={step.id}
      section={step.section!}
      sections={[...rubric.sections]}
      steps={steps}
      stepNumber={step.number}
      rubricVersion={decision.rubricVersion}
      rubric={rubric}
      initial={{
        version: decision.version,
        answers: decision.answers,
        notes: decision.notes,
        result: score(decision.answers, decision.rubricVersion),
      }}
      previous={previous && { id: previous.id, title: previous.title, number: previous.number }}
      next={next && { id: next.id, title: next.title, number: next.number }}
      readOnly={sealed || !canAnswer}
      readOnlyReason={
        sealed
          ? "This decision is recorded, so its answers are sealed. A facilitator can reopen it from the result page."
          : !canAnswer
            ? "Viewers can read the workshop but not answer. Ask a team owner for the member role."
            : undefined
      }
    />
  );
}
