import { DateTime } from 'luxon';
import {
  calendarDay,
  civilDate,
  MS_PER_DAY,
  parseIsoDate,
  SATURDAY,
  toIsoDate,
  weekdayOf,
  yearOf,
} from './CalendarDay';
import type { CalendarDay } from './CalendarDay';
import type { MarketSession } from './MarketSession';
import { nyseEarlyCloses } from './NyseEarlyCloses';
import { nyseHolidays } from './NyseHolidays';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './SupportedYears';

/**
 * The US equity market calendar (NYSE, which Nasdaq follows) and its sessions, SPEC 2.2. Dates are ISO
 * `YYYY-MM-DD` in the exchange's own date (America/New_York); instants are epoch milliseconds. Every function
 * throws a RangeError for a date or instant outside the supported years (1990–2100) or a malformed date.
 */

export const US_EQUITY_TIME_ZONE = 'America/New_York';

/** One trading day's session boundaries, epoch ms; each session is the half-open interval [start, end). */
export interface SessionHours {
  readonly extendedOpen: number;
  readonly regularOpen: number;
  readonly regularClose: number;
  readonly extendedClose: number;
}

interface YearCalendar {
  readonly holidays: ReadonlyMap<CalendarDay, string>;
  readonly earlyCloses: ReadonlySet<CalendarDay>;
}

// The caches hold at most one entry per year or day of the supported range (about 40 000 days), so they need
// no eviction. They make the per-bar calls of a simulation and the live loop's per-position calls map lookups.
const yearCalendars = new Map<number, YearCalendar>();
const sessionHoursCache = new Map<CalendarDay, SessionHours | null>();
const midnightCache = new Map<CalendarDay, number>();

function yearCalendar(year: number): YearCalendar {
  let calendar = yearCalendars.get(year);
  if (calendar === undefined) {
    calendar = {
      holidays: new Map(nyseHolidays(year).map((h) => [parseIsoDate(h.date), h.name])),
      earlyCloses: new Set(nyseEarlyCloses(year).map((c) => parseIsoDate(c.date))),
    };
    yearCalendars.set(year, calendar);
  }
  return calendar;
}

function isTradingCalendarDay(day: CalendarDay): boolean {
  const calendar = yearCalendar(yearOf(day));
  return weekdayOf(day) < SATURDAY && !calendar.holidays.has(day);
}

/** A local wall-clock time on a given exchange date as an instant; luxon applies the DST rules of that date. */
function exchangeTime(day: CalendarDay, hour: number, minute = 0): number {
  const { year, month, day: dayOfMonth } = civilDate(day);
  const time = DateTime.fromObject(
    { year, month, day: dayOfMonth, hour, minute },
    { zone: US_EQUITY_TIME_ZONE },
  );
  // Only a runtime without time-zone data gets here; failing loudly beats computing sessions from NaN.
  if (!time.isValid) {
    throw new Error(`US equity calendar: cannot resolve ${US_EQUITY_TIME_ZONE}: ${time.invalidExplanation}`);
  }
  return time.toMillis();
}

function exchangeMidnight(day: CalendarDay): number {
  let midnight = midnightCache.get(day);
  if (midnight === undefined) {
    midnight = exchangeTime(day, 0);
    midnightCache.set(day, midnight);
  }
  return midnight;
}

const FIRST_SUPPORTED_INSTANT = exchangeTime(calendarDay(FIRST_SUPPORTED_YEAR, 1, 1), 0);
const END_OF_SUPPORTED_INSTANTS = exchangeTime(calendarDay(LAST_SUPPORTED_YEAR + 1, 1, 1), 0);

