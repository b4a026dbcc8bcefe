import {
  currentOrNextRegularSession,
  exchangeDateOf,
  previousTradingDay,
  sessionHours,
} from '../../../shared/domain/calendar';

/**
 * The stretches of closed time the demo skips (issue 15: "nights and weekends pass in a second"): from
 * ten minutes after a regular close to ten minutes before the next regular open. The ticks around the
 * close and the open still run, so the close's last quote is kept and the open is seen coming.
 */
export const AFTER_CLOSE_MS = 10 * 60_000;
export const BEFORE_OPEN_MS = 10 * 60_000;

export interface Stretch {
  start: number;
  end: number;
}

/** The skipped stretch containing `v`, or the next one after it. */
export function closedStretchAtOrAfter(v: number): Stretch {
  const session = currentOrNextRegularSession(v);
  if (v < session.open) {
    const previous = sessionHours(previousTradingDay(exchangeDateOf(session.open)));
    const start = (previous?.regularClose ?? session.open) + AFTER_CLOSE_MS;
    const end = session.open - BEFORE_OPEN_MS;
    if (v < end && start < end) return { start, end };
  }
  const next = currentOrNextRegularSession(session.close);
  return { start: session.close + AFTER_CLOSE_MS, end: next.open - BEFORE_OPEN_MS };
}

/** Milliseconds of `[a, b)` outside the skipped stretches (a ≤ b). */
export function openTimeBetween(a: number, b: number): number {
  let total = 0;
  let v = a;
  while (v < b) {
    const s = closedStretchAtOrAfter(v);
    if (s.start >= b) return total + (b - v);
    if (s.start > v) total += s.start - v;
    v = Math.max(v, s.end);
  }
  return total;
}

/** How many slot starts (multiples of `intervalMs`) of `(a, b)` fall inside skipped stretches. */
export function skippedSlotsBetween(a: number, b: number, intervalMs: number): number {
  let count = 0;
  let v = a + 1;
  while (v < b) {
    const s = closedStretchAtOrAfter(v);
    if (s.start >= b) break;
    const from = Math.max(s.start, v);
    const to = Math.min(s.end, b);
    if (to > from) count += Math.ceil(to / intervalMs) - Math.ceil(from / intervalMs);
    v = s.end;
  }
  return count;
}
