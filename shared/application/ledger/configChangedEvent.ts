import type { CommissionRate, CommissionScope } from '../../domain/Commission';
import type { EventPayloads, NewEvent } from '../../domain/DomainEvent';
import type { EventContext } from './positionChange';

/** Where a settings change applies when no position is named: a tenant, a portfolio, or a symbol's rate. */
export interface ConfigTarget {
  tenantId: string;
  portfolioId: string | null;
  symbol: string | null;
}

/**
 * A ConfigChanged event not addressed to a position (a position's own settings use `positionEvent`):
 * the tenant's settings, a portfolio's, or a commission rate's, with the old and new values.
 */
export function configChangedEvent(
  target: ConfigTarget,
  payload: EventPayloads['ConfigChanged'],
  ctx: EventContext,
): NewEvent<'ConfigChanged'> {
  return {
    type: 'ConfigChanged',
    tenantId: target.tenantId,
    portfolioId: target.portfolioId,
    positionId: null,
    symbol: target.symbol,
    ts: ctx.ts,
    correlationId: ctx.correlationId,
    payload,
  };
}

/**
 * A commission rate set or removed (`newValue` null): its section names the scope, and the symbol for a
 * per-symbol rate (`TENANT_ASSET:KO`).
 */
export function commissionChangedEvent(
  tenantId: string,
  scope: CommissionScope,
  symbol: string | null,
  oldValue: CommissionRate | null,
  newValue: CommissionRate | null,
  ctx: EventContext,
): NewEvent<'ConfigChanged'> {
  return configChangedEvent(
    { tenantId, portfolioId: null, symbol },
    { scope: 'COMMISSION', section: symbol === null ? scope : `${scope}:${symbol}`, oldValue, newValue },
    ctx,
  );
}
