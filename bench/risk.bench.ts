/**
 * SPEC 9's performance asks (issue 17):
 * - all analytics for 100 holdings over a 500-session window (covariance, correlation, both VaRs,
 *   component VaR, beta, the four stress windows and the three shocks) against a floor that only
 *   computes the sample covariance matrix with plain loops over the same arrays;
 * - the order validator per order against a floor doing the same arithmetic on plain arrays, without
 *   the order, context and limits objects.
 * Same inputs, same run; the ratio is engine time / floor time.
 */
import { computePortfolioRisk } from '../shared/domain/risk/PortfolioRisk';
import type { CloseSeries } from '../shared/domain/risk/RiskReturns';
import {
  HISTORICAL_WINDOWS,
  historicalStress,
  shockStress,
  STANDARD_SHOCKS,
} from '../shared/domain/risk/StressTest';
import { RISK_OFF } from '../shared/domain/risk/RiskConfig';
import type { OrderToValidate, ValidationContext } from '../shared/domain/risk/OrderValidator';
import { checkOrder } from '../shared/domain/risk/OrderValidator';
import { mulberry32 } from './harness';

export interface AnalyticsBenchResult {
  holdings: number;
  sessions: number;
  engineMs: number;
  floorMs: number;
  ratio: number;
}

/** Business days from 2000-01-03 on, as ISO dates (weekends skipped; enough for the stress windows). */
function businessDays(count: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2000, 0, 3); out.length < count; t += 86_400_000) {
    const d = new Date(t).getUTCDay();
    if (d !== 0 && d !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function runAnalyticsBench(N = 100, n = 500): AnalyticsBenchResult {
  const rnd = mulberry32(17);
  const days = businessDays(6_800);
  const histories: CloseSeries[] = [];
  const returns: Float64Array[] = [];
  for (let i = 0; i < N; i++) {
    const closes = new Float64Array(days.length);
    let c = 50 + rnd() * 100;
    for (let t = 0; t < days.length; t++) {
      c *= 1 + (rnd() - 0.5) * 0.04;
      closes[t] = c;
    }
    // A few holdings without the early history: the stress tests then use the benchmark (a proxy).
    const from = i % 10 === 0 ? 3_000 : 0;
    histories.push({ symbol: `S${i}`, dates: days.slice(from), closes: closes.subarray(from) });
    const r = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const at = days.length - n - 1 + t;
      r[t] = (closes[at + 1] as number) / (closes[at] as number) - 1;
    }
    returns.push(r);
  }
  const bench = new Float64Array(n);
  for (let t = 0; t < n; t++) bench[t] = (rnd() - 0.5) * 0.03;
  const benchmark = histories[1] as CloseSeries;
  const holdings = histories.map((h) => ({ symbol: h.symbol, value: 1_000 + rnd() * 50_000 }));
  const equity = holdings.reduce((s, h) => s + h.value, 0) + 100_000;
  const bySymbol = new Map(histories.map((h) => [h.symbol, h]));

  let sink = 0;
  const engine = (): void => {
    const r = computePortfolioRisk({ holdings, returns, cash: 100_000, benchmarkReturns: bench });
    sink += r.sigma;
    for (const w of HISTORICAL_WINDOWS)
      sink += historicalStress(w, holdings, (s) => bySymbol.get(s), benchmark, equity).pnl;
    for (const s of STANDARD_SHOCKS) sink += shockStress(s, holdings, equity).pnl;
  };

  // The floor: means, then the upper triangle of Σ with plain loops over the same arrays.
  const floor = (): void => {
    const means = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const r = returns[i] as Float64Array;
      let s = 0;
      for (let t = 0; t < n; t++) s += r[t] as number;
      means[i] = s / n;
    }
    const cov = new Float64Array(N * N);
    for (let i = 0; i < N; i++) {
      const a = returns[i] as Float64Array;
      const ma = means[i] as number;
      for (let j = i; j < N; j++) {
        const b = returns[j] as Float64Array;
        const mb = means[j] as number;
        let s = 0;
        for (let t = 0; t < n; t++) s += ((a[t] as number) - ma) * ((b[t] as number) - mb);
        cov[i * N + j] = s / (n - 1);
        cov[j * N + i] = s / (n - 1);
      }
    }
    sink += cov[1] as number;
  };
  const [engineMs, floorMs] = interleavedBest(engine, floor, 50);
  if (Number.isNaN(sink)) console.error('');
  return { holdings: N, sessions: n, engineMs, floorMs, ratio: engineMs / floorMs };
}

/**
 * Best time of each of two functions, run alternately (on a loaded machine the load moves between
 * rounds; alternating gives both the same chances).
 */
function interleavedBest(a: () => void, b: () => void, rounds: number): [number, number] {
  a();
  b();
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    a();
    bestA = Math.min(bestA, performance.now() - t0);
    t0 = performance.now();
    b();
    bestB = Math.min(bestB, performance.now() - t0);
  }
  return [bestA, bestB];
}

