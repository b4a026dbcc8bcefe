import type { Side } from '../../../shared/domain/DomainEvent';
import { exact } from '../../../shared/domain/ExactDecimal';
import { volumeAllowance } from '../../../shared/domain/orders/MatchingRules';
import type { Quote } from '../../../shared/domain/Quote';
import type { Broker, BrokerOrder, BrokerResult } from '../../../shared/ports/Broker';
import type { Clock } from '../../../shared/ports/Clock';

export interface PaperBrokerOptions {
  clock: Clock;
  /**
   * Price paid for immediacy, in basis points: buys fill this much above the ask, sells below the bid.
   * A function is read at every fill (the setting of Settings › Trading, changed while trading runs).
   */
  slippageBps?: number | (() => number);
  /**
   * Largest fraction of a quote's size (shares at the ask for a buy, at the bid for a sell) one order
   * may take, by SPEC 10's volume rule; the rest of the order is cancelled. Default 1 (all the size
   * shown). Applies only when the quote says its size.
   */
  maxSizePct?: number;
}

function checkSlippage(bps: number): number {
  if (!(bps >= 0) || !Number.isFinite(bps)) {
    throw new RangeError(`slippage ${bps} bps must be a non-negative number`);
  }
  return bps;
}

const usable = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

/**
 * The paper broker (SPEC 4.2): buys fill at the ask (the last price when there is no ask), sells at
 * the bid (or last), moved against the investor by the slippage and rounded to the cent in the same
 * direction (a buy never fills below, a sell never above, the slipped price). It fills the whole order,
 * unless the quote says how many shares stand at its price: then at most `maxSizePct` of them, in whole
 * shares for a whole-share order (the matching engine's volume rule, shared/domain/orders), and the
 * worker books that part and cancels the rest; no size at all is no fill now (retried).
 * Idempotent: the broker ref is derived from the order id, so a fill submitted again after a crash is
 * the same fill, and the trades table books it once.
 */
export class PaperBroker implements Broker {
  readonly name = 'paper';
  private readonly clock: Clock;
  private readonly slippage: () => number;
  private readonly maxSizePct: number;

  constructor(options: PaperBrokerOptions) {
    this.clock = options.clock;
    this.maxSizePct = options.maxSizePct ?? 1;
    if (!(this.maxSizePct > 0 && this.maxSizePct <= 1)) {
      throw new RangeError(`maxSizePct ${this.maxSizePct} must be above 0 and at most 1`);
    }
    const given = options.slippageBps ?? 0;
    this.slippage = typeof given === 'function' ? given : () => given;
    checkSlippage(this.slippage());
  }

  private get slippageBps(): number {
    return checkSlippage(this.slippage());
  }

  expectedFillPrice(side: Side, quote: Quote): number | null {
    const base =
      side === 'BUY'
        ? usable(quote.ask)
          ? quote.ask
          : quote.last
        : usable(quote.bid)
          ? quote.bid
          : quote.last;
    if (!usable(base)) return null;
    const bps = this.slippageBps;
    if (bps === 0) return base;
    const factor = exact(1).plus(exact(side === 'BUY' ? bps : -bps).div(10_000));
    const slipped = exact(base).times(factor);
    // ROUND_UP (away from zero) = 0, ROUND_DOWN = 1 in decimal.js.
    return slipped.toDecimalPlaces(2, side === 'BUY' ? 0 : 1).toNumber();
  }

  async submit(request: BrokerOrder, quote: Quote): Promise<BrokerResult> {
    const { order } = request;
    const price = this.expectedFillPrice(order.side, quote);
    if (price === null) {
      return {
        ok: false,
        kind: 'unavailable',
        message: `no usable ${order.side === 'BUY' ? 'ask' : 'bid'} or last price for ${request.symbol}`,
      };
    }
    if (!(order.qty > 0))
      return { ok: false, kind: 'rejected', message: `quantity ${order.qty} is not positive` };
    const size = order.side === 'BUY' ? quote.askSize : quote.bidSize;
    let qty = order.qty;
    if (size !== undefined && size !== null && Number.isFinite(size)) {
      const grid = { qtyStep: Number.isInteger(order.qty) ? 1 : 0, lotSize: null };
      const allowed = volumeAllowance(
        { open: price, high: price, low: price, close: price, volume: size },
        this.maxSizePct,
        grid,
      );
      if (!(allowed > 0))
        return {
          ok: false,
          kind: 'unavailable',
          message: `no shares offered at the ${order.side === 'BUY' ? 'ask' : 'bid'} for ${request.symbol}`,
        };
      qty = Math.min(qty, allowed);
    }
    return {
      ok: true,
      fill: { qty, price, brokerRef: `paper:${order.id}`, executedAt: this.clock.now() },
    };
  }
}
