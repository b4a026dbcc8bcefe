import { calendarDay, MONDAY, THURSDAY, toIsoDate, weekdayOf } from './CalendarDay';
import type { CalendarDay } from './CalendarDay';
import { thanksgivingDay } from './NyseHolidays';
import { assertSupportedYear } from './SupportedYears';

/** A trading day on which the regular session ends early (13:00 ET, 14:00 before 1993). */
export interface NyseEarlyClose {
  readonly date: string;
  readonly name: string;
}

const JULY_3 = 'Day before Independence Day';
const JULY_5 = 'Day after Independence Day';
const BLACK_FRIDAY = 'Day after Thanksgiving';
const CHRISTMAS_EVE = 'Christmas Eve';
const DECEMBER_26 = 'Day after Christmas';
const Y2K = "New Year's Eve (year 2000 changeover)";

/** The last year of the published table; later years follow {@link nyseEarlyClosesByRule}. */
export const LAST_PUBLISHED_EARLY_CLOSE_YEAR = 2027;

/**
 * Scheduled early closes as the exchange announced them. Before 2013 they follow no rule (July 3 in some
 * years, July 5 in others, December 26 twice, the day after Thanksgiving only from 1992), so each one is
 * listed. Sources checked, day by day:
 * - 1990–2011: the NYSE closings history ("Stocks.NYSE-Closings.pdf") as transcribed in
 *   rsheftel/pandas_market_calendars calendars/nyse.py, cross-checked with its holidays/nyse.py rules and the
 *   exchange_calendars XNYS calendar (1997-12-26, 1999-12-31, 2003-12-26 ad hoc). That transcription lists
 *   "Dec 24, 1999" as an early close, but Christmas 1999 fell on a Saturday and the exchange was closed on
 *   Friday the 24th; its "Jul 4, 2008 (Thu)" is July 3, 2008.
 * - 1999-12-31: the NYSE board's April 1999 decision to close at 13:00 for the year 2000 changeover.
 * - 2010–2027: the NYSE Group holiday and early-closings announcements (e.g. the 2025–2027 and 2026–2028
 *   releases) and nyse.com/markets/hours-calendars.
 * Unscheduled interruptions are not early closes and are left out: late openings (1990-12-27, 1991-01-17,
 * 1991-02-25, 1995-12-18, 1996-01-08, 2001-09-17, 2001-10-08, 2002-09-11, 2003-03-20, 2004-06-07, 2006-12-27),
 * the snowstorm closes of 1994-02-11 (14:30) and 1996-01-08 (14:00), the circuit-breaker halt of 1997-10-27
 * and the systems stop of 2005-06-01. Nobody could have traded on them as a schedule, and daily bars are
 * unaffected.
 */
