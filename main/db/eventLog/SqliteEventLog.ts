import type Database from 'better-sqlite3';
import type { DomainEvent, EventType, NewEvent } from '../../../shared/domain/DomainEvent';
import type { Clock } from '../../../shared/ports/Clock';
import type { ChainVerification, EventLog, EventQuery } from '../../../shared/ports/EventLog';
import type { IdGenerator } from '../../../shared/ports/IdGenerator';
import { GENESIS_HASH, chainHash, verifyTenantChain, type EventRow } from './hashChain';
import { ulidSuccessor } from './ulidSuccessor';

const COLUMNS =
  'id, tenant_id, portfolio_id, position_id, symbol, ts, recorded_at, type, correlation_id, payload, prev_hash, hash';

/** Distinct list/count queries kept prepared; past this many (filter shapes are few) the cache starts over. */
const MAX_PREPARED_QUERIES = 64;

/**
 * The event log on SQLite. The append path is hand-written for speed (bench/eventLog.bench.ts): one
 * prepared INSERT, no read per row — the latest hash of each tenant and the greatest id are cached in
 * memory and reloaded whenever a transaction rolls back (`invalidate`, called by the unit of work).
 */
export class SqliteEventLog implements EventLog {
  private readonly heads = new Map<string, string>();
  private lastId: string | null = null;
  private readonly insertStmt: Database.Statement;
  private readonly headStmt: Database.Statement<[string], { hash: string }>;
  private readonly maxIdStmt: Database.Statement<[], { id: string | null }>;
  private readonly byCorrelation: Database.Statement<[string, string], EventRow>;
  /** The list and count statements by SQL text: every tick lists its tenant's last TickCompleted. */
  private readonly queries = new Map<string, Database.Statement>();
  private readonly appendInTransaction: (tenantId: string, events: readonly NewEvent[]) => DomainEvent[];

  constructor(
    private readonly sqlite: Database.Database,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    this.insertStmt = sqlite.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.headStmt = sqlite.prepare('SELECT hash FROM events WHERE tenant_id = ? ORDER BY id DESC LIMIT 1');
    this.maxIdStmt = sqlite.prepare('SELECT max(id) AS id FROM events');
    this.byCorrelation = sqlite.prepare(
      `SELECT ${COLUMNS} FROM events INDEXED BY events_correlation_idx WHERE tenant_id = ? AND correlation_id = ? ORDER BY id`,
    );
    this.appendInTransaction = sqlite.transaction((tenantId: string, events: readonly NewEvent[]) =>
      this.appendRows(tenantId, events),
    );
    this.invalidate();
  }

  /** Forgets the cached chain heads: the next append re-reads them. Call after any rollback. */
  invalidate(): void {
    this.heads.clear();
    this.lastId = this.maxIdStmt.get()?.id ?? null;
  }

  append(tenantId: string, events: readonly NewEvent[]): DomainEvent[] {
    // Inside the caller's transaction the rows commit (or roll back) with its state change; alone,
    // the batch gets its own transaction so it is all-or-nothing.
    return this.sqlite.inTransaction
      ? this.appendRows(tenantId, events)
      : this.appendInTransaction(tenantId, events);
  }

  private appendRows(tenantId: string, events: readonly NewEvent[]): DomainEvent[] {
    const stored: DomainEvent[] = [];
    try {
      let prev = this.heads.get(tenantId) ?? this.headStmt.get(tenantId)?.hash ?? GENESIS_HASH;
      for (const e of events) {
        if (e.tenantId !== tenantId)
          throw new Error(`event of tenant ${e.tenantId} appended under tenant ${tenantId}`);
        const id = this.nextId();
        const recordedAt = this.clock.now();
        const payload = JSON.stringify(e.payload);
        const hash = chainHash({
          prevHash: prev,
          id,
          tenantId,
          portfolioId: e.portfolioId,
          positionId: e.positionId,
          symbol: e.symbol,
          ts: e.ts,
          recordedAt,
          type: e.type,
          correlationId: e.correlationId,
          payload,
        });
        this.insertStmt.run(
          id,
          tenantId,
          e.portfolioId,
          e.positionId,
          e.symbol,
          e.ts,
          recordedAt,
          e.type,
          e.correlationId,
          payload,
          prev,
          hash,
        );
        this.lastId = id;
        this.heads.set(tenantId, hash);
        stored.push({
          type: e.type,
          tenantId,
          portfolioId: e.portfolioId,
          positionId: e.positionId,
          symbol: e.symbol,
          ts: e.ts,
          correlationId: e.correlationId,
          payload: e.payload,
          id,
          recordedAt,
          prevHash: prev,
          hash,
        } as DomainEvent);
        prev = hash;
      }
    } catch (err) {
      this.invalidate();
      throw err;
    }
    return stored;
  }

