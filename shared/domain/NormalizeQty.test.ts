import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQty } from './Position';

/** The definition: rounded to 6 decimals, a zero never signed. */
function byDefinition(qty: number): number {
  const r = Math.round(qty * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

describe('normalizeQty (shares kept to 6 decimals)', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [100.0000004, 100],
    [2.5000005, 2.500001],
    [-0, 0],
    [1e-7, 0],
    [150, 150],
    [-42, -42],
  ])('%d → %d', (qty, expected) => {
    expect(Object.is(normalizeQty(qty), expected)).toBe(true);
  });

  it('takes whole numbers of shares unchanged, as the rounding would (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -9e9, max: 9e9 }), fc.double({ min: -1e10, max: 1e10, noNaN: true })),
        (qty) => {
          expect(Object.is(normalizeQty(qty), byDefinition(qty))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
