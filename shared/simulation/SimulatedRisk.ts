import type { StrategyConfig } from '../domain/Config';
import type { RiskConfig } from '../domain/risk/RiskConfig';
import { riskOf, validatorIsOff } from '../domain/risk/RiskConfig';
import type { StopDecision, ValidatorCode } from '../domain/risk';
import { checkOrder, checkStops } from '../domain/risk';
import { PositionBook } from '../domain/accounting/PositionBook';

/**
 * One simulated position's risk manager and order validator (SPEC 9): the same domain rules as the
 * live loop (shared/domain/risk), fed from the replay. Made only when the config sets a stop or a
 * validator limit; a run without risk settings replays exactly as before (and as fast).
 *
 * In a simulation each position is judged on its own figures: the exposure limit compares the
 * position's stock with its own equity, and the rate limits count the orders of its own bar (one at
 * most, so they fire only with a limit of 0 — there are no minutes in a daily bar). See docs/adr/0115.
 */
export class SimulatedRisk {
  readonly limits: RiskConfig;
  /** Set by a stop's exit: the position trades no more in this run (the investor would decide). */
  paused = false;
  /** The stop that paused it. */
  exitReason: StopDecision['reason'] | null = null;
  private highestClose = -Infinity;
  /**
   * The position's lots (SPEC 8, FIFO), as the live loop's accounting keeps them: the position stop's
   * average cost is the open lots' book cost per share in both (docs/adr/0130).
   */
  private readonly book: PositionBook;
  private fills = 0;

  private constructor(limits: RiskConfig, initialQty: number, firstClose: number) {
    this.limits = limits;
    this.book = new PositionBook('sim', '', 'FIFO');
    this.book.apply({
      kind: 'opened',
      id: 'opened',
      positionId: 'sim',
      symbol: '',
      date: '',
      cashCents: 0,
      qty: initialQty,
      price: firstClose,
    });
  }

  /** Null when nothing of SPEC 9 is set for this position. */
  static of(config: StrategyConfig, initialQty: number, firstClose: number): SimulatedRisk | null {
    const limits = riskOf(config);
    if (limits.positionStopPct === null && limits.trailingStopPct === null && validatorIsOff(limits))
      return null;
    return new SimulatedRisk(limits, initialQty, firstClose);
  }

  /** The stop the bar's close fires, if any; the close then joins the highest close. */
  onClose(qty: number, close: number): StopDecision | null {
    const stop = checkStops(
      {
        qty,
        price: close,
        averageCost: this.book.qty > 0 ? this.book.costCents / 100 / this.book.qty : null,
        highestClose: this.highestClose === -Infinity ? null : this.highestClose,
      },
      this.limits,
    );
    if (close > this.highestClose) this.highestClose = close;
    return stop;
  }

  /** The validator's code for an order the rules decided, or null. */
  check(
    side: 'BUY' | 'SELL',
    qty: number,
    price: number,
    commissionCents: number,
    position: { qty: number; cashCents: number; receivableCents: number },
  ): ValidatorCode | null {
    const stockCents = position.qty * price * 100;
    return checkOrder(
      { side, qty, price, commissionCents },
      {
        ordersLastMinute: 0,
        ordersLastMinuteSymbol: 0,
        positionQty: position.qty,
        positionCashCents: position.cashCents,
        portfolioStockValueCents: stockCents,
        portfolioEquityCents: stockCents + position.cashCents + position.receivableCents,
      },
      this.limits,
    );
  }

  onFill(side: 'BUY' | 'SELL', qty: number, notionalCents: number, commissionCents: number): void {
    this.fills++;
    this.book.apply({
      kind: 'fill',
      id: `fill-${this.fills}`,
      positionId: 'sim',
      symbol: '',
      date: '',
      side,
      qty,
      price: qty > 0 ? notionalCents / 100 / qty : 0,
      notionalCents,
      commissionCents,
    });
  }
}
