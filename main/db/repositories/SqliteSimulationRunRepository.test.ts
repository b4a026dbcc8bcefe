import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationResult, SimulationSpec, SymbolHistory } from '../../../shared/simulation';
import { loadHistory, positionSpec, runSimulation, runSweep, walkForward } from '../../../shared/simulation';
import { bars, dividend, simSpec } from '../../../shared/simulation/testing/bars';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import { dumpTables, openTestStore, removeDir, type TestStore } from '../testing/testDatabase';

/** Simulation runs on a real database file through the real migrations. */
const source = new BundledBarSource();
const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

async function store(): Promise<TestStore> {
  const s = await openTestStore();
  stores.push(s);
  s.store.tenants.insert({ id: 'tA', name: 'A', createdAt: 1 });
  s.store.tenants.insert({ id: 'tB', name: 'B', createdAt: 1 });
  return s;
}

async function history(spec: SimulationSpec): Promise<SymbolHistory[]> {
  const loaded = await loadHistory(
    source,
    source,
    spec.positions.map((p) => p.symbol),
    spec.from,
    spec.to,
    spec.interval,
  );
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.history;
}

function simulate(spec: SimulationSpec, h: readonly SymbolHistory[]): SimulationResult {
  const outcome = runSimulation(spec, h);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

const newRun = (id: string, kind: 'single' | 'portfolio' | 'sweep' | 'walk_forward' = 'single') => ({
  id,
  name: `run ${id}`,
  kind,
  params: { note: 'as given', nested: { b: 1, a: [2, 3] } },
  createdAt: 1_000,
});

/** Every table that is not a simulation table: a run must leave all of them as they were. */
function liveTables(s: TestStore): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(dumpTables(s.db.sqlite)).filter(([name]) => !name.startsWith('sim_')),
  );
}

let koSpec: SimulationSpec;
let ko: SimulationResult;
let portfolioSpec: SimulationSpec;
let portfolio: SimulationResult;

beforeAll(async () => {
  // KO over 25 years: dividends (accrued, paid, anchor adjustments), fills, a volume cap that cancels.
  koSpec = simSpec(['KO'], {
    from: '1995-01-01',
    to: '2020-12-31',
    cash: 5_000_000,
    execution: { fill: 'next_open', slippageBps: 5, volumeCap: 0.000001 },
  });
  ko = simulate(koSpec, await history(koSpec));
  portfolioSpec = simSpec(['AAPL', 'KO', 'JPM'], {
    from: '2005-01-01',
    to: '2012-12-31',
    config: { orderPolicy: { qtyStep: 0 } },
  });
  portfolio = simulate(portfolioSpec, await history(portfolioSpec));
});

