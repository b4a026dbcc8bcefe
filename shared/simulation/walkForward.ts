import { z } from 'zod';
import type { PerformanceMetrics } from '../domain/metrics';
import { computeMetrics, drawdownSeries } from '../domain/metrics';
import { prepareSimulation, runSimulation } from './runSimulation';
import type { SimulationResult } from './SimulationResult';
import type { PositionSpec, SimulationSpec, SymbolHistory } from './SimulationSpec';
import type { RankMetric, SweepGrid, SweepOutcome, SweepParams } from './sweep';
import { applyParams, expandGrid, RANK_METRICS, runSweep } from './sweep';
import { productCents } from '../domain/Money';

/**
 * Walk-forward validation (ADR 0012): rolling in-sample windows each choose the sweep's best parameters
 * by a metric; the following out-of-sample window is traded with them. The position is carried from
 * one out-of-sample window to the next (shares, cash, anchor, unpaid dividends), as an investor who
 * changes the settings without selling; the out-of-sample equity is therefore one continuous series.
 */
export interface WalkForwardPlan {
  /** Length of each in-sample window, in calendar months. */
  inSampleMonths: number;
  /** Length of each out-of-sample window (and the step the windows roll by), in calendar months. */
  outOfSampleMonths: number;
  metric: RankMetric;
  grid: SweepGrid;
}

export const WalkForwardPlanSchema = z
  .object({
    inSampleMonths: z.number().int().min(1).max(600),
    outOfSampleMonths: z.number().int().min(1).max(600),
    metric: z.enum(RANK_METRICS),
    grid: z.unknown(),
  })
  .strict();

export interface WalkForwardWindow {
  index: number;
  inSample: { from: string; to: string };
  outOfSample: { from: string; to: string };
  /** null when no combination had a value of the metric in sample (the window then keeps the spec's settings). */
  chosen: SweepParams | null;
  inSampleScore: number | null;
  outOfSampleMetrics: PerformanceMetrics;
  startEquityCents: number;
  endEquityCents: number;
  trades: number;
}

export interface WalkForwardResult {
  metric: RankMetric;
  plan: { inSampleMonths: number; outOfSampleMonths: number };
  windows: WalkForwardWindow[];
  /** The out-of-sample windows joined: one row per session. */
  stitched: { dates: string[]; equityCents: number[]; buyHoldEquityCents: number[]; drawdown: number[] };
  metrics: { outOfSample: PerformanceMetrics; buyAndHold: PerformanceMetrics };
  cancelled: boolean;
}

export type WalkForwardOutcome =
  | { ok: true; result: WalkForwardResult }
  | {
      ok: false;
      code:
        | 'INVALID_PLAN'
        | 'INVALID_GRID'
        | 'INVALID_SPEC'
        | 'NO_DATA'
        | 'MISSING_HISTORY'
        | 'NO_VOLUME'
        | 'CANCELLED'
        | 'WORKER_FAILED';
      message: string;
    };

/** Runs one sweep; the desktop app and the CLI pass the worker pool, tests the in-process sweep. */
export type SweepRunner = (
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  grid: SweepGrid,
  metric: RankMetric,
) => Promise<SweepOutcome>;

export const inProcessSweepRunner: SweepRunner = async (spec, history, grid, metric) =>
  runSweep(spec, history, grid, { metric });

/** ISO date plus whole calendar months (day clamped to the month's end: Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The windows over [first, last]: in-sample [s, s+IS), out-of-sample [s+IS, s+IS+OOS), s rolling by OOS. */
export function walkForwardWindows(
  first: string,
  last: string,
  inSampleMonths: number,
  outOfSampleMonths: number,
): { inSample: { from: string; to: string }; outOfSample: { from: string; to: string } }[] {
  const windows = [];
  for (let start = first; ; start = addMonths(start, outOfSampleMonths)) {
    const oosFrom = addMonths(start, inSampleMonths);
    if (oosFrom > last) break;
    const oosEnd = dayBefore(addMonths(oosFrom, outOfSampleMonths));
    windows.push({
      inSample: { from: start, to: dayBefore(oosFrom) },
      outOfSample: { from: oosFrom, to: oosEnd < last ? oosEnd : last },
    });
  }
  return windows;
}

