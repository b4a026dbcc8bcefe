import type { AccountingFact } from '../../domain/accounting/AccountingFact';
import { factsFromEvents } from '../../domain/accounting/FactsFromEvents';
import { Ledger } from '../../domain/accounting/Ledger';
import type { LotMethod } from '../../domain/accounting/LotMethod';
import type { EventType } from '../../domain/DomainEvent';
import type { AccountingDeps } from './AccountingDeps';

/** The event types accounting reads (SPEC 8: lots come from the fills in the log, nothing else). */
export const ACCOUNTING_EVENT_TYPES: readonly EventType[] = [
  'PositionOpened',
  'PositionDeleted',
  'CashDeposited',
  'CashWithdrawn',
  'OrderFilled',
  'DividendAccrued',
  'DividendPaid',
  'SplitApplied',
];

export interface TenantLedger {
  ledger: Ledger;
  facts: AccountingFact[];
  /** Position id → portfolio id (positions of the log, deleted ones left out). */
  portfolioOf: Map<string, string>;
}

/**
 * Replays the tenant's event log into the book of every position (each with its portfolio's lot
 * method). Shares a position opened with are valued at the first price the app evaluated them at.
 */
export function loadTenantLedger(deps: AccountingDeps, tenantId: string): TenantLedger {
  const events = deps.events.listByTenant(tenantId, { types: ACCOUNTING_EVENT_TYPES });
  const positions = deps.positions.listByTenant(tenantId);
  const portfolioOf = new Map(positions.map((p) => [p.id, p.portfolioId]));
  const methods = new Map<string, LotMethod>();
  for (const p of deps.portfolios.listByTenant(tenantId)) {
    methods.set(p.id, deps.accountingSettings.get(tenantId, p.id).lotMethod);
  }
  const openingPrice = (positionId: string): number | null => {
    const [first] = deps.events.listByPosition(tenantId, positionId, {
      types: ['EvaluationEvent'],
      limit: 1,
    });
    return first?.type === 'EvaluationEvent' ? first.payload.priceEffective : null;
  };
  const facts = factsFromEvents(events).map((f) =>
    f.kind === 'opened' && f.qty > 0 && f.price === 0 ? { ...f, price: openingPrice(f.positionId) ?? 0 } : f,
  );
  const ledger = new Ledger((positionId) => methods.get(portfolioOf.get(positionId) ?? '') ?? 'FIFO');
  ledger.applyAll(facts);
  return { ledger, facts, portfolioOf };
}
