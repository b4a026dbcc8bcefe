import type { MatchingModel } from '../../domain/orders/MatchingRules';
import { BuyAndHoldReplay } from '../BuyAndHoldReplay';
import { RunLog } from '../RunLog';
import type { SimulationResult } from '../SimulationResult';
import type { SimulationSpec, SymbolHistory } from '../SimulationSpec';
import type { DailyColumns, Prepared, ReplayRun, RunOptions, SimulationFailure } from '../runSimulation';
import {
  assembleResult,
  fail,
  prepareSimulation,
  progressEvery,
  replayPrepared,
  runSimulation,
  sumTotals,
} from '../runSimulation';
import type { ReplayTotals } from '../SimulatedPosition';
import { roundTripStats, type RoundTrip, type RoundTripStats } from '../../domain/accounting/RoundTrips';
import { accountingOfRun } from '../accountingOfRun';
import type { OrderEvent, SignalRunShared } from './SignalPosition';
import { SignalPosition } from './SignalPosition';
import type { SizerChoice } from './Sizers';
import { sizerChoice } from './Sizers';
import type { MarketSnapshot, SignalStrategy, Strategy, StrategyChoice, SymbolBar } from './Strategy';

/**
 * One run of one strategy (SPEC 10) in the simulation engine (ADR 0010, 0100): the spec's positions,
 * bars, dividends, alignment, daily equity, buy-and-hold, metrics and result are the engine's; the
 * strategy decides. Volatility balancing is the engine's own replay, unchanged (`runSimulation`); a
 * signal strategy's positions are `SignalPosition`s, fed its signals bar by bar.
 */
export interface LabOptions {
  sizer: SizerChoice;
  matching: MatchingModel;
}

export interface LabResult {
  strategy: { choice: StrategyChoice; label: string };
  /** Null for volatility balancing (it sizes its own orders, SPEC 2.4). */
  sizer: SizerChoice | null;
  matching: MatchingModel | null;
  simulation: SimulationResult;
  /** Every order's transitions (signal strategies; volatility balancing's orders are its trades). */
  orderEvents: OrderEvent[];
  roundTrips: RoundTrip[];
  roundTripStats: RoundTripStats;
}

export type LabOutcome = { ok: true; result: LabResult } | SimulationFailure;

/** The matching model a spec's execution settings imply: its fill and slippage, SPEC 10's 10 % volume cap unless set. */
export function matchingFor(spec: SimulationSpec): MatchingModel {
  return {
    fill: spec.execution.fill,
    slippageBps: spec.execution.slippageBps,
    maxVolumePct: spec.execution.volumeCap ?? 0.1,
  };
}

export function runStrategy(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  strategy: Strategy,
  lab: Partial<LabOptions> = {},
  options: RunOptions = {},
): LabOutcome {
  if (strategy.kind === 'volatility_balancing') {
    const run = runSimulation(spec, history, options);
    if (!run.ok) return run;
    return { ok: true, result: vbResult(strategy, run.result) };
  }
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) return prepared;
  const sizer = lab.sizer ?? sizerChoice('percent');
  const matching = lab.matching ?? matchingFor(prepared.plan.spec);
  const shared: SignalRunShared = { nextOrderId: 1, orderEvents: [], roundTrips: [], sizer, matching };
  const run = replaySignals(prepared.plan, strategy, shared, true, options);
  if (!run.ok) return run;
  return {
    ok: true,
    result: {
      strategy: { choice: strategy.choice, label: strategy.label },
      sizer,
      matching,
      simulation: assembleResult(prepared.plan, run.value),
      orderEvents: shared.orderEvents as OrderEvent[],
      roundTrips: shared.roundTrips,
      roundTripStats: roundTripStats(shared.roundTrips),
    },
  };
}

/** Volatility balancing's result in the lab's shape: its round trips are SPEC 8's, from its fills. */
function vbResult(strategy: Strategy, simulation: SimulationResult): LabResult {
  const trips = accountingOfRun(simulation).roundTrips;
  return {
    strategy: { choice: strategy.choice, label: strategy.label },
    sizer: null,
    matching: null,
    simulation,
    orderEvents: [],
    roundTrips: trips,
    roundTripStats: roundTripStats(trips),
  };
}

type Run = { ok: true; value: ReplayRun } | SimulationFailure;

/**
 * The engine's multi-position step loop with a signal strategy deciding: per step, each position with a
 * bar opens (dividends, working orders), the strategy sees the snapshot, its sells then its buys act,
 * each position closes (DAY orders at the session's end), and the session's equity is recorded.
 */
