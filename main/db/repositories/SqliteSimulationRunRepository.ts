import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { PerformanceMetrics } from '../../../shared/domain/metrics';
import type {
  NewSimulationRun,
  SimulationProgressUpdate,
  SimulationRunError,
  SimulationRunHeadline,
  SimulationRunRecord,
  SimulationRunRepository,
} from '../../../shared/ports/SimulationRunRepository';
import type { UnitOfWork } from '../../../shared/ports/UnitOfWork';
import type {
  EquitySeries,
  MonthlyReturnRow,
  PositionOutcome,
  PositionTimeline,
  SimEvent,
  SimEventType,
  SimTrade,
  SimulationInputsEcho,
  SimulationResult,
  SweepParams,
  SweepResult,
  SweepRow,
  WalkForwardResult,
} from '../../../shared/simulation';
import type { ReplayTotals } from '../../../shared/simulation/SimulatedPosition';
import type { Orm } from '../openDatabase';
import { simEquity, simEvents, simPositions, simRuns, simSweepResults, simTrades } from '../schema';

/** The engine's result types, as this repository stores them (docs/adr/0050). */
export interface EngineRunPayloads {
  result: SimulationResult;
  sweep: SweepResult;
  walkForward: WalkForwardResult;
}

const UNFINISHED = ['QUEUED', 'RUNNING'] as const;

type RunRow = typeof simRuns.$inferSelect;

/** What a sweep stores beside its rows (sim_runs.summary). */
interface SweepSummary {
  metric: SweepResult['metric'];
  total: number;
  cancelled: boolean;
  bestIndex: number | null;
  buyAndHold: PerformanceMetrics | null;
}

/**
 * Simulation runs in the `sim_*` tables (SPEC 5), one transaction per state change. A result is taken
 * apart into rows (trades, events, daily equity, sweep rows) and per-position documents (outcome,
 * timeline: columns of numbers already), and put back together in the engine's own key order, so the
 * JSON of a reloaded result is byte for byte the JSON of the saved one. Nothing here reads or writes a
 * live table.
 */
export class SqliteSimulationRunRepository implements SimulationRunRepository<EngineRunPayloads> {
  /** Prepared once and run per row: a result has thousands of rows (ten times faster than multi-row INSERTs). */
  private readonly insert;

  constructor(
    private readonly orm: Orm,
    private readonly uow: UnitOfWork,
  ) {
    this.insert = {
      trade: preparedInsert(orm, simTrades),
      event: preparedInsert(orm, simEvents),
      equity: preparedInsert(orm, simEquity),
      position: preparedInsert(orm, simPositions),
      sweepRow: preparedInsert(orm, simSweepResults),
    };
  }

  createRun(tenantId: string, run: NewSimulationRun): boolean {
    return (
      this.orm
        .insert(simRuns)
        .values({
          id: run.id,
          tenantId,
          name: run.name,
          kind: run.kind,
          params: run.params,
          status: 'QUEUED',
          progress: 0,
          createdAt: run.createdAt,
        })
        .onConflictDoNothing()
        .run().changes === 1
    );
  }

  updateProgress(tenantId: string, runId: string, update: SimulationProgressUpdate): boolean {
    const fraction = Math.min(1, Math.max(0, Number.isFinite(update.fraction) ? update.fraction : 0));
    if (update.startedAt === undefined) {
      return (
        this.orm
          .update(simRuns)
          .set({ progress: fraction, progressMessage: update.message })
          .where(this.unfinished(tenantId, runId))
          .run().changes === 1
      );
    }
    // Starting: QUEUED becomes RUNNING; a run already running keeps its first start time.
    return this.uow.transaction(() => {
      const row = this.statusOf(tenantId, runId);
      if (row === null || !isUnfinished(row.status)) return false;
      this.orm
        .update(simRuns)
        .set({
          status: 'RUNNING',
          progress: fraction,
          progressMessage: update.message,
          startedAt: row.startedAt ?? update.startedAt,
        })
        .where(this.run(tenantId, runId))
        .run();
      return true;
    });
  }

