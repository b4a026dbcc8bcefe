import type { StrategyConfig } from '../domain/Config';
import type { PerformanceMetrics } from '../domain/metrics';
import type { MetricsInput } from '../domain/metrics';
import {
  computeMetrics,
  metricsWithDrawdowns,
  periodCalendar,
  periodCalendarOfDays,
} from '../domain/metrics';
import type { BarSeries } from '../ports/HistoricalBars';
import { isIntraday, sliceBarsBySession } from '../ports/HistoricalBars';
import type { DividendCalendar } from './DividendSchedule';
import { dividendCalendar } from './DividendSchedule';
import { BuyAndHoldReplay } from './BuyAndHoldReplay';
import { monthlyReturnTable } from './MonthlyTable';
import type { DetailedColumns, ReplayTotals } from './SimulatedPosition';
import { SimulatedPosition } from './SimulatedPosition';
import type { SimGate } from './SimulatedPortfolioRisk';
import { SimulatedPortfolioRisk } from './SimulatedPortfolioRisk';
import { barLabel } from './TimelineRecorder';
import { RunLog } from './RunLog';
import type { PositionOutcome, SimulationResult } from './SimulationResult';
import type { PositionSpec, SimulationSpec, SymbolHistory } from './SimulationSpec';
import { checkSimulationSpec } from './SimulationSpec';
import { productCents } from '../domain/Money';
import { plainArray } from './plainArrays';
import type { PositionLedger } from '../domain/Position';
import type { UnpaidDividend } from './SimulationSpec';
import type { TimelineRecorder } from './TimelineRecorder';

export interface RunOptions {
  /** Called every few thousand bars with the bars done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked as often as progress is reported; an aborted run ends with CANCELLED. */
  signal?: { readonly aborted: boolean };
  /**
   * Off only in the test that proves the HOLD pre-check changes nothing: every bar then goes through
   * evaluatePosition.
   */
  prefilter?: boolean;
  /**
   * Where the replay writes the daily equity (one entry per session), instead of a new array: a caller
   * that replays many configs (a sweep) reuses one. Ignored unless its length is the run's session count.
   */
  dailyEquityInto?: Float64Array;
}

export type SimulationFailureCode =
  'INVALID_SPEC' | 'MISSING_HISTORY' | 'NO_DATA' | 'NO_VOLUME' | 'CANCELLED';
export type SimulationFailure = { ok: false; code: SimulationFailureCode; message: string };
export type SimulationOutcome = { ok: true; result: SimulationResult } | SimulationFailure;

/** What a sweep keeps of a run: the metrics and totals, without timeline, trades or events. */
export interface RunSummary {
  metrics: PerformanceMetrics;
  startEquityCents: number;
  finalEquityCents: number;
  sessions: number;
  totals: ReplayTotals;
}
export type SummaryOutcome = { ok: true; summary: RunSummary } | SimulationFailure;

/**
 * Replays the spec's positions over their bars (ADR 0010) and returns trades, events, the compact
 * timeline, daily equity beside buy-and-hold, drawdowns, metrics and the monthly table. One position
 * or many: several positions are aligned on the union of their bar times (a symbol without a bar at a
 * time is not evaluated then), each keeps its own cash, and the portfolio's equity is their sum.
 * Pure and deterministic: nothing is read or written but the arguments and the result.
 */
export function runSimulation(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  options: RunOptions = {},
): SimulationOutcome {
  const prepared = prepare(spec, history);
  if (!prepared.ok) return prepared;
  const run = replay(prepared.value, true, options);
  if (!run.ok) return run;
  return { ok: true, result: assembleResult(prepared.value, run.value) };
}

/** The same replay keeping only metrics and totals: the inner loop of sweeps and walk-forward. */
export function runSimulationSummary(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  options: RunOptions = {},
): SummaryOutcome {
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) return prepared;
  return summarizePrepared(prepared.plan, prepared.plan.spec.config, options);
}

/** Bars sliced, aligned and checked once, to be replayed with many configs (a sweep's worker). */
export type PreparedSimulation = { ok: true; plan: Prepared } | SimulationFailure;

export function prepareSimulation(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
): PreparedSimulation {
  const prepared = prepare(spec, history);
  return prepared.ok ? { ok: true, plan: prepared.value } : prepared;
}

