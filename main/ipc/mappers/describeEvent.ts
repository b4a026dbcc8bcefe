import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import { cents, formatCents } from '../../../shared/domain/Money';
import { REASON_TEXT, type ReasonCode } from '../../../shared/domain/ReasonCode';

const money = (value: number): string => `$${formatCents(cents(value))}`;
const reasons = (codes: readonly ReasonCode[]): string => codes.map((c) => REASON_TEXT[c] ?? c).join('; ');
const verb = (side: 'BUY' | 'SELL'): string => (side === 'BUY' ? 'Bought' : 'Sold');

/** One line in words for any event of the log: the Event log page, the Dashboard and exports show it. */
export function describeEvent(event: DomainEvent): string {
  switch (event.type) {
    case 'PositionOpened': {
      const p = event.payload;
      return `Opened with ${money(p.cashCents)} cash${p.qty > 0 ? ` and ${p.qty} shares` : ''}, initial stock ${pct(p.initialStockPct)}`;
    }
    case 'PositionStatusChanged': {
      const p = event.payload;
      return `Status ${p.from} → ${p.to} by ${p.by}${p.why ? `: ${p.why}` : ''}`;
    }
    case 'EvaluationEvent': {
      const p = event.payload;
      const at = p.priceEffective === null ? '' : ` at ${p.priceEffective}`;
      const qty = p.action === 'BUY' || p.action === 'SELL' ? ` ${p.finalQty}` : '';
      return `${p.action}${qty}${at}${p.reasons.length > 0 ? ` — ${reasons(p.reasons)}` : ''}`;
    }
    case 'OrderIntentCreated': {
      const p = event.payload;
      return `Order ${p.side} ${p.qty} @ ${p.price} (${p.pricePolicy}) queued${p.isInitialAllocation ? ' — initial allocation' : ''}`;
    }
    case 'OrderRejected': {
      const p = event.payload;
      return `Order ${p.side} ${p.qty} rejected: ${reasons(p.reasons) || p.detail}`;
    }
    case 'OrderCancelled':
      return `Order cancelled: ${event.payload.reason}`;
    case 'OrderReEvaluated': {
      const p = event.payload;
      return `Order re-evaluated: price ${p.oldPrice} → ${p.newPrice} (${p.driftBps} bps), qty ${p.oldQty} → ${p.newQty}`;
    }
    case 'OrderFilled': {
      const p = event.payload;
      return `${verb(p.side)} ${p.qty} @ ${p.price}, notional ${money(p.notionalCents)}, commission ${money(p.commissionCents)}`;
    }
    case 'PositionUpdated': {
      const p = event.payload;
      return `${p.qty} shares, cash ${money(p.cashCents)}, anchor ${p.anchor ?? 'unset'}, ${p.status}`;
    }
    case 'DividendAnnounced': {
      const p = event.payload;
      return `Dividend ${p.amountPerShare} ${p.currency}/share announced: ex ${p.exDate}, pay ${p.payDate ?? 'on the ex-date'}`;
    }
    case 'DividendAccrued': {
      const p = event.payload;
      return `Dividend accrued on ${p.qtyEligible} shares: gross ${money(p.grossCents)}, net ${money(p.netCents)}`;
    }
    case 'DividendPaid':
      return `Dividend paid: ${money(event.payload.cashDeltaCents)} to cash`;
    case 'AnchorSet': {
      const p = event.payload;
      return `Anchor set by hand ${p.from ?? 'unset'} → ${p.to} by ${p.by}: ${p.why}`;
    }
    case 'AnchorUpdated':
      return `Anchor moved to the fill price ${event.payload.to}`;
    case 'AnchorAdjusted': {
      const p = event.payload;
      return `Anchor adjusted for a ${p.amountPerShare}/share dividend: ${p.from} → ${p.to}`;
    }
    case 'ConfigChanged': {
      const p = event.payload;
      return `Settings changed: ${p.scope.toLowerCase()} ${p.section}`;
    }
    case 'CashDeposited':
      return `Deposited ${money(event.payload.amountCents)}`;
    case 'CashWithdrawn':
      return `Withdrew ${money(event.payload.amountCents)}`;
    case 'SplitApplied': {
      const p = event.payload;
      return `Split ×${p.ratio} applied on ${p.effectiveDate}: ${p.qtyBefore} → ${p.qtyAfter} shares`;
    }
    case 'TickCompleted': {
      const p = event.payload;
      if (p.skipped) return `Tick skipped${p.missedTicks > 0 ? ` (${p.missedTicks} missed)` : ''}`;
      return `Tick: ${p.evaluated} evaluated, ${p.ordersCreated} orders, ${Math.round(p.durationMs)} ms${p.missedTicks > 0 ? `, ${p.missedTicks} missed` : ''}`;
    }
    case 'ProviderError': {
      const p = event.payload;
      return `Provider ${p.provider} failed${p.symbols.length > 0 ? ` for ${p.symbols.join(', ')}` : ''}: ${p.message}`;
    }
  }
}

function pct(fraction: number): string {
  return `${Math.round(fraction * 10_000) / 100} %`;
}
