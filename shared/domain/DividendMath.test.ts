import { describe, expect, it } from 'vitest';
import { accrueDividend, adjustAnchorForDividend, resolveWithholdingRate } from './DividendMath';

describe('accrueDividend (SPEC 2.8, 4.3)', () => {
  it.each([
    { name: 'no withholding', qty: 500, amount: 0.24, rate: 0, gross: 12000, withholding: 0, net: 12000 },
    {
      name: '15 % withholding',
      qty: 500,
      amount: 0.24,
      rate: 0.15,
      gross: 12000,
      withholding: 1800,
      net: 10200,
    },
    {
      name: 'gross rounds half-to-even from the exact product (3 × 10.125)',
      qty: 3,
      amount: 10.125,
      rate: 0,
      gross: 3038,
      withholding: 0,
      net: 3038,
    },
    {
      name: 'withholding rounds from the rounded gross (0.67 × 0.3 = 0.201 → 0.20)',
      qty: 1,
      amount: 0.67,
      rate: 0.3,
      gross: 67,
      withholding: 20,
      net: 47,
    },
    { name: 'fractional shares', qty: 10.5, amount: 0.2075, rate: 0, gross: 218, withholding: 0, net: 218 },
    { name: 'no shares, nothing accrues', qty: 0, amount: 0.5, rate: 0.3, gross: 0, withholding: 0, net: 0 },
  ])('$name', ({ qty, amount, rate, gross, withholding, net }) => {
    expect(accrueDividend(qty, amount, rate)).toEqual({
      qtyEligible: qty,
      grossCents: gross,
      withholdingCents: withholding,
      netCents: net,
    });
  });

  it('refuses negative or non-finite inputs', () => {
    expect(() => accrueDividend(-1, 0.5, 0)).toThrow(RangeError);
    expect(() => accrueDividend(1, Number.NaN, 0)).toThrow(RangeError);
    expect(() => accrueDividend(1, 0.5, 1.5)).toThrow(RangeError);
  });

  it('resolves withholding announcement → position → tenant → 0', () => {
    expect(resolveWithholdingRate(0.1, 0.2, 0.3)).toBe(0.1);
    expect(resolveWithholdingRate(null, 0.2, 0.3)).toBe(0.2);
    expect(resolveWithholdingRate(null, null, 0.3)).toBe(0.3);
    expect(resolveWithholdingRate(null, null, null)).toBe(0);
  });

  it('lowers the anchor by the dividend exactly, and never to zero or below', () => {
    expect(adjustAnchorForDividend(100, 0.24)).toBe(99.76);
    expect(adjustAnchorForDividend(0.3, 0.1)).toBe(0.2);
    expect(adjustAnchorForDividend(null, 0.24)).toBeNull();
    expect(adjustAnchorForDividend(0.2, 0.5)).toBe(0.2);
  });
});
