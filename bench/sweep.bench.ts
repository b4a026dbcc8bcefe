/**
 * A parameter sweep of n combinations over 20 years of daily bars (KO, 2006-01-01…2025-12-31, with
 * dividends) on the worker pool, every thread of the machine. Prints wall time, combinations and bars
 * per second, and the peak resident memory of the process (workers included: they are threads).
 *
 *   npx tsx bench/sweep.bench.ts            # n = 500
 *   npx tsx bench/sweep.bench.ts --n 10000  # the full 10,000
 */
import { availableParallelism } from 'node:os';
import { BundledBarSource } from '../main/adapters/data/BundledBarSource';
import { runSweepInWorkers } from '../main/workers/SweepPool';
import type { SweepGrid } from '../shared/simulation';
import { expandGrid, loadHistory } from '../shared/simulation';
import { simSpec } from '../shared/simulation/testing/bars';

export interface SweepBenchResult {
  combinations: number;
  barsPerRun: number;
  workers: number;
  wallMs: number;
  runsPerSec: number;
  barsPerSec: number;
  peakRssMb: number;
  best: string;
}

const RATIOS = [1, 1.3333, 1.6667, 2, 2.5];
const BANDS: [number, number][] = [
  [0.25, 0.75],
  [0.2, 0.8],
  [0.1, 0.9],
  [0.3, 0.7],
];

/** A grid of n combinations (n rounded up to a multiple of 20): up × down thresholds (1 %…20 %) × 5 ratios × 4 bands. */
export function benchGrid(n: number): SweepGrid {
  const pairs = Math.max(1, Math.ceil(n / (RATIOS.length * BANDS.length)));
  // The most square ups × downs with exactly `pairs` pairs (10,000 sets: 20 × 25 × 5 × 4).
  let downs = Math.floor(Math.sqrt(pairs));
  while (pairs % downs !== 0) downs--;
  const ups = pairs / downs;
  const spread = (count: number): number[] =>
    Array.from({ length: count }, (_, i) =>
      Number((0.01 + (count === 1 ? 0 : (0.19 * i) / (count - 1))).toFixed(4)),
    );
  return { upThresholds: spread(ups), downThresholds: spread(downs), rebalanceRatios: RATIOS, bands: BANDS };
}

export async function runSweepBench(n: number): Promise<SweepBenchResult> {
  const spec = simSpec(['KO'], { from: '2006-01-01', to: '2025-12-31', cash: 10_000_000 });
  const source = new BundledBarSource();
  const loaded = await loadHistory(source, source, ['KO'], spec.from, spec.to, '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  const grid = benchGrid(n);
  const expanded = expandGrid(grid);
  if (!expanded.ok) throw new Error(expanded.message);
  const combinations = expanded.params.length;
  const barsPerRun = loaded.history[0]?.bars.close.length ?? 0;
  const workers = availableParallelism();
  const started = performance.now();
  const outcome = await runSweepInWorkers(spec, loaded.history, grid, { workers });
  const wallMs = performance.now() - started;
  if (!outcome.ok) throw new Error(outcome.message);
  const best = outcome.result.best;
  return {
    combinations,
    barsPerRun,
    workers,
    wallMs,
    runsPerSec: combinations / (wallMs / 1000),
    barsPerSec: (combinations * barsPerRun) / (wallMs / 1000),
    // maxRSS is the process's peak resident set in kilobytes; worker threads share the process.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    best:
      best === null
        ? 'none'
        : `up ${best.params.up}, down ${best.params.down}, ratio ${best.params.ratio}, band ${best.params.minStockPct}-${best.params.maxStockPct}: Sharpe ${best.metrics?.sharpe?.toFixed(3)}`,
  };
}

export function formatSweepBench(r: SweepBenchResult): string {
  return (
    `simulation.sweep: ${r.combinations.toLocaleString('en-US')} parameter sets × ${r.barsPerRun} daily bars on ${r.workers} threads: ` +
    `wall ${(r.wallMs / 1000).toFixed(1)} s (${r.runsPerSec.toFixed(0)} runs/s, ${Math.round(r.barsPerSec).toLocaleString('en-US')} bars/s), ` +
    `peak memory ${r.peakRssMb.toFixed(0)} MB; best ${r.best}`
  );
}

if (require.main === module) {
  const at = process.argv.indexOf('--n');
  const n = at >= 0 ? Number(process.argv[at + 1]) : 500;
  if (!Number.isInteger(n) || n < 1) throw new Error('--n takes a whole number of parameter sets');
  void runSweepBench(n).then((r) => console.log(formatSweepBench(r)));
}
