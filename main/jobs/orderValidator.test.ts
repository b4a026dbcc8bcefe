import { afterEach, describe, expect, it } from 'vitest';
import { ny, openHarness, type Harness } from './testing/liveHarness';

/**
 * The order validator in the live loop (SPEC 9): after the guardrails, before the intent. A failed
 * check records a REJECTED order with its code and notifies; limits are off until set.
 */
describe('order validator in the live loop', () => {
  let h: Harness;
  afterEach(() => h?.close());

  const day = '2024-06-03';
  const script = { KO: [{ at: ny(day, 9, 58), bid: 99.9, ask: 100.1, last: 100 }] };

  it('limits off: the initial allocation goes through', async () => {
    h = await openHarness({ start: ny(day, 10, 0), script });
    const ko = h.addPosition('KO', 100_000);
    const r = await h.tick();
    expect(r.tenants[0]?.ordersCreated).toBe(1);
    expect(h.position(ko.id).anchor).toBeNull();
  });

  it('a position size limit rejects the order with its code, notifies, and the anchor is still set', async () => {
    h = await openHarness({
      start: ny(day, 10, 0),
      script,
      portfolioConfig: { risk: { maxPositionQty: 100 } },
    });
    const ko = h.addPosition('KO', 100_000);
    const r = await h.tick();
    expect(r.tenants[0]?.ordersCreated).toBe(0);
    expect(r.tenants[0]?.ordersRejected).toBe(1);
    const rejected = h.events(ko.id).find((e) => e.type === 'OrderRejected');
    expect(rejected?.type === 'OrderRejected' && rejected.payload.reasons).toContain('POSITION_SIZE_LIMIT');
    expect(rejected?.type === 'OrderRejected' && rejected.payload.detail).toMatch(
      /the position would hold 500 shares; the limit is 100 shares/,
    );
    const orders = h.store.orders.listByPosition(h.tenantId, ko.id);
    expect(orders.map((o) => [o.status, o.reasons.at(-1)])).toEqual([['REJECTED', 'POSITION_SIZE_LIMIT']]);
    expect(h.notifications.some((n) => n.kind === 'rejection' && /Order rejected/.test(n.title))).toBe(true);
    // SPEC 2.10: an initial allocation that ends without a fill sets the anchor to the price.
    expect(h.position(ko.id).anchor).toBe(100);
    h.expectReplayMatches(ko.id);
  });

  it('a global rate limit counts the orders of the whole tenant in the last minute', async () => {
    h = await openHarness({
      start: ny(day, 10, 0),
      script: { ...script, PEP: [{ at: ny(day, 9, 58), bid: 49.9, ask: 50.1, last: 50 }] },
      portfolioConfig: { risk: { maxOrdersPerMinute: 1 } },
    });
    h.addPosition('KO', 100_000);
    h.addPosition('PEP', 100_000);
    const r = await h.tick();
    // KO (first by symbol) takes the minute's one order; PEP is refused.
    expect(r.tenants[0]?.ordersCreated).toBe(1);
    expect(r.tenants[0]?.rejections.map((e) => [e.symbol, e.payload.reasons.at(-1)])).toEqual([
      ['PEP', 'RATE_LIMIT_GLOBAL'],
    ]);
  });
});
