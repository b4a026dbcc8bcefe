import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationSpec, SweepGrid, SymbolHistory } from '../../shared/simulation';
import { loadHistory, runSweep } from '../../shared/simulation';
import { simSpec } from '../../shared/simulation/testing/bars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { runSweepInWorkers, SweepPool } from './SweepPool';

/** The worker pool on real data: the same rows as the in-process sweep, progress, cancel, a free event loop. */
let history: SymbolHistory[];
const spec: SimulationSpec = simSpec(['KO'], { from: '2010-01-01', to: '2020-12-31', cash: 10_000_000 });
const grid: SweepGrid = {
  upThresholds: [0.02, 0.03, 0.05, 0.08],
  downThresholds: null,
  rebalanceRatios: [1, 1.6667, 2.5],
  bands: [
    [0.25, 0.75],
    [0.1, 0.9],
  ],
};

beforeAll(async () => {
  const source = new BundledBarSource();
  const loaded = await loadHistory(source, source, ['KO'], spec.from, spec.to, '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  history = loaded.history;
});

describe('runSweepInWorkers', () => {
  it('gives the same result as the in-process sweep, with progress', async () => {
    const progress: number[] = [];
    const pooled = await runSweepInWorkers(spec, history, grid, {
      workers: 2,
      chunkSize: 2,
      onProgress: (done) => progress.push(done),
    });
    const local = runSweep(spec, history, grid);
    expect(pooled.ok && local.ok).toBe(true);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(local));
    expect(progress[progress.length - 1]).toBe(24);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('never blocks the caller’s event loop: a timer keeps firing through the whole sweep', async () => {
    // One worker, so the check measures the calling thread's own work, not two busy threads on a small machine.
    const began = performance.now();
    let last = began;
    let longestGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    const pool = new SweepPool(1);
    try {
      for (let round = 0; round < 2; round++)
        expect((await pool.run(spec, history, grid, { chunkSize: 1 })).ok).toBe(true);
    } finally {
      clearInterval(timer);
      await pool.close();
    }
    const measuredMs = performance.now() - began;
    // A replay on the calling thread would stall the timer for a whole run; the bound is relative to the
    // sweep so a loaded CI machine cannot fail it by scheduling alone.
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(Math.max(200, measuredMs / 3));
  });

  it('stops every worker when cancelled and returns the rows finished so far', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const outcome = await runSweepInWorkers(
      spec,
      history,
      { ...grid, rebalanceRatios: [1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8] },
      {
        workers: 2,
        chunkSize: 1,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 4) controller.abort();
        },
      },
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.cancelled).toBe(true);
    expect(outcome.result.rows.length).toBeGreaterThanOrEqual(4);
    expect(outcome.result.rows.length).toBeLessThan(80);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('refuses a bad grid or spec before starting any thread', async () => {
    expect(await runSweepInWorkers(spec, history, { ...grid, upThresholds: [] })).toMatchObject({
      ok: false,
      code: 'INVALID_GRID',
    });
    expect(
      await runSweepInWorkers({ ...spec, from: '2030-01-01', to: '2030-12-31' }, history, grid),
    ).toMatchObject({ ok: false, code: 'NO_DATA' });
  });
});
