import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { cents } from '../../../shared/domain/Money';
import type { PositionStatus } from '../../../shared/domain/Position';
import type { PositionRecord, PositionRepository } from '../../../shared/ports/PositionRepository';
import type { Orm } from '../openDatabase';
import { positions } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

type Row = typeof positions.$inferSelect;

export class SqlitePositionRepository implements PositionRepository {
  /** Prepared once: the live loop reads a position on every fill (bench/drain.bench.ts). */
  private readonly byId;
  private readonly updateVersioned;

  constructor(private readonly orm: Orm) {
    this.updateVersioned = orm
      .update(positions)
      .set({
        symbol: sql`${sql.placeholder('symbol')}`,
        qty: sql`${sql.placeholder('qty')}`,
        cashCents: sql`${sql.placeholder('cashCents')}`,
        receivableCents: sql`${sql.placeholder('receivableCents')}`,
        anchor: sql`${sql.placeholder('anchor')}`,
        status: sql`${sql.placeholder('status')}`,
        totalCommissionPaidCents: sql`${sql.placeholder('totalCommissionPaidCents')}`,
        totalDividendsGrossCents: sql`${sql.placeholder('totalDividendsGrossCents')}`,
        totalDividendsNetCents: sql`${sql.placeholder('totalDividendsNetCents')}`,
        configOverride: sql`${sql.placeholder('configOverride')}`,
        withholdingPct: sql`${sql.placeholder('withholdingPct')}`,
        version: sql`${sql.placeholder('version')}`,
        updatedAt: sql`${sql.placeholder('updatedAt')}`,
      })
      .where(
        and(
          eq(positions.tenantId, sql.placeholder('tenantId')),
          eq(positions.id, sql.placeholder('id')),
          eq(positions.version, sql.placeholder('expectedVersion')),
        ),
      )
      .prepare();
    this.byId = orm
      .select()
      .from(positions)
      .where(
        and(eq(positions.tenantId, sql.placeholder('tenantId')), eq(positions.id, sql.placeholder('id'))),
      )
      .prepare();
  }

  insert(tenantId: string, position: PositionRecord): void {
    assertTenant(tenantId, position.tenantId);
    this.orm.insert(positions).values(toRow(position)).run();
  }

  get(tenantId: string, positionId: string): PositionRecord | null {
    const row = this.byId.get({ tenantId, id: positionId });
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
    const row = toRow(next);
    // Placeholders inside sql`` are passed as they are: the JSON column is encoded here, as drizzle would.
    const configOverride = row.configOverride === null ? null : JSON.stringify(row.configOverride);
    const r = this.updateVersioned.run({ ...row, configOverride, expectedVersion });
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
