import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountingFact } from './AccountingFact';
import { Ledger } from './Ledger';
import { taxYears } from './TaxYear';
import { buy, sell } from './testFacts';
import { nextHeld, washSales, windowStart, type SymbolLots } from './WashSales';

function tax(facts: AccountingFact[]) {
  const ledger = new Ledger().applyAll(facts);
  return { ledger, view: washSales(ledger.journal) };
}

describe('wash sales (SPEC 8, tax view)', () => {
  it('a loss with a replacement bought within 30 days after: disallowed, added to the replacement, holding period carried', () => {
    const replacement = buy('2024-02-20', 10, 92);
    const { view } = tax([buy('2024-01-02', 10, 100), sell('2024-02-01', 10, 90), replacement]);
    const [part] = view.parts;
    expect(part).toEqual(
      expect.objectContaining({ gainCents: -10_000, disallowedCents: 10_000, reportedGainCents: 0 }),
    );
    // New start = 2024-02-20 − (2024-02-01 − 2024-01-02 = 30 days) = 2024-01-21.
    expect(view.openAdjustments.get(replacement.id)).toEqual([
      { qty: 10, addedCents: 10_000, start: '2024-01-21' },
    ]);
  });

  it('a replacement bought within 30 days before the sale', () => {
    const before = buy('2024-01-20', 10, 95);
    const { view } = tax([buy('2024-01-02', 10, 100), before, sell('2024-02-10', 10, 90)]);
    expect(view.parts[0]).toEqual(
      expect.objectContaining({ lotId: expect.not.stringMatching(before.id), disallowedCents: 10_000 }),
    );
    expect(view.openAdjustments.get(before.id)?.[0]?.addedCents).toBe(10_000);
  });

  it.each([
    { name: '30 days after: inside', date: '2024-03-02', washed: 10_000 },
    { name: '31 days after: outside', date: '2024-03-03', washed: 0 },
  ])('the window is 30 calendar days ($name)', ({ date, washed }) => {
    const { view } = tax([buy('2023-06-01', 10, 100), sell('2024-02-01', 10, 90), buy(date, 10, 91)]);
    expect(view.parts[0]?.disallowedCents).toBe(washed);
  });

  it('a partial replacement disallows the loss pro rata to the matched shares', () => {
    const { view } = tax([buy('2023-06-01', 10, 100), sell('2024-02-01', 10, 90), buy('2024-02-05', 4, 91)]);
    // 10 000 × 4 / 10 = 4 000 disallowed; 6 000 stays a loss.
    expect(view.parts[0]).toEqual(
      expect.objectContaining({ disallowedCents: 4_000, reportedGainCents: -6_000 }),
    );
  });

  it('a replacement share absorbs one loss only; the second loss stays allowed', () => {
    const c = buy('2025-02-05', 10, 91);
    const { view } = tax([
      buy('2024-11-01', 10, 100),
      buy('2024-11-01', 10, 100),
      sell('2025-02-03', 10, 90), // closes the first lot (FIFO)
      c,
      sell('2025-02-10', 10, 90), // the second lot: its only candidate (c) is used up
    ]);
    expect(view.parts.map((p) => p.disallowedCents)).toEqual([10_000, 0]);
    expect(view.openAdjustments.get(c.id)).toEqual([{ qty: 10, addedCents: 10_000, start: '2024-11-03' }]); // 2025-02-05 − 94 days held
  });

  it('selling the replacement later uses its adjusted tax cost and holding start', () => {
    const { view } = tax([
      buy('2023-01-03', 10, 100),
      sell('2024-01-10', 10, 90), // loss 100.00, held 372 days
      buy('2024-01-20', 10, 91), // replacement: start 2024-01-20 − 372 days = 2023-01-13
      sell('2024-02-01', 10, 95), // book gain 40.00; tax: 950 − (910 + 100) = −60.00
    ]);
    const last = view.parts[1]!;
    expect(last).toEqual(
      expect.objectContaining({
        basisAdjustmentCents: 10_000,
        taxCostCents: 101_000,
        gainCents: -6_000,
        holdingStart: '2023-01-13',
        longTerm: true,
      }),
    );
  });

  it('the remaining shares of the lot sold in part are replacements; the shares sold are not', () => {
    const { view } = tax([buy('2024-01-02', 10, 100), sell('2024-01-20', 4, 90)]);
    // 4 shares at a loss of 10.00 each; 6 shares of the same purchase, bought within 30 days, remain.
    expect(view.parts[0]?.disallowedCents).toBe(4_000);
    expect(view.parts[0]?.replacements[0]?.qty).toBe(4);
  });

  it('replacements are matched across positions of the tenant, in purchase order', () => {
    const other = buy('2024-02-03', 5, 91, 0, 'p2');
    const later = buy('2024-02-04', 10, 91, 0, 'p1');
    const { view } = tax([buy('2023-06-01', 10, 100), sell('2024-02-01', 10, 90), other, later]);
    expect(view.parts[0]?.replacements.map((r) => [r.lotId, r.qty, r.addedCents])).toEqual([
      [other.id, 5, 5_000],
      [later.id, 5, 5_000],
    ]);
  });

  it('a gain is never a wash sale; the tax year sums disallowed amounts of its sales', () => {
    const { view } = tax([
      buy('2023-06-01', 10, 100),
      sell('2024-02-01', 5, 110),
      sell('2024-03-01', 5, 90),
      buy('2024-03-05', 5, 90),
    ]);
    expect(view.parts.map((p) => p.disallowedCents)).toEqual([0, 5_000]);
    expect(taxYears(view.parts)).toEqual([
      expect.objectContaining({
        year: 2024,
        shortTermCents: 5_000 + 0,
        longTermCents: 0,
        disallowedCents: 5_000,
      }),
    ]);
  });
});

describe('the replacement candidates of a symbol: window pointer and skip list (ADR 0142)', () => {
  type Lot = { day: number; unadjusted: number };
  const stepArb = fc.oneof(
    fc.record({ kind: fc.constant('use' as const), at: fc.nat(), qty: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('window' as const), move: fc.integer({ min: -15, max: 40 }) }),
  );
  it('finds what a scan of every purchase finds, whatever lots are used up and however sales move', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 9 }), qty: fc.integer({ min: 1, max: 20 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(stepArb, { maxLength: 200 }),
        (purchases, steps) => {
          let day = 0;
          const lots: Lot[] = purchases.map((p) => ({ day: (day += p.gap), unadjusted: p.qty }));
          const c: SymbolLots<Lot> = { lots, skip: lots.map((_, i) => i + 1), lo: 0, loDay: -Infinity };
          let from = -5;
          for (const step of steps) {
            if (step.kind === 'use') {
              // Some shares of a lot absorb a loss or are sold: never more than it has.
              const lot = lots[step.at % lots.length] as Lot;
              lot.unadjusted = Math.max(0, lot.unadjusted - step.qty);
            } else from += step.move;
            const start = windowStart(c, from);
            expect(start).toBe(
              lots.findIndex((l) => l.day >= from) === -1
                ? lots.length
                : lots.findIndex((l) => l.day >= from),
            );
            for (let i = start; i <= lots.length; i++) {
              const naive = lots.findIndex((l, k) => k >= i && l.unadjusted > 0);
              expect(nextHeld(c, i)).toBe(naive === -1 ? lots.length : naive);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
