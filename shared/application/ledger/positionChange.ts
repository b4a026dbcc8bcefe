import type { DomainEvent, EventPayloads, EventType, NewEvent } from '../../domain/DomainEvent';
import type { PositionLedger } from '../../domain/Position';
import type { EventLog } from '../../ports/EventLog';
import type { PositionRecord, PositionRepository } from '../../ports/PositionRepository';

/** What every event of one use case shares: its correlation id and event time. */
export interface EventContext {
  correlationId: string;
  ts: number;
}

/** A fact about a position, addressed to it (tenant, portfolio, position, symbol). */
export function positionEvent<T extends EventType>(
  position: Pick<PositionRecord, 'id' | 'tenantId' | 'portfolioId' | 'symbol'>,
  type: T,
  payload: EventPayloads[T],
  ctx: EventContext,
): NewEvent<T> {
  return {
    type,
    tenantId: position.tenantId,
    portfolioId: position.portfolioId,
    positionId: position.id,
    symbol: position.symbol,
    ts: ctx.ts,
    correlationId: ctx.correlationId,
    payload,
  };
}

export function ledgerOf(p: PositionLedger): PositionLedger {
  return {
    qty: p.qty,
    cashCents: p.cashCents,
    receivableCents: p.receivableCents,
    anchor: p.anchor,
    status: p.status,
    totalCommissionPaidCents: p.totalCommissionPaidCents,
    totalDividendsGrossCents: p.totalDividendsGrossCents,
    totalDividendsNetCents: p.totalDividendsNetCents,
  };
}

/** The full-state snapshot written after every change, so replay can be checked against it. */
export function positionUpdatedPayload(p: PositionLedger): EventPayloads['PositionUpdated'] {
  return { ...ledgerOf(p) };
}

/**
 * Writes a position's new ledger state and its events together — the fact events, then the
 * PositionUpdated snapshot — inside the caller's transaction. Used by every use case that moves a
 * position (and by the live loop's fills and corporate actions). Throws on a lost update: with one
 * writer and one transaction per use case that is a bug, never an expected outcome.
 */
export function commitPositionChange(
  deps: { positions: PositionRepository; events: EventLog },
  before: PositionRecord,
  ledger: PositionLedger,
  facts: readonly NewEvent[],
  ctx: EventContext & { now: number },
): { position: PositionRecord; events: DomainEvent[] } {
  const next: PositionRecord = {
    ...before,
    ...ledgerOf(ledger),
    version: before.version + 1,
    updatedAt: ctx.now,
  };
  if (!deps.positions.update(before.tenantId, next, before.version)) {
    throw new Error(`position ${before.id} changed under us (expected version ${before.version})`);
  }
  const events = deps.events.append(before.tenantId, [
    ...facts,
    positionEvent(next, 'PositionUpdated', positionUpdatedPayload(next), ctx),
  ]);
  return { position: next, events };
}
