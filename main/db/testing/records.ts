import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import { cents } from '../../../shared/domain/Money';
import { emptySnapshot } from '../../../shared/domain/accounting/EquityHistory';
import type { DividendAccrualRecord, DividendAnnouncement } from '../../../shared/ports/DividendRepository';
import type { EquityHistoryRow } from '../../../shared/ports/EquityHistoryRepository';
import type { OrderRecord } from '../../../shared/ports/OrderRepository';
import type { Portfolio } from '../../../shared/ports/PortfolioRepository';
import type { PositionRecord } from '../../../shared/ports/PositionRepository';
import type { StockSplit } from '../../../shared/ports/SplitRepository';
import type { TradeRecord } from '../../../shared/ports/TradeRepository';

/** Row builders for repository tests: sensible values, override what the test is about. */
export const portfolioRecord = (tenantId: string, id: string, o: Partial<Portfolio> = {}): Portfolio => ({
  id,
  tenantId,
  name: `Portfolio ${id}`,
  baseCurrency: 'USD',
  config: DEFAULT_STRATEGY_CONFIG,
  createdAt: 1,
  updatedAt: 1,
  ...o,
});

export const positionRecord = (
  tenantId: string,
  portfolioId: string,
  id: string,
  o: Partial<PositionRecord> = {},
): PositionRecord => ({
  id,
  tenantId,
  portfolioId,
  symbol: 'AAPL',
  qty: 100,
  cashCents: cents(1_000_000),
  receivableCents: cents(0),
  anchor: 150.25,
  status: 'ACTIVE',
  totalCommissionPaidCents: cents(0),
  totalDividendsGrossCents: cents(0),
  totalDividendsNetCents: cents(0),
  configOverride: null,
  withholdingPct: null,
  version: 1,
  createdAt: 1,
  updatedAt: 1,
  ...o,
});

export const orderRecord = (
  tenantId: string,
  positionId: string,
  id: string,
  o: Partial<OrderRecord> = {},
): OrderRecord => ({
  id,
  tenantId,
  positionId,
  tickId: `tick-${id}`,
  side: 'BUY',
  qty: 10,
  price: 96.5,
  pricePolicy: 'MID',
  commission: { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' },
  status: 'NEW',
  dedupeKey: `dedupe-${id}`,
  filledQty: 0,
  reasons: ['qty_rounded'],
  createdAt: 1_000,
  updatedAt: 1_000,
  ...o,
});

export const tradeRecord = (
  tenantId: string,
  orderId: string,
  positionId: string,
  id: string,
  o: Partial<TradeRecord> = {},
): TradeRecord => ({
  id,
  tenantId,
  orderId,
  positionId,
  side: 'BUY',
  qty: 10,
  price: 96.5,
  notionalCents: 96_500,
  commissionCents: 10,
  brokerRef: `ref-${id}`,
  executedAt: 2_000,
  ...o,
});

export const announcementRecord = (
  tenantId: string,
  id: string,
  o: Partial<DividendAnnouncement> = {},
): DividendAnnouncement => ({
  id,
  tenantId,
  symbol: 'AAPL',
  exDate: '2025-02-10',
  payDate: '2025-02-13',
  amountPerShare: 0.25,
  currency: 'USD',
  withholdingTaxPct: null,
  source: 'test',
  createdAt: 1,
  ...o,
});

export const accrualRecord = (
  tenantId: string,
  positionId: string,
  announcementId: string,
  id: string,
  o: Partial<DividendAccrualRecord> = {},
): DividendAccrualRecord => ({
  id,
  tenantId,
  positionId,
  announcementId,
  qtyEligible: 100,
  grossCents: 2_500,
  withholdingCents: 375,
  netCents: 2_125,
  accruedAt: 5,
  paidAt: null,
  ...o,
});

export const splitRecord = (tenantId: string, id: string, o: Partial<StockSplit> = {}): StockSplit => ({
  id,
  tenantId,
  symbol: 'AAPL',
  effectiveDate: '2025-03-01',
  ratio: 4,
  source: 'test',
  createdAt: 1,
  ...o,
});

/**
 * An equity history row of a portfolio total (`positionId` null) or one position whose equity is all
 * market value: every other amount 0.
 */
export const equityHistoryRecord = (
  portfolioId: string,
  positionId: string | null,
  date: string,
  equityCents: number,
): EquityHistoryRow => ({
  ...emptySnapshot(date),
  portfolioId,
  positionId,
  marketValueCents: equityCents,
  equityCents,
});
