import type { CommissionSnapshot } from './Commission';
import type { StrategyConfig } from './Config';
import type { DailyActivity } from './DailyActivity';
import type { EvaluationAction, GuardrailStep, Side } from './DomainEvent';
import { GuardrailEvaluator } from './GuardrailEvaluator';
import { sizeOrder } from './OrderSizing';
import type { PositionState } from './Position';
import { PriceTrigger, type TriggerDecision } from './PriceTrigger';
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
  /** Shared and frozen on the common paths: copy before changing. */
  reasons: readonly ReasonCode[];
  steps: readonly GuardrailStep[];
  /** action_below_min = reject: record a REJECTED order of this side and quantity. */
  rejected: { side: Side; qty: number } | null;
  isInitialAllocation: boolean;
  /** The anchor to set now, without a fill: an initial allocation that ends without an order (SPEC 2.10). */
  anchorToSet: number | null;
}

/**
 * trigger → sizing → guardrails for one position at one price: the pure decision both the live loop
 * and the simulation make (SPEC 2.3–2.6, 2.10). Quote validity and market session are decided before.
 */
export function evaluatePosition(input: EvaluationInput): EvaluationOutcome {
  const { state, price, config } = input;
  const trigger = PriceTrigger.evaluate(state, price, config.trigger);
  if (trigger.kind === 'HOLD') return holdOutcome(trigger, price, NO_TRIGGER, null, NO_STEPS, null);
  const isInitialAllocation = trigger.kind === 'SET_ANCHOR';
  const lead = isInitialAllocation ? ANCHOR_UNSET : NO_REASONS;

  const sized = sizeOrder(state, price, trigger.kind, config.sizing, config.execution.initialStockPct);
  if (!sized.ok) return holdOutcome(trigger, price, [...lead, sized.reason], sized.rawQty, NO_STEPS, null);
  if (sized.rawQty === 0) return holdOutcome(trigger, price, [...lead, 'zero_qty'], 0, NO_STEPS, null);

  const side: Side = sized.rawQty > 0 ? 'BUY' : 'SELL';
  const decision = GuardrailEvaluator.evaluate(
    state,
    { side, qty: Math.abs(sized.rawQty), price },
    { guardrails: config.guardrails, orderPolicy: config.orderPolicy, commission: input.commission },
    input.today,
  );
  const reasons = lead.length > 0 ? [...lead, ...decision.reasons] : decision.reasons;
  switch (decision.outcome) {
    case 'ORDER':
      return {
        action: side,
        trigger,
        rawQty: sized.rawQty,
        qty: decision.qty,
        side,
        reasons,
        steps: decision.steps,
        rejected: null,
        isInitialAllocation,
        anchorToSet: null,
      };
    case 'REJECT':
      return holdOutcome(trigger, price, reasons, sized.rawQty, decision.steps, { side, qty: decision.qty });
    case 'HOLD':
      return holdOutcome(trigger, price, reasons, sized.rawQty, decision.steps, null);
  }
}

// Most evaluations hold inside the band: they share these frozen arrays instead of allocating.
const NO_TRIGGER: readonly ReasonCode[] = Object.freeze(['no_trigger']);
const ANCHOR_UNSET: readonly ReasonCode[] = Object.freeze(['anchor_unset']);
const NO_REASONS: readonly ReasonCode[] = Object.freeze([]);
const NO_STEPS: readonly GuardrailStep[] = Object.freeze([]);

/** A HOLD; an initial allocation that ends without an order still sets the anchor to the price (SPEC 2.10). */
function holdOutcome(
  trigger: TriggerDecision,
  price: number,
  reasons: readonly ReasonCode[],
  rawQty: number | null,
  steps: readonly GuardrailStep[],
  rejected: { side: Side; qty: number } | null,
): EvaluationOutcome {
  const isInitialAllocation = trigger.kind === 'SET_ANCHOR';
  return {
    action: 'HOLD',
    trigger,
    rawQty,
    qty: 0,
    side: rejected ? rejected.side : null,
    reasons,
    steps,
    rejected,
    isInitialAllocation,
    anchorToSet: isInitialAllocation ? price : null,
  };
}
