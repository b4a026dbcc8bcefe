import { afterEach, describe, expect, it } from 'vitest';
import type { DividendInfo, MarketDataPort } from '../../shared/ports/MarketData';
import { settle, VirtualClock } from '../adapters/clock/VirtualClock';
import { MemoryLogger } from '../adapters/logging/PinoLogger';
import { ScriptedMarketData } from '../adapters/marketData/ScriptedMarketData';
import type { Backend } from '../composition/Backend';
import { createBackend } from '../composition/createBackend';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { ny, pricePath } from './testing/liveHarness';
import { DailyJobScheduler } from './DailyJobScheduler';

/**
 * ADR 0089: the daily dividend jobs have their own timer (SPEC 1 "daily, off-hours"). They run while
 * trading is paused, and a tick never waits for them, even when the provider's dividend history hangs.
 */
const DAY = '2024-06-03'; // a Monday
const KO_DIVIDEND: DividendInfo = {
  symbol: 'KO',
  exDate: '2024-06-04',
  payDate: '2024-06-05',
  amountPerShare: 0.485,
  currency: 'USD',
  withholdingTaxPct: null,
  source: 'scripted',
};

describe('daily dividend jobs on their own timer', () => {
  let dir: string;
  let backend: Backend | null = null;
  afterEach(async () => {
    await backend?.stop();
    backend = null;
    removeDir(dir);
  });

  async function make(wrap?: (inner: MarketDataPort) => MarketDataPort) {
    dir = tempDir('vb-daily-');
    const clock = new VirtualClock(ny(DAY, 9, 31));
    const inner = new ScriptedMarketData({
      clock,
      script: { KO: pricePath(ny(DAY, 9, 30), Array<number>(2000).fill(60)) },
      dividends: [KO_DIVIDEND],
    });
    backend = await createBackend({
      dataDir: dir,
      marketData: wrap ? wrap(inner) : inner,
      clock,
      logger: new MemoryLogger(),
      workerPollMs: 60_000,
    });
    const portfolio = backend.useCases.createPortfolio({ name: 'Mine' });
    if (!portfolio.ok) throw new Error(portfolio.message);
    const ko = backend.useCases.createPosition({
      portfolioId: portfolio.value.id,
      symbol: 'KO',
      initialCash: 10_000,
      existingShares: 100,
    });
    if (!ko.ok) throw new Error(ko.message);
    return { b: backend, clock, positionId: ko.value.id };
  }

  it('accrues on the ex-date and pays on the pay date while trading is paused', async () => {
    const { b, clock, positionId } = await make();
    b.start();
    b.trading.pause();
    await clock.advanceTo(ny('2024-06-04', 1, 0));
    await settle();
    const accrued = b.queries.events({ positionId, types: ['DividendAccrued'] });
    // 100 shares × $0.485 = $48.50, no withholding.
    expect(accrued.map((e) => e.payload)).toEqual([
      expect.objectContaining({ qtyEligible: 100, netCents: 4850 }),
    ]);
    expect(b.queries.events({ positionId, types: ['DividendPaid'] })).toEqual([]);
    await clock.advanceTo(ny('2024-06-05', 1, 0));
    await settle();
    expect(b.queries.events({ positionId, types: ['DividendPaid'] })).toHaveLength(1);
    // Paused all along: every tick was skipped, none evaluated.
    expect(b.queries.events({ positionId, types: ['EvaluationEvent'] })).toEqual([]);
    expect(b.settings.dailyJobs()).toMatchObject({
      lastRunDate: '2024-06-05',
      nextRunAt: ny('2024-06-06', 0, 15),
    });
  });

  it('a tick never waits for the dividend history, even when the provider hangs on it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { b, clock, positionId } = await make((inner) => ({
      name: inner.name,
      getQuotes: (...a) => inner.getQuotes(...a),
      getDividends: async (...a) => {
        await gate;
        return inner.getDividends(...a);
      },
      getSplits: (...a) => inner.getSplits(...a),
      getDailyBars: (...a) => inner.getDailyBars(...a),
      health: () => inner.health(),
    }));
    b.start();
    await clock.advanceTo(ny(DAY, 9, 46));
    await settle();
    // The daily run started at once (start-up catch-up) and is stuck on the provider; ticks went on.
    expect(b.settings.dailyJobs().running).toBe(true);
    expect(b.queries.events({ positionId, types: ['EvaluationEvent'] })).toHaveLength(3); // 09:35, :40, :45
    release();
    await settle();
    expect(b.settings.dailyJobs()).toMatchObject({ running: false, lastRunDate: DAY });
  });

  it('the scheduler fires at 00:15 New York each exchange date and retries a failed run', async () => {
    const clock = new VirtualClock(ny(DAY, 12, 0));
    const runs: string[] = [];
    let fail = true;
    const daily = new DailyJobScheduler({
      clock,
      logger: new MemoryLogger(),
      run: async (today) => {
        runs.push(today);
        if (fail) {
          fail = false;
          throw new Error('provider exploded');
        }
      },
    });
    daily.start();
    await settle();
    expect(runs).toEqual([DAY]); // at start, failed
    expect(daily.nextRunAt()).toBe(ny('2024-06-04', 0, 15));
    await daily.ensureToday(); // a failed date is tried again
    expect(runs).toEqual([DAY, DAY]);
    await daily.ensureToday(); // done: not again
    await clock.advanceTo(ny('2024-06-05', 0, 20));
    expect(runs).toEqual([DAY, DAY, '2024-06-04', '2024-06-05']);
    await daily.stop();
    expect(daily.nextRunAt()).toBeNull();
  });
});
