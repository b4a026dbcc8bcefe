import type { IdGenerator } from '../../ports/IdGenerator';

/** SPEC 4.1: one tick every 5 minutes, aligned to the wall clock (:00, :05, …). */
export const TICK_INTERVAL_MS = 5 * 60_000;

const MANUAL_PREFIX = 'manual:';

/** Start of the slot containing `ms` (UTC-aligned; 5 minutes divide every hour in every time zone). */
export function slotStart(ms: number, intervalMs: number = TICK_INTERVAL_MS): number {
  return Math.floor(ms / intervalMs) * intervalMs;
}

/** The tick id of a scheduled tick: the ISO text of its slot's UTC start, e.g. 2024-06-03T14:35:00.000Z. */
export function slotTickId(slotStartMs: number): string {
  return new Date(slotStartMs).toISOString();
}

/** "Evaluate now" gets its own id, never a slot's: it can neither collide with nor replace a scheduled tick. */
export function manualTickId(ids: IdGenerator): string {
  return `${MANUAL_PREFIX}${ids.next()}`;
}

export function isManualTickId(tickId: string): boolean {
  return tickId.startsWith(MANUAL_PREFIX);
}

/**
 * Slots that passed without a tick between two scheduled ticks (after sleep or downtime): 0 when they
 * are consecutive, and 0 when either is not a slot id or the order is reversed.
 */
export function missedSlotsBetween(
  previousTickId: string,
  tickId: string,
  intervalMs: number = TICK_INTERVAL_MS,
): number {
  if (isManualTickId(previousTickId) || isManualTickId(tickId)) return 0;
  const gap = Date.parse(tickId) - Date.parse(previousTickId);
  if (!Number.isFinite(gap) || gap <= intervalMs) return 0;
  return Math.floor(gap / intervalMs) - 1;
}
