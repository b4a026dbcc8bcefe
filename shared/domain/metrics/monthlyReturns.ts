import { civilFromDays, daysFromCivil } from '../calendar/CivilDays';
import { assertEquity } from './validation';

export interface MonthlyReturn {
  year: number;
  /** 1–12. */
  month: number;
  return: number;
}

export interface YearlyReturn {
  year: number;
  return: number;
}

/**
 * The months and years of a series of dates: for each period its key ("2020-03" or "2020") and the
 * index of its last date. Built once (the dates validated once) and applied to every equity series
 * over the same dates: a run's strategy and its buy-and-hold.
 */
export interface PeriodCalendar {
  length: number;
  months: PeriodEnds;
  years: PeriodEnds;
}

interface PeriodEnds {
  keys: string[];
  ends: number[];
}

/**
 * The calendar of `dates`: ISO YYYY-MM-DD, strictly increasing; anything else throws RangeError.
 * Each date is read once, character by character, as the number YYYYMMDD (no regular expression, no
 * slicing but one per period): its month is that number / 100 and its year that number / 10 000.
 */
export function periodCalendar(dates: readonly string[]): PeriodCalendar {
  const months: PeriodEnds = { keys: [], ends: [] };
  const years: PeriodEnds = { keys: [], ends: [] };
  let previous = -1;
  // YYYYMM and YYYY of the previous date, as integers: `| 0` lets the optimiser divide in integers (a
  // float division and floor per date made this loop cost more than a whole replay of the same sessions).
  let previousMonth = -1;
  let previousYear = -1;
  // Read before the loop: an expression first reached after a loop the optimiser entered mid-way
  // (on-stack replacement) has no type feedback, and deoptimised this function on every call.
  const last = dates.length - 1;
  for (let i = 0; i <= last; i++) {
    const date = dates[i] as string;
    const value = isoDateNumber(date);
    if (value < 0) throw new RangeError(`dates[${i}] must be an ISO date YYYY-MM-DD, got ${date}`);
    if (value <= previous) {
      throw new RangeError(`dates must be strictly increasing: dates[${i}] = ${date} after ${dates[i - 1]}`);
    }
    const month = (value / 100) | 0;
    const year = (value / 10_000) | 0;
    if (i > 0) {
      if (month !== previousMonth) addEnd(months, dates[i - 1] as string, 7, i - 1);
      if (year !== previousYear) addEnd(years, dates[i - 1] as string, 4, i - 1);
    }
    previous = value;
    previousMonth = month;
    previousYear = year;
  }
  if (last >= 0) {
    addEnd(months, dates[last] as string, 7, last);
    addEnd(years, dates[last] as string, 4, last);
  }
  return { length: dates.length, months, years };
}

const DAY_MS = 86_400_000;

/**
 * The calendar of daily bars read off their times instead of their date strings: `times[i]` is epoch
 * ms of 00:00 UTC of the date `labels[i]` names (how HistoricalBars stamps daily bars), strictly
 * increasing (checked). A time not at 00:00 UTC, or a month's first label that does not name the month its
 * time falls in, falls back to reading the labels (`periodCalendar`), so a source stamped otherwise
 * gives the same calendar, only slower. Each time is compared with the end of the month it falls in, and only a bar that starts
 * a new month is turned into a date: a full result's calendar otherwise read ten characters of every
 * session's date, which cost as much as the rest of the result's tables. Throws RangeError when the
 * lengths differ or a time is not a finite number.
 */
export function periodCalendarOfDays(times: ArrayLike<number>, labels: readonly string[]): PeriodCalendar {
  if (times.length !== labels.length) {
    throw new RangeError(`times (${times.length}) and labels (${labels.length}) must have the same length`);
  }
  const months: PeriodEnds = { keys: [], ends: [] };
  const years: PeriodEnds = { keys: [], ends: [] };
  const last = times.length - 1;
  // The first ms of the next month and of the next year after the current bar's.
  let nextMonth = -Infinity;
  let nextYear = -Infinity;
  let previous = -Infinity;
  for (let i = 0; i <= last; i++) {
    const t = times[i] as number;
    if (!(t > previous) || !Number.isFinite(t))
      throw new RangeError(`times must be finite and strictly increasing: times[${i}] = ${t}`);
    previous = t;
    // Not a bar stamped at 00:00 UTC of its date: the times cannot be trusted for the calendar.
    if (t % DAY_MS !== 0) return periodCalendar(labels);
    if (t < nextMonth) continue;
    // A bar in a new month: the months (and perhaps the year) before it end at the bar before.
    const { year, month } = civilFromDays(t / DAY_MS);
    // Its label must name that month (YYYY-MM-…); otherwise times and labels disagree: read the labels.
    if (!labelIsMonth(labels[i] as string, year, month)) return periodCalendar(labels);
    nextMonth = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) * DAY_MS;
    if (i > 0) {
      addEnd(months, labels[i - 1] as string, 7, i - 1);
      if (t >= nextYear) addEnd(years, labels[i - 1] as string, 4, i - 1);
    }
    if (t >= nextYear) nextYear = daysFromCivil(year + 1, 1, 1) * DAY_MS;
  }
  if (last >= 0) {
    addEnd(months, labels[last] as string, 7, last);
    addEnd(years, labels[last] as string, 4, last);
  }
  return { length: times.length, months, years };
}

