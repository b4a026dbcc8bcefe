/**
 * Bars per second of a single-position daily replay (KO, 1999-12-31…2026-05-29, 6,642 bars, with its
 * dividends) against a floor: a minimal hand-written loop over the same Float64Array of closes doing the
 * same arithmetic in plain floats (threshold compare, proportional sizing, band/trade/cash caps,
 * whole-share floor, minimum notional, cash and shares update, equity per bar) with no exactness, no
 * domain objects, no timeline, no dividends and no metrics. Same bars, same run; ratio = engine / floor.
 *
 * The headline compares the replay alone (`replayPrepared`: the domain decisions, exact bookings,
 * dividends and the daily equity in cents) with the floor. Also printed: the same with wide thresholds
 * (few trades: the HOLD path), the sweep's inner loop (replay + metrics), and a full result (timeline,
 * trades, events, buy-and-hold, drawdowns, monthly table).
 */
import { BundledBarSource } from '../main/adapters/data/BundledBarSource';
import { computeMetrics } from '../shared/domain/metrics';
import type { SimulationSpec, SymbolHistory } from '../shared/simulation';
import {
  applyParams,
  loadHistory,
  prepareSimulation,
  replayPrepared,
  runSimulation,
  summarizePrepared,
} from '../shared/simulation';
import { simSpec } from '../shared/simulation/testing/bars';
import { buildReportModel } from '../main/reports/ReportModel';
import { timeBest } from './harness';

export interface SimulationBenchResult {
  bars: number;
  trades: number;
  engineBarsPerSec: number;
  floorBarsPerSec: number;
  ratio: number;
  holdPathBarsPerSec: number;
  holdPathTrades: number;
  withMetricsBarsPerSec: number;
  fullResultBarsPerSec: number;
  /** The full result and the reports' content model built from it (what `vb simulate --report` makes). */
  fullWithModelBarsPerSec: number;
  /** Time of a full result over the replay's, timed in turn (issue 15: goal ≤ 10). */
  fullResultRatio: number;
  fullWithModelRatio: number;
  metricsMsPerRun: number;
}

async function koHistory(): Promise<SymbolHistory[]> {
  const source = new BundledBarSource();
  const loaded = await loadHistory(source, source, ['KO'], '1999-01-01', '2030-01-01', '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.history;
}

/**
 * Runs `fn` `repeat` times per timing; returns bars per second from the best of 20 timings (the
 * steady state a sweep's thousands of replays run in: fewer timings left single runs 1.5x apart,
 * depending on when the optimiser had finished with the trade path).
 */
function barsPerSecond(bars: number, repeat: number, fn: () => void): number {
  const ms = timeBest(() => {
    for (let r = 0; r < repeat; r++) fn();
  }, 20);
  return (bars * repeat) / (ms / 1000);
}

/**
 * The best time of each function, measured in turn for `rounds` rounds after a warm-up: a machine
 * whose load changes slows all alike, so their ratio holds.
 */
function pairedBest(...args: [...(() => void)[], number]): number[] {
  const rounds = args[args.length - 1] as number;
  const fns = args.slice(0, -1) as (() => void)[];
  const best = fns.map(() => Infinity);
  for (const fn of fns) fn();
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      best[k] = Math.min(best[k] as number, performance.now() - t0);
    });
  }
  return best;
}

/** The floor: the strategy's arithmetic in floats over the closes, nothing else. Returns the trade count. */
function floorReplay(close: Float64Array, equity: Float64Array, spec: SimulationSpec): number {
  const { upThreshold: up, downThreshold: down } = spec.config.trigger;
  const { minStockPct: lo, maxStockPct: hi, maxTradePctOfPosition: maxTrade } = spec.config.guardrails;
  const r = spec.config.sizing.rebalanceRatio;
  const init = spec.config.execution.initialStockPct;
  const minNotional = spec.config.orderPolicy.minNotional;
  const k = spec.commission.rate;
  let cash = (spec.positions[0]?.initialCashCents ?? 0) / 100;
  let qty = 0;
  let anchor = NaN;
  let trades = 0;
  for (let i = 0; i < close.length; i++) {
    const p = close[i] as number;
    const stock = qty * p;
    const v = stock + cash;
    let x = 0;
    if (Number.isNaN(anchor)) {
      x = Math.floor((init * v - stock) / p);
      anchor = p;
    } else if (p <= anchor * (1 - down) || p >= anchor * (1 + up)) {
      const buy = p < anchor;
      const alloc = stock / v;
      let size = Math.abs((anchor / p - 1) * r * (v / p));
      if (buy && alloc < hi)
        size = Math.min(
          size,
          (hi * v - stock) / (p * (1 + hi * k)),
          (maxTrade * v) / p,
          cash / (p * (1 + k)),
        );
      else if (!buy && alloc > lo)
        size = Math.min(size, (stock - lo * v) / (p * (1 - lo * k)), (maxTrade * v) / p, qty);
      else size = 0;
      x = Math.floor(size) * (buy ? 1 : -1);
    }
    if (x !== 0 && Math.abs(x) * p >= minNotional) {
      const notional = Math.round(Math.abs(x) * p * 100) / 100;
      const commission = Math.round(notional * k * 100) / 100;
      cash += x > 0 ? -notional - commission : notional - commission;
      qty += x;
      anchor = p;
      trades++;
    }
    equity[i] = Math.round((cash + qty * p) * 100);
  }
  return trades;
}

