import type { CommissionSnapshot } from './Commission';
import type { StrategyConfig } from './Config';
import type { DailyActivity } from './DailyActivity';
import type { Cents } from './Money';
import type { EvaluationAction, GuardrailStep, Side } from './DomainEvent';
import { GuardrailEvaluator, type GuardrailConfigs } from './GuardrailEvaluator';
import { GuardrailTrace, type ExactSizer } from './GuardrailTrace';
import type { ExactRatio } from './ExactRatio';
import {
  EDGE_TOLERANCE,
  EDGE_TOLERANCE_BOUND,
  exactSizedQty,
  opposesTrigger,
  positionValue,
  sizedQty,
} from './OrderSizing';
import type { PositionState } from './Position';
import { PriceTrigger, type TriggerDecision, type TriggerKind } from './PriceTrigger';
import type { ReasonCode } from './ReasonCode';

/** A position as the evaluator reads it: the rules' state with the anchor NaN, not null, when unset. */
export interface EvaluatorPosition extends PositionState {
  anchor: number;
}

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
export class PositionEvaluator implements ExactSizer {
  action: EvaluationOutcome['action'] = 'HOLD';
  triggerKind: TriggerKind = 'HOLD';
  /** The price evaluated. */
  price = NaN;
  buyBelow = NaN;
  sellAbove = NaN;
  /** Signed quantity sizing asked for (NaN: sizing did not run). */
  rawQty = NaN;
  /** Unsigned quantity of the order, or of the rejected order (0 on a plain HOLD). */
  qty = NaN;
  side: Side | null = null;
  /** True when action_below_min = reject turned the order into a REJECTED one of `side` and `qty`. */
  rejected = false;
  private readonly trace = new GuardrailTrace();
  /**
   * The position the next `run` evaluates, as numbers written in place (anchor NaN = unset): a replay
   * loop writes its locals here and calls `run`, so no call on the way passes a double (a double passed
   * to a call V8 does not inline is boxed into a new heap number, once per argument per evaluation).
   * `evaluate` and `evaluateValues` fill it from their arguments.
   */
  readonly position: EvaluatorPosition = {
    qty: NaN,
    cashCents: NaN as Cents,
    receivableCents: NaN as Cents,
    anchor: NaN,
  };
  /** The sizing settings of the current evaluation, for the exact path (`exactQty`, `writeTolerance`). */
  private sizingConfig: StrategyConfig['sizing'] = undefined as never;
  private initialStockPct = NaN;
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

