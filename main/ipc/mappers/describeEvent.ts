import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { REASON_TEXT, type ReasonCode } from '../../../shared/domain/ReasonCode';
import { describeEvaluation } from '../../../shared/format/EvaluationWords';
import { riskAlertWords } from '../../../shared/format/RiskWords';
import { haltWords, resumeWords, riskExitWords } from '../../../shared/format/RiskEventWords';
import {
  formatBps,
  formatCount,
  formatDateTime,
  formatMoney,
  formatPercentSetting,
  formatPrice,
  formatQty,
  formatShares,
} from '../../../shared/format/Format';

const money = (cents: number): string => formatMoney(cents);
/** A change of cash: "+$5.00" in, "−$5.00" out. */
const change = (cents: number): string => formatMoney(cents, { signed: true });
const anchor = (value: number | null): string => (value === null ? 'unset' : formatPrice(value));
const reasons = (codes: readonly ReasonCode[]): string =>
  codes.map((c) => (REASON_TEXT[c] ?? c).toLowerCase()).join('; ');
const verb = (side: 'BUY' | 'SELL'): string => (side === 'BUY' ? 'Bought' : 'Sold');

/**
 * One line in words for any event of the log: the Event log page, the Dashboard and exports show it.
 * Every figure goes through the one formatter (shared/format): money with its currency, prices to the
 * cent, quantities with separators, signs on changes; never a raw float or a cent integer.
 */
