import type { DomainEvent, EventType, NewEvent } from '../domain/DomainEvent';

/** Result of walking a tenant's hash chain from its genesis (SPEC 3). */
export type ChainVerification =
  | { ok: true; count: number }
  | {
      ok: false;
      /** Id of the first event whose link does not hold. */
      brokenAt: string;
      /** Its 0-based position in the tenant's chain. */
      index: number;
      reason: 'prev_hash_mismatch' | 'hash_mismatch';
      detail: string;
    };

export interface EventQuery {
  /** Only events with an id greater than this (paging forward). */
  afterId?: string;
  /** Only events with an id less than this (keyset paging backward, with `newestFirst`). */
  beforeId?: string;
  types?: readonly EventType[];
  /** Event time (`ts`) at or after this, epoch ms. */
  fromTs?: number;
  /** Event time (`ts`) before this, epoch ms. */
  toTs?: number;
  /** Case-insensitive text searched in the symbol, the type and the payload. */
  text?: string;
  /** Newest first instead of oldest first. */
  newestFirst?: boolean;
  limit?: number;
}

/**
 * The append-only event log (SPEC 3). Every event gets a sortable id, its record time and a hash
 * chaining it to the previous event of the same tenant. Nothing is ever updated or deleted.
 */
export interface EventLog {
  /** Appends in order; every event must belong to `tenantId`. Joins the caller's transaction. */
  append(tenantId: string, events: readonly NewEvent[]): DomainEvent[];
  get(tenantId: string, eventId: string): DomainEvent | null;
  listByTenant(tenantId: string, query?: EventQuery): DomainEvent[];
  listByPosition(tenantId: string, positionId: string, query?: EventQuery): DomainEvent[];
  listByCorrelation(tenantId: string, correlationId: string): DomainEvent[];
  /** How many events match (the query's paging fields are ignored). */
  countByTenant(tenantId: string, query?: EventQuery): number;
  countByPosition(tenantId: string, positionId: string, query?: EventQuery): number;
  /** The most recent event of a type for a position, or null. */
  latestForPosition<T extends EventType>(
    tenantId: string,
    positionId: string,
    type: T,
  ): DomainEvent<T> | null;
  /** Re-computes every hash of the tenant's chain and reports the first broken link. */
  verifyChain(tenantId: string): ChainVerification;
}