/** True when `label` starts with the year and month `YYYY-MM` (four-digit years). */
function labelIsMonth(label: string, year: number, month: number): boolean {
  return (
    label.length >= 7 &&
    label.charCodeAt(4) === 45 &&
    Number(label.slice(0, 4)) === year &&
    Number(label.slice(5, 7)) === month
  );
}

function addEnd(periods: PeriodEnds, date: string, keyLength: number, index: number): void {
  periods.keys.push(date.slice(0, keyLength));
  periods.ends.push(index);
}

/**
 * Compounded return per calendar month: the month's last equity over the previous month's last
 * equity, minus 1; the first month is measured from the first bar (so a month holding only the
 * first bar returns 0). Months without bars are absent, not 0. `dates` are ISO YYYY-MM-DD, strictly
 * increasing, one per equity value (or their `periodCalendar`); anything else throws RangeError.
 */
export function monthlyReturns(
  dates: readonly string[] | PeriodCalendar,
  equity: readonly number[],
): MonthlyReturn[] {
  const { keys } = calendarOf(dates).months;
  return periodReturns(dates, equity, 'months').map((value, p) => {
    const key = keys[p] as string;
    return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), return: value };
  });
}

/** Compounded return per calendar year, with the same rules as `monthlyReturns`. */
export function yearlyReturns(
  dates: readonly string[] | PeriodCalendar,
  equity: readonly number[],
): YearlyReturn[] {
  const { keys } = calendarOf(dates).years;
  return periodReturns(dates, equity, 'years').map((value, p) => ({
    year: Number(keys[p]),
    return: value,
  }));
}

function calendarOf(dates: readonly string[] | PeriodCalendar): PeriodCalendar {
  return 'months' in dates ? dates : periodCalendar(dates);
}

/**
 * Each period's close-to-close return, in the order of the calendar's periods (`calendar.months.keys`
 * or `.years.keys` name them): the period's last equity over the previous period's last, minus 1.
 */
export function periodReturns(
  dates: readonly string[] | PeriodCalendar,
  equity: readonly number[],
  period: 'months' | 'years',
): number[] {
  const calendar = calendarOf(dates);
  assertEquity(equity);
  return periodReturnsOfChecked(calendar, equity, period);
}

/** `periodReturns` of an equity series the caller has already put through `assertEquity`. */
export function periodReturnsOfChecked(
  calendar: PeriodCalendar,
  equity: readonly number[],
  period: 'months' | 'years',
): number[] {
  if (calendar.length !== equity.length) {
    throw new RangeError(
      `dates (${calendar.length}) and equity (${equity.length}) must have the same length`,
    );
  }
  const { ends } = calendar[period];
  const out = new Array<number>(ends.length);
  let base = equity[0] as number;
  for (let p = 0; p < ends.length; p++) {
    const close = equity[ends[p] as number] as number;
    out[p] = close / base - 1;
    base = close;
  }
  return out;
}

/**
 * A real proleptic-Gregorian date written YYYY-MM-DD as the number YYYYMMDD (these order as the dates
 * do), or −1 for anything else. Each character is read once: a full result reads every session's date.
 */
function isoDateNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return -1;
  const y0 = date.charCodeAt(0) - ZERO;
  const y1 = date.charCodeAt(1) - ZERO;
  const y2 = date.charCodeAt(2) - ZERO;
  const y3 = date.charCodeAt(3) - ZERO;
  const m0 = date.charCodeAt(5) - ZERO;
  const m1 = date.charCodeAt(6) - ZERO;
  const d0 = date.charCodeAt(8) - ZERO;
  const d1 = date.charCodeAt(9) - ZERO;
  // A digit is 0–9; `>>> 0` turns a character below "0" into a number far above 9.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10_000 + month * 100 + day;
}

const DASH = 45;
const ZERO = 48;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
