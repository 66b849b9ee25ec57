/** How long a decision holds before the team should look again, from how fast its facts change. */
export const REVIEW_MONTHS_BY_CHANGE_VELOCITY: Record<string, number> = {
  weekly: 1,
  monthly: 3,
  quarterly: 6,
  rarely: 12,
};
const DEFAULT_REVIEW_MONTHS = 6;

/** The default review-by date: `from` plus the interval for the team's change velocity (UTC, day precision). */
export function defaultReviewBy(changeVelocity: unknown, from: Date): Date {
  const months =
    typeof changeVelocity === "string"
      ? (REVIEW_MONTHS_BY_CHANGE_VELOCITY[changeVelocity] ?? DEFAULT_REVIEW_MONTHS)
      : DEFAULT_REVIEW_MONTHS;
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, from.getUTCDate()));
  // 31 Jan + 1 month must not roll over into March.
  if (d.getUTCDate() !== from.getUTCDate()) d.setUTCDate(0);
  return d;
}