function exchangeDayOf(instantMs: number): CalendarDay {
  if (!Number.isFinite(instantMs)) {
    throw new RangeError(`US equity calendar: ${instantMs} is not an instant in epoch milliseconds`);
  }
  if (instantMs < FIRST_SUPPORTED_INSTANT || instantMs >= END_OF_SUPPORTED_INSTANTS) {
    throw new RangeError(
      `US equity calendar: ${new Date(instantMs).toISOString()} is outside the supported years ` +
        `${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
    );
  }
  // New York is behind UTC, so its date is the UTC date once New York's midnight has passed, else the day before.
  const utcDay = Math.floor(instantMs / MS_PER_DAY);
  return instantMs >= exchangeMidnight(utcDay) ? utcDay : utcDay - 1;
}

function sessionHoursOf(day: CalendarDay): SessionHours | null {
  let hours = sessionHoursCache.get(day);
  if (hours === undefined) {
    hours = isTradingCalendarDay(day) ? computeSessionHours(day) : null;
    sessionHoursCache.set(day, hours);
  }
  return hours;
}

/**
 * Regular 09:30–16:00 with extended hours 04:00–09:30 and 16:00–20:00; on an early-close day the regular
 * session ends at 13:00 (14:00 before 1993, the exchange's early-close time until then) and the extended one
 * at 17:00, when the exchanges' late sessions close on those days. Every year gets today's hours: extended
 * trading did not exist in the early 1990s, but the calendar describes the sessions the app trades in.
 */
function computeSessionHours(day: CalendarDay): SessionHours {
  const year = yearOf(day);
  const early = yearCalendar(year).earlyCloses.has(day);
  const earlyCloseHour = year < 1993 ? 14 : 13;
  return {
    extendedOpen: exchangeTime(day, 4),
    regularOpen: exchangeTime(day, 9, 30),
    regularClose: exchangeTime(day, early ? earlyCloseHour : 16),
    extendedClose: exchangeTime(day, early ? 17 : 20),
  };
}

export function isTradingDay(date: string): boolean {
  return isTradingCalendarDay(parseIsoDate(date));
}

/** The exchange holiday observed on a date (a weekday), or null; weekends are closed but are not holidays. */
export function holidayOn(date: string): { name: string } | null {
  const day = parseIsoDate(date);
  const name = yearCalendar(yearOf(day)).holidays.get(day);
  return name === undefined ? null : { name };
}

export function isEarlyClose(date: string): boolean {
  const day = parseIsoDate(date);
  return isTradingCalendarDay(day) && yearCalendar(yearOf(day)).earlyCloses.has(day);
}

/** The America/New_York calendar date of an instant. */
export function exchangeDateOf(instantMs: number): string {
  return toIsoDate(exchangeDayOf(instantMs));
}

/** The first trading day strictly after a date. */
export function nextTradingDay(date: string): string {
  let day = parseIsoDate(date) + 1;
  while (!isTradingCalendarDay(day)) day += 1;
  return toIsoDate(day);
}

/** The last trading day strictly before a date. */
export function previousTradingDay(date: string): string {
  let day = parseIsoDate(date) - 1;
  while (!isTradingCalendarDay(day)) day -= 1;
  return toIsoDate(day);
}

/** The trading days from `from` to `to`, both included, ascending; empty when `from` is after `to`. */
export function tradingDaysBetween(from: string, to: string): string[] {
  const last = parseIsoDate(to);
  const days: string[] = [];
  for (let day = parseIsoDate(from); day <= last; day += 1) {
    if (isTradingCalendarDay(day)) days.push(toIsoDate(day));
  }
  return days;
}

/** The session boundaries of a date, or null when the exchange does not trade that day. */
export function sessionHours(date: string): SessionHours | null {
  return sessionHoursOf(parseIsoDate(date));
}

export function marketSessionAt(instantMs: number): MarketSession {
  const hours = sessionHoursOf(exchangeDayOf(instantMs));
  if (hours === null || instantMs < hours.extendedOpen || instantMs >= hours.extendedClose) return 'CLOSED';
  return instantMs >= hours.regularOpen && instantMs < hours.regularClose ? 'REGULAR' : 'EXTENDED';
}

/**
 * The regular session in force at an instant, or the next one to open: its open and close. "When does
 * the market open next" for messages and the demo's skipping of closed hours.
 */
export function currentOrNextRegularSession(instantMs: number): { open: number; close: number } {
  let date = exchangeDateOf(instantMs);
  for (;;) {
    const hours = sessionHours(date);
    if (hours !== null && instantMs < hours.regularClose) {
      return { open: hours.regularOpen, close: hours.regularClose };
    }
    date = nextTradingDay(date);
  }
}
