import type { Clock } from '../../shared/ports/Clock';
import type { HistoricalBarSource } from '../../shared/ports/HistoricalBars';
import type { HistoricalDividendSource } from '../../shared/ports/HistoricalDividends';
import type { IdGenerator } from '../../shared/ports/IdGenerator';
import type { Logger } from '../../shared/ports/Logger';
import type {
  SimulationRunKind,
  SimulationRunRecord,
  SimulationRunRepository,
  SimulationRunStatus,
} from '../../shared/ports/SimulationRunRepository';
import type { TenantRepository } from '../../shared/ports/TenantRepository';
import type {
  RankMetric,
  SimulationResult,
  SimulationSpec,
  SweepResult,
  SymbolHistory,
  WalkForwardResult,
} from '../../shared/simulation';
import { checkSimulationSpec, expandGrid, loadHistory, RANK_METRICS } from '../../shared/simulation';
import { WalkForwardPlanSchema } from '../../shared/simulation/walkForward';
import type { ReportFormat } from '../reports';
import { SweepPool } from '../workers/SweepPool';
import { exportRunDetail } from './exportRun';
import type {
  HistorySourceInfo,
  RunStarted,
  SimulationFinished,
  SimulationProgress,
  SimulationRequest,
  SimulationRunDetail,
  SimulationRunParams,
  SimulationService,
  SimulationServiceErrorCode,
  SimulationServiceResult,
  SweepRequest,
  WalkForwardRequest,
} from './SimulationService';
import { SimulationThread } from './SimulationThread';

/** A history source the service may read, with the dividends that go with its bars. */
export interface HistorySource extends HistorySourceInfo {
  bars: HistoricalBarSource;
  dividends: HistoricalDividendSource;
}

/** The run repository with the engine's result types (main/db's SqliteSimulationRunRepository). */
export type EngineRunRepository = SimulationRunRepository<{
  result: SimulationResult;
  sweep: SweepResult;
  walkForward: WalkForwardResult;
}>;

export interface SimulationServiceDeps {
  runs: EngineRunRepository;
  tenants: Pick<TenantRepository, 'get'>;
  /** At least one; the first is the default. */
  sources: readonly HistorySource[];
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Threads of the sweep pools; default: the machine's parallelism minus one. */
  sweepWorkers?: number;
}

/** Progress is stored at most once per this much of a run (listeners hear every step). */
const STORE_PROGRESS_EVERY = 0.05;
/** Fractions of a run spent loading history and saving the result; the replay has the rest. */
const LOADED = 0.05;
const REPLAYED = 0.95;

const INTERRUPTED = {
  code: 'INTERRUPTED',
  message: 'The app stopped while this run was going; start it again.',
};

type Lane = 'run' | 'search';
type Failure = { ok: false; code: SimulationServiceErrorCode; message: string };

interface Job {
  tenantId: string;
  runId: string;
  kind: SimulationRunKind;
  params: SimulationRunParams;
  source: HistorySource;
  controller: AbortController;
  fraction: number;
  storedFraction: number;
  /** The run was recorded as RUNNING. */
  startStored: boolean;
  /** The lane picked it up (a queued run is cancelled on the spot, a started one by its thread). */
  started: boolean;
  /** Settled: its end was recorded and announced. */
  done: boolean;
}

/**
 * The SimulationService of the app: validates a request, records the run (QUEUED) and queues it; each
 * run then loads its history through the ports, replays in a worker thread (runs and walk-forwards on
 * a simulation thread, sweeps on the sweep pool), and stores its result through the repository.
 * Single/portfolio runs go one at a time, and so do sweeps and walk-forwards, in a lane of their own:
 * a quick run never waits behind an hour-long sweep.
 */
