import type { Side } from '../DomainEvent';
import { exact } from '../ExactDecimal';
import { roundTowardZero } from '../QuantityRounding';
import type { WorkingOrder } from './OrderLifecycle';

/**
 * SPEC 10's matching rules for one working order on one bar, deterministic and pure (the simulation's
 * matching engine and the live paper broker both use them):
 * - the fill price is the bar's close (default), its open (`next_open`: the order is first eligible on
 *   the bar after its signal) or its typical price (high + low + close)/3 (`vwap`), moved by the slippage
 *   against the trader;
 * - at most `maxVolumePct` of the bar's volume fills per bar (whole steps, rounded down);
 * - a limit fills only when the bar trades through it (a buy: low < limit; a sell: high > limit; a touch
 *   is not enough), at the better of its limit and the fill price;
 * - a stop becomes a market order (a stop-limit: a limit order) once the bar touches its stop (a buy:
 *   high ≥ stop; a sell: low ≤ stop); with `next_open` fills it is then filled from the next bar's open,
 *   unless the bar opened at or through the stop (then at that open).
 */
export const LAB_FILL_MODELS = ['close', 'next_open', 'vwap'] as const;
export type LabFillModel = (typeof LAB_FILL_MODELS)[number];

export interface MatchingModel {
  fill: LabFillModel;
  slippageBps: number;
  /** Largest fraction of a bar's volume one order may take on that bar; null: no cap. SPEC 10 default 0.1. */
  maxVolumePct: number | null;
}

export const DEFAULT_MATCHING: MatchingModel = { fill: 'close', slippageBps: 0, maxVolumePct: 0.1 };

export interface BarPrices {
  open: number;
  high: number;
  low: number;
  close: number;
  /** NaN when unknown: then no volume cap applies. */
  volume: number;
}

export interface QtyGrid {
  qtyStep: number;
  lotSize: number | null;
}

export interface BarMatch {
  /** Shares that fill on this bar (0: none). */
  qty: number;
  /** Their price (NaN when nothing fills). */
  price: number;
  /** The volume cap cut the fill below what the order wanted. */
  capped: boolean;
  /** A stop's trigger happened on this bar (the caller marks the order triggered). */
  triggeredNow: boolean;
}

/** A price moved `bps` basis points against the trader, exactly (buys higher, sells lower). */
export function slipped(price: number, side: Side, bps: number): number {
  if (bps === 0) return price;
  const factor = exact(bps).div(10_000);
  return exact(price)
    .times(side === 'BUY' ? factor.plus(1) : exact(1).minus(factor))
    .toNumber();
}

export function baseFillPrice(bar: BarPrices, fill: LabFillModel): number {
  if (fill === 'close') return bar.close;
  if (fill === 'next_open') return bar.open;
  return (bar.high + bar.low + bar.close) / 3;
}

/** Whether the bar touches the order's stop. */
export function touchesStop(side: Side, stop: number, bar: BarPrices): boolean {
  return side === 'BUY' ? bar.high >= stop : bar.low <= stop;
}

/** Whether the bar trades through the limit (strictly beyond it). */
export function tradesThrough(side: Side, limit: number, bar: BarPrices): boolean {
  return side === 'BUY' ? bar.low < limit : bar.high > limit;
}

/** The shares the volume cap allows on this bar (Infinity without a cap or a known volume). */
export function volumeAllowance(bar: BarPrices, maxVolumePct: number | null, grid: QtyGrid): number {
  if (maxVolumePct === null || !Number.isFinite(bar.volume)) return Infinity;
  return Math.max(0, roundTowardZero(bar.volume * maxVolumePct, grid.qtyStep, grid.lotSize));
}

const NONE: BarMatch = Object.freeze({ qty: 0, price: NaN, capped: false, triggeredNow: false });

/** What `bar` fills of `order` (its remaining quantity), by the rules above. Does not change the order. */
export function matchOnBar(
  order: WorkingOrder,
  bar: BarPrices,
  model: MatchingModel,
  grid: QtyGrid,
): BarMatch {
  const rest = order.qty - order.filledQty;
  if (!(rest > 0)) return NONE;
  const side = order.side;
  let triggeredNow = false;
  let fromOpen = false;
  if ((order.type === 'STOP' || order.type === 'STOP_LIMIT') && !order.triggered) {
    const stop = order.stopPrice as number;
    if (!touchesStop(side, stop, bar)) return NONE;
    triggeredNow = true;
    if (model.fill === 'next_open') {
      const openThrough = side === 'BUY' ? bar.open >= stop : bar.open <= stop;
      if (!openThrough) return { ...NONE, triggeredNow };
      fromOpen = true;
    }
  }
  const base = fromOpen ? bar.open : baseFillPrice(bar, model.fill);
  let price = slipped(base, side, model.slippageBps);
  if (order.type === 'LIMIT' || order.type === 'STOP_LIMIT') {
    const limit = order.limitPrice as number;
    if (!tradesThrough(side, limit, bar)) return { ...NONE, triggeredNow };
    price = side === 'BUY' ? Math.min(limit, price) : Math.max(limit, price);
  }
  const allowed = volumeAllowance(bar, model.maxVolumePct, grid);
  const qty = Math.min(rest, allowed);
  if (!(qty > 0)) return { qty: 0, price: NaN, capped: true, triggeredNow };
  return { qty, price, capped: qty < rest, triggeredNow };
}
