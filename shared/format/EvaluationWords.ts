import type { EvaluationPayload } from '../domain/DomainEvent';
import { REASON_TEXT, type ReasonCode } from '../domain/ReasonCode';
import { formatPrice, formatQty, formatTriggerPrice } from './Format';

/**
 * An evaluation in words, decision first (issue 15: "the evaluation timeline and event log lead with the
 * decision … a trade's summary names its trigger before its rounding"): the headline says what was
 * decided ("BUY 83 at $96.50"), then why, in the order it was decided: the session or quote, the trigger
 * (with its price and the anchor), then each guardrail step in the order the evaluator applied it.
 * Used by the event summaries (main/ipc/mappers/describeEvent) and the timeline (renderer).
 */

type Payload = Pick<
  EvaluationPayload,
  'session' | 'priceEffective' | 'trigger' | 'finalQty' | 'reasons' | 'action'
>;

/** Reasons said by the trigger part of the sentence, not repeated among the guardrail steps. */
const SAID_BY_TRIGGER: ReadonlySet<ReasonCode> = new Set(['no_trigger', 'anchor_unset', 'market_closed']);

/** "BUY 83 at $96.50", "HOLD at $98.50", "HOLD". */
export function evaluationHeadline(p: Payload): string {
  const qty = p.action === 'BUY' || p.action === 'SELL' ? ` ${formatQty(p.finalQty)}` : '';
  const at = p.priceEffective === null ? '' : ` at ${formatPrice(p.priceEffective)}`;
  return `${p.action}${qty}${at}`;
}

/** Why, in the order it was decided: the trigger first, then the guardrails' trims and the rounding. */
export function evaluationWhy(p: Payload): string[] {
  const why: string[] = [];
  const t = p.trigger;
  if (t === null) {
    if (p.reasons.includes('market_closed'))
      why.push(p.session === 'EXTENDED' ? 'extended hours (trading them is off)' : 'market closed');
  } else if (t.kind === 'SET_ANCHOR') {
    // A rebalance asked for by hand is sized as an initial allocation; its own reason says what it is.
    if (!p.reasons.includes('manual_rebalance')) why.push('initial allocation (the anchor is not set yet)');
  } else if (t.kind === 'BUY') {
    why.push(
      `price at or below the buy trigger ${formatTriggerPrice(t.buyBelow, 'buy')} (anchor ${formatPrice(t.anchor)})`,
    );
  } else if (t.kind === 'SELL') {
    why.push(
      `price at or above the sell trigger ${formatTriggerPrice(t.sellAbove, 'sell')} (anchor ${formatPrice(t.anchor)})`,
    );
  } else {
    why.push(
      `inside the trigger band (buy at or below ${formatTriggerPrice(t.buyBelow, 'buy')}, sell at or above ${formatTriggerPrice(t.sellAbove, 'sell')})`,
    );
  }
  for (const reason of p.reasons) {
    if (SAID_BY_TRIGGER.has(reason)) continue;
    why.push(lowerFirst(REASON_TEXT[reason] ?? reason));
  }
  return why;
}

/** The whole line: "BUY 83 at $96.50 — price at or below the buy trigger $97.00 (anchor $100.00); …". */
export function describeEvaluation(p: Payload): string {
  const why = evaluationWhy(p);
  return why.length === 0 ? evaluationHeadline(p) : `${evaluationHeadline(p)} — ${why.join('; ')}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
