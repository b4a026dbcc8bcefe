/**
 * SPEC 8 contribution of each position to the portfolio's return: Σ_t w_{i,t−1}·r_{i,t}. The weight is
 * the position's share of the day's base (its equity the evening before plus its flow of the day,
 * over the portfolio's), the same base its own and the portfolio's time-weighted returns divide by,
 * so a day's contributions add up to the portfolio's return of that day and the sums of all days to
 * the portfolio's arithmetic return Σ_t r_t (ADR 0093). Without flows the weight is E_{i,t−1}/E_{t−1}.
 */
export function contributions(
  positionEquityCents: readonly (readonly number[])[],
  positionFlowsCents: readonly (readonly number[])[],
): number[] {
  const positions = positionEquityCents.length;
  const days = positions === 0 ? 0 : (positionEquityCents[0] as readonly number[]).length;
  const out = new Array<number>(positions).fill(0);
  for (let t = 1; t < days; t++) {
    let base = 0;
    for (let i = 0; i < positions; i++) {
      base += (positionEquityCents[i] as readonly number[])[t - 1] as number;
      base += (positionFlowsCents[i] as readonly number[])[t] as number;
    }
    if (!(base > 0)) continue;
    for (let i = 0; i < positions; i++) {
      const e = positionEquityCents[i] as readonly number[];
      const own = (e[t - 1] as number) + ((positionFlowsCents[i] as readonly number[])[t] as number);
      // w·r = (own / base)·(E_t / own − 1) = (E_t − own) / base, defined even when own is 0.
      out[i] = (out[i] as number) + ((e[t] as number) - own) / base;
    }
  }
  return out;
}
