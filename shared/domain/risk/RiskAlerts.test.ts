import { describe, expect, it } from 'vitest';
import type { AlertCheck } from './RiskAlerts';
import { alertKey, alertStep, drawdownNow, isPast } from './RiskAlerts';

const check = (value: number | null, threshold: number | null): AlertCheck => ({
  kind: 'portfolio_drawdown',
  positionId: null,
  symbol: null,
  value,
  threshold,
  asOf: '2024-06-03',
});

/** Runs checks in order from an armed state; returns each step. */
function walk(values: readonly (number | null)[], threshold: number | null, start = false): string[] {
  let past = start;
  return values.map((v) => {
    const step = alertStep(check(v, threshold), past);
    if (step === 'crossed') past = true;
    if (step === 'cleared') past = false;
    return step;
  });
}

describe('risk alerts: once per crossing (SPEC 9)', () => {
  it('a 10 % drawdown alert: crosses at 10 % exactly, stays quiet past it, re-arms inside, crosses again', () => {
    // value:       5 %     10 %      12 %    20 %    9 %       11 %      11 %
    expect(walk([0.05, 0.1, 0.12, 0.2, 0.09, 0.11, 0.11], 0.1)).toEqual([
      'none',
      'crossed',
      'none',
      'none',
      'cleared',
      'crossed',
      'none',
    ]);
  });

  it('a figure that cannot be measured keeps the state: no alert and no re-arm', () => {
    expect(walk([0.12, null, 0.15], 0.1)).toEqual(['crossed', 'none', 'none']);
    expect(walk([null, 0.15], 0.1)).toEqual(['none', 'crossed']);
  });

  it('an alert that is off never fires; turning it off while past re-arms it', () => {
    expect(walk([0.5, 0.9], null)).toEqual(['none', 'none']);
    expect(walk([0.5], null, true)).toEqual(['cleared']);
    expect(isPast(check(0.5, null))).toBe(false);
    expect(isPast(check(null, 0.1))).toBe(false);
  });

  it('a VaR alert at 2 % of equity: 1.9 % is inside, 2 % is past', () => {
    const v = (value: number): AlertCheck => ({ ...check(value, 0.02), kind: 'var' });
    expect(isPast(v(0.019))).toBe(false);
    expect(isPast(v(0.02))).toBe(true);
  });

  it('keys by portfolio, kind and position', () => {
    expect(alertKey('p1', 'position_drawdown', 'x')).not.toBe(alertKey('p1', 'position_drawdown', 'y'));
    expect(alertKey('p1', 'portfolio_drawdown', null)).not.toBe(alertKey('p2', 'portfolio_drawdown', null));
    expect(alertKey('p1', 'var', null)).not.toBe(alertKey('p1', 'portfolio_drawdown', null));
  });
});

describe('drawdown at the last close, from the equity history', () => {
  it('below the running peak of the time-weighted index', () => {
    // 100 → 110 → 99: index 1, 1.1, 0.99; 1 − 0.99 / 1.1 = 10 %.
    expect(drawdownNow([10_000, 11_000, 9_900], [0, 0, 0])).toBeCloseTo(0.1, 12);
    // On a new peak: 0.
    expect(drawdownNow([10_000, 9_000, 12_000], [0, 0, 0])).toBe(0);
  });

  it('a withdrawal is not a loss: 100 → 50 after taking 50 out is no drawdown', () => {
    expect(drawdownNow([10_000, 5_000], [0, -5_000])).toBe(0);
    // Without the flow it would read as 50 %.
    expect(drawdownNow([10_000, 5_000], [0, 0])).toBeCloseTo(0.5, 12);
  });

  it('one session is its own peak; no sessions is no figure', () => {
    expect(drawdownNow([10_000], [10_000])).toBe(0);
    expect(drawdownNow([], [])).toBeNull();
  });
});
