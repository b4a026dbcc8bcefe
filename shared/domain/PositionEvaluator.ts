import type { CommissionSnapshot } from './Commission';
import type { StrategyConfig } from './Config';
import type { DailyActivity } from './DailyActivity';
import type { Cents } from './Money';
import type { EvaluationAction, GuardrailStep, Side } from './DomainEvent';
import { GuardrailEvaluator, type GuardrailConfigs } from './GuardrailEvaluator';
import { GuardrailTrace } from './GuardrailTrace';
import { opposesTrigger, positionValue, sizedQty } from './OrderSizing';
import type { PositionState } from './Position';
import { PriceTrigger, type TriggerDecision, type TriggerKind } from './PriceTrigger';
import type { ReasonCode } from './ReasonCode';

export interface EvaluationInput {
  state: PositionState;
  price: number;
  config: StrategyConfig;
  commission: CommissionSnapshot;
  today: DailyActivity;
}

export interface EvaluationOutcome {
  action: Extract<EvaluationAction, 'HOLD' | 'BUY' | 'SELL'>;
  trigger: TriggerDecision;
  /** Signed quantity sizing asked for, before guardrails; null when sizing did not run. */
  rawQty: number | null;
  /** Unsigned quantity of the order (0 on HOLD). */
  qty: number;
  side: Side | null;
  /** Shared and frozen on the common HOLD: copy before changing. */
  reasons: readonly ReasonCode[];
  steps: readonly GuardrailStep[];
  /** action_below_min = reject: record a REJECTED order of this side and quantity. */
  rejected: { side: Side; qty: number } | null;
  isInitialAllocation: boolean;
  /** The anchor to set now, without a fill: an initial allocation that ends without an order (SPEC 2.10). */
  anchorToSet: number | null;
}

// Most evaluations hold inside the band: they share this frozen array.
const NO_TRIGGER: readonly ReasonCode[] = Object.freeze(['no_trigger']);

/**
 * trigger → sizing → guardrails for one position at one price: the decision both the live loop and the
 * simulation make (SPEC 2.3–2.6, 2.10). Quote validity and market session are decided before.
 *
 * Reusable and allocation-free: `evaluate` writes the fully explained decision (trigger thresholds and
 * distances, sizing, every reason, every guardrail step) into this object's fields and buffers, which
 * stay valid until the next `evaluate`. A caller that keeps a decision takes `toOutcome()`, a plain
 * copy. Unset numbers are NaN here (so fields keep one representation) and null in the outcome. One
 * instance per caller; `evaluate` is synchronous and never re-entered.
 */
// Every number field starts as NaN, a double: a field first given a small integer would box each
// later fractional value in a new heap number (an allocation per store on this hot path).
export class PositionEvaluator {
  action: EvaluationOutcome['action'] = 'HOLD';
  triggerKind: TriggerKind = 'HOLD';
  /** The price evaluated. */
  price = NaN;
  buyBelow = NaN;
  sellAbove = NaN;
  distanceToBuy = NaN;
  distanceToSell = NaN;
  /** Signed quantity sizing asked for (NaN: sizing did not run). */
  rawQty = NaN;
  /** Unsigned quantity of the order, or of the rejected order (0 on a plain HOLD). */
  qty = NaN;
  side: Side | null = null;
  /** True when action_below_min = reject turned the order into a REJECTED one of `side` and `qty`. */
  rejected = false;
  private readonly trace = new GuardrailTrace();
  /** The position as the rules read it, filled from the arguments on every evaluation (the getters below read it too). */
  private readonly state: PositionState = {
    qty: NaN,
    cashCents: NaN as Cents,
    receivableCents: NaN as Cents,
    anchor: NaN,
  };
  private readonly configs: GuardrailConfigs = {
    guardrails: undefined as never,
    orderPolicy: undefined as never,
    commission: undefined as never,
  };

  /** Evaluates a position given as its state. */
  evaluate(
    state: PositionState,
    price: number,
    config: StrategyConfig,
    commission: CommissionSnapshot,
    today: DailyActivity,
  ): this {
    return this.evaluateValues(
      state.qty,
      state.cashCents,
      state.receivableCents,
      state.anchor ?? NaN,
      price,
      config,
      commission,
      today,
    );
  }

  /**
   * Evaluates a position given as plain numbers (anchor NaN = unset), as a replay loop holds them.
   * Small on purpose, so V8 inlines it into the caller's loop: the numbers are stored into this object's
   * double fields in place, and `trigger` and `sizeAndGuard` are called with objects only (a double
   * passed to a call that is not inlined is boxed into a new heap number, once per argument per
   * evaluation). A HOLD (most evaluations) never enters `sizeAndGuard`.
   */
  evaluateValues(
    qty: number,
    cashCents: number,
    receivableCents: number,
    anchor: number,
    price: number,
    config: StrategyConfig,
    commission: CommissionSnapshot,
    today: DailyActivity,
  ): this {
    const state = this.state;
    state.qty = qty;
    state.cashCents = cashCents as Cents;
    state.receivableCents = receivableCents as Cents;
    // NaN, not null, when unset (one field representation): sizing reads the anchor only when it is set.
    state.anchor = anchor;
    this.price = price;
    this.trigger(config);
    if (this.triggerKind !== 'HOLD') this.sizeAndGuard(this.triggerKind, config, commission, today);
    return this;
  }