const PUBLISHED: readonly (readonly [date: string, name: string])[] = [
  ['1990-12-24', CHRISTMAS_EVE],
  ['1991-12-24', CHRISTMAS_EVE],
  ['1992-11-27', BLACK_FRIDAY],
  ['1992-12-24', CHRISTMAS_EVE],
  ['1993-11-26', BLACK_FRIDAY],
  ['1994-11-25', BLACK_FRIDAY],
  ['1995-07-03', JULY_3],
  ['1995-11-24', BLACK_FRIDAY],
  ['1996-07-05', JULY_5],
  ['1996-11-29', BLACK_FRIDAY],
  ['1996-12-24', CHRISTMAS_EVE],
  ['1997-07-03', JULY_3],
  ['1997-11-28', BLACK_FRIDAY],
  ['1997-12-24', CHRISTMAS_EVE],
  ['1997-12-26', DECEMBER_26],
  ['1998-11-27', BLACK_FRIDAY],
  ['1998-12-24', CHRISTMAS_EVE],
  ['1999-11-26', BLACK_FRIDAY],
  ['1999-12-31', Y2K],
  ['2000-07-03', JULY_3],
  ['2000-11-24', BLACK_FRIDAY],
  ['2001-07-03', JULY_3],
  ['2001-11-23', BLACK_FRIDAY],
  ['2001-12-24', CHRISTMAS_EVE],
  ['2002-07-05', JULY_5],
  ['2002-11-29', BLACK_FRIDAY],
  ['2002-12-24', CHRISTMAS_EVE],
  ['2003-07-03', JULY_3],
  ['2003-11-28', BLACK_FRIDAY],
  ['2003-12-24', CHRISTMAS_EVE],
  ['2003-12-26', DECEMBER_26],
  ['2004-11-26', BLACK_FRIDAY],
  ['2005-11-25', BLACK_FRIDAY],
  ['2006-07-03', JULY_3],
  ['2006-11-24', BLACK_FRIDAY],
  ['2007-07-03', JULY_3],
  ['2007-11-23', BLACK_FRIDAY],
  ['2007-12-24', CHRISTMAS_EVE],
  ['2008-07-03', JULY_3],
  ['2008-11-28', BLACK_FRIDAY],
  ['2008-12-24', CHRISTMAS_EVE],
  ['2009-11-27', BLACK_FRIDAY],
  ['2009-12-24', CHRISTMAS_EVE],
  ['2010-11-26', BLACK_FRIDAY],
  ['2011-11-25', BLACK_FRIDAY],
  ['2012-07-03', JULY_3],
  ['2012-11-23', BLACK_FRIDAY],
  ['2012-12-24', CHRISTMAS_EVE],
  ['2013-07-03', JULY_3],
  ['2013-11-29', BLACK_FRIDAY],
  ['2013-12-24', CHRISTMAS_EVE],
  ['2014-07-03', JULY_3],
  ['2014-11-28', BLACK_FRIDAY],
  ['2014-12-24', CHRISTMAS_EVE],
  ['2015-11-27', BLACK_FRIDAY],
  ['2015-12-24', CHRISTMAS_EVE],
  ['2016-11-25', BLACK_FRIDAY],
  ['2017-07-03', JULY_3],
  ['2017-11-24', BLACK_FRIDAY],
  ['2018-07-03', JULY_3],
  ['2018-11-23', BLACK_FRIDAY],
  ['2018-12-24', CHRISTMAS_EVE],
  ['2019-07-03', JULY_3],
  ['2019-11-29', BLACK_FRIDAY],
  ['2019-12-24', CHRISTMAS_EVE],
  ['2020-11-27', BLACK_FRIDAY],
  ['2020-12-24', CHRISTMAS_EVE],
  ['2021-11-26', BLACK_FRIDAY],
  ['2022-11-25', BLACK_FRIDAY],
  ['2023-07-03', JULY_3],
  ['2023-11-24', BLACK_FRIDAY],
  ['2024-07-03', JULY_3],
  ['2024-11-29', BLACK_FRIDAY],
  ['2024-12-24', CHRISTMAS_EVE],
  ['2025-07-03', JULY_3],
  ['2025-11-28', BLACK_FRIDAY],
  ['2025-12-24', CHRISTMAS_EVE],
  ['2026-11-27', BLACK_FRIDAY],
  ['2026-12-24', CHRISTMAS_EVE],
  ['2027-11-26', BLACK_FRIDAY],
];

function isMondayToThursday(day: CalendarDay): boolean {
  const weekday = weekdayOf(day);
  return weekday >= MONDAY && weekday <= THURSDAY;
}

/**
 * The exchange's practice since 2013, which every announcement from 2013 to 2028 follows: 13:00 closes on the
 * day after Thanksgiving, and on July 3 and December 24 when they fall Monday to Thursday (on a Friday they are
 * the observed Independence Day or Christmas; on a weekend there is no session). Used after the published table.
 */
export function nyseEarlyClosesByRule(year: number): readonly NyseEarlyClose[] {
  assertSupportedYear(year);
  const july3 = calendarDay(year, 7, 3);
  const christmasEve = calendarDay(year, 12, 24);
  return [
    ...(isMondayToThursday(july3) ? [{ date: toIsoDate(july3), name: JULY_3 }] : []),
    { date: toIsoDate(thanksgivingDay(year) + 1), name: BLACK_FRIDAY },
    ...(isMondayToThursday(christmasEve) ? [{ date: toIsoDate(christmasEve), name: CHRISTMAS_EVE }] : []),
  ];
}

/** The year's scheduled early closes in date order. */
export function nyseEarlyCloses(year: number): readonly NyseEarlyClose[] {
  assertSupportedYear(year);
  if (year > LAST_PUBLISHED_EARLY_CLOSE_YEAR) return nyseEarlyClosesByRule(year);
  return PUBLISHED.filter(([date]) => date.startsWith(`${year}-`)).map(([date, name]) => ({ date, name }));
}
