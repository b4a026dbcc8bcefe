import type { ProviderHealth } from '../../shared/ports/MarketData';
import type { SqliteStore } from '../db/createStore';
import type { BackendQueries, LoopStatus } from './Backend';

/** The UI's read side of the Backend: tenant-scoped reads of the store (one place for them). */
export function backendQueries(
  store: SqliteStore,
  tenantId: string,
  live: { providerHealth: () => ProviderHealth; loopStatus: () => LoopStatus },
): BackendQueries {
  return {
    portfolios: () => store.portfolios.listByTenant(tenantId),
    positions: () => store.positions.listByTenant(tenantId),
    position: (id) => store.positions.get(tenantId, id),
    events: (q = {}) => {
      const query = { ...q, limit: q.limit ?? 200 };
      return q.positionId
        ? store.events.listByPosition(tenantId, q.positionId, query)
        : store.events.listByTenant(tenantId, query);
    },
    countEvents: (q = {}) =>
      q.positionId
        ? store.events.countByPosition(tenantId, q.positionId, q)
        : store.events.countByTenant(tenantId, q),
    orders: (q = {}) =>
      q.positionId
        ? store.orders.listByPosition(tenantId, q.positionId, q.limit)
        : store.orders.listOpen(tenantId).reverse(),
    trades: (q) => store.trades.listByPosition(tenantId, q.positionId, q.limit),
    dividendAnnouncements: (q) => store.dividends.listAnnouncementsByExDate(tenantId, q.fromDate, q.toDate),
    dividendAccruals: (q) => store.dividends.listAccrualsByPosition(tenantId, q.positionId),
    intents: (q) => store.intents.listByStatus(tenantId, q.status, q.limit),
    lastQuote: (symbol) => store.quotes.latest(null, symbol),
    providerHealth: live.providerHealth,
    loopStatus: live.loopStatus,
    verifyEventChain: () => store.events.verifyChain(tenantId),
  };
}
