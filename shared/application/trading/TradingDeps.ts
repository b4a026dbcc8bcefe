import type { Broker } from '../../ports/Broker';
import type { Clock } from '../../ports/Clock';
import type { CommissionRateRepository } from '../../ports/CommissionRateRepository';
import type { DividendRepository } from '../../ports/DividendRepository';
import type { EventLog } from '../../ports/EventLog';
import type { IdGenerator } from '../../ports/IdGenerator';
import type { JobRunRepository } from '../../ports/JobRunRepository';
import type { Logger } from '../../ports/Logger';
import type { MarketDataPort } from '../../ports/MarketData';
import type { Notifier } from '../../ports/Notifier';
import type { OrderIntentRepository } from '../../ports/OrderIntentRepository';
import type { OrderRepository } from '../../ports/OrderRepository';
import type { PortfolioRepository } from '../../ports/PortfolioRepository';
import type { PositionRepository } from '../../ports/PositionRepository';
import type { QuoteLogRepository } from '../../ports/QuoteLogRepository';
import type { RiskReferences } from '../../ports/RiskReferences';
import type { SplitRepository } from '../../ports/SplitRepository';
import type { TenantRepository } from '../../ports/TenantRepository';
import type { TradeRepository } from '../../ports/TradeRepository';
import type { UnitOfWork } from '../../ports/UnitOfWork';
import type { AccountingSettingsRepository } from '../../ports/AccountingSettingsRepository';

/**
 * Every port the live loop runs on (SPEC 4): the repositories of the one SQLite file, the market-data
 * provider, the broker, time, ids and the logger. The composition root passes the real adapters; tests
 * pass the same SQLite adapters with a scripted provider and a virtual clock.
 */
export interface LiveDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  events: EventLog;
  tenants: TenantRepository;
  portfolios: PortfolioRepository;
  positions: PositionRepository;
  commissionRates: CommissionRateRepository;
  orders: OrderRepository;
  trades: TradeRepository;
  intents: OrderIntentRepository;
  quotes: QuoteLogRepository;
  dividends: DividendRepository;
  splits: SplitRepository;
  jobRuns: JobRunRepository;
  marketData: MarketDataPort;
  broker: Broker;
  /** Told after a commit, never inside a transaction (a rolled-back fill notifies nothing). */
  notifier: Notifier;
  logger: Logger;
  /**
   * Average costs, highest closes and equity closes for the risk manager (SPEC 9, from SPEC 8's
   * accounting). Without it the stops and portfolio rules have no references and do not fire.
   */
  riskReferences?: RiskReferences;
  /** SPEC 8's settings (the optional day-trade limit); absent in deps built without them: no limit. */
  accountingSettings?: Pick<AccountingSettingsRepository, 'get'>;
}