/**
 * Replays a prepared run with `config` in place of the spec's (the caller has validated it, e.g. a
 * sweep's grid) and keeps the summary.
 */
export function summarizePrepared(
  plan: Prepared,
  config: StrategyConfig,
  options: RunOptions = {},
): SummaryOutcome {
  // The equity is copied out at once, so every replay of this plan can write into one array.
  plan.equityScratch ??= new Float64Array(plan.sessions.length);
  const run = replayPrepared(plan, config, { ...options, dailyEquityInto: plan.equityScratch });
  if (!run.ok) return run;
  const { totals } = run;
  const equity = plainArray(run.dailyEquityCents);
  return {
    ok: true,
    summary: {
      metrics: metricsOf(equity, totals, plan.spec.riskFreePerPeriod),
      startEquityCents: startEquity(plan),
      finalEquityCents: equity[equity.length - 1] as number,
      sessions: equity.length,
      totals,
    },
  };
}

/**
 * The replay alone: the portfolio's equity per session and the totals, no metrics and no rows. What
 * the simulation benchmark times against its floor.
 */
export function replayPrepared(
  plan: Prepared,
  config: StrategyConfig,
  options: RunOptions = {},
): { ok: true; dailyEquityCents: Float64Array; totals: ReplayTotals } | SimulationFailure {
  const prepared: Prepared = config === plan.spec.config ? plan : { ...plan, spec: { ...plan.spec, config } };
  const run = replay(prepared, false, options);
  if (!run.ok) return run;
  return { ok: true, dailyEquityCents: run.value.dailyEquity, totals: totalsOf(run.value.replays) };
}

export interface PreparedPosition {
  spec: PositionSpec;
  bars: BarSeries;
  /** Its dividends in the run's range, with the bar each is due on. */
  dividends: DividendCalendar;
  /** Each bar's session as an ordinal (0 for the first). */
  sessionOrdinal: Int32Array;
}

/** A run ready to replay: the spec, each position's bars in range, and their alignment. */
export interface Prepared {
  spec: SimulationSpec;
  positions: PreparedPosition[];
  /** Number of aligned steps (bar times across all positions). */
  steps: number;
  /** Per position: its bar index at each step, or −1; null when there is one position (step = bar). */
  index: Int32Array[] | null;
  /** Session date of each step. */
  stepSessions: readonly string[];
  /** 1 at the last step of each session (where the day's equity is recorded). */
  stepEnds: Uint8Array;
  /** Session dates, one per day with at least one bar. */
  sessions: string[];
  /** The daily equity array `summarizePrepared` reuses from one replay to the next (made on first use). */
  equityScratch?: Float64Array;
}

type Result<T> = { ok: true; value: T } | SimulationFailure;

export function fail(code: SimulationFailureCode, message: string): SimulationFailure {
  return { ok: false, code, message };
}

function prepare(rawSpec: SimulationSpec, history: readonly SymbolHistory[]): Result<Prepared> {
  const checked = checkSimulationSpec(rawSpec);
  if (!checked.ok) return checked;
  const spec = checked.spec;
  // Daily bars are each a session of their own (ascending times, one a date), so their session
  // structure needs no string comparisons; intraday bars group by their session date.
  const daily = !isIntraday(spec.interval);
  const positions: PreparedPosition[] = [];
  for (const p of spec.positions) {
    const h = history.find((x) => x.bars.symbol === p.symbol);
    if (h === undefined) return fail('MISSING_HISTORY', `no bars were loaded for ${p.symbol}`);
    if (h.bars.interval !== spec.interval) {
      return fail(
        'MISSING_HISTORY',
        `the bars loaded for ${p.symbol} are ${h.bars.interval}, the run asks for ${spec.interval}`,
      );
    }
    const bars = sliceBarsBySession(h.bars, spec.from, spec.to);
    if (bars === null) return fail('NO_DATA', `${p.symbol} has no bars from ${spec.from} to ${spec.to}`);
    const problem = checkBars(bars);
    if (problem !== null) return fail('INVALID_SPEC', `${p.symbol}: ${problem}`);
    if (spec.execution.volumeCap !== null && bars.volume.some((v) => Number.isNaN(v))) {
      return fail('NO_VOLUME', `${p.symbol} has bars without volume, so a volume cap cannot be applied`);
    }
    const dividends = dividendCalendar(
      h.dividends.filter((d) => d.exDate >= spec.from && d.exDate <= spec.to),
      bars.session,
      p.unpaidDividends,
    );
    positions.push({ spec: p, bars, dividends, sessionOrdinal: sessionOrdinals(bars.session, daily) });
  }
  const aligned = align(
    positions.map((p) => p.bars),
    daily,
  );
  return { ok: true, value: { spec, positions, ...aligned } };
}

