import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../shared/domain/DomainEvent';
import { ulidGenerator } from '../../../shared/ports/IdGenerator';
import { openTestStore, removeDir, type TestStore } from '../testing/testDatabase';
import { GENESIS_HASH, verifyTenantChain } from './hashChain';
import { SqliteEventLog } from './SqliteEventLog';
import { ulidSuccessor } from './ulidSuccessor';

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

async function store(): Promise<TestStore> {
  const s = await openTestStore();
  stores.push(s);
  return s;
}

function deposit(
  tenantId: string,
  amountCents: number,
  positionId: string | null = 'p1',
  correlationId = 'c1',
): NewEvent {
  return {
    type: 'CashDeposited',
    tenantId,
    portfolioId: 'f1',
    positionId,
    symbol: 'AAPL',
    ts: 1_700_000_000_000 + amountCents,
    correlationId,
    payload: { amountCents },
  };
}

function appendMany(s: TestStore, tenantId: string, n: number): string[] {
  return s.store.uow.transaction(() =>
    Array.from(
      { length: n },
      (_, i) => s.store.events.append(tenantId, [deposit(tenantId, i + 1)])[0]?.id ?? '',
    ),
  );
}

/** A copy of the database with the append-only triggers dropped: how an attacker would tamper. */
function tamperableCopy(s: TestStore): Database.Database {
  const copy = path.join(s.dir, 'copy.db');
  s.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(s.file, copy);
  const db = new Database(copy);
  db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete');
  return db;
}

