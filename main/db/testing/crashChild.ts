/**
 * Child process of the crash test: opens the database file argv[2] and writes as fast as it can —
 * ledger use cases, fills with their order and trade rows, dividends, and batches of 20 one-cent
 * deposits (argv[3], default 20) in ONE outer transaction — until it is SIGKILLed. Prints "READY"
 * once it has committed one write of each kind.
 */
import {
  changePortfolioConfig,
  createPortfolio,
  createPosition,
  createTenant,
  depositCash,
  pausePosition,
  resumePosition,
  setAnchor,
  withdrawCash,
} from '../../../shared/application/ledger';
import { accrueTestDividend, bookTestFill, payTestDividend, type PendingDividend } from './bookings';
import { openTestStore } from './testDatabase';

const BATCH_SIZE = Number(process.argv[3] ?? 20);

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: crashChild <db file>');
  const t = await openTestStore(file, { synchronous: 'FULL' });
  const { deps, store } = t;
  let tenant = store.tenants.listAll()[0];
  if (!tenant) {
    const created = createTenant(deps, { name: 'Crash' });
    if (!created.ok) throw new Error(created.message);
    tenant = created.value;
    const portfolio = createPortfolio(deps, { tenantId: tenant.id, name: 'P' });
    if (!portfolio.ok) throw new Error(portfolio.message);
    for (const symbol of ['AAPL', 'MSFT', 'KO']) {
      createPosition(deps, {
        tenantId: tenant.id,
        portfolioId: portfolio.value.id,
        symbol,
        initialCash: 100_000,
        existingShares: 100,
      });
    }
  }
  const tenantId = tenant.id;
  const portfolioId = store.portfolios.listByTenant(tenantId)[0]?.id ?? '';
  const positions = store.positions.listByTenant(tenantId).map((p) => p.id);
  const pending: PendingDividend[] = [];
  const b = { store, deps };
  let i = 0;
  for (;;) {
    i += 1;
    const positionId = positions[i % positions.length] ?? '';
    const ref = { tenantId, positionId };
    switch (i % 9) {
      case 0:
        store.uow.transaction(() => {
          for (let k = 0; k < BATCH_SIZE; k += 1) depositCash(deps, { ...ref, amount: 0.01 });
        });
        break;
      case 1:
        depositCash(deps, { ...ref, amount: 12.34 });
        break;
      case 2:
        withdrawCash(deps, { ...ref, amount: 5.67 });
        break;
      case 3:
        bookTestFill(b, tenantId, positionId, i % 2 === 0 ? 'BUY' : 'SELL', 3, 100 + (i % 50) / 10);
        break;
      case 4:
        setAnchor(deps, { ...ref, anchor: 100 + (i % 7), by: 'crash', why: 'test' });
        break;
      case 5: {
        const p = accrueTestDividend(b, tenantId, positionId, 0.25, 0.15);
        if (p) pending.push(p);
        break;
      }
      case 6: {
        const p = pending.shift();
        const owner = p ? store.events.listByCorrelation(tenantId, p.announcementId)[0]?.positionId : null;
        if (p && owner) payTestDividend(b, tenantId, owner, p);
        break;
      }
      case 7:
        pausePosition(deps, { ...ref, by: 'crash' });
        resumePosition(deps, { ...ref, by: 'crash' });
        break;
      case 8:
        changePortfolioConfig(deps, {
          tenantId,
          portfolioId,
          patch: { trigger: { downThreshold: 0.01 + (i % 5) / 100 } },
        });
        break;
    }
    if (i === 9) process.stdout.write('READY\n'); // one of each kind of write is committed
    // Let the event loop breathe now and then, but mostly write.
    if (i % 50 === 0) await new Promise((r) => setImmediate(r));
  }
}

main().catch((err: unknown) => {
  process.stdout.write(`CRASH ${String(err)}\n`);
  process.exit(1);
});
