import type { StrategyConfig } from '../domain/Config';
import type { RiskConfig } from '../domain/risk/RiskConfig';
import { riskOf, validatorIsOff } from '../domain/risk/RiskConfig';
import type { StopDecision, ValidatorCode } from '../domain/risk';
import { AverageCost, checkOrder, checkStops } from '../domain/risk';

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
  private readonly cost: AverageCost;

  private constructor(limits: RiskConfig, initialQty: number, firstClose: number) {
    this.limits = limits;
    this.cost = new AverageCost(initialQty, firstClose);
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
        averageCost: this.cost.perShare(),
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
    if (side === 'BUY') this.cost.buy(qty, notionalCents, commissionCents);
    else this.cost.sell(qty);
  }
}
