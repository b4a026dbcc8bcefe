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
 * Sign of price − anchor × (1 + delta), exact as with decimals: the float answer is used when the gap is
 * clearly larger than float error, and the decimal texts of the inputs decide the close cases.
 */
function compareToThreshold(price: number, anchor: number, delta: number): number {
  const gap = price - anchor * (1 + delta);
  if (Math.abs(gap) > FLOAT_FILTER * price) return Math.sign(gap);
  return exact(price).comparedTo(exact(anchor).times(exact(delta).plus(1)));
}

/** SPEC 2.3. A price exactly on a threshold triggers (anchor 100, down 0.03, price 97 → BUY). */
export const PriceTrigger = {
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
    const kind: TriggerKind =
      compareToThreshold(price, anchor, -config.downThreshold) <= 0
        ? 'BUY'
        : compareToThreshold(price, anchor, config.upThreshold) >= 0
          ? 'SELL'
          : 'HOLD';
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
