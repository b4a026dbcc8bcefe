import { and, eq, sql } from 'drizzle-orm';
import type { StrategyConfig } from '../../../shared/domain/Config';
import type { Portfolio, PortfolioRepository } from '../../../shared/ports/PortfolioRepository';
import type { Orm } from '../openDatabase';
import { portfolios } from '../schema';

export class SqlitePortfolioRepository implements PortfolioRepository {
  /** Prepared once: every fill reads its position's portfolio config. */
  private readonly byId;

  constructor(private readonly orm: Orm) {
    this.byId = orm
      .select()
      .from(portfolios)
      .where(
        and(eq(portfolios.tenantId, sql.placeholder('tenantId')), eq(portfolios.id, sql.placeholder('id'))),
      )
      .prepare();
  }

  insert(tenantId: string, portfolio: Portfolio): void {
    assertTenant(tenantId, portfolio.tenantId);
    this.orm.insert(portfolios).values(portfolio).run();
  }

  get(tenantId: string, portfolioId: string): Portfolio | null {
    return this.byId.get({ tenantId, id: portfolioId }) ?? null;
  }

  listByTenant(tenantId: string): Portfolio[] {
    return this.orm
      .select()
      .from(portfolios)
      .where(eq(portfolios.tenantId, tenantId))
      .orderBy(portfolios.createdAt, portfolios.id)
      .all();
  }

  updateConfig(tenantId: string, portfolioId: string, config: StrategyConfig, updatedAt: number): boolean {
    const r = this.orm
      .update(portfolios)
      .set({ config, updatedAt })
      .where(and(eq(portfolios.tenantId, tenantId), eq(portfolios.id, portfolioId)))
      .run();
    return r.changes === 1;
  }
}

/** A row handed to a repository must belong to the tenant named with it (a bug otherwise). */
export function assertTenant(tenantId: string, rowTenantId: string | null): void {
  if (rowTenantId !== tenantId) {
    throw new Error(`tenant mismatch: row of tenant ${String(rowTenantId)} written under tenant ${tenantId}`);
  }
}
