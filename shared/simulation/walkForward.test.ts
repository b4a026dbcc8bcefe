import { beforeAll, describe, expect, it } from 'vitest';
import { BundledBarSource } from '../../main/adapters/data/BundledBarSource';
import { loadHistory } from './loadHistory';
import { runSimulation } from './runSimulation';
import type { SymbolHistory } from './SimulationSpec';
import type { SweepGrid } from './sweep';
import { applyParams, runSweep } from './sweep';
import { simSpec } from './testing/bars';
import { addMonths, walkForward, walkForwardWindows } from './walkForward';

let history: SymbolHistory[];
const spec = simSpec(['KO'], { from: '2006-01-01', to: '2014-12-31', cash: 10_000_000 });

beforeAll(async () => {
  const source = new BundledBarSource();
  const loaded = await loadHistory(source, source, ['KO'], spec.from, spec.to, '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  history = loaded.history;
});

describe('windows', () => {
  it.each([
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-11-15', 3, '2021-02-15'],
    ['2020-05-10', 24, '2022-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rolls in-sample/out-of-sample windows by the out-of-sample length, contiguously', () => {
    expect(walkForwardWindows('2006-01-03', '2008-12-31', 12, 6)).toEqual([
      {
        inSample: { from: '2006-01-03', to: '2007-01-02' },
        outOfSample: { from: '2007-01-03', to: '2007-07-02' },
      },
      {
        inSample: { from: '2006-07-03', to: '2007-07-02' },
        outOfSample: { from: '2007-07-03', to: '2008-01-02' },
      },
      {
        inSample: { from: '2007-01-03', to: '2008-01-02' },
        outOfSample: { from: '2008-01-03', to: '2008-07-02' },
      },
      {
        inSample: { from: '2007-07-03', to: '2008-07-02' },
        outOfSample: { from: '2008-07-03', to: '2008-12-31' },
      },
    ]);
  });
});

describe('walkForward on KO 2006–2014', () => {
  it('with a one-point grid, the stitched out-of-sample run equals one continuous run (the position is carried)', async () => {
    const grid: SweepGrid = {
      upThresholds: [0.04],
      downThresholds: null,
      rebalanceRatios: [1.6667],
      bands: [[0.25, 0.75]],
    };
    const wf = await walkForward(spec, history, {
      inSampleMonths: 24,
      outOfSampleMonths: 12,
      metric: 'sharpe',
      grid,
    });
    if (!wf.ok) throw new Error(wf.message);
    const { stitched, windows } = wf.result;
    expect(windows).toHaveLength(7);
    const config = applyParams(spec.config, {
      up: 0.04,
      down: 0.04,
      ratio: 1.6667,
      minStockPct: 0.25,
      maxStockPct: 0.75,
    });
    const continuous = runSimulation(
      { ...spec, config, from: windows[0]?.outOfSample.from as string },
      history,
    );
    if (!continuous.ok) throw new Error(continuous.message);
    expect(stitched.dates).toEqual(continuous.result.equity.dates);
    expect(stitched.equityCents).toEqual(continuous.result.equity.equityCents);
    expect(stitched.buyHoldEquityCents).toEqual(continuous.result.equity.buyHoldEquityCents);
    expect(wf.result.metrics.outOfSample.tradeCount).toBe(continuous.result.metrics.strategy.tradeCount);
    expect(wf.result.metrics.outOfSample.dividendsCents).toBe(
      continuous.result.metrics.strategy.dividendsCents,
    );
  });

  it('chooses in each window the in-sample sweep’s best parameters by the metric, with progress', async () => {
    const grid: SweepGrid = {
      upThresholds: [0.02, 0.05, 0.1],
      downThresholds: null,
      rebalanceRatios: [1, 2.5],
      bands: [[0.25, 0.75]],
    };
    const progress: number[] = [];
    const wf = await walkForward(
      spec,
      history,
      { inSampleMonths: 36, outOfSampleMonths: 24, metric: 'calmar', grid },
      { onProgress: (d) => progress.push(d) },
    );
    if (!wf.ok) throw new Error(wf.message);
    expect(wf.result.windows).toHaveLength(3);
    for (const w of wf.result.windows) {
      const sweep = runSweep({ ...spec, from: w.inSample.from, to: w.inSample.to }, history, grid, {
        metric: 'calmar',
      });
      expect(sweep.ok && sweep.result.best?.params).toEqual(w.chosen);
      expect(w.inSampleScore).toBe(sweep.ok ? sweep.result.best?.metrics?.calmar : undefined);
    }
    expect(progress[progress.length - 1]).toBe(3 * 7);
    const dates = wf.result.stitched.dates;
    expect(dates.every((d, i) => i === 0 || d > (dates[i - 1] as string))).toBe(true);
    expect(wf.result.stitched.buyHoldEquityCents).toHaveLength(dates.length);
  });

  it('refuses a plan the data is too short for, or a bad grid', async () => {
    const grid: SweepGrid = {
      upThresholds: [0.04],
      downThresholds: null,
      rebalanceRatios: [1],
      bands: [[0.25, 0.75]],
    };
    expect(
      await walkForward(spec, history, {
        inSampleMonths: 240,
        outOfSampleMonths: 12,
        metric: 'sharpe',
        grid,
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_PLAN',
      message: expect.stringMatching(
        /is too short for a 20-year in-sample window followed by a 1-year out-of-sample one$/,
      ),
    });
    expect(
      await walkForward(spec, history, { inSampleMonths: 0, outOfSampleMonths: 12, metric: 'sharpe', grid }),
    ).toMatchObject({ ok: false, code: 'INVALID_PLAN' });
    expect(
      await walkForward(spec, history, {
        inSampleMonths: 12,
        outOfSampleMonths: 12,
        metric: 'sharpe',
        grid: { ...grid, bands: [] },
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_GRID' });
  });
});
