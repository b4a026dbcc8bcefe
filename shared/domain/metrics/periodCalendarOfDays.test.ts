import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodCalendar, periodCalendarOfDays } from './monthlyReturns';

const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('periodCalendarOfDays', () => {
  it('ends each month and year where periodCalendar ends them, on a hand-picked series', () => {
    // Months without bars (March 2024), a year change, a leap day, a month of one bar.
    const dates = ['2023-12-28', '2023-12-29', '2024-01-02', '2024-01-31', '2024-02-29', '2024-04-01'];
    const times = dates.map((d) => Date.parse(`${d}T00:00:00Z`));
    const got = periodCalendarOfDays(times, dates);
    expect(got.months).toEqual({ keys: ['2023-12', '2024-01', '2024-02', '2024-04'], ends: [1, 3, 4, 5] });
    expect(got.years).toEqual({ keys: ['2023', '2024'], ends: [1, 5] });
    expect(got).toEqual(periodCalendar(dates));
  });

  it('reads the labels when the times are not 00:00 UTC of their dates, or disagree with them', () => {
    const dates = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'];
    // Stamped at 21:00 New York (02:00 UTC the next day): the times alone would end January a bar early.
    const late = dates.map((d) => Date.parse(`${d}T00:00:00Z`) + 26 * 3_600_000);
    expect(periodCalendarOfDays(late, dates)).toEqual(periodCalendar(dates));
    // Midnight times one day after their labels: the month's first label does not name the month.
    const shifted = dates.map((d) => Date.parse(`${d}T00:00:00Z`) + DAY_MS);
    expect(periodCalendarOfDays(shifted, dates)).toEqual(periodCalendar(dates));
    expect(periodCalendar(dates).months.ends).toEqual([1, 3]);
  });

  it('equals periodCalendar of the same dates for any increasing daily series (1900–2100)', () => {
    const start = Date.UTC(1900, 0, 1) / DAY_MS;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 70_000 }),
        fc.array(fc.integer({ min: 1, max: 800 }), { minLength: 0, maxLength: 200 }),
        (first, gaps) => {
          const days = [start + first];
          for (const g of gaps) days.push((days[days.length - 1] as number) + g);
          const times = days.map((d) => d * DAY_MS);
          const dates = times.map(iso);
          expect(periodCalendarOfDays(times, dates)).toEqual(periodCalendar(dates));
        },
      ),
    );
  });

  it('refuses times that do not increase, are not finite, or do not match the labels in number', () => {
    const t = Date.UTC(2024, 0, 2);
    expect(() => periodCalendarOfDays([t, t], ['2024-01-02', '2024-01-02'])).toThrow(RangeError);
    expect(() => periodCalendarOfDays([NaN], ['2024-01-02'])).toThrow(RangeError);
    expect(() => periodCalendarOfDays([t], [])).toThrow(RangeError);
  });
});
