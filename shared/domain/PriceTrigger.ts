import type { TriggerConfig } from './Config';
import { exact } from './ExactDecimal';
import type { PositionState } from './Position';

export type TriggerKind = 'SET_ANCHOR' | 'BUY' | 'SELL' | 'HOLD';

export interface TriggerDecision {
  kind: TriggerKind;
  anchor: number | null;
  price: number;
  /** anchor × (1 − down): at or below it the trigger buys. */
  buyBelow: number | null;
  /** anchor × (1 + up): at or above it the trigger sells. */
  sellAbove: number | null;
  /** Fraction the price must still fall to reach buyBelow (≤ 0 once reached). */
  distanceToBuy: number | null;
  /** Fraction the price must still rise to reach sellAbove (≤ 0 once reached). */
  distanceToSell: number | null;
}

/** Relative gap below which float error could flip a comparison; there we compare decimals. */
const FLOAT_FILTER = 1e-12;

/**
 * Sign of price − anchor × (1 + delta), exact as with decimals: `threshold` is that product in floats,
 * whose answer is used when the gap is clearly larger than float error; the decimal texts of the inputs
 * decide the close cases.
 */
function compareToThreshold(price: number, threshold: number, anchor: number, delta: number): number {
  const gap = price - threshold;
  const tolerance = FLOAT_FILTER * price;
  if (gap > tolerance) return 1;
  if (gap < -tolerance) return -1;
  CLOSE_CASE.price = price;
  CLOSE_CASE.anchor = anchor;
  CLOSE_CASE.delta = delta;
  return compareCloseCaseExactly();
}

/**
 * The close case's numbers, handed over in double fields rather than as arguments: a call's double
 * arguments are boxed into new heap numbers, and V8 boxes a value used by two such calls (the buy and
 * the sell threshold) once, ahead of both branches — on every evaluation, not only in the rare close case.
 */
const CLOSE_CASE = { price: NaN, anchor: NaN, delta: NaN };

// Out of line, so the float filter above stays small enough to inline into hot loops.
function compareCloseCaseExactly(): number {
  const { price, anchor, delta } = CLOSE_CASE;
  return exact(price).comparedTo(exact(anchor).times(exact(delta).plus(1)));
}

/** SPEC 2.3. A price exactly on a threshold triggers (anchor 100, down 0.03, price 97 → BUY). */
export const PriceTrigger = {
  /** The decision's kind alone, allocating nothing; `anchor` NaN or null = not set yet. */
  kindOf(anchor: number | null, price: number, config: TriggerConfig): TriggerKind {
    if (anchor === null || Number.isNaN(anchor)) return 'SET_ANCHOR';
    const buyBelow = anchor * (1 - config.downThreshold);
    return PriceTrigger.kindAt(anchor, price, buyBelow, anchor * (1 + config.upThreshold), config);
  },

  /** `kindOf` for a set anchor whose thresholds the caller has computed (anchor × (1 − down), × (1 + up)). */
  kindAt(
    anchor: number,
    price: number,
    buyBelow: number,
    sellAbove: number,
    config: TriggerConfig,
  ): TriggerKind {
    if (compareToThreshold(price, buyBelow, anchor, -config.downThreshold) <= 0) return 'BUY';
    return compareToThreshold(price, sellAbove, anchor, config.upThreshold) >= 0 ? 'SELL' : 'HOLD';
  },

  evaluate(state: Pick<PositionState, 'anchor'>, price: number, config: TriggerConfig): TriggerDecision {
    const anchor = state.anchor;
    if (anchor === null) {
      return {
        kind: 'SET_ANCHOR',
        anchor,
        price,
        buyBelow: null,
        sellAbove: null,
        distanceToBuy: null,
        distanceToSell: null,
      };
    }
    const buyBelow = anchor * (1 - config.downThreshold);
    const sellAbove = anchor * (1 + config.upThreshold);
    const kind = PriceTrigger.kindOf(anchor, price, config);
    // One literal (no spread): this runs for every position on every tick and simulated bar.
    return {
      kind,
      anchor,
      price,
      buyBelow,
      sellAbove,
      distanceToBuy: (price - buyBelow) / price,
      distanceToSell: (sellAbove - price) / price,
    };
  },
};
