import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resumeTrading } from '../../shared/application/risk/tradingHalts';
import { MIN, must, ny, openHarness, type Harness } from './testing/liveHarness';

/**
 * SPEC 9 on random days of the live loop (a real SQLite file, the tick and the worker): once the circuit
 * breaker has halted the portfolio, no order is created — by any tick, whatever the prices do — until
 * the investor resumes it; and no sale ever exceeds the shares held.
 */
describe('live loop: a halted portfolio creates no order until resumed', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });

  const day1 = '2024-06-03';
  const day2 = '2024-06-04';
  const at = (t: number, p: number) => ({ at: t, bid: p - 0.01, ask: p + 0.01, last: p });

  it('holds for random price paths, with stops set too', async () => {
    let haltedRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 50, max: 130 }), { minLength: 6, maxLength: 12 }),
        fc.constantFrom(0.05, 0.1, 0.2),
        async (path, limit) => {
          h?.close();
          const ticks = path.map((_, k) => ny(day2, 10, 0) + k * 5 * MIN);
          h = await openHarness({
            start: ny(day1, 10, 0),
            script: {
              KO: [
                at(ny(day1, 10, 0), 100),
                at(ny(day1, 15, 55), 100),
                ...path.map((p, k) => at(ticks[k] as number, p)),
              ],
            },
            risk: true,
            portfolioConfig: { risk: { maxDrawdownPct: limit, trailingStopPct: 0.15 } },
          });
          const harness = h;
          const ko = harness.addPosition('KO', 100_000);
          for (const t of [ny(day1, 10, 0), ny(day1, 15, 55)]) {
            harness.clock.set(t);
            await harness.tick();
            await harness.drain();
          }
          let halted = false;
          for (const t of ticks) {
            harness.clock.set(t);
            const before = harness.store.orders.listByPosition(harness.tenantId, ko.id).length;
            const r = await harness.tick();
            const created = harness.store.orders.listByPosition(harness.tenantId, ko.id).length - before;
            if (halted) expect(created).toBe(0);
            if ((r.tenants[0]?.halts ?? []).some((e) => e.payload.reason === 'max_drawdown')) {
              expect(created).toBe(0); // the halt's own tick places nothing either
              halted = true;
            }
            await harness.drain();
          }
          const held = (side: 'BUY' | 'SELL') =>
            harness.store.trades
              .listByPosition(harness.tenantId, ko.id)
              .filter((x) => x.side === side)
              .reduce((n, x) => n + x.qty, 0);
          expect(held('SELL')).toBeLessThanOrEqual(held('BUY'));
          if (halted) {
            haltedRuns++;
            const deps = { ...harness.store, clock: harness.clock, ids: harness.deps.ids };
            must(
              resumeTrading(deps, {
                tenantId: harness.tenantId,
                portfolioId: harness.portfolioId,
                by: 'user',
              }),
            );
            const r = await harness.tick(`manual:after-resume`);
            expect(r.tenants[0]?.halts.filter((e) => e.payload.reason === 'max_drawdown')).toHaveLength(0);
          }
          harness.expectReplayMatches(ko.id);
        },
      ),
      { numRuns: 12 },
    );
    expect(haltedRuns, 'the paths must halt some runs, or the property says nothing').toBeGreaterThan(0);
  });
});