export class WorkerSimulationService implements SimulationService {
  private readonly progressListeners = new Set<(e: SimulationProgress) => void>();
  private readonly finishedListeners = new Set<(e: SimulationFinished) => void>();
  private readonly jobs = new Map<string, Job>();
  private readonly lanes: Record<Lane, Promise<void>> = { run: Promise.resolve(), search: Promise.resolve() };
  private readonly recovered = new Set<string>();
  private readonly runThread: SimulationThread;
  private readonly searchThread: SimulationThread;
  private readonly sweepPool: SweepPool;
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(private readonly deps: SimulationServiceDeps) {
    if (deps.sources.length === 0) throw new Error('WorkerSimulationService: at least one history source');
    this.runThread = new SimulationThread(deps.sweepWorkers);
    this.searchThread = new SimulationThread(deps.sweepWorkers);
    this.sweepPool = new SweepPool(deps.sweepWorkers);
  }

  sources(): HistorySourceInfo[] {
    return this.deps.sources.map(({ id, label, intervals }) => ({ id, label, intervals }));
  }

  async listSymbols(sourceId: string): Promise<SimulationServiceResult<string[]>> {
    const source = this.deps.sources.find((s) => s.id === sourceId);
    if (source === undefined) return fail('UNKNOWN_SOURCE', `there is no history source "${sourceId}"`);
    try {
      return { ok: true, value: await source.bars.listSymbols() };
    } catch (e) {
      return fail('SOURCE_ERROR', `${source.label} cannot list its symbols: ${(e as Error).message}`);
    }
  }

  async start(tenantId: string, request: SimulationRequest): Promise<SimulationServiceResult<RunStarted>> {
    const checked = this.check(tenantId, request);
    if (!checked.ok) return checked;
    const kind = checked.spec.positions.length === 1 ? 'single' : 'portfolio';
    return this.launch(
      tenantId,
      kind,
      request.name,
      { spec: checked.spec, source: checked.source.id },
      checked.source,
    );
  }

  async sweep(tenantId: string, request: SweepRequest): Promise<SimulationServiceResult<RunStarted>> {
    const checked = this.check(tenantId, request);
    if (!checked.ok) return checked;
    const grid = expandGrid(request.grid);
    if (!grid.ok) return fail('INVALID_GRID', grid.message);
    const metric = request.metric ?? 'sharpe';
    if (!(RANK_METRICS as readonly string[]).includes(metric))
      return fail('INVALID_GRID', `metric "${metric}" is not one of ${RANK_METRICS.join(', ')}`);
    const params: SimulationRunParams = {
      spec: checked.spec,
      source: checked.source.id,
      grid: request.grid,
      metric,
    };
    return this.launch(tenantId, 'sweep', request.name, params, checked.source);
  }

