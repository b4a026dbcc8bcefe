import {
  calendarDay,
  lastWeekdayOf,
  MONDAY,
  nthWeekdayOf,
  SATURDAY,
  SUNDAY,
  THURSDAY,
  toIsoDate,
  weekdayOf,
} from './CalendarDay';
import type { CalendarDay } from './CalendarDay';
import { easterSunday } from './Easter';
import { assertSupportedYear } from './SupportedYears';

/** A weekday on which the exchange is closed all day. */
export interface NyseHoliday {
  readonly date: string;
  readonly name: string;
}

/**
 * Full-day closures that no rule produces, 1990 onwards: national days of mourning, the September 11 attacks
 * and Hurricane Sandy. Checked against the NYSE closings history (the "Stocks.NYSE-Closings" list quoted in
 * pandas_market_calendars, calendars/nyse.py and holidays/nyse.py) and the exchange_calendars XNYS calendar;
 * the 1990s had no weather closure of a whole day (the 1994 and 1996 snowstorms only shortened sessions).
 */
export const NYSE_SPECIAL_CLOSURES: readonly NyseHoliday[] = [
  { date: '1994-04-27', name: 'National Day of Mourning for former President Richard M. Nixon' },
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'National Day of Mourning for former President Ronald Reagan' },
  { date: '2007-01-02', name: 'National Day of Mourning for former President Gerald R. Ford' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National Day of Mourning for former President George H. W. Bush' },
  { date: '2025-01-09', name: 'National Day of Mourning for former President Jimmy Carter' },
];

/**
 * NYSE Rule 7.2: a holiday on a Saturday is observed on the Friday before, and one on a Sunday on the Monday
 * after, unless the Friday ends a monthly or yearly accounting period. Only New Year's Day can meet that
 * exception, so it has no Friday observance (as in 2011, 2022 and 2028).
 */
function observed(name: string, actual: CalendarDay, saturdayObservedOnFriday: boolean): NyseHoliday[] {
  const weekday = weekdayOf(actual);
  if (weekday === SATURDAY) {
    return saturdayObservedOnFriday ? [{ date: toIsoDate(actual - 1), name: `${name} (observed)` }] : [];
  }
  if (weekday === SUNDAY) return [{ date: toIsoDate(actual + 1), name: `${name} (observed)` }];
  return [{ date: toIsoDate(actual), name }];
}

export function thanksgivingDay(year: number): CalendarDay {
  return nthWeekdayOf(year, 11, THURSDAY, 4);
}

/** The year's full-day closures in date order: the rule holidays as observed, plus the one-off closures. */
export function nyseHolidays(year: number): readonly NyseHoliday[] {
  assertSupportedYear(year);
  const fixed = (name: string, month: number, day: number): NyseHoliday[] =>
    observed(name, calendarDay(year, month, day), true);
  const onDay = (name: string, day: CalendarDay): NyseHoliday[] => [{ date: toIsoDate(day), name }];
  const holidays = [
    ...observed("New Year's Day", calendarDay(year, 1, 1), false),
    // The exchange first closed for Martin Luther King Jr. Day in 1998.
    ...(year >= 1998 ? onDay('Martin Luther King Jr. Day', nthWeekdayOf(year, 1, MONDAY, 3)) : []),
    ...onDay("Washington's Birthday", nthWeekdayOf(year, 2, MONDAY, 3)),
    ...onDay('Good Friday', easterSunday(year) - 2),
    ...onDay('Memorial Day', lastWeekdayOf(year, 5, MONDAY)),
    // Juneteenth became a federal holiday on 2021-06-17, too late for 2021: the exchange observes it from 2022.
    ...(year >= 2022 ? fixed('Juneteenth National Independence Day', 6, 19) : []),
    ...fixed('Independence Day', 7, 4),
    ...onDay('Labor Day', nthWeekdayOf(year, 9, MONDAY, 1)),
    ...onDay('Thanksgiving Day', thanksgivingDay(year)),
    ...fixed('Christmas Day', 12, 25),
    ...NYSE_SPECIAL_CLOSURES.filter((closure) => closure.date.startsWith(`${year}-`)),
  ];
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
