import type Database from 'better-sqlite3';
import type {
  EquityHistoryQuery,
  EquityHistoryRepository,
  EquityHistoryRow,
} from '../../../shared/ports/EquityHistoryRepository';

const COLUMNS =
  'tenant_id, portfolio_id, position_id, date, market_value_cents, cash_cents, receivable_cents, cost_cents, ' +
  'realised_cents, unrealised_cents, dividends_cents, commissions_cents, flows_cents, day_flow_cents, equity_cents';

interface Row {
  portfolio_id: string;
  position_id: string;
  date: string;
  market_value_cents: number;
  cash_cents: number;
  receivable_cents: number;
  cost_cents: number;
  realised_cents: number;
  unrealised_cents: number;
  dividends_cents: number;
  commissions_cents: number;
  flows_cents: number;
  day_flow_cents: number;
  equity_cents: number;
}

/** Prepared statements over `equity_history` (a full rebuild writes tens of thousands of rows). */
export class SqliteEquityHistoryRepository implements EquityHistoryRepository {
  private readonly insert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly last: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.insert = sqlite.prepare(
      `INSERT OR REPLACE INTO equity_history (${COLUMNS}) VALUES (${COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
    );
    this.remove = sqlite.prepare('DELETE FROM equity_history WHERE tenant_id = ? AND date >= ?');
    this.last = sqlite.prepare('SELECT max(date) AS d FROM equity_history WHERE tenant_id = ?');
  }

  replaceFrom(tenantId: string, fromDate: string, rows: readonly EquityHistoryRow[]): void {
    this.sqlite.transaction(() => {
      this.remove.run(tenantId, fromDate);
      for (const r of rows) {
        if (r.date < fromDate) continue;
        this.insert.run(
          tenantId,
          r.portfolioId,
          r.positionId ?? '',
          r.date,
          r.marketValueCents,
          r.cashCents,
          r.receivableCents,
          r.costCents,
          r.realisedCents,
          r.unrealisedCents,
          r.dividendsCents,
          r.commissionsCents,
          r.flowsCents,
          r.dayFlowCents,
          r.equityCents,
        );
      }
    })();
  }

  list(tenantId: string, query: EquityHistoryQuery = {}): EquityHistoryRow[] {
    const where = ['tenant_id = ?'];
    const args: unknown[] = [tenantId];
    if (query.portfolioId !== undefined) {
      where.push('portfolio_id = ?');
      args.push(query.portfolioId);
    }
    if (query.positionId !== undefined) {
      where.push('position_id = ?');
      args.push(query.positionId ?? '');
    }
    if (query.fromDate !== undefined) {
      where.push('date >= ?');
      args.push(query.fromDate);
    }
    if (query.toDate !== undefined) {
      where.push('date <= ?');
      args.push(query.toDate);
    }
    const rows = this.sqlite
      .prepare(
        `SELECT ${COLUMNS} FROM equity_history WHERE ${where.join(' AND ')} ORDER BY date, portfolio_id, position_id`,
      )
      .all(...args) as Row[];
    return rows.map((r) => ({
      portfolioId: r.portfolio_id,
      positionId: r.position_id === '' ? null : r.position_id,
      date: r.date,
      marketValueCents: r.market_value_cents,
      cashCents: r.cash_cents,
      receivableCents: r.receivable_cents,
      costCents: r.cost_cents,
      realisedCents: r.realised_cents,
      unrealisedCents: r.unrealised_cents,
      dividendsCents: r.dividends_cents,
      commissionsCents: r.commissions_cents,
      flowsCents: r.flows_cents,
      dayFlowCents: r.day_flow_cents,
      equityCents: r.equity_cents,
    }));
  }

  lastDate(tenantId: string): string | null {
    return (this.last.get(tenantId) as { d: string | null }).d;
  }
}
