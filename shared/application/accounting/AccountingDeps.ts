import type { AccountingSettingsRepository } from '../../ports/AccountingSettingsRepository';
import type { Clock } from '../../ports/Clock';
import type { ClosePrices } from '../../ports/ClosePrices';
import type { EquityHistoryRepository } from '../../ports/EquityHistoryRepository';
import type { EventLog } from '../../ports/EventLog';
import type { PortfolioRepository } from '../../ports/PortfolioRepository';
import type { PositionRepository } from '../../ports/PositionRepository';
import type { UnitOfWork } from '../../ports/UnitOfWork';

/** The ports accounting (SPEC 8) runs on in the live app. */
export interface AccountingDeps {
  uow: UnitOfWork;
  clock: Clock;
  events: EventLog;
  positions: PositionRepository;
  portfolios: PortfolioRepository;
  equityHistory: EquityHistoryRepository;
  accountingSettings: AccountingSettingsRepository;
}

/** Rebuilding the history also reads price history. */
export interface EquityHistoryDeps extends AccountingDeps {
  closes: ClosePrices;
}
