import type { StrategyConfigOverride } from '../domain/Config';
import type { PositionLedger, PositionStatus } from '../domain/Position';

/** The canonical position row: the ledger state plus identity, per-position settings and a version. */
export interface PositionRecord extends PositionLedger {
  id: string;
  tenantId: string;
  portfolioId: string;
  symbol: string;
  /** Fields that replace the portfolio's config for this position; null = inherit everything. */
  configOverride: StrategyConfigOverride | null;
  /** Dividend withholding for this position (fraction); null = the portfolio default. */
  withholdingPct: number | null;
  /** Bumped by every update; an update names the version it read (optimistic check). */
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** A position's id and version: enough to tell whether a row read earlier is still current. */
export interface PositionVersion {
  id: string;
  version: number;
}

export interface PositionRepository {
  insert(tenantId: string, position: PositionRecord): void;
  get(tenantId: string, positionId: string): PositionRecord | null;
  listByPortfolio(tenantId: string, portfolioId: string): PositionRecord[];
  listByTenant(tenantId: string, statuses?: readonly PositionStatus[]): PositionRecord[];
  /** The id and version of each of the tenant's positions in these statuses (cheaper than the rows). */
  listVersions(tenantId: string, statuses: readonly PositionStatus[]): PositionVersion[];
  /** The ACTIVE or PAUSED position of a symbol in a portfolio, if any. */
  findOpenBySymbol(tenantId: string, portfolioId: string, symbol: string): PositionRecord | null;
  /**
   * Writes `next` (with `next.version` = `expectedVersion` + 1). False when the row is missing in this
   * tenant or its version is no longer `expectedVersion`.
   */
  update(tenantId: string, next: PositionRecord, expectedVersion: number): boolean;
  /** Removes the row of a position that never traded; false when it is missing or its version moved. */
  delete(tenantId: string, positionId: string, expectedVersion: number): boolean;
}