  completeRun(tenantId: string, runId: string, result: SimulationResult, finishedAt: number): boolean {
    return this.uow.transaction(() => {
      if (!this.isOpen(tenantId, runId)) return false;
      this.deleteChildren(runId);
      for (const t of result.trades)
        this.insert.trade.run({
          tenantId,
          runId,
          seq: t.seq,
          symbol: t.symbol,
          ts: barTime(t.decidedAt),
          date: t.session,
          side: t.side,
          qty: t.qty,
          price: t.price,
          notionalCents: t.notionalCents,
          commissionCents: t.commissionCents,
          reasons: t.reasons,
          decidedAt: t.decidedAt,
          filledAt: t.filledAt,
          status: t.status,
          isInitialAllocation: t.isInitialAllocation,
          requestedQty: t.requestedQty,
          cancelledQty: t.cancelledQty,
          decisionPrice: t.decisionPrice,
          qtyAfter: t.qtyAfter,
          cashAfterCents: t.cashAfterCents,
          anchorAfter: t.anchorAfter,
          note: t.note,
        });
      for (const e of result.events)
        this.insert.event.run({
          tenantId,
          runId,
          seq: e.seq,
          ts: barTime(e.at),
          at: e.at,
          symbol: e.symbol,
          type: e.type,
          tradeSeq: e.tradeSeq,
          qty: e.qty,
          price: e.price,
          amountCents: e.amountCents,
          anchorBefore: e.anchorBefore,
          anchorAfter: e.anchorAfter,
          detail: e.detail,
        });
      const q = result.equity;
      q.dates.forEach((date, i) =>
        this.insert.equity.run({
          tenantId,
          runId,
          date,
          equityCents: q.equityCents[i] as number,
          cashCents: q.cashCents[i] as number,
          receivableCents: q.receivableCents[i] as number,
          stockValueCents: q.stockValueCents[i] as number,
          buyHoldEquityCents: q.buyHoldEquityCents[i] as number,
          drawdown: q.drawdown[i] as number,
          buyHoldDrawdown: q.buyHoldDrawdown[i] as number,
        }),
      );
      result.positions.forEach((p, idx) =>
        this.insert.position.run({
          tenantId,
          runId,
          idx,
          symbol: p.symbol,
          outcome: p,
          timeline: result.timeline[idx] as PositionTimeline,
        }),
      );
      this.finish(tenantId, runId, {
        status: 'DONE',
        progress: 1,
        finishedAt,
        metrics: result.metrics,
        resultVersion: result.version,
        inputs: result.inputs,
        monthlyReturns: result.monthlyReturns,
      });
      return true;
    });
  }

  saveSweep(
    tenantId: string,
    runId: string,
    sweep: SweepResult,
    finishedAt: number,
    cancelled: boolean,
  ): boolean {
    return this.uow.transaction(() => {
      if (!this.isOpen(tenantId, runId)) return false;
      this.deleteChildren(runId);
      for (const r of sweep.rows)
        this.insert.sweepRow.run({
          tenantId,
          runId,
          seq: r.index,
          params: r.params,
          metrics: r.metrics,
          finalEquityCents: r.finalEquityCents,
          totals: r.totals,
          error: r.error,
        });
      const summary: SweepSummary = {
        metric: sweep.metric,
        total: sweep.total,
        cancelled: sweep.cancelled,
        bestIndex: sweep.best?.index ?? null,
        buyAndHold: sweep.buyAndHold,
      };
      const headline: SimulationRunHeadline = {
        strategy: sweep.best?.metrics ?? null,
        buyAndHold: sweep.buyAndHold,
      };
      this.finish(tenantId, runId, {
        status: cancelled ? 'CANCELLED' : 'DONE',
        ...(cancelled ? {} : { progress: 1 }),
        finishedAt,
        metrics: headline,
        summary,
      });
      return true;
    });
  }

