import type { CommissionSnapshot } from '../domain/Commission';
import { bookFill } from '../domain/FillBooking';
import type { BarSeries } from '../ports/HistoricalBars';
import type { DividendCalendar } from './DividendSchedule';
import { DividendSchedule, NO_DIVIDEND } from './DividendSchedule';
import { slippedPrice } from './SimulatedPosition';
import type { ExecutionModel, PositionSpec } from './SimulationSpec';
import { barLabel } from './TimelineRecorder';
import { productCents } from '../domain/Money';

/**
 * The benchmark run beside every run (SPEC 5): all the position's capital in the stock at the first
 * price an order could fill at (the first bar's close, or the second bar's open with `next_open`),
 * whole shares, the same commission and slippage; dividends kept as cash (accrued and paid with the
 * same rules as the strategy). Shares the position starts with are kept.
 */
// Number fields start as numbers, not `undefined` (a bare declaration): a field that starts undefined
// boxes every later fractional value in a new heap number, once per bar here.
export class BuyAndHoldReplay {
  qty = NaN;
  cashCents = 0;
  receivableCents = 0;
  commissionsCents = 0;
  notionalCents = 0;
  dividendsNetCents = 0;
  boughtAt: string | null = null;
  price: number | null = null;
  private bought = false;
  private lastClose = NaN;
  private readonly dividends: DividendSchedule;

  constructor(
    spec: PositionSpec,
    private readonly bars: BarSeries,
    dividends: DividendCalendar,
    withholding: number,
    private readonly commission: CommissionSnapshot,
    private readonly execution: ExecutionModel,
  ) {
    this.qty = spec.initialQty;
    this.cashCents = spec.initialCashCents;
    this.receivableCents = spec.unpaidDividends.reduce((sum, d) => sum + d.netCents, 0);
    this.dividends = new DividendSchedule(dividends, withholding);
    this.lastClose = bars.close[0] as number;
  }

  step(i: number): void {
    if (i >= this.dividends.nextDueBar()) this.applyDividends(i);
    if (!this.bought) {
      if (this.execution.fill === 'close') this.buy(i, this.bars.close[i] as number);
      else if (i > 0) this.buy(i, this.bars.open[i] as number);
    }
    this.lastClose = this.bars.close[i] as number;
  }

  equityCents(): number {
    return this.cashCents + this.receivableCents + productCents(this.qty, this.lastClose);
  }

  /**
   * The first bar whose `step` does more than note the close: the buy (until done) or a dividend due.
   * A detailed run of one position steps only from there, and values the other bars with `equityAt`.
   */
  quietBefore(): number {
    return this.bought ? this.dividends.nextDueBar() : 0;
  }

  /** The equity at `close`, the close of a bar `step` was not called for (see `quietBefore`). */
  equityAt(close: number): number {
    return this.cashCents + this.receivableCents + productCents(this.qty, close);
  }

  /** Notes the last close after a run that skipped quiet bars. */
  closeAt(close: number): void {
    this.lastClose = close;
  }

  private buy(i: number, basePrice: number): void {
    this.bought = true;
    const price = slippedPrice(basePrice, 'BUY', this.execution.slippageBps);
    const k = this.commission.rate;
    const dollars = this.cashCents / 100;
    let q = Math.floor(
      Math.min(dollars / (price * (1 + k)), (dollars - this.commission.minimumCents / 100) / price),
    );
    while (q > 0 && this.cashCents + bookFill('BUY', q, price, this.commission).cashDeltaCents < 0) q--;
    if (q <= 0) return;
    const booking = bookFill('BUY', q, price, this.commission);
    this.qty += q;
    this.cashCents += booking.cashDeltaCents;
    this.commissionsCents += booking.commissionCents;
    this.notionalCents += booking.notionalCents;
    this.boughtAt = barLabel(this.bars, i);
    this.price = price;
  }

  private applyDividends(i: number): void {
    const schedule = this.dividends;
    for (let d = schedule.accrueNext(i, this.qty); d !== NO_DIVIDEND; d = schedule.accrueNext(i, this.qty)) {
      this.receivableCents += schedule.netCents[d] as number;
    }
    for (let d = schedule.payNext(i); d !== NO_DIVIDEND; d = schedule.payNext(i)) {
      const netCents = schedule.netCents[d] as number;
      this.receivableCents -= netCents;
      this.cashCents += netCents;
      this.dividendsNetCents += netCents;
    }
  }
}