describe('event log', () => {
  it('appends with sortable ids, record time, correlation id and a hash chain from the genesis', async () => {
    const s = await store();
    const [a, b] = s.store.events.append('t1', [deposit('t1', 1), deposit('t1', 2)]);
    expect(a?.prevHash).toBe(GENESIS_HASH);
    expect(b?.prevHash).toBe(a?.hash);
    expect(a && b && a.id < b.id).toBe(true);
    expect(a?.recordedAt).toBeGreaterThan(0);
    expect(s.store.events.get('t1', a?.id ?? '')).toEqual(a);
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 2 });
  });

  it('keeps one chain per tenant', async () => {
    const s = await store();
    s.store.events.append('t1', [deposit('t1', 1)]);
    const [first] = s.store.events.append('t2', [deposit('t2', 1)]);
    s.store.events.append('t1', [deposit('t1', 2)]);
    expect(first?.prevHash).toBe(GENESIS_HASH);
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 2 });
    expect(s.store.events.verifyChain('t2')).toEqual({ ok: true, count: 1 });
  });

  it('refuses an event of another tenant, and writes none of the batch', async () => {
    const s = await store();
    expect(() => s.store.events.append('t1', [deposit('t1', 1), deposit('t2', 2)])).toThrow(/tenant t2/);
    expect(s.store.events.listByTenant('t1')).toEqual([]);
    s.store.events.append('t1', [deposit('t1', 3)]);
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 1 });
  });

  it('the database refuses UPDATE, DELETE and INSERT OR REPLACE of an event', async () => {
    const s = await store();
    const [e] = s.store.events.append('t1', [deposit('t1', 1)]);
    const sqlite = s.db.sqlite;
    expect(() => sqlite.prepare("UPDATE events SET payload = '{}' WHERE id = ?").run(e?.id)).toThrow(
      /append-only: UPDATE refused/,
    );
    expect(() => sqlite.prepare('DELETE FROM events').run()).toThrow(/append-only: DELETE refused/);
    expect(() =>
      sqlite
        .prepare(
          'INSERT OR REPLACE INTO events SELECT id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash FROM events',
        )
        .run(),
    ).toThrow(/append-only: DELETE refused/);
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 1 });
  });

  it('refuses a second EvaluationEvent of a (tick, position), and keeps the chain whole (SPEC 4.1.4)', async () => {
    const s = await store();
    const evaluation = (tenantId: string, tickId: string, positionId: string): NewEvent => ({
      ...deposit(tenantId, 1, positionId, tickId),
      type: 'EvaluationEvent',
    });
    s.store.events.append('t1', [evaluation('t1', 'k1', 'p1')]);
    expect(() => s.store.events.append('t1', [evaluation('t1', 'k1', 'p1')])).toThrow(/UNIQUE/);
    // Other ticks, positions, tenants and event types of the same (tick, position) are not concerned.
    s.store.events.append('t1', [
      evaluation('t1', 'k2', 'p1'),
      evaluation('t1', 'k1', 'p2'),
      deposit('t1', 2, 'p1', 'k1'),
      deposit('t1', 3, 'p1', 'k1'),
    ]);
    s.store.events.append('t2', [evaluation('t2', 'k1', 'p1')]);
    expect(s.store.events.countByTenant('t1', { types: ['EvaluationEvent'] })).toBe(3);
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 5 });
  });

  it('a rolled-back transaction leaves the cached chain head consistent', async () => {
    const s = await store();
    s.store.events.append('t1', [deposit('t1', 1)]);
    expect(() =>
      s.store.uow.transaction(() => {
        s.store.events.append('t1', [deposit('t1', 2), deposit('t1', 3)]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    // nested: an inner failure caught by the outer transaction rolls back only the savepoint
    s.store.uow.transaction(() => {
      s.store.events.append('t1', [deposit('t1', 4)]);
      try {
        s.store.uow.transaction(() => {
          s.store.events.append('t1', [deposit('t1', 5)]);
          throw new Error('inner');
        });
      } catch {
        /* the outer transaction goes on */
      }
      s.store.events.append('t1', [deposit('t1', 6)]);
    });
    const amounts = s.store.events
      .listByTenant('t1')
      .map((e) => (e.payload as { amountCents: number }).amountCents);
    expect(amounts).toEqual([1, 4, 6]);
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 3 });
  });

  it('reloads the chain head when reopened, and ids stay ordered when the clock went backwards', async () => {
    const s = await store();
    s.store.events.append('t1', [deposit('t1', 1), deposit('t1', 2)]);
    const lastBefore = s.store.events.listByTenant('t1').at(-1)?.id ?? '';
    // A new log on the same database, whose clock is an hour earlier than the stored events.
    const early = { now: () => Date.UTC(2025, 0, 2, 14, 0, 0) };
    const log = new SqliteEventLog(s.db.sqlite, ulidGenerator(early), early);
    const [e] = log.append('t1', [deposit('t1', 3)]);
    expect(e && e.id > lastBefore).toBe(true);
    expect(e?.prevHash).not.toBe(GENESIS_HASH);
    expect(log.verifyChain('t1')).toEqual({ ok: true, count: 3 });
  });

  it('lists by tenant, position, type and correlation; paging; latest of a type', async () => {
    const s = await store();
    s.store.events.append('t1', [
      deposit('t1', 1, 'p1', 'x'),
      deposit('t1', 2, 'p2', 'x'),
      deposit('t1', 3, 'p1', 'y'),
    ]);
    s.store.events.append('t1', [{ ...deposit('t1', 4, 'p1', 'y'), type: 'CashWithdrawn' }]);
    s.store.events.append('t2', [deposit('t2', 5, 'p1', 'x')]);
    const amounts = (list: { payload: unknown }[]) =>
      list.map((e) => (e.payload as { amountCents: number }).amountCents);
    expect(amounts(s.store.events.listByPosition('t1', 'p1'))).toEqual([1, 3, 4]);
    expect(amounts(s.store.events.listByPosition('t1', 'p1', { types: ['CashWithdrawn'] }))).toEqual([4]);
    expect(amounts(s.store.events.listByPosition('t1', 'p1', { newestFirst: true, limit: 2 }))).toEqual([
      4, 3,
    ]);
    expect(amounts(s.store.events.listByCorrelation('t1', 'x'))).toEqual([1, 2]);
    const all = s.store.events.listByTenant('t1');
    expect(amounts(s.store.events.listByTenant('t1', { afterId: all[1]?.id ?? '' }))).toEqual([3, 4]);
    expect(s.store.events.latestForPosition('t1', 'p1', 'CashDeposited')?.payload).toEqual({
      amountCents: 3,
    });
    expect(s.store.events.latestForPosition('t1', 'p9', 'CashDeposited')).toBeNull();
  });

  it("tenant isolation: no method shows or reaches another tenant's events", async () => {
    const s = await store();
    const [b] = s.store.events.append('tB', [deposit('tB', 7, 'pB', 'cB')]);
    expect(s.store.events.get('tA', b?.id ?? '')).toBeNull();
    expect(s.store.events.listByTenant('tA')).toEqual([]);
    expect(s.store.events.listByPosition('tA', 'pB')).toEqual([]);
    expect(s.store.events.listByCorrelation('tA', 'cB')).toEqual([]);
    expect(s.store.events.latestForPosition('tA', 'pB', 'CashDeposited')).toBeNull();
    expect(s.store.events.verifyChain('tA')).toEqual({ ok: true, count: 0 });
    // A's first event starts A's own chain: B's head is not its predecessor.
    expect(s.store.events.append('tA', [deposit('tA', 1)])[0]?.prevHash).toBe(GENESIS_HASH);
  });
});

