import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChainVerification } from '../../../shared/ports/EventLog';

/** prev_hash of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields of a stored event, as they sit in the row. */
export interface ChainedFields {
  prevHash: string;
  id: string;
  tenantId: string;
  portfolioId: string | null;
  positionId: string | null;
  symbol: string | null;
  ts: number;
  recordedAt: number;
  type: string;
  correlationId: string;
  /** JSON text exactly as stored. */
  payload: string;
}

/**
 * hash = sha256 hex of the canonical serialization: the fields in a fixed order as a JSON array (nulls
 * as null, numbers in JS shortest form), a newline, then the payload exactly as stored. The header has
 * no raw newline (JSON escapes it), so the split is unambiguous, and the payload text is hashed as is
 * rather than escaped a second time (the append path is benchmarked). Any change to any field, or to
 * the link, changes the hash (docs/adr/0002).
 */
export function chainHash(f: ChainedFields): string {
  const header = JSON.stringify([
    f.prevHash,
    f.id,
    f.tenantId,
    f.portfolioId,
    f.positionId,
    f.symbol,
    f.ts,
    f.recordedAt,
    f.type,
    f.correlationId,
  ]);
  // crypto.hash (Node ≥ 20.12) is the one-shot form: no Hash object per event.
  return hash('sha256', `${header}\n${f.payload}`, 'hex');
}

/** An `events` row as SQLite returns it. */
export interface EventRow {
  id: string;
  tenant_id: string;
  portfolio_id: string | null;
  position_id: string | null;
  symbol: string | null;
  ts: number;
  recorded_at: number;
  type: string;
  correlation_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** A point of a tenant's chain already verified: its newest event then, that event's hash, and how many. */
export interface ChainCheckpoint {
  lastId: string;
  hash: string;
  count: number;
}

/**
 * Walks a tenant's events in id order from the genesis, recomputing each hash. The first event whose
 * prev_hash is not its predecessor's hash, or whose own hash does not match its content, is reported.
 * Works on any connection (the open database, or a read-only restore candidate).
 */
export function verifyTenantChain(sqlite: Database.Database, tenantId: string): ChainVerification {
  return verifyTenantChainFrom(sqlite, tenantId, null).result;
}

/**
 * The same, from a checkpoint verified before (incremental, ADR 0076): the checkpoint's event must still
 * be there, unchanged (its hash recomputed) and with as many events up to it; then only the events after
 * it are walked. Returns the new checkpoint (the newest event verified) with the result.
 */
export function verifyTenantChainFrom(
  sqlite: Database.Database,
  tenantId: string,
  from: ChainCheckpoint | null,
): { result: ChainVerification; checkpoint: ChainCheckpoint | null } {
  let prev = GENESIS_HASH;
  let index = 0;
  let lastId: string | null = null;
  if (from !== null) {
    const broken = checkpointProblem(sqlite, tenantId, from);
    if (broken !== null) return { result: broken, checkpoint: null };
    prev = from.hash;
    index = from.count;
    lastId = from.lastId;
  }
  const rows = sqlite
    .prepare(
      `SELECT id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash
       FROM events WHERE tenant_id = ? AND id > ? ORDER BY id`,
    )
    .iterate(tenantId, lastId ?? '') as IterableIterator<EventRow>;
  for (const row of rows) {
    if (row.prev_hash !== prev) {
      return {
        result: {
          ok: false,
          brokenAt: row.id,
          index,
          reason: 'prev_hash_mismatch',
          detail: `event ${row.id} links to ${row.prev_hash.slice(0, 12)}…, but the previous event's hash is ${prev.slice(0, 12)}…`,
        },
        checkpoint: null,
      };
    }
    if (hashOfRow(row) !== row.hash) {
      return {
        result: {
          ok: false,
          brokenAt: row.id,
          index,
          reason: 'hash_mismatch',
          detail: `event ${row.id} (${row.type}) does not match its hash: its content was changed after it was written`,
        },
        checkpoint: null,
      };
    }
    prev = row.hash;
    lastId = row.id;
    index += 1;
  }
  return {
    result: { ok: true, count: index },
    checkpoint: lastId === null ? null : { lastId, hash: prev, count: index },
  };
}

/**
 * Whether a checkpoint still holds: its event is in the log, unchanged (hash recomputed and equal to the
 * one remembered), with exactly as many events up to it. A log cut off after the checkpoint's time
 * loses its event; one with events removed before it has fewer (ADR 0076).
 */
export function checkpointProblem(
  sqlite: Database.Database,
  tenantId: string,
  from: ChainCheckpoint,
): Extract<ChainVerification, { ok: false }> | null {
  const row = sqlite
    .prepare(
      `SELECT id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash
       FROM events WHERE tenant_id = ? AND id = ?`,
    )
    .get(tenantId, from.lastId) as EventRow | undefined;
  const upTo = (
    sqlite
      .prepare('SELECT count(*) AS n FROM events WHERE tenant_id = ? AND id <= ?')
      .get(tenantId, from.lastId) as {
      n: number;
    }
  ).n;
  if (row !== undefined && row.hash === from.hash && hashOfRow(row) === row.hash && upTo === from.count)
    return null;
  const detail =
    row === undefined
      ? `event ${from.lastId}, #${from.count - 1} of the log when it was last seen, is no longer in the log: the newest events were cut off`
      : row.hash !== from.hash || hashOfRow(row) !== row.hash
        ? `event ${from.lastId} changed since it was last seen`
        : `${upTo} events up to ${from.lastId}, but ${from.count} when it was last seen: events were removed`;
  return {
    ok: false,
    brokenAt: from.lastId,
    index: from.count - 1,
    reason: row === undefined || upTo !== from.count ? 'prev_hash_mismatch' : 'hash_mismatch',
    detail,
  };
}

/** The newest event of each tenant's chain now, counted from a checkpoint (cheap: an index range). */
export function chainHeadsNow(
  sqlite: Database.Database,
  since: (tenantId: string) => ChainCheckpoint | null,
): Map<string, ChainCheckpoint> {
  const heads = new Map<string, ChainCheckpoint>();
  const tenants = sqlite.prepare('SELECT DISTINCT tenant_id AS id FROM events').all() as { id: string }[];
  const last = sqlite.prepare('SELECT id, hash FROM events WHERE tenant_id = ? ORDER BY id DESC LIMIT 1');
  const after = sqlite.prepare('SELECT count(*) AS n FROM events WHERE tenant_id = ? AND id > ?');
  for (const { id: tenantId } of tenants) {
    const newest = last.get(tenantId) as { id: string; hash: string } | undefined;
    if (!newest) continue;
    const from = since(tenantId);
    const count = (from?.count ?? 0) + (after.get(tenantId, from?.lastId ?? '') as { n: number }).n;
    heads.set(tenantId, { lastId: newest.id, hash: newest.hash, count });
  }
  return heads;
}

function hashOfRow(row: EventRow): string {
  return chainHash({
    prevHash: row.prev_hash,
    id: row.id,
    tenantId: row.tenant_id,
    portfolioId: row.portfolio_id,
    positionId: row.position_id,
    symbol: row.symbol,
    ts: row.ts,
    recordedAt: row.recorded_at,
    type: row.type,
    correlationId: row.correlation_id,
    payload: row.payload,
  });
}
