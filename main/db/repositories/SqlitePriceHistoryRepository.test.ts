import { afterEach, describe, expect, it } from 'vitest';
import type { DailyBar } from '../../../shared/ports/MarketData';
import { openTestStore, removeDir, type TestStore } from '../testing/testDatabase';

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

async function repo() {
  const s = await openTestStore();
  stores.push(s);
  return s.store.priceHistory;
}

const bar = (date: string, close = 10.01, volume = 1_000): DailyBar => ({
  date,
  open: close,
  high: close + 0.5,
  low: close - 0.5,
  close,
  volume,
});
const range = (from: string, to: string) => ({ from, to });

describe('SqlitePriceHistoryRepository', () => {
  it('stores bars exactly (NaN volume as unknown) and lists them by date range, ascending', async () => {
    const r = await repo();
    r.saveFetched(
      'KO',
      'yahoo',
      range('2024-01-01', '2024-01-05'),
      [bar('2024-01-03', 0.1 + 0.2), bar('2024-01-02', 59.95, Number.NaN)],
      5,
    );
    const listed = r.listBars('KO', 'yahoo', '2024-01-01', '2024-01-31');
    expect(listed.map((b) => b.date)).toEqual(['2024-01-02', '2024-01-03']);
    expect(listed[1]?.close).toBe(0.1 + 0.2);
    expect(Number.isNaN(listed[0]?.volume)).toBe(true);
    expect(r.listBars('KO', 'yahoo', '2024-01-03', '2024-01-03')).toHaveLength(1);
    expect(r.listBars('KO', 'other', '2024-01-01', '2024-01-31')).toEqual([]);
    expect(r.listBars('PEP', 'yahoo', '2024-01-01', '2024-01-31')).toEqual([]);
  });

  it('merges the ranges it records when they overlap or touch, and keeps apart those that do not', async () => {
    const r = await repo();
    r.saveFetched('KO', 'yahoo', range('2024-01-10', '2024-01-20'), [], 1);
    r.saveFetched('KO', 'yahoo', range('2024-02-01', '2024-02-10'), [], 1);
    expect(r.coveredRanges('KO', 'yahoo')).toEqual([
      range('2024-01-10', '2024-01-20'),
      range('2024-02-01', '2024-02-10'),
    ]);
    r.saveFetched('KO', 'yahoo', range('2024-01-21', '2024-01-25'), [], 2); // touches the first
    expect(r.coveredRanges('KO', 'yahoo')).toEqual([
      range('2024-01-10', '2024-01-25'),
      range('2024-02-01', '2024-02-10'),
    ]);
    r.saveFetched('KO', 'yahoo', range('2024-01-01', '2024-02-05'), [], 3); // spans both
    expect(r.coveredRanges('KO', 'yahoo')).toEqual([range('2024-01-01', '2024-02-10')]);
    expect(r.coveredRanges('KO', 'other')).toEqual([]);
  });

  it('replaces a bar of the same date with the newer fetch', async () => {
    const r = await repo();
    r.saveFetched('KO', 'yahoo', range('2024-01-02', '2024-01-02'), [bar('2024-01-02', 10)], 1);
    r.saveFetched('KO', 'yahoo', range('2024-01-02', '2024-01-02'), [bar('2024-01-02', 11, Number.NaN)], 2);
    const [b] = r.listBars('KO', 'yahoo', '2024-01-02', '2024-01-02');
    expect(b?.close).toBe(11);
    expect(Number.isNaN(b?.volume)).toBe(true);
  });

  it('refuses bars outside the range they are saved for, storing nothing', async () => {
    const r = await repo();
    expect(() =>
      r.saveFetched('KO', 'yahoo', range('2024-01-02', '2024-01-05'), [bar('2024-01-08')], 1),
    ).toThrow(/outside/);
    expect(r.coveredRanges('KO', 'yahoo')).toEqual([]);
    expect(r.listSymbols('yahoo')).toEqual([]);
  });

  it('lists the symbols cached per source', async () => {
    const r = await repo();
    r.saveFetched('PEP', 'yahoo', range('2024-01-02', '2024-01-02'), [bar('2024-01-02')], 1);
    r.saveFetched('KO', 'yahoo', range('2024-01-02', '2024-01-02'), [bar('2024-01-02')], 1);
    r.saveFetched('KO', 'other', range('2024-01-02', '2024-01-02'), [bar('2024-01-02')], 1);
    expect(r.listSymbols('yahoo')).toEqual(['KO', 'PEP']);
    expect(r.listSymbols('other')).toEqual(['KO']);
  });
});