export async function runSimulationBench(): Promise<SimulationBenchResult> {
  const history = await koHistory();
  const spec = simSpec(['KO'], { cash: 10_000_000 });
  const plan = prepareSimulation(spec, history);
  if (!plan.ok) throw new Error(plan.message);
  const bars = history[0]?.bars.close.length ?? 0;
  const close = (history[0] as SymbolHistory).bars.close;

  // Both loops write the daily equity into an array made once, as a sweep's replays do.
  const engineEquity = new Float64Array(plan.plan.sessions.length);
  let trades = 0;
  const engineBarsPerSec = barsPerSecond(bars, 20, () => {
    const out = replayPrepared(plan.plan, spec.config, { dailyEquityInto: engineEquity });
    if (!out.ok) throw new Error(out.message);
    trades = out.totals.trades;
  });
  const withMetricsBarsPerSec = barsPerSecond(bars, 20, () => {
    if (!summarizePrepared(plan.plan, spec.config).ok) throw new Error('run failed');
  });
  const equity = new Float64Array(bars);
  let floorTrades = 0;
  const floorBarsPerSec = barsPerSecond(bars, 200, () => {
    floorTrades = floorReplay(close, equity, spec);
  });
  if (Math.abs(floorTrades - trades) > trades * 0.2)
    throw new Error(`bench loops disagree: engine ${trades} trades, floor ${floorTrades}`);

  const wide = applyParams(spec.config, {
    up: 0.25,
    down: 0.2,
    ratio: 1.6667,
    minStockPct: 0.25,
    maxStockPct: 0.75,
  });
  let holdPathTrades = 0;
  const holdPathBarsPerSec = barsPerSecond(bars, 50, () => {
    const out = replayPrepared(plan.plan, wide, { dailyEquityInto: engineEquity });
    if (!out.ok) throw new Error(out.message);
    holdPathTrades = out.totals.trades;
  });
  // The full result against the replay, timed in turn (a replay block, then one full run, 40 rounds),
  // so both see the same load; the best of each, as everywhere in this file.
  const paired = pairedBest(
    () => {
      for (let r = 0; r < 20; r++) replayPrepared(plan.plan, spec.config, { dailyEquityInto: engineEquity });
    },
    () => {
      if (!runSimulation(spec, history).ok) throw new Error('run failed');
    },
    () => {
      const out = runSimulation(spec, history);
      if (!out.ok) throw new Error('run failed');
      buildReportModel(out.result);
    },
    40,
  );
  const [replayBlockMs, fullMs, fullWithModelMs] = paired as [number, number, number];
  const pairedReplayMs = replayBlockMs / 20;
  const fullResultRatio = fullMs / pairedReplayMs;
  const fullWithModelRatio = fullWithModelMs / pairedReplayMs;
  const fullResultBarsPerSec = bars / (fullMs / 1000);
  const fullWithModelBarsPerSec = bars / (fullWithModelMs / 1000);
  const equityArray = Array.from(equity, (e) => Math.max(e, 1));
  const metricsMs =
    timeBest(() => {
      for (let r = 0; r < 20; r++) computeMetrics({ equity: equityArray });
    }, 5) / 20;
  return {
    bars,
    trades,
    engineBarsPerSec,
    floorBarsPerSec,
    ratio: floorBarsPerSec / engineBarsPerSec,
    holdPathBarsPerSec,
    holdPathTrades,
    withMetricsBarsPerSec,
    fullResultBarsPerSec,
    fullWithModelBarsPerSec,
    fullResultRatio,
    fullWithModelRatio,
    metricsMsPerRun: metricsMs,
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatSimulationBench(r: SimulationBenchResult): string {
  return [
    `simulation.replay: engine ${fmt(r.engineBarsPerSec)} bars/s, floor ${fmt(r.floorBarsPerSec)} bars/s, ratio ${r.ratio.toFixed(1)}x (goal ≤ 3x; KO ${r.bars} daily bars, ${r.trades} trades)`,
    `simulation.replay, wide thresholds (${r.holdPathTrades} trades, the HOLD path): engine ${fmt(r.holdPathBarsPerSec)} bars/s, ratio ${(r.floorBarsPerSec / r.holdPathBarsPerSec).toFixed(1)}x`,
    `simulation.sweepInnerLoop (replay + metrics): ${fmt(r.withMetricsBarsPerSec)} bars/s (computeMetrics alone ${r.metricsMsPerRun.toFixed(2)} ms per run)`,
    `simulation.fullResult (timeline, trades, events, equity, buy-and-hold, metrics, monthly tables): ${fmt(r.fullResultBarsPerSec)} bars/s, ${r.fullResultRatio.toFixed(1)}x the replay's time (goal ≤ 10x)`,
    `simulation.fullResult + report model: ${fmt(r.fullWithModelBarsPerSec)} bars/s, ${r.fullWithModelRatio.toFixed(1)}x the replay's time`,
  ].join('\n');
}

if (require.main === module) {
  void runSimulationBench().then((r) => console.log(formatSimulationBench(r)));
}