  private nextId(): string {
    const id = this.ids.next();
    return this.lastId !== null && id <= this.lastId ? ulidSuccessor(this.lastId) : id;
  }

  get(tenantId: string, eventId: string): DomainEvent | null {
    const row = this.sqlite
      .prepare<[string, string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE tenant_id = ? AND id = ?`)
      .get(tenantId, eventId);
    return row ? toEvent(row) : null;
  }

  listByTenant(tenantId: string, query: EventQuery = {}): DomainEvent[] {
    return this.list('tenant_id = ?', [tenantId], query);
  }

  listByPosition(tenantId: string, positionId: string, query: EventQuery = {}): DomainEvent[] {
    return this.list('tenant_id = ? AND position_id = ?', [tenantId, positionId], query);
  }

  countByTenant(tenantId: string, query: EventQuery = {}): number {
    return this.count('tenant_id = ?', [tenantId], query);
  }

  countByPosition(tenantId: string, positionId: string, query: EventQuery = {}): number {
    return this.count('tenant_id = ? AND position_id = ?', [tenantId, positionId], query);
  }

  listByCorrelation(tenantId: string, correlationId: string): DomainEvent[] {
    // Without the index named, the planner walks the tenant's whole log in id order to save a sort of a
    // tick's few rows: every tick (planTenant) would read every event ever written.
    return (this.byCorrelation.all(tenantId, correlationId) as EventRow[]).map(toEvent);
  }

  latestForPosition<T extends EventType>(
    tenantId: string,
    positionId: string,
    type: T,
  ): DomainEvent<T> | null {
    const [event] = this.list('tenant_id = ? AND position_id = ?', [tenantId, positionId], {
      types: [type],
      newestFirst: true,
      limit: 1,
    });
    return (event as DomainEvent<T> | undefined) ?? null;
  }

  verifyChain(tenantId: string): ChainVerification {
    return verifyTenantChain(this.sqlite, tenantId);
  }

  private list(where: string, params: unknown[], query: EventQuery): DomainEvent[] {
    const { clauses, args } = filters(where, params, query, true);
    let sql = `SELECT ${COLUMNS} FROM events WHERE ${clauses.join(' AND ')} ORDER BY id ${query.newestFirst ? 'DESC' : 'ASC'}`;
    if (query.limit !== undefined) {
      sql += ' LIMIT ?';
      args.push(query.limit);
    }
    return (this.query(sql).all(...args) as EventRow[]).map(toEvent);
  }

  private count(where: string, params: unknown[], query: EventQuery): number {
    const { clauses, args } = filters(where, params, query, false);
    const sql = `SELECT count(*) AS n FROM events WHERE ${clauses.join(' AND ')}`;
    return (this.query(sql).get(...args) as { n: number }).n;
  }

  private query(sql: string): Database.Statement {
    let statement = this.queries.get(sql);
    if (statement === undefined) {
      if (this.queries.size >= MAX_PREPARED_QUERIES) this.queries.clear();
      statement = this.sqlite.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }
}

/** WHERE clauses of a query; paging (after/before id) only for listing, never for counting. */
function filters(
  where: string,
  params: unknown[],
  query: EventQuery,
  paging: boolean,
): { clauses: string[]; args: unknown[] } {
  const clauses = [where];
  const args = [...params];
  if (paging && query.afterId !== undefined) {
    clauses.push('id > ?');
    args.push(query.afterId);
  }
  if (paging && query.beforeId !== undefined) {
    clauses.push('id < ?');
    args.push(query.beforeId);
  }
  if (query.types && query.types.length > 0) {
    clauses.push(`type IN (${query.types.map(() => '?').join(', ')})`);
    args.push(...query.types);
  }
  if (query.fromTs !== undefined) {
    clauses.push('ts >= ?');
    args.push(query.fromTs);
  }
  if (query.toTs !== undefined) {
    clauses.push('ts < ?');
    args.push(query.toTs);
  }
  const text = query.text?.trim();
  if (text) {
    // LIKE is case-insensitive for ASCII; the user's % and _ are matched literally.
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push("(symbol LIKE ? ESCAPE '\\' OR type LIKE ? ESCAPE '\\' OR payload LIKE ? ESCAPE '\\')");
    args.push(pattern, pattern, pattern);
  }
  return { clauses, args };
}

/** An `events` row as the event it stores (the payload parsed). */
export function toEvent(row: EventRow): DomainEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    portfolioId: row.portfolio_id,
    positionId: row.position_id,
    symbol: row.symbol,
    ts: row.ts,
    recordedAt: row.recorded_at,
    type: row.type,
    correlationId: row.correlation_id,
    payload: JSON.parse(row.payload) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as DomainEvent;
}