  /** Evaluates a position given as plain numbers (anchor NaN = unset). */
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
    const position = this.position;
    position.qty = qty;
    position.cashCents = cashCents as Cents;
    position.receivableCents = receivableCents as Cents;
    position.anchor = anchor;
    this.price = price;
    return this.run(config, commission, today);
  }

  /**
   * Evaluates `this.position` at `this.price`: the trigger here, and, when it fires (or the anchor is
   * unset), sizing and the guardrails in `sizeAndGuard`; a HOLD (most evaluations) never enters it.
   * Kept small, and its calls take objects only, so the work is the same whether or not V8 inlines
   * it (or `sizeAndGuard`) into the caller's loop — V8 decides that by the order functions happen to be
   * optimised in, and counts a callee's own inlining against the caller's budget.
   */
  run(config: StrategyConfig, commission: CommissionSnapshot, today: DailyActivity): this {
    const trigger = config.trigger;
    const price = this.price;
    const anchor = this.position.anchor;
    const buyBelow = anchor * (1 - trigger.downThreshold);
    const sellAbove = anchor * (1 + trigger.upThreshold);
    const kind = Number.isNaN(anchor)
      ? 'SET_ANCHOR'
      : PriceTrigger.kindAt(anchor, price, buyBelow, sellAbove, trigger);
    this.triggerKind = kind;
    this.buyBelow = buyBelow;
    this.sellAbove = sellAbove;
    this.rawQty = NaN;
    this.qty = 0;
    this.side = null;
    this.rejected = false;
    this.action = 'HOLD';
    this.trace.clear();
    if (kind !== 'HOLD') this.sizeAndGuard(kind, config, commission, today);
    return this;
  }

  /** A trigger fired (or the anchor is unset): sizing, then the guardrails, on the decision `run` reset. */
  private sizeAndGuard(
    kind: TriggerKind,
    config: StrategyConfig,
    commission: CommissionSnapshot,
    today: DailyActivity,
  ): void {
    const t = this.trace;
    if (kind === 'SET_ANCHOR') t.addReason('anchor_unset');
    const state = this.position;
    const price = this.price;
    const value = positionValue(state, price);
    // V ≤ 0 is `zero_size` (rawQty stays NaN). Sizing has no NaN of its own to return: a NaN merged
    // with its results would make V8 box every result into a new heap number.
    if (!(value > 0)) {
      this.holdOnSizing(kind, 0);
      return;
    }
    const rawQty = sizedQty(state, price, value, kind, config.sizing, config.execution.initialStockPct);
    this.rawQty = rawQty;
    this.sizingConfig = config.sizing;
    this.initialStockPct = config.execution.initialStockPct;
    // Float error could give the wrong sign only when |rawQty| is within its bound (`writeTolerance`):
    // this prefilter admits every such case while (anchor / P + 1)·r ≤ 10^6, at the cost of two products.
    let sign = rawQty > 0 ? 1 : rawQty < 0 ? -1 : 0;
    if (Math.abs(rawQty) * price <= 1e-6 * value) sign = this.signNearZero(rawQty);
    if (sign === 0 || (kind === 'BUY' && sign < 0) || (kind === 'SELL' && sign > 0)) {
      this.holdOnSizing(kind, sign);
      return;
    }

    const side: Side = sign > 0 ? 'BUY' : 'SELL';
    const configs = this.configs;
    configs.guardrails = config.guardrails;
    configs.orderPolicy = config.orderPolicy;
    configs.commission = commission;
    t.propose(side, Math.abs(rawQty), price, value);
    t.sizer = this;
    // `writeTolerance`'s bound × P² without its divisions, for the rules' cheap edge test (ADR 0150):
    // E·(anchor + P)·r·V for proportional sizing, E·(V + q·P)·P otherwise (absolute values: a bound).
    t.rawToleranceBound =
      kind !== 'SET_ANCHOR' && config.sizing.strategy === 'proportional'
        ? EDGE_TOLERANCE_BOUND * Math.abs((state.anchor + price) * config.sizing.rebalanceRatio) * value
        : EDGE_TOLERANCE_BOUND * (value + Math.abs(state.qty * price)) * price;
    const outcome = GuardrailEvaluator.run(t, state, configs, today);
    if (outcome === 'HOLD') return;
    this.side = side;
    this.qty = t.qty;
    if (outcome === 'REJECT') {
      this.rejected = true;
      return;
    }
    this.action = side;
  }

  /** Sizing's float error bound, in shares (EDGE_TOLERANCE of the magnitudes its formula combines). */
  writeTolerance(t: GuardrailTrace): void {
    const state = this.position;
    const price = this.price;
    const value = positionValue(state, price);
    t.rawTolerance =
      this.triggerKind !== 'SET_ANCHOR' && this.sizingConfig.strategy === 'proportional'
        ? (EDGE_TOLERANCE * (state.anchor / price + 1) * this.sizingConfig.rebalanceRatio * value) / price
        : (EDGE_TOLERANCE * (value + state.qty * price)) / price;
  }

  /** Sizing's quotient exactly, for the rare edge case (ADR 0070). */
  exactQty(): ExactRatio {
    return exactSizedQty(
      this.position,
      this.price,
      this.triggerKind,
      this.sizingConfig,
      this.initialStockPct,
    );
  }

  /** The sign of sizing's quotient when it is within float error of zero: the exact one (out of line, rare). */
  private signNearZero(rawQty: number): number {
    this.writeTolerance(this.trace);
    if (Math.abs(rawQty) > this.trace.rawTolerance) return rawQty > 0 ? 1 : rawQty < 0 ? -1 : 0;
    return this.exactQty().sign();
  }

  /** Fraction the price must still fall to reach buyBelow (≤ 0 once reached). */
  get distanceToBuy(): number {
    return (this.price - this.buyBelow) / this.price;
  }

  /** Fraction the price must still rise to reach sellAbove (≤ 0 once reached). */
  get distanceToSell(): number {
    return (this.sellAbove - this.price) / this.price;
  }

  /** The anchor the trigger saw (NaN: unset). Read from the state, like the flags below (no store per evaluation). */
  get anchor(): number {
    return this.position.anchor;
  }

  get isInitialAllocation(): boolean {
    return Number.isNaN(this.position.anchor);
  }

  /** Sizing asked for nothing the trigger allows: its reason (out of line: rare, and it keeps the hot path small). */
  private holdOnSizing(kind: TriggerKind, sign: number): void {
    this.trace.addReason(
      Number.isNaN(this.rawQty)
        ? 'zero_size'
        : opposesTrigger(kind, sign)
          ? 'sizing_opposes_trigger'
          : 'zero_qty',
    );
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
