/**
 * Dates of SPEC 8 are ISO session dates (`YYYY-MM-DD`); holding periods count calendar days and are
 * computed on UTC day numbers, with no time zone and no year limit.
 */
import { civilFromDays, daysFromCivil } from '../calendar/CivilDays';

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date, in integer arithmetic (H. Hinnant's days_from_civil):
 * no Date object, because the wash-sale view and the round trips compute thousands of them.
 */
export function dayNumber(date: string): number {
  const y =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return daysFromCivil(y, m, d);
}

/**
 * The `YYYY-MM-DD` date of a day number, remembered: the wash-sale view turns thousands of day numbers
 * back into dates, mostly the same few thousand days, and building the string was most of its cost.
 */
const DATE_OF_DAY = new Map<number, string>();
export function dateOfDayNumber(day: number): string {
  let date = DATE_OF_DAY.get(day);
  if (date === undefined) {
    date = isoDateOfDay(day);
    if (DATE_OF_DAY.size > 100_000) DATE_OF_DAY.clear();
    DATE_OF_DAY.set(day, date);
  }
  return date;
}

/** The `YYYY-MM-DD` date of a day number. */
function isoDateOfDay(day: number): string {
  const { year: y, month: m, day: d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Calendar days from `from` to `to` (0 on the same day). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/**
 * The first anniversary of a holding start: the same month and day a year later; a start on
 * 29 February has its anniversary on 28 February (ADR 0091).
 */
export function firstAnniversary(start: string): string {
  const year = Number(start.slice(0, 4)) + 1;
  const monthDay = start.slice(5);
  if (monthDay === '02-29') return `${String(year).padStart(4, '0')}-02-28`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * SPEC 8: long term = sold after the first anniversary of the holding start (not on it). The same
 * comparison as `saleDate > firstAnniversary(holdingStart)`, on digits: no string is built.
 */
export function isLongTerm(holdingStart: string, saleDate: string): boolean {
  return isLongTermOf(yearMonthDay(holdingStart), yearMonthDay(saleDate));
}

/** `isLongTerm` of two dates given as `yearMonthDay` integers. */
export function isLongTermOf(start: number, sale: number): boolean {
  let monthDay = start % 10_000;
  if (monthDay === 229) monthDay = 228;
  return sale > (Math.floor(start / 10_000) + 1) * 10_000 + monthDay;
}

/**
 * A `YYYY-MM-DD` date as the integer YYYYMMDD, read digit by digit: a closed lot part reads each of its
 * two dates once for both its holding days and its long-term test.
 */
export function yearMonthDay(s: string): number {
  return (
    (s.charCodeAt(0) - 48) * 10_000_000 +
    (s.charCodeAt(1) - 48) * 1_000_000 +
    (s.charCodeAt(2) - 48) * 100_000 +
    (s.charCodeAt(3) - 48) * 10_000 +
    (s.charCodeAt(5) - 48) * 1000 +
    (s.charCodeAt(6) - 48) * 100 +
    (s.charCodeAt(8) - 48) * 10 +
    (s.charCodeAt(9) - 48)
  );
}

/** `dayNumber` of a date given as a `yearMonthDay` integer. */
export function dayNumberOf(ymd: number): number {
  const y = Math.floor(ymd / 10_000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return daysFromCivil(y, m, d);
}
