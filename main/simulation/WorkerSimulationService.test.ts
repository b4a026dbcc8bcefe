import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../shared/ports/Logger';
import { ulidGenerator } from '../../shared/ports/IdGenerator';
import type { SimulationSpec, SweepGrid, SymbolHistory } from '../../shared/simulation';
import { loadHistory, runSimulation, runSweep, walkForward } from '../../shared/simulation';
import { simSpec } from '../../shared/simulation/testing/bars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { dumpTables, openTestStore, removeDir, tempDir, type TestStore } from '../db/testing/testDatabase';
import { historySources } from './historySources';
import type { SimulationFinished, SimulationProgress } from './SimulationService';
import { WorkerSimulationService } from './WorkerSimulationService';

/** The service end to end: a real database file, the bundled data, real worker threads. */
const bundled = new BundledBarSource();
let t: TestStore;
let service: WorkerSimulationService;
let finished: SimulationFinished[];
let progress: SimulationProgress[];
const dirs: string[] = [];

function build(): WorkerSimulationService {
  const s = new WorkerSimulationService({
    runs: t.store.simulationRuns,
    tenants: t.store.tenants,
    sources: historySources({ bundled }),
    clock: t.clock,
    ids: ulidGenerator(t.clock),
    logger: SILENT_LOGGER,
    sweepWorkers: 2,
  });
  s.onFinished((e) => finished.push(e));
  s.onProgress((e) => progress.push(e));
  return s;
}

beforeAll(async () => {
  t = await openTestStore();
  t.store.tenants.insert({ id: 'tA', name: 'A', createdAt: 1 });
  t.store.tenants.insert({ id: 'tB', name: 'B', createdAt: 1 });
  finished = [];
  progress = [];
  service = build();
});

afterAll(async () => {
  await service.close();
  t.close();
  removeDir(t.dir);
  for (const d of dirs) removeDir(d);
});

afterEach(() => {
  finished.length = 0;
  progress.length = 0;
});

/** Resolves when the run has ended (its onFinished event). */
function ended(runId: string): Promise<SimulationFinished> {
  return new Promise((resolve) => {
    const seen = finished.find((f) => f.runId === runId);
    if (seen) return resolve(seen);
    const off = service.onFinished((e) => {
      if (e.runId !== runId) return;
      off();
      resolve(e);
    });
  });
}

async function started(promise: Promise<{ ok: boolean }>): Promise<string> {
  const r = (await promise) as { ok: true; value: { runId: string } } | { ok: false; message: string };
  if (!r.ok) throw new Error(r.message);
  return r.value.runId;
}

async function history(spec: SimulationSpec): Promise<SymbolHistory[]> {
  const loaded = await loadHistory(
    bundled,
    bundled,
    spec.positions.map((p) => p.symbol),
    spec.from,
    spec.to,
    spec.interval,
  );
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.history;
}

const liveTables = (): Record<string, unknown[]> =>
  Object.fromEntries(Object.entries(dumpTables(t.db.sqlite)).filter(([name]) => !name.startsWith('sim_')));

const koSpec = simSpec(['KO'], { from: '2000-01-01', to: '2015-12-31', cash: 2_500_000 });
const grid: SweepGrid = {
  upThresholds: [0.02, 0.04, 0.08],
  downThresholds: null,
  rebalanceRatios: [1, 2],
  bands: [[0.25, 0.75]],
};

