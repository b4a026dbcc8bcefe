import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCommission } from '../../../shared/domain/Commission';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../../shared/ports/OrderIntentRepository';
import {
  accrualRecord,
  announcementRecord,
  orderRecord,
  portfolioRecord,
  positionRecord,
  splitRecord,
  tradeRecord,
} from '../testing/records';
import { dumpTables, openTestStore, removeDir, type TestStore } from '../testing/testDatabase';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(() => {
  t.close();
  removeDir(t.dir);
});

/** Tenant A and tenant B, each with a portfolio and a position (ids suffixed by tenant). */
function seedTwoTenants() {
  const s = t.store;
  for (const x of ['A', 'B']) {
    s.tenants.insert({ id: `t${x}`, name: `Tenant ${x}`, createdAt: 1 });
    s.portfolios.insert(`t${x}`, portfolioRecord(`t${x}`, `f${x}`));
    s.positions.insert(`t${x}`, positionRecord(`t${x}`, `f${x}`, `p${x}`));
  }
}

describe('tenants, portfolios, positions', () => {
  it('store and read back', () => {
    seedTwoTenants();
    const s = t.store;
    expect(s.tenants.get('tA')).toEqual({ id: 'tA', name: 'Tenant A', createdAt: 1 });
    expect(s.tenants.listAll().map((x) => x.id)).toEqual(['tA', 'tB']);
    expect(s.portfolios.get('tA', 'fA')).toEqual(portfolioRecord('tA', 'fA'));
    expect(s.portfolios.listByTenant('tA').map((p) => p.id)).toEqual(['fA']);
    const changed = {
      ...portfolioRecord('tA', 'fA').config,
      trigger: { upThreshold: 0.05, downThreshold: 0.04 },
    };
    expect(s.portfolios.updateConfig('tA', 'fA', changed, 9)).toBe(true);
    expect(s.portfolios.get('tA', 'fA')?.config.trigger).toEqual({ upThreshold: 0.05, downThreshold: 0.04 });
    expect(s.positions.get('tA', 'pA')).toEqual(positionRecord('tA', 'fA', 'pA'));
  });

  it('position updates are versioned (a stale version writes nothing)', () => {
    seedTwoTenants();
    const s = t.store;
    const p = positionRecord('tA', 'fA', 'pA');
    const next = {
      ...p,
      qty: 120,
      configOverride: { trigger: { upThreshold: 0.1 } },
      version: 2,
      updatedAt: 5,
    };
    expect(s.positions.update('tA', next, 1)).toBe(true);
    expect(s.positions.get('tA', 'pA')).toEqual(next);
    expect(s.positions.update('tA', { ...next, qty: 1, version: 2 }, 1)).toBe(false);
    expect(() => s.positions.update('tA', { ...next, version: 9 }, 2)).toThrow(/version 9 must be 3/);
    expect(s.positions.get('tA', 'pA')?.qty).toBe(120);
  });

  it('lists positions by portfolio, by status, and finds the open one of a symbol', () => {
    seedTwoTenants();
    const s = t.store;
    s.positions.insert('tA', positionRecord('tA', 'fA', 'pA2', { symbol: 'MSFT', status: 'PAUSED' }));
    s.positions.insert('tA', positionRecord('tA', 'fA', 'pA3', { symbol: 'KO', status: 'CLOSED' }));
    expect(s.positions.listByPortfolio('tA', 'fA').map((p) => p.symbol)).toEqual(['AAPL', 'KO', 'MSFT']);
    expect(s.positions.listByTenant('tA', ['ACTIVE', 'PAUSED']).map((p) => p.id)).toEqual(['pA', 'pA2']);
    expect(s.positions.listByTenant('tA').length).toBe(3);
    expect(s.positions.findOpenBySymbol('tA', 'fA', 'MSFT')?.id).toBe('pA2');
    expect(s.positions.findOpenBySymbol('tA', 'fA', 'KO')).toBeNull();
  });

  it("the schema itself refuses a position whose portfolio is another tenant's, and money that is not whole cents", () => {
    seedTwoTenants();
    expect(() => t.store.positions.insert('tA', positionRecord('tA', 'fB', 'pX'))).toThrow(/FOREIGN KEY/);
    expect(() =>
      t.store.positions.insert('tA', positionRecord('tA', 'fA', 'pY', { cashCents: 10.5 as never })),
    ).toThrow(/CHECK/);
    expect(() => t.store.positions.insert('tA', positionRecord('tB', 'fB', 'pZ'))).toThrow(/tenant mismatch/);
  });
});