export function formatAnalyticsBench(r: AnalyticsBenchResult): string {
  return `riskAnalytics: ${r.holdings} holdings × ${r.sessions} sessions, every figure + 4 stress windows + 3 shocks in ${r.engineMs.toFixed(2)} ms; covariance floor ${r.floorMs.toFixed(2)} ms; ratio ${r.ratio.toFixed(2)}x (ask: ≤ 3x, under 1 s)`;
}

export interface ValidatorBenchResult {
  n: number;
  rejected: number;
  engineNsPerOrder: number;
  floorNsPerOrder: number;
  ratio: number;
}

export function runValidatorBench(n = 1_000_000): ValidatorBenchResult {
  const rnd = mulberry32(7);
  const side = new Uint8Array(n);
  const qty = new Float64Array(n);
  const price = new Float64Array(n);
  const commission = new Float64Array(n);
  const lastMinute = new Float64Array(n);
  const lastMinuteSymbol = new Float64Array(n);
  const posQty = new Float64Array(n);
  const posCash = new Float64Array(n);
  const stock = new Float64Array(n);
  const eq = new Float64Array(n);
  const orders: OrderToValidate[] = [];
  const contexts: ValidationContext[] = [];
  for (let i = 0; i < n; i++) {
    side[i] = rnd() < 0.5 ? 0 : 1;
    qty[i] = 1 + Math.floor(rnd() * 200);
    price[i] = 10 + rnd() * 300;
    commission[i] = Math.round(qty[i]! * price[i]! * 0.01);
    lastMinute[i] = Math.floor(rnd() * 12);
    lastMinuteSymbol[i] = Math.floor(rnd() * 4);
    posQty[i] = Math.floor(rnd() * 2_000);
    posCash[i] = Math.round(rnd() * 5_000_000);
    stock[i] = Math.round(rnd() * 50_000_000);
    eq[i] = stock[i]! + Math.round(rnd() * 50_000_000);
    orders.push({
      side: side[i] === 0 ? 'BUY' : 'SELL',
      qty: qty[i]!,
      price: price[i]!,
      commissionCents: commission[i]!,
    });
    contexts.push({
      ordersLastMinute: lastMinute[i]!,
      ordersLastMinuteSymbol: lastMinuteSymbol[i]!,
      positionQty: posQty[i]!,
      positionCashCents: posCash[i]!,
      portfolioStockValueCents: stock[i]!,
      portfolioEquityCents: eq[i]!,
    });
  }
  const limits = {
    ...RISK_OFF,
    maxOrdersPerMinute: 10,
    maxOrdersPerMinutePerSymbol: 3,
    maxPositionQty: 2_000,
    maxPositionValue: 300_000,
    maxTotalExposurePct: 0.8,
  };
  let rejected = 0;
  const engine = (): void => {
    rejected = 0;
    for (let i = 0; i < n; i++) if (checkOrder(orders[i]!, contexts[i]!, limits) !== null) rejected++;
  };
  let floorRejected = 0;
  const {
    maxOrdersPerMinute: g,
    maxOrdersPerMinutePerSymbol: s,
    maxPositionQty: mq,
    maxPositionValue: mv,
  } = limits;
  const me = limits.maxTotalExposurePct;
  const floor = (): void => {
    floorRejected = 0;
    for (let i = 0; i < n; i++) {
      if (lastMinute[i]! + 1 > g || lastMinuteSymbol[i]! + 1 > s) {
        floorRejected++;
        continue;
      }
      if (side[i] === 1) {
        if (qty[i]! > posQty[i]!) floorRejected++;
        continue;
      }
      const notional = qty[i]! * price[i]! * 100;
      const after = posQty[i]! + qty[i]!;
      const equityAfter = eq[i]! - commission[i]!;
      if (
        notional + commission[i]! > posCash[i]! ||
        after > mq ||
        after * price[i]! > mv ||
        (equityAfter > 0 ? (stock[i]! + notional) / equityAfter : Infinity) > me
      )
        floorRejected++;
    }
  };
  const [engineMs, floorMs] = interleavedBest(engine, floor, 10);
  if (floorRejected !== rejected)
    throw new Error(`validator ${rejected} vs floor ${floorRejected} rejections`);
  return {
    n,
    rejected,
    engineNsPerOrder: (engineMs * 1e6) / n,
    floorNsPerOrder: (floorMs * 1e6) / n,
    ratio: engineMs / floorMs,
  };
}

export function formatValidatorBench(r: ValidatorBenchResult): string {
  return `orderValidator: ${r.n.toLocaleString('en-US')} orders (${r.rejected.toLocaleString('en-US')} rejected), ${r.engineNsPerOrder.toFixed(1)} ns per order; plain-array floor ${r.floorNsPerOrder.toFixed(1)} ns; ratio ${r.ratio.toFixed(2)}x (ask: ≤ 3x)`;
}

if (require.main === module) {
  console.log(formatAnalyticsBench(runAnalyticsBench()));
  console.log(formatValidatorBench(runValidatorBench()));
}