describe('tampering is detected at the right event', () => {
  it.each([3, 0, 9])('a payload changed in event #%i (triggers dropped on a copy)', async (k) => {
    const s = await store();
    const ids = appendMany(s, 't1', 10);
    const copy = tamperableCopy(s);
    copy.prepare(`UPDATE events SET payload = '{"amountCents":999999}' WHERE id = ?`).run(ids[k]);
    expect(verifyTenantChain(copy, 't1')).toMatchObject({
      ok: false,
      brokenAt: ids[k],
      index: k,
      reason: 'hash_mismatch',
    });
    copy.close();
    expect(s.store.events.verifyChain('t1')).toEqual({ ok: true, count: 10 }); // the original is intact
  });

  it('a row changed and re-hashed: the next link breaks', async () => {
    const s = await store();
    const ids = appendMany(s, 't1', 6);
    const copy = tamperableCopy(s);
    copy.prepare('UPDATE events SET ts = ts + 1, hash = ? WHERE id = ?').run('f'.repeat(64), ids[2]);
    expect(verifyTenantChain(copy, 't1')).toMatchObject({
      ok: false,
      brokenAt: ids[2],
      reason: 'hash_mismatch',
    });
    // forge a consistent hash for #2: then #3's prev_hash no longer matches
    const row = copy.prepare('SELECT * FROM events WHERE id = ?').get(ids[2]) as Record<string, unknown>;
    const { chainHash } = await import('./hashChain');
    const forged = chainHash({
      prevHash: row.prev_hash as string,
      id: row.id as string,
      tenantId: row.tenant_id as string,
      portfolioId: row.portfolio_id as string,
      positionId: row.position_id as string,
      symbol: row.symbol as string,
      ts: row.ts as number,
      recordedAt: row.recorded_at as number,
      type: row.type as string,
      correlationId: row.correlation_id as string,
      payload: row.payload as string,
    });
    copy.prepare('UPDATE events SET hash = ? WHERE id = ?').run(forged, ids[2]);
    expect(verifyTenantChain(copy, 't1')).toMatchObject({
      ok: false,
      brokenAt: ids[3],
      index: 3,
      reason: 'prev_hash_mismatch',
    });
    copy.close();
  });

  it('a deleted event: its successor no longer links', async () => {
    const s = await store();
    const ids = appendMany(s, 't1', 5);
    const copy = tamperableCopy(s);
    copy.prepare('DELETE FROM events WHERE id = ?').run(ids[1]);
    expect(verifyTenantChain(copy, 't1')).toMatchObject({
      ok: false,
      brokenAt: ids[2],
      index: 1,
      reason: 'prev_hash_mismatch',
    });
    copy.close();
  });

  it('an event moved to another tenant breaks both chains', async () => {
    const s = await store();
    const a = appendMany(s, 't1', 3);
    appendMany(s, 't2', 2);
    const copy = tamperableCopy(s);
    copy.prepare("UPDATE events SET tenant_id = 't2' WHERE id = ?").run(a[1]);
    expect(verifyTenantChain(copy, 't1')).toMatchObject({
      ok: false,
      brokenAt: a[2],
      reason: 'prev_hash_mismatch',
    });
    expect(verifyTenantChain(copy, 't2')).toMatchObject({ ok: false });
    copy.close();
  });
});