  saveWalkForward(
    tenantId: string,
    runId: string,
    result: WalkForwardResult,
    finishedAt: number,
    cancelled: boolean,
  ): boolean {
    return this.uow.transaction(() => {
      if (!this.isOpen(tenantId, runId)) return false;
      const headline: SimulationRunHeadline = {
        strategy: result.metrics.outOfSample,
        buyAndHold: result.metrics.buyAndHold,
      };
      this.finish(tenantId, runId, {
        status: cancelled ? 'CANCELLED' : 'DONE',
        ...(cancelled ? {} : { progress: 1 }),
        finishedAt,
        metrics: headline,
        summary: result,
      });
      return true;
    });
  }

  failRun(tenantId: string, runId: string, error: SimulationRunError, finishedAt: number): boolean {
    return (
      this.orm
        .update(simRuns)
        .set({ status: 'FAILED', finishedAt, error: error.message, errorCode: error.code })
        .where(this.unfinished(tenantId, runId))
        .run().changes === 1
    );
  }

  cancelRun(tenantId: string, runId: string, finishedAt: number): boolean {
    return (
      this.orm
        .update(simRuns)
        .set({ status: 'CANCELLED', finishedAt })
        .where(this.unfinished(tenantId, runId))
        .run().changes === 1
    );
  }

  failUnfinishedRuns(tenantId: string, error: SimulationRunError, finishedAt: number): number {
    return this.orm
      .update(simRuns)
      .set({ status: 'FAILED', finishedAt, error: error.message, errorCode: error.code })
      .where(and(eq(simRuns.tenantId, tenantId), inArray(simRuns.status, [...UNFINISHED])))
      .run().changes;
  }

  findRun(tenantId: string, runId: string): SimulationRunRecord | null {
    const row = this.orm.select(RECORD_COLUMNS).from(simRuns).where(this.run(tenantId, runId)).get();
    return row === undefined ? null : toRecord(row);
  }

  listRuns(tenantId: string): SimulationRunRecord[] {
    return this.orm
      .select(RECORD_COLUMNS)
      .from(simRuns)
      .where(eq(simRuns.tenantId, tenantId))
      .orderBy(desc(simRuns.createdAt), desc(simRuns.id))
      .all()
      .map(toRecord);
  }

  getRun(tenantId: string, runId: string): SimulationResult | null {
    // Reads need no transaction: the connection is this thread's, nothing writes between the selects.
    const run = this.orm
      .select({
        kind: simRuns.kind,
        resultVersion: simRuns.resultVersion,
        inputs: simRuns.inputs,
        metrics: simRuns.metrics,
        monthlyReturns: simRuns.monthlyReturns,
      })
      .from(simRuns)
      .where(this.run(tenantId, runId))
      .get();
    if (
      run === undefined ||
      run.resultVersion === null ||
      run.kind === 'sweep' ||
      run.kind === 'walk_forward'
    )
      return null;
    const positions = this.orm
      .select({ outcome: simPositions.outcome, timeline: simPositions.timeline })
      .from(simPositions)
      .where(this.children(simPositions, tenantId, runId))
      .orderBy(asc(simPositions.idx))
      .all();
    // Key order as the engine builds the result (runSimulation's assembleResult).
    return {
      version: run.resultVersion as SimulationResult['version'],
      inputs: run.inputs as SimulationInputsEcho,
      trades: this.trades(tenantId, runId),
      events: this.events(tenantId, runId),
      timeline: positions.map((p) => p.timeline as PositionTimeline),
      equity: this.equity(tenantId, runId),
      positions: positions.map((p) => p.outcome as PositionOutcome),
      metrics: run.metrics as SimulationResult['metrics'],
      monthlyReturns: run.monthlyReturns as {
        strategy: MonthlyReturnRow[];
        buyAndHold: MonthlyReturnRow[];
      },
    };
  }

