import { describe, expect, it } from 'vitest';
import { divergingColour, divergingScale, scalePosition } from './divergingScale';

describe('the sweep heatmap’s diverging scale, centred on buy-and-hold', () => {
  it('centres on buy-and-hold and spans the furthest cell on either side', () => {
    // Buy-and-hold 0.40; cells from 0.10 (0.30 worse) to 0.50 (0.10 better): the span is 0.30.
    const scale = divergingScale([0.1, 0.45, 0.5], 0.4);
    expect(scale).toEqual({ centre: 0.4, span: expect.closeTo(0.3, 12), centredOnBuyAndHold: true });
    expect(scalePosition(scale, 0.4)).toBe(0);
    expect(scalePosition(scale, 0.1)).toBeCloseTo(-1, 12);
    expect(scalePosition(scale, 0.5)).toBeCloseTo(1 / 3, 12);
  });

  it('is white at buy-and-hold, green when better, red when worse, stronger further away', () => {
    expect(divergingColour(0)).toBe('hsl(145 0% 98%)');
    expect(divergingColour(1)).toBe('hsl(145 70% 60%)');
    expect(divergingColour(-1)).toBe('hsl(4 70% 60%)');
    expect(divergingColour(-0.5)).toBe('hsl(4 35% 79%)');
  });

  it('without buy-and-hold (a cancelled sweep) centres on the middle of the cells', () => {
    expect(divergingScale([1, 3], null)).toEqual({ centre: 2, span: 1, centredOnBuyAndHold: false });
  });

  it('all cells equal to buy-and-hold: everything white, nothing divides by zero', () => {
    const scale = divergingScale([0.2, 0.2], 0.2);
    expect(scale.span).toBe(0);
    expect(scalePosition(scale, 0.2)).toBe(0);
  });
});
