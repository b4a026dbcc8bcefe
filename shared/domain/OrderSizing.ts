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
