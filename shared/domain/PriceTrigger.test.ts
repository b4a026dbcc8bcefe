import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from './ExactDecimal';
import { PriceTrigger } from './PriceTrigger';

const cfg = { upThreshold: 0.03, downThreshold: 0.03 };

describe('PriceTrigger.evaluate (SPEC 2.3)', () => {
  it.each([
    { name: 'anchor unset → SET_ANCHOR', anchor: null, price: 100, kind: 'SET_ANCHOR' },
    { name: 'exactly on the down threshold buys (100, 97)', anchor: 100, price: 97, kind: 'BUY' },
    { name: 'one tick above the down threshold holds', anchor: 100, price: 97.01, kind: 'HOLD' },
    { name: 'exactly on the up threshold sells (100, 103)', anchor: 100, price: 103, kind: 'SELL' },
    { name: 'one tick below the up threshold holds', anchor: 100, price: 102.99, kind: 'HOLD' },
    { name: 'inside the band holds', anchor: 100, price: 98.5, kind: 'HOLD' },
    { name: 'far below buys', anchor: 100, price: 50, kind: 'BUY' },
    { name: 'far above sells', anchor: 100, price: 500, kind: 'SELL' },
    // 33.33 × 0.97 = 32.3301 exactly, but the float product is 32.330099999999995.
    {
      name: 'float product below the exact threshold still buys at it (33.33 → 32.3301)',
      anchor: 33.33,
      price: 32.3301,
      kind: 'BUY',
    },
    // 0.05 × 1.03 = 0.0515 exactly; the float product is 0.051500000000000004.
    {
      name: 'float product above the exact threshold still sells at it (0.05 → 0.0515)',
      anchor: 0.05,
      price: 0.0515,
      kind: 'SELL',
    },
    {
      name: 'the next double below an exact sell threshold holds',
      anchor: 0.05,
      price: 0.05149999999999999,
      kind: 'HOLD',
    },
  ] as const)('$name', ({ anchor, price, kind }) => {
    expect(PriceTrigger.evaluate({ anchor }, price, cfg).kind).toBe(kind);
  });

  it('carries both threshold prices and the distance to each', () => {
    const d = PriceTrigger.evaluate({ anchor: 100 }, 98.5, cfg);
    expect(d.buyBelow).toBeCloseTo(97, 12);
    expect(d.sellAbove).toBeCloseTo(103, 12);
    expect(d.distanceToBuy).toBeCloseTo(1.5 / 98.5, 12);
    expect(d.distanceToSell).toBeCloseTo(4.5 / 98.5, 12);
  });

  it('uses asymmetric thresholds independently', () => {
    expect(PriceTrigger.evaluate({ anchor: 100 }, 95, { upThreshold: 0.02, downThreshold: 0.05 }).kind).toBe(
      'BUY',
    );
    expect(
      PriceTrigger.evaluate({ anchor: 100 }, 95.01, { upThreshold: 0.02, downThreshold: 0.05 }).kind,
    ).toBe('HOLD');
    expect(PriceTrigger.evaluate({ anchor: 100 }, 102, { upThreshold: 0.02, downThreshold: 0.05 }).kind).toBe(
      'SELL',
    );
  });

  it('agrees with exact decimal comparison for any anchor, price and threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        (anchorCents, priceCents, bps) => {
          const anchor = anchorCents / 100;
          const price = priceCents / 100;
          const t = bps / 10_000;
          const kind = PriceTrigger.evaluate({ anchor }, price, { upThreshold: t, downThreshold: t }).kind;
          const p = exact(price);
          const buy = p.lessThanOrEqualTo(exact(anchor).times(exact(1).minus(exact(t))));
          const sell = p.greaterThanOrEqualTo(exact(anchor).times(exact(1).plus(exact(t))));
          expect(kind).toBe(buy ? 'BUY' : sell ? 'SELL' : 'HOLD');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('decides exact-threshold prices built from the threshold itself (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 999 }),
        (anchorCents, bps) => {
          const anchor = anchorCents / 100;
          const t = bps / 10_000;
          const onBuy = exact(anchor)
            .times(exact(1).minus(exact(t)))
            .toNumber();
          const onSell = exact(anchor)
            .times(exact(1).plus(exact(t)))
            .toNumber();
          // Only when the exact threshold is representable as a shortest-text double is it "on" the threshold.
          if (exact(onBuy).equals(exact(anchor).times(exact(1).minus(exact(t))))) {
            expect(PriceTrigger.evaluate({ anchor }, onBuy, { upThreshold: t, downThreshold: t }).kind).toBe(
              'BUY',
            );
          }
          if (exact(onSell).equals(exact(anchor).times(exact(1).plus(exact(t))))) {
            expect(PriceTrigger.evaluate({ anchor }, onSell, { upThreshold: t, downThreshold: t }).kind).toBe(
              'SELL',
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
