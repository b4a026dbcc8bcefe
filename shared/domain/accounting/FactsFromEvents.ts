import { exchangeDateOf } from '../calendar/UsEquityCalendar';
import type { DomainEvent } from '../DomainEvent';
import type { AccountingFact } from './AccountingFact';

/**
 * The accounting facts of a tenant's event log (SPEC 8: lots are derived from the fills in the log,
 * never a second truth). Events must be in log order. A deleted position never traded and is left out
 * (its cash left with it). Shares a position opened with are brought in at `openingPrice` (the first
 * price known for them; 0 when none is known, which books them at no cost).
 */
export function factsFromEvents(
  events: readonly DomainEvent[],
  openingPrice: (symbol: string, date: string) => number | null = () => null,
): AccountingFact[] {
  const deleted = new Set<string>();
  for (const e of events)
    if (e.type === 'PositionDeleted' && e.positionId !== null) deleted.add(e.positionId);
  const facts: AccountingFact[] = [];
  for (const e of events) {
    const fact = factOf(e, openingPrice);
    if (fact !== null && !deleted.has(fact.positionId)) facts.push(fact);
  }
  return facts;
}

/** One event's fact, or null for events that move no money or shares. */
export function factOf(
  e: DomainEvent,
  openingPrice: (symbol: string, date: string) => number | null,
): AccountingFact | null {
  if (e.positionId === null || e.symbol === null) return null;
  const base = { positionId: e.positionId, symbol: e.symbol, date: exchangeDateOf(e.ts) };
  switch (e.type) {
    case 'PositionOpened':
      return {
        ...base,
        kind: 'opened',
        id: e.id,
        cashCents: e.payload.cashCents,
        qty: e.payload.qty,
        price: e.payload.qty > 0 ? (openingPrice(e.symbol, base.date) ?? e.payload.anchor ?? 0) : 0,
      };
    case 'CashDeposited':
      return { ...base, kind: 'cashFlow', amountCents: e.payload.amountCents };
    case 'CashWithdrawn':
      return { ...base, kind: 'cashFlow', amountCents: -e.payload.amountCents };
    case 'OrderFilled':
      return {
        ...base,
        kind: 'fill',
        id: e.payload.tradeId,
        side: e.payload.side,
        qty: e.payload.qty,
        price: e.payload.price,
        notionalCents: e.payload.notionalCents,
        commissionCents: e.payload.commissionCents,
      };
    case 'DividendAccrued':
      return {
        ...base,
        kind: 'dividendAccrued',
        grossCents: e.payload.grossCents,
        netCents: e.payload.netCents,
      };
    case 'DividendPaid':
      return { ...base, kind: 'dividendPaid', netCents: e.payload.cashDeltaCents };
    case 'SplitApplied':
      return {
        ...base,
        kind: 'split',
        date: e.payload.effectiveDate,
        id: e.id,
        ratio: e.payload.ratio,
        qtyAfter: e.payload.qtyAfter,
        cashInLieuCents: e.payload.cashInLieuCents,
        previousClose: null,
      };
    default:
      return null;
  }
}
