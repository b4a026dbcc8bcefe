import type { DividendAccrual } from '../domain/DividendMath';
import { accrueDividendInto, resolveWithholdingRate } from '../domain/DividendMath';
import { cents, ZERO_CENTS } from '../domain/Money';
import type { PositionLedger } from '../domain/Position';
import type { BarSeries } from '../ports/HistoricalBars';
import { lowerBound } from '../ports/HistoricalBars';
import type { DividendRecord } from '../ports/HistoricalDividends';
import type { RunLog } from './RunLog';
import type { UnpaidDividend } from './SimulationSpec';
import { barLabel } from './TimelineRecorder';

/**
 * A position's dividends in a run, numbered once: those carried into it (accrued before the run and
 * unpaid) first, then its records sorted by ex-date. Each record is due on the first bar whose session is
 * on or after its ex-date (accrual); each dividend is paid on the first bar on or after its pay date (the
 * ex-date when unknown). Made once per prepared run, so replaying it compares bar numbers, not dates.
 */
export interface DividendCalendar {
  carried: readonly UnpaidDividend[];
  /** Dividend `carried.length + k` is `records[k]`. */
  records: readonly DividendRecord[];
  exDate: readonly string[];
  /** The pay date, or the ex-date when unknown. */
  payDate: readonly string[];
  amount: Float64Array;
  /** The bar of each record's accrual (−1 for a carried dividend: it is not accrued again). */
  exBar: Int32Array;
  payBar: Int32Array;
  /** The bar count: the due bar of what never comes due. */
  bars: number;
}

/** The calendar of `dividends` (and of those `carried` into the run) over bars with these `sessions`. */
export function dividendCalendar(
  dividends: readonly DividendRecord[],
  sessions: readonly string[],
  carried: readonly UnpaidDividend[] = [],
): DividendCalendar {
  const records = [...dividends].sort((a, b) => (a.exDate < b.exDate ? -1 : a.exDate > b.exDate ? 1 : 0));
  const exDate = [...carried.map((d) => d.exDate), ...records.map((r) => r.exDate)];
  const payDate = [...carried.map((d) => d.payDate), ...records.map((r) => r.payDate ?? r.exDate)];
  // Plain loops: `TypedArray.from` with a mapping function walks the iterator protocol per element.
  const count = exDate.length;
  const exBar = new Int32Array(count);
  const payBar = new Int32Array(count);
  const amount = new Float64Array(count);
  for (let d = 0; d < count; d++) {
    exBar[d] = d < carried.length ? -1 : lowerBound(sessions, exDate[d] as string);
    payBar[d] = lowerBound(sessions, payDate[d] as string);
    amount[d] =
      d < carried.length
        ? (carried[d] as UnpaidDividend).amount
        : (records[d - carried.length] as DividendRecord).amount;
  }
  return { carried, records, exDate, payDate, amount, exBar, payBar, bars: sessions.length };
}

/** No dividend: what `accrueNext` and `payNext` return when nothing is due. */
export const NO_DIVIDEND = -1;

/**
 * One holder's walk through a symbol's dividends (SPEC 4.3 with SPEC 5's replay rule): a record is
 * accrued on the first bar whose session is on or after its ex-date (so an ex-date that is not a bar
 * date is applied on the next bar), on the shares held at the previous bar's close, and paid on the
 * first bar on or after its pay date (the ex-date when unknown). Each record is accrued once and paid once.
 *
 * Dividends are numbered once: those carried into the run (already accrued) first, then the calendar's
 * records in ex-date order. Each one's accrual is kept in columns under its number, and `accrueNext` and
 * `payNext` return numbers: nothing is allocated per dividend (a sweep replays the same ones thousands
 * of times). `dividend(d)` gives one as an object, for the run's log and for what a run leaves unpaid.
 */
export class DividendSchedule {
  readonly amount: Float64Array;
  // Plain arrays, not typed ones: a typed array this long lives outside the JS heap, and making five per
  // replay (a sweep makes thousands) cost more than the replay's dividends themselves.
  readonly qtyEligible: number[];
  readonly grossCents: number[];
  readonly withholdingCents: number[];
  readonly netCents: number[];
  /** The next dividend to accrue (the carried ones never are: they were accrued before the run). */
  private nextEx: number;
  /** Accrued and unpaid, in pay-date order: `queue[head…tail)` (each dividend enters it at most once). */
  private readonly queue: number[];
  private head = 0;
  private tail = 0;
  private readonly accrual: DividendAccrual = {
    qtyEligible: 0,
    grossCents: ZERO_CENTS,
    withholdingCents: ZERO_CENTS,
    netCents: ZERO_CENTS,
  };

