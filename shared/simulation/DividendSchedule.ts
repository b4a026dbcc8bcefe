import { accrueDividend, resolveWithholdingRate } from '../domain/DividendMath';
import { lowerBound } from '../ports/HistoricalBars';
import type { DividendRecord } from '../ports/HistoricalDividends';
import type { UnpaidDividend } from './SimulationSpec';

/**
 * A position's dividends in a run, sorted by ex-date, with the bar each is due on: the first bar whose
 * session is on or after its ex-date (accrual) and its pay date, the ex-date when unknown (payment).
 * Made once per prepared run, so replaying it compares bar numbers, not dates.
 */
export interface DividendCalendar {
  records: readonly DividendRecord[];
  exBar: Int32Array;
  payBar: Int32Array;
  /** The bars' sessions, for the pay dates of dividends carried into the run. */
  sessions: readonly string[];
}

/** The calendar of `dividends` over bars with these `sessions`. */
export function dividendCalendar(
  dividends: readonly DividendRecord[],
  sessions: readonly string[],
): DividendCalendar {
  const records = [...dividends].sort((a, b) => (a.exDate < b.exDate ? -1 : a.exDate > b.exDate ? 1 : 0));
  const exBar = new Int32Array(records.length);
  const payBar = new Int32Array(records.length);
  records.forEach((r, k) => {
    exBar[k] = lowerBound(sessions, r.exDate);
    payBar[k] = lowerBound(sessions, r.payDate ?? r.exDate);
  });
  return { records, exBar, payBar, sessions };
}

/** An accrued dividend waiting for its pay bar. */
interface Scheduled {
  dividend: UnpaidDividend;
  payBar: number;
}

/**
 * One holder's walk through a symbol's dividends (SPEC 4.3 with SPEC 5's replay rule): a record is
 * accrued on the first bar whose session is on or after its ex-date (so an ex-date that is not a bar
 * date is applied on the next bar), on the shares held at the previous bar's close, and paid on the
 * first bar on or after its pay date (the ex-date when unknown). Each record is accrued once and paid once.
 */
export class DividendSchedule {
  private nextEx = 0;
  /** Accrued and unpaid, in pay-date order. */
  private readonly unpaid: Scheduled[];

  constructor(
    private readonly calendar: DividendCalendar,
    private readonly defaultWithholding: number,
    carried: readonly UnpaidDividend[] = [],
  ) {
    this.unpaid = [...carried]
      .sort((a, b) => (a.payDate < b.payDate ? -1 : a.payDate > b.payDate ? 1 : 0))
      .map((dividend) => ({ dividend, payBar: lowerBound(calendar.sessions, dividend.payDate) }));
  }

  /** The earliest bar on which something is to be accrued or paid; the bar count when nothing is left. */
  nextDueBar(): number {
    const { exBar, sessions } = this.calendar;
    const ex = this.nextEx < exBar.length ? (exBar[this.nextEx] as number) : sessions.length;
    const pay = this.unpaid.length > 0 ? (this.unpaid[0] as Scheduled).payBar : sessions.length;
    return Math.min(ex, pay);
  }

  /** The next record whose ex-date has come by bar `bar`, accrued on `qtyEligible`; null when none is due. */
  accrueNext(bar: number, qtyEligible: number): UnpaidDividend | null {
    const k = this.nextEx;
    const { records, exBar, payBar } = this.calendar;
    if (k >= records.length || (exBar[k] as number) > bar) return null;
    this.nextEx++;
    const record = records[k] as DividendRecord;
    const rate = resolveWithholdingRate(record.withholdingPct, null, this.defaultWithholding);
    const accrual = accrueDividend(qtyEligible, record.amount, rate);
    const dividend: UnpaidDividend = {
      exDate: record.exDate,
      payDate: record.payDate ?? record.exDate,
      amount: record.amount,
      qtyEligible,
      grossCents: accrual.grossCents,
      withholdingCents: accrual.withholdingCents,
      netCents: accrual.netCents,
    };
    if (dividend.grossCents > 0) this.insertUnpaid({ dividend, payBar: payBar[k] as number });
    return dividend;
  }

  /** The next accrued dividend whose pay date has come by bar `bar`; null when none has. */
  payNext(bar: number): UnpaidDividend | null {
    const first = this.unpaid[0];
    if (first === undefined || first.payBar > bar) return null;
    this.unpaid.shift();
    return first.dividend;
  }

  /** Accrued and not yet paid (at the end of a run: what a next walk-forward window inherits). */
  pending(): UnpaidDividend[] {
    return this.unpaid.map((s) => s.dividend);
  }

  /** After the last one with a pay date not later (usually the end: dividends are paid in ex-date order). */
  private insertUnpaid(entry: Scheduled): void {
    const unpaid = this.unpaid;
    let at = unpaid.length;
    while (at > 0 && (unpaid[at - 1] as Scheduled).dividend.payDate > entry.dividend.payDate) at--;
    if (at === unpaid.length) unpaid.push(entry);
    else unpaid.splice(at, 0, entry);
  }
}