/** A series the engine can trust: equal column lengths, ascending times, finite positive prices. */
function checkBars(bars: BarSeries): string | null {
  const n = bars.close.length;
  if (
    [bars.time, bars.open, bars.high, bars.low, bars.volume].some((c) => c.length !== n) ||
    bars.session.length !== n
  ) {
    return 'bar columns have different lengths';
  }
  // The columns in locals, and each time read once: this loop runs over every bar of every full run.
  const { open, close, time } = bars;
  let previousTime = -Infinity;
  for (let i = 0; i < n; i++) {
    const o = open[i] as number;
    const c = close[i] as number;
    if (!(o > 0 && c > 0 && o < Infinity && c < Infinity))
      return `bar ${i} has a price that is not a positive number`;
    const t = time[i] as number;
    if (i > 0 && !(t > previousTime)) return `bar ${i} is not after the bar before it`;
    previousTime = t;
  }
  return null;
}

function align(
  series: readonly BarSeries[],
  daily: boolean,
): Pick<Prepared, 'steps' | 'index' | 'stepSessions' | 'stepEnds' | 'sessions'> {
  if (series.length === 1) {
    const only = series[0] as BarSeries;
    return {
      steps: only.close.length,
      index: null,
      stepSessions: only.session,
      stepEnds: sessionEnds(only.session, daily),
      sessions: distinctSessions(only.session, daily),
    };
  }
  const all = new Float64Array(series.reduce((n, s) => n + s.time.length, 0));
  let at = 0;
  for (const s of series) {
    all.set(s.time, at);
    at += s.time.length;
  }
  all.sort();
  const times: number[] = [];
  for (const t of all) if (times.length === 0 || times[times.length - 1] !== t) times.push(t);
  const stepSessions = new Array<string>(times.length).fill('');
  const index = series.map((s) => {
    const idx = new Int32Array(times.length).fill(-1);
    let j = 0;
    for (let u = 0; u < times.length && j < s.time.length; u++) {
      if (s.time[j] === times[u]) {
        idx[u] = j;
        if (stepSessions[u] === '') stepSessions[u] = s.session[j] as string;
        j++;
      }
    }
    return idx;
  });
  return {
    steps: times.length,
    index,
    stepSessions,
    stepEnds: sessionEnds(stepSessions, daily),
    sessions: distinctSessions(stepSessions, daily),
  };
}

function sessionOrdinals(sessions: readonly string[], daily: boolean): Int32Array {
  const ordinals = new Int32Array(sessions.length);
  if (daily) {
    for (let i = 0; i < sessions.length; i++) ordinals[i] = i;
    return ordinals;
  }
  for (let i = 1; i < sessions.length; i++)
    ordinals[i] = (ordinals[i - 1] as number) + (sessions[i] !== sessions[i - 1] ? 1 : 0);
  return ordinals;
}

function sessionEnds(sessions: readonly string[], daily: boolean): Uint8Array {
  const ends = new Uint8Array(sessions.length);
  if (daily) return ends.fill(1);
  for (let i = 0; i < sessions.length; i++)
    ends[i] = i === sessions.length - 1 || sessions[i] !== sessions[i + 1] ? 1 : 0;
  return ends;
}

function distinctSessions(stepSessions: readonly string[], daily: boolean): string[] {
  if (daily) return stepSessions as string[];
  const out: string[] = [];
  for (const s of stepSessions) if (out[out.length - 1] !== s) out.push(s);
  return out;
}

/**
 * A position's state at each session's end, written straight into the plain arrays the result carries
 * (no typed columns to copy afterwards); a detailed run of one position writes the same columns.
 */
export type DailyColumns = Omit<DetailedColumns, 'dailyEquity' | 'dailyBuyHold'>;

/**
 * What the result reads of a position's replay, whichever strategy drove it: volatility balancing's
 * `SimulatedPosition` or a signal strategy's position (shared/simulation/strategy, ADR 0100).
 */
