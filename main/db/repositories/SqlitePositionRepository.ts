import { and, asc, eq, inArray } from 'drizzle-orm';
import { cents } from '../../../shared/domain/Money';
import type { PositionStatus } from '../../../shared/domain/Position';
import type { PositionRecord, PositionRepository } from '../../../shared/ports/PositionRepository';
import type { Orm } from '../openDatabase';
import { positions } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

type Row = typeof positions.$inferSelect;

export class SqlitePositionRepository implements PositionRepository {
  constructor(private readonly orm: Orm) {}

  insert(tenantId: string, position: PositionRecord): void {
    assertTenant(tenantId, position.tenantId);
    this.orm.insert(positions).values(toRow(position)).run();
  }

  get(tenantId: string, positionId: string): PositionRecord | null {
    const row = this.orm
      .select()
      .from(positions)
      .where(and(eq(positions.tenantId, tenantId), eq(positions.id, positionId)))
      .get();
    return row ? toRecord(row) : null;
  }

  listByPortfolio(tenantId: string, portfolioId: string): PositionRecord[] {
    return this.orm
      .select()
      .from(positions)
      .where(and(eq(positions.tenantId, tenantId), eq(positions.portfolioId, portfolioId)))
      .orderBy(asc(positions.symbol), asc(positions.id))
      .all()
      .map(toRecord);
  }

  listByTenant(tenantId: string, statuses?: readonly PositionStatus[]): PositionRecord[] {
    const where = statuses
      ? and(eq(positions.tenantId, tenantId), inArray(positions.status, [...statuses]))
      : eq(positions.tenantId, tenantId);
    return this.orm
      .select()
      .from(positions)
      .where(where)
      .orderBy(asc(positions.symbol), asc(positions.id))
      .all()
      .map(toRecord);
  }

  findOpenBySymbol(tenantId: string, portfolioId: string, symbol: string): PositionRecord | null {
    const row = this.orm
      .select()
      .from(positions)
      .where(
        and(
          eq(positions.tenantId, tenantId),
          eq(positions.portfolioId, portfolioId),
          eq(positions.symbol, symbol),
          inArray(positions.status, ['ACTIVE', 'PAUSED']),
        ),
      )
      .get();
    return row ? toRecord(row) : null;
  }

  update(tenantId: string, next: PositionRecord, expectedVersion: number): boolean {
    assertTenant(tenantId, next.tenantId);
    if (next.version !== expectedVersion + 1) {
      throw new Error(`position ${next.id}: version ${next.version} must be ${expectedVersion + 1}`);
    }
    const { id: _id, tenantId: _t, portfolioId: _p, createdAt: _c, ...changes } = toRow(next);
    const r = this.orm
      .update(positions)
      .set(changes)
      .where(
        and(
          eq(positions.tenantId, tenantId),
          eq(positions.id, next.id),
          eq(positions.version, expectedVersion),
        ),
      )
      .run();
    return r.changes === 1;
  }
}

function toRow(p: PositionRecord): Row {
  return {
    id: p.id,
    tenantId: p.tenantId,
    portfolioId: p.portfolioId,
    symbol: p.symbol,
    qty: p.qty,
    cashCents: p.cashCents,
    receivableCents: p.receivableCents,
    anchor: p.anchor,
    status: p.status,
    totalCommissionPaidCents: p.totalCommissionPaidCents,
    totalDividendsGrossCents: p.totalDividendsGrossCents,
    totalDividendsNetCents: p.totalDividendsNetCents,
    configOverride: p.configOverride,
    withholdingPct: p.withholdingPct,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

function toRecord(r: Row): PositionRecord {
  return {
    ...r,
    cashCents: cents(r.cashCents),
    receivableCents: cents(r.receivableCents),
    totalCommissionPaidCents: cents(r.totalCommissionPaidCents),
    totalDividendsGrossCents: cents(r.totalDividendsGrossCents),
    totalDividendsNetCents: cents(r.totalDividendsNetCents),
  };
}
