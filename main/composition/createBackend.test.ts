import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MarketDataPort, QuoteResult } from '../../shared/ports/MarketData';
import { settle, VirtualClock } from '../adapters/clock/VirtualClock';
import { MemoryLogger } from '../adapters/logging/PinoLogger';
import { ScriptedMarketData } from '../adapters/marketData/ScriptedMarketData';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { ny, pricePath } from '../jobs/testing/liveHarness';
import type { Backend, BackendEvent } from './Backend';
import { restoreMarkerOf, pendingRestoreFile, stageRestore } from './backup';
import { createBackend } from './createBackend';

const DAY = '2024-06-03';

describe('createBackend (the composition root)', () => {
  let dir: string;
  let backend: Backend | null = null;
  afterEach(async () => {
    await backend?.stop();
    backend = null;
    removeDir(dir);
  });

  async function make(marketData?: (clock: VirtualClock) => MarketDataPort) {
    dir = tempDir('vb-backend-');
    const clock = new VirtualClock(ny(DAY, 9, 31));
    const md =
      marketData?.(clock) ??
      new ScriptedMarketData({
        clock,
        script: {
          AAPL: pricePath(ny(DAY, 9, 30), [100, 100, 100, 96.5, 96.5, 96.5]),
          KO: pricePath(ny(DAY, 9, 30), Array<number>(6).fill(60)),
        },
      });
    const logger = new MemoryLogger();
    backend = await createBackend({ dataDir: dir, marketData: md, clock, logger, workerPollMs: 60_000 });
    const pushes: BackendEvent[] = [];
    backend.events.subscribe((e) => pushes.push(e));
    return { backend, clock, logger, pushes };
  }

  it('runs the loop on its clock: ticks, fills, pushes, queries; evaluate now; pause; backup', async () => {
    const { backend: b, clock, pushes } = await make();
    const demo = b.useCases.createPortfolio({ name: 'Mine' });
    if (!demo.ok) throw new Error(demo.message);
    const aapl = b.useCases.createPosition({
      portfolioId: demo.value.id,
      symbol: 'AAPL',
      initialCash: 100_000,
    });
    if (!aapl.ok) throw new Error(aapl.message);
    b.start();
    await clock.advanceTo(ny(DAY, 9, 51));
    await settle();

    const types = pushes.map((p) => p.type);
    expect(types.filter((t) => t === 'tickCompleted')).toHaveLength(4); // 09:35 … 09:50
    expect(types).toContain('orderCreated');
    expect(types).toContain('orderFilled');
    expect(types).toContain('positionChanged');
    expect(pushes.some((p) => p.type === 'notification' && p.notification.kind === 'fill')).toBe(true);
    // Newest first; the backend's paper broker slips 1 bp, so the second buy is 62.
    expect(b.queries.trades({ positionId: aapl.value.id }).map((t) => [t.side, t.qty, t.price])).toEqual([
      ['BUY', 62, 96.52],
      ['BUY', 500, 100.03], // 100.01 × 1.0001 = 100.020001, rounded up to the cent (never below the slipped price)
    ]);
    const status = b.trading.status();
    expect(status).toMatchObject({
      running: true,
      paused: false,
      queue: { queued: 0, processing: 0, failed: 0, dead: 0 },
    });
    expect(status.lastTick?.tickId).toBe(new Date(ny(DAY, 9, 50)).toISOString());
    expect(status.nextTickAt).toBe(ny(DAY, 9, 55));

    const manual = await b.trading.evaluateNow();
    expect(manual.tickId).toMatch(/^manual:/);
    expect(manual.evaluated).toBe(1);

    b.trading.pause();
    await clock.advanceTo(ny(DAY, 9, 56));
    expect(b.trading.status().lastTick).toMatchObject({ skipped: true });
    b.trading.resume();

    const events = b.queries.events({ positionId: aapl.value.id, types: ['EvaluationEvent'] });
    expect(events.length).toBe(5);
    expect(b.queries.verifyEventChain()).toMatchObject({ ok: true });

    const copy = await b.backup();
    expect(fs.existsSync(copy.file)).toBe(true);
    expect(path.dirname(copy.file)).toBe(path.join(dir, 'backups'));
  });

  it('stops gracefully: the tick in flight completes and is recorded, then the database closes', async () => {
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const { backend: b, clock } = await make((c) => {
      const inner = new ScriptedMarketData({
        clock: c,
        script: { AAPL: pricePath(ny(DAY, 9, 30), [100, 100, 100]) },
      });
      return {
        name: inner.name,
        // The provider is slow: the tick is waiting for it when the stop comes.
        getQuotes: async (symbols, opts): Promise<ReadonlyMap<string, QuoteResult>> => {
          await gate;
          return inner.getQuotes(symbols, opts);
        },
        getDividends: (...a) => inner.getDividends(...a),
        getSplits: (...a) => inner.getSplits(...a),
        getDailyBars: (...a) => inner.getDailyBars(...a),
        health: () => inner.health(),
      };
    });
    const portfolio = b.useCases.createDemoPortfolio();
    expect(portfolio.ok).toBe(true);
    b.start();
    await clock.advanceTo(ny(DAY, 9, 35));
    expect(b.trading.status().tickInProgress).toBe(new Date(ny(DAY, 9, 35)).toISOString());
    const stopping = b.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false); // waiting for the tick in flight
    openGate();
    await stopping;
    backend = null;
    // Reopen: the tick that was in flight is complete, with one evaluation per position.
    const again = await createBackend({
      dataDir: dir,
      marketData: new ScriptedMarketData({ clock, script: {} }),
      clock,
      logger: new MemoryLogger(),
    });
    try {
      const completed = again.queries.events({ types: ['TickCompleted'] });
      expect(completed.map((e) => e.correlationId)).toEqual([new Date(ny(DAY, 9, 35)).toISOString()]);
      expect(again.queries.events({ types: ['EvaluationEvent'] })).toHaveLength(4);
    } finally {
      await again.stop();
    }
  });

  describe('a restore staged from the UI', () => {
    async function reopen() {
      await backend?.stop();
      const clock = new VirtualClock(ny(DAY, 9, 31));
      const logger = new MemoryLogger();
      backend = await createBackend({
        dataDir: dir,
        marketData: new ScriptedMarketData({ clock, script: {} }),
        clock,
        logger,
        workerPollMs: 60_000,
      });
      return { b: backend, logger };
    }

    /** A backend with portfolio "Before" in a backup and "After" only in the live database. */
    async function twoStates() {
      const { backend: b } = await make();
      if (!b.useCases.createPortfolio({ name: 'Before' }).ok) throw new Error('portfolio');
      const copy = await b.backup();
      if (!b.useCases.createPortfolio({ name: 'After' }).ok) throw new Error('portfolio');
      return { file: b.databaseFile, copy: copy.file };
    }

    const names = (b: Backend) => b.queries.portfolios().map((p) => p.name);

    it('is applied at the next start: the backup is the database, the old one kept as .bak', async () => {
      const { file, copy } = await twoStates();
      expect(stageRestore(dir, file, copy)).toMatchObject({ ok: true });
      const { b, logger } = await reopen();
      expect(names(b)).toEqual(['Before']);
      expect(b.queries.verifyEventChain()).toMatchObject({ ok: true });
      expect(fs.existsSync(restoreMarkerOf(file))).toBe(false);
      expect(fs.existsSync(pendingRestoreFile(dir))).toBe(false);
      expect(fs.readdirSync(dir).some((f) => /\.before-restore-.*\.bak$/.test(f))).toBe(true);
      expect(logger.lines.some((l) => l.msg === 'staged restore applied')).toBe(true);
    });

    it('leaves the database untouched when the staged copy is corrupt, and the app starts', async () => {
      const { file, copy } = await twoStates();
      expect(stageRestore(dir, file, copy)).toMatchObject({ ok: true });
      fs.writeFileSync(pendingRestoreFile(dir), Buffer.alloc(4096, 7));
      const { b, logger } = await reopen();
      expect(names(b).sort()).toEqual(['After', 'Before']);
      expect(fs.existsSync(restoreMarkerOf(file))).toBe(false);
      expect(fs.existsSync(pendingRestoreFile(dir))).toBe(false);
      expect(fs.readdirSync(dir).some((f) => f.includes('before-restore'))).toBe(false);
      expect(logger.lines).toContainEqual(
        expect.objectContaining({
          level: 'error',
          msg: 'staged restore not applied; the database is unchanged',
        }),
      );
    });
  });
});
