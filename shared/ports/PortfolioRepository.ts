import type { StrategyConfig } from '../domain/Config';

export interface Portfolio {
  id: string;
  tenantId: string;
  name: string;
  baseCurrency: string;
  /** The portfolio's full strategy config: the defaults every position inherits (SPEC 3 config store). */
  config: StrategyConfig;
  createdAt: number;
  updatedAt: number;
}

export interface PortfolioRepository {
  insert(tenantId: string, portfolio: Portfolio): void;
  get(tenantId: string, portfolioId: string): Portfolio | null;
  listByTenant(tenantId: string): Portfolio[];
  /** False when the portfolio does not exist in this tenant. */
  updateConfig(tenantId: string, portfolioId: string, config: StrategyConfig, updatedAt: number): boolean;
}
