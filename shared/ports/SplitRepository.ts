export interface StockSplit {
  id: string;
  tenantId: string;
  symbol: string;
  /** yyyy-mm-dd. */
  effectiveDate: string;
  /** New shares per old share: 4 for 4:1, 0.125 for a 1:8 reverse split. */
  ratio: number;
  source: string;
  createdAt: number;
}

export interface SplitRepository {
  /** Stores a split unless one exists for (symbol, effective date) in the tenant. */
  insertSplit(tenantId: string, split: StockSplit): { inserted: boolean; split: StockSplit };
  /** Splits effective in [fromDate, toDate] (inclusive), oldest first. */
  listByEffectiveDate(tenantId: string, fromDate: string, toDate: string): StockSplit[];
  /** False when the split was already applied to this position: a split is applied once. */
  recordApplication(
    tenantId: string,
    entry: { splitId: string; positionId: string; eventId: string; appliedAt: number },
  ): boolean;
  isApplied(tenantId: string, splitId: string, positionId: string): boolean;
}
