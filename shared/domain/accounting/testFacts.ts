import { bookFill } from '../FillBooking';
import type { AccountingFact, FillFact } from './AccountingFact';

/** Builders of accounting facts for the tests of this folder (one position unless told). */
let ids = 0;

export function buy(
  date: string,
  qty: number,
  price: number,
  commissionCents = 0,
  positionId = 'p1',
  symbol = 'AAA',
): FillFact {
  return fill('BUY', date, qty, price, commissionCents, positionId, symbol);
}

export function sell(
  date: string,
  qty: number,
  price: number,
  commissionCents = 0,
  positionId = 'p1',
  symbol = 'AAA',
): FillFact {
  return fill('SELL', date, qty, price, commissionCents, positionId, symbol);
}

function fill(
  side: 'BUY' | 'SELL',
  date: string,
  qty: number,
  price: number,
  commissionCents: number,
  positionId: string,
  symbol: string,
): FillFact {
  const booked = bookFill(side, qty, price, { rate: 0, minimumCents: 0, scope: 'GLOBAL' });
  return {
    kind: 'fill',
    id: `${side === 'BUY' ? 'b' : 's'}${++ids}`,
    positionId,
    symbol,
    date,
    side,
    qty,
    price,
    notionalCents: booked.notionalCents,
    commissionCents,
  };
}

export function opened(date: string, cashCents: number, positionId = 'p1', symbol = 'AAA'): AccountingFact {
  return { kind: 'opened', id: `o-${positionId}`, positionId, symbol, date, cashCents, qty: 0, price: 0 };
}
