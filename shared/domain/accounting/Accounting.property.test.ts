import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookFill } from '../FillBooking';
import type { AccountingFact } from './AccountingFact';
import { contributions } from './Contribution';
import { buildEquityHistory } from './EquityHistory';
import { addDays, daysBetween } from './HoldingPeriod';
import { Ledger } from './Ledger';
import { LOT_METHODS, type LotMethod } from './LotMethod';
import { timeWeightedReturns } from './Returns';
import { washSales } from './WashSales';

type Op =
  | { op: 'buy'; qty: number; price: number; rate: number }
  | { op: 'sell'; fraction: number; price: number; rate: number }
  | { op: 'flow'; cents: number }
  | { op: 'dividend'; perShare: number; paid: boolean }
  | { op: 'split'; ratio: number }
  | { op: 'day' };

const price = fc.integer({ min: 100, max: 50_000_000 }).map((n) => n / 10_000); // 0.01 … 5 000, 4 places
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('buy' as const),
      qty: fc.integer({ min: 1, max: 500 }),
      price,
      rate: fc.constantFrom(0, 0.0001, 0.005),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('sell' as const),
      fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      price,
      rate: fc.constantFrom(0, 0.0001, 0.005),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('flow' as const),
      cents: fc.integer({ min: -50_000, max: 500_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('dividend' as const),
      perShare: fc.integer({ min: 1, max: 300 }).map((n) => n / 1000),
      paid: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('split' as const), ratio: fc.constantFrom(2, 3, 1.5, 0.5, 0.25) }),
  },
  { weight: 3, arbitrary: fc.constant({ op: 'day' as const }) },
);

/** Turns random operations on a few positions into booked facts (SPEC 2.8 booking), a day apart when asked. */
function factsOf(ops: { pos: number; op: Op }[]): AccountingFact[] {
  const facts: AccountingFact[] = [];
  const held = new Map<number, number>();
  let date = '2020-01-02';
  let n = 0;
  for (const { pos, op } of ops) {
    const positionId = `p${pos}`;
    const symbol = pos === 2 ? 'AAA' : `S${pos}`; // p0 and p2 … share no symbol; p1 and p3 neither
    const base = { positionId, symbol: pos === 0 || pos === 2 ? 'AAA' : symbol, date };
    if (!held.has(pos)) {
      held.set(pos, 0);
      facts.push({ ...base, kind: 'opened', id: `o${pos}`, cashCents: 1_000_000, qty: 0, price: 0 });
    }
    const qty = held.get(pos) as number;
    if (op.op === 'day') date = addDays(date, 1 + (n % 17));
    else if (op.op === 'flow') facts.push({ ...base, kind: 'cashFlow', amountCents: op.cents });
    else if (op.op === 'buy') {
      const b = bookFill('BUY', op.qty, op.price, { rate: op.rate, minimumCents: 100, scope: 'GLOBAL' });
      facts.push({
        ...base,
        kind: 'fill',
        id: `f${n}`,
        side: 'BUY',
        qty: op.qty,
        price: op.price,
        notionalCents: b.notionalCents,
        commissionCents: b.commissionCents,
      });
      held.set(pos, qty + op.qty);
    } else if (op.op === 'sell' && qty > 0) {
      const q = Math.max(1, Math.floor(qty * op.fraction));
      const b = bookFill('SELL', q, op.price, { rate: op.rate, minimumCents: 100, scope: 'GLOBAL' });
      facts.push({
        ...base,
        kind: 'fill',
        id: `f${n}`,
        side: 'SELL',
        qty: q,
        price: op.price,
        notionalCents: b.notionalCents,
        commissionCents: b.commissionCents,
      });
      held.set(pos, qty - q);
    } else if (op.op === 'dividend' && qty > 0) {
      const gross = Math.round(qty * op.perShare * 100);
      const net = gross - Math.round(gross * 0.15);
      facts.push({ ...base, kind: 'dividendAccrued', grossCents: gross, netCents: net });
      if (op.paid) facts.push({ ...base, kind: 'dividendPaid', netCents: net });
    } else if (op.op === 'split' && qty > 0) {
      const after = Math.floor(qty * op.ratio);
      const fraction = qty * op.ratio - after;
      facts.push({
        ...base,
        kind: 'split',
        id: `x${n}`,
        ratio: op.ratio,
        qtyAfter: after,
        cashInLieuCents: Math.round(fraction * 1234),
        previousClose: null,
      });
      held.set(pos, after);
    }
    n++;
  }
  return facts;
}

const opsArb = fc.array(fc.record({ pos: fc.integer({ min: 0, max: 3 }), op: opArb }), {
  minLength: 1,
  maxLength: 120,
});