export function replaySignals(
  prepared: Prepared,
  strategy: SignalStrategy,
  shared: SignalRunShared,
  detailed: boolean,
  options: RunOptions = {},
): Run {
  const { spec, positions, steps, index, stepEnds } = prepared;
  const log = new RunLog(detailed);
  if (!detailed) shared.orderEvents = null;
  const replays = positions.map(
    (p) =>
      new SignalPosition(
        p.spec,
        p.bars,
        p.dividends,
        p.spec.config ?? spec.config,
        spec.commission,
        log,
        p.sessionOrdinal,
        shared,
      ),
  );
  const buyHolds = detailed
    ? positions.map(
        (p) =>
          new BuyAndHoldReplay(
            p.spec,
            p.bars,
            p.dividends,
            (p.spec.config ?? spec.config).execution.dividendWithholdingPct,
            spec.commission,
            spec.execution,
          ),
      )
    : null;
  const nSessions = prepared.sessions.length;
  const dailyEquity = new Float64Array(nSessions);
  const dailyBuyHold = detailed ? new Array<number>(nSessions) : null;
  const daily = detailed
    ? positions.map((): DailyColumns => ({
        close:
          positions.length === 1
            ? new Array<number>(nSessions)
            : new Array<number | null>(nSessions).fill(null),
        qty: new Array<number>(nSessions),
        cash: new Array<number>(nSessions),
        receivable: new Array<number>(nSessions),
        equity: new Array<number>(nSessions),
        buyHold: new Array<number>(nSessions),
      }))
    : null;
  const instance = strategy.start();
  const count = replays.length;
  const bySymbol = new Map(replays.map((r, k) => [r.symbol, k]));
  const views: SymbolBar[] = positions.map((p) => ({
    symbol: p.spec.symbol,
    index: 0,
    // Doubles from the start (NaN, not 0): a field that starts as a small integer changes its map
    // when the first price is stored, and the loop's optimised code with it.
    time: NaN,
    session: '',
    open: NaN,
    high: NaN,
    low: NaN,
    close: NaN,
    volume: NaN,
  }));
  const present: SymbolBar[] = [];
  const snapshot: { time: number; session: string; bars: SymbolBar[] } = {
    time: 0,
    session: '',
    bars: present,
  };
  const barOf = new Int32Array(count);
  const every = progressEvery(steps);
  let untilProgress = every;
  let day = 0;
  for (let u = 0; u < steps; u++) {
    if (untilProgress-- === 0) {
      untilProgress = every - 1;
      if (options.signal?.aborted) return fail('CANCELLED', 'the simulation was cancelled');
      options.onProgress?.(u, steps);
    }
    present.length = 0;
    for (let k = 0; k < count; k++) {
      const i = index === null ? u : ((index[k] as Int32Array)[u] as number);
      barOf[k] = i;
      if (i < 0) continue;
      const r = replays[k] as SignalPosition;
      r.open(i);
      if (buyHolds !== null) (buyHolds[k] as BuyAndHoldReplay).step(i);
      const b = (positions[k] as Prepared['positions'][number]).bars;
      const v = views[k] as SymbolBar;
      v.index = i;
      v.time = b.time[i] as number;
      v.session = b.session[i] as string;
      v.open = b.open[i] as number;
      v.high = b.high[i] as number;
      v.low = b.low[i] as number;
      v.close = b.close[i] as number;
      v.volume = b.volume[i] as number;
      present.push(v);
      snapshot.time = v.time;
      snapshot.session = v.session;
    }
    const signals = instance.onBar(snapshot as MarketSnapshot);
    if (signals.length > 0) {
      for (let pass = 0; pass < 2; pass++) {
        const action = pass === 0 ? 'SELL' : 'BUY';
        for (const s of signals) {
          if (s.action !== action) continue;
          const k = bySymbol.get(s.symbol);
          if (k === undefined || (barOf[k] as number) < 0) continue;
          const r = replays[k] as SignalPosition;
          r.signal(s, barOf[k] as number, r.equityCents());
        }
      }
    }
    const sessionEnd = stepEnds[u] !== 0;
    for (let k = 0; k < count; k++) {
      const i = barOf[k] as number;
      if (i >= 0) (replays[k] as SignalPosition).close(i, sessionEnd);
    }
    if (!sessionEnd) continue;
    let total = 0;
    let totalBuyHold = 0;
    for (let k = 0; k < count; k++) {
      const r = replays[k] as SignalPosition;
      const equity = r.equityCents();
      total += equity;
      if (daily !== null && buyHolds !== null) {
        const d = daily[k] as DailyColumns;
        const bh = (buyHolds[k] as BuyAndHoldReplay).equityCents();
        totalBuyHold += bh;
        if (r.barsStepped > 0) d.close[day] = r.lastClose;
        d.qty[day] = r.state.qty;
        d.cash[day] = r.state.cashCents;
        d.receivable[day] = r.state.receivableCents;
        d.equity[day] = equity;
        d.buyHold[day] = bh;
      }
    }
    dailyEquity[day] = total;
    if (dailyBuyHold !== null) dailyBuyHold[day] = totalBuyHold;
    day++;
  }
  for (const r of replays) r.finish();
  options.onProgress?.(steps, steps);
  return { ok: true, value: { replays, buyHolds, log, dailyEquity, dailyBuyHold, daily } };
}

/**
 * A prepared run's daily equity and totals under a strategy, without rows (the compare's and the
 * bench's inner loop): volatility balancing's replay as the engine runs it, or the signal loop.
 */
export function replayStrategy(
  plan: Prepared,
  strategy: Strategy,
  lab: Partial<LabOptions> = {},
  options: RunOptions = {},
):
  | { ok: true; dailyEquityCents: Float64Array; totals: ReplayTotals; roundTrips: RoundTrip[] }
  | SimulationFailure {
  if (strategy.kind === 'volatility_balancing') {
    const r = replayPrepared(plan, plan.spec.config, options);
    return r.ok ? { ...r, roundTrips: [] } : r;
  }
  const shared: SignalRunShared = {
    nextOrderId: 1,
    orderEvents: null,
    roundTrips: [],
    sizer: lab.sizer ?? sizerChoice('percent'),
    matching: lab.matching ?? matchingFor(plan.spec),
  };
  const run = replaySignals(plan, strategy, shared, false, options);
  if (!run.ok) return run;
  const { dailyEquity, replays } = run.value;
  return {
    ok: true,
    dailyEquityCents: dailyEquity,
    totals:
      replays.length === 1
        ? { ...(replays[0] as SignalPosition).totals }
        : sumTotals(replays.map((r) => r.totals)),
    roundTrips: shared.roundTrips,
  };
}
