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
  types?: readonly EventType[];
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
  /** The most recent event of a type for a position, or null. */
  latestForPosition<T extends EventType>(
    tenantId: string,
    positionId: string,
    type: T,
  ): DomainEvent<T> | null;
  /** Re-computes every hash of the tenant's chain and reports the first broken link. */
  verifyChain(tenantId: string): ChainVerification;
}
