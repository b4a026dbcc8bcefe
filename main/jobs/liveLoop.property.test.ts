import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaperBroker } from '../adapters/broker/PaperBroker';
import type { ScriptedQuote } from '../adapters/marketData/ScriptedMarketData';
import { MIN, ny, openHarness } from './testing/liveHarness';

const DAY = '2024-06-03';
const OPEN = ny(DAY, 9, 30);
const TICKS = 40;

/** A random walk of 5-minute steps, with spreads and occasional gaps, as scripted quotes. */
const pathArb = fc
  .record({
    start: fc.integer({ min: 20, max: 400 }),
    steps: fc.array(fc.integer({ min: -400, max: 400 }), { minLength: TICKS * 2, maxLength: TICKS * 2 }),
    spreadBps: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ start, steps, spreadBps }) => {
    const quotes: ScriptedQuote[] = [];
    let p = start;
    steps.forEach((bps, i) => {
      p = Math.max(1, Math.round(p * (1 + bps / 10_000) * 100) / 100);
      const half = Math.max(0.01, Math.round(((p * spreadBps) / 20_000) * 100) / 100);
      // Two quotes per tick: one at the tick, one 2.5 minutes later (the execution sees a drifted price).
      quotes.push({
        at: OPEN + i * 2.5 * MIN,
        bid: Math.round((p - half) * 100) / 100,
        ask: Math.round((p + half) * 100) / 100,
        last: p,
      });
    });
    return quotes;
  });

describe('the live loop on random price paths (property)', () => {
  it('never makes cash or shares negative, keeps every row equal to its replay, and fills no order twice', async () => {
    let fillsSeen = 0;
    let reEvaluations = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(pathArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1_000, max: 200_000 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom<'hold' | 'reject' | 'clip'>('hold', 'reject', 'clip'),
        fc.constantFrom(0, 1),
        async (paths, cash, slippageBps, actionBelowMin, qtyStep) => {
          const symbols = paths.map((_, i) => `S${i}`);
          const h = await openHarness({
            start: OPEN,
            script: Object.fromEntries(symbols.map((s, i) => [s, paths[i] as ScriptedQuote[]])),
            broker: (clock) => new PaperBroker({ clock, slippageBps }),
            portfolioConfig: { orderPolicy: { actionBelowMin, qtyStep } },
          });
          try {
            const ids = symbols.map((s, i) => h.addPosition(s, cash[i] as number).id);
            for (let t = 0; t < TICKS; t++) {
              h.clock.set(OPEN + t * 5 * MIN);
              await h.tick();
              h.clock.set(OPEN + t * 5 * MIN + 3 * MIN); // execution three minutes later, at a moved price
              await h.drain();
              for (const id of ids) {
                const p = h.position(id);
                expect(p.cashCents).toBeGreaterThanOrEqual(0);
                expect(p.qty).toBeGreaterThanOrEqual(0);
              }
            }
            for (const id of ids) {
              h.expectReplayMatches(id);
              const fills = h.events(id).filter((e) => e.type === 'OrderFilled');
              fillsSeen += fills.length;
              reEvaluations += h.events(id).filter((e) => e.type === 'OrderReEvaluated').length;
              const orderIds = fills.map((e) => (e.type === 'OrderFilled' ? e.payload.orderId : ''));
              expect(new Set(orderIds).size).toBe(orderIds.length);
              for (const order of h.store.orders.listByPosition(h.tenantId, id, 10_000)) {
                expect(h.store.trades.listByOrder(h.tenantId, order.id).length).toBeLessThanOrEqual(1);
                expect(order.filledQty).toBeLessThanOrEqual(order.qty);
              }
            }
          } finally {
            h.close();
          }
        },
      ),
      { numRuns: 25, seed: 20240603 },
    );
    // The paths really trade, and drift re-evaluations happen: the property is not vacuous.
    expect(fillsSeen).toBeGreaterThan(100);
    expect(reEvaluations).toBeGreaterThan(10);
  }, 120_000);
});