export interface PositionReplay {
  readonly state: Readonly<PositionLedger>;
  readonly totals: ReplayTotals;
  readonly lastClose: number;
  readonly barsStepped: number;
  equityCents(): number;
  unpaidDividends(): UnpaidDividend[];
  timelineRecorder(): TimelineRecorder | null;
}

/** A position replay the portfolio rules can gate (SPEC 9): volatility balancing's and a signal strategy's. */
export interface GatedReplay extends PositionReplay {
  gate: SimGate;
}

export interface ReplayRun {
  replays: readonly PositionReplay[];
  buyHolds: BuyAndHoldReplay[] | null;
  log: RunLog;
  dailyEquity: Float64Array;
  dailyBuyHold: number[] | null;
  /** Per position, per session (detailed runs only). */
  daily: DailyColumns[] | null;
}

/** Each position's buy-and-hold benchmark beside it (a detailed run's, and the compare's). */
export function buyHoldReplays(prepared: Prepared): BuyAndHoldReplay[] {
  const { spec, positions } = prepared;
  return positions.map(
    (p) =>
      new BuyAndHoldReplay(
        p.spec,
        p.bars,
        p.dividends,
        (p.spec.config ?? spec.config).execution.dividendWithholdingPct,
        spec.commission,
        spec.execution,
      ),
  );
}

/** A detailed run's per-position columns, one entry per session. */
export function dailyColumns(prepared: Prepared): DailyColumns[] {
  const { positions } = prepared;
  const nSessions = prepared.sessions.length;
  return positions.map((): DailyColumns => ({
    // Null before the position's first bar, which only a portfolio of several can have: a single
    // position's closes stay an array of doubles, not one boxed number each.
    close:
      positions.length === 1 ? new Array<number>(nSessions) : new Array<number | null>(nSessions).fill(null),
    qty: new Array<number>(nSessions),
    cash: new Array<number>(nSessions),
    receivable: new Array<number>(nSessions),
    equity: new Array<number>(nSessions),
    buyHold: new Array<number>(nSessions),
  }));
}

/**
 * Session `day` ends (whatever the strategy): the positions' equity summed into `dailyEquity`, and in a
 * detailed run each position's columns and the buy-and-hold beside it. Returns the day's equity.
 */
export function recordDay(
  replays: readonly PositionReplay[],
  buyHolds: readonly BuyAndHoldReplay[] | null,
  daily: readonly DailyColumns[] | null,
  day: number,
  dailyEquity: Float64Array,
  dailyBuyHold: number[] | null,
): number {
  let total = 0;
  let totalBuyHold = 0;
  for (let k = 0; k < replays.length; k++) {
    const r = replays[k] as PositionReplay;
    const equity = r.equityCents();
    total += equity;
    if (daily !== null && buyHolds !== null) {
      const d = daily[k] as DailyColumns;
      const b = (buyHolds[k] as BuyAndHoldReplay).equityCents();
      totalBuyHold += b;
      if (r.barsStepped > 0) d.close[day] = r.lastClose;
      d.qty[day] = r.state.qty;
      d.cash[day] = r.state.cashCents;
      d.receivable[day] = r.state.receivableCents;
      d.equity[day] = equity;
      d.buyHold[day] = b;
    }
  }
  dailyEquity[day] = total;
  if (dailyBuyHold !== null) dailyBuyHold[day] = totalBuyHold;
  return total;
}

/** Progress (and the cancel check) about every 1 % of the steps, never more often than every 256. */
export function progressEvery(steps: number): number {
  return Math.max(256, Math.ceil(steps / 100));
}

