import type { EquitySnapshot } from '../domain/accounting/EquityHistory';

/** A stored snapshot: the position's (or, with positionId null, the portfolio total's) at a session close. */
export interface EquityHistoryRow extends EquitySnapshot {
  portfolioId: string;
}

export interface EquityHistoryQuery {
  portfolioId?: string;
  /** A position's rows; null: the portfolio totals only; undefined: both. */
  positionId?: string | null;
  fromDate?: string;
  toDate?: string;
}

/** SPEC 8 equity history, rebuilt from the event log and price history (derived, replaceable). */
export interface EquityHistoryRepository {
  /** In one transaction: removes the tenant's rows dated `fromDate` or later, then inserts `rows`. */
  replaceFrom(tenantId: string, fromDate: string, rows: readonly EquityHistoryRow[]): void;
  /** Ascending by date, then portfolio, then position. */
  list(tenantId: string, query?: EquityHistoryQuery): EquityHistoryRow[];
  /** The latest date stored, or null. */
  lastDate(tenantId: string): string | null;
}
