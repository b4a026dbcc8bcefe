import type { AccountingSettings } from '../../ports/AccountingSettingsRepository';
import type { IdGenerator } from '../../ports/IdGenerator';
import { fail, ok, type Result } from '../ledger/Result';
import type { AccountingDeps } from './AccountingDeps';

/**
 * Changes a portfolio's accounting settings (lot method, benchmark, day-trade limit) with a
 * ConfigChanged event (section `accounting`) holding the old and new values, in one transaction. A
 * change of lot method changes realised P&L from the first sale on: the caller rebuilds the history.
 */
export function changeAccountingSettings(
  deps: AccountingDeps & { ids: IdGenerator },
  tenantId: string,
  portfolioId: string,
  settings: AccountingSettings,
): Result<AccountingSettings> {
  if (deps.portfolios.get(tenantId, portfolioId) === null) {
    return fail('not_found', `portfolio ${portfolioId} does not exist`);
  }
  const normalized: AccountingSettings = { ...settings, benchmark: settings.benchmark.trim().toUpperCase() };
  return deps.uow.transaction(() => {
    const before = deps.accountingSettings.get(tenantId, portfolioId);
    if (JSON.stringify(before) === JSON.stringify(normalized)) return ok(before);
    const now = deps.clock.now();
    deps.accountingSettings.save(tenantId, portfolioId, normalized, now);
    deps.events.append(tenantId, [
      {
        type: 'ConfigChanged',
        tenantId,
        portfolioId,
        positionId: null,
        symbol: null,
        ts: now,
        correlationId: deps.ids.next(),
        payload: { scope: 'PORTFOLIO', section: 'accounting', oldValue: before, newValue: normalized },
      },
    ]);
    return ok(normalized);
  });
}
