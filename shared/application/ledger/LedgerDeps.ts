import type { Clock } from '../../ports/Clock';
import type { CommissionRateRepository } from '../../ports/CommissionRateRepository';
import type { EventLog } from '../../ports/EventLog';
import type { IdGenerator } from '../../ports/IdGenerator';
import type { OrderRepository } from '../../ports/OrderRepository';
import type { PortfolioRepository } from '../../ports/PortfolioRepository';
import type { PositionRepository } from '../../ports/PositionRepository';
import type { TenantRepository } from '../../ports/TenantRepository';
import type { UnitOfWork } from '../../ports/UnitOfWork';

/** The ports the ledger use cases run on; the composition root passes the SQLite adapters. */
export interface LedgerDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  events: EventLog;
  tenants: TenantRepository;
  portfolios: PortfolioRepository;
  positions: PositionRepository;
  commissionRates: CommissionRateRepository;
  orders: OrderRepository;
}
