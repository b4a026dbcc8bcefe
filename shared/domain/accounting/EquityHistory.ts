import type { AccountingFact } from './AccountingFact';
import { Ledger } from './Ledger';
import type { LotMethod } from './LotMethod';
import type { PositionBook } from './PositionBook';

/** SPEC 8 "Equity history": one position (or the portfolio, positionId null) at one session close. */
export interface EquitySnapshot {
  date: string;
  positionId: string | null;
  marketValueCents: number;
  cashCents: number;
  receivableCents: number;
  /** Book cost of the open lots. */
  costCents: number;
  /** Cumulative since the position opened. */
  realisedCents: number;
  unrealisedCents: number;
  dividendsCents: number;
  commissionsCents: number;
  /** Cumulative net external flows (deposits − withdrawals, shares brought in). */
  flowsCents: number;
  /** Net external flow of this session alone (F_t of the time-weighted return). */
  dayFlowCents: number;
  equityCents: number;
}

/** The close of a symbol on a session, or null when the history has none that day. */
export type CloseOf = (symbol: string, date: string) => number | null;

export interface EquityHistory {
  ledger: Ledger;
  /** Per position, one snapshot per session from its first fact on. */
  positions: Map<string, EquitySnapshot[]>;
  portfolio: EquitySnapshot[];
}

/**
 * Rebuilds the equity history from the facts (in order) and the price history: at each session close,
 * every fact dated on or before it is applied, and shares are valued at the session's close (else the
 * last close before it, else the last fill price). The same function serves days the app was not
 * running and the simulation.
 */
export function buildEquityHistory(
  facts: readonly AccountingFact[],
  sessions: readonly string[],
  closeOf: CloseOf,
  methodOf?: (positionId: string) => LotMethod,
): EquityHistory {
  const ledger = new Ledger(methodOf);
  const positions = new Map<string, EquitySnapshot[]>();
  const portfolio: EquitySnapshot[] = [];
  const lastPrice = new Map<string, number>();
  const lastFlows = new Map<string, number>();
  let next = 0;
  for (const date of sessions) {
    while (next < facts.length && (facts[next] as AccountingFact).date <= date) {
      const fact = facts[next++] as AccountingFact;
      ledger.apply(fact);
      if (fact.kind === 'fill' || (fact.kind === 'opened' && fact.price > 0))
        lastPrice.set(fact.positionId, fact.price);
      if (fact.kind === 'split' && lastPrice.has(fact.positionId)) {
        lastPrice.set(fact.positionId, (lastPrice.get(fact.positionId) as number) / fact.ratio);
      }
    }
    if (ledger.books.size === 0) continue;
    const total = emptySnapshot(date);
    for (const [id, book] of ledger.books) {
      const close = closeOf(book.symbol, date);
      if (close !== null) lastPrice.set(id, close);
      const snap = snapshotOf(book, date, lastPrice.get(id) ?? 0, lastFlows.get(id) ?? 0);
      lastFlows.set(id, book.flowsCents);
      let list = positions.get(id);
      if (list === undefined) positions.set(id, (list = []));
      list.push(snap);
      addInto(total, snap);
    }
    portfolio.push(total);
  }
  return { ledger, positions, portfolio };
}

export function snapshotOf(
  book: PositionBook,
  date: string,
  price: number,
  previousFlowsCents: number,
): EquitySnapshot {
  const marketValueCents = book.marketValueCents(price);
  return {
    date,
    positionId: book.positionId,
    marketValueCents,
    cashCents: book.cashCents,
    receivableCents: book.receivableCents,
    costCents: book.costCents,
    realisedCents: book.realisedCents,
    unrealisedCents: marketValueCents - book.costCents,
    dividendsCents: book.dividendsCents,
    commissionsCents: book.commissionsCents,
    flowsCents: book.flowsCents,
    dayFlowCents: book.flowsCents - previousFlowsCents,
    equityCents: book.cashCents + book.receivableCents + marketValueCents,
  };
}

export function emptySnapshot(date: string): EquitySnapshot {
  return {
    date,
    positionId: null,
    marketValueCents: 0,
    cashCents: 0,
    receivableCents: 0,
    costCents: 0,
    realisedCents: 0,
    unrealisedCents: 0,
    dividendsCents: 0,
    commissionsCents: 0,
    flowsCents: 0,
    dayFlowCents: 0,
    equityCents: 0,
  };
}

/** Adds a position's snapshot into a portfolio total. */
export function addInto(total: EquitySnapshot, s: EquitySnapshot): void {
  total.marketValueCents += s.marketValueCents;
  total.cashCents += s.cashCents;
  total.receivableCents += s.receivableCents;
  total.costCents += s.costCents;
  total.realisedCents += s.realisedCents;
  total.unrealisedCents += s.unrealisedCents;
  total.dividendsCents += s.dividendsCents;
  total.commissionsCents += s.commissionsCents;
  total.flowsCents += s.flowsCents;
  total.dayFlowCents += s.dayFlowCents;
  total.equityCents += s.equityCents;
}
