import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { CommissionRate, CommissionScope } from '../../../shared/domain/Commission';
import type { CommissionRateRepository } from '../../../shared/ports/CommissionRateRepository';
import type { IdGenerator } from '../../../shared/ports/IdGenerator';
import type { Orm } from '../openDatabase';
import { commissionRates } from '../schema';

type Row = typeof commissionRates.$inferSelect;

export class SqliteCommissionRateRepository implements CommissionRateRepository {
  constructor(
    private readonly orm: Orm,
    private readonly ids: IdGenerator,
  ) {}

  listApplicable(tenantId: string, symbol?: string): CommissionRate[] {
    const assetRate =
      symbol === undefined
        ? eq(commissionRates.scope, 'TENANT_ASSET')
        : and(eq(commissionRates.scope, 'TENANT_ASSET'), eq(commissionRates.symbol, symbol));
    return this.orm
      .select()
      .from(commissionRates)
      .where(
        or(
          eq(commissionRates.scope, 'GLOBAL'),
          and(eq(commissionRates.tenantId, tenantId), or(eq(commissionRates.scope, 'TENANT'), assetRate)),
        ),
      )
      .orderBy(commissionRates.scope, commissionRates.symbol)
      .all()
      .map(toRate);
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