function replay(prepared: Prepared, detailed: boolean, options: RunOptions): Result<ReplayRun> {
  const { spec, positions, steps, index, stepEnds } = prepared;
  const log = new RunLog(detailed);
  const prefilter = options.prefilter ?? true;
  const replays = positions.map(
    (p) =>
      new SimulatedPosition(
        p.spec,
        p.bars,
        p.dividends,
        spec.config,
        spec.commission,
        spec.execution,
        log,
        prefilter,
        p.sessionOrdinal,
        spec.dayTradeLimit ?? null,
      ),
  );
  const buyHolds = detailed ? buyHoldReplays(prepared) : null;
  const nSessions = prepared.sessions.length;
  // Every session's entry is written below, so a reused array needs no clearing.
  const into = options.dailyEquityInto;
  const dailyEquity = into !== undefined && into.length === nSessions ? into : new Float64Array(nSessions);
  const daily = detailed ? dailyColumns(prepared) : null;
  // One position: the portfolio's buy-and-hold per session is its position's, the same values written
  // in the same slots, so both are one array (the result carries it twice).
  const dailyBuyHold =
    daily === null
      ? null
      : daily.length === 1
        ? (daily[0] as DailyColumns).buyHold
        : new Array<number>(nSessions);

  const count = replays.length;
  const every = progressEvery(steps);
  // SPEC 9's portfolio rules (docs/adr/0131): null unless the run sets a daily loss stop or a breaker,
  // and then every run takes the loop of many positions, which judges the portfolio at each step.
  const portfolioRisk = SimulatedPortfolioRisk.of(spec.config);
  const single =
    count === 1 && index === null && buyHolds === null && portfolioRisk === null
      ? (replays[0] as SimulatedPosition)
      : null;
  if (single !== null) {
    // One position, not detailed (a sweep's or walk-forward's run): its own loop, which keeps what a HOLD
    // bar reads in locals; the per-position loops below cost as much as the bar's rules.
    if (!single.replayAlone(stepEnds, dailyEquity, every, options))
      return fail('CANCELLED', 'the simulation was cancelled');
  } else if (
    count === 1 &&
    index === null &&
    buyHolds !== null &&
    daily !== null &&
    dailyBuyHold !== null &&
    portfolioRisk === null
  ) {
    // One position, detailed (`vb simulate KO`): the single loop with HOLD bars recorded in one store.
    const d = daily[0] as DailyColumns;
    const out = { ...d, dailyEquity, dailyBuyHold };
    if (
      !(replays[0] as SimulatedPosition).replayDetailed(
        stepEnds,
        buyHolds[0] as BuyAndHoldReplay,
        out,
        every,
        options,
      )
    )
      return fail('CANCELLED', 'the simulation was cancelled');
  } else {
    let day = 0;
    // A countdown, not u % every: an integer division per step costs as much as a HOLD bar's rules.
    let untilProgress = every;
    for (let u = 0; u < steps; u++) {
      if (untilProgress-- === 0) {
        untilProgress = every - 1;
        if (options.signal?.aborted) return fail('CANCELLED', 'the simulation was cancelled');
        options.onProgress?.(u, steps);
      }
      if (portfolioRisk !== null) judgePortfolio(portfolioRisk, prepared, replays, u, log);
      for (let k = 0; k < count; k++) {
        const i = index === null ? u : ((index[k] as Int32Array)[u] as number);
        if (i < 0) continue;
        (replays[k] as SimulatedPosition).step(i);
        if (buyHolds !== null) (buyHolds[k] as BuyAndHoldReplay).step(i);
      }
      if (stepEnds[u] === 0) continue;
      // Last step of a session: record the day.
      const total = recordDay(replays, buyHolds, daily, day, dailyEquity, dailyBuyHold);
      portfolioRisk?.onSessionClose(total);
      day++;
    }
  }
  for (const r of replays) r.finish();
  options.onProgress?.(steps, steps);
  return { ok: true, value: { replays, buyHolds, log, dailyEquity, dailyBuyHold, daily } };
}

/**
 * SPEC 9 at step `u`, before the positions' rules: the portfolio's equity at the step's closes (each
 * position's ledger before the step, at its bar's close, or its last close without a bar now) through the
 * daily loss stop and the circuit breaker; the gate goes to every position, a rule that fires to the log.
 */
export function judgePortfolio(
  risk: SimulatedPortfolioRisk,
  prepared: Prepared,
  replays: readonly GatedReplay[],
  u: number,
  log: RunLog,
): void {
  const { positions, index, stepSessions } = prepared;
  let equity = 0;
  for (let k = 0; k < replays.length; k++) {
    const r = replays[k] as GatedReplay;
    const i = index === null ? u : ((index[k] as Int32Array)[u] as number);
    const price = i >= 0 ? ((positions[k] as PreparedPosition).bars.close[i] as number) : r.lastClose;
    const l = r.state;
    equity += l.cashCents + l.receivableCents + productCents(l.qty, price);
  }
  const session = stepSessions[u] as string;
  const { gate, fired } = risk.onStep(session, equity);
  for (const r of replays) r.gate = gate;
  if (fired !== null && log.detailed) {
    // Labelled with the bar of the first position that has one at this step.
    let k = 0;
    while (index !== null && ((index[k] as Int32Array)[u] as number) < 0) k++;
    const i = index === null ? u : ((index[k] as Int32Array)[u] as number);
    log.addEvent({
      seq: 0,
      at: barLabel((positions[k] as PreparedPosition).bars, i),
      symbol: '',
      type: 'TradingHalted',
      tradeSeq: null,
      qty: null,
      price: null,
      amountCents: equity,
      anchorBefore: null,
      anchorAfter: null,
      detail: fired.reason,
    });
  }
}

