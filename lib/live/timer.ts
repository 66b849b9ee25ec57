/** The per-step countdown, rendered by every client from the deadline stored in the database. */
export function remainingSeconds(deadline: string | Date | null, now: number): number | null {
  if (!deadline) return null;
  const end = typeof deadline === "string" ? Date.parse(deadline) : deadline.getTime();
  return Math.max(0, Math.ceil((end - now) / 1000));
}

export function formatCountdown(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}
