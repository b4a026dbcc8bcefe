import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../db/testing/testDatabase';
import { MIN, ny, openHarness, type Harness } from './testing/liveHarness';

const T = ny('2024-06-03', 10, 0);
const SCRIPT = {
  AAPL: [{ at: T - MIN, bid: 99.99, ask: 100.01, last: 100 }],
  KO: [{ at: T - MIN, bid: 59.99, ask: 60.01, last: 60 }],
};

function counts(h: Harness) {
  const t = dumpTables(h.db.sqlite);
  return {
    events: t['events']?.length,
    orders: t['orders']?.length,
    intents: t['order_intents']?.length,
    trades: t['trades']?.length,
  };
}

describe('idempotency: nothing is created or filled twice', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('the same tick run twice writes nothing the second time', async () => {
    h = await openHarness({ start: T, script: SCRIPT });
    h.addPosition('AAPL', 100_000);
    h.addPosition('KO', 50_000);
    const first = await h.tick();
    expect(first.tenants[0]).toMatchObject({ evaluated: 2, ordersCreated: 2 });
    const before = counts(h);
    const again = await h.tick(first.tickId);
    expect(again.tenants[0]).toMatchObject({ evaluated: 0, ordersCreated: 0, completed: null });
    expect(counts(h)).toEqual(before);
    expect(again.symbolsQuoted).toBe(0); // nothing left to evaluate: no provider call either
  });

  it('a tick that crashed half-way is finished by its re-run, without doubles', async () => {
    h = await openHarness({ start: T, script: SCRIPT });
    const aapl = h.addPosition('AAPL', 100_000);
    const ko = h.addPosition('KO', 50_000);
    // The first run wrote AAPL's evaluation only: KO's savepoint failed and was rolled back.
    const realAppend = h.store.events.append.bind(h.store.events);
    h.store.events.append = (tenantId, events) => {
      if (events[0]?.type === 'EvaluationEvent' && events[0].positionId === ko.id)
        throw new Error('power cut');
      return realAppend(tenantId, events);
    };
    const first = await h.tick();
    expect(first.tenants[0]).toMatchObject({ evaluated: 1, failed: 1 });
    h.store.events.append = realAppend;

    const second = await h.tick(first.tickId);
    expect(second.tenants[0]).toMatchObject({ evaluated: 1, ordersCreated: 1, completed: null });
    for (const p of [aapl, ko]) {
      const evaluations = h.events(p.id).filter((e) => e.type === 'EvaluationEvent');
      expect(evaluations).toHaveLength(1);
      expect(h.store.orders.listByPosition(h.tenantId, p.id)).toHaveLength(1);
    }
    const completed = h.store.events
      .listByCorrelation(h.tenantId, first.tickId)
      .filter((e) => e.type === 'TickCompleted');
    expect(completed).toHaveLength(1);
  });

  it('a duplicate evaluation, intent or order (same tick, dedupe key, order) is refused by the database', async () => {
    h = await openHarness({ start: T, script: SCRIPT });
    const aapl = h.addPosition('AAPL', 100_000);
    const { tickId } = await h.tick();
    const [evaluation] = h.events(aapl.id).filter((e) => e.type === 'EvaluationEvent');
    if (!evaluation) throw new Error('no evaluation');
    expect(() => h.store.events.append(h.tenantId, [evaluation])).toThrow(/UNIQUE/);
    const [order] = h.store.orders.listByPosition(h.tenantId, aapl.id);
    if (!order) throw new Error('no order');
    expect(order.dedupeKey).toBe(`${tickId}:${aapl.id}`);
    expect(h.store.orders.insert(h.tenantId, { ...order, id: 'another-id' })).toBe(false);
    expect(h.store.intents.enqueue(h.tenantId, { id: 'another-intent', orderId: order.id, now: T })).toBe(
      false,
    );
    const drained = await h.drain();
    expect(drained.outcomes.map((o) => o.kind)).toEqual(['filled']);
    expect(h.store.trades.listByOrder(h.tenantId, order.id)).toHaveLength(1);
  });

  it('the worker restarted mid-batch: the claimed intent returns after its lease and fills once', async () => {
    h = await openHarness({ start: T, script: SCRIPT });
    h.addPosition('AAPL', 100_000);
    h.addPosition('KO', 50_000);
    await h.tick();
    // The first worker claims one intent, then "dies" before executing it.
    const claimed = h.store.intents.claimNextDue(h.tenantId, h.clock.now(), 60_000);
    expect(claimed?.status).toBe('PROCESSING');
    // A restarted worker before the lease ends fills the other one only.
    const early = await h.drain();
    expect(early.outcomes.map((o) => o.kind)).toEqual(['filled']);
    expect(early.released).toBe(0);
    // After the lease, the crashed claim is back in the queue and fills once.
    h.clock.set(h.clock.now() + 61_000);
    const late = await h.drain();
    expect(late.released).toBe(1);
    expect(late.outcomes.map((o) => o.kind)).toEqual(['filled']);
    expect(await h.drain()).toEqual({ released: 0, outcomes: [] });
    expect(dumpTables(h.db.sqlite)['trades']).toHaveLength(2);
    for (const p of h.store.positions.listByTenant(h.tenantId)) h.expectReplayMatches(p.id);
  });

  it('an intent whose order already filled (broker answered, crash before DONE) books nothing again', async () => {
    h = await openHarness({ start: T, script: SCRIPT });
    const aapl = h.addPosition('AAPL', 100_000);
    await h.tick();
    await h.drain();
    const [order] = h.store.orders.listByPosition(h.tenantId, aapl.id);
    const intent = h.store.intents.getByOrder(h.tenantId, order?.id ?? '');
    expect(intent?.status).toBe('DONE');
    // Force the intent back to PROCESSING-with-expired-lease as a crash between two writes would leave it.
    h.db.sqlite
      .prepare("UPDATE order_intents SET status = 'PROCESSING', lease_until = ? WHERE id = ?")
      .run(T - 1, intent?.id);
    const again = await h.drain();
    expect(again.outcomes.map((o) => o.kind)).toEqual(['alreadyDone']);
    expect(h.store.trades.listByPosition(h.tenantId, aapl.id)).toHaveLength(1);
    h.expectReplayMatches(aapl.id);
  });
});
