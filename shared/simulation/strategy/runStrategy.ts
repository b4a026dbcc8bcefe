import type { MatchingModel } from '../../domain/orders/MatchingRules';
import type { BuyAndHoldReplay } from '../BuyAndHoldReplay';
import { RunLog } from '../RunLog';
import { SimulatedPortfolioRisk } from '../SimulatedPortfolioRisk';
import type { SimulationResult } from '../SimulationResult';
import type { SimulationSpec, SymbolHistory } from '../SimulationSpec';
import type { Prepared, ReplayRun, RunOptions, SimulationFailure } from '../runSimulation';
import {
  assembleResult,
  buyHoldReplays,
  dailyColumns,
  fail,
  judgePortfolio,
  prepareSimulation,
  progressEvery,
  recordDay,
  replayPrepared,
  runSimulation,
  totalsOf,
} from '../runSimulation';
import type { ReplayTotals } from '../SimulatedPosition';
import { roundTripStats, type RoundTrip, type RoundTripStats } from '../../domain/accounting/RoundTrips';
import { accountingOfRun } from '../accountingOfRun';
import type { OrderEvent, SignalRunShared } from './SignalPosition';
import { SignalPosition } from './SignalPosition';
import type { SizerChoice } from './Sizers';
import { sizerChoice } from './Sizers';
import type { BarSeries } from '../../ports/HistoricalBars';
import type {
  MarketSnapshot,
  SignalStrategy,
  Strategy,
  StrategyChoice,
  StrategyInstance,
  SymbolBar,
} from './Strategy';

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
  const shared: SignalRunShared = {
    nextOrderId: 1,
    orderEvents: [],
    roundTrips: [],
    sizer,
    matching,
    fills: null,
  };
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

/**
 * A position's bar at the current step, read from its columns when asked: the loop moves `index`
 * only, so a bar costs one store however many fields a rule reads (most read the close alone).
 */
class BarView implements SymbolBar {
  index = 0;
  constructor(
    readonly symbol: string,
    readonly slot: number,
    private readonly bars: BarSeries,
  ) {}
  get time(): number {
    return this.bars.time[this.index] as number;
  }
  get session(): string {
    return this.bars.session[this.index] as string;
  }
  get open(): number {
    return this.bars.open[this.index] as number;
  }
  get high(): number {
    return this.bars.high[this.index] as number;
  }
  get low(): number {
    return this.bars.low[this.index] as number;
  }
  get close(): number {
    return this.bars.close[this.index] as number;
  }
  get volume(): number {
    return this.bars.volume[this.index] as number;
  }
}