  constructor(
    private readonly calendar: DividendCalendar,
    private readonly defaultWithholding: number,
  ) {
    const n = calendar.exDate.length;
    this.amount = calendar.amount;
    this.qtyEligible = new Array<number>(n).fill(0);
    this.grossCents = new Array<number>(n).fill(0);
    this.withholdingCents = new Array<number>(n).fill(0);
    this.netCents = new Array<number>(n).fill(0);
    this.queue = new Array<number>(n).fill(0);
    const { carried } = calendar;
    for (let d = 0; d < carried.length; d++) {
      const c = carried[d] as UnpaidDividend;
      this.qtyEligible[d] = c.qtyEligible;
      this.grossCents[d] = c.grossCents;
      this.withholdingCents[d] = c.withholdingCents;
      this.netCents[d] = c.netCents;
      this.enqueue(d);
    }
    this.nextEx = carried.length;
  }

  /** The earliest bar on which something is to be accrued or paid; the bar count when nothing is left. */
  nextDueBar(): number {
    const { exBar, payBar, bars } = this.calendar;
    const ex = this.nextEx < exBar.length ? (exBar[this.nextEx] as number) : bars;
    const pay = this.head < this.tail ? (payBar[this.queue[this.head] as number] as number) : bars;
    return Math.min(ex, pay);
  }

  /**
   * The next dividend whose ex-date has come by bar `bar`, accrued on `qtyEligible` (its accrual is then
   * in the columns under its number); `NO_DIVIDEND` when none is due. One with a gross of zero is not paid.
   */
  accrueNext(bar: number, qtyEligible: number): number {
    const d = this.nextEx;
    const { exBar, records, carried } = this.calendar;
    if (d >= exBar.length || (exBar[d] as number) > bar) return NO_DIVIDEND;
    this.nextEx++;
    const announced = (records[d - carried.length] as DividendRecord).withholdingPct;
    const rate = resolveWithholdingRate(announced, null, this.defaultWithholding);
    const a = accrueDividendInto(this.accrual, qtyEligible, this.amount[d] as number, rate);
    this.qtyEligible[d] = a.qtyEligible;
    this.grossCents[d] = a.grossCents;
    this.withholdingCents[d] = a.withholdingCents;
    this.netCents[d] = a.netCents;
    if (a.grossCents > 0) this.enqueue(d);
    return d;
  }

  /** The next accrued dividend whose pay date has come by bar `bar`; `NO_DIVIDEND` when none has. */
  payNext(bar: number): number {
    if (this.head === this.tail) return NO_DIVIDEND;
    const d = this.queue[this.head] as number;
    if ((this.calendar.payBar[d] as number) > bar) return NO_DIVIDEND;
    this.head++;
    return d;
  }

  /**
   * SPEC 5 at bar `bar` of a replay (every strategy's): the accrued dividends whose pay date has come
   * move from receivable to cash, counted in the ledger's and the run's totals, and logged as paid.
   */
  payDue(
    bar: number,
    ledger: PositionLedger,
    totals: { dividendsGrossCents: number; dividendsNetCents: number },
    log: RunLog,
    bars: BarSeries,
    symbol: string,
  ): void {
    const l = ledger;
    for (let d = this.payNext(bar); d !== NO_DIVIDEND; d = this.payNext(bar)) {
      const netCents = this.netCents[d] as number;
      const grossCents = this.grossCents[d] as number;
      l.cashCents = cents(l.cashCents + netCents);
      l.receivableCents = cents(l.receivableCents - netCents);
      l.totalDividendsGrossCents = cents(l.totalDividendsGrossCents + grossCents);
      l.totalDividendsNetCents = cents(l.totalDividendsNetCents + netCents);
      totals.dividendsGrossCents += grossCents;
      totals.dividendsNetCents += netCents;
      if (log.detailed) log.dividendPaid(barLabel(bars, bar), symbol, this.dividend(d));
    }
  }

  /** Dividend `d` as the run reports it (accrued, with its pay date). */
  dividend(d: number): UnpaidDividend {
    return {
      exDate: this.calendar.exDate[d] as string,
      payDate: this.calendar.payDate[d] as string,
      amount: this.amount[d] as number,
      qtyEligible: this.qtyEligible[d] as number,
      grossCents: this.grossCents[d] as number,
      withholdingCents: this.withholdingCents[d] as number,
      netCents: this.netCents[d] as number,
    };
  }

  /** Accrued and not yet paid (at the end of a run: what a next walk-forward window inherits). */
  pending(): UnpaidDividend[] {
    return this.queue.slice(this.head, this.tail).map((d) => this.dividend(d));
  }

  /** After the last one with a pay date not later (usually the end: dividends are paid in ex-date order). */
  private enqueue(d: number): void {
    const queue = this.queue;
    const dates = this.calendar.payDate;
    const payDate = dates[d] as string;
    let at = this.tail;
    while (at > this.head && (dates[queue[at - 1] as number] as string) > payDate) at--;
    for (let k = this.tail; k > at; k--) queue[k] = queue[k - 1] as number;
    queue[at] = d;
    this.tail++;
  }
}
