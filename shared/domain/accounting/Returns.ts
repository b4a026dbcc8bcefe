import { daysBetween } from './HoldingPeriod';

/**
 * SPEC 8 time-weighted daily returns: r_t = E_t / (E_{t−1} + F_t) − 1, F_t the net external flow of
 * day t (deposits and withdrawals; dividends and fills are not flows). The first day has no return.
 * A day whose base E_{t−1} + F_t is not positive has no defined return and counts as 0 (ADR 0093).
 */
export function timeWeightedReturns(equityCents: readonly number[], flowsCents: readonly number[]): number[] {
  const out: number[] = [];
  for (let t = 1; t < equityCents.length; t++) {
    const base = (equityCents[t - 1] as number) + (flowsCents[t] as number);
    out.push(base > 0 ? (equityCents[t] as number) / base - 1 : 0);
  }
  return out;
}

/** Compounds returns: Π(1 + r) − 1. */
export function compound(returns: readonly number[]): number {
  let g = 1;
  for (const r of returns) g *= 1 + r;
  return g - 1;
}

/** A growth index starting at 1, one point per day (the returns' equity curve, for SPEC 5's metrics). */
export function growthIndex(returns: readonly number[]): number[] {
  const out = [1];
  let g = 1;
  for (const r of returns) out.push((g *= 1 + r));
  return out;
}

export interface DatedFlow {
  date: string;
  /** From the investor's side: a deposit is negative (money paid in), a withdrawal or the final value positive. */
  amountCents: number;
}

/**
 * SPEC 8 money-weighted return: the XIRR of the flows and the final value, Actual/365: the rate x with
 * Σ a_i / (1 + x)^(d_i / 365) = 0, d_i the days from the first flow. Newton's method from 10 %, with
 * bisection when it leaves the bracket; null when no rate solves it (all flows of one sign).
 */
export function xirr(flows: readonly DatedFlow[]): number | null {
  if (flows.length < 2) return null;
  const first = flows[0] as DatedFlow;
  const t = flows.map((f) => daysBetween(first.date, f.date) / 365);
  const a = flows.map((f) => f.amountCents);
  if (!a.some((x) => x > 0) || !a.some((x) => x < 0)) return null;
  const npv = (x: number): number => a.reduce((s, ai, i) => s + ai / (1 + x) ** (t[i] as number), 0);
  const dnpv = (x: number): number =>
    a.reduce((s, ai, i) => s - ((t[i] as number) * ai) / (1 + x) ** ((t[i] as number) + 1), 0);
  let lo = -0.999999;
  let hi = 10;
  while (npv(lo) * npv(hi) > 0 && hi < 1e6) hi *= 10;
  if (npv(lo) * npv(hi) > 0) return null;
  let x = 0.1;
  for (let i = 0; i < 200; i++) {
    const f = npv(x);
    if (Math.abs(f) < 1e-9) return x;
    if (npv(lo) * f < 0) hi = x;
    else lo = x;
    const d = dnpv(x);
    let next = d !== 0 ? x - f / d : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-14) return next;
    x = next;
  }
  return x;
}
