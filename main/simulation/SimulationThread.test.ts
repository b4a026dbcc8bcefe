import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tradingDaysBetween } from '../../shared/domain/calendar';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import { loadHistory, runSimulation } from '../../shared/simulation';
import { bars, simSpec } from '../../shared/simulation/testing/bars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { SimulationThread } from './SimulationThread';

const source = new BundledBarSource();
const thread = new SimulationThread(1);
let daily: SymbolHistory[];
/**
 * Long enough that progress is reported (and the cancel flag read) well before the end: the engine
 * checks every 16 384 bar times, so a year of one-minute bars (about 98 000) rather than daily ones.
 */
const minuteSpec: SimulationSpec = simSpec(['MIN'], { interval: '1m', from: '2024-01-01', to: '2024-12-31' });
let minutes: SymbolHistory[];

beforeAll(async () => {
  const loaded = await loadHistory(source, source, ['KO', 'PEP'], '1990-01-01', '2026-12-31', '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  daily = loaded.history;
  const rows = tradingDaysBetween('2024-01-02', '2024-12-31').flatMap((session) =>
    Array.from({ length: 390 }, (_, m) => {
      const i = Date.parse(`${session}T14:30:00Z`) / 60_000 + m;
      return {
        at: new Date(i * 60_000).toISOString(),
        session,
        close: Math.round((100 + 8 * Math.sin(i / 700) + Math.sin(i / 13)) * 100) / 100,
        volume: 10_000,
      };
    }),
  );
  minutes = [{ bars: bars('MIN', rows, '1m'), dividends: [] }];
});

afterAll(() => thread.close());

describe('SimulationThread', () => {
  it('replays in its worker exactly as in the calling thread, reporting progress', async () => {
    const spec = simSpec(['KO', 'PEP'], { from: '2000-01-01', to: '2010-12-31' });
    const reports: number[] = [];
    const outcome = await thread.run(spec, daily, { onProgress: (done) => reports.push(done) });
    expect(JSON.stringify(outcome)).toBe(JSON.stringify(runSimulation(spec, daily)));
    expect(reports.length).toBeGreaterThan(0);
    const intraday: number[] = [];
    const long = await thread.run(minuteSpec, minutes, { onProgress: (done) => intraday.push(done) });
    expect(long.ok).toBe(true);
    expect(intraday.length).toBeGreaterThan(2);
  });

  it('stops a replay part way when its signal is aborted', async () => {
    const controller = new AbortController();
    const outcome = await thread.run(minuteSpec, minutes, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(outcome).toMatchObject({ ok: false, code: 'CANCELLED' });
  });

  it('fails the job with WORKER_FAILED when the thread dies, and starts a fresh one for the next', async () => {
    const dying = thread.run(minuteSpec, minutes, {
      onProgress: () => void (thread as unknown as { worker: Worker }).worker.terminate(),
    });
    expect(await dying).toMatchObject({ ok: false, code: 'WORKER_FAILED' });
    const spec = simSpec(['KO'], { from: '2019-01-01', to: '2019-12-31' });
    expect((await thread.run(spec, daily)).ok).toBe(true);
  });
});
