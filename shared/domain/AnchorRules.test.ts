import { describe, expect, it } from 'vitest';
import {
  anchorAfterFill,
  anchorOnExDividend,
  anchorSetByUser,
  anchorWithoutInitialFill,
} from './AnchorRules';
import { qtyAtCloseBeforeExDate } from './DividendMath';

describe('anchor rules (SPEC 2.6)', () => {
  it('after a fill the anchor is the fill price', () => {
    expect(anchorAfterFill(100, 96.5)).toEqual({ type: 'AnchorUpdated', from: 100, to: 96.5 });
    expect(anchorAfterFill(null, 50)).toEqual({ type: 'AnchorUpdated', from: null, to: 50 });
  });

  it.each([
    {
      name: 'adjusts by the dividend when on',
      anchor: 100,
      amount: 0.24,
      on: true,
      expected: { type: 'AnchorAdjusted', from: 100, to: 99.76 },
    },
    { name: 'no change when off', anchor: 100, amount: 0.24, on: false, expected: null },
    { name: 'no change with the anchor unset', anchor: null, amount: 0.24, on: true, expected: null },
    {
      name: 'no change when the dividend is at least the anchor',
      anchor: 0.2,
      amount: 0.2,
      on: true,
      expected: null,
    },
  ])('on the ex-date: $name', ({ anchor, amount, on, expected }) => {
    expect(anchorOnExDividend(anchor, amount, on)).toEqual(expected);
  });

  it('a manual set records who and why and refuses bad input', () => {
    expect(anchorSetByUser(100, 95, 'investor', 'reset after earnings')).toEqual({
      type: 'AnchorSet',
      from: 100,
      to: 95,
      by: 'investor',
      why: 'reset after earnings',
    });
    expect(() => anchorSetByUser(100, 0, 'investor', 'x')).toThrow(RangeError);
    expect(() => anchorSetByUser(100, Number.NaN, 'investor', 'x')).toThrow(RangeError);
    expect(() => anchorSetByUser(100, 95, ' ', 'x')).toThrow(/who/);
    expect(() => anchorSetByUser(100, 95, 'investor', '')).toThrow(/why/);
  });

  it('an initial allocation without a fill sets the anchor to the price', () => {
    expect(anchorWithoutInitialFill(101.25)).toEqual({ type: 'AnchorUpdated', from: null, to: 101.25 });
  });
});

describe('dividend entitlement: holding at the close before the ex-date (SPEC 4.3)', () => {
  it.each([
    { name: 'no trades since: the holding', qty: 500, fills: [], expected: 500 },
    {
      name: 'shares bought on the ex-date are not entitled',
      qty: 561,
      fills: [{ side: 'BUY', qty: 61 }],
      expected: 500,
    },
    {
      name: 'shares sold on the ex-date stay entitled',
      qty: 450,
      fills: [{ side: 'SELL', qty: 50 }],
      expected: 500,
    },
    {
      name: 'fractional trades undo exactly',
      qty: 10.3,
      fills: [
        { side: 'BUY', qty: 0.1 },
        { side: 'BUY', qty: 0.2 },
      ],
      expected: 10,
    },
  ] as const)('$name', ({ qty, fills, expected }) => {
    expect(qtyAtCloseBeforeExDate(qty, fills)).toBe(expected);
  });

  it('refuses fills that exceed the holding', () => {
    expect(() => qtyAtCloseBeforeExDate(10, [{ side: 'BUY', qty: 11 }])).toThrow(RangeError);
  });
});
