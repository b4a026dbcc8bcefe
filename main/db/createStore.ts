import type { Clock } from '../../shared/ports/Clock';
import type { IdGenerator } from '../../shared/ports/IdGenerator';
import { SqliteEventLog } from './eventLog/SqliteEventLog';
import type { AppDatabase } from './openDatabase';
import { SqliteCommissionRateRepository } from './repositories/SqliteCommissionRateRepository';
import { SqliteDividendRepository } from './repositories/SqliteDividendRepository';
import { SqliteJobRunRepository } from './repositories/SqliteJobRunRepository';
import { SqliteOrderIntentRepository } from './repositories/SqliteOrderIntentRepository';
import { SqliteOrderRepository } from './repositories/SqliteOrderRepository';
import { SqlitePortfolioRepository } from './repositories/SqlitePortfolioRepository';
import { SqlitePositionRepository } from './repositories/SqlitePositionRepository';
import { SqlitePriceHistoryRepository } from './repositories/SqlitePriceHistoryRepository';
import { SqliteQuoteLogRepository } from './repositories/SqliteQuoteLogRepository';
import { SqliteSimulationRunRepository } from './repositories/SqliteSimulationRunRepository';
import { SqliteSplitRepository } from './repositories/SqliteSplitRepository';
import { SqliteTenantRepository } from './repositories/SqliteTenantRepository';
import { SqliteTradeRepository } from './repositories/SqliteTradeRepository';
import { SqliteUnitOfWork } from './SqliteUnitOfWork';
// ── accounting (issue 16) ──
import { SqliteAccountingSettingsRepository } from './repositories/SqliteAccountingSettingsRepository';
import { SqliteEquityHistoryRepository } from './repositories/SqliteEquityHistoryRepository';
import { SqliteDeadLetterRepository } from './repositories/SqliteDeadLetterRepository';
import { SqliteTradingSettingsRepository } from './repositories/SqliteTradingSettingsRepository';

/** Every SQLite adapter of the ports, built once over one open database (for the composition root). */
export function createStore(db: AppDatabase, deps: { ids: IdGenerator; clock: Clock }) {
  const events = new SqliteEventLog(db.sqlite, deps.ids, deps.clock);
  const { orm } = db;
  const uow = new SqliteUnitOfWork(db.sqlite, () => events.invalidate());
  return {
    uow,
    events,
    tenants: new SqliteTenantRepository(orm),
    portfolios: new SqlitePortfolioRepository(orm, db.sqlite),
    positions: new SqlitePositionRepository(orm, db.sqlite),
    commissionRates: new SqliteCommissionRateRepository(orm, deps.ids),
    orders: new SqliteOrderRepository(orm, db.sqlite),
    trades: new SqliteTradeRepository(orm, db.sqlite),
    intents: new SqliteOrderIntentRepository(orm, db.sqlite),
    quotes: new SqliteQuoteLogRepository(orm, db.sqlite),
    dividends: new SqliteDividendRepository(orm),
    splits: new SqliteSplitRepository(orm),
    jobRuns: new SqliteJobRunRepository(orm),
    simulationRuns: new SqliteSimulationRunRepository(orm, uow),
    priceHistory: new SqlitePriceHistoryRepository(orm, uow),
    // ── accounting (issue 16) ──
    equityHistory: new SqliteEquityHistoryRepository(db.sqlite),
    accountingSettings: new SqliteAccountingSettingsRepository(orm),
    // settings (issue 15)
    tradingSettings: new SqliteTradingSettingsRepository(orm),
    deadLetters: new SqliteDeadLetterRepository(orm),
  };
}

export type SqliteStore = ReturnType<typeof createStore>;
