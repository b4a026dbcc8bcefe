import { replayPosition } from '../../../shared/domain/PositionReplay';
import { ledgerOf } from '../../../shared/application/ledger/positionChange';
import type { SqliteStore } from '../createStore';

/**
 * The invariants every test of the ledger checks: for every position of the tenant, the row equals the
 * replay of its fact events and equals its last PositionUpdated; cash and shares are never negative;
 * the tenant's hash chain verifies. Returns the problems found (empty = all hold).
 */
export function ledgerProblems(store: SqliteStore, tenantId: string): string[] {
  const problems: string[] = [];
  for (const position of store.positions.listByTenant(tenantId)) {
    const events = store.events.listByPosition(tenantId, position.id);
    const row = ledgerOf(position);
    let replayed;
    try {
      replayed = replayPosition(events);
    } catch (err) {
      problems.push(`${position.id}: replay failed: ${(err as Error).message}`);
      continue;
    }
    if (JSON.stringify(ledgerOf(replayed)) !== JSON.stringify(row)) {
      problems.push(`${position.id}: row ${JSON.stringify(row)} != replay ${JSON.stringify(replayed)}`);
    }
    const snapshot = store.events.latestForPosition(tenantId, position.id, 'PositionUpdated')?.payload;
    if (!snapshot || JSON.stringify(ledgerOf(snapshot as never)) !== JSON.stringify(row)) {
      problems.push(`${position.id}: row != last PositionUpdated ${JSON.stringify(snapshot)}`);
    }
    if (position.cashCents < 0) problems.push(`${position.id}: negative cash ${position.cashCents}`);
    if (position.qty < 0) problems.push(`${position.id}: negative shares ${position.qty}`);
  }
  const chain = store.events.verifyChain(tenantId);
  if (!chain.ok) problems.push(`chain broken at ${chain.brokenAt}: ${chain.detail}`);
  return problems;
}