export function describeEvent(event: DomainEvent): string {
  switch (event.type) {
    case 'PositionOpened': {
      const p = event.payload;
      return `Opened with ${money(p.cashCents)} cash${p.qty > 0 ? ` and ${formatShares(p.qty)}` : ''}, initial stock ${formatPercentSetting(p.initialStockPct)}`;
    }
    case 'PositionStatusChanged': {
      const p = event.payload;
      return `Status ${p.from.toLowerCase()} → ${p.to.toLowerCase()} by ${p.by}${p.why ? `: ${p.why}` : ''}`;
    }
    case 'EvaluationEvent':
      return describeEvaluation(event.payload);
    case 'OrderIntentCreated': {
      const p = event.payload;
      return `Order to ${p.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(p.qty)} at ${formatPrice(p.price)} (${p.pricePolicy}) queued${p.isInitialAllocation ? ' — initial allocation' : ''}`;
    }
    case 'OrderRejected': {
      const p = event.payload;
      return `Order to ${p.side === 'BUY' ? 'buy' : 'sell'} ${formatShares(p.qty)} rejected: ${reasons(p.reasons) || p.detail}`;
    }
    case 'OrderCancelled':
      return `Order cancelled: ${event.payload.reason}`;
    case 'OrderReEvaluated': {
      const p = event.payload;
      return `Order re-evaluated after the price moved ${formatBps(p.driftBps)}: price ${formatPrice(p.oldPrice)} → ${formatPrice(p.newPrice)}, quantity ${formatQty(p.oldQty)} → ${formatQty(p.newQty)}`;
    }
    case 'OrderFilled': {
      const p = event.payload;
      return `${verb(p.side)} ${formatShares(p.qty)} at ${formatPrice(p.price)}: notional ${money(p.notionalCents)}, commission ${money(p.commissionCents)}`;
    }
    case 'PositionUpdated': {
      const p = event.payload;
      return `${formatShares(p.qty)}, cash ${money(p.cashCents)}, anchor ${anchor(p.anchor)}, ${p.status.toLowerCase()}`;
    }
    case 'DividendAnnounced': {
      const p = event.payload;
      return `Dividend of ${formatPrice(p.amountPerShare, { currency: p.currency })} a share announced: ex-date ${p.exDate}, paid ${p.payDate ?? 'on the ex-date'}`;
    }
    case 'DividendAccrued': {
      const p = event.payload;
      return `Dividend accrued on ${formatShares(p.qtyEligible)}: gross ${money(p.grossCents)}, withholding ${money(p.withholdingCents)}, net ${money(p.netCents)}`;
    }
    case 'DividendPaid':
      return `Dividend paid: ${change(event.payload.cashDeltaCents)} to cash`;
    case 'AnchorSet': {
      const p = event.payload;
      return p.to === null
        ? `Anchor unset (was ${anchor(p.from)}) by ${p.by}: ${p.why}`
        : `Anchor set by hand ${anchor(p.from)} → ${formatPrice(p.to)} by ${p.by}: ${p.why}`;
    }
    case 'AnchorUpdated':
      return `Anchor moved to the fill price ${formatPrice(event.payload.to)}`;
    case 'AnchorAdjusted': {
      const p = event.payload;
      return `Anchor lowered by the ${formatPrice(p.amountPerShare)} dividend: ${formatPrice(p.from)} → ${formatPrice(p.to)}`;
    }
    case 'ConfigChanged': {
      const p = event.payload;
      return `Settings changed: ${p.scope.toLowerCase()} ${p.section}`;
    }
    case 'CashDeposited':
      return `Deposited ${change(event.payload.amountCents)}`;
    case 'CashWithdrawn':
      return `Withdrew ${change(-event.payload.amountCents)}`;
    case 'SplitApplied': {
      const p = event.payload;
      return `Split ×${formatQty(p.ratio)} applied on ${p.effectiveDate}: ${formatQty(p.qtyBefore)} → ${formatShares(p.qtyAfter)}${p.cashInLieuCents > 0 ? `, ${money(p.cashInLieuCents)} cash in lieu` : ''}`;
    }
    case 'TickCompleted': {
      const p = event.payload;
      if (p.skipped)
        return `Tick skipped${p.missedTicks > 0 ? ` (${formatCount(p.missedTicks)} missed)` : ''}`;
      return `Tick: ${formatCount(p.evaluated)} evaluated, ${formatCount(p.ordersCreated)} orders, ${formatCount(p.durationMs)} ms${p.missedTicks > 0 ? `, ${formatCount(p.missedTicks)} missed` : ''}`;
    }
    case 'ProviderError': {
      const p = event.payload;
      return `Provider ${p.provider} failed${p.symbols.length > 0 ? ` for ${p.symbols.join(', ')}` : ''}: ${p.message}`;
    }
    case 'DeadIntentRequeued': {
      const p = event.payload;
      return `Failed order placed again by ${p.by} as a new order${p.why ? `: ${p.why}` : ''}`;
    }
    case 'DeadIntentDiscarded': {
      const p = event.payload;
      return `Failed order discarded by ${p.by}${p.why ? `: ${p.why}` : ''}`;
    }
    case 'PositionDeleted': {
      const p = event.payload;
      return `Deleted by ${p.by} (it never traded): ${money(p.cashCents)} cash${p.qty > 0 ? ` and ${formatShares(p.qty)}` : ''} no longer set aside${p.why ? `: ${p.why}` : ''}`;
    }
    case 'RiskAlert':
      return riskAlertWords(event.payload, event.symbol);
    case 'RiskExit':
      return riskExitWords(event.payload);
    case 'TradingHalted':
      return haltWords(event.payload);
    case 'TradingResumed':
      return resumeWords(event.payload);
  }
}

/** A closed period of the Event log as one line: "Market closed 16:05 → 09:25: 760 HOLDs on 190 ticks". */
export function describeClosedPeriod(p: {
  evaluations: number;
  ticks: number;
  fromTs: number;
  toTs: number;
}): string {
  const holds = `${formatCount(p.evaluations)} ${p.evaluations === 1 ? 'HOLD' : 'HOLDs'}`;
  const ticks = p.ticks > 0 ? ` on ${formatCount(p.ticks)} ${p.ticks === 1 ? 'tick' : 'ticks'}` : '';
  return `Market closed ${formatDateTime(p.fromTs)} → ${formatDateTime(p.toTs)}: ${holds}${ticks}, nothing could trade`;
}
