import type Database from 'better-sqlite3';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cents } from '../../../shared/domain/Money';
import type { PositionStatus } from '../../../shared/domain/Position';
import type {
  PositionRecord,
  PositionRepository,
  PositionVersion,
} from '../../../shared/ports/PositionRepository';
import type { Orm } from '../openDatabase';
import { positions } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

type Row = typeof positions.$inferSelect;

/** The columns of a position, in the order `fromArray` reads them. */
const COLUMNS =
  'id, tenant_id, portfolio_id, symbol, qty, cash_cents, receivable_cents, anchor, status, ' +
  'total_commission_paid_cents, total_dividends_gross_cents, total_dividends_net_cents, ' +
  'config_override, withholding_pct, version, created_at, updated_at';

/** The ledger and settings an update writes; symbol and status are indexed and written only when they change. */
const LEDGER_SET =
  'qty = @qty, cash_cents = @cashCents, receivable_cents = @receivableCents, anchor = @anchor, ' +
  'total_commission_paid_cents = @totalCommissionPaidCents, ' +
  'total_dividends_gross_cents = @totalDividendsGrossCents, ' +
  'total_dividends_net_cents = @totalDividendsNetCents, config_override = @configOverride, ' +
  'withholding_pct = @withholdingPct, version = @version, updated_at = @updatedAt';

type RawRow = [
  string,
  string,
  string,
  string,
  number,
  number,
  number,
  number | null,
  PositionStatus,
  number,
  number,
  number,
  string | null,
  number | null,
  number,
  number,
  number,
];

/**
 * Positions. The live loop's paths (a tick reads every ACTIVE position, then their versions in its
 * transaction; a fill reads and updates one) run on better-sqlite3 statements prepared once, rows read
 * as arrays (bench/tick.bench.ts, bench/drain.bench.ts); the rest goes through drizzle.
 */
export class SqlitePositionRepository implements PositionRepository {
  private readonly byId: Database.Statement<[string, string], RawRow>;
  private readonly byStatus = new Map<string, Database.Statement<string[], RawRow>>();
  private readonly versionsByStatus = new Map<string, Database.Statement<string[], [string, number]>>();
  private readonly updateLedger: Database.Statement;
  private readonly updateAll: Database.Statement;
  /**
   * Committed rows (read outside any transaction) by id. Every change to a row bumps its version
   * (`update`), so a row whose id and version are unchanged is unchanged: a list by status reads ids
   * and versions and re-reads only the rows that moved. A tick lists every ACTIVE position and most
   * have not changed since the last one (bench/tick.bench.ts). Shared between callers, so frozen.
   */
  private readonly committed = new Map<string, PositionRecord>();

  constructor(
    private readonly orm: Orm,
    private readonly sqlite: Database.Database,
  ) {
    this.byId = sqlite
      .prepare<[string, string], RawRow>(`SELECT ${COLUMNS} FROM positions WHERE tenant_id = ? AND id = ?`)
      .raw(true);
    const where = 'WHERE tenant_id = @tenantId AND id = @id AND version = @expectedVersion';
    // Setting an indexed column rewrites its index entries even to the same value: a fill (ledger only)
    // leaves symbol and status out, and so the two position indexes untouched.
    this.updateLedger = sqlite.prepare(
      `UPDATE positions SET ${LEDGER_SET} ${where} AND symbol = @symbol AND status = @status`,
    );
    this.updateAll = sqlite.prepare(
      `UPDATE positions SET ${LEDGER_SET}, symbol = @symbol, status = @status ${where}`,
    );
  }

  insert(tenantId: string, position: PositionRecord): void {
    assertTenant(tenantId, position.tenantId);
    this.orm.insert(positions).values(toRow(position)).run();
  }

