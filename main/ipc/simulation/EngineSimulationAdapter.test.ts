import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Push } from '../../../shared/ipc/contract';
import type { RunDetailDto, RunInfoDto } from '../../../shared/ipc/dto/simulation';
import { ulidGenerator } from '../../../shared/ports/IdGenerator';
import { SILENT_LOGGER } from '../../../shared/ports/Logger';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import { openTestStore, removeDir, type TestStore } from '../../db/testing/testDatabase';
import { historySources } from '../../simulation/historySources';
import { WorkerSimulationService as EngineService } from '../../simulation/WorkerSimulationService';
import { createPushHub } from '../pushes/PushHub';
import { EngineSimulationAdapter } from './EngineSimulationAdapter';

const setup = {
  symbols: ['KO'],
  from: '2018-01-02',
  to: '2019-12-31',
  initialCash: 10_000,
  config: {},
  commissionRate: 0.0001,
  fill: 'close' as const,
  slippageBps: 0,
  volumeCap: null,
  source: 'bundled' as const,
  interval: '1d' as const,
};

describe('the Simulation page over the stored-runs service', () => {
  let t: TestStore;
  let engine: EngineService;
  let adapter: EngineSimulationAdapter;
  const pushes: { push: Push; payload: { runId: string; status?: string } }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'vb-sim-adapter-'));

  const finished = (runId: string) =>
    new Promise<string>((resolve) => {
      const timer = setInterval(() => {
        const done = pushes.find((p) => p.push === 'simulation.finished' && p.payload.runId === runId);
        if (done) {
          clearInterval(timer);
          resolve(done.payload.status ?? '');
        }
      }, 20);
    });

  beforeAll(async () => {
    t = await openTestStore();
    t.store.tenants.insert({ id: 'tA', name: 'A', createdAt: 1 });
    engine = new EngineService({
      runs: t.store.simulationRuns,
      tenants: t.store.tenants,
      sources: historySources({ bundled: new BundledBarSource() }),
      clock: t.clock,
      ids: ulidGenerator(t.clock),
      logger: SILENT_LOGGER,
      sweepWorkers: 2,
    });
    const hub = createPushHub((m) => {
      throw new Error(m);
    });
    hub.subscribe((push, payload) => pushes.push({ push, payload: payload as { runId: string } }));
    adapter = new EngineSimulationAdapter(engine, 'tA', hub);
  });

  afterAll(async () => {
    await adapter.close();
    await engine.close();
    t.close();
    removeDir(t.dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a stored run, pushes its progress and end, reads its result and exports it', async () => {
    const started = await adapter.start({ setup });
    expect(started).toMatchObject({
      ok: true,
      value: { kind: 'single', status: 'running', symbols: ['KO'], from: '2018-01-02' },
    });
    const runId = (started as { value: RunInfoDto }).value.id;
    expect(await finished(runId)).toBe('done');
    expect(pushes.some((p) => p.push === 'simulation.progressed')).toBe(true);
    expect(adapter.list()[0]).toMatchObject({ id: runId, status: 'done', totalReturn: expect.any(Number) });
    const detail = adapter.get(runId);
    expect((detail as { value: RunDetailDto }).value.result?.trades.length).toBeGreaterThan(0);
    // SPEC 8's round trips of the run and their statistics, for the results view (issue 16).
    const roundTrips = (detail as { value: RunDetailDto }).value.result?.roundTrips;
    expect(roundTrips?.stats.count).toBeGreaterThan(0);
    expect(roundTrips?.trips.length).toBe(Math.min(roundTrips?.stats.count ?? 0, 1000));
    const exported = await adapter.exportRun(runId, 'html', join(dir, 'run.html'));
    expect(exported).toMatchObject({ ok: true, value: { file: join(dir, 'run.html') } });
    expect(existsSync(join(dir, 'run.html'))).toBe(true);
  });

  it('runs a sweep and maps its cells', async () => {
    const started = await adapter.start({
      setup,
      sweep: { thresholds: [0.02, 0.04], rebalanceRatios: [1.6667] },
    });
    const runId = (started as { value: RunInfoDto }).value.id;
    expect(await finished(runId)).toBe('done');
    expect((adapter.get(runId) as { value: RunDetailDto }).value.sweep?.cells).toHaveLength(2);
  });

  it('answers unknown runs and bad set-ups with typed errors', async () => {
    expect(adapter.get('nope')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await adapter.start({ setup: { ...setup, initialCash: 1.001 } })).toMatchObject({
      ok: false,
      code: 'validation',
    });
    // Without the live provider there is no provider history to read (the demo replays the bundled data).
    expect(await adapter.start({ setup: { ...setup, source: 'provider' } })).toMatchObject({
      ok: false,
      issues: [
        {
          path: 'setup.source',
          message: expect.stringMatching(/^The provider’s history needs the live provider/),
        },
      ],
    });
  });
});