describe('commission rates', () => {
  it('resolve TENANT_ASSET → TENANT → GLOBAL → default, each visible only to its tenant', () => {
    seedTwoTenants();
    const r = t.store.commissionRates;
    const resolve = (tenant: string, symbol: string) =>
      resolveCommission(r.listApplicable(tenant, symbol), tenant, symbol);
    expect(resolve('tA', 'AAPL')).toEqual({ rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' });
    r.upsert('tA', { scope: 'GLOBAL', tenantId: null, symbol: null, rate: 0.0002, minimumCents: 0 }, 1);
    expect(resolve('tB', 'AAPL')).toMatchObject({ rate: 0.0002, scope: 'GLOBAL' });
    r.upsert('tA', { scope: 'TENANT', tenantId: 'tA', symbol: null, rate: 0.0003, minimumCents: 100 }, 1);
    r.upsert(
      'tA',
      { scope: 'TENANT_ASSET', tenantId: 'tA', symbol: 'AAPL', rate: 0.0004, minimumCents: 0 },
      1,
    );
    expect(resolve('tA', 'AAPL')).toEqual({ rate: 0.0004, minimumCents: 0, scope: 'TENANT_ASSET' });
    expect(resolve('tA', 'MSFT')).toEqual({ rate: 0.0003, minimumCents: 100, scope: 'TENANT' });
    expect(resolve('tB', 'AAPL')).toMatchObject({ rate: 0.0002, scope: 'GLOBAL' });
    // upsert replaces under the same key
    r.upsert('tA', { scope: 'TENANT', tenantId: 'tA', symbol: null, rate: 0.0005, minimumCents: 0 }, 2);
    expect(r.find('tA', 'TENANT', null)).toEqual({
      scope: 'TENANT',
      tenantId: 'tA',
      symbol: null,
      rate: 0.0005,
      minimumCents: 0,
    });
    expect(r.listApplicable('tA')).toHaveLength(3);
    expect(r.find('tB', 'TENANT', null)).toBeNull();
    expect(r.find('tB', 'TENANT_ASSET', 'AAPL')).toBeNull();
    expect(() =>
      r.upsert('tB', { scope: 'TENANT', tenantId: 'tA', symbol: null, rate: 0, minimumCents: 0 }, 3),
    ).toThrow(/tenant tA/);
  });
});

describe('orders and trades', () => {
  it('insert is idempotent on dedupe key and on (tick, position); status moves are compare-and-set', () => {
    seedTwoTenants();
    const o = t.store.orders;
    expect(o.insert('tA', orderRecord('tA', 'pA', 'o1'))).toBe(true);
    expect(o.insert('tA', orderRecord('tA', 'pA', 'o2', { dedupeKey: 'dedupe-o1', tickId: 'other' }))).toBe(
      false,
    );
    expect(o.insert('tA', orderRecord('tA', 'pA', 'o3', { tickId: 'tick-o1' }))).toBe(false);
    expect(o.insert('tA', orderRecord('tA', 'pA', 'o4', { tickId: null }))).toBe(true);
    expect(o.insert('tA', orderRecord('tA', 'pA', 'o5', { tickId: null }))).toBe(true);
    expect(o.get('tA', 'o1')).toEqual(orderRecord('tA', 'pA', 'o1'));
    expect(o.getByDedupeKey('tA', 'dedupe-o1')?.id).toBe('o1');
    expect(o.transition('tA', 'o1', 'NEW', { status: 'SUBMITTED', updatedAt: 2 })).toBe(true);
    expect(o.transition('tA', 'o1', 'NEW', { status: 'CANCELLED', updatedAt: 3 })).toBe(false);
    expect(o.transition('tA', 'o1', 'SUBMITTED', { status: 'FILLED', filledQty: 10, updatedAt: 4 })).toBe(
      true,
    );
    expect(o.get('tA', 'o1')).toMatchObject({ status: 'FILLED', filledQty: 10, updatedAt: 4 });
    expect(o.listOpen('tA').map((x) => x.id)).toEqual(['o4', 'o5']);
    expect(o.listOpen('tA', 'pA').map((x) => x.id)).toEqual(['o4', 'o5']);
    expect(o.listByPosition('tA', 'pA', 2).map((x) => x.id)).toEqual(['o5', 'o4']);
  });

  it("counts today's active orders and sums today's booked notional", () => {
    seedTwoTenants();
    const { orders, trades } = t.store;
    orders.insert('tA', orderRecord('tA', 'pA', 'o1', { createdAt: 100 }));
    orders.insert('tA', orderRecord('tA', 'pA', 'o2', { createdAt: 150, status: 'REJECTED' }));
    orders.insert('tA', orderRecord('tA', 'pA', 'o3', { createdAt: 199, status: 'FILLED' }));
    orders.insert('tA', orderRecord('tA', 'pA', 'o4', { createdAt: 200 }));
    expect(orders.countActiveCreatedBetween('tA', 'pA', 100, 200)).toBe(2);
    trades.insert('tA', tradeRecord('tA', 'o1', 'pA', 'x1', { executedAt: 120, notionalCents: 1_000 }));
    trades.insert('tA', tradeRecord('tA', 'o3', 'pA', 'x2', { executedAt: 199, notionalCents: 2_500 }));
    trades.insert('tA', tradeRecord('tA', 'o4', 'pA', 'x3', { executedAt: 200, notionalCents: 7_000 }));
    expect(trades.sumNotionalCentsBetween('tA', 'pA', 100, 200)).toBe(3_500);
    expect(trades.sumNotionalCentsBetween('tA', 'pA', 0, 50)).toBe(0);
  });

  it('a fill is recorded once per (order, broker ref)', () => {
    seedTwoTenants();
    const { orders, trades } = t.store;
    orders.insert('tA', orderRecord('tA', 'pA', 'o1'));
    expect(trades.insert('tA', tradeRecord('tA', 'o1', 'pA', 'x1', { brokerRef: 'R1' }))).toBe(true);
    expect(trades.insert('tA', tradeRecord('tA', 'o1', 'pA', 'x2', { brokerRef: 'R1' }))).toBe(false);
    expect(
      trades.insert('tA', tradeRecord('tA', 'o1', 'pA', 'x3', { brokerRef: 'R2', executedAt: 3_000 })),
    ).toBe(true);
    expect(trades.listByOrder('tA', 'o1').map((x) => x.id)).toEqual(['x1', 'x3']);
    expect(trades.listByPosition('tA', 'pA').map((x) => x.id)).toEqual(['x3', 'x1']);
    expect(trades.get('tA', 'x1')).toEqual(tradeRecord('tA', 'o1', 'pA', 'x1', { brokerRef: 'R1' }));
    expect(() => trades.insert('tA', tradeRecord('tA', 'o1', 'pA', 'x4', { notionalCents: 1.5 }))).toThrow(
      /CHECK/,
    );
  });
});

describe('order intents (the durable queue)', () => {
  function seedIntent(id: string, now: number) {
    t.store.orders.insert('tA', orderRecord('tA', 'pA', `o-${id}`));
    return t.store.intents.enqueue('tA', { id, orderId: `o-${id}`, now });
  }

  it('enqueue once per order; claim the oldest due with a lease; done', () => {
    seedTwoTenants();
    const q = t.store.intents;
    expect(seedIntent('i1', 100)).toBe(true);
    expect(seedIntent('i2', 50)).toBe(true);
    expect(q.enqueue('tA', { id: 'i9', orderId: 'o-i1', now: 1 })).toBe(false);
    expect(q.claimNextDue('tA', 40, 1_000)).toBeNull();
    const first = q.claimNextDue('tA', 200, 1_000);
    expect(first).toMatchObject({ id: 'i2', status: 'PROCESSING', attempts: 1, leaseUntil: 1_200 });
    expect(q.get('tA', 'i2')).toEqual(first);
    expect(q.claimNextDue('tA', 200, 1_000)?.id).toBe('i1');
    expect(q.claimNextDue('tA', 200, 1_000)).toBeNull();
    expect(q.markDone('tA', 'i2', 300)).toBe(true);
    expect(q.markDone('tA', 'i2', 300)).toBe(false);
    expect(q.getByOrder('tA', 'o-i2')?.status).toBe('DONE');
  });

  it('failures back off exponentially, then go DEAD after 5 attempts', () => {
    seedTwoTenants();
    const q = t.store.intents;
    seedIntent('i1', 0);
    let now = 0;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const claimed = q.claimNextDue('tA', now, 1_000);
      expect(claimed?.attempts).toBe(attempt);
      const failed = q.markFailed('tA', 'i1', `broker down ${attempt}`, now);
      if (attempt < 5) {
        expect(failed).toMatchObject({ status: 'FAILED', lastError: `broker down ${attempt}` });
        delays.push((failed?.nextAttemptAt ?? 0) - now);
        expect(q.claimNextDue('tA', (failed?.nextAttemptAt ?? 0) - 1, 1_000)).toBeNull();
        now = failed?.nextAttemptAt ?? 0;
      } else {
        expect(failed).toMatchObject({ status: 'DEAD', attempts: 5, lastError: 'broker down 5' });
      }
    }
    expect(delays).toEqual([1, 2, 3, 4].map((n) => retryDelayMs(n)));
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(q.claimNextDue('tA', now + 10 * DEFAULT_RETRY_POLICY.maxDelayMs, 1_000)).toBeNull();
    expect(q.listByStatus('tA', 'DEAD').map((i) => i.id)).toEqual(['i1']);
    expect(q.markFailed('tA', 'i1', 'again', now)).toBeNull();
  });

  it('an expired lease (crashed worker) returns the intent to the queue', () => {
    seedTwoTenants();
    const q = t.store.intents;
    seedIntent('i1', 0);
    q.claimNextDue('tA', 10, 100);
    expect(q.releaseExpiredLeases('tA', 100)).toBe(0);
    expect(q.releaseExpiredLeases('tA', 111)).toBe(1);
    expect(q.get('tA', 'i1')).toMatchObject({ status: 'QUEUED', leaseUntil: null, attempts: 1 });
    expect(q.markDone('tA', 'i1', 112)).toBe(false); // the old claim no longer holds
    expect(q.claimNextDue('tA', 112, 100)?.attempts).toBe(2);
  });
});

describe('quotes, dividends, splits, job runs', () => {
  it('quote log: by scope, symbol and time range', () => {
    const q = t.store.quotes;
    const quote = (ts: number, last: number) => ({
      symbol: 'AAPL',
      ts,
      bid: last - 0.01,
      ask: last + 0.01,
      last,
      source: 'yahoo',
      tickId: 'k',
    });
    q.append(null, [quote(100, 10), quote(200, 11), quote(300, 12)]);
    q.append('tA', [quote(150, 99)]);
    expect(q.list(null, 'AAPL', 100, 300).map((x) => x.last)).toEqual([10, 11]);
    expect(q.list('tA', 'AAPL', 0, 1_000).map((x) => x.last)).toEqual([99]);
    expect(q.list('tB', 'AAPL', 0, 1_000)).toEqual([]);
    expect(q.list(null, 'MSFT', 0, 1_000)).toEqual([]);
  });

  it('dividends: announcements deduplicated by (symbol, ex-date); one accrual per position; paid once', () => {
    seedTwoTenants();
    const d = t.store.dividends;
    expect(d.insertAnnouncement('tA', announcementRecord('tA', 'a1'))).toEqual({
      inserted: true,
      announcement: announcementRecord('tA', 'a1'),
    });
    const again = d.insertAnnouncement('tA', announcementRecord('tA', 'a2', { amountPerShare: 9 }));
    expect(again).toEqual({ inserted: false, announcement: announcementRecord('tA', 'a1') });
    d.insertAnnouncement('tA', announcementRecord('tA', 'a3', { exDate: '2025-03-10', payDate: null }));
    expect(d.listAnnouncementsByExDate('tA', '2025-02-01', '2025-02-28').map((a) => a.id)).toEqual(['a1']);
    expect(d.getAnnouncement('tA', 'a3')?.payDate).toBeNull();

    expect(d.insertAccrual('tA', accrualRecord('tA', 'pA', 'a1', 'c1'))).toBe(true);
    expect(d.insertAccrual('tA', accrualRecord('tA', 'pA', 'a1', 'c2'))).toBe(false);
    expect(d.insertAccrual('tA', accrualRecord('tA', 'pA', 'a3', 'c3'))).toBe(true);
    expect(d.getAccrual('tA', 'pA', 'a1')).toEqual(accrualRecord('tA', 'pA', 'a1', 'c1'));
    expect(d.listUnpaidDue('tA', '2025-02-12')).toEqual([]);
    expect(d.listUnpaidDue('tA', '2025-02-13').map((a) => a.id)).toEqual(['c1']);
    expect(d.listUnpaidDue('tA', '2025-03-10').map((a) => a.id)).toEqual(['c1', 'c3']); // unknown pay date = ex-date
    expect(d.markPaid('tA', 'c1', 77)).toBe(true);
    expect(d.markPaid('tA', 'c1', 78)).toBe(false);
    expect(d.listUnpaidDue('tA', '2025-12-31').map((a) => a.id)).toEqual(['c3']);
    expect(d.listAccrualsByPosition('tA', 'pA').map((a) => [a.id, a.paidAt])).toEqual([
      ['c1', 77],
      ['c3', null],
    ]);
  });

  it('splits: deduplicated per (symbol, date), applied once per position', () => {
    seedTwoTenants();
    const s = t.store.splits;
    expect(s.insertSplit('tA', splitRecord('tA', 's1')).inserted).toBe(true);
    expect(s.insertSplit('tA', splitRecord('tA', 's2', { ratio: 2 }))).toEqual({
      inserted: false,
      split: splitRecord('tA', 's1'),
    });
    expect(s.listByEffectiveDate('tA', '2025-01-01', '2025-03-01').map((x) => x.id)).toEqual(['s1']);
    expect(s.isApplied('tA', 's1', 'pA')).toBe(false);
    expect(s.recordApplication('tA', { splitId: 's1', positionId: 'pA', eventId: 'e', appliedAt: 1 })).toBe(
      true,
    );
    expect(s.recordApplication('tA', { splitId: 's1', positionId: 'pA', eventId: 'e2', appliedAt: 2 })).toBe(
      false,
    );
    expect(s.isApplied('tA', 's1', 'pA')).toBe(true);
  });

  it('job runs: last completed date never moves backwards', () => {
    const j = t.store.jobRuns;
    expect(j.lastCompletedDate('tA', 'dividends')).toBeNull();
    j.markCompleted('tA', 'dividends', '2025-01-10', 1);
    j.markCompleted('tA', 'dividends', '2025-01-08', 2);
    expect(j.lastCompletedDate('tA', 'dividends')).toBe('2025-01-10');
    j.markCompleted('tA', 'dividends', '2025-01-11', 3);
    expect(j.lastCompletedDate('tA', 'dividends')).toBe('2025-01-11');
    expect(j.lastCompletedDate('tB', 'dividends')).toBeNull();
  });
});

describe("tenant isolation: tenant A can neither read nor change tenant B's rows, through any method", () => {
  function seedB() {
    seedTwoTenants();
    const s = t.store;
    s.orders.insert('tB', orderRecord('tB', 'pB', 'oB'));
    s.orders.insert('tB', orderRecord('tB', 'pB', 'oB2', { createdAt: 1_500 }));
    s.trades.insert('tB', tradeRecord('tB', 'oB', 'pB', 'xB'));
    s.intents.enqueue('tB', { id: 'iB', orderId: 'oB', now: 0 });
    s.intents.enqueue('tB', { id: 'iB2', orderId: 'oB2', now: 0 });
    s.intents.claimNextDue('tB', 1, 10); // iB2 or iB is now PROCESSING with an expired lease at 100
    s.quotes.append('tB', [{ symbol: 'AAPL', ts: 5, bid: 1, ask: 2, last: 1.5, source: 's', tickId: null }]);
    s.dividends.insertAnnouncement('tB', announcementRecord('tB', 'aB'));
    s.dividends.insertAccrual('tB', accrualRecord('tB', 'pB', 'aB', 'cB'));
    s.splits.insertSplit('tB', splitRecord('tB', 'sB'));
    s.splits.recordApplication('tB', { splitId: 'sB', positionId: 'pB', eventId: 'e', appliedAt: 1 });
    s.jobRuns.markCompleted('tB', 'dividends', '2025-01-10', 1);
    s.commissionRates.upsert(
      'tB',
      { scope: 'TENANT', tenantId: 'tB', symbol: null, rate: 0.001, minimumCents: 5 },
      1,
    );
    s.commissionRates.upsert(
      'tB',
      { scope: 'TENANT_ASSET', tenantId: 'tB', symbol: 'AAPL', rate: 0.002, minimumCents: 5 },
      1,
    );
  }

  it('reads return nothing and writes change nothing', () => {
    seedB();
    const s = t.store;
    const before = dumpTables(t.db.sqlite);
    const A = 'tA';
    const reads: [string, unknown, unknown][] = [
      ['portfolios.get', s.portfolios.get(A, 'fB'), null],
      ['positions.get', s.positions.get(A, 'pB'), null],
      ['positions.listByPortfolio', s.positions.listByPortfolio(A, 'fB'), []],
      ['positions.findOpenBySymbol', s.positions.findOpenBySymbol(A, 'fB', 'AAPL'), null],
      ['commissionRates.find TENANT', s.commissionRates.find(A, 'TENANT', null), null],
      ['commissionRates.find TENANT_ASSET', s.commissionRates.find(A, 'TENANT_ASSET', 'AAPL'), null],
      ['commissionRates.listApplicable', s.commissionRates.listApplicable(A, 'AAPL'), []],
      ['orders.get', s.orders.get(A, 'oB'), null],
      ['orders.getByDedupeKey', s.orders.getByDedupeKey(A, 'dedupe-oB'), null],
      ['orders.listByPosition', s.orders.listByPosition(A, 'pB'), []],
      ['orders.listOpen', s.orders.listOpen(A, 'pB'), []],
      ['orders.countActiveCreatedBetween', s.orders.countActiveCreatedBetween(A, 'pB', 0, 1e12), 0],
      ['trades.get', s.trades.get(A, 'xB'), null],
      ['trades.listByOrder', s.trades.listByOrder(A, 'oB'), []],
      ['trades.listByPosition', s.trades.listByPosition(A, 'pB'), []],
      ['trades.sumNotionalCentsBetween', s.trades.sumNotionalCentsBetween(A, 'pB', 0, 1e12), 0],
      ['intents.get', s.intents.get(A, 'iB'), null],
      ['intents.getByOrder', s.intents.getByOrder(A, 'oB'), null],
      ['intents.listByStatus', s.intents.listByStatus(A, 'QUEUED'), []],
      ['quotes.list', s.quotes.list(A, 'AAPL', 0, 1e12), []],
      ['dividends.getAnnouncement', s.dividends.getAnnouncement(A, 'aB'), null],
      [
        'dividends.listAnnouncementsByExDate',
        s.dividends.listAnnouncementsByExDate(A, '2000-01-01', '2100-01-01'),
        [],
      ],
      ['dividends.getAccrual', s.dividends.getAccrual(A, 'pB', 'aB'), null],
      ['dividends.listUnpaidDue', s.dividends.listUnpaidDue(A, '2100-01-01'), []],
      ['dividends.listAccrualsByPosition', s.dividends.listAccrualsByPosition(A, 'pB'), []],
      ['splits.listByEffectiveDate', s.splits.listByEffectiveDate(A, '2000-01-01', '2100-01-01'), []],
      ['splits.isApplied', s.splits.isApplied(A, 'sB', 'pB'), false],
      ['jobRuns.lastCompletedDate', s.jobRuns.lastCompletedDate(A, 'dividends'), null],
    ];
    for (const [name, got, expected] of reads) expect(got, name).toEqual(expected);

    const writes: [string, () => unknown, unknown][] = [
      [
        'portfolios.updateConfig',
        () => s.portfolios.updateConfig(A, 'fB', portfolioRecord(A, 'fB').config, 9),
        false,
      ],
      [
        'positions.update',
        () => s.positions.update(A, positionRecord(A, 'fA', 'pB', { qty: 1, version: 2 }), 1),
        false,
      ],
      [
        'orders.transition',
        () => s.orders.transition(A, 'oB', 'NEW', { status: 'CANCELLED', updatedAt: 9 }),
        false,
      ],
      ['intents.claimNextDue', () => s.intents.claimNextDue(A, 1e12, 10), null],
      ['intents.markDone', () => s.intents.markDone(A, 'iB', 9), false],
      ['intents.markDone (B2)', () => s.intents.markDone(A, 'iB2', 9), false],
      ['intents.markFailed', () => s.intents.markFailed(A, 'iB2', 'x', 9), null],
      ['intents.releaseExpiredLeases', () => s.intents.releaseExpiredLeases(A, 1e12), 0],
      ['dividends.markPaid', () => s.dividends.markPaid(A, 'cB', 9), false],
    ];
    for (const [name, write, expected] of writes) expect(write(), name).toEqual(expected);
    expect(dumpTables(t.db.sqlite)).toEqual(before);

    // Rows written under A that name B's parents are refused (composite keys) or ignored (already there).
    const refused: [string, () => unknown][] = [
      ["order on B's position", () => s.orders.insert(A, orderRecord(A, 'pB', 'oX'))],
      ["intent for B's order", () => s.intents.enqueue(A, { id: 'iX', orderId: 'oB', now: 1 })],
      ["trade of B's order", () => s.trades.insert(A, tradeRecord(A, 'oB', 'pB', 'xX'))],
      ["accrual on B's position", () => s.dividends.insertAccrual(A, accrualRecord(A, 'pB', 'aB', 'cX'))],
      [
        "split application of B's split",
        () => s.splits.recordApplication(A, { splitId: 'sB', positionId: 'pB', eventId: 'e', appliedAt: 1 }),
      ],
    ];
    for (const [name, write] of refused) {
      let outcome: unknown;
      try {
        outcome = write();
      } catch (err) {
        outcome = String(err).includes('FOREIGN KEY') ? 'refused' : err;
      }
      expect(['refused', false], name).toContain(outcome);
    }
    // … and rows handed over under the wrong tenant are refused before SQL runs.
    expect(() => s.portfolios.insert(A, portfolioRecord('tB', 'fX'))).toThrow(/tenant mismatch/);
    expect(() => s.dividends.insertAnnouncement(A, announcementRecord('tB', 'aX'))).toThrow(
      /tenant mismatch/,
    );
    expect(() => s.splits.insertSplit(A, splitRecord('tB', 'sX'))).toThrow(/tenant mismatch/);
    expect(dumpTables(t.db.sqlite)).toEqual(before);
  });
});
