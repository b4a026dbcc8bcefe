import type { AccountingFact } from '../domain/accounting/AccountingFact';
import { Ledger } from '../domain/accounting/Ledger';
import type { LotMethod } from '../domain/accounting/LotMethod';
import {
  roundTripOf,
  roundTripStats,
  type RoundTrip,
  type RoundTripStats,
} from '../domain/accounting/RoundTrips';
import { washSales, type TaxLotPart } from '../domain/accounting/WashSales';
import type { SimulationResult } from './SimulationResult';

/** SPEC 8 on a simulation run: the same lots, round trips and wash sales as the live ledger. */
export interface RunAccounting {
  lotMethod: LotMethod;
  positions: {
    symbol: string;
    qty: number;
    costCents: number;
    realisedCents: number;
    unrealisedCents: number | null;
    dividendsCents: number;
    lots: { lotId: string; openDate: string; qty: number; price: number; costCents: number }[];
  }[];
  roundTrips: RoundTrip[];
  roundTripStats: RoundTripStats;
  /** Sales with a loss disallowed as a wash sale (tax view). */
  washSales: TaxLotPart[];
  disallowedCents: number;
}

/**
 * The accounting facts of a run, in the run's order: each position opened with its cash (and shares
 * at the first bar's close), every fill of its trades, every dividend accrued and paid.
 */
export function factsOfRun(result: SimulationResult): AccountingFact[] {
  const facts: AccountingFact[] = [];
  const first = result.inputs.firstSession;
  for (const [i, spec] of result.inputs.positions.entries()) {
    const outcome = result.positions[i];
    const firstClose = outcome?.daily.close.find((c) => c !== null) ?? 0;
    facts.push({
      kind: 'opened',
      id: `open-${spec.symbol}`,
      positionId: spec.symbol,
      symbol: spec.symbol,
      date: first,
      cashCents: spec.initialCashCents,
      qty: spec.initialQty,
      price: firstClose ?? 0,
    });
  }
  const trades = new Map(result.trades.map((t) => [t.seq, t]));
  // Explicit fields, no spread, and only for the events that move money or shares: a run has many
  // more anchor events than fills, and the report model builds this for every report.
  for (const e of result.events) {
    const type = e.type;
    if (type === 'OrderFilled' && e.tradeSeq !== null) {
      const t = trades.get(e.tradeSeq);
      if (t === undefined || t.price === null || t.qty <= 0) continue;
      facts.push({
        kind: 'fill',
        positionId: e.symbol,
        symbol: e.symbol,
        date: e.at.slice(0, 10),
        id: `trade-${t.seq}`,
        side: t.side,
        qty: t.qty,
        price: t.price,
        notionalCents: t.notionalCents,
        commissionCents: t.commissionCents,
      });
    } else if (type === 'DividendAccrued') {
      facts.push({
        kind: 'dividendAccrued',
        positionId: e.symbol,
        symbol: e.symbol,
        date: e.at.slice(0, 10),
        grossCents: e.amountCents ?? 0,
        netCents: e.amountCents ?? 0,
      });
    } else if (type === 'DividendPaid') {
      facts.push({
        kind: 'dividendPaid',
        positionId: e.symbol,
        symbol: e.symbol,
        date: e.at.slice(0, 10),
        netCents: e.amountCents ?? 0,
      });
    }
  }
  return facts;
}

export function accountingOfRun(result: SimulationResult, lotMethod: LotMethod = 'FIFO'): RunAccounting {
  const ledger = new Ledger(() => lotMethod).applyAll(factsOfRun(result));
  const tax = washSales(ledger.journal);
  const washed = tax.parts.filter((p) => p.disallowedCents > 0);
  const roundTrips = ledger.closedParts().map(roundTripOf);
  return {
    lotMethod,
    positions: result.positions.map((p) => {
      const book = ledger.books.get(p.symbol);
      const close = p.daily.close.findLast((c) => c !== null) ?? null;
      return {
        symbol: p.symbol,
        qty: book?.qty ?? 0,
        costCents: book?.costCents ?? 0,
        realisedCents: book?.realisedCents ?? 0,
        unrealisedCents: book === undefined || close === null ? null : book.unrealisedCents(close),
        dividendsCents: book?.dividendsCents ?? 0,
        lots: (book?.lots ?? []).map((l) => ({
          lotId: l.lotId,
          openDate: l.openDate,
          qty: l.qty,
          price: l.price,
          costCents: l.costCents,
        })),
      };
    }),
    roundTrips,
    roundTripStats: roundTripStats(roundTrips),
    washSales: washed,
    disallowedCents: washed.reduce((s, p) => s + p.disallowedCents, 0),
  };
}
