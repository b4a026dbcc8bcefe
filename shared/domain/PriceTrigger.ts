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
 * The close case's numbers, handed over in double fields rather than as arguments: a call's double
 * arguments are boxed into new heap numbers, and V8 would box them ahead of the filter's branches —
 * on every evaluation, not only in the rare close case.
 */
const CLOSE_CASE = { anchor: NaN, price: NaN, down: NaN, up: NaN };

/** Sign of price − anchor × (1 + delta) on the decimal texts of the three. */
function compareToThresholdExactly(price: number, anchor: number, delta: number): number {
  return exact(price).comparedTo(exact(anchor).times(exact(delta).plus(1)));
}

// Out of line, so the float filter in `kindAt` stays small enough to inline into hot loops.
function kindOfCloseCase(): TriggerKind {
  const { anchor, price, down, up } = CLOSE_CASE;
  if (compareToThresholdExactly(price, anchor, -down) <= 0) return 'BUY';
  return compareToThresholdExactly(price, anchor, up) >= 0 ? 'SELL' : 'HOLD';
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
    // The float products answer when the price is clearly off both thresholds (by more than float
    // error); the decimal texts decide the rest, in the same order (BUY first).
    const tolerance = FLOAT_FILTER * price;
    const toBuy = price - buyBelow;
    if (toBuy < -tolerance) return 'BUY';
    if (toBuy > tolerance) {
      const toSell = price - sellAbove;
      if (toSell > tolerance) return 'SELL';
      if (toSell < -tolerance) return 'HOLD';
    }
    CLOSE_CASE.anchor = anchor;
    CLOSE_CASE.price = price;
    CLOSE_CASE.down = config.downThreshold;
    CLOSE_CASE.up = config.upThreshold;
    return kindOfCloseCase();
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
