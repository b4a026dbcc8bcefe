import { ExactRatio } from './ExactRatio';
import type { SizingConfig } from './Config';
import type { PositionState } from './Position';
import type { TriggerKind } from './PriceTrigger';

/** V = q·P + C + R in dollars (SPEC 2.4): the receivable counts in value. */
export function positionValue(state: PositionState, price: number): number {
  return state.qty * price + (state.cashCents + state.receivableCents) / 100;
}

/**
 * SPEC 2.4 and 2.10: the signed quantity sizing asks for (+ buys, − sells) given V =
 * `positionValue(state, price)` > 0 (the caller computes it once, as the guardrails read the same V, and
 * holds with `zero_size` when V ≤ 0). The trigger decides the side; sizing only says how much. The
 * initial allocation (SET_ANCHOR) is sized as a target allocation to `initialStockPct`, whatever the sizing.
 */
export function sizedQty(
  state: PositionState,
  price: number,
  value: number,
  trigger: TriggerKind,
  sizing: SizingConfig,
  initialStockPct: number,
): number {
  const stockValue = state.qty * price;
  if (trigger === 'SET_ANCHOR') return (initialStockPct * value - stockValue) / price;
  return sizing.strategy === 'proportional'
    ? ((state.anchor ?? price) / price - 1) * sizing.rebalanceRatio * (value / price)
    : (sizing.targetStockPct * value - stockValue) / price;
}

/** A quantity whose sign contradicts the trigger (`sizing_opposes_trigger`): the trigger decides the side. */
export function opposesTrigger(trigger: TriggerKind, rawQty: number): boolean {
  return (trigger === 'BUY' && rawQty < 0) || (trigger === 'SELL' && rawQty > 0);
}

/**
 * Relative float error below which a quantity the sizing or a cap gives is treated as possibly on the
 * other side of a grid point, a cap or zero (ADR 0070). The float formulas carry a few units of 2^-53
 * of the magnitudes they combine; 1e-12 of those magnitudes is hundreds of times that, and still so
 * small that the exact path runs for about one trade in a million with whole shares.
 */
export const EDGE_TOLERANCE = 1e-12;

/**
 * EDGE_TOLERANCE one part in 10⁶ over: the factor of the division-free bounds of the tolerance × P²
 * (ADR 0150), so a bound computed in other float steps than the tolerance still covers it.
 */
export const EDGE_TOLERANCE_BOUND = EDGE_TOLERANCE * (1 + 1e-6);

/**
 * A bound on the float error of `sizedQty`'s result, in shares (EDGE_TOLERANCE of the magnitudes the
 * formula combines): within it of zero, a grid point or a cap, the exact value decides.
 */
export function sizingTolerance(
  state: PositionState,
  price: number,
  value: number,
  trigger: TriggerKind,
  sizing: SizingConfig,
): number {
  const stock = Math.abs(state.qty * price);
  if (trigger !== 'SET_ANCHOR' && sizing.strategy === 'proportional') {
    const anchor = state.anchor ?? price;
    return (
      (EDGE_TOLERANCE * (Math.abs(anchor) / price + 1) * Math.abs(sizing.rebalanceRatio) * value) / price
    );
  }
  return (EDGE_TOLERANCE * (value + stock)) / price;
}

/** `sizedQty` exactly, on the decimal texts of its inputs (the oracle of the edge cases, ADR 0070). */
export function exactSizedQty(
  state: PositionState,
  price: number,
  trigger: TriggerKind,
  sizing: SizingConfig,
  initialStockPct: number,
): ExactRatio {
  const p = ExactRatio.of(price);
  const stock = ExactRatio.of(state.qty).times(p);
  const value = exactPositionValue(state, price);
  if (trigger === 'SET_ANCHOR') return ExactRatio.of(initialStockPct).times(value).minus(stock).div(p);
  if (sizing.strategy === 'proportional') {
    const anchor = ExactRatio.of(state.anchor ?? price);
    return anchor.minus(p).times(ExactRatio.of(sizing.rebalanceRatio)).times(value).div(p.times(p));
  }
  return ExactRatio.of(sizing.targetStockPct).times(value).minus(stock).div(p);
}

/** V = q·P + C + R exactly. */
export function exactPositionValue(state: PositionState, price: number): ExactRatio {
  return ExactRatio.of(state.qty)
    .times(ExactRatio.of(price))
    .plus(ExactRatio.cents(state.cashCents + state.receivableCents));
}