export function startEquity(prepared: Prepared): number {
  return prepared.positions.reduce(
    (sum, p) =>
      sum +
      p.spec.initialCashCents +
      p.spec.unpaidDividends.reduce((s, d) => s + d.netCents, 0) +
      productCents(p.spec.initialQty, p.bars.close[0] as number),
    0,
  );
}

/** Totals of a replay that has done nothing yet. */
export function noTotals(): ReplayTotals {
  return {
    trades: 0,
    rejected: 0,
    cancelled: 0,
    buys: 0,
    sells: 0,
    notionalCents: 0,
    commissionsCents: 0,
    dividendsGrossCents: 0,
    dividendsNetCents: 0,
  };
}

/** A run's totals: its one position's (a copy), or its positions' summed. */
export function totalsOf(replays: readonly PositionReplay[]): ReplayTotals {
  return replays.length === 1
    ? { ...(replays[0] as PositionReplay).totals }
    : sumTotals(replays.map((r) => r.totals));
}

export function sumTotals(all: readonly ReplayTotals[]): ReplayTotals {
  const sum = noTotals();
  for (const t of all) for (const key of Object.keys(sum) as (keyof ReplayTotals)[]) sum[key] += t[key];
  return sum;
}

function mean(values: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s / values.length;
}

/**
 * SPEC 5's metrics of a daily equity series. Turnover is the traded notional over the average equity
 * (how many times the capital turned over during the run).
 */
export function metricsOf(
  equity: readonly number[],
  totals: ReplayTotals,
  riskFree: number,
): PerformanceMetrics {
  return computeMetrics(metricsInput(equity, totals, riskFree));
}

function metricsInput(equity: readonly number[], totals: ReplayTotals, riskFree: number): MetricsInput {
  return {
    equity,
    riskFreePerPeriod: riskFree,
    turnover: totals.notionalCents / mean(equity),
    tradeCount: totals.trades,
    commissionsCents: totals.commissionsCents,
    dividendsCents: totals.dividendsNetCents,
  };
}

/** Element-wise sum of the positions' daily columns, added in position order as the old reduce did. */
function sumColumns(columns: readonly (readonly number[])[]): number[] {
  const sums = (columns[0] as readonly number[]).slice();
  for (let k = 1; k < columns.length; k++) {
    const c = columns[k] as readonly number[];
    for (let d = 0; d < sums.length; d++) sums[d] = (sums[d] as number) + (c[d] as number);
  }
  return sums;
}

/** The totals of the buy-and-hold benchmark's positions (what its metrics count). */
export function buyHoldTotalsOf(buyHolds: readonly BuyAndHoldReplay[]): ReplayTotals {
  return {
    ...noTotals(),
    trades: buyHolds.filter((b) => b.boughtAt !== null).length,
    buys: buyHolds.filter((b) => b.boughtAt !== null).length,
    notionalCents: buyHolds.reduce((s, b) => s + b.notionalCents, 0),
    commissionsCents: buyHolds.reduce((s, b) => s + b.commissionsCents, 0),
    dividendsNetCents: buyHolds.reduce((s, b) => s + b.dividendsNetCents, 0),
  };
}

