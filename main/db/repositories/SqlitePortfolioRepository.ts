import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { StrategyConfig } from '../../../shared/domain/Config';
import type { Portfolio, PortfolioRepository } from '../../../shared/ports/PortfolioRepository';
import type { Orm } from '../openDatabase';
import { portfolios } from '../schema';

type RawRow = [string, string, string, string, string, number, number];

const COLUMNS = 'id, tenant_id, name, base_currency, config, created_at, updated_at';

export class SqlitePortfolioRepository implements PortfolioRepository {
  /**
   * Prepared once, read as arrays: every fill reads its position's portfolio config
   * (bench/drain.bench.ts), every tick its tenant's portfolios (bench/tick.bench.ts).
   */
  private readonly byId: Database.Statement<[string, string], RawRow>;
  private readonly byTenant: Database.Statement<[string], RawRow>;

  constructor(
    private readonly orm: Orm,
    sqlite: Database.Database,
  ) {
    this.byId = sqlite
      .prepare<[string, string], RawRow>(`SELECT ${COLUMNS} FROM portfolios WHERE tenant_id = ? AND id = ?`)
      .raw(true);
    this.byTenant = sqlite
      .prepare<[string], RawRow>(
        `SELECT ${COLUMNS} FROM portfolios WHERE tenant_id = ? ORDER BY created_at, id`,
      )
      .raw(true);
  }

  insert(tenantId: string, portfolio: Portfolio): void {
    assertTenant(tenantId, portfolio.tenantId);
    this.orm.insert(portfolios).values(portfolio).run();
  }

  get(tenantId: string, portfolioId: string): Portfolio | null {
    const r = this.byId.get(tenantId, portfolioId);
    return r ? fromArray(r) : null;
  }

  listByTenant(tenantId: string): Portfolio[] {
    return this.byTenant.all(tenantId).map(fromArray);
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

/** A row read as an array (COLUMNS order). */
function fromArray(r: RawRow): Portfolio {
  return {
    id: r[0],
    tenantId: r[1],
    name: r[2],
    baseCurrency: r[3],
    config: JSON.parse(r[4]) as StrategyConfig,
    createdAt: r[5],
    updatedAt: r[6],
  };
}
