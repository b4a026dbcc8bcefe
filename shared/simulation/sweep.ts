import { z } from 'zod';
import type { StrategyConfig } from '../domain/Config';
import { StrategyConfigSchema } from '../domain/Config';
import type { PerformanceMetrics } from '../domain/metrics';
import type { ReplayTotals } from './SimulatedPosition';
import type { Prepared, RunOptions } from './runSimulation';
import { prepareSimulation, runSimulation, summarizePrepared } from './runSimulation';
import type { SimulationSpec, SymbolHistory } from './SimulationSpec';
import type { RankMetric, SweepAxis } from './names';
import { RANK_METRICS, SWEEP_AXES } from './names';

/**
 * Parameter sweep (SPEC 5): thresholds × rebalance ratio × allocation band, each combination replayed
 * over the same bars with the rest of the spec unchanged. The grid expands in a fixed order (up, down,
 * ratio, band; the last varies fastest), so row `index` names the same combination on every run and
 * in every worker.
 */
export interface SweepGrid {
  upThresholds: number[];
  /** null: each down threshold equals its up threshold (a symmetric band around the anchor). */
  downThresholds: number[] | null;
  rebalanceRatios: number[];
  /** [minStockPct, maxStockPct] pairs. */
  bands: [number, number][];
}

export interface SweepParams {
  up: number;
  down: number;
  ratio: number;
  minStockPct: number;
  maxStockPct: number;
}

export interface SweepRow {
  index: number;
  params: SweepParams;
  metrics: PerformanceMetrics | null;
  finalEquityCents: number | null;
  totals: ReplayTotals | null;
  /** Why this combination produced no result (it never stops the others). */
  error: string | null;
}

export { RANK_METRICS, SWEEP_AXES };
export type { RankMetric, SweepAxis };

/** Above this many combinations a sweep is refused: a typo in a range should not start a week-long run. */
export const MAX_SWEEP_COMBINATIONS = 1_000_000;

const positiveFraction = z.number().finite().gt(0).lt(1);
const SweepGridSchema = z
  .object({
    upThresholds: z.array(z.number().finite().gt(0).lt(10)).min(1),
    downThresholds: z.array(positiveFraction).min(1).nullable(),
    rebalanceRatios: z.array(z.number().finite().gt(0).max(100)).min(1),
    bands: z
      .array(
        z
          .tuple([z.number().finite().min(0).max(1), z.number().finite().min(0).max(1)])
          .refine(([lo, hi]) => lo <= hi, 'band min must not exceed max'),
      )
      .min(1),
  })
  .strict()
  .refine((g) => g.downThresholds !== null || g.upThresholds.every((u) => u < 1), {
    message: 'a symmetric sweep needs up thresholds below 1 (they are also the down thresholds)',
    path: ['upThresholds'],
  });

export type GridCheck =
  { ok: true; params: SweepParams[] } | { ok: false; code: 'INVALID_GRID'; message: string };

/** Validates a grid and expands it into its combinations. */
export function expandGrid(grid: SweepGrid): GridCheck {
  const parsed = SweepGridSchema.safeParse(grid);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'INVALID_GRID',
      message: parsed.error.issues.map((i) => `${i.path.join('.') || 'grid'}: ${i.message}`).join('; '),
    };
  }
  const g = parsed.data;
  const downs = g.downThresholds?.length ?? 1;
  const count = g.upThresholds.length * downs * g.rebalanceRatios.length * g.bands.length;
  if (count > MAX_SWEEP_COMBINATIONS) {
    return {
      ok: false,
      code: 'INVALID_GRID',
      message: `${count} combinations is more than the ${MAX_SWEEP_COMBINATIONS} a sweep may run`,
    };
  }
  const params: SweepParams[] = [];
  for (const up of g.upThresholds) {
    for (const down of g.downThresholds ?? [up]) {
      for (const ratio of g.rebalanceRatios) {
        for (const [minStockPct, maxStockPct] of g.bands)
          params.push({ up, down, ratio, minStockPct, maxStockPct });
      }
    }
  }
  return { ok: true, params };
}

/** `config` with one combination's thresholds, ratio and band. */
export function applyParams(config: StrategyConfig, p: SweepParams): StrategyConfig {
  return {
    ...config,
    trigger: { ...config.trigger, upThreshold: p.up, downThreshold: p.down },
    sizing: { ...config.sizing, rebalanceRatio: p.ratio },
    guardrails: { ...config.guardrails, minStockPct: p.minStockPct, maxStockPct: p.maxStockPct },
  };
}