  /** The trigger for the position in `this.state` at `this.price`, and the decision reset to HOLD. */
  private trigger(config: StrategyConfig): void {
    const trigger = config.trigger;
    const price = this.price;
    const anchor = this.state.anchor as number;
    const buyBelow = anchor * (1 - trigger.downThreshold);
    const sellAbove = anchor * (1 + trigger.upThreshold);
    const isInitialAllocation = Number.isNaN(anchor);
    const kind = isInitialAllocation
      ? 'SET_ANCHOR'
      : PriceTrigger.kindAt(anchor, price, buyBelow, sellAbove, trigger);
    this.triggerKind = kind;
    this.buyBelow = buyBelow;
    this.sellAbove = sellAbove;
    this.distanceToBuy = (price - buyBelow) / price;
    this.distanceToSell = (sellAbove - price) / price;
    this.rawQty = NaN;
    this.qty = 0;
    this.side = null;
    this.rejected = false;
    this.action = 'HOLD';
    this.trace.clear();
  }

  /** A trigger fired (or the anchor is unset): sizing, then the guardrails, on the decision `trigger` reset. */
  private sizeAndGuard(
    kind: TriggerKind,
    config: StrategyConfig,
    commission: CommissionSnapshot,
    today: DailyActivity,
  ): void {
    const t = this.trace;
    if (kind === 'SET_ANCHOR') t.addReason('anchor_unset');
    const state = this.state;
    const price = this.price;
    const value = positionValue(state, price);
    const rawQty = sizedQty(state, price, value, kind, config.sizing, config.execution.initialStockPct);
    if (Number.isNaN(rawQty)) {
      t.addReason('zero_size');
      return;
    }
    this.rawQty = rawQty;
    if (opposesTrigger(kind, rawQty)) {
      t.addReason('sizing_opposes_trigger');
      return;
    }
    if (rawQty === 0) {
      t.addReason('zero_qty');
      return;
    }

    const side: Side = rawQty > 0 ? 'BUY' : 'SELL';
    const configs = this.configs;
    configs.guardrails = config.guardrails;
    configs.orderPolicy = config.orderPolicy;
    configs.commission = commission;
    const outcome = GuardrailEvaluator.run(
      t.propose(side, Math.abs(rawQty), price, value),
      state,
      configs,
      today,
    );
    if (outcome === 'HOLD') return;
    this.side = side;
    this.qty = t.qty;
    if (outcome === 'REJECT') {
      this.rejected = true;
      return;
    }
    this.action = side;
  }

  /** The anchor the trigger saw (NaN: unset). Read from the state, like the flags below (no store per evaluation). */
  get anchor(): number {
    return this.state.anchor as number;
  }

  get isInitialAllocation(): boolean {
    return Number.isNaN(this.state.anchor);
  }

  /** The anchor to set now without a fill (NaN: none): an initial allocation that placed no order. */
  get anchorToSet(): number {
    return this.isInitialAllocation && this.action === 'HOLD' ? this.price : NaN;
  }

  /** The reasons in order: shared and frozen for a HOLD inside the band, else a new array. */
  reasons(): readonly ReasonCode[] {
    return this.triggerKind === 'HOLD' ? NO_TRIGGER : this.trace.reasonsCopy();
  }

  /** The current decision as a plain object the caller owns. */
  toOutcome(): EvaluationOutcome {
    const unset = this.triggerKind === 'SET_ANCHOR';
    return {
      action: this.action,
      trigger: {
        kind: this.triggerKind,
        anchor: unset ? null : this.anchor,
        price: this.price,
        buyBelow: unset ? null : this.buyBelow,
        sellAbove: unset ? null : this.sellAbove,
        distanceToBuy: unset ? null : this.distanceToBuy,
        distanceToSell: unset ? null : this.distanceToSell,
      },
      rawQty: Number.isNaN(this.rawQty) ? null : this.rawQty,
      qty: this.action === 'HOLD' ? 0 : this.qty,
      side: this.side,
      reasons: this.reasons(),
      steps: this.trace.stepsCopy(),
      rejected: this.rejected ? { side: this.side as Side, qty: this.qty } : null,
      isInitialAllocation: this.isInitialAllocation,
      anchorToSet: Number.isNaN(this.anchorToSet) ? null : this.anchorToSet,
    };
  }
}

const SHARED = new PositionEvaluator();

/** One evaluation as a plain `EvaluationOutcome` (the live loop's form: it stores every decision). */
export function evaluatePosition(input: EvaluationInput): EvaluationOutcome {
  return SHARED.evaluate(input.state, input.price, input.config, input.commission, input.today).toOutcome();
}
