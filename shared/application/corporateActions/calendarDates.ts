/** ISO date `days` after (or before, when negative) an ISO date. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The (UTC) date the oldest of these positions was opened, or null when there are none: corporate
 * actions before it concern none of them.
 */
export function oldestOpeningDate(positions: readonly { createdAt: number }[]): string | null {
  if (positions.length === 0) return null;
  const oldest = positions.reduce((m, p) => Math.min(m, p.createdAt), Infinity);
  return new Date(oldest).toISOString().slice(0, 10);
}
