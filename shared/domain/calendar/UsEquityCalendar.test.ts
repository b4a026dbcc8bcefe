import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  currentOrNextRegularSession,
  exchangeDateOf,
  holidayOn,
  isEarlyClose,
  isTradingDay,
  marketSessionAt,
  nextTradingDay,
  previousTradingDay,
  sessionHours,
  tradingDaysBetween,
} from './index';

const at = (isoUtc: string): number => Date.parse(isoUtc);

describe('against every NYSE session 1999-12-31 … 2026-05-29 (the SPY daily history)', () => {
  const sessions = readFileSync(new URL('./fixtures/nyse-sessions-1999-2026.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n');

  it('has the 6 642 sessions of the fixture', () => {
    expect(sessions).toHaveLength(6642);
  });

  it('tradingDaysBetween gives exactly those sessions', () => {
    expect(tradingDaysBetween('1999-12-31', '2026-05-29')).toEqual(sessions);
  });

  it('names a holiday for every weekday without a session, and none for a session', () => {
    const traded = new Set(sessions);
    for (let ms = at('1999-12-31T00:00:00Z'); ms <= at('2026-05-29T00:00:00Z'); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const weekday = new Date(ms).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      expect(holidayOn(date) === null, date).toBe(traded.has(date));
    }
  });
});

describe('isTradingDay', () => {
  const rows = [
    { name: 'weekday', date: '2024-03-12', trading: true },
    { name: 'Saturday', date: '2024-03-09', trading: false },
    { name: 'Sunday', date: '2024-03-10', trading: false },
    { name: "New Year's Day on a Saturday: the Friday before trades", date: '2021-12-31', trading: true },
    { name: "New Year's Day on a Saturday: the Monday after trades", date: '2022-01-03', trading: true },
    { name: 'Juneteenth 2021 not yet a holiday', date: '2021-06-18', trading: true },
    { name: 'Juneteenth 2022 observed Monday', date: '2022-06-20', trading: false },
    { name: 'MLK Day 1997 trades', date: '1997-01-20', trading: true },
    { name: 'MLK Day 1998 closed', date: '1998-01-19', trading: false },
    { name: 'Good Friday', date: '2024-03-29', trading: false },
    { name: 'Hurricane Sandy', date: '2012-10-30', trading: false },
    { name: 'Christmas 1999 observed on Friday 24th', date: '1999-12-24', trading: false },
    { name: 'first supported day is a holiday', date: '1990-01-01', trading: false },
    { name: 'last supported day', date: '2100-12-31', trading: true },
  ];
  it.each(rows)('$name ($date)', ({ date, trading }) => {
    expect(isTradingDay(date)).toBe(trading);
  });
});

describe('holidayOn', () => {
  it('names holidays and gives null otherwise', () => {
    expect(holidayOn('2024-07-04')).toEqual({ name: 'Independence Day' });
    expect(holidayOn('2018-12-05')).toEqual({
      name: 'National Day of Mourning for former President George H. W. Bush',
    });
    expect(holidayOn('2024-07-05')).toBeNull();
    expect(holidayOn('2022-01-01')).toBeNull();
  });
});

describe('exchangeDateOf', () => {
  const rows = [
    {
      name: 'EST evening is the previous New York date',
      instant: '2024-03-10T04:59:59.999Z',
      date: '2024-03-09',
    },
    {
      name: 'EST midnight on the spring-forward Sunday',
      instant: '2024-03-10T05:00:00.000Z',
      date: '2024-03-10',
    },
    {
      name: 'EDT evening before the fall-back Sunday',
      instant: '2024-11-03T03:59:59.999Z',
      date: '2024-11-02',
    },
    { name: 'EDT midnight on the fall-back Sunday', instant: '2024-11-03T04:00:00.000Z', date: '2024-11-03' },
    { name: 'EST 23:30 after the fall-back Sunday', instant: '2024-11-04T04:30:00.000Z', date: '2024-11-03' },
    { name: 'EST midnight of the Monday after', instant: '2024-11-04T05:00:00.000Z', date: '2024-11-04' },
    { name: 'first supported instant', instant: '1990-01-01T05:00:00.000Z', date: '1990-01-01' },
    { name: 'last supported instant', instant: '2101-01-01T04:59:59.999Z', date: '2100-12-31' },
  ];
  it.each(rows)('$name', ({ instant, date }) => {
    expect(exchangeDateOf(at(instant))).toBe(date);
  });
});

describe('nextTradingDay / previousTradingDay / tradingDaysBetween', () => {
  const next = [
    { from: '2024-07-03', to: '2024-07-05' },
    { from: '2024-12-24', to: '2024-12-26' },
    { from: '2001-09-10', to: '2001-09-17' },
    { from: '2012-10-26', to: '2012-10-31' },
    { from: '2021-12-30', to: '2021-12-31' },
    { from: '2024-03-09', to: '2024-03-11' },
  ];
  it.each(next)('next after $from is $to', ({ from, to }) => {
    expect(nextTradingDay(from)).toBe(to);
  });

  const previous = [
    { from: '2024-01-02', to: '2023-12-29' },
    { from: '2022-01-03', to: '2021-12-31' },
    { from: '2025-01-10', to: '2025-01-08' },
    { from: '2024-04-01', to: '2024-03-28' },
  ];
  it.each(previous)('previous before $from is $to', ({ from, to }) => {
    expect(previousTradingDay(from)).toBe(to);
  });

  it('lists a range inclusively and ascending', () => {
    expect(tradingDaysBetween('2024-12-20', '2025-01-03')).toEqual([
      '2024-12-20',
      '2024-12-23',
      '2024-12-24',
      '2024-12-26',
      '2024-12-27',
      '2024-12-30',
      '2024-12-31',
      '2025-01-02',
      '2025-01-03',
    ]);
    expect(tradingDaysBetween('2024-12-26', '2024-12-26')).toEqual(['2024-12-26']);
    expect(tradingDaysBetween('2024-12-25', '2024-12-25')).toEqual([]);
    expect(tradingDaysBetween('2024-12-27', '2024-12-26')).toEqual([]);
  });
});

describe('sessionHours', () => {
  it('is null on a non-trading day', () => {
    expect(sessionHours('2024-03-10')).toBeNull();
    expect(sessionHours('2024-12-25')).toBeNull();
  });

  it('gives all four boundaries of a regular EDT day and an early-close EST day', () => {
    expect(sessionHours('2024-07-02')).toEqual({
      extendedOpen: at('2024-07-02T08:00:00Z'),
      regularOpen: at('2024-07-02T13:30:00Z'),
      regularClose: at('2024-07-02T20:00:00Z'),
      extendedClose: at('2024-07-03T00:00:00Z'),
    });
    expect(sessionHours('2024-11-29')).toEqual({
      extendedOpen: at('2024-11-29T09:00:00Z'),
      regularOpen: at('2024-11-29T14:30:00Z'),
      regularClose: at('2024-11-29T18:00:00Z'),
      extendedClose: at('2024-11-29T22:00:00Z'),
    });
  });

  it('closes early at 14:00 before 1993 and at 13:00 from 1993', () => {
    expect(isEarlyClose('1992-11-27')).toBe(true);
    expect(sessionHours('1992-11-27')?.regularClose).toBe(at('1992-11-27T19:00:00Z'));
    expect(sessionHours('1993-11-26')?.regularClose).toBe(at('1993-11-26T18:00:00Z'));
  });

  // 09:30 New York is 13:30Z under daylight time and 14:30Z under standard time. 2006 used the pre-2007 rule
  // (first Sunday of April to last Sunday of October), which 2006-03-13 and 2006-11-03 tell apart from today's.
  const opens = [
    { name: 'Friday before the 2024 spring switch (EST)', date: '2024-03-08', open: '2024-03-08T14:30:00Z' },
    { name: 'Monday after the 2024 spring switch (EDT)', date: '2024-03-11', open: '2024-03-11T13:30:00Z' },
    { name: 'Friday before the 2024 fall switch (EDT)', date: '2024-11-01', open: '2024-11-01T13:30:00Z' },
    { name: 'Monday after the 2024 fall switch (EST)', date: '2024-11-04', open: '2024-11-04T14:30:00Z' },
    { name: '2006-03-13, still EST under the old rule', date: '2006-03-13', open: '2006-03-13T14:30:00Z' },
    { name: 'Friday before the 2006-04-02 switch (EST)', date: '2006-03-31', open: '2006-03-31T14:30:00Z' },
    { name: 'Monday after the 2006-04-02 switch (EDT)', date: '2006-04-03', open: '2006-04-03T13:30:00Z' },
    { name: 'Friday before the 2006-10-29 switch (EDT)', date: '2006-10-27', open: '2006-10-27T13:30:00Z' },
    { name: 'Monday after the 2006-10-29 switch (EST)', date: '2006-10-30', open: '2006-10-30T14:30:00Z' },
    { name: '2006-11-03, already EST under the old rule', date: '2006-11-03', open: '2006-11-03T14:30:00Z' },
  ];
  it.each(opens)('$name', ({ date, open }) => {
    expect(sessionHours(date)?.regularOpen).toBe(at(open));
  });

  it('is null on both switch Sundays', () => {
    for (const sunday of ['2024-03-10', '2024-11-03', '2006-04-02', '2006-10-29']) {
      expect(sessionHours(sunday)).toBeNull();
    }
  });
});

describe('marketSessionAt', () => {
  const rows = [
    // 2024-03-11, Monday after the spring switch: New York = UTC−4.
    { name: 'EDT 03:59:59.999', instant: '2024-03-11T07:59:59.999Z', session: 'CLOSED' },
    { name: 'EDT 04:00', instant: '2024-03-11T08:00:00.000Z', session: 'EXTENDED' },
    { name: 'EDT 09:29:59.999', instant: '2024-03-11T13:29:59.999Z', session: 'EXTENDED' },
    { name: 'EDT 09:30', instant: '2024-03-11T13:30:00.000Z', session: 'REGULAR' },
    { name: 'EDT 15:59:59.999', instant: '2024-03-11T19:59:59.999Z', session: 'REGULAR' },
    { name: 'EDT 16:00', instant: '2024-03-11T20:00:00.000Z', session: 'EXTENDED' },
    { name: 'EDT 19:59:59', instant: '2024-03-11T23:59:59.000Z', session: 'EXTENDED' },
    { name: 'EDT 20:00', instant: '2024-03-12T00:00:00.000Z', session: 'CLOSED' },
    // 2024-11-04, Monday after the fall switch: New York = UTC−5, so the evening is on the next UTC date.
    { name: 'EST 03:59', instant: '2024-11-04T08:59:00.000Z', session: 'CLOSED' },
    { name: 'EST 04:00', instant: '2024-11-04T09:00:00.000Z', session: 'EXTENDED' },
    { name: 'EST 09:29:59.999', instant: '2024-11-04T14:29:59.999Z', session: 'EXTENDED' },
    { name: 'EST 09:30', instant: '2024-11-04T14:30:00.000Z', session: 'REGULAR' },
    { name: 'EST 15:59:59.999', instant: '2024-11-04T20:59:59.999Z', session: 'REGULAR' },
    { name: 'EST 16:00', instant: '2024-11-04T21:00:00.000Z', session: 'EXTENDED' },
    { name: 'EST 19:59:59', instant: '2024-11-05T00:59:59.000Z', session: 'EXTENDED' },
    { name: 'EST 20:00', instant: '2024-11-05T01:00:00.000Z', session: 'CLOSED' },
    // Old DST rule: 2006-04-03 is EDT, 2006-10-30 EST.
    { name: '2006-04-03 09:29:59.999 EDT', instant: '2006-04-03T13:29:59.999Z', session: 'EXTENDED' },
    { name: '2006-04-03 09:30 EDT', instant: '2006-04-03T13:30:00.000Z', session: 'REGULAR' },
    { name: '2006-10-30 08:30 EST', instant: '2006-10-30T13:30:00.000Z', session: 'EXTENDED' },
    { name: '2006-10-30 09:30 EST', instant: '2006-10-30T14:30:00.000Z', session: 'REGULAR' },
    // Early closes.
    { name: 'early close 2024-11-29 12:59', instant: '2024-11-29T17:59:00.000Z', session: 'REGULAR' },
    { name: 'early close 2024-11-29 12:59:59.999', instant: '2024-11-29T17:59:59.999Z', session: 'REGULAR' },
    { name: 'early close 2024-11-29 13:00', instant: '2024-11-29T18:00:00.000Z', session: 'EXTENDED' },
    { name: 'early close 2024-11-29 16:59:59.999', instant: '2024-11-29T21:59:59.999Z', session: 'EXTENDED' },
    { name: 'early close 2024-11-29 17:00', instant: '2024-11-29T22:00:00.000Z', session: 'CLOSED' },
    { name: 'early close 2024-07-03 12:59 EDT', instant: '2024-07-03T16:59:00.000Z', session: 'REGULAR' },
    { name: 'early close 2024-07-03 13:00 EDT', instant: '2024-07-03T17:00:00.000Z', session: 'EXTENDED' },
    { name: 'early close 2024-07-03 17:00 EDT', instant: '2024-07-03T21:00:00.000Z', session: 'CLOSED' },
    {
      name: 'early close 1992-11-27 13:59 (14:00 close)',
      instant: '1992-11-27T18:59:00.000Z',
      session: 'REGULAR',
    },
    { name: 'early close 1992-11-27 14:00', instant: '1992-11-27T19:00:00.000Z', session: 'EXTENDED' },
    // Closed all day.
    { name: 'Saturday midday', instant: '2024-03-09T16:00:00.000Z', session: 'CLOSED' },
    { name: 'spring-switch Sunday midday', instant: '2024-03-10T16:00:00.000Z', session: 'CLOSED' },
    { name: 'fall-switch Sunday midday', instant: '2024-11-03T16:00:00.000Z', session: 'CLOSED' },
    { name: 'Independence Day 04:00', instant: '2024-07-04T08:00:00.000Z', session: 'CLOSED' },
    { name: 'Independence Day 11:00', instant: '2024-07-04T15:00:00.000Z', session: 'CLOSED' },
    { name: 'Independence Day 17:00', instant: '2024-07-04T21:00:00.000Z', session: 'CLOSED' },
    {
      name: "unobserved New Year's Day 2022 (Saturday)",
      instant: '2022-01-01T16:00:00.000Z',
      session: 'CLOSED',
    },
    {
      name: "New Year's Eve 2021 trades normally: 15:59 EST",
      instant: '2021-12-31T20:59:00.000Z',
      session: 'REGULAR',
    },
  ] as const;
  it.each(rows)('$name → $session', ({ instant, session }) => {
    expect(marketSessionAt(at(instant))).toBe(session);
  });
});

describe('range and input errors', () => {
  const dateCalls: { name: string; call: () => unknown }[] = [
    { name: 'isTradingDay before 1990', call: () => isTradingDay('1989-12-29') },
    { name: 'isTradingDay after 2100', call: () => isTradingDay('2101-01-03') },
    { name: 'holidayOn after 2100', call: () => holidayOn('2101-01-01') },
    { name: 'sessionHours before 1990', call: () => sessionHours('1989-12-29') },
    { name: 'nextTradingDay past 2100', call: () => nextTradingDay('2100-12-31') },
    { name: 'previousTradingDay before 1990', call: () => previousTradingDay('1990-01-02') },
    { name: 'tradingDaysBetween reaching 1989', call: () => tradingDaysBetween('1989-12-01', '1990-01-31') },
    {
      name: 'exchangeDateOf just before 1990 in New York',
      call: () => exchangeDateOf(at('1990-01-01T04:59:59.999Z')),
    },
    { name: 'exchangeDateOf 2101 in New York', call: () => exchangeDateOf(at('2101-01-01T05:00:00.000Z')) },
    { name: 'marketSessionAt the epoch', call: () => marketSessionAt(0) },
  ];
  it.each(dateCalls)('$name is a RangeError naming the supported years', ({ call }) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(/1990–2100/);
  });

  const malformed = ['2024-2-1', '20240201', '2024-02-30', '2023-02-29', '', '2024-13-01'];
  it.each(malformed)('rejects the date "%s" with a RangeError', (date) => {
    expect(() => isTradingDay(date)).toThrow(RangeError);
  });

  it('rejects an instant that is not a finite number', () => {
    expect(() => marketSessionAt(Number.NaN)).toThrow(RangeError);
    expect(() => exchangeDateOf(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('accepts 2024-02-29, a leap day', () => {
    expect(isTradingDay('2024-02-29')).toBe(true);
  });
});

describe('currentOrNextRegularSession', () => {
  const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
  it.each([
    ['during a session: that session', '2020-02-20T11:00', '2020-02-20T09:30', '2020-02-20T16:00'],
    ['before the open: the same day', '2020-02-20T08:00', '2020-02-20T09:30', '2020-02-20T16:00'],
    ['at the close: the next trading day', '2020-02-20T16:00', '2020-02-21T09:30', '2020-02-21T16:00'],
    ['Friday night: Monday', '2020-02-21T20:00', '2020-02-24T09:30', '2020-02-24T16:00'],
    ['before a holiday weekend: after it', '2020-02-14T17:00', '2020-02-18T09:30', '2020-02-18T16:00'],
    ['an early close', '2019-11-29T10:00', '2019-11-29T09:30', '2019-11-29T13:00'],
  ])('%s', (_name, at, open, close) => {
    expect(currentOrNextRegularSession(ny(at))).toEqual({ open: ny(open), close: ny(close) });
  });
});
