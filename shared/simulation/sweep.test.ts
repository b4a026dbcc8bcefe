import { describe, expect, it } from 'vitest';
import { applyParams, expandGrid, runSweep, sweepHeatmap } from './sweep';
import type { SweepGrid } from './sweep';
import { runSimulationSummary } from './runSimulation';
import { bars, simSpec } from './testing/bars';
import type { SymbolHistory } from './SimulationSpec';

/** A zig-zag price path long enough to trade under several thresholds. */
function zigzag(): SymbolHistory {
  const rows: [string, number][] = [];
  const day = Date.parse('2023-01-02T00:00:00Z');
  let price = 100;
  for (let i = 0; rows.length < 300; i++) {
    const date = new Date(day + i * 86_400_000);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    price = Math.round(price * (1 + 0.04 * Math.sin(rows.length / 3) + 0.001) * 100) / 100;
    rows.push([date.toISOString().slice(0, 10), price]);
  }
  return { bars: bars('ZZ', rows), dividends: [] };
}

const GRID: SweepGrid = {
  upThresholds: [0.02, 0.05],
  downThresholds: null,
  rebalanceRatios: [1, 2],
  bands: [
    [0.25, 0.75],
    [0.1, 0.9],
  ],
};

describe('expandGrid', () => {
  it('expands in a fixed order, the band varying fastest', () => {
    const r = expandGrid({
      upThresholds: [0.02, 0.03],
      downThresholds: [0.01, 0.04],
      rebalanceRatios: [1],
      bands: [
        [0.2, 0.8],
        [0.3, 0.7],
      ],
    });
    expect(r.ok && r.params.map((p) => [p.up, p.down, p.minStockPct])).toEqual([
      [0.02, 0.01, 0.2],
      [0.02, 0.01, 0.3],
      [0.02, 0.04, 0.2],
      [0.02, 0.04, 0.3],
      [0.03, 0.01, 0.2],
      [0.03, 0.01, 0.3],
      [0.03, 0.04, 0.2],
      [0.03, 0.04, 0.3],
    ]);
  });

  it.each([
    { name: 'an empty axis', grid: { ...GRID, rebalanceRatios: [] }, message: 'rebalanceRatios' },
    {
      name: 'a band with min above max',
      grid: { ...GRID, bands: [[0.8, 0.2]] as [number, number][] },
      message: 'band min must not exceed max',
    },
    { name: 'a negative threshold', grid: { ...GRID, upThresholds: [-0.01] }, message: 'upThresholds' },
    {
      name: 'two million combinations',
      grid: {
        upThresholds: Array.from({ length: 200 }, (_, i) => 0.001 * (i + 1)),
        downThresholds: Array.from({ length: 100 }, (_, i) => 0.001 * (i + 1)),
        rebalanceRatios: Array.from({ length: 100 }, (_, i) => i + 1),
        bands: [[0.2, 0.8]] as [number, number][],
      },
      message: 'more than the 1000000',
    },
  ])('refuses $name', ({ grid, message }) => {
    const r = expandGrid(grid);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('runSweep', () => {
  const history = [zigzag()];
  const spec = simSpec(['ZZ']);

  it('gives each combination the result of a plain run with those parameters', () => {
    const sweep = runSweep(spec, history, GRID);
    if (!sweep.ok) throw new Error(sweep.message);
    expect(sweep.result.rows).toHaveLength(8);
    for (const row of sweep.result.rows) {
      const single = runSimulationSummary({ ...spec, config: applyParams(spec.config, row.params) }, history);
      expect(single.ok && single.summary.metrics).toEqual(row.metrics);
    }
    const sharpes = sweep.result.rows.map((r) => r.metrics?.sharpe ?? -Infinity);
    expect(sweep.result.best?.metrics?.sharpe).toBe(Math.max(...sharpes));
    expect(sweep.result.buyAndHold?.tradeCount).toBe(1);
    expect(new Set(sweep.result.rows.map((r) => r.metrics?.tradeCount)).size).toBeGreaterThan(1);
  });

  it('reports progress up to the total and stops when cancelled', () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const sweep = runSweep(spec, history, GRID, {
      onProgress: (done) => {
        seen.push(done);
        if (done >= 3) signal.aborted = true;
      },
      signal,
    });
    expect(sweep.ok && sweep.result.cancelled).toBe(true);
    expect(sweep.ok && sweep.result.rows.length).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('tables the results for a heatmap of two parameters', () => {
    const sweep = runSweep(spec, history, GRID);
    if (!sweep.ok) throw new Error(sweep.message);
    const map = sweepHeatmap(sweep.result, 'up', 'ratio');
    expect(map.xValues).toEqual(['0.02', '0.05']);
    expect(map.yValues).toEqual(['1', '2']);
    const best = (up: number, ratio: number): number =>
      Math.max(
        ...sweep.result.rows
          .filter((r) => r.params.up === up && r.params.ratio === ratio)
          .map((r) => r.metrics?.sharpe ?? -Infinity),
      );
    expect(map.cells).toEqual([
      [best(0.02, 1), best(0.05, 1)],
      [best(0.02, 2), best(0.05, 2)],
    ]);
  });

  it('fails clearly on a bad grid or a range without data', () => {
    expect(runSweep(spec, history, { ...GRID, bands: [] })).toMatchObject({
      ok: false,
      code: 'INVALID_GRID',
    });
    expect(runSweep({ ...spec, from: '2030-01-01' }, history, GRID)).toMatchObject({
      ok: false,
      code: 'NO_DATA',
    });
  });
});