export function assembleResult(prepared: Prepared, run: ReplayRun): SimulationResult {
  const { spec, positions, sessions } = prepared;
  const replays = run.replays;
  const buyHolds = run.buyHolds as BuyAndHoldReplay[];
  const daily = run.daily as DailyColumns[];
  // One position: the portfolio's columns are that position's, already plain arrays holding the same
  // values (its equity, cash and receivable per session), so the result shares them instead of copying.
  const only = daily.length === 1 ? (daily[0] as DailyColumns) : null;
  const equityCents = only !== null ? only.equity : plainArray(run.dailyEquity);
  const buyHoldEquityCents = run.dailyBuyHold as number[];
  const cashCents = only !== null ? only.cash : sumColumns(daily.map((c) => c.cash));
  const receivableCents = only !== null ? only.receivable : sumColumns(daily.map((c) => c.receivable));
  const stockValueCents = new Array<number>(equityCents.length);
  for (let d = 0; d < equityCents.length; d++)
    stockValueCents[d] =
      (equityCents[d] as number) - (cashCents[d] as number) - (receivableCents[d] as number);
  const totals = sumTotals(replays.map((r) => r.totals));
  // One daily position: its bars' times are its sessions' dates at 00:00 UTC (HistoricalBars), and the
  // calendar reads those numbers instead of parsing every session's date string (docs/adr/0163).
  const onlyBars = positions.length === 1 ? (positions[0] as PreparedPosition).bars : null;
  const calendar =
    onlyBars !== null && !isIntraday(spec.interval) && onlyBars.time.length === sessions.length
      ? periodCalendarOfDays(onlyBars.time, sessions)
      : periodCalendar(sessions);
  const buyHoldTotals = buyHoldTotalsOf(buyHolds);
  // Each curve's metrics and drawdowns in one call: the equity checked once, its drawdowns walked once.
  const strategy = metricsWithDrawdowns(metricsInput(equityCents, totals, spec.riskFreePerPeriod));
  const buyAndHold = metricsWithDrawdowns(
    metricsInput(buyHoldEquityCents, buyHoldTotals, spec.riskFreePerPeriod),
  );

  const positionOutcomes: PositionOutcome[] = positions.map((p, k) => {
    const r = replays[k] as PositionReplay;
    const b = buyHolds[k] as BuyAndHoldReplay;
    const d = daily[k] as DailyColumns;
    const state = r.state;
    return {
      symbol: p.spec.symbol,
      source: p.bars.source,
      firstSession: p.bars.session[0] as string,
      lastSession: p.bars.session[p.bars.session.length - 1] as string,
      daily: {
        close: d.close,
        qty: d.qty,
        cashCents: d.cash,
        receivableCents: d.receivable,
        equityCents: d.equity,
        buyHoldEquityCents: d.buyHold,
      },
      final: {
        qty: state.qty,
        cashCents: state.cashCents,
        receivableCents: state.receivableCents,
        anchor: state.anchor,
        equityCents: r.equityCents(),
      },
      next: {
        ...p.spec,
        initialCashCents: state.cashCents,
        initialQty: state.qty,
        initialAnchor: state.anchor,
        unpaidDividends: r.unpaidDividends(),
      },
      totals: { ...r.totals },
      buyAndHold: {
        qty: b.qty,
        cashCents: b.cashCents,
        commissionsCents: b.commissionsCents,
        dividendsNetCents: b.dividendsNetCents,
        boughtAt: b.boughtAt,
        price: b.price,
      },
    };
  });

  return {
    version: 1,
    inputs: {
      symbols: positions.map((p) => p.spec.symbol),
      from: spec.from,
      to: spec.to,
      interval: spec.interval,
      firstSession: sessions[0] as string,
      lastSession: sessions[sessions.length - 1] as string,
      bars: positions.reduce((n, p) => n + p.bars.close.length, 0),
      sessions: sessions.length,
      config: spec.config,
      commission: spec.commission,
      execution: spec.execution,
      positions: spec.positions,
      sources: Object.fromEntries(positions.map((p) => [p.spec.symbol, p.bars.source])),
      riskFreePerPeriod: spec.riskFreePerPeriod,
    },
    trades: run.log.trades,
    events: run.log.events,
    timeline: replays.map((r) => (r.timelineRecorder() as TimelineRecorder).toTimeline()),
    equity: {
      dates: sessions,
      equityCents,
      cashCents,
      receivableCents,
      stockValueCents,
      buyHoldEquityCents,
      drawdown: strategy.drawdowns,
      buyHoldDrawdown: buyAndHold.drawdowns,
    },
    positions: positionOutcomes,
    metrics: {
      strategy: strategy.metrics,
      buyAndHold: buyAndHold.metrics,
    },
    monthlyReturns: {
      strategy: monthlyReturnTable(calendar, equityCents),
      buyAndHold: monthlyReturnTable(calendar, buyHoldEquityCents),
    },
  };
}