describe('accounting invariants (SPEC 8)', () => {
  it('realised + unrealised + dividends = equity − net deposits, to the cent, for every lot method', () => {
    fc.assert(
      fc.property(opsArb, fc.constantFrom(...LOT_METHODS), price, (ops, method: LotMethod, mark) => {
        const ledger = new Ledger(() => method).applyAll(factsOf(ops));
        for (const book of ledger.books.values()) {
          const lhs = book.realisedCents + book.unrealisedCents(mark) + book.dividendsCents;
          expect(lhs).toBe(book.equityCents(mark) - book.flowsCents);
          // Lots hold exactly the position's shares and remaining cost.
          const lotQty = book.lots.reduce((s, l) => s + l.qty, 0);
          expect(Math.abs(lotQty - book.qty)).toBeLessThan(1e-6);
          expect(book.lots.reduce((s, l) => s + l.costCents, 0)).toBe(book.costCents);
          expect(book.lots.every((l) => Number.isInteger(l.costCents) && l.costCents >= 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the tax view keeps every proceeds and cost cent; disallowed losses move into open or later-sold shares', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const ledger = new Ledger().applyAll(factsOf(ops));
        const parts = ledger.closedParts();
        const view = washSales(ledger.journal);
        const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
        expect(sum(view.parts.map((p) => p.proceedsCents))).toBe(
          sum(parts.map((p) => p.notionalCents - p.commissionCents)),
        );
        expect(sum(view.parts.map((p) => p.bookCostCents))).toBe(sum(parts.map((p) => p.costCents)));
        // Each disallowed cent went to some replacement: carried by open shares or used by a later sale.
        const disallowed = sum(view.parts.map((p) => p.disallowedCents));
        const carried = sum([...view.openAdjustments.values()].flat().map((a) => a.addedCents));
        const used = sum(view.parts.map((p) => p.basisAdjustmentCents));
        expect(carried + used).toBe(disallowed);
        for (const p of view.parts) expect(p.disallowedCents).toBeLessThanOrEqual(Math.max(0, -p.gainCents));
      }),
      { numRuns: 300 },
    );
  });

  it('wash-sale matching: same symbol, within 30 days, purchase order, each share absorbs one loss at most', () => {
    // Two positions trading one symbol (and a third another), days 0–25 apart: many losses with
    // purchases near and far, on both sides of the 30-day window.
    const tradeArb = fc.record({
      pos: fc.integer({ min: 0, max: 2 }),
      gap: fc.integer({ min: 0, max: 25 }),
      buy: fc.boolean(),
      qty: fc.integer({ min: 1, max: 60 }),
      price: fc.integer({ min: 50, max: 150 }),
    });
    fc.assert(
      fc.property(fc.array(tradeArb, { minLength: 2, maxLength: 150 }), (trades) => {
        const held = [0, 0, 0];
        let date = '2020-01-02';
        const facts: AccountingFact[] = [0, 1, 2].map((p) => ({
          positionId: `p${p}`,
          symbol: p === 2 ? 'BBB' : 'AAA',
          date,
          kind: 'opened',
          id: `o${p}`,
          cashCents: 0,
          qty: 0,
          price: 0,
        }));
        trades.forEach((t, n) => {
          date = addDays(date, t.gap);
          const base = { positionId: `p${t.pos}`, symbol: t.pos === 2 ? 'BBB' : 'AAA', date };
          const qty = t.buy ? t.qty : Math.min(t.qty, held[t.pos] as number);
          if (qty === 0) return;
          held[t.pos] = (held[t.pos] as number) + (t.buy ? qty : -qty);
          const b = bookFill(t.buy ? 'BUY' : 'SELL', qty, t.price, {
            rate: 0,
            minimumCents: 0,
            scope: 'GLOBAL',
          });
          facts.push({
            ...base,
            kind: 'fill',
            id: `f${n}`,
            side: t.buy ? 'BUY' : 'SELL',
            qty,
            price: t.price,
            notionalCents: b.notionalCents,
            commissionCents: b.commissionCents,
          });
        });
        const ledger = new Ledger().applyAll(facts);
        const bought = new Map<string, { symbol: string; qty: number; date: string; seq: number }>();
        for (const e of ledger.journal)
          if (e.kind === 'acquired')
            bought.set(e.acquisition.lotId, {
              symbol: e.acquisition.symbol,
              qty: e.acquisition.qty,
              date: e.acquisition.date,
              seq: e.acquisition.seq,
            });
        const absorbed = new Map<string, number>();
        for (const part of washSales(ledger.journal).parts) {
          let lastSeq = -1;
          for (const r of part.replacements) {
            const lot = bought.get(r.lotId);
            expect(lot?.symbol).toBe(part.symbol);
            expect(Math.abs(daysBetween(part.closeDate, lot?.date as string))).toBeLessThanOrEqual(30);
            expect(lot?.seq as number).toBeGreaterThan(lastSeq);
            lastSeq = lot?.seq as number;
            absorbed.set(r.lotId, (absorbed.get(r.lotId) ?? 0) + r.qty);
          }
          if (part.replacements.length > 0) expect(part.gainCents).toBeLessThan(0);
        }
        for (const [lotId, qty] of absorbed)
          expect(qty).toBeLessThanOrEqual(bought.get(lotId)?.qty as number);
      }),
      { numRuns: 300 },
    );
  });

  it('an equity history keeps the identity at every session, and contributions add up to the arithmetic return', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const facts = factsOf(ops);
        const last = facts[facts.length - 1]?.date ?? '2020-01-02';
        const sessions: string[] = [];
        for (let d = '2020-01-02'; d <= last; d = addDays(d, 1)) sessions.push(d);
        const close = (symbol: string, date: string): number =>
          10 + ((symbol.charCodeAt(0) + Number(date.slice(8))) % 50);
        const history = buildEquityHistory(facts, sessions, close);
        for (const s of history.portfolio) {
          expect(s.realisedCents + s.unrealisedCents + s.dividendsCents).toBe(s.equityCents - s.flowsCents);
        }
        const days = history.portfolio.length;
        const ids = [...history.positions.keys()];
        const pad = (xs: number[]): number[] => [...new Array<number>(days - xs.length).fill(0), ...xs];
        const eq = ids.map((id) => pad(history.positions.get(id)!.map((s) => s.equityCents)));
        const fl = ids.map((id) => pad(history.positions.get(id)!.map((s) => s.dayFlowCents)));
        const r = timeWeightedReturns(
          history.portfolio.map((s) => s.equityCents),
          history.portfolio.map((s) => s.dayFlowCents),
        );
        const total = contributions(eq, fl).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(
          r.reduce((a, b) => a + b, 0),
          9,
        );
      }),
      { numRuns: 150 },
    );
  });
});
