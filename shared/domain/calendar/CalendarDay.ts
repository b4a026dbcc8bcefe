import { assertSupportedYear } from './SupportedYears';

/**
 * A calendar day as the whole number of days since 1970-01-01 (Gregorian). The calendar computes with these
 * because the next day is then an addition and the weekday a remainder; its public API speaks ISO `YYYY-MM-DD`.
 * A day number names a date, not an instant: no time zone is involved.
 */
export type CalendarDay = number;

/** ISO weekday numbers, as luxon uses them. */
export const MONDAY = 1;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;
export const SUNDAY = 7;

export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function calendarDay(year: number, month: number, day: number): CalendarDay {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses `YYYY-MM-DD`; a malformed or non-existent date, or a year outside the supported range, is a RangeError. */
export function parseIsoDate(date: string): CalendarDay {
  const match = ISO_DATE.exec(date);
  if (match === null) throw new RangeError(`US equity calendar: "${date}" is not an ISO date (YYYY-MM-DD)`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  assertSupportedYear(year);
  const result = calendarDay(year, month, day);
  const parts = civilDate(result);
  if (parts.month !== month || parts.day !== day) {
    throw new RangeError(`US equity calendar: "${date}" is not a date that exists`);
  }
  return result;
}

export function toIsoDate(day: CalendarDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function civilDate(day: CalendarDay): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOf(day: CalendarDay): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function weekdayOf(day: CalendarDay): number {
  // Day 0, 1970-01-01, was a Thursday.
  return ((((day + THURSDAY - 1) % 7) + 7) % 7) + 1;
}

/** The n-th (1-based) given weekday of a month, e.g. the 4th Thursday of November. */
export function nthWeekdayOf(year: number, month: number, weekday: number, n: number): CalendarDay {
  const first = calendarDay(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

/** The last given weekday of a month, e.g. the last Monday of May. */
export function lastWeekdayOf(year: number, month: number, weekday: number): CalendarDay {
  const last = calendarDay(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}
