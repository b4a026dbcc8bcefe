import { assertEquity } from './validation';

/**
 * Simple (arithmetic) returns r_t = e_t / e_{t−1} − 1, one per bar after the first, so n bars give
 * n − 1 returns. Simple rather than log returns because the SPEC's formulas (CAGR, Sharpe, VaR) are
 * stated on them. Throws RangeError on an empty series or a non-finite or ≤ 0 value.
 */
export function dailyReturns(equity: readonly number[]): number[] {
  assertEquity(equity);
  const returns: number[] = [];
  for (let t = 1; t < equity.length; t++) {
    returns.push((equity[t] as number) / (equity[t - 1] as number) - 1);
  }
  return returns;
}