  get(tenantId: string, positionId: string): PositionRecord | null {
    const row = this.byId.get(tenantId, positionId);
    return row ? fromArray(row) : null;
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
    if (statuses === undefined) {
      return this.orm
        .select()
        .from(positions)
        .where(eq(positions.tenantId, tenantId))
        .orderBy(asc(positions.symbol), asc(positions.id))
        .all()
        .map(toRecord);
    }
    if (statuses.length === 0) return [];
    // Inside a transaction a row read may yet be rolled back: read it, never keep it.
    if (this.sqlite.inTransaction) return this.readAll(tenantId, statuses).map(fromArray);
    const versions = this.statement(this.versionsByStatus, statuses.length, 'id, version').all(
      tenantId,
      ...statuses,
    );
    let moved = 0;
    for (const [id, version] of versions) if (this.committed.get(id)?.version !== version) moved += 1;
    // Many rows moved (or none were read yet): one query reads them all faster than one each.
    if (moved > versions.length / 4) return this.readAll(tenantId, statuses).map((r) => this.keep(r));
    return versions.map(([id, version]) => {
      const kept = this.committed.get(id);
      if (kept?.version === version) return kept;
      const row = this.byId.get(tenantId, id);
      if (row === undefined) throw new Error(`position ${id} listed but not found`);
      return this.keep(row);
    });
  }

  listVersions(tenantId: string, statuses: readonly PositionStatus[]): PositionVersion[] {
    if (statuses.length === 0) return [];
    return this.statement(this.versionsByStatus, statuses.length, 'id, version')
      .all(tenantId, ...statuses)
      .map(([id, version]) => ({ id, version }));
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

  delete(tenantId: string, positionId: string, expectedVersion: number): boolean {
    const deleted =
      this.sqlite
        .prepare('DELETE FROM positions WHERE tenant_id = ? AND id = ? AND version = ?')
        .run(tenantId, positionId, expectedVersion).changes === 1;
    if (deleted) this.committed.delete(positionId);
    return deleted;
  }

  update(tenantId: string, next: PositionRecord, expectedVersion: number): boolean {
    assertTenant(tenantId, next.tenantId);
    if (next.version !== expectedVersion + 1) {
      throw new Error(`position ${next.id}: version ${next.version} must be ${expectedVersion + 1}`);
    }
    const params = {
      tenantId,
      id: next.id,
      expectedVersion,
      symbol: next.symbol,
      status: next.status,
      qty: next.qty,
      cashCents: next.cashCents,
      receivableCents: next.receivableCents,
      anchor: next.anchor,
      totalCommissionPaidCents: next.totalCommissionPaidCents,
      totalDividendsGrossCents: next.totalDividendsGrossCents,
      totalDividendsNetCents: next.totalDividendsNetCents,
      configOverride: next.configOverride === null ? null : JSON.stringify(next.configOverride),
      withholdingPct: next.withholdingPct,
      version: next.version,
      updatedAt: next.updatedAt,
    };
    // No row: the symbol or status changed (or the version is stale, and the full update says so too).
    return this.updateLedger.run(params).changes === 1 || this.updateAll.run(params).changes === 1;
  }

  private readAll(tenantId: string, statuses: readonly PositionStatus[]): RawRow[] {
    return this.statement(this.byStatus, statuses.length, COLUMNS).all(tenantId, ...statuses);
  }

  private keep(row: RawRow): PositionRecord {
    const record = Object.freeze(fromArray(row));
    this.committed.set(record.id, record);
    return record;
  }

  /** `SELECT <columns> … WHERE tenant_id = ? AND status IN (?, …)` ordered as the UI lists them, one per arity. */
  private statement<R>(
    cache: Map<string, Database.Statement<string[], R>>,
    arity: number,
    columns: string,
  ): Database.Statement<string[], R> {
    const key = String(arity);
    let stmt = cache.get(key);
    if (stmt === undefined) {
      stmt = this.sqlite
        .prepare<string[], R>(
          `SELECT ${columns} FROM positions WHERE tenant_id = ? AND status IN (${Array(arity).fill('?').join(', ')}) ORDER BY symbol, id`,
        )
        .raw(true);
      cache.set(key, stmt);
    }
    return stmt;
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

/** A row read as an array (COLUMNS order): one object literal, the same shape drizzle's `toRecord` gives. */
function fromArray(r: RawRow): PositionRecord {
  return {
    id: r[0],
    tenantId: r[1],
    portfolioId: r[2],
    symbol: r[3],
    qty: r[4],
    cashCents: cents(r[5]),
    receivableCents: cents(r[6]),
    anchor: r[7],
    status: r[8],
    totalCommissionPaidCents: cents(r[9]),
    totalDividendsGrossCents: cents(r[10]),
    totalDividendsNetCents: cents(r[11]),
    configOverride: r[12] === null ? null : (JSON.parse(r[12]) as PositionRecord['configOverride']),
    withholdingPct: r[13],
    version: r[14],
    createdAt: r[15],
    updatedAt: r[16],
  };
}
