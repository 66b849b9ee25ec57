/** URLs of the workshop, in one place. */
export const teamPath = (teamSlug: string) => `/t/${teamSlug}`;
export const decisionPath = (teamSlug: string, decisionId: string) => `/t/${teamSlug}/decisions/${decisionId}`;
export const stepPath = (teamSlug: string, decisionId: string, stepId: string) =>
  `${decisionPath(teamSlug, decisionId)}/steps/${stepId}`;
export const resultPath = (teamSlug: string, decisionId: string) => `${decisionPath(teamSlug, decisionId)}/result`;
