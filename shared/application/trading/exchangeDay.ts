import { DateTime } from 'luxon';
import { US_EQUITY_TIME_ZONE } from '../../domain/calendar';

/** [start, end) of an exchange date (New York midnight to midnight, DST-correct), epoch ms. */
export function exchangeDayBounds(date: string): { fromMs: number; toMs: number } {
  const start = DateTime.fromISO(date, { zone: US_EQUITY_TIME_ZONE }).startOf('day');
  if (!start.isValid) throw new RangeError(`exchangeDayBounds: ${date} is not an ISO date`);
  return { fromMs: start.toMillis(), toMs: start.plus({ days: 1 }).toMillis() };
}
