import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../adapters/clock/VirtualClock';
import { MemoryLogger } from '../adapters/logging/PinoLogger';
import { ScriptedMarketData } from '../adapters/marketData/ScriptedMarketData';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { openLedgerBackend } from '../ipc/testing/ledgerBackend';
import { loopStatusDto } from '../ipc/mappers/tradingDtos';
import { ny, pricePath } from '../jobs/testing/liveHarness';
import type { Backend, BackendEvent } from './Backend';
import { createBackend, databaseFileFor } from './createBackend';

const DAY = '2024-06-03';

/**
 * The circuit breaker's halt in the composed backend (SPEC 9): orders by hand are refused with the
 * reason, the trading status says halted, and the resume is a fact with its notification.
 */
describe('a portfolio halted by the circuit breaker', () => {
  let dir: string;
  let backend: Backend | null = null;
  afterEach(async () => {
    await backend?.stop();
    backend = null;
    removeDir(dir);
  });

  it('refuses orders by hand until resumed; the status and the pushes say so', async () => {
    dir = tempDir('vb-halt-');
    const seed = await openLedgerBackend(databaseFileFor(dir, 'replay'));
    const portfolio = seed.backend.useCases.createPortfolio({ name: 'Core' });
    if (!portfolio.ok) throw new Error(portfolio.message);
    const position = seed.backend.useCases.createPosition({
      portfolioId: portfolio.value.id,
      symbol: 'KO',
      initialCash: 20_000,
    });
    if (!position.ok) throw new Error(position.message);
    const { store } = seed.store;
    const tenantId = seed.backend.tenantId;
    store.uow.transaction(() =>
      store.events.append(tenantId, [
        {
          type: 'TradingHalted',
          tenantId,
          portfolioId: portfolio.value.id,
          positionId: null,
          symbol: null,
          ts: ny(DAY, 9, 30),
          correlationId: 'tick',
          payload: {
            reason: 'max_drawdown',
            scope: 'all',
            session: DAY,
            equityCents: 17_000_00,
            referenceCents: 20_000_00,
            limitPct: 0.1,
          },
        },
      ]),
    );
    await seed.close();

    const clock = new VirtualClock(ny(DAY, 10, 1));
    const md = new ScriptedMarketData({
      clock,
      script: { KO: pricePath(ny(DAY, 9, 30), Array(12).fill(60)) },
    });
    backend = await createBackend({ dataDir: dir, marketData: md, clock, logger: new MemoryLogger() });
    const pushes: BackendEvent[] = [];
    backend.events.subscribe((e) => pushes.push(e));

    expect(backend.risk.halts().map((h) => [h.name, h.state])).toEqual([['Core', 'halted']]);
    expect(loopStatusDto(backend, backend.trading.status(), 300_000).halted).toEqual({
      ledger: false,
      portfolios: ['Core'],
    });
    const refused = await backend.trading.placeOrder({
      positionId: position.value.id,
      side: 'BUY',
      qty: 10,
      by: 'user',
      why: null,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('conflict');
      expect(refused.message).toMatch(
        /^Trading of portfolio Core is halted: Trading halted by the max-drawdown/,
      );
    }
    // The tick evaluates but places nothing.
    const tick = await backend.trading.evaluateNow();
    expect(tick.ordersCreated).toBe(0);

    const resumed = backend.risk.resume({ portfolioId: portfolio.value.id, by: 'user', why: 'checked' });
    expect(resumed.ok).toBe(true);
    expect(pushes.some((p) => p.type === 'notification' && p.notification.kind === 'tradingResumed')).toBe(
      true,
    );
    expect(backend.risk.halts().map((h) => h.state)).toEqual(['trading']);
    const placed = await backend.trading.placeOrder({
      positionId: position.value.id,
      side: 'BUY',
      qty: 10,
      by: 'user',
      why: null,
    });
    expect(placed.ok).toBe(true);
  });
});
