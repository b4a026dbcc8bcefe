import { describe, expect, it } from 'vitest';
import { Ledger } from './Ledger';
import type { LotMethod } from './LotMethod';
import { PositionBook } from './PositionBook';
import { buy, opened, sell } from './testFacts';

function book(method: LotMethod = 'FIFO'): PositionBook {
  return new PositionBook('p1', 'AAA', method);
}

describe('PositionBook — lots (SPEC 8)', () => {
  it('a buy opens a lot costing notional + commission', () => {
    const b = book();
    const f = buy('2024-01-02', 10, 100.005, 7);
    b.apply(f);
    // 10 × 100.005 = 1000.05 exactly; + 0.07 commission.
    expect(b.lots).toEqual([
      expect.objectContaining({
        lotId: f.id,
        qty: 10,
        price: 100.005,
        costCents: 100_012,
        openDate: '2024-01-02',
      }),
    ]);
  });

  it('a lot closed three ways: costs pro rata to the remaining quantity, parts add up to the whole', () => {
    const b = book();
    b.apply(buy('2024-01-02', 10, 100.0001, 0)); // notional 1000.001 → 100 000 cents
    b.lots[0]!.costCents = 100_001; // a cost that does not divide evenly
    b.costCents = 100_001;
    b.apply(sell('2024-02-01', 3, 110));
    b.apply(sell('2024-03-01', 3, 110));
    b.apply(sell('2024-04-01', 4, 110));
    // 100 001 × 3/10 = 30 000.3 → 30 000; 70 001 × 3/7 = 30 000.43 → 30 000; the last 40 001.
    expect(b.closed.map((p) => p.costCents)).toEqual([30_000, 30_000, 40_001]);
    expect(b.closed.reduce((s, p) => s + p.costCents, 0)).toBe(100_001);
    expect(b.closed.map((p) => p.realisedCents)).toEqual([33_000 - 30_000, 33_000 - 30_000, 44_000 - 40_001]);
    expect(b.lots).toEqual([]);
    expect(b.costCents).toBe(0);
  });

  it('one sale over three lots: notional and commission split separately, the last part takes each remainder', () => {
    const b = book();
    b.apply(buy('2024-01-02', 3, 100));
    b.apply(buy('2024-01-03', 3, 100));
    b.apply(buy('2024-01-04', 4, 100));
    const s = sell('2024-02-01', 10, 100.0001, 10); // notional 1000.001 → 100 000
    s.notionalCents = 100_001;
    b.apply(s);
    expect(b.closed.map((p) => [p.qty, p.notionalCents, p.commissionCents])).toEqual([
      [3, 30_000, 3],
      [3, 30_000, 3],
      [4, 40_001, 4],
    ]);
    expect(b.realisedCents).toBe(100_001 - 10 - 100_000);
  });

  it.each<[LotMethod, [number, number][]]>([
    [
      'FIFO',
      [
        [100, 10],
        [120, 5],
      ],
    ],
    [
      'LIFO',
      [
        [110, 10],
        [120, 5],
      ],
    ],
    [
      'HIFO',
      [
        [120, 10],
        [110, 5],
      ],
    ],
  ])('%s closes lots in its order', (method, expected) => {
    const b = book(method);
    b.apply(buy('2024-01-02', 10, 100));
    b.apply(buy('2024-01-03', 10, 120));
    b.apply(buy('2024-01-04', 10, 110));
    b.apply(sell('2024-02-01', 15, 130));
    expect(b.closed.map((p) => [p.entryPrice, p.qty])).toEqual(expected);
    expect(b.qty).toBe(15);
  });

  it('HIFO compares cost per share including commission; ties go to the earliest lot', () => {
    const b = book('HIFO');
    b.apply(buy('2024-01-02', 10, 100, 0)); // 100.00 a share
    b.apply(buy('2024-01-03', 10, 99.99, 10)); // 99.99 + 0.01 = 100.00 a share: tie
    b.apply(buy('2024-01-04', 5, 99.99, 4)); // (499.95 + 0.04) / 5 = 99.998: lower
    b.apply(sell('2024-02-01', 12, 101));
    expect(b.closed.map((p) => [p.entryPrice, p.qty])).toEqual([
      [100, 10],
      [99.99, 2],
    ]);
  });

  it('a 2:1 split doubles the shares and halves the price, cost unchanged; a later sale closes pro rata', () => {
    const b = book();
    b.apply(buy('2024-01-02', 10, 100, 100)); // cost 1001.00
    b.apply({
      kind: 'split',
      id: 'x',
      positionId: 'p1',
      symbol: 'AAA',
      date: '2024-03-01',
      ratio: 2,
      qtyAfter: 20,
      cashInLieuCents: 0,
      previousClose: 120,
    });
    expect(b.lots[0]).toEqual(expect.objectContaining({ qty: 20, price: 50, costCents: 100_100 }));
    b.apply(sell('2024-04-01', 5, 60, 3));
    // cost 100 100 × 5/20 = 25 025; proceeds 300.00 − 0.03.
    expect(b.closed[0]).toEqual(
      expect.objectContaining({
        qty: 5,
        costCents: 25_025,
        realisedCents: 30_000 - 3 - 25_025,
        entryPrice: 50,
      }),
    );
  });

  it('a 3:2 split pays the fraction in cash in lieu, which closes it', () => {
    const b = book();
    b.apply(opened('2024-01-02', 100_000));
    b.apply(buy('2024-01-02', 5, 100)); // cost 500.00
    // 5 × 1.5 = 7.5 → 7 kept; 0.5 share at the previous close 90 / 1.5 = 60 → 30.00.
    b.apply({
      kind: 'split',
      id: 'sp',
      positionId: 'p1',
      symbol: 'AAA',
      date: '2024-03-01',
      ratio: 1.5,
      qtyAfter: 7,
      cashInLieuCents: 3_000,
      previousClose: 90,
    });
    expect(b.qty).toBe(7);
    // cost of the fraction: 50 000 × 0.5 / 7.5 = 3 333.33 → 3 333.
    expect(b.closed[0]).toEqual(
      expect.objectContaining({
        qty: 0.5,
        cashInLieu: true,
        costCents: 3_333,
        realisedCents: 3_000 - 3_333,
        exitPrice: 60,
      }),
    );
    expect(b.lots[0]).toEqual(expect.objectContaining({ qty: 7, costCents: 46_667 }));
    expect(b.cashCents).toBe(100_000 - 50_000 + 3_000);
  });

  it('dividends are income, never basis', () => {
    const b = book();
    b.apply(opened('2024-01-02', 100_000));
    b.apply(buy('2024-01-02', 10, 100));
    b.apply({
      kind: 'dividendAccrued',
      positionId: 'p1',
      symbol: 'AAA',
      date: '2024-02-01',
      grossCents: 500,
      netCents: 425,
    });
    expect(b.lots[0]!.costCents).toBe(100_000);
    expect(b.dividendsCents).toBe(425);
    expect(b.receivableCents).toBe(425);
    b.apply({ kind: 'dividendPaid', positionId: 'p1', symbol: 'AAA', date: '2024-02-15', netCents: 425 });
    expect(b.receivableCents).toBe(0);
    expect(b.cashCents).toBe(425);
  });

  it('unrealised = qty × price − remaining cost; the identity holds', () => {
    const b = book();
    b.apply(opened('2024-01-02', 200_000));
    b.apply(buy('2024-01-02', 10, 100, 50));
    b.apply(buy('2024-01-03', 10, 90, 50));
    b.apply(sell('2024-01-04', 5, 95, 25));
    expect(b.unrealisedCents(97.5)).toBe(15 * 9_750 - b.costCents);
    const equity = b.equityCents(97.5);
    expect(b.realisedCents + b.unrealisedCents(97.5) + b.dividendsCents).toBe(equity - b.flowsCents);
  });

  it('long term = sold after the first anniversary, not on it', () => {
    const b = book();
    b.apply(buy('2023-03-15', 2, 100));
    b.apply(sell('2024-03-15', 1, 100));
    b.apply(sell('2024-03-16', 1, 100));
    expect(b.closed.map((p) => [p.holdingDays, p.longTerm])).toEqual([
      [366, false],
      [367, true],
    ]);
  });

  it('a sale of more shares than the open lots is a bug, not a silent loss', () => {
    const b = book();
    b.apply(buy('2024-01-02', 1, 100));
    expect(() => b.apply(sell('2024-01-03', 2, 100))).toThrow(/only 1 are in open lots/);
  });

  it('shares brought in at opening form a lot at the opening price and an external flow of their value', () => {
    const ledger = new Ledger();
    ledger.apply({
      kind: 'opened',
      id: 'o',
      positionId: 'p1',
      symbol: 'AAA',
      date: '2024-01-02',
      cashCents: 1_000,
      qty: 3,
      price: 10.5,
    });
    const b = ledger.books.get('p1')!;
    expect(b.lots[0]).toEqual(expect.objectContaining({ qty: 3, costCents: 3_150 }));
    expect(b.flowsCents).toBe(4_150);
  });

  it('valued lots share the market value pro rata, adding up to round(qty × price)', () => {
    const b = book();
    b.apply(buy('2024-01-02', 1, 10));
    b.apply(buy('2024-01-03', 1, 10));
    b.apply(buy('2024-01-04', 1, 10));
    const lots = b.valuedLots(10.005); // 3 × 10.005 = 30.015 → 30.02
    // 3 002 × 1/3 = 1 000.67 → 1 001 twice; the last lot takes the remainder.
    expect(lots.map((l) => l.marketValueCents)).toEqual([1_001, 1_001, 1_000]);
    expect(lots.reduce((s, l) => s + (l.marketValueCents ?? 0), 0)).toBe(3_002);
  });
});