describe('WorkerSimulationService', () => {
  it('runs off the caller’s thread, stores the result, and gives back exactly the engine’s result', async () => {
    const before = liveTables();
    const runId = await started(service.start('tA', { spec: koSpec, name: '  ' }));
    expect(service.list('tA')[0]).toMatchObject({
      id: runId,
      kind: 'single',
      name: 'KO 1d 2000-01-01 to 2015-12-31',
    });
    expect(await ended(runId)).toEqual({
      tenantId: 'tA',
      runId,
      kind: 'single',
      status: 'DONE',
      error: null,
    });
    const detail = service.get('tA', runId);
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    const local = runSimulation(koSpec, await history(koSpec));
    expect(JSON.stringify(detail.value.result)).toBe(JSON.stringify(local.ok && local.result));
    expect(detail.value.run).toMatchObject({ status: 'DONE', progress: 1, error: null });
    expect(detail.value.run.params).toEqual({ spec: koSpec, source: 'bundled' });
    expect(detail.value.sweep).toBeNull();
    const mine = progress.filter((p) => p.runId === runId).map((p) => p.fraction);
    expect(mine[0]).toBe(0);
    expect(mine).toEqual([...mine].sort((a, b) => a - b));
    expect(mine.at(-1)).toBeGreaterThanOrEqual(0.95);
    expect(liveTables()).toEqual(before);
  });

  it('never blocks the caller’s event loop while a long run replays', async () => {
    const spec = simSpec(['KO', 'PG', 'PEP', 'WMT', 'IBM', 'JPM'], {
      from: '1990-01-01',
      to: '2026-12-31',
      config: { trigger: { upThreshold: 0.01, downThreshold: 0.01 } },
    });
    const began = performance.now();
    let last = began;
    let longestGap = 0;
    let ticks = 0;
    let measuredMs = 0;
    const stop = (): void => {
      if (measuredMs === 0) measuredMs = performance.now() - began;
      clearInterval(timer);
    };
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    // Measured until the result comes back to be saved (writing it is the caller's one synchronous step).
    const off = service.onProgress((p) => {
      if (p.message === 'Saving the results') stop();
    });
    try {
      const runId = await started(service.start('tA', { spec }));
      expect((await ended(runId)).status).toBe('DONE');
    } finally {
      stop();
      off();
    }
    // A replay on this thread would stall the timer for the whole run. The bound is relative to the run
    // so a loaded CI machine (other test files on both cores) cannot fail it by scheduling alone.
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(Math.max(200, measuredMs / 3));
  });

  it('refuses a bad request before recording anything', async () => {
    const count = service.list('tA').length;
    expect(
      await service.start('tA', { spec: { ...koSpec, from: '2020-01-01', to: '2010-01-01' } }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_SPEC',
    });
    expect(await service.start('tA', { spec: { ...koSpec, interval: '5m' } })).toMatchObject({
      ok: false,
      code: 'INVALID_SPEC',
    });
    expect(await service.start('tA', { spec: koSpec, source: 'nowhere' })).toMatchObject({
      code: 'UNKNOWN_SOURCE',
    });
    expect(await service.start('nobody', { spec: koSpec })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await service.sweep('tA', { spec: koSpec, grid: { ...grid, upThresholds: [] } })).toMatchObject({
      code: 'INVALID_GRID',
    });
    expect(
      await service.walkForward('tA', {
        spec: koSpec,
        plan: { inSampleMonths: 0, outOfSampleMonths: 12, metric: 'sharpe', grid },
      }),
    ).toMatchObject({ code: 'INVALID_PLAN' });
    expect(service.list('tA')).toHaveLength(count);
  });

  it('ends a run FAILED with the source’s own code when the data is missing', async () => {
    const runId = await started(
      service.start('tA', { spec: { ...koSpec, from: '2090-01-01', to: '2090-12-31' } }),
    );
    const end = await ended(runId);
    expect(end).toMatchObject({ status: 'FAILED', error: { code: 'NO_DATA' } });
    expect(service.get('tA', runId)).toMatchObject({
      ok: true,
      value: { run: { status: 'FAILED', error: { code: 'NO_DATA' } }, result: null },
    });
  });

  it('cancels a queued run at once and a running one at its next progress check', async () => {
    const long = simSpec(['KO', 'PG', 'PEP', 'WMT'], { from: '1990-01-01', to: '2026-12-31' });
    const firstProgress = new Promise<void>((resolve) => {
      const off = service.onProgress((p) => {
        if (p.message.startsWith('Replaying: bar')) {
          off();
          resolve();
        }
      });
    });
    const running = await started(service.start('tA', { spec: long }));
    const queued = await started(service.start('tA', { spec: koSpec }));
    expect(service.cancel('tA', queued)).toEqual({ ok: true, value: { status: 'CANCELLED' } });
    expect(service.get('tA', queued)).toMatchObject({ ok: true, value: { run: { status: 'CANCELLED' } } });
    await firstProgress;
    expect(service.cancel('tB', running)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(service.cancel('tA', running)).toEqual({ ok: true, value: { status: 'RUNNING' } });
    expect(await ended(running)).toMatchObject({ status: 'CANCELLED', error: null });
    expect(service.get('tA', running)).toMatchObject({
      ok: true,
      value: { run: { status: 'CANCELLED' }, result: null },
    });
    expect(service.cancel('tA', running)).toMatchObject({ ok: false, code: 'NOT_RUNNING' });
    expect(finished.filter((f) => f.runId === queued || f.runId === running)).toHaveLength(2);
    // The thread is still good for the next run.
    const next = await started(service.start('tA', { spec: koSpec }));
    expect((await ended(next)).status).toBe('DONE');
  });

  it('sweeps on the worker pool: the rows of the in-process sweep, stored; cancel keeps the rows done', async () => {
    const runId = await started(service.sweep('tA', { spec: koSpec, grid, metric: 'calmar' }));
    expect((await ended(runId)).status).toBe('DONE');
    const local = runSweep(koSpec, await history(koSpec), grid, { metric: 'calmar' });
    const detail = service.get('tA', runId);
    expect(detail.ok && JSON.stringify(detail.value.sweep)).toBe(JSON.stringify(local.ok && local.result));
    expect(detail.ok && detail.value.run.headline?.strategy).toEqual(local.ok && local.result.best?.metrics);

    const big: SweepGrid = { ...grid, rebalanceRatios: [1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8] };
    const off = service.onProgress((p) => {
      if (p.kind === 'sweep' && p.message.startsWith('Sweeping: 2 ')) service.cancel('tA', p.runId);
    });
    const cancelled = await started(service.sweep('tA', { spec: koSpec, grid: big }));
    expect((await ended(cancelled)).status).toBe('CANCELLED');
    off();
    const partial = service.get('tA', cancelled);
    expect(partial.ok && partial.value.run.status).toBe('CANCELLED');
    expect(partial.ok && partial.value.sweep?.cancelled).toBe(true);
    expect(partial.ok && partial.value.sweep?.rows.length).toBeGreaterThanOrEqual(2);
  });

  it('walks forward in the simulation thread: the in-process result, stored', async () => {
    const spec = simSpec(['PG'], { from: '2006-01-01', to: '2012-12-31' });
    const plan = { inSampleMonths: 24, outOfSampleMonths: 12, metric: 'sharpe' as const, grid };
    const runId = await started(service.walkForward('tA', { spec, plan }));
    expect((await ended(runId)).status).toBe('DONE');
    const local = await walkForward(spec, await history(spec), plan);
    const detail = service.get('tA', runId);
    expect(detail.ok && JSON.stringify(detail.value.walkForward)).toBe(
      JSON.stringify(local.ok && local.result),
    );
    expect(detail.ok && detail.value.run.kind).toBe('walk_forward');
  });

  it('exports a run in every format, a sweep as CSV or JSON, and says why it cannot', async () => {
    const dir = tempDir('vb-export-');
    dirs.push(dir);
    const runId = await started(service.start('tA', { spec: koSpec }));
    await ended(runId);
    for (const format of ['csv', 'xlsx', 'json', 'html', 'pdf'] as const) {
      const r = await service.exportRun('tA', runId, format, path.join(dir, `ko.${format}`));
      expect(r.ok).toBe(true);
      if (r.ok) for (const f of r.value.files) expect(fs.statSync(f).size).toBeGreaterThan(0);
    }
    expect(await service.exportRun('tA', runId, 'json', path.join(dir, 'named'))).toEqual({
      ok: true,
      value: { files: [path.join(dir, 'named.json')] },
    });
    expect(await service.exportRun('tA', runId, 'pdf', path.join(dir, 'x.csv'))).toMatchObject({
      code: 'INVALID_FILE',
    });
    expect(await service.exportRun('tB', runId, 'pdf', path.join(dir, 'x.pdf'))).toMatchObject({
      code: 'NOT_FOUND',
    });

    const sweepId = await started(service.sweep('tA', { spec: koSpec, grid }));
    await ended(sweepId);
    const csv = await service.exportRun('tA', sweepId, 'csv', path.join(dir, 'sweep.csv'));
    expect(csv.ok && fs.readFileSync(path.join(dir, 'sweep.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /^#,Up threshold \(fraction\),Down threshold \(fraction\),Rebalance ratio,/,
    );
    const json = await service.exportRun('tA', sweepId, 'json', path.join(dir, 'sweep.json'));
    expect(json.ok && JSON.parse(fs.readFileSync(path.join(dir, 'sweep.json'), 'utf8'))).toMatchObject({
      format: 'volatility-balancing.sweep',
      version: 2,
      units: { suffixes: { Cents: 'USD cents (integer)' } },
      grid,
      total: 6,
    });
    expect(await service.exportRun('tA', sweepId, 'pdf', path.join(dir, 'sweep.pdf'))).toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    });

    const failed = await started(
      service.start('tA', { spec: { ...koSpec, from: '2090-01-01', to: '2090-12-31' } }),
    );
    await ended(failed);
    expect(await service.exportRun('tA', failed, 'pdf', path.join(dir, 'f.pdf'))).toMatchObject({
      code: 'NOT_FINISHED',
    });
  });

  it('keeps tenants apart and deletes a run, even one still going', async () => {
    const runId = await started(service.start('tA', { spec: koSpec }));
    await ended(runId);
    expect(service.list('tB').map((r) => r.id)).not.toContain(runId);
    expect(service.get('tB', runId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(service.delete('tB', runId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(service.delete('tA', runId)).toEqual({ ok: true, value: undefined });
    expect(service.get('tA', runId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const long = simSpec(['KO', 'PG', 'PEP'], { from: '1990-01-01', to: '2026-12-31' });
    const going = await started(service.start('tA', { spec: long }));
    expect(service.delete('tA', going).ok).toBe(true);
    expect((await ended(going)).status).toBe('CANCELLED');
    expect(service.list('tA').map((r) => r.id)).not.toContain(going);
    const orphans = t.db.sqlite.prepare('SELECT count(*) AS n FROM sim_equity WHERE run_id = ?').get(going);
    expect(orphans).toEqual({ n: 0 });
  });

  it('gives byte-identical stored results for the same inputs', async () => {
    const spec = simSpec(['AAPL', 'JPM'], {
      from: '2003-01-01',
      to: '2011-12-31',
      execution: { fill: 'next_open' },
    });
    const a = await started(service.start('tA', { spec }));
    const b = await started(service.start('tA', { spec }));
    await Promise.all([ended(a), ended(b)]);
    const ra = service.get('tA', a);
    const rb = service.get('tA', b);
    expect(ra.ok && rb.ok && JSON.stringify(ra.value.result) === JSON.stringify(rb.value.result)).toBe(true);
  });

  it('marks runs a previous process left going as FAILED on its first look at the tenant', async () => {
    t.store.tenants.insert({ id: 'tC', name: 'C', createdAt: 1 });
    t.store.simulationRuns.createRun('tC', {
      id: 'old',
      name: 'left',
      kind: 'single',
      params: {},
      createdAt: 1,
    });
    t.store.simulationRuns.updateProgress('tC', 'old', { fraction: 0.3, message: 'x', startedAt: 1 });
    expect(service.list('tC')).toMatchObject([
      { id: 'old', status: 'FAILED', error: { code: 'INTERRUPTED' } },
    ]);
  });

  it('close stops the runs under way and refuses new ones', async () => {
    const own = build();
    const long = simSpec(['KO', 'PG', 'PEP'], { from: '1990-01-01', to: '2026-12-31' });
    const ends: SimulationFinished[] = [];
    own.onFinished((e) => ends.push(e));
    const r = await own.start('tA', { spec: long });
    expect(r.ok).toBe(true);
    await own.close();
    expect(ends.map((e) => e.status)).toEqual(['CANCELLED']);
    expect(await own.start('tA', { spec: koSpec })).toMatchObject({ ok: false, code: 'CLOSED' });
    await own.close();
  });
});
