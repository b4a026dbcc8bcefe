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
  // Explicit fields rather than a spread of shared ones: object spread is several times slower in V8,
  // and a replay builds one fact per event.
  const positionId = e.positionId;
  const symbol = e.symbol;
  const date = sessionDateOf(e.ts);
  switch (e.type) {
    case 'PositionOpened':
      return {
        kind: 'opened',
        positionId,
        symbol,
        date,
        id: e.id,
        cashCents: e.payload.cashCents,
        qty: e.payload.qty,
        price: e.payload.qty > 0 ? (openingPrice(symbol, date) ?? e.payload.anchor ?? 0) : 0,
      };
    case 'CashDeposited':
      return { kind: 'cashFlow', positionId, symbol, date, amountCents: e.payload.amountCents };
    case 'CashWithdrawn':
      return { kind: 'cashFlow', positionId, symbol, date, amountCents: -e.payload.amountCents };
    case 'OrderFilled':
      return {
        kind: 'fill',
        positionId,
        symbol,
        date,
        id: e.payload.tradeId,
        side: e.payload.side,
        qty: e.payload.qty,
        price: e.payload.price,
        notionalCents: e.payload.notionalCents,
        commissionCents: e.payload.commissionCents,
      };
    case 'DividendAccrued':
      return {
        kind: 'dividendAccrued',
        positionId,
        symbol,
        date,
        grossCents: e.payload.grossCents,
        netCents: e.payload.netCents,
      };
    case 'DividendPaid':
      return { kind: 'dividendPaid', positionId, symbol, date, netCents: e.payload.cashDeltaCents };
    case 'SplitApplied':
      return {
        kind: 'split',
        positionId,
        symbol,
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

/**
 * The New York date of an instant, remembered per UTC hour (time-zone offsets change on the hour): a
 * replay of decades of facts asks for the same few thousand days again and again.
 */
const DATE_OF_HOUR = new Map<number, string>();
function sessionDateOf(ts: number): string {
  const hour = Math.floor(ts / 3_600_000);
  let date = DATE_OF_HOUR.get(hour);
  if (date === undefined) {
    date = exchangeDateOf(ts);
    if (DATE_OF_HOUR.size > 200_000) DATE_OF_HOUR.clear();
    DATE_OF_HOUR.set(hour, date);
  }
  return date;
}
