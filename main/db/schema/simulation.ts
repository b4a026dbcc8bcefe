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
    /** Headline metrics of a run that produced a result: { strategy, buyAndHold }. */
    metrics: text('metrics', { mode: 'json' }),
    error: text('error'),
    errorCode: text('error_code'),
    progressMessage: text('progress_message'),
    startedAt: integer('started_at'),
    /** A single/portfolio run's result: its `version`, `inputs` and `monthlyReturns` (the rest is in rows). */
    resultVersion: integer('result_version'),
    inputs: text('inputs', { mode: 'json' }),
    monthlyReturns: text('monthly_returns', { mode: 'json' }),
    /** A sweep's result without its rows, or a whole walk-forward result. */
    summary: text('summary', { mode: 'json' }),
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
    /** Bar the order was decided on, epoch ms (for range queries; `decided_at` is its label). */
    ts: integer('ts').notNull(),
    /** Session date of the fill (or of the decision when nothing filled). */
    date: text('date').notNull(),
    side: text('side', { enum: ['BUY', 'SELL'] }).notNull(),
    /** What filled (0 when rejected or cancelled). */
    qty: real('qty').notNull(),
    /** Fill price after slippage; null when nothing filled. */
    price: real('price'),
    notionalCents: integer('notional_cents').notNull(),
    commissionCents: integer('commission_cents').notNull(),
    reasons: text('reasons', { mode: 'json' }).notNull(),
    decidedAt: text('decided_at').notNull(),
    filledAt: text('filled_at'),
    status: text('status', { enum: ['FILLED', 'REJECTED', 'CANCELLED'] }).notNull(),
    isInitialAllocation: integer('is_initial_allocation', { mode: 'boolean' }).notNull(),
    requestedQty: real('requested_qty').notNull(),
    cancelledQty: real('cancelled_qty').notNull(),
    decisionPrice: real('decision_price').notNull(),
    qtyAfter: real('qty_after').notNull(),
    cashAfterCents: integer('cash_after_cents').notNull(),
    anchorAfter: real('anchor_after'),
    note: text('note'),
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
    receivableCents: integer('receivable_cents').notNull(),
    buyHoldDrawdown: real('buy_hold_drawdown').notNull(),
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
    /** Bar time, epoch ms (for range queries; `at` is its label). */
    ts: integer('ts').notNull(),
    /** Bar label: session date, or ISO instant for intraday bars. */
    at: text('at').notNull(),
    symbol: text('symbol').notNull(),
    type: text('type').notNull(),
    tradeSeq: integer('trade_seq'),
    qty: real('qty'),
    price: real('price'),
    amountCents: integer('amount_cents'),
    anchorBefore: real('anchor_before'),
    anchorAfter: real('anchor_after'),
    detail: text('detail').notNull(),
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
    /** The row's index in the grid. */
    seq: integer('seq').notNull(),
    params: text('params', { mode: 'json' }).notNull(),
    /** Null when the combination produced no result (`error` says why). */
    metrics: text('metrics', { mode: 'json' }),
    finalEquityCents: integer('final_equity_cents'),
    totals: text('totals', { mode: 'json' }),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq], name: 'sim_sweep_results_pk' }),
    runFk('sim_sweep_results_run_fk', t.tenantId, t.runId),
  ],
);

/**
 * One row per position of a single/portfolio run: its outcome (daily state, totals, buy-and-hold) and
 * its compact evaluation timeline, each as the engine's JSON (they are columns of numbers already).
 */
export const simPositions = sqliteTable(
  'sim_positions',
  {
    tenantId: text('tenant_id').notNull(),
    runId: text('run_id').notNull(),
    /** Position order in the run's result. */
    idx: integer('idx').notNull(),
    symbol: text('symbol').notNull(),
    outcome: text('outcome', { mode: 'json' }).notNull(),
    timeline: text('timeline', { mode: 'json' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.idx], name: 'sim_positions_pk' }),
    runFk('sim_positions_run_fk', t.tenantId, t.runId),
  ],
);
