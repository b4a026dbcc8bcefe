import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  foreignKey,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * Simulation results (SPEC 5): their own tables, never read by the live loop. Child rows carry the
 * tenant too, so every query can filter on it like everywhere else.
 */
export const simRuns = sqliteTable(
  'sim_runs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['single', 'portfolio', 'sweep', 'walk_forward'] }).notNull(),
    params: text('params', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'] }).notNull(),
    /** 0..1. */
    progress: real('progress').notNull(),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
    metrics: text('metrics', { mode: 'json' }),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('sim_runs_tenant_id_uq').on(t.tenantId, t.id),
    index('sim_runs_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** Child rows belong to a run of the same tenant and go when the run is deleted. */
function runFk(name: string, tenantId: SQLiteColumn, runId: SQLiteColumn) {
  return foreignKey({
    columns: [tenantId, runId],
    foreignColumns: [simRuns.tenantId, simRuns.id],
    name,
  }).onDelete('cascade');
}

export const simTrades = sqliteTable(
  'sim_trades',
  {
    tenantId: text('tenant_id').notNull(),
    runId: text('run_id').notNull(),
    seq: integer('seq').notNull(),
    symbol: text('symbol').notNull(),
    ts: integer('ts').notNull(),
    date: text('date').notNull(),
    side: text('side', { enum: ['BUY', 'SELL'] }).notNull(),
    qty: real('qty').notNull(),
    price: real('price').notNull(),
    notionalCents: integer('notional_cents').notNull(),
    commissionCents: integer('commission_cents').notNull(),
    reasons: text('reasons', { mode: 'json' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq], name: 'sim_trades_pk' }),
    runFk('sim_trades_run_fk', t.tenantId, t.runId),
  ],
);

export const simEquity = sqliteTable(
  'sim_equity',
  {
    tenantId: text('tenant_id').notNull(),
    runId: text('run_id').notNull(),
    date: text('date').notNull(),
    equityCents: integer('equity_cents').notNull(),
    cashCents: integer('cash_cents').notNull(),
    stockValueCents: integer('stock_value_cents').notNull(),
    buyHoldEquityCents: integer('buy_hold_equity_cents').notNull(),
    drawdown: real('drawdown').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.date], name: 'sim_equity_pk' }),
    runFk('sim_equity_run_fk', t.tenantId, t.runId),
  ],
);

export const simEvents = sqliteTable(
  'sim_events',
  {
    tenantId: text('tenant_id').notNull(),
    runId: text('run_id').notNull(),
    seq: integer('seq').notNull(),
    ts: integer('ts').notNull(),
    symbol: text('symbol').notNull(),
    action: text('action').notNull(),
    price: real('price'),
    reasons: text('reasons', { mode: 'json' }).notNull(),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq], name: 'sim_events_pk' }),
    runFk('sim_events_run_fk', t.tenantId, t.runId),
  ],
);

export const simSweepResults = sqliteTable(
  'sim_sweep_results',
  {
    tenantId: text('tenant_id').notNull(),
    runId: text('run_id').notNull(),
    seq: integer('seq').notNull(),
    params: text('params', { mode: 'json' }).notNull(),
    metrics: text('metrics', { mode: 'json' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq], name: 'sim_sweep_results_pk' }),
    runFk('sim_sweep_results_run_fk', t.tenantId, t.runId),
  ],
);
