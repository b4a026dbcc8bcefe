import { describe, expect, it } from 'vitest';
import { easterSunday } from './Easter';
import { toIsoDate } from './CalendarDay';
import { nyseHolidays } from './NyseHolidays';
import { holidayOn } from './UsEquityCalendar';

/**
 * Every full-day closure of 2010–2027, as the exchange published them. Sources checked: the NYSE Group holiday
 * calendar announcements (2025–2027 and 2026–2028 releases, via mondovisione.com / Business Wire), the NYSE
 * 2011–2016 holiday tables (as reprinted by wallstreetdiary), nyse.com/markets/hours-calendars, the closings
 * history in rsheftel/pandas_market_calendars (holidays/nyse.py, calendars/nyse.py) and the exchange_calendars
 * XNYS calendar. UsEquityCalendar.test.ts also checks 2000–2026 against every session in the SPY history.
 */
const PUBLISHED_HOLIDAYS: Record<number, string[]> = {
  2010: ['01-01', '01-18', '02-15', '04-02', '05-31', '07-05', '09-06', '11-25', '12-24'],
  2011: ['01-17', '02-21', '04-22', '05-30', '07-04', '09-05', '11-24', '12-26'],
  2012: ['01-02', '01-16', '02-20', '04-06', '05-28', '07-04', '09-03', '10-29', '10-30', '11-22', '12-25'],
  2013: ['01-01', '01-21', '02-18', '03-29', '05-27', '07-04', '09-02', '11-28', '12-25'],
  2014: ['01-01', '01-20', '02-17', '04-18', '05-26', '07-04', '09-01', '11-27', '12-25'],
  2015: ['01-01', '01-19', '02-16', '04-03', '05-25', '07-03', '09-07', '11-26', '12-25'],
  2016: ['01-01', '01-18', '02-15', '03-25', '05-30', '07-04', '09-05', '11-24', '12-26'],
  2017: ['01-02', '01-16', '02-20', '04-14', '05-29', '07-04', '09-04', '11-23', '12-25'],
  2018: ['01-01', '01-15', '02-19', '03-30', '05-28', '07-04', '09-03', '11-22', '12-05', '12-25'],
  2019: ['01-01', '01-21', '02-18', '04-19', '05-27', '07-04', '09-02', '11-28', '12-25'],
  2020: ['01-01', '01-20', '02-17', '04-10', '05-25', '07-03', '09-07', '11-26', '12-25'],
  2021: ['01-01', '01-18', '02-15', '04-02', '05-31', '07-05', '09-06', '11-25', '12-24'],
  2022: ['01-17', '02-21', '04-15', '05-30', '06-20', '07-04', '09-05', '11-24', '12-26'],
  2023: ['01-02', '01-16', '02-20', '04-07', '05-29', '06-19', '07-04', '09-04', '11-23', '12-25'],
  2024: ['01-01', '01-15', '02-19', '03-29', '05-27', '06-19', '07-04', '09-02', '11-28', '12-25'],
  2025: ['01-01', '01-09', '01-20', '02-17', '04-18', '05-26', '06-19', '07-04', '09-01', '11-27', '12-25'],
  2026: ['01-01', '01-19', '02-16', '04-03', '05-25', '06-19', '07-03', '09-07', '11-26', '12-25'],
  2027: ['01-01', '01-18', '02-15', '03-26', '05-31', '06-18', '07-05', '09-06', '11-25', '12-24'],
};

describe('nyseHolidays — published lists 2010–2027', () => {
  it.each(Object.entries(PUBLISHED_HOLIDAYS))('%s', (year, days) => {
    expect(nyseHolidays(Number(year)).map((h) => h.date)).toEqual(days.map((d) => `${year}-${d}`));
  });
});

