import { describe, expect, it } from 'vitest';
import type { DividendRecord } from '../ports/HistoricalDividends';
import { DividendSchedule, NO_DIVIDEND, dividendCalendar } from './DividendSchedule';
import type { UnpaidDividend } from './SimulationSpec';

const sessions = ['2024-01-02', '2024-01-03', '2024-01-05', '2024-01-08', '2024-01-09', '2024-01-10'];

function record(
  exDate: string,
  payDate: string | null,
  amount: number,
  withholdingPct: number | null = null,
) {
  return { symbol: 'KO', exDate, payDate, amount, withholdingPct } satisfies DividendRecord;
}

/** Every dividend accrued and paid on each bar, in order, as [bar, 'accrue' | 'pay', ex-date]. */
function walk(schedule: DividendSchedule, qty: number): [number, string, string][] {
  const seen: [number, string, string][] = [];
  for (let bar = 0; bar < sessions.length; bar++) {
    for (let d = schedule.accrueNext(bar, qty); d !== NO_DIVIDEND; d = schedule.accrueNext(bar, qty))
      seen.push([bar, 'accrue', schedule.dividend(d).exDate]);
    for (let d = schedule.payNext(bar); d !== NO_DIVIDEND; d = schedule.payNext(bar))
      seen.push([bar, 'pay', schedule.dividend(d).exDate]);
  }
  return seen;
}

describe('DividendSchedule (SPEC 4.3 in replay)', () => {
  it('accrues on the first bar on or after the ex-date and pays on the first bar on or after the pay date', () => {
    // 2024-01-04 is no session: that ex-date is accrued on the next bar (01-05).
    const calendar = dividendCalendar([record('2024-01-04', '2024-01-09', 0.5)], sessions);
    const schedule = new DividendSchedule(calendar, 0);
    expect(schedule.nextDueBar()).toBe(2);
    expect(walk(schedule, 100)).toEqual([
      [2, 'accrue', '2024-01-04'],
      [4, 'pay', '2024-01-04'],
    ]);
    expect(schedule.nextDueBar()).toBe(sessions.length);
  });

  it('keeps each accrual under its number: gross, withholding (announced over default) and net in cents', () => {
    const calendar = dividendCalendar(
      [record('2024-01-03', null, 0.085), record('2024-01-08', null, 0.44, 0.3)],
      sessions,
    );
    const schedule = new DividendSchedule(calendar, 0.15);
    const first = schedule.accrueNext(1, 1001);
    // 1001 × 0.085 = $85.085: 8 508.5 cents, half-even 8 508; withholding 15 % of $85.08 = 1 276.2 → 1 276 cents.
    expect(schedule.dividend(first)).toEqual({
      exDate: '2024-01-03',
      payDate: '2024-01-03',
      amount: 0.085,
      qtyEligible: 1001,
      grossCents: 8508,
      withholdingCents: 1276,
      netCents: 7232,
    });
    const second = schedule.accrueNext(3, 10);
    expect(schedule.grossCents[second]).toBe(440);
    expect(schedule.withholdingCents[second]).toBe(132);
    expect(schedule.netCents[second]).toBe(308);
  });

  it('pays in pay-date order when a later ex-date pays first, and never pays a zero accrual', () => {
    const calendar = dividendCalendar(
      [
        record('2024-01-02', '2024-01-10', 1),
        record('2024-01-03', '2024-01-08', 1),
        record('2024-01-05', '2024-01-08', 1),
      ],
      sessions,
    );
    expect(walk(new DividendSchedule(calendar, 0), 5)).toEqual([
      [0, 'accrue', '2024-01-02'],
      [1, 'accrue', '2024-01-03'],
      [2, 'accrue', '2024-01-05'],
      [3, 'pay', '2024-01-03'],
      [3, 'pay', '2024-01-05'],
      [5, 'pay', '2024-01-02'],
    ]);
    const none = new DividendSchedule(calendar, 0);
    expect(walk(none, 0).filter(([, what]) => what === 'pay')).toEqual([]);
    expect(none.pending()).toEqual([]);
  });

  it('pays dividends carried into the run without accruing them again, and reports what is left unpaid', () => {
    const carried: UnpaidDividend = {
      exDate: '2023-12-28',
      payDate: '2024-01-08',
      amount: 0.46,
      qtyEligible: 200,
      grossCents: 9200,
      withholdingCents: 0,
      netCents: 9200,
    };
    const calendar = dividendCalendar([record('2024-01-09', '2024-02-01', 0.25)], sessions, [carried]);
    const schedule = new DividendSchedule(calendar, 0);
    expect(schedule.pending()).toEqual([carried]);
    expect(walk(schedule, 300)).toEqual([
      [3, 'pay', '2023-12-28'],
      [4, 'accrue', '2024-01-09'],
    ]);
    expect(schedule.pending()).toEqual([
      {
        exDate: '2024-01-09',
        payDate: '2024-02-01',
        amount: 0.25,
        qtyEligible: 300,
        grossCents: 7500,
        withholdingCents: 0,
        netCents: 7500,
      },
    ]);
  });

  it('refuses an invalid holding rather than accruing on it', () => {
    const schedule = new DividendSchedule(dividendCalendar([record('2024-01-02', null, 1)], sessions), 0);
    expect(() => schedule.accrueNext(0, Number.NaN)).toThrow(RangeError);
  });
});