/** The step's snapshot: its bars, and the time and session of the last of them. */
class StepSnapshot implements MarketSnapshot {
  last: BarView | null = null;
  constructor(readonly bars: readonly BarView[]) {}
  get time(): number {
    return this.last === null ? NaN : this.last.time;
  }
  get session(): string {
    return this.last === null ? '' : this.last.session;
  }
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
  const buyHolds = detailed ? buyHoldReplays(prepared) : null;
  const nSessions = prepared.sessions.length;
  const dailyEquity = new Float64Array(nSessions);
  const dailyBuyHold = detailed ? new Array<number>(nSessions) : null;
  const daily = detailed ? dailyColumns(prepared) : null;
  const instance = strategy.start();
  const count = replays.length;
  const bySymbol = new Map(replays.map((r, k) => [r.symbol, k]));
  const views = positions.map((p, k) => new BarView(p.spec.symbol, k, p.bars));
  // The bars of the step: every position's when they are aligned one to one (index null), otherwise
  // rebuilt only on a step where a position starts or stops having bars.
  const present: BarView[] = index === null ? views.slice() : [];
  const had = new Uint8Array(count);
  const snapshot = new StepSnapshot(present);
  const barOf = new Int32Array(count);
  const every = progressEvery(steps);
  // SPEC 9's portfolio rules (risklive's, docs/adr/0131): null unless the run sets a daily loss stop or
  // a circuit breaker; then the portfolio is judged at each step, before the positions open.
  const portfolioRisk = SimulatedPortfolioRisk.of(spec.config);
  if (count === 1 && index === null && daily === null && portfolioRisk === null) {
    // One position, not detailed (the compare's and the bench's run): a loop of its own, with no
    // per-position loops around a bar's few reads.
    snapshot.last = views[0] as BarView;
    const r = replays[0] as SignalPosition;
    if (!replayOne(r, views[0] as BarView, instance, snapshot, stepEnds, dailyEquity, every, options))
      return fail('CANCELLED', 'the simulation was cancelled');
    r.finish();
    options.onProgress?.(steps, steps);
    return { ok: true, value: { replays, buyHolds, log, dailyEquity, dailyBuyHold, daily } };
  }
  let untilProgress = every;
  let day = 0;
  for (let u = 0; u < steps; u++) {
    if (untilProgress-- === 0) {
      untilProgress = every - 1;
      if (options.signal?.aborted) return fail('CANCELLED', 'the simulation was cancelled');
      options.onProgress?.(u, steps);
    }
    if (portfolioRisk !== null) judgePortfolio(portfolioRisk, prepared, replays, u, log);
    let changed = false;
    for (let k = 0; k < count; k++) {
      const i = index === null ? u : ((index[k] as Int32Array)[u] as number);
      barOf[k] = i;
      const has = i >= 0 ? 1 : 0;
      if (has !== had[k]) {
        had[k] = has;
        changed = true;
      }
      if (i < 0) continue;
      (replays[k] as SignalPosition).open(i);
      if (buyHolds !== null) (buyHolds[k] as BuyAndHoldReplay).step(i);
      const v = views[k] as BarView;
      v.index = i;
      snapshot.last = v;
    }
    if (changed && index !== null) {
      present.length = 0;
      for (let k = 0; k < count; k++) if ((barOf[k] as number) >= 0) present.push(views[k] as BarView);
    }
    const signals = instance.onBar(snapshot);
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
    if (stepEnds[u] === 0) continue;
    for (let k = 0; k < count; k++) {
      const i = barOf[k] as number;
      if (i >= 0) (replays[k] as SignalPosition).sessionEnd(i);
    }
    const total = recordDay(replays, buyHolds, daily, day, dailyEquity, dailyBuyHold);
    portfolioRisk?.onSessionClose(total);
    day++;
  }
  for (const r of replays) r.finish();
  options.onProgress?.(steps, steps);
  return { ok: true, value: { replays, buyHolds, log, dailyEquity, dailyBuyHold, daily } };
}

/** `replaySignals`' loop for one position whose bars are the steps. False when cancelled. */
function replayOne(
  r: SignalPosition,
  view: BarView,
  instance: StrategyInstance,
  snapshot: MarketSnapshot,
  stepEnds: Uint8Array,
  dailyEquity: Float64Array,
  every: number,
  options: RunOptions,
): boolean {
  const steps = stepEnds.length;
  let untilProgress = every;
  let day = 0;
  for (let u = 0; u < steps; u++) {
    if (untilProgress-- === 0) {
      untilProgress = every - 1;
      if (options.signal?.aborted) return false;
      options.onProgress?.(u, steps);
    }
    r.open(u);
    view.index = u;
    const signals = instance.onBar(snapshot);
    if (signals.length > 0) {
      // Sells before buys (SPEC 10); a signal for a symbol the run does not hold is dropped.
      for (const s of signals)
        if (s.action === 'SELL' && s.symbol === r.symbol) r.signal(s, u, r.equityCents());
      for (const s of signals)
        if (s.action === 'BUY' && s.symbol === r.symbol) r.signal(s, u, r.equityCents());
    }
    if (stepEnds[u] === 0) continue;
    r.sessionEnd(u);
    dailyEquity[day++] = r.equityCents();
  }
  return true;
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
    fills: null,
  };
  const run = replaySignals(plan, strategy, shared, false, options);
  if (!run.ok) return run;
  return {
    ok: true,
    dailyEquityCents: run.value.dailyEquity,
    totals: totalsOf(run.value.replays),
    roundTrips: shared.roundTrips,
  };
}
