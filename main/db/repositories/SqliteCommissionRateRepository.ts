import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CommissionRate, CommissionScope } from '../../../shared/domain/Commission';
import type { CommissionRateRepository } from '../../../shared/ports/CommissionRateRepository';
import type { IdGenerator } from '../../../shared/ports/IdGenerator';
import type { Orm } from '../openDatabase';
import { commissionRates } from '../schema';

type Row = typeof commissionRates.$inferSelect;

export class SqliteCommissionRateRepository implements CommissionRateRepository {
  /** Prepared once: every tick reads its tenant's rates (bench/tick.bench.ts); with and without a symbol. */
  private readonly applicable;
  private readonly applicableToSymbol;

  constructor(
    private readonly orm: Orm,
    private readonly ids: IdGenerator,
  ) {
    this.applicable = this.applicableQuery(eq(commissionRates.scope, 'TENANT_ASSET'));
    this.applicableToSymbol = this.applicableQuery(
      and(eq(commissionRates.scope, 'TENANT_ASSET'), eq(commissionRates.symbol, sql.placeholder('symbol'))),
    );
  }

  listApplicable(tenantId: string, symbol?: string): CommissionRate[] {
    const rows =
      symbol === undefined
        ? this.applicable.all({ tenantId })
        : this.applicableToSymbol.all({ tenantId, symbol });
    return rows.map(toRate);
  }

  /** GLOBAL rates, and the tenant's TENANT rate and the asset rates `assetRate` selects. */
  private applicableQuery(assetRate: SQL | undefined) {
    return this.orm
      .select()
      .from(commissionRates)
      .where(
        or(
          eq(commissionRates.scope, 'GLOBAL'),
          and(
            eq(commissionRates.tenantId, sql.placeholder('tenantId')),
            or(eq(commissionRates.scope, 'TENANT'), assetRate),
          ),
        ),
      )
      .orderBy(commissionRates.scope, commissionRates.symbol)
      .prepare();
  }

  find(tenantId: string, scope: CommissionScope, symbol: string | null): CommissionRate | null {
    const row = this.orm
      .select()
      .from(commissionRates)
      .where(keyOf(tenantId, scope, symbol))
      .get();
    return row ? toRate(row) : null;
  }

  upsert(tenantId: string, rate: CommissionRate, updatedAt: number): void {
    if (rate.scope !== 'GLOBAL' && rate.tenantId !== tenantId) {
      throw new Error(`commission rate of tenant ${String(rate.tenantId)} written under tenant ${tenantId}`);
    }
    const key = keyOf(tenantId, rate.scope, rate.symbol);
    const changed = this.orm
      .update(commissionRates)
      .set({ rate: rate.rate, minimumCents: rate.minimumCents, updatedAt })
      .where(key)
      .run().changes;
    if (changed === 0) {
      this.orm
        .insert(commissionRates)
        .values({ id: this.ids.next(), ...rate, updatedAt })
        .run();
    }
  }

  remove(tenantId: string, scope: CommissionScope, symbol: string | null): boolean {
    return (
      this.orm
        .delete(commissionRates)
        .where(keyOf(tenantId, scope, symbol))
        .run().changes > 0
    );
  }
}

function keyOf(tenantId: string, scope: CommissionScope, symbol: string | null): SQL | undefined {
  switch (scope) {
    case 'GLOBAL':
      return and(eq(commissionRates.scope, 'GLOBAL'), isNull(commissionRates.tenantId));
    case 'TENANT':
      return and(eq(commissionRates.scope, 'TENANT'), eq(commissionRates.tenantId, tenantId));
    case 'TENANT_ASSET':
      return and(
        eq(commissionRates.scope, 'TENANT_ASSET'),
        eq(commissionRates.tenantId, tenantId),
        eq(commissionRates.symbol, symbol ?? ''),
      );
  }
}

function toRate(r: Row): CommissionRate {
  return {
    scope: r.scope,
    tenantId: r.tenantId,
    symbol: r.symbol,
    rate: r.rate,
    minimumCents: r.minimumCents,
  };
}