  getSweep(tenantId: string, runId: string): SweepResult | null {
    const run = this.orm
      .select({ kind: simRuns.kind, summary: simRuns.summary })
      .from(simRuns)
      .where(this.run(tenantId, runId))
      .get();
    if (run === undefined || run.kind !== 'sweep' || run.summary === null) return null;
    const summary = run.summary as SweepSummary;
    const rows: SweepRow[] = this.orm
      .select()
      .from(simSweepResults)
      .where(this.children(simSweepResults, tenantId, runId))
      .orderBy(asc(simSweepResults.seq))
      .all()
      .map((r) => ({
        index: r.seq,
        params: r.params as SweepParams,
        metrics: r.metrics as PerformanceMetrics | null,
        finalEquityCents: r.finalEquityCents,
        totals: r.totals as ReplayTotals | null,
        error: r.error,
      }));
    // Key order as the engine's finishSweep; `best` is one of the rows.
    return {
      metric: summary.metric,
      rows,
      total: summary.total,
      cancelled: summary.cancelled,
      best: summary.bestIndex === null ? null : (rows.find((r) => r.index === summary.bestIndex) ?? null),
      buyAndHold: summary.buyAndHold,
    };
  }

  getWalkForward(tenantId: string, runId: string): WalkForwardResult | null {
    const run = this.orm
      .select({ kind: simRuns.kind, summary: simRuns.summary })
      .from(simRuns)
      .where(this.run(tenantId, runId))
      .get();
    if (run === undefined || run.kind !== 'walk_forward' || run.summary === null) return null;
    return run.summary as WalkForwardResult;
  }

  deleteRun(tenantId: string, runId: string): boolean {
    // Child rows go with it (ON DELETE CASCADE on (tenant_id, run_id)).
    return this.orm.delete(simRuns).where(this.run(tenantId, runId)).run().changes === 1;
  }

  private trades(tenantId: string, runId: string): SimTrade[] {
    return this.orm
      .select()
      .from(simTrades)
      .where(this.children(simTrades, tenantId, runId))
      .orderBy(asc(simTrades.seq))
      .all()
      .map((t) => ({
        seq: t.seq,
        symbol: t.symbol,
        decidedAt: t.decidedAt,
        filledAt: t.filledAt,
        session: t.date,
        side: t.side,
        status: t.status,
        isInitialAllocation: t.isInitialAllocation,
        requestedQty: t.requestedQty,
        qty: t.qty,
        cancelledQty: t.cancelledQty,
        decisionPrice: t.decisionPrice,
        price: t.price,
        notionalCents: t.notionalCents,
        commissionCents: t.commissionCents,
        qtyAfter: t.qtyAfter,
        cashAfterCents: t.cashAfterCents,
        anchorAfter: t.anchorAfter,
        reasons: t.reasons as SimTrade['reasons'],
        note: t.note as SimTrade['note'],
      }));
  }

  private events(tenantId: string, runId: string): SimEvent[] {
    return this.orm
      .select()
      .from(simEvents)
      .where(this.children(simEvents, tenantId, runId))
      .orderBy(asc(simEvents.seq))
      .all()
      .map((e) => ({
        seq: e.seq,
        at: e.at,
        symbol: e.symbol,
        tradeSeq: e.tradeSeq,
        type: e.type as SimEventType,
        qty: e.qty,
        price: e.price,
        amountCents: e.amountCents,
        anchorBefore: e.anchorBefore,
        anchorAfter: e.anchorAfter,
        detail: e.detail,
      }));
  }

  private equity(tenantId: string, runId: string): EquitySeries {
    const rows = this.orm
      .select()
      .from(simEquity)
      .where(this.children(simEquity, tenantId, runId))
      .orderBy(asc(simEquity.date))
      .all();
    return {
      dates: rows.map((r) => r.date),
      equityCents: rows.map((r) => r.equityCents),
      cashCents: rows.map((r) => r.cashCents),
      receivableCents: rows.map((r) => r.receivableCents),
      stockValueCents: rows.map((r) => r.stockValueCents),
      buyHoldEquityCents: rows.map((r) => r.buyHoldEquityCents),
      drawdown: rows.map((r) => r.drawdown),
      buyHoldDrawdown: rows.map((r) => r.buyHoldDrawdown),
    };
  }

