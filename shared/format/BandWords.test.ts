import { describe, expect, it } from 'vitest';
import { bandNote, type BandFacts } from './BandWords';

const base: BandFacts = {
  stockPct: 0,
  minStockPct: 0.25,
  maxStockPct: 0.75,
  lastPrice: 59.24,
  triggers: { buyBelow: 57.93, sellAbove: 61.51 },
  initialStockPct: 0.5,
};

describe('why a position outside its band holds', () => {
  it.each([
    {
      name: 'at 0 % stock, price inside the trigger band',
      facts: base,
      note: 'At 0.0 % stock: below the band (25 %–75 %), but the price $59.24 is inside the trigger band ($57.93 to $61.51), so nothing trades until it falls to $57.93 (a buy).',
    },
    {
      name: 'above the band',
      facts: { ...base, stockPct: 0.869 },
      note: 'At 86.9 % stock: above the band (25 %–75 %), but the price $59.24 is inside the trigger band ($57.93 to $61.51), so nothing trades until it rises to $61.51 (a sell).',
    },
    {
      name: 'below the band and past the buy trigger',
      facts: { ...base, stockPct: 0.1, lastPrice: 57 },
      note: 'At 10.0 % stock: below the band (25 %–75 %), and the price $57.00 is past the buy trigger: the next evaluation with the market open buys.',
    },
    {
      name: 'anchor not set yet',
      facts: { ...base, triggers: null },
      note: 'At 0.0 % stock: below the band (25 %–75 %); the anchor is not set yet, so the first evaluation with the market open trades to 50 % stock.',
    },
    { name: 'inside the band', facts: { ...base, stockPct: 0.5 }, note: null },
    { name: 'no allocation known', facts: { ...base, stockPct: null }, note: null },
  ])('$name', ({ facts, note }) => {
    expect(bandNote(facts)).toBe(note);
  });
});