/** Replays `params` (rows `firstIndex`, `firstIndex + 1`, …) over one prepared run; the worker's loop. */
export function runSweepChunk(
  plan: Prepared,
  params: readonly SweepParams[],
  firstIndex: number,
  options: Pick<RunOptions, 'signal'> = {},
): SweepRow[] {
  const rows: SweepRow[] = [];
  for (let k = 0; k < params.length; k++) {
    if (options.signal?.aborted) break;
    const p = params[k] as SweepParams;
    const index = firstIndex + k;
    const config = applyParams(plan.spec.config, p);
    const valid = StrategyConfigSchema.safeParse(config);
    if (!valid.success) {
      rows.push({
        index,
        params: p,
        metrics: null,
        finalEquityCents: null,
        totals: null,
        error: valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
      continue;
    }
    const outcome = summarizePrepared(plan, config, { signal: options.signal });
    rows.push(
      outcome.ok
        ? {
            index,
            params: p,
            metrics: outcome.summary.metrics,
            finalEquityCents: outcome.summary.finalEquityCents,
            totals: outcome.summary.totals,
            error: null,
          }
        : { index, params: p, metrics: null, finalEquityCents: null, totals: null, error: outcome.message },
    );
  }
  return rows;
}

export interface SweepResult {
  metric: RankMetric;
  /** Every combination in grid order; a cancelled sweep holds the rows finished before the cancel. */
  rows: SweepRow[];
  total: number;
  cancelled: boolean;
  /** Row with the best value of `metric` (ties: the earlier row); null when none has a value. */
  best: SweepRow | null;
  /** The same period held (for comparison), from a plain run of the spec. */
  buyAndHold: PerformanceMetrics | null;
}

export type SweepOutcome =
  | { ok: true; result: SweepResult }
  | {
      ok: false;
      code:
        | 'INVALID_SPEC'
        | 'INVALID_GRID'
        | 'NO_DATA'
        | 'MISSING_HISTORY'
        | 'NO_VOLUME'
        | 'CANCELLED'
        | 'WORKER_FAILED';
      message: string;
    };

/** The value a row is ranked by; null when undefined (ranked last). */
export function rankValue(row: SweepRow, metric: RankMetric): number | null {
  return row.metrics?.[metric] ?? null;
}

export function bestRow(rows: readonly SweepRow[], metric: RankMetric): SweepRow | null {
  let best: SweepRow | null = null;
  for (const row of rows) {
    const v = rankValue(row, metric);
    if (v === null) continue;
    const b = best === null ? null : rankValue(best, metric);
    if (b === null || v > b || (v === b && row.index < (best as SweepRow).index)) best = row;
  }
  return best;
}

/**
 * The whole sweep in the calling thread, with progress and cancel between combinations. The desktop
 * app and the CLI use the worker pool (main/workers) instead, which runs the same `runSweepChunk`.
 */
export function runSweep(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  grid: SweepGrid,
  options: {
    metric?: RankMetric;
    onProgress?: (done: number, total: number) => void;
    signal?: { readonly aborted: boolean };
  } = {},
): SweepOutcome {
  const expanded = expandGrid(grid);
  if (!expanded.ok) return expanded;
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) return prepared;
  const params = expanded.params;
  const rows: SweepRow[] = [];
  const step = Math.max(1, Math.ceil(params.length / 100));
  for (let at = 0; at < params.length; at += step) {
    if (options.signal?.aborted) break;
    rows.push(...runSweepChunk(prepared.plan, params.slice(at, at + step), at, options));
    options.onProgress?.(rows.length, params.length);
  }
  const cancelled = options.signal?.aborted === true;
  const buyAndHold = cancelled ? null : buyAndHoldMetrics(spec, history);
  return {
    ok: true,
    result: finishSweep(rows, params.length, options.metric ?? 'sharpe', cancelled, buyAndHold),
  };
}

/** Buy-and-hold over the sweep's period: the same for every combination, so computed once. */
export function buyAndHoldMetrics(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
): PerformanceMetrics | null {
  const run = runSimulation(spec, history);
  return run.ok ? run.result.metrics.buyAndHold : null;
}

export function finishSweep(
  rows: SweepRow[],
  total: number,
  metric: RankMetric,
  cancelled: boolean,
  buyAndHold: PerformanceMetrics | null,
): SweepResult {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  return { metric, rows: sorted, total, cancelled, best: bestRow(sorted, metric), buyAndHold };
}

export interface SweepHeatmap {
  metric: RankMetric;
  x: SweepAxis;
  y: SweepAxis;
  xValues: string[];
  yValues: string[];
  /** cells[yi][xi]: the best value of `metric` among the rows with those two parameters (others vary). */
  cells: (number | null)[][];
}

function axisValue(p: SweepParams, axis: SweepAxis): string {
  return axis === 'band' ? `${p.minStockPct}-${p.maxStockPct}` : String(p[axis]);
}

/** A two-axis table of the sweep for a heatmap: other parameters are collapsed to their best value. */
export function sweepHeatmap(
  result: SweepResult,
  x: SweepAxis,
  y: SweepAxis,
  metric: RankMetric = result.metric,
): SweepHeatmap {
  const xValues: string[] = [];
  const yValues: string[] = [];
  for (const row of result.rows) {
    const xv = axisValue(row.params, x);
    const yv = axisValue(row.params, y);
    if (!xValues.includes(xv)) xValues.push(xv);
    if (!yValues.includes(yv)) yValues.push(yv);
  }
  const cells = yValues.map(() => xValues.map((): number | null => null));
  for (const row of result.rows) {
    const v = rankValue(row, metric);
    if (v === null) continue;
    const line = cells[yValues.indexOf(axisValue(row.params, y))] as (number | null)[];
    const xi = xValues.indexOf(axisValue(row.params, x));
    const current = line[xi] ?? null;
    if (current === null || v > current) line[xi] = v;
  }
  return { metric, x, y, xValues, yValues, cells };
}
