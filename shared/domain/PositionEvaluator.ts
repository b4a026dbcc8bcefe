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
  reasons: ReasonCode[];
  steps: GuardrailStep[];
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
  const isInitialAllocation = trigger.kind === 'SET_ANCHOR';
  const base = { trigger, isInitialAllocation, rejected: null, steps: [] as GuardrailStep[] };
  const hold = (
    reasons: ReasonCode[],
    rawQty: number | null,
    steps: GuardrailStep[] = [],
  ): EvaluationOutcome => ({
    ...base,
    action: 'HOLD',
    rawQty,
    qty: 0,
    side: null,
    reasons,
    steps,
    anchorToSet: isInitialAllocation ? price : null,
  });

  if (trigger.kind === 'HOLD') return hold(['no_trigger'], null);
  const lead: ReasonCode[] = isInitialAllocation ? ['anchor_unset'] : [];

  const sized = sizeOrder(state, price, trigger.kind, config.sizing, config.execution.initialStockPct);
  if (!sized.ok) return hold([...lead, sized.reason], sized.rawQty);
  if (sized.rawQty === 0) return hold([...lead, 'zero_qty'], 0);

  const side: Side = sized.rawQty > 0 ? 'BUY' : 'SELL';
  const decision = GuardrailEvaluator.evaluate(
    state,
    { side, qty: Math.abs(sized.rawQty), price },
    { guardrails: config.guardrails, orderPolicy: config.orderPolicy, commission: input.commission },
    input.today,
  );
  const reasons = [...lead, ...decision.reasons];
  switch (decision.outcome) {
    case 'ORDER':
      return {
        ...base,
        action: side,
        rawQty: sized.rawQty,
        qty: decision.qty,
        side,
        reasons,
        steps: decision.steps,
        anchorToSet: null,
      };
    case 'REJECT':
      return {
        ...hold(reasons, sized.rawQty, decision.steps),
        side,
        rejected: { side, qty: decision.qty },
      };
    case 'HOLD':
      return hold(reasons, sized.rawQty, decision.steps);
  }
}