describe('SqliteSimulationRunRepository', () => {
  it('stores a result and rebuilds it byte for byte (one position, dividends, cancellations)', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    expect(ko.trades.some((t) => t.cancelledQty > 0 && t.note === 'volume_cap')).toBe(true);
    expect(ko.events.some((e) => e.type === 'OrderCancelled')).toBe(true);
    expect(ko.events.some((e) => e.type === 'DividendPaid')).toBe(true);
    expect(repo.createRun('tA', newRun('r1'))).toBe(true);
    expect(repo.completeRun('tA', 'r1', ko, 2_000)).toBe(true);
    expect(JSON.stringify(repo.getRun('tA', 'r1'))).toBe(JSON.stringify(ko));
    const rows = s.db.sqlite.prepare('SELECT count(*) AS n FROM sim_trades').get() as { n: number };
    expect(rows.n).toBe(ko.trades.length);
  });

  it('stores a portfolio of several positions (fractional shares) byte for byte', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    repo.createRun('tA', newRun('p1', 'portfolio'));
    repo.completeRun('tA', 'p1', portfolio, 2_000);
    expect(JSON.stringify(repo.getRun('tA', 'p1'))).toBe(JSON.stringify(portfolio));
  });

  it('stores an intraday run (instants as bar labels) byte for byte', async () => {
    const s = await store();
    const rows = [
      ['2024-03-04T14:30:00.000Z', 100],
      ['2024-03-04T14:35:00.000Z', 96.5],
      ['2024-03-04T20:55:00.000Z', 103.25],
      ['2024-03-05T14:30:00.000Z', 99.1],
      ['2024-03-05T14:35:00.000Z', 92],
      ['2024-03-05T20:55:00.000Z', 101.5],
    ].map(([at, close]) => ({
      at: at as string,
      session: (at as string).slice(0, 10),
      close: close as number,
      volume: 1_000_000,
    }));
    const spec = simSpec(['XYZ'], { interval: '5m', from: '2024-03-01', to: '2024-03-31' });
    const result = simulate(spec, [
      { bars: bars('XYZ', rows, '5m'), dividends: [dividend('XYZ', '2024-03-05', 0.5)] },
    ]);
    expect(result.trades.length).toBeGreaterThan(0);
    s.store.simulationRuns.createRun('tA', newRun('i1'));
    s.store.simulationRuns.completeRun('tA', 'i1', result, 2);
    expect(JSON.stringify(s.store.simulationRuns.getRun('tA', 'i1'))).toBe(JSON.stringify(result));
  });

  it('keeps the lifecycle: QUEUED → RUNNING → DONE, and never overwrites a finished run', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    expect(repo.createRun('tA', newRun('r1'))).toBe(true);
    expect(repo.createRun('tA', newRun('r1'))).toBe(false);
    expect(repo.findRun('tA', 'r1')).toMatchObject({
      status: 'QUEUED',
      progress: 0,
      startedAt: null,
      params: { note: 'as given', nested: { b: 1, a: [2, 3] } },
      headline: null,
      error: null,
    });
    expect(repo.updateProgress('tA', 'r1', { fraction: 0.1, message: 'loading', startedAt: 1_500 })).toBe(
      true,
    );
    expect(repo.updateProgress('tA', 'r1', { fraction: 0.4, message: 'replaying', startedAt: 1_600 })).toBe(
      true,
    );
    expect(repo.updateProgress('tA', 'r1', { fraction: 7, message: 'over' })).toBe(true);
    expect(repo.findRun('tA', 'r1')).toMatchObject({
      status: 'RUNNING',
      progress: 1,
      progressMessage: 'over',
      startedAt: 1_500,
    });
    expect(repo.completeRun('tA', 'r1', ko, 2_000)).toBe(true);
    const done = repo.findRun('tA', 'r1');
    expect(done).toMatchObject({ status: 'DONE', progress: 1, finishedAt: 2_000 });
    expect(JSON.stringify(done?.headline)).toBe(JSON.stringify(ko.metrics));
    // Finished is final: no progress, no second result, no failure or cancel.
    expect(repo.updateProgress('tA', 'r1', { fraction: 0.5, message: 'late' })).toBe(false);
    expect(repo.completeRun('tA', 'r1', portfolio, 3_000)).toBe(false);
    expect(repo.failRun('tA', 'r1', { code: 'X', message: 'late' }, 3_000)).toBe(false);
    expect(repo.cancelRun('tA', 'r1', 3_000)).toBe(false);
    expect(JSON.stringify(repo.getRun('tA', 'r1'))).toBe(JSON.stringify(ko));
  });

  it('drops a result that arrives after a cancel, and records failures with their code', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    repo.createRun('tA', newRun('c1'));
    expect(repo.cancelRun('tA', 'c1', 5)).toBe(true);
    expect(repo.completeRun('tA', 'c1', ko, 6)).toBe(false);
    expect(repo.getRun('tA', 'c1')).toBeNull();
    expect(repo.findRun('tA', 'c1')).toMatchObject({ status: 'CANCELLED', finishedAt: 5, headline: null });
    repo.createRun('tA', newRun('f1'));
    expect(repo.failRun('tA', 'f1', { code: 'NO_DATA', message: 'no bars' }, 7)).toBe(true);
    expect(repo.findRun('tA', 'f1')).toMatchObject({
      status: 'FAILED',
      finishedAt: 7,
      error: { code: 'NO_DATA', message: 'no bars' },
    });
    for (const table of ['sim_trades', 'sim_events', 'sim_equity', 'sim_positions'])
      expect(s.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
  });

  it('writes a result all or nothing: a failure half-way leaves no row and the run unfinished', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    repo.createRun('tA', newRun('r1'));
    const broken: SimulationResult = {
      ...ko,
      events: [...ko.events, { ...(ko.events[0] as SimulationResult['events'][number]), at: 'not a bar' }],
    };
    const before = dumpTables(s.db.sqlite);
    expect(() => repo.completeRun('tA', 'r1', broken, 2)).toThrow(/not a bar/);
    expect(dumpTables(s.db.sqlite)).toEqual(before);
    expect(repo.findRun('tA', 'r1')?.status).toBe('QUEUED');
    expect(repo.completeRun('tA', 'r1', ko, 3)).toBe(true);
  });

  it('is scoped by tenant: another tenant sees, changes and deletes nothing', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    repo.createRun('tA', { ...newRun('a1'), createdAt: 1 });
    repo.createRun('tA', { ...newRun('a2'), createdAt: 2 });
    repo.createRun('tB', { ...newRun('b1'), createdAt: 3 });
    repo.completeRun('tA', 'a1', ko, 10);
    expect(repo.listRuns('tA').map((r) => r.id)).toEqual(['a2', 'a1']);
    expect(repo.listRuns('tB').map((r) => r.id)).toEqual(['b1']);
    expect(repo.findRun('tB', 'a1')).toBeNull();
    expect(repo.getRun('tB', 'a1')).toBeNull();
    expect(repo.updateProgress('tB', 'a2', { fraction: 0.5, message: 'x', startedAt: 1 })).toBe(false);
    expect(repo.completeRun('tB', 'a2', ko, 1)).toBe(false);
    expect(repo.failRun('tB', 'a2', { code: 'X', message: 'x' }, 1)).toBe(false);
    expect(repo.cancelRun('tB', 'a2', 1)).toBe(false);
    expect(repo.deleteRun('tB', 'a1')).toBe(false);
    expect(repo.failUnfinishedRuns('tB', { code: 'INTERRUPTED', message: 'x' }, 1)).toBe(1);
    expect(repo.findRun('tA', 'a2')?.status).toBe('QUEUED');
    expect(JSON.stringify(repo.getRun('tA', 'a1'))).toBe(JSON.stringify(ko));
  });

  it('deletes a run with every row stored under it', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    repo.createRun('tA', newRun('r1'));
    repo.completeRun('tA', 'r1', ko, 2);
    repo.createRun('tA', newRun('r2'));
    repo.completeRun('tA', 'r2', portfolio, 2);
    expect(repo.deleteRun('tA', 'r1')).toBe(true);
    expect(repo.deleteRun('tA', 'r1')).toBe(false);
    expect(repo.findRun('tA', 'r1')).toBeNull();
    for (const table of ['sim_trades', 'sim_events', 'sim_equity', 'sim_positions']) {
      const left = s.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE run_id = 'r1'`).get();
      expect(left).toEqual({ n: 0 });
    }
    expect(JSON.stringify(repo.getRun('tA', 'r2'))).toBe(JSON.stringify(portfolio));
  });

  it('marks runs a stopped process left unfinished as FAILED, and only those', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    repo.createRun('tA', { ...newRun('q'), createdAt: 3 });
    repo.createRun('tA', { ...newRun('r'), createdAt: 2 });
    repo.updateProgress('tA', 'r', { fraction: 0.2, message: 'replaying', startedAt: 2 });
    repo.createRun('tA', { ...newRun('d'), createdAt: 1 });
    repo.completeRun('tA', 'd', ko, 3);
    const error = { code: 'INTERRUPTED', message: 'the app stopped while the run was going' };
    expect(repo.failUnfinishedRuns('tA', error, 9)).toBe(2);
    expect(repo.listRuns('tA').map((r) => [r.id, r.status])).toEqual([
      ['q', 'FAILED'],
      ['r', 'FAILED'],
      ['d', 'DONE'],
    ]);
    expect(repo.findRun('tA', 'r')?.error).toEqual(error);
  });

  it('stores a sweep (done, or cancelled with its finished rows) and rebuilds it byte for byte', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    const spec = simSpec(['KO'], { from: '2010-01-01', to: '2014-12-31' });
    const h = await history(spec);
    const grid = {
      upThresholds: [0.02, 0.05],
      downThresholds: null,
      rebalanceRatios: [1, 2],
      bands: [[0.25, 0.75]] as [number, number][],
    };
    const sweep = runSweep(spec, h, grid, { metric: 'calmar' });
    if (!sweep.ok) throw new Error(sweep.message);
    repo.createRun('tA', newRun('s1', 'sweep'));
    expect(repo.saveSweep('tA', 's1', sweep.result, 5, false)).toBe(true);
    expect(JSON.stringify(repo.getSweep('tA', 's1'))).toBe(JSON.stringify(sweep.result));
    expect(repo.findRun('tA', 's1')).toMatchObject({ status: 'DONE', progress: 1 });
    expect(repo.findRun('tA', 's1')?.headline?.strategy).toEqual(sweep.result.best?.metrics);
    expect(repo.getRun('tA', 's1')).toBeNull();

    const signal = { aborted: false };
    const partial = runSweep(spec, h, grid, {
      onProgress: (done) => {
        if (done >= 1) signal.aborted = true;
      },
      signal,
    });
    if (!partial.ok) throw new Error(partial.message);
    expect(partial.result.cancelled).toBe(true);
    repo.createRun('tA', newRun('s2', 'sweep'));
    repo.updateProgress('tA', 's2', { fraction: 0.25, message: 'sweeping', startedAt: 4 });
    expect(repo.saveSweep('tA', 's2', partial.result, 6, true)).toBe(true);
    expect(repo.findRun('tA', 's2')).toMatchObject({ status: 'CANCELLED', progress: 0.25 });
    expect(JSON.stringify(repo.getSweep('tA', 's2'))).toBe(JSON.stringify(partial.result));
  });

  it('stores a sweep whose rows failed (no metrics) byte for byte', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    const spec = simSpec(['KO'], { from: '2010-01-01', to: '2011-12-31' });
    const sweep = runSweep(spec, await history(spec), {
      upThresholds: [0.03],
      downThresholds: null,
      rebalanceRatios: [1],
      bands: [
        [0.25, 0.75],
        [0.9, 0.95],
      ],
    });
    if (!sweep.ok) throw new Error(sweep.message);
    repo.createRun('tA', newRun('s1', 'sweep'));
    repo.saveSweep('tA', 's1', sweep.result, 5, false);
    expect(JSON.stringify(repo.getSweep('tA', 's1'))).toBe(JSON.stringify(sweep.result));
  });

  it('stores a walk-forward and rebuilds it byte for byte', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    const spec = simSpec(['PG'], { from: '2008-01-01', to: '2013-12-31' });
    const wf = await walkForward(spec, await history(spec), {
      inSampleMonths: 24,
      outOfSampleMonths: 12,
      metric: 'sharpe',
      grid: {
        upThresholds: [0.03, 0.06],
        downThresholds: null,
        rebalanceRatios: [1.6667],
        bands: [[0.25, 0.75]],
      },
    });
    if (!wf.ok) throw new Error(wf.message);
    repo.createRun('tA', newRun('w1', 'walk_forward'));
    expect(repo.saveWalkForward('tA', 'w1', wf.result, 5, false)).toBe(true);
    expect(JSON.stringify(repo.getWalkForward('tA', 'w1'))).toBe(JSON.stringify(wf.result));
    expect(repo.findRun('tA', 'w1')?.headline).toEqual({
      strategy: wf.result.metrics.outOfSample,
      buyAndHold: wf.result.metrics.buyAndHold,
    });
    expect(repo.getSweep('tA', 'w1')).toBeNull();
  });

  it('touches only sim_* tables: a full lifecycle leaves every live table as it was', async () => {
    const s = await store();
    const repo = s.store.simulationRuns;
    const before = liveTables(s);
    repo.createRun('tA', newRun('r1'));
    repo.updateProgress('tA', 'r1', { fraction: 0.5, message: 'half', startedAt: 1 });
    repo.completeRun('tA', 'r1', portfolio, 2);
    repo.getRun('tA', 'r1');
    repo.createRun('tA', newRun('r2'));
    repo.failRun('tA', 'r2', { code: 'X', message: 'x' }, 3);
    repo.deleteRun('tA', 'r1');
    expect(liveTables(s)).toEqual(before);
  });

  it('stores positions that start with shares, an anchor and unpaid dividends byte for byte', async () => {
    const s = await store();
    const spec: SimulationSpec = {
      ...simSpec(['KO'], { from: '2019-01-01', to: '2019-12-31' }),
      positions: [
        positionSpec('KO', 1_000_000, {
          initialQty: 120,
          initialAnchor: 46.5,
          unpaidDividends: [
            {
              exDate: '2018-11-29',
              payDate: '2019-01-02',
              amount: 0.39,
              qtyEligible: 120,
              grossCents: 4680,
              withholdingCents: 0,
              netCents: 4680,
            },
          ],
        }),
      ],
    };
    const result = simulate(spec, await history(spec));
    s.store.simulationRuns.createRun('tA', newRun('r1'));
    s.store.simulationRuns.completeRun('tA', 'r1', result, 2);
    expect(JSON.stringify(s.store.simulationRuns.getRun('tA', 'r1'))).toBe(JSON.stringify(result));
  });
});
