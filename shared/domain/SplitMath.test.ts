import { describe, expect, it } from 'vitest';
import { applySplit } from './SplitMath';

describe('applySplit (SPEC 4.3)', () => {
  it.each([
    {
      name: '4:1 on whole shares',
      qty: 25,
      anchor: 400,
      ratio: 4,
      prevClose: 400,
      step: 1,
      qtyAfter: 100,
      anchorAfter: 100,
      cashInLieu: 0,
    },
    {
      name: '1:8 reverse with a fractional remainder paid in cash',
      qty: 100,
      anchor: 10,
      ratio: 0.125,
      prevClose: 10.4,
      step: 1,
      qtyAfter: 12,
      anchorAfter: 80,
      cashInLieu: 4160,
    },
    {
      name: '3:2 leaves half a share: cash in lieu at close ÷ ratio',
      qty: 101,
      anchor: 150,
      ratio: 1.5,
      prevClose: 150,
      step: 1,
      qtyAfter: 151,
      anchorAfter: 100,
      cashInLieu: 5000,
    },
    {
      name: 'fractional step keeps the remainder as shares',
      qty: 101,
      anchor: 150,
      ratio: 1.5,
      prevClose: 150,
      step: 0,
      qtyAfter: 151.5,
      anchorAfter: 100,
      cashInLieu: 0,
    },
    {
      name: 'unset anchor stays unset',
      qty: 10,
      anchor: null,
      ratio: 2,
      prevClose: 50,
      step: 1,
      qtyAfter: 20,
      anchorAfter: null,
      cashInLieu: 0,
    },
  ])('$name', ({ qty, anchor, ratio, prevClose, step, qtyAfter, anchorAfter, cashInLieu }) => {
    expect(applySplit(qty, anchor, ratio, prevClose, step)).toEqual({
      qtyAfter,
      anchorAfter,
      cashInLieuCents: cashInLieu,
    });
  });

  it('refuses a zero or negative ratio', () => {
    expect(() => applySplit(10, 10, 0, 10, 1)).toThrow(RangeError);
  });
});
