import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Push } from '../../../shared/ipc/contract';
import type { RunDetailDto, RunInfoDto } from '../../../shared/ipc/dto/simulation';
import { BAR_INTERVALS } from '../../../shared/ports/HistoricalBars';
import { BAR_INTERVAL_IDS } from '../../../shared/ipc/dto/simulation';
import { ulidGenerator } from '../../../shared/ports/IdGenerator';
import { SILENT_LOGGER } from '../../../shared/ports/Logger';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import { CsvBarSource } from '../../adapters/data/CsvBarSource';
import { openTestStore, removeDir, type TestStore } from '../../db/testing/testDatabase';
import { historySources } from '../../simulation/historySources';
import { WorkerSimulationService as EngineService } from '../../simulation/WorkerSimulationService';
import { createPushHub } from '../pushes/PushHub';
import { EngineSimulationAdapter } from './EngineSimulationAdapter';

const DATA = join(__dirname, '../../../resources/data');
const setup = {
  symbols: ['KO'],
  from: '2016-01-04',
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

/** The bundled KO file's header and its rows between two dates: a real CSV as a user would export it. */
function koCsv(from: string, to: string): string {
  const [header, ...rows] = readFileSync(join(DATA, 'prices/KO.csv'), 'utf8').trim().split('\n');
  return [header, ...rows.filter((r) => r.slice(0, 10) >= from && r.slice(0, 10) <= to)].join('\n');
}

/** A provider's history as the engine sees it (the real one is ProviderHistoryBarSource): any symbol, nothing listed. */
function providerLike() {
  const bundled = new BundledBarSource();
  return {
    name: 'fake-provider',
    listSymbols: () => Promise.resolve([] as string[]),
    getBars: bundled.getBars.bind(bundled),
    getDividends: bundled.getDividends.bind(bundled),
  };
}

/** Simulation inputs of the Simulation page (issue 15, ADR 0064): sources, CSV imports, walk-forward. */
describe('simulation inputs over the stored-runs service', () => {
  let t: TestStore;
  let engine: EngineService;
  let adapter: EngineSimulationAdapter;
  const pushes: { push: Push; payload: { runId: string; status?: string; error?: string | null } }[] = [];

  const finished = (runId: string) =>
    new Promise<{ status?: string; error?: string | null }>((resolve) => {
      const timer = setInterval(() => {
        const done = pushes.find((p) => p.push === 'simulation.finished' && p.payload.runId === runId);
        if (done) {
          clearInterval(timer);
          resolve(done.payload);
        }
      }, 20);
    });
  const runOf = (r: unknown) => (r as { value: RunInfoDto }).value.id;

  beforeAll(async () => {
    t = await openTestStore();
    t.store.tenants.insert({ id: 'tA', name: 'A', createdAt: 1 });
    const csv = new CsvBarSource();
    engine = new EngineService({
      runs: t.store.simulationRuns,
      tenants: t.store.tenants,
      sources: historySources({ bundled: new BundledBarSource(), csv, provider: providerLike() }),
      clock: t.clock,
      ids: ulidGenerator(t.clock),
      logger: SILENT_LOGGER,
      sweepWorkers: 2,
    });
    const hub = createPushHub((m) => {
      throw new Error(m);
    });
    hub.subscribe((push, payload) => pushes.push({ push, payload: payload as { runId: string } }));
    adapter = new EngineSimulationAdapter(engine, 'tA', hub, csv);
  });

  afterAll(async () => {
    await adapter.close();
    await engine.close();
    t.close();
    removeDir(t.dir);
  });

  it('keeps the contract’s bar intervals equal to the port’s', () => {
    expect([...BAR_INTERVAL_IDS]).toEqual([...BAR_INTERVALS]);
  });

  it('lists the sources with their intervals and symbols', async () => {
    const sources = await adapter.sources();
    expect(sources.map((s) => [s.id, s.intervals.join(' '), s.anySymbol])).toEqual([
      ['bundled', '1d', false],
      ['csv', '1d 1h 30m 15m 5m 1m', false],
      ['provider', '1d', true],
    ]);
    expect(sources[0]?.symbols).toContain('KO');
    expect(sources[1]?.symbols).toEqual([]);
    expect(sources[2]?.symbols).toEqual([]);
  });

  it('refuses a CSV with bad lines, naming each line, and imports nothing', async () => {
    const good = koCsv('2019-01-02', '2019-01-10').split('\n');
    const bad = [
      good[0],
      good[1],
      '2019-01-03,abc,47,46,46.5,,100',
      good[3],
      '2019-01-07,46,45,47,46.2,,100',
    ];
    const r = adapter.importCsv({ symbol: 'XYZ', fileName: 'xyz.csv', bars: bad.join('\n') });
    expect(r).toMatchObject({ ok: false, code: 'validation' });
    if (r.ok) return;
    expect(r.message).toMatch(/^xyz\.csv was not imported: line 3: .*open.*; line 5: /);
    expect([...new Set(r.issues?.map((i) => i.message.slice(0, 7)))]).toEqual(['line 3:', 'line 5:']);
    expect((await adapter.sources())[1]?.symbols).toEqual([]);
    expect(adapter.importCsv({ symbol: 'XYZ', bars: 'when,price\n2019-01-02,3' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/line 1: missing column\(s\): date, open, high, low, close/),
    });
  });

  it('imports prices and dividends, then simulates on them; a bad dividends line is named', async () => {
    const bars = koCsv('2016-01-04', '2019-12-31');
    expect(
      adapter.importCsv({ symbol: 'KOX', bars, dividends: 'ex_date,pay_date,amount\n2017-03-13,,-1\n' }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^the dividends file was not imported: line 2: /),
    });
    const imported = adapter.importCsv({
      symbol: 'kox',
      fileName: 'KO.csv',
      bars,
      dividends: 'ex_date,pay_date,amount\n2017-03-13,,0.37\n2018-03-14,,0.39\n',
    });
    expect(imported).toMatchObject({
      ok: true,
      value: {
        symbol: 'KOX',
        rows: 1006,
        first: '2016-01-04',
        last: '2019-12-31',
        interval: '1d',
        dividends: 2,
      },
    });
    const run = await adapter.start({ setup: { ...setup, symbols: ['KOX'], source: 'csv' } });
    expect(run).toMatchObject({ ok: true });
    expect(await finished(runOf(run))).toMatchObject({ status: 'done' });
    const detail = adapter.get(runOf(run)) as { value: RunDetailDto };
    expect(detail.value.result?.positions[0]).toMatchObject({ symbol: 'KOX' });
    expect(detail.value.result?.positions[0]?.dividendsNetCents).toBeGreaterThan(0);
  });

  it('refuses a symbol, interval or volume cap the source cannot give, in words', async () => {
    expect(await adapter.start({ setup: { ...setup, symbols: ['NOPE'], source: 'csv' } })).toMatchObject({
      ok: false,
      issues: [
        {
          path: 'setup.symbols',
          message: 'Imported CSV files: no history for NOPE: import a CSV for it first',
        },
      ],
    });
    expect(await adapter.start({ setup: { ...setup, interval: '5m' } })).toMatchObject({
      ok: false,
      issues: [{ path: 'setup.interval', message: 'Bundled dataset has 1d bars, not 5m' }],
    });
  });

  it('the provider’s history takes any symbol, none cached yet', async () => {
    const run = await adapter.start({ setup: { ...setup, source: 'provider' } });
    expect(run).toMatchObject({ ok: true });
    expect(await finished(runOf(run))).toMatchObject({ status: 'done' });
  });

  it('runs a walk-forward: the stitched out-of-sample equity as its result, and its windows', async () => {
    const run = await adapter.start({
      setup,
      sweep: { thresholds: [0.02, 0.05], rebalanceRatios: [1, 1.6667] },
      walkForward: { inSampleMonths: 12, outOfSampleMonths: 12, metric: 'sharpe' },
    });
    expect(run).toMatchObject({ ok: true, value: { kind: 'walk_forward' } });
    expect(await finished(runOf(run))).toMatchObject({ status: 'done' });
    const detail = (adapter.get(runOf(run)) as { value: RunDetailDto }).value;
    expect(detail.walkForward?.windows.length).toBe(3);
    for (const w of detail.walkForward?.windows ?? []) {
      expect([0.02, 0.05, null]).toContain(w.threshold);
      expect(w.outOfSampleFrom > w.inSampleTo).toBe(true);
    }
    expect(detail.result?.equity.dates[0]).toBe(detail.walkForward?.windows[0]?.outOfSampleFrom);
    expect(detail.result?.metrics.buyAndHold.totalReturn).not.toBeNull();
  });

  it('a sweep carries buy-and-hold, the heatmap’s centre', async () => {
    const run = await adapter.start({ setup, sweep: { thresholds: [0.03], rebalanceRatios: [1.6667] } });
    expect(await finished(runOf(run))).toMatchObject({ status: 'done' });
    const sweep = (adapter.get(runOf(run)) as { value: RunDetailDto }).value.sweep;
    expect(sweep?.buyAndHold?.totalReturn).toBeCloseTo(
      // KO 2016-01-04 → 2019-12-31, all in at the first close, dividends kept as cash: a plain run's own figure.
      (await plainBuyAndHold()) ?? NaN,
      12,
    );
  });

  async function plainBuyAndHold(): Promise<number | null> {
    const run = await adapter.start({ setup });
    await finished(runOf(run));
    return (
      (adapter.get(runOf(run)) as { value: RunDetailDto }).value.result?.metrics.buyAndHold.totalReturn ??
      null
    );
  }
});
