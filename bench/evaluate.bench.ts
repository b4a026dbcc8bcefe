/**
 * Throughput of evaluate-a-position (trigger + sizing + guardrails) against a floor: a minimal
 * hand-written loop over Float64Arrays doing the same float arithmetic (threshold compare, value,
 * proportional sizing, band/trade/cash caps, whole-share floor, minimum notional) with no objects,
 * reasons or exactness checks. Same inputs, same run; the ratio is engine time / floor time.
 */
import { DEFAULT_GLOBAL_COMMISSION } from '../shared/domain/Commission';
import { DEFAULT_STRATEGY_CONFIG } from '../shared/domain/Config';
import { NO_ACTIVITY } from '../shared/domain/DailyActivity';
import { cents, type Cents } from '../shared/domain/Money';
import type { PositionState } from '../shared/domain/Position';
import { evaluatePosition, PositionEvaluator } from '../shared/domain/PositionEvaluator';
import { mulberry32, timeBest } from './harness';

export interface EvaluateBenchResult {
  n: number;
  trades: number;
  /** Evaluations where float comparison (the floor) and exact comparison (the engine) decide differently. */
  floorDisagreements: number;
  engineMs: number;
  /** The same decisions taken as plain `EvaluationOutcome` objects (`evaluatePosition`, the live loop's form). */
  outcomeMs: number;
  floorMs: number;
  ratio: number;
  perSecond: number;
}

/** Timed runs per loop (best taken): enough for both loops to reach their optimised code. */
const RUNS = 20;

export function runEvaluateBench(n = 200_000): EvaluateBenchResult {
  const rnd = mulberry32(42);
  const qty = new Float64Array(n);
  const cash = new Float64Array(n);
  const anchor = new Float64Array(n);
  const price = new Float64Array(n);
  const states: PositionState[] = [];
  for (let i = 0; i < n; i++) {
    anchor[i] = Math.round((20 + rnd() * 480) * 100) / 100;
    // Prices within ±6 % of the anchor: roughly half the evaluations trade, half hold.
    price[i] = Math.round(anchor[i]! * (0.94 + rnd() * 0.12) * 100) / 100;
    qty[i] = Math.floor(rnd() * 2000);
    cash[i] = Math.round(rnd() * 200_000 * 100);
    states.push({ qty: qty[i]!, cashCents: cents(cash[i]!), receivableCents: cents(0), anchor: anchor[i]! });
  }
  const cfg = DEFAULT_STRATEGY_CONFIG;
  const commission = DEFAULT_GLOBAL_COMMISSION;
  const { upThreshold: up, downThreshold: down } = cfg.trigger;
  const { minStockPct: lo, maxStockPct: hi, maxTradePctOfPosition: maxTrade } = cfg.guardrails;
  const r = cfg.sizing.rebalanceRatio;
  const k = commission.rate;
  const minNotional = cfg.orderPolicy.minNotional;

  // The engine: one reusable evaluator writing the whole explained decision (trigger thresholds, sizing,
  // every reason and guardrail step; the distances are read from them on demand) into its fields, its
  // inputs written in place from the same arrays as the floor reads — what the simulation runs.
  const evaluator = new PositionEvaluator();
  const position = evaluator.position;
  let engineTrades = 0;
  const engineMs = timeBest(() => {
    engineTrades = 0;
    for (let i = 0; i < n; i++) {
      position.qty = qty[i]!;
      position.cashCents = cash[i]! as Cents;
      position.receivableCents = 0 as Cents;
      position.anchor = anchor[i]!;
      evaluator.price = price[i]!;
      evaluator.run(cfg, commission, NO_ACTIVITY);
      if (evaluator.action !== 'HOLD') engineTrades++;
    }
  }, RUNS);
  let outcomeTrades = 0;
  const outcomeMs = timeBest(() => {
    outcomeTrades = 0;
    for (let i = 0; i < n; i++) {
      const out = evaluatePosition({
        state: states[i]!,
        price: price[i]!,
        config: cfg,
        commission,
        today: NO_ACTIVITY,
      });
      if (out.action !== 'HOLD') outcomeTrades++;
    }
  }, RUNS);
  if (outcomeTrades !== engineTrades)
    throw new Error(`evaluator ${engineTrades} trades, outcomes ${outcomeTrades}`);

  // The floor computes what every decision carries (threshold prices, distances, value, all caps) and
  // stores the action and quantity, like the engine, but in flat arrays with no objects or exactness.
  const outAction = new Int8Array(n);
  const outQty = new Float64Array(n);
  const outDist = new Float64Array(2 * n);
  let floorTrades = 0;
  const floorMs = timeBest(() => {
    floorTrades = 0;
    for (let i = 0; i < n; i++) {
      const p = price[i]!;
      const a = anchor[i]!;
      const q = qty[i]!;
      const c = cash[i]! / 100;
      const buyBelow = a * (1 - down);
      const sellAbove = a * (1 + up);
      outDist[2 * i] = (p - buyBelow) / p;
      outDist[2 * i + 1] = (sellAbove - p) / p;
      outAction[i] = 0;
      outQty[i] = 0;
      const buy = p <= buyBelow;
      const sell = p >= sellAbove;
      if (!buy && !sell) continue;
      const stock = q * p;
      const v = stock + c;
      if (v <= 0) continue;
      let x = Math.abs((a / p - 1) * r * (v / p));
      const alloc = stock / v;
      if (buy) {
        if (alloc >= hi) continue;
        x = Math.min(x, (hi * v - stock) / (p * (1 + hi * k)), (maxTrade * v) / p, c / (p * (1 + k)));
      } else {
        if (alloc <= lo) continue;
        x = Math.min(x, (stock - lo * v) / (p * (1 - lo * k)), (maxTrade * v) / p, q);
      }
      x = Math.floor(x);
      if (x <= 0 || x * p < minNotional) continue;
      const notional = x * p;
      if (c + (buy ? -notional : notional) - notional * k < 0) continue;
      outAction[i] = buy ? 1 : -1;
      outQty[i] = x;
      floorTrades++;
    }
  }, RUNS);
  // The floor compares in floats; the engine decides exact-threshold prices exactly, so a handful may differ.
  if (Math.abs(engineTrades - floorTrades) > n * 1e-4) {
    throw new Error(`bench inputs disagree: engine traded ${engineTrades}, floor ${floorTrades}`);
  }
  return {
    n,
    trades: engineTrades,
    floorDisagreements: Math.abs(engineTrades - floorTrades),
    engineMs,
    outcomeMs,
    floorMs,
    ratio: engineMs / floorMs,
    perSecond: n / (engineMs / 1000),
  };
}

export function printEvaluateBench(res: EvaluateBenchResult): void {
  console.log(
    `evaluate.position n=${res.n} (${res.trades} trades, ${res.floorDisagreements} exact-threshold cases the float floor decides differently): engine ${res.engineMs.toFixed(1)} ms (${Math.round(res.perSecond).toLocaleString('en-US')}/s), ` +
      `floor ${res.floorMs.toFixed(1)} ms, ratio ${res.ratio.toFixed(2)}x (goal ≤ 3x)`,
  );
  console.log(
    `evaluate.position as EvaluationOutcome objects (evaluatePosition, what the live loop stores): ${res.outcomeMs.toFixed(1)} ms, ratio ${(res.outcomeMs / res.floorMs).toFixed(2)}x`,
  );
}

if (require.main === module) printEvaluateBench(runEvaluateBench());
