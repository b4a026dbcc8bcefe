import { accrueDividend, resolveWithholdingRate } from '../domain/DividendMath';
import type { DividendRecord } from '../ports/HistoricalDividends';
import type { UnpaidDividend } from './SimulationSpec';

/**
 * One holder's walk through a symbol's dividends (SPEC 4.3 with SPEC 5's replay rule): a record is
 * accrued on the first bar whose session is on or after its ex-date (so an ex-date that is not a bar
 * date is applied on the next bar), on the shares held at the previous bar's close, and paid on the
 * first bar on or after its pay date (the ex-date when unknown). Each record is accrued once and paid once.
 */
export class DividendSchedule {
  private nextEx = 0;
  private readonly unpaid: UnpaidDividend[];

  constructor(
    private readonly records: readonly DividendRecord[],
    private readonly defaultWithholding: number,
    carried: readonly UnpaidDividend[] = [],
  ) {
    this.unpaid = [...carried].sort((a, b) => (a.payDate < b.payDate ? -1 : a.payDate > b.payDate ? 1 : 0));
  }

  /** The earliest date something is to be accrued or paid; null when nothing is left. */
  nextDueDate(): string | null {
    const ex = this.records[this.nextEx]?.exDate ?? null;
    const pay = this.unpaid[0]?.payDate ?? null;
    if (ex === null) return pay;
    return pay === null || ex <= pay ? ex : pay;
  }

  /** The next record whose ex-date has come, accrued on `qtyEligible`; null when none is due. */
  accrueNext(session: string, qtyEligible: number): UnpaidDividend | null {
    const record = this.records[this.nextEx];
    if (record === undefined || record.exDate > session) return null;
    this.nextEx++;
    const rate = resolveWithholdingRate(record.withholdingPct, null, this.defaultWithholding);
    const accrual = accrueDividend(qtyEligible, record.amount, rate);
    const entry: UnpaidDividend = {
      exDate: record.exDate,
      payDate: record.payDate ?? record.exDate,
      amount: record.amount,
      qtyEligible,
      grossCents: accrual.grossCents,
      withholdingCents: accrual.withholdingCents,
      netCents: accrual.netCents,
    };
    if (entry.grossCents > 0) this.insertUnpaid(entry);
    return entry;
  }

  /** The next accrued dividend whose pay date has come; null when none is. */
  payNext(session: string): UnpaidDividend | null {
    const first = this.unpaid[0];
    if (first === undefined || first.payDate > session) return null;
    this.unpaid.shift();
    return first;
  }

  /** Accrued and not yet paid (at the end of a run: what a next walk-forward window inherits). */
  pending(): UnpaidDividend[] {
    return [...this.unpaid];
  }

  private insertUnpaid(entry: UnpaidDividend): void {
    let at = this.unpaid.length;
    while (at > 0 && (this.unpaid[at - 1] as UnpaidDividend).payDate > entry.payDate) at--;
    this.unpaid.splice(at, 0, entry);
  }
}
