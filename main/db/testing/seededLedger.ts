import {
  createPortfolio,
  createPosition,
  createTenant,
  depositCash,
  setAnchor,
  withdrawCash,
  type Result,
} from '../../../shared/application/ledger';
import { bookTestFill } from './bookings';
import { openTestStore, type TestStore } from './testDatabase';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

/**
 * Test support: a real database file with one tenant, two positions and a few hundred events of every
 * kind that moves a ledger (deposits, withdrawals, fills, anchors), for the integrity and restore tests.
 */
export async function seededLedger(
  file?: string,
  rounds = 40,
): Promise<TestStore & { tenantId: string; positionIds: string[] }> {
  const t = await openTestStore(file);
  const tenantId = value(createTenant(t.deps, { name: 'Alice' })).id;
  const portfolioId = value(createPortfolio(t.deps, { tenantId, name: 'Core' })).id;
  const positionIds = ['AAPL', 'KO'].map(
    (symbol) =>
      value(
        createPosition(t.deps, { tenantId, portfolioId, symbol, initialCash: 10_000, existingShares: 50 }),
      ).id,
  );
  for (let i = 0; i < rounds; i += 1) {
    for (const positionId of positionIds) {
      const ref = { tenantId, positionId };
      value(depositCash(t.deps, { ...ref, amount: 12.34 }));
      value(withdrawCash(t.deps, { ...ref, amount: 1.01 }));
      bookTestFill(
        { store: t.store, deps: t.deps },
        tenantId,
        positionId,
        i % 2 ? 'BUY' : 'SELL',
        2,
        100 + i,
      );
      value(setAnchor(t.deps, { ...ref, anchor: 100 + (i % 9), by: 'test', why: 'seed' }));
    }
  }
  return { ...t, tenantId, positionIds };
}
