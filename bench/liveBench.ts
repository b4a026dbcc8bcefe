/** Shared set-up of the live-loop benchmarks: n positions on a real database file, with scripted quotes. */
import type { DomainEvent } from '../shared/domain/DomainEvent';
import type { ScriptedQuote } from '../main/adapters/marketData/ScriptedMarketData';
import { MIN, ny, openHarness, type Harness } from '../main/jobs/testing/liveHarness';

export const BENCH_START = ny('2024-06-03', 10, 0);

export function symbolOf(i: number): string {
  return `S${String(i).padStart(4, '0')}`;
}

/**
 * n positions of $100 000 each; with `anchored`, 500 shares and an anchor near the price (every
 * evaluation holds inside the band, the common case), else no anchor (every evaluation is an initial
 * allocation that creates an order). Quotes every 5 minutes for `slots` slots.
 */
export async function benchHarness(
  n: number,
  anchored: boolean,
  slots: number,
  synchronous: 'FULL' | 'NORMAL' = 'FULL',
): Promise<Harness> {
  const script: Record<string, ScriptedQuote[]> = {};
  for (let i = 0; i < n; i++) {
    const p = 50 + (i % 400);
    script[symbolOf(i)] = Array.from({ length: slots + 2 }, (_, k) => ({
      at: BENCH_START - MIN + k * 5 * MIN,
      bid: p - 0.01,
      ask: p + 0.01,
      last: p,
    }));
  }
  const h = await openHarness({ start: BENCH_START, script, synchronous, quoteTimeoutMs: 5_000 });
  h.deps.uow.transaction(() => {
    for (let i = 0; i < n; i++) {
      const p = h.addPosition(symbolOf(i), 100_000, anchored ? { shares: 500 } : {});
      if (anchored) {
        const row = h.position(p.id);
        h.store.positions.update(
          h.tenantId,
          { ...row, anchor: 50 + (i % 400) + 0.5, version: row.version + 1 },
          row.version,
        );
      }
    }
  });
  return h;
}

/**
 * The floor: the same number of event rows, with the same columns and payloads as `like`, inserted by
 * one prepared statement in one transaction (no ids made, no hashing, no JSON, no repository).
 */
export function rawInsertMs(h: Harness, like: readonly DomainEvent[], round: number): number {
  const insert = h.db.sqlite.prepare(RAW_INSERT);
  const rows = rawRows(like, `raw-${round}`);
  const t0 = performance.now();
  h.db.sqlite.transaction(() => {
    for (const r of rows) insert.run(...r);
  })();
  return performance.now() - t0;
}

/**
 * The same raw rows as `rawInsertMs`, committed `perCommit` rows at a time: with one commit per fill
 * (SPEC 4.2), this is what the commits alone cost (an fsync each under FULL, and every page a commit
 * touches written to the WAL again), which no work saved in the drain itself can go below.
 */
export function rawInsertInCommitsMs(
  h: Harness,
  like: readonly DomainEvent[],
  perCommit: number,
  idPrefix: string,
): number {
  const insert = h.db.sqlite.prepare(RAW_INSERT);
  const rows = rawRows(like, idPrefix);
  const commits: unknown[][][] = [];
  for (let from = 0; from < rows.length; from += perCommit) commits.push(rows.slice(from, from + perCommit));
  const commit = h.db.sqlite.transaction((batch: unknown[][]) => {
    for (const r of batch) insert.run(...r);
  });
  const t0 = performance.now();
  for (const batch of commits) commit(batch);
  return performance.now() - t0;
}

const RAW_INSERT =
  'INSERT INTO events (id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

function rawRows(like: readonly DomainEvent[], idPrefix: string): unknown[][] {
  return like.map((e, i) => [
    `${idPrefix}-${String(i).padStart(6, '0')}`,
    'bench-raw',
    e.portfolioId,
    e.positionId,
    e.symbol,
    e.ts,
    e.recordedAt,
    e.type,
    e.correlationId,
    JSON.stringify(e.payload),
    e.prevHash,
    e.hash,
  ]);
}