describe('nyseHolidays — rules and observance', () => {
  const rows: { name: string; date: string; holiday: string | null }[] = [
    {
      name: "New Year's Day on a Saturday is not observed on the Friday (2022)",
      date: '2021-12-31',
      holiday: null,
    },
    {
      name: "New Year's Day on a Saturday (2011) leaves no holiday in either year",
      date: '2010-12-31',
      holiday: null,
    },
    {
      name: "New Year's Day on a Saturday (2028), announced as not observed",
      date: '2027-12-31',
      holiday: null,
    },
    {
      name: "New Year's Day on a Sunday is observed on the Monday (2017)",
      date: '2017-01-02',
      holiday: "New Year's Day (observed)",
    },
    { name: 'MLK Day not yet a holiday in 1997', date: '1997-01-20', holiday: null },
    { name: 'MLK Day a holiday from 1998', date: '1998-01-19', holiday: 'Martin Luther King Jr. Day' },
    {
      name: 'Juneteenth 2021 (Saturday) not yet a holiday: Friday traded',
      date: '2021-06-18',
      holiday: null,
    },
    {
      name: 'Juneteenth 2022 (Sunday) observed Monday',
      date: '2022-06-20',
      holiday: 'Juneteenth National Independence Day (observed)',
    },
    {
      name: 'Juneteenth 2027 (Saturday) observed Friday',
      date: '2027-06-18',
      holiday: 'Juneteenth National Independence Day (observed)',
    },
    {
      name: 'Independence Day on a Saturday observed Friday (2020)',
      date: '2020-07-03',
      holiday: 'Independence Day (observed)',
    },
    {
      name: 'Independence Day on a Sunday observed Monday (2021)',
      date: '2021-07-05',
      holiday: 'Independence Day (observed)',
    },
    {
      name: 'Christmas on a Saturday observed Friday (2021)',
      date: '2021-12-24',
      holiday: 'Christmas Day (observed)',
    },
    {
      name: 'Christmas on a Saturday observed Friday (1999)',
      date: '1999-12-24',
      holiday: 'Christmas Day (observed)',
    },
    {
      name: 'Christmas on a Sunday observed Monday (2022)',
      date: '2022-12-26',
      holiday: 'Christmas Day (observed)',
    },
    { name: 'Good Friday 1990', date: '1990-04-13', holiday: 'Good Friday' },
    { name: 'Good Friday 2100', date: '2100-03-26', holiday: 'Good Friday' },
    { name: 'Thanksgiving 2100', date: '2100-11-25', holiday: 'Thanksgiving Day' },
    { name: 'Memorial Day, last Monday of May (2100)', date: '2100-05-31', holiday: 'Memorial Day' },
    {
      name: 'Nixon day of mourning',
      date: '1994-04-27',
      holiday: 'National Day of Mourning for former President Richard M. Nixon',
    },
    { name: 'September 11 attacks, last day', date: '2001-09-14', holiday: 'September 11 attacks' },
    {
      name: 'Reagan day of mourning',
      date: '2004-06-11',
      holiday: 'National Day of Mourning for former President Ronald Reagan',
    },
    {
      name: 'Ford day of mourning',
      date: '2007-01-02',
      holiday: 'National Day of Mourning for former President Gerald R. Ford',
    },
    {
      name: 'Carter day of mourning',
      date: '2025-01-09',
      holiday: 'National Day of Mourning for former President Jimmy Carter',
    },
  ];
  it.each(rows)('$name', ({ date, holiday }) => {
    expect(holidayOn(date)?.name ?? null).toBe(holiday);
  });

  it('every holiday of 1990–2100 falls on a weekday of its own year, at most once a date', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const dates = nyseHolidays(year).map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const date of dates) {
        expect(date.startsWith(`${year}-`), date).toBe(true);
        expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
      }
    }
  });

  it('throws a RangeError outside 1990–2100', () => {
    expect(() => nyseHolidays(1989)).toThrow(RangeError);
    expect(() => nyseHolidays(2101)).toThrow(/outside the supported years 1990–2100/);
  });
});

describe('easterSunday', () => {
  const rows = [
    { year: 1990, easter: '1990-04-15' },
    { year: 2000, easter: '2000-04-23' },
    { year: 2008, easter: '2008-03-23' },
    { year: 2011, easter: '2011-04-24' },
    { year: 2038, easter: '2038-04-25' },
    { year: 2100, easter: '2100-03-28' },
  ];
  it.each(rows)('$year → $easter', ({ year, easter }) => {
    expect(toIsoDate(easterSunday(year))).toBe(easter);
  });
});