export async function walkForward(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  plan: WalkForwardPlan,
  options: {
    runSweep?: SweepRunner;
    onProgress?: (done: number, total: number) => void;
    signal?: { readonly aborted: boolean };
  } = {},
): Promise<WalkForwardOutcome> {
  const parsedPlan = WalkForwardPlanSchema.safeParse(plan);
  if (!parsedPlan.success) {
    return {
      ok: false,
      code: 'INVALID_PLAN',
      message: parsedPlan.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  const expanded = expandGrid(plan.grid);
  if (!expanded.ok) return expanded;
  // The sessions the data has in the asked range decide where the windows fall.
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) return prepared;
  const sessions = prepared.plan.sessions;
  const firstSession = sessions[0] as string;
  const lastSession = sessions[sessions.length - 1] as string;
  const windows = walkForwardWindows(firstSession, lastSession, plan.inSampleMonths, plan.outOfSampleMonths);
  if (windows.length === 0) {
    return {
      ok: false,
      code: 'INVALID_PLAN',
      message: `${firstSession} to ${lastSession} is too short for a ${windowLength(plan.inSampleMonths)} in-sample window followed by a ${windowLength(plan.outOfSampleMonths)} out-of-sample one`,
    };
  }
  const runSweepFn = options.runSweep ?? inProcessSweepRunner;
  const total = windows.length * (expanded.params.length + 1);
  let done = 0;
  let positions: PositionSpec[] = spec.positions;
  const results: WalkForwardWindow[] = [];
  const stitched: SimulationResult[] = [];
  let previous: SimulationResult | null = null;
  let cancelled = false;

  for (const [index, w] of windows.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const sweep = await runSweepFn(
      { ...spec, from: w.inSample.from, to: w.inSample.to },
      history,
      plan.grid,
      plan.metric,
    );
    if (!sweep.ok) return sweep;
    if (sweep.result.cancelled) {
      cancelled = true;
      break;
    }
    done += expanded.params.length;
    options.onProgress?.(done, total);
    const best = sweep.result.best;
    const config = best === null ? spec.config : applyParams(spec.config, best.params);
    // From the day after the previous window's last session: a dividend whose ex-date falls after that
    // session (no bar left to apply it on) is then applied on this window's first bar, exactly once.
    const from = previous === null ? w.outOfSample.from : dayAfter(previous.inputs.lastSession);
    const oos = runSimulation({ ...spec, positions, config, from, to: w.outOfSample.to }, history);
    if (!oos.ok) return oos;
    const r = oos.result;
    stitched.push(r);
    previous = r;
    positions = r.positions.map((p) => p.next);
    results.push({
      index,
      inSample: w.inSample,
      outOfSample: { from: r.inputs.firstSession, to: r.inputs.lastSession },
      chosen: best?.params ?? null,
      inSampleScore: best?.metrics?.[plan.metric] ?? null,
      outOfSampleMetrics: r.metrics.strategy,
      startEquityCents: r.positions.reduce((s, p) => s + startEquityOf(r, p.symbol), 0),
      endEquityCents: r.equity.equityCents[r.equity.equityCents.length - 1] as number,
      trades: r.metrics.strategy.tradeCount ?? 0,
    });
    done += 1;
    options.onProgress?.(done, total);
  }
  if (stitched.length === 0)
    return {
      ok: false,
      code: 'CANCELLED',
      message: 'the walk-forward was cancelled before its first window',
    };

  const dates = stitched.flatMap((r) => r.equity.dates);
  const equityCents = stitched.flatMap((r) => r.equity.equityCents);
  // Buy-and-hold over the same out-of-sample span, from the spec's starting positions.
  const span = runSimulation(
    { ...spec, from: dates[0] as string, to: dates[dates.length - 1] as string },
    history,
  );
  if (!span.ok) return span;
  const buyHoldEquityCents = span.result.equity.buyHoldEquityCents;
  const sum = (f: (m: PerformanceMetrics) => number | null): number =>
    stitched.reduce((s, r) => s + (f(r.metrics.strategy) ?? 0), 0);
  const notional = stitched.reduce(
    (s, r) => s + r.positions.reduce((t, p) => t + p.totals.notionalCents, 0),
    0,
  );
  const outOfSample = computeMetrics({
    equity: equityCents,
    riskFreePerPeriod: spec.riskFreePerPeriod,
    turnover: notional / (equityCents.reduce((s, e) => s + e, 0) / equityCents.length),
    tradeCount: sum((m) => m.tradeCount),
    commissionsCents: sum((m) => m.commissionsCents),
    dividendsCents: sum((m) => m.dividendsCents),
  });
  return {
    ok: true,
    result: {
      metric: plan.metric,
      plan: { inSampleMonths: plan.inSampleMonths, outOfSampleMonths: plan.outOfSampleMonths },
      windows: results,
      stitched: { dates, equityCents, buyHoldEquityCents, drawdown: drawdownSeries(equityCents) },
      metrics: { outOfSample, buyAndHold: span.result.metrics.buyAndHold },
      cancelled,
    },
  };
}

/** A position's equity when its window began: its carried cash, receivable and shares at the first close. */
function startEquityOf(result: SimulationResult, symbol: string): number {
  const p = result.inputs.positions.find((x) => x.symbol === symbol) as PositionSpec;
  const outcome = result.positions.find((x) => x.symbol === symbol);
  const firstClose = outcome?.daily.close.find((c) => c !== null) ?? 0;
  const receivable = p.unpaidDividends.reduce((s, d) => s + d.netCents, 0);
  return p.initialCashCents + receivable + productCents(p.initialQty, firstClose);
}

/** A window's length as the investor gives it: whole years as years (36 → "3-year"), else months. */
function windowLength(months: number): string {
  return months % 12 === 0 ? `${months / 12}-year` : `${months}-month`;
}
