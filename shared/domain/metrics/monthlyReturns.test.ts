import { describe, expect, it } from 'vitest';
import { monthlyReturns, yearlyReturns } from './monthlyReturns';

const DATES = [
  '2023-12-28',
  '2023-12-29',
  '2024-01-02',
  '2024-01-31',
  '2024-02-01',
  '2024-02-29',
  '2024-04-01',
];
const EQUITY = [100, 102, 101, 105, 104, 99, 110];

describe('monthlyReturns', () => {
  it('compounds month-end to month-end; the first month from the first bar; empty months absent', () => {
    // python3 -c "print(102/100-1, 105/102-1, 99/105-1, 110/99-1)"
    const expected = [
      { year: 2023, month: 12, return: 0.020000000000000018 },
      { year: 2024, month: 1, return: 0.02941176470588225 },
      { year: 2024, month: 2, return: -0.05714285714285716 },
      { year: 2024, month: 4, return: 0.11111111111111116 },
    ];
    const got = monthlyReturns(DATES, EQUITY);
    expect(got.map(({ year, month }) => ({ year, month }))).toEqual(
      expected.map(({ year, month }) => ({ year, month })),
    );
    got.forEach((row, i) => expect(row.return).toBeCloseTo(expected[i]?.return as number, 12));
  });

  it.each([
    {
      name: 'single bar: one month with return 0',
      dates: ['2024-03-15'],
      equity: [100],
      expected: [{ year: 2024, month: 3, return: 0 }],
    },
    {
      name: 'two bars in one month',
      dates: ['2024-03-15', '2024-03-18'],
      equity: [100, 90],
      expected: [{ year: 2024, month: 3, return: -0.1 }],
    },
    {
      name: 'two bars in two months: the first month is 0',
      dates: ['2024-03-29', '2024-04-01'],
      equity: [100, 90],
      expected: [
        { year: 2024, month: 3, return: 0 },
        { year: 2024, month: 4, return: -0.1 },
      ],
    },
  ])('$name', ({ dates, equity, expected }) => {
    const got = monthlyReturns(dates, equity);
    expect(got).toHaveLength(expected.length);
    got.forEach((row, i) =>
      expect(row).toEqual({ ...expected[i], return: expect.closeTo(expected[i]?.return as number, 12) }),
    );
  });

  it.each([
    { name: 'length mismatch', dates: ['2024-01-02'], equity: [100, 101] },
    { name: 'not ISO', dates: ['2024-1-02'], equity: [100] },
    { name: 'no such day', dates: ['2023-02-29'], equity: [100] },
    { name: 'month 13', dates: ['2024-13-01'], equity: [100] },
    { name: 'not increasing', dates: ['2024-01-03', '2024-01-02'], equity: [100, 101] },
    { name: 'duplicate date', dates: ['2024-01-02', '2024-01-02'], equity: [100, 101] },
    { name: 'bad equity', dates: ['2024-01-02'], equity: [0] },
    { name: 'empty', dates: [], equity: [] },
  ])('throws RangeError on $name', ({ dates, equity }) => {
    expect(() => monthlyReturns(dates, equity)).toThrow(RangeError);
  });

  it('accepts 29 February of a leap year', () => {
    expect(monthlyReturns(['2024-02-29'], [100])).toEqual([{ year: 2024, month: 2, return: 0 }]);
  });
});

describe('yearlyReturns', () => {
  it('compounds year-end to year-end; the first year from the first bar', () => {
    // python3 -c "print(102/100-1, 110/102-1)"
    const got = yearlyReturns(DATES, EQUITY);
    expect(got.map((r) => r.year)).toEqual([2023, 2024]);
    expect(got[0]?.return).toBeCloseTo(0.020000000000000018, 12);
    expect(got[1]?.return).toBeCloseTo(0.07843137254901955, 12);
  });

  it('equals the product of its monthly returns', () => {
    const months = monthlyReturns(DATES, EQUITY).filter((m) => m.year === 2024);
    const compounded = months.reduce((acc, m) => acc * (1 + m.return), 1) - 1;
    expect(yearlyReturns(DATES, EQUITY)[1]?.return).toBeCloseTo(compounded, 12);
  });
});