  async walkForward(
    tenantId: string,
    request: WalkForwardRequest,
  ): Promise<SimulationServiceResult<RunStarted>> {
    const checked = this.check(tenantId, request);
    if (!checked.ok) return checked;
    const plan = WalkForwardPlanSchema.safeParse(request.plan);
    if (!plan.success)
      return fail(
        'INVALID_PLAN',
        plan.error.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`).join('; '),
      );
    const grid = expandGrid(request.plan.grid);
    if (!grid.ok) return fail('INVALID_GRID', grid.message);
    const params: SimulationRunParams = { spec: checked.spec, source: checked.source.id, plan: request.plan };
    return this.launch(tenantId, 'walk_forward', request.name, params, checked.source);
  }

  cancel(tenantId: string, runId: string): SimulationServiceResult<{ status: SimulationRunStatus }> {
    this.recover(tenantId);
    const run = this.deps.runs.findRun(tenantId, runId);
    if (run === null) return notFound(runId);
    const job = this.jobs.get(runId);
    if (job === undefined || job.tenantId !== tenantId || job.done)
      return fail('NOT_RUNNING', `run ${runId} has already finished (${run.status})`);
    job.controller.abort();
    // A queued run never started: it ends now. A running one ends when its thread has stopped.
    if (!job.started) this.settle(job, { status: 'CANCELLED' });
    return { ok: true, value: { status: job.done ? 'CANCELLED' : 'RUNNING' } };
  }

  list(tenantId: string): SimulationRunRecord[] {
    this.recover(tenantId);
    return this.deps.runs.listRuns(tenantId);
  }

  get(tenantId: string, runId: string): SimulationServiceResult<SimulationRunDetail> {
    this.recover(tenantId);
    const run = this.deps.runs.findRun(tenantId, runId);
    if (run === null) return notFound(runId);
    const { runs } = this.deps;
    return {
      ok: true,
      value: {
        run,
        result: run.kind === 'single' || run.kind === 'portfolio' ? runs.getRun(tenantId, runId) : null,
        sweep: run.kind === 'sweep' ? runs.getSweep(tenantId, runId) : null,
        walkForward: run.kind === 'walk_forward' ? runs.getWalkForward(tenantId, runId) : null,
      },
    };
  }

  delete(tenantId: string, runId: string): SimulationServiceResult<void> {
    this.recover(tenantId);
    const job = this.jobs.get(runId);
    if (job !== undefined && job.tenantId === tenantId && !job.done) {
      job.controller.abort();
      if (!job.started) this.settle(job, { status: 'CANCELLED' });
    }
    // A run still stopping finds its row gone: its late result is dropped by the repository.
    return this.deps.runs.deleteRun(tenantId, runId) ? { ok: true, value: undefined } : notFound(runId);
  }

  async exportRun(
    tenantId: string,
    runId: string,
    format: ReportFormat,
    filePath: string,
  ): Promise<SimulationServiceResult<{ files: string[] }>> {
    const detail = this.get(tenantId, runId);
    if (!detail.ok) return detail;
    return exportRunDetail(detail.value, format, filePath);
  }

  onProgress(listener: (event: SimulationProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  onFinished(listener: (event: SimulationFinished) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      for (const job of this.jobs.values()) {
        job.controller.abort();
        if (!job.started) this.settle(job, { status: 'CANCELLED' });
      }
      await Promise.all([this.lanes.run, this.lanes.search]);
      await Promise.all([this.runThread.close(), this.searchThread.close(), this.sweepPool.close()]);
    })();
    return this.closing;
  }

  // ---- requests

  private check(
    tenantId: string,
    request: SimulationRequest,
  ): { ok: true; spec: SimulationSpec; source: HistorySource } | Failure {
    if (this.closed) return fail('CLOSED', 'the simulation service has been closed');
    if (this.deps.tenants.get(tenantId) === null) return fail('NOT_FOUND', `there is no tenant ${tenantId}`);
    this.recover(tenantId);
    const source =
      request.source === undefined
        ? (this.deps.sources[0] as HistorySource)
        : this.deps.sources.find((s) => s.id === request.source);
    if (source === undefined)
      return fail('UNKNOWN_SOURCE', `there is no history source "${String(request.source)}"`);
    const spec = checkSimulationSpec(request.spec);
    if (!spec.ok) return fail('INVALID_SPEC', spec.message);
    if (!source.intervals.includes(spec.spec.interval))
      return fail(
        'INVALID_SPEC',
        `${source.label} has no ${spec.spec.interval} bars (only ${source.intervals.join(', ')})`,
      );
    return { ok: true, spec: spec.spec, source };
  }

  private launch(
    tenantId: string,
    kind: SimulationRunKind,
    name: string | undefined,
    params: SimulationRunParams,
    source: HistorySource,
  ): SimulationServiceResult<RunStarted> {
    const runId = this.deps.ids.next();
    const created = this.deps.runs.createRun(tenantId, {
      id: runId,
      name: name?.trim() || defaultName(kind, params.spec),
      kind,
      params,
      createdAt: this.deps.clock.now(),
    });
    if (!created) throw new Error(`simulation run id ${runId} already exists`);
    const job: Job = {
      tenantId,
      runId,
      kind,
      params,
      source,
      controller: new AbortController(),
      fraction: 0,
      storedFraction: 0,
      startStored: false,
      started: false,
      done: false,
    };
    this.jobs.set(runId, job);
    const lane: Lane = kind === 'single' || kind === 'portfolio' ? 'run' : 'search';
    this.lanes[lane] = this.lanes[lane]
      .then(() => this.execute(job))
      .catch((e: unknown) =>
        this.deps.logger.error('simulation lane failed', { runId, error: (e as Error).stack ?? String(e) }),
      );
    return { ok: true, value: { runId, kind } };
  }

  // ---- execution

  /** Never rejects: every end of a run, bugs included, is recorded and announced. */
  private async execute(job: Job): Promise<void> {
    if (job.done) return;
    if (job.controller.signal.aborted) return this.settle(job, { status: 'CANCELLED' });
    job.started = true;
    try {
      this.progress(job, 0, 'Loading history');
      const history = await this.history(job);
      if (job.controller.signal.aborted) return this.settle(job, { status: 'CANCELLED' });
      if (!history.ok) return this.settle(job, { status: 'FAILED', error: history.error });
      if (job.kind === 'sweep') await this.executeSweep(job, history.history);
      else if (job.kind === 'walk_forward') await this.executeWalkForward(job, history.history);
      else await this.executeRun(job, history.history);
    } catch (e) {
      this.deps.logger.error('simulation run failed', {
        runId: job.runId,
        tenantId: job.tenantId,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
      this.settle(job, {
        status: 'FAILED',
        error: { code: 'INTERNAL', message: `the run stopped on an internal error: ${(e as Error).message}` },
      });
    }
  }

  private async history(
    job: Job,
  ): Promise<
    { ok: true; history: SymbolHistory[] } | { ok: false; error: { code: string; message: string } }
  > {
    const { spec } = job.params;
    const loaded = await loadHistory(
      job.source.bars,
      job.source.dividends,
      spec.positions.map((p) => p.symbol),
      spec.from,
      spec.to,
      spec.interval,
    );
    if (!loaded.ok) return { ok: false, error: { code: loaded.code, message: loaded.message } };
    return { ok: true, history: loaded.history };
  }

  private async executeRun(job: Job, history: SymbolHistory[]): Promise<void> {
    this.progress(job, LOADED, 'Replaying');
    const outcome = await this.runThread.run(job.params.spec, history, {
      signal: job.controller.signal,
      onProgress: (done, total) =>
        this.progress(
          job,
          LOADED + ((REPLAYED - LOADED) * done) / total,
          `Replaying: bar ${done} of ${total}`,
        ),
    });
    if (!outcome.ok)
      return this.settle(
        job,
        outcome.code === 'CANCELLED' ? { status: 'CANCELLED' } : { status: 'FAILED', error: outcome },
      );
    // A cancel that arrives before the end is recorded wins, even if the replay had just finished.
    if (job.controller.signal.aborted) return this.settle(job, { status: 'CANCELLED' });
    this.progress(job, REPLAYED, 'Saving the results');
    this.deps.runs.completeRun(job.tenantId, job.runId, outcome.result, this.deps.clock.now());
    this.settle(job, { status: 'DONE', stored: true });
  }

  private async executeSweep(job: Job, history: SymbolHistory[]): Promise<void> {
    const { spec, grid, metric } = job.params;
    this.progress(job, LOADED, 'Sweeping');
    const outcome = await this.sweepPool.run(spec, history, grid as NonNullable<typeof grid>, {
      metric: metric as RankMetric,
      signal: job.controller.signal,
      onProgress: (done, total) =>
        this.progress(
          job,
          LOADED + ((REPLAYED - LOADED) * done) / total,
          `Sweeping: ${done} of ${total} combinations`,
        ),
    });
    if (!outcome.ok)
      return this.settle(
        job,
        outcome.code === 'CANCELLED' ? { status: 'CANCELLED' } : { status: 'FAILED', error: outcome },
      );
    // Cancelled, or cancelled just as it ended: what was computed is kept either way.
    const cancelled = outcome.result.cancelled || job.controller.signal.aborted;
    this.deps.runs.saveSweep(job.tenantId, job.runId, outcome.result, this.deps.clock.now(), cancelled);
    this.settle(job, { status: cancelled ? 'CANCELLED' : 'DONE', stored: true });
  }

  private async executeWalkForward(job: Job, history: SymbolHistory[]): Promise<void> {
    const { spec, plan } = job.params;
    this.progress(job, LOADED, 'Walking forward');
    const outcome = await this.searchThread.walkForward(spec, history, plan as NonNullable<typeof plan>, {
      signal: job.controller.signal,
      onProgress: (done, total) =>
        this.progress(
          job,
          LOADED + ((REPLAYED - LOADED) * done) / total,
          `Walking forward: step ${done} of ${total}`,
        ),
    });
    if (!outcome.ok)
      return this.settle(
        job,
        outcome.code === 'CANCELLED' ? { status: 'CANCELLED' } : { status: 'FAILED', error: outcome },
      );
    // Cancelled, or cancelled just as it ended: what was computed is kept either way.
    const cancelled = outcome.result.cancelled || job.controller.signal.aborted;
    this.deps.runs.saveWalkForward(job.tenantId, job.runId, outcome.result, this.deps.clock.now(), cancelled);
    this.settle(job, { status: cancelled ? 'CANCELLED' : 'DONE', stored: true });
  }

  // ---- progress and ends

  private progress(job: Job, fraction: number, message: string): void {
    if (job.done) return;
    job.fraction = Math.max(job.fraction, Math.min(1, fraction));
    const starting = !job.startStored;
    if (starting || job.fraction - job.storedFraction >= STORE_PROGRESS_EVERY) {
      job.startStored = true;
      job.storedFraction = job.fraction;
      this.deps.runs.updateProgress(job.tenantId, job.runId, {
        fraction: job.fraction,
        message,
        ...(starting ? { startedAt: this.deps.clock.now() } : {}),
      });
    }
    const event: SimulationProgress = {
      tenantId: job.tenantId,
      runId: job.runId,
      kind: job.kind,
      fraction: job.fraction,
      message,
    };
    for (const listener of this.progressListeners) this.notify(listener, event);
  }

  /**
   * Records the end (unless the result was just stored, which recorded it) and announces it, once.
   * A run deleted meanwhile has no row left to record into; its end is still announced.
   */
  private settle(
    job: Job,
    end:
      | { status: 'DONE' | 'CANCELLED'; stored?: boolean }
      | { status: 'FAILED'; error: { code: string; message: string } },
  ): void {
    if (job.done) return;
    job.done = true;
    this.jobs.delete(job.runId);
    const now = this.deps.clock.now();
    if (end.status === 'FAILED') this.deps.runs.failRun(job.tenantId, job.runId, pick(end.error), now);
    else if (end.status === 'CANCELLED' && !('stored' in end && end.stored))
      this.deps.runs.cancelRun(job.tenantId, job.runId, now);
    const event: SimulationFinished = {
      tenantId: job.tenantId,
      runId: job.runId,
      kind: job.kind,
      status: end.status,
      error: end.status === 'FAILED' ? pick(end.error) : null,
    };
    for (const listener of this.finishedListeners) this.notify(listener, event);
  }

  private notify<E>(listener: (e: E) => void, event: E): void {
    try {
      listener(event);
    } catch (e) {
      this.deps.logger.error('simulation listener threw', { error: (e as Error).message });
    }
  }

  /** Once per tenant, before this process touches its runs: runs a stopped process left going are FAILED. */
  private recover(tenantId: string): void {
    if (this.recovered.has(tenantId)) return;
    this.recovered.add(tenantId);
    const n = this.deps.runs.failUnfinishedRuns(tenantId, INTERRUPTED, this.deps.clock.now());
    if (n > 0) this.deps.logger.warn('simulation runs interrupted by a previous stop', { tenantId, runs: n });
  }
}

function defaultName(kind: SimulationRunKind, spec: SimulationSpec): string {
  const symbols = spec.positions.map((p) => p.symbol).join(', ');
  const what = kind === 'sweep' ? 'Sweep ' : kind === 'walk_forward' ? 'Walk-forward ' : '';
  return `${what}${symbols} ${spec.interval} ${spec.from} to ${spec.to}`;
}

function pick(error: { code: string; message: string }): { code: string; message: string } {
  return { code: error.code, message: error.message };
}

function fail(code: SimulationServiceErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

function notFound(runId: string): Failure {
  return fail('NOT_FOUND', `there is no simulation run ${runId}`);
}
