import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cents } from '../../../shared/domain/Money';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
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

  it('claims a batch in due order across QUEUED and FAILED, leased, up to the limit', () => {
    const ids = ['o1', 'o2', 'o3', 'o4', 'o5'];
    for (const id of ids)
      t.store.orders.insert('tA', { ...orderRecord('tA', 'pA', id), dedupeKey: id, tickId: id });
    // Same due time for i1 and i2: the id decides. i4 is not due yet; i5 fails and is due again at 250.
    t.store.intents.enqueue('tA', { id: 'i2', orderId: 'o2', now: 100 });
    t.store.intents.enqueue('tA', { id: 'i1', orderId: 'o1', now: 100 });
    t.store.intents.enqueue('tA', { id: 'i3', orderId: 'o3', now: 300 });
    t.store.intents.enqueue('tA', { id: 'i4', orderId: 'o4', now: 900 });
    t.store.intents.enqueue('tA', { id: 'i5', orderId: 'o5', now: 50 });
    expect(t.store.intents.claimNextDue('tA', 60, 1_000)?.id).toBe('i5');
    t.store.intents.markFailed('tA', 'i5', 'boom', 200, { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 50 });

    const first = t.store.intents.claimDue('tA', 400, 1_000, 3);
    expect(first.map((i) => [i.id, i.status, i.attempts, i.leaseUntil, i.updatedAt])).toEqual([
      ['i1', 'PROCESSING', 1, 1_400, 400],
      ['i2', 'PROCESSING', 1, 1_400, 400],
      ['i5', 'PROCESSING', 2, 1_400, 400],
    ]);
    expect(t.store.intents.get('tA', 'i5')).toMatchObject({ status: 'PROCESSING', lastError: 'boom' });
    // Another tenant sees nothing of tA's queue; claimed (PROCESSING) and future intents are not due.
    expect(t.store.intents.claimDue('tB', 400, 1_000, 10)).toEqual([]);
    expect(t.store.intents.claimDue('tA', 400, 1_000, 10).map((i) => i.id)).toEqual(['i3']);
    expect(t.store.intents.claimDue('tA', 400, 1_000, 10)).toEqual([]);
    expect(t.store.intents.claimDue('tA', 900, 1_000, 0)).toEqual([]);
    expect(t.store.intents.claimDue('tA', 900, 1_000, 10).map((i) => i.id)).toEqual(['i4']);
    // The lease works as for one claim: expired, the batch goes back to the queue.
    expect(t.store.intents.releaseExpiredLeases('tA', 1_401)).toBe(4);
    expect(t.store.intents.claimDue('tA', 1_401, 1_000, 2).map((i) => [i.id, i.attempts])).toEqual([
      ['i1', 2],
      ['i2', 2],
    ]);
  });

  it('a position update that changes symbol or status writes them too (the ledger-only form does not apply)', () => {
    const before = t.store.positions.get('tA', 'pA');
    if (!before) throw new Error('no position');
    const paused = {
      ...before,
      status: 'PAUSED' as const,
      qty: 3,
      version: before.version + 1,
      updatedAt: 7,
    };
    expect(t.store.positions.update('tA', paused, before.version)).toBe(true);
    expect(t.store.positions.get('tA', 'pA')).toEqual(paused);
    expect(t.store.positions.listByTenant('tA', ['ACTIVE'])).toEqual([]);
    expect(t.store.positions.listVersions('tA', ['PAUSED'])).toEqual([{ id: 'pA', version: paused.version }]);
    const renamed = { ...paused, symbol: 'NEW', version: paused.version + 1, updatedAt: 8 };
    expect(t.store.positions.update('tA', renamed, paused.version)).toBe(true);
    expect(t.store.positions.get('tA', 'pA')).toEqual(renamed);
    // A stale version is refused by both forms.
    expect(
      t.store.positions.update(
        'tA',
        { ...renamed, status: 'ACTIVE', version: paused.version + 1 },
        paused.version,
      ),
    ).toBe(false);
    expect(t.store.positions.get('tA', 'pA')?.status).toBe('PAUSED');
    expect(
      t.store.positions.update(
        'tB',
        { ...renamed, tenantId: 'tB', version: renamed.version + 1 },
        renamed.version,
      ),
    ).toBe(false);
  });

  it('lists positions by status as they are now: moved rows re-read, rows of a rolled-back transaction never kept', () => {
    const p = t.store.positions;
    for (const id of ['pB', 'pC', 'pD', 'pE'])
      p.insert('tA', positionRecord('tA', 'fA', id, { symbol: `S${id}` }));
    const first = p.listByTenant('tA', ['ACTIVE']);
    expect(first.map((x) => x.id)).toEqual(['pA', 'pB', 'pC', 'pD', 'pE']);
    // Unchanged rows come back as they were (the same records, frozen: they are shared).
    expect(p.listByTenant('tA', ['ACTIVE'])).toEqual(first);
    expect(Object.isFrozen(first[1])).toBe(true);

    // One row of five moved: re-read alone; the others as before.
    const pB = first[1] as PositionRecord;
    const movedB = { ...pB, qty: 7, anchor: 101.5, version: pB.version + 1, updatedAt: 9 };
    expect(p.update('tA', movedB, pB.version)).toBe(true);
    expect(p.listByTenant('tA', ['ACTIVE'])).toEqual([first[0], movedB, ...first.slice(2)]);

    // A change inside a transaction is seen there, and forgotten with its rollback: a change committed
    // later at that same version, with other values, is what the list shows.
    const pC = first[2] as PositionRecord;
    expect(() =>
      t.store.uow.transaction(() => {
        p.update('tA', { ...pC, qty: 1, version: pC.version + 1 }, pC.version);
        expect(p.listByTenant('tA', ['ACTIVE'])[2]?.qty).toBe(1);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    const committedC = { ...pC, qty: 2, version: pC.version + 1 };
    expect(p.update('tA', committedC, pC.version)).toBe(true);
    expect(p.listByTenant('tA', ['ACTIVE'])[2]).toEqual(committedC);

    // Most rows moved, or left the status: read again all at once, in the same order.
    const now = p.listByTenant('tA', ['ACTIVE']);
    for (const x of now.slice(0, 4))
      p.update('tA', { ...x, cashCents: cents(5), version: x.version + 1 }, x.version);
    const pE = now[4] as PositionRecord;
    p.update('tA', { ...pE, status: 'PAUSED', version: pE.version + 1 }, pE.version);
    const after = p.listByTenant('tA', ['ACTIVE']);
    expect(after.map((x) => [x.id, x.cashCents])).toEqual([
      ['pA', 5],
      ['pB', 5],
      ['pC', 5],
      ['pD', 5],
    ]);
    expect(after).toEqual(after.map((x) => p.get('tA', x.id)));
    expect(p.listByTenant('tA', ['PAUSED']).map((x) => x.id)).toEqual(['pE']);
  });

  it("lists a tenant's portfolios and open orders, and the tenants, as the drizzle forms did", () => {
    t.store.portfolios.insert('tA', portfolioRecord('tA', 'fB', { createdAt: 0 }));
    expect(t.store.portfolios.listByTenant('tA')).toEqual([
      portfolioRecord('tA', 'fB', { createdAt: 0 }),
      portfolioRecord('tA', 'fA'),
    ]);
    expect(t.store.portfolios.listByTenant('tB')).toEqual([]);
    t.store.positions.insert('tA', positionRecord('tA', 'fA', 'pB', { symbol: 'KO' }));
    const orders = [
      orderRecord('tA', 'pA', 'o1', { createdAt: 3 }),
      orderRecord('tA', 'pB', 'o2', { createdAt: 1, status: 'SUBMITTED' }),
      orderRecord('tA', 'pA', 'o3', { createdAt: 2, status: 'FILLED' }),
      orderRecord('tA', 'pA', 'o4', { createdAt: 2, status: 'PARTIALLY_FILLED' }),
    ];
    for (const o of orders) t.store.orders.insert('tA', { ...o, dedupeKey: o.id, tickId: o.id });
    const open = (ids: string[]) => ids.map((id) => t.store.orders.get('tA', id));
    expect(t.store.orders.listOpen('tA')).toEqual(open(['o2', 'o4', 'o1']));
    expect(t.store.orders.listOpen('tA', 'pA')).toEqual(open(['o4', 'o1']));
    expect(t.store.orders.listOpen('tB')).toEqual([]);
    t.store.tenants.insert({ id: 't0', name: 'Earlier', createdAt: 0 });
    expect(t.store.tenants.listAll().map((x) => x.id)).toEqual(['t0', 'tA']);
  });
});