describe('ulidSuccessor', () => {
  it.each([
    ['01ARZ3NDEKTSV4RRFFQ69G5FAV', '01ARZ3NDEKTSV4RRFFQ69G5FAW'],
    ['01ARZ3NDEKTSV4RRFFQ69G5FAZ', '01ARZ3NDEKTSV4RRFFQ69G5FB0'],
    ['01ARZ3NDEKZZZZZZZZZZZZZZZZ', '01ARZ3NDEM0000000000000000'],
  ])('%s → %s', (id, next) => {
    expect(ulidSuccessor(id)).toBe(next);
    expect(next > id).toBe(true);
  });
  it('refuses what is not a ULID', () => {
    expect(() => ulidSuccessor('not-a-ulid')).toThrow(/not a ULID/);
  });
});

describe('bench/eventLog.bench.ts', () => {
  it('runs and reports repository and raw timings for the same rows', async () => {
    const { runEventLogBench, formatEventLogBench } = await import('../../../bench/eventLog.bench');
    const r = await runEventLogBench(300, 1);
    expect(r.n).toBe(300);
    expect(r.repoMs).toBeGreaterThan(0);
    expect(r.rawMs).toBeGreaterThan(0);
    expect(formatEventLogBench(r)).toMatch(
      /^eventLog\.append N=300: repo \d+ ms, raw \d+ ms, ratio \d+\.\d\d$/,
    );
  });
});

describe('event queries for the timeline and the event log page', () => {
  it('pages newest first by keyset (beforeId) without gaps or repeats', async () => {
    const s = await store();
    const ids = appendMany(s, 't1', 25);
    const seen: string[] = [];
    let beforeId: string | undefined;
    for (;;) {
      const page = s.store.events.listByPosition('t1', 'p1', { newestFirst: true, limit: 10, beforeId });
      if (page.length === 0) break;
      seen.push(...page.map((e) => e.id));
      beforeId = page[page.length - 1]?.id;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by event time, type and text, and counts what matches', async () => {
    const s = await store();
    appendMany(s, 't1', 10);
    s.store.events.append('t1', [
      { ...deposit('t1', 500), type: 'CashWithdrawn', symbol: 'KO', payload: { amountCents: 500 } },
    ]);
    const base = 1_700_000_000_000;
    expect(s.store.events.countByTenant('t1')).toBe(11);
    expect(s.store.events.countByTenant('t1', { fromTs: base + 3, toTs: base + 7 })).toBe(4);
    expect(s.store.events.listByTenant('t1', { fromTs: base + 3, toTs: base + 7 }).map((e) => e.ts)).toEqual([
      base + 3,
      base + 4,
      base + 5,
      base + 6,
    ]);
    expect(s.store.events.countByTenant('t1', { types: ['CashWithdrawn'] })).toBe(1);
    expect(s.store.events.countByTenant('t1', { text: 'ko' })).toBe(1);
    expect(s.store.events.countByTenant('t1', { text: 'withdrawn' })).toBe(1);
    expect(s.store.events.countByPosition('t1', 'p1', { text: '"amountCents":7' })).toBe(1);
    expect(s.store.events.countByPosition('t1', 'p1', { limit: 1, afterId: 'Z' })).toBe(11);
  });

  it('matches % and _ in the search text literally', async () => {
    const s = await store();
    appendMany(s, 't1', 3);
    expect(s.store.events.countByTenant('t1', { text: '%' })).toBe(0);
    expect(s.store.events.countByTenant('t1', { text: '_' })).toBe(0);
  });

  it("never counts or lists another tenant's events", async () => {
    const s = await store();
    appendMany(s, 't1', 3);
    appendMany(s, 't2', 5);
    expect(s.store.events.countByTenant('t1')).toBe(3);
    expect(s.store.events.countByPosition('t2', 'p1')).toBe(5);
    expect(s.store.events.listByTenant('t1', { text: 'AAPL' })).toHaveLength(3);
  });
});
