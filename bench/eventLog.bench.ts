import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EvaluationPayload, NewEvent } from '../shared/domain/DomainEvent';
import { ulidGenerator } from '../shared/ports/IdGenerator';
import { createStore } from '../main/db/createStore';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../main/db/openDatabase';

export interface EventLogBenchResult {
  n: number;
  repoMs: number;
  rawMs: number;
  /** repoMs / rawMs: the cost of ids, record time, JSON and the hash chain over a bare INSERT. Goal ≤ 2. */
  ratio: number;
}

/** A typical EvaluationEvent, the event written for every position on every tick. */
function evaluation(i: number): NewEvent<'EvaluationEvent'> {
  const price = 100 + (i % 700) / 100;
  const payload: EvaluationPayload = {
    session: 'REGULAR',
    pricePolicy: 'MID',
    priceEffective: price,
    priceSource: 'mid',
    priceFallback: null,
    quote: { bid: price - 0.01, ask: price + 0.01, last: price, ts: 1_735_830_000_000 + i * 300_000 },
    trigger: {
      kind: 'HOLD',
      anchor: 100,
      buyBelow: 97,
      sellAbove: 103,
      distanceToBuy: price - 97,
      distanceToSell: 103 - price,
    },
    rawQty: null,
    finalQty: 0,
    reasons: ['no_trigger'],
    steps: [],
    action: 'HOLD',
    orderId: null,
    deltas: null,
    detail: null,
  };
  return {
    type: 'EvaluationEvent',
    tenantId: 'bench-tenant',
    portfolioId: 'bench-portfolio',
    positionId: `bench-position-${i % 20}`,
    symbol: 'AAPL',
    ts: 1_735_830_000_000 + i * 300_000,
    correlationId: `tick-${Math.floor(i / 20)}`,
    payload,
  };
}

/**
 * Appends `n` events through the event-log repository (one append per event, all in one transaction)
 * and inserts the very same rows (same columns, values precomputed by the first run) with a raw
 * better-sqlite3 prepared statement in one transaction, into two fresh databases with the real schema.
 * Best of `rounds` for each side: the fastest run is the one least disturbed by other processes.
 */
export async function runEventLogBench(n: number, rounds = 3): Promise<EventLogBenchResult> {
  let repoMs = Infinity;
  let rawMs = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const r = await benchOnce(n);
    repoMs = Math.min(repoMs, r.repoMs);
    rawMs = Math.min(rawMs, r.rawMs);
  }
  return { n, repoMs, rawMs, ratio: repoMs / rawMs };
}

async function benchOnce(n: number): Promise<{ repoMs: number; rawMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-bench-'));
  try {
    const repoDb = await openDatabase({
      file: path.join(dir, 'repo.db'),
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
    });
    const rawDb = await openDatabase({
      file: path.join(dir, 'raw.db'),
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
    });
    try {
      const clock = { now: () => Date.now() };
      const store = createStore(repoDb, { ids: ulidGenerator(), clock });
      const events = Array.from({ length: n }, (_, i) => evaluation(i));

      const repoStart = performance.now();
      store.uow.transaction(() => {
        for (const e of events) store.events.append(e.tenantId, [e]);
      });
      const repoMs = performance.now() - repoStart;

      const rows = repoDb.sqlite
        .prepare(
          'SELECT id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash FROM events ORDER BY id',
        )
        .raw()
        .all() as unknown[][];
      const insert = rawDb.sqlite.prepare(
        'INSERT INTO events (id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const rawStart = performance.now();
      rawDb.sqlite.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
      const rawMs = performance.now() - rawStart;

      if (!store.events.verifyChain('bench-tenant').ok) throw new Error('bench: the chain does not verify');
      return { repoMs, rawMs };
    } finally {
      repoDb.close();
      rawDb.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatEventLogBench(r: EventLogBenchResult): string {
  return `eventLog.append N=${r.n}: repo ${r.repoMs.toFixed(0)} ms, raw ${r.rawMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}`;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 100_000);
  runEventLogBench(n).then(
    (r) => console.log(formatEventLogBench(r)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
