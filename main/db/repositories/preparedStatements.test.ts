import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderRecord, portfolioRecord, positionRecord } from '../testing/records';
import { openTestStore, removeDir, type TestStore } from '../testing/testDatabase';

/**
 * The hot paths of the live loop run on statements prepared once (bench/tick.bench.ts,
 * bench/drain.bench.ts). These pin what the prepared forms must keep doing exactly as before.
 */
let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
  t.store.tenants.insert({ id: 'tA', name: 'A', createdAt: 1 });
  t.store.portfolios.insert('tA', portfolioRecord('tA', 'fA'));
  t.store.positions.insert('tA', positionRecord('tA', 'fA', 'pA'));
});
afterEach(() => {
  t.close();
  removeDir(t.dir);
});

describe('prepared repository statements', () => {
  it('a versioned position update writes every field, JSON override included, and refuses a stale version', () => {
    const before = t.store.positions.get('tA', 'pA');
    if (!before) throw new Error('no position');
    const next = {
      ...before,
      qty: 12.5,
      anchor: 99.5,
      configOverride: { trigger: { upThreshold: 0.05 } },
      withholdingPct: 0.15,
      version: before.version + 1,
      updatedAt: 42,
    };
    expect(t.store.positions.update('tA', next, before.version)).toBe(true);
    expect(t.store.positions.get('tA', 'pA')).toEqual(next);
    // Stale: the row is at next.version now, not before.version.
    expect(t.store.positions.update('tA', { ...next, qty: 1 }, before.version)).toBe(false);
    expect(t.store.positions.get('tA', 'pA')?.qty).toBe(12.5);
    expect(
      t.store.positions.update(
        'tA',
        { ...next, configOverride: null, version: next.version + 1 },
        next.version,
      ),
    ).toBe(true);
    expect(t.store.positions.get('tA', 'pA')?.configOverride).toBeNull();
  });

  it('an order transition changes only the fields given, compare-and-set on the status', () => {
    t.store.orders.insert('tA', orderRecord('tA', 'pA', 'o1'));
    const o = t.store.orders.get('tA', 'o1');
    if (!o) throw new Error('no order');
    expect(t.store.orders.transition('tA', 'o1', 'NEW', { status: 'SUBMITTED', updatedAt: 5 })).toBe(true);
    expect(t.store.orders.get('tA', 'o1')).toEqual({ ...o, status: 'SUBMITTED', updatedAt: 5 });
    expect(
      t.store.orders.transition('tA', 'o1', 'SUBMITTED', {
        status: 'SUBMITTED',
        qty: 3,
        price: 7.5,
        updatedAt: 6,
      }),
    ).toBe(true);
    expect(t.store.orders.get('tA', 'o1')).toMatchObject({ qty: 3, price: 7.5, filledQty: o.filledQty });
    expect(t.store.orders.transition('tA', 'o1', 'NEW', { status: 'FILLED', updatedAt: 7 })).toBe(false);
    expect(t.store.orders.transition('tB', 'o1', 'SUBMITTED', { status: 'FILLED', updatedAt: 7 })).toBe(
      false,
    );
  });

  it('claims the earliest due intent across QUEUED and FAILED', () => {
    for (const id of ['o1', 'o2'])
      t.store.orders.insert('tA', { ...orderRecord('tA', 'pA', id), dedupeKey: id, tickId: id });
    t.store.intents.enqueue('tA', { id: 'i1', orderId: 'o1', now: 100 });
    t.store.intents.enqueue('tA', { id: 'i2', orderId: 'o2', now: 200 });
    const first = t.store.intents.claimNextDue('tA', 300, 1_000);
    expect(first?.id).toBe('i1');
    t.store.intents.markFailed('tA', 'i1', 'boom', 300, { maxAttempts: 5, baseDelayMs: 0, maxDelayMs: 0 });
    // i1 is FAILED and due at 300, i2 QUEUED since 200: i2 first, then i1.
    expect(t.store.intents.claimNextDue('tA', 300, 1_000)?.id).toBe('i2');
    expect(t.store.intents.claimNextDue('tA', 300, 1_000)).toMatchObject({
      id: 'i1',
      attempts: 2,
      status: 'PROCESSING',
      leaseUntil: 1_300,
    });
    expect(t.store.intents.claimNextDue('tA', 300, 1_000)).toBeNull();
    expect(t.store.intents.markDone('tA', 'i1', 400)).toBe(true);
    expect(t.store.intents.markDone('tA', 'i1', 400)).toBe(false);
  });
});