  private run(tenantId: string, runId: string) {
    return and(eq(simRuns.tenantId, tenantId), eq(simRuns.id, runId));
  }

  private unfinished(tenantId: string, runId: string) {
    return and(this.run(tenantId, runId), inArray(simRuns.status, [...UNFINISHED]));
  }

  private children(
    table:
      typeof simTrades | typeof simEvents | typeof simEquity | typeof simPositions | typeof simSweepResults,
    tenantId: string,
    runId: string,
  ) {
    return and(eq(table.tenantId, tenantId), eq(table.runId, runId));
  }

  private statusOf(tenantId: string, runId: string): Pick<RunRow, 'status' | 'startedAt'> | null {
    return (
      this.orm
        .select({ status: simRuns.status, startedAt: simRuns.startedAt })
        .from(simRuns)
        .where(this.run(tenantId, runId))
        .get() ?? null
    );
  }

  private isOpen(tenantId: string, runId: string): boolean {
    const row = this.statusOf(tenantId, runId);
    return row !== null && isUnfinished(row.status);
  }

  /** Leftovers cannot exist for an unfinished run, unless a bug wrote them: a result is all or nothing. */
  private deleteChildren(runId: string): void {
    for (const table of [simTrades, simEvents, simEquity, simPositions, simSweepResults])
      this.orm.delete(table).where(eq(table.runId, runId)).run();
  }

  private finish(tenantId: string, runId: string, set: Partial<typeof simRuns.$inferInsert>): void {
    this.orm
      .update(simRuns)
      .set({ error: null, errorCode: null, ...set })
      .where(this.run(tenantId, runId))
      .run();
  }
}

const RECORD_COLUMNS = {
  id: simRuns.id,
  tenantId: simRuns.tenantId,
  name: simRuns.name,
  kind: simRuns.kind,
  params: simRuns.params,
  status: simRuns.status,
  progress: simRuns.progress,
  progressMessage: simRuns.progressMessage,
  createdAt: simRuns.createdAt,
  startedAt: simRuns.startedAt,
  finishedAt: simRuns.finishedAt,
  metrics: simRuns.metrics,
  error: simRuns.error,
  errorCode: simRuns.errorCode,
};

function toRecord(row: Pick<RunRow, keyof typeof RECORD_COLUMNS>): SimulationRunRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    kind: row.kind,
    params: row.params,
    status: row.status,
    progress: row.progress,
    progressMessage: row.progressMessage,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    headline: (row.metrics as SimulationRunHeadline | null) ?? null,
    error: row.error === null ? null : { code: row.errorCode ?? 'UNKNOWN', message: row.error },
  };
}

/**
 * `INSERT INTO table (every column) VALUES (:column…)`, prepared once. Each run takes a full row; column
 * modes (json, boolean) still map the values.
 */
function preparedInsert<T extends SQLiteTable>(orm: Orm, table: T) {
  const columns = getTableColumns(table);
  const values = Object.fromEntries(Object.keys(columns).map((key) => [key, sql.placeholder(key)]));
  const statement = orm
    .insert(table)
    .values(values as T['$inferInsert'])
    .prepare();
  return { run: (row: T['$inferInsert']): void => void statement.run(row) };
}

function isUnfinished(status: RunRow['status']): boolean {
  return (UNFINISHED as readonly string[]).includes(status);
}

/** Epoch ms of a bar label: a session date (its 00:00 UTC, as BarSeries labels daily bars) or an ISO instant. */
function barTime(label: string): number {
  const ms = Date.parse(label);
  if (Number.isNaN(ms)) throw new Error(`simulation bar label "${label}" is neither a date nor an instant`);
  return ms;
}
