import { describe, expect, it } from 'vitest';
import { LAST_PUBLISHED_EARLY_CLOSE_YEAR, nyseEarlyCloses, nyseEarlyClosesByRule } from './NyseEarlyCloses';
import { isEarlyClose, isTradingDay } from './UsEquityCalendar';

/**
 * Every scheduled early close of 1990–2027, year by year (an empty year had none). Sources checked:
 * - 1990–2011: the NYSE closings history ("Stocks.NYSE-Closings.pdf") as transcribed in
 *   rsheftel/pandas_market_calendars calendars/nyse.py, with its holidays/nyse.py ad hoc lists and the
 *   exchange_calendars XNYS calendar; 1999-12-31 from the NYSE board decision of April 1999 (mondovisione.com,
 *   The Independent).
 * - 2010–2027: NYSE Group holiday and early-closings announcements (2025–2027 and 2026–2028 releases), the
 *   NYSE 2011–2016 partial-holiday tables and nyse.com/markets/hours-calendars.
 */
const PUBLISHED_EARLY_CLOSES: Record<number, string[]> = {
  1990: ['12-24'],
  1991: ['12-24'],
  1992: ['11-27', '12-24'],
  1993: ['11-26'],
  1994: ['11-25'],
  1995: ['07-03', '11-24'],
  1996: ['07-05', '11-29', '12-24'],
  1997: ['07-03', '11-28', '12-24', '12-26'],
  1998: ['11-27', '12-24'],
  1999: ['11-26', '12-31'],
  2000: ['07-03', '11-24'],
  2001: ['07-03', '11-23', '12-24'],
  2002: ['07-05', '11-29', '12-24'],
  2003: ['07-03', '11-28', '12-24', '12-26'],
  2004: ['11-26'],
  2005: ['11-25'],
  2006: ['07-03', '11-24'],
  2007: ['07-03', '11-23', '12-24'],
  2008: ['07-03', '11-28', '12-24'],
  2009: ['11-27', '12-24'],
  2010: ['11-26'],
  2011: ['11-25'],
  2012: ['07-03', '11-23', '12-24'],
  2013: ['07-03', '11-29', '12-24'],
  2014: ['07-03', '11-28', '12-24'],
  2015: ['11-27', '12-24'],
  2016: ['11-25'],
  2017: ['07-03', '11-24'],
  2018: ['07-03', '11-23', '12-24'],
  2019: ['07-03', '11-29', '12-24'],
  2020: ['11-27', '12-24'],
  2021: ['11-26'],
  2022: ['11-25'],
  2023: ['07-03', '11-24'],
  2024: ['07-03', '11-29', '12-24'],
  2025: ['07-03', '11-28', '12-24'],
  2026: ['11-27', '12-24'],
  2027: ['11-26'],
};

describe('nyseEarlyCloses — published lists 1990–2027', () => {
  it.each(Object.entries(PUBLISHED_EARLY_CLOSES))('%s', (year, days) => {
    expect(nyseEarlyCloses(Number(year)).map((c) => c.date)).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('every early close is a trading day and reported by isEarlyClose', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      for (const { date } of nyseEarlyCloses(year)) {
        expect(isTradingDay(date), date).toBe(true);
        expect(isEarlyClose(date), date).toBe(true);
      }
    }
  });
});

describe('nyseEarlyCloses — the rule after the published table', () => {
  it.each(Array.from({ length: LAST_PUBLISHED_EARLY_CLOSE_YEAR - 2013 + 1 }, (_, i) => 2013 + i))(
    'reproduces the published list of %i',
    (year) => {
      expect(nyseEarlyClosesByRule(year)).toEqual(nyseEarlyCloses(year));
    },
  );

  it('gives 2028 as announced: July 3 (Monday) and November 24; December 24 is a Sunday', () => {
    expect(nyseEarlyCloses(2028).map((c) => c.date)).toEqual(['2028-07-03', '2028-11-24']);
  });

  const rows = [
    { name: 'July 3 on a Wednesday (2030)', date: '2030-07-03', early: true },
    { name: 'July 3 on a Friday is the observed holiday (2037)', date: '2037-07-03', early: false },
    { name: 'July 5 after a Thursday July 4 is a full day (2030)', date: '2030-07-05', early: false },
    { name: 'Christmas Eve on a Friday is the observed holiday (2032)', date: '2032-12-24', early: false },
    { name: 'December 26 after a Thursday Christmas is a full day (2031)', date: '2031-12-26', early: false },
    { name: 'Day after Thanksgiving (2100)', date: '2100-11-26', early: true },
  ];
  it.each(rows)('$name', ({ date, early }) => {
    expect(isEarlyClose(date)).toBe(early);
  });
});

describe('isEarlyClose — full trading days next to holidays', () => {
  const rows = [
    { name: 'Friday after a Thursday Christmas, 2008', date: '2008-12-26' },
    { name: 'Friday after a Thursday Christmas, 2014', date: '2014-12-26' },
    { name: 'Friday after a Thursday Christmas, 2025', date: '2025-12-26' },
    { name: 'Friday after a Thursday July 4, 2013 (the close was on Wednesday)', date: '2013-07-05' },
    { name: 'Friday before a Monday July 4, 2016', date: '2016-07-01' },
    { name: 'Friday before a Monday July 5, 2027', date: '2027-07-02' },
    { name: 'Thursday before the observed July 3, 2026', date: '2026-07-02' },
    { name: 'Day after Thanksgiving before 1992', date: '1991-11-29' },
    { name: 'July 3, 1990 (no July close before 1995)', date: '1990-07-03' },
    { name: "New Year's Eve 2021 (before an unobserved Saturday holiday)", date: '2021-12-31' },
  ];
  it.each(rows)('$name', ({ date }) => {
    expect(isTradingDay(date)).toBe(true);
    expect(isEarlyClose(date)).toBe(false);
  });

  it('is false on a holiday and on a weekend', () => {
    expect(isEarlyClose('2021-12-24')).toBe(false);
    expect(isEarlyClose('2023-12-24')).toBe(false);
  });
});
