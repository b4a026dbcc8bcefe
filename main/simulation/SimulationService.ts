import type { BarInterval } from '../../shared/ports/HistoricalBars';
import type {
  SimulationRunKind,
  SimulationRunRecord,
  SimulationRunStatus,
} from '../../shared/ports/SimulationRunRepository';
import type {
  RankMetric,
  SimulationResult,
  SimulationSpec,
  SweepGrid,
  SweepResult,
  WalkForwardPlan,
  WalkForwardResult,
} from '../../shared/simulation';
import type { ReportFormat } from '../reports';

/**
 * The simulation as the app uses it (SPEC 5): the Backend, the IPC handlers and the CLI start runs,
 * sweeps and walk-forwards here, follow their progress, cancel them, read, export and delete their
 * stored results. Every run executes off the calling thread (worker threads), so the live loop and the
 * UI are never blocked; results go to the `sim_*` tables through the SimulationRunRepository.
 *
 * Everything is scoped to a tenant; another tenant's run id behaves exactly like an unknown one.
 * Expected failures are values; only bugs throw.
 */
export interface SimulationService {
  /** The history sources runs may read (bundled dataset, CSV imports, provider cache, quote log…). */
  sources(): HistorySourceInfo[];
  /** Symbols a source can answer for without a download (the provider's: those already cached). */
  listSymbols(sourceId: string): Promise<SimulationServiceResult<string[]>>;

  /**
   * Validates the request and queues the run; resolves as soon as it is recorded (QUEUED), before any
   * bar is read. Loading history, the replay and saving happen afterwards: follow them with
   * `onProgress` / `onFinished`. A data problem found later (no bars in the range…) ends the run FAILED
   * with the source's own code and message.
   */
  start(tenantId: string, request: SimulationRequest): Promise<SimulationServiceResult<RunStarted>>;
  /** A parameter sweep over the request's spec (thresholds × rebalance ratio × band), on the worker pool. */
  sweep(tenantId: string, request: SweepRequest): Promise<SimulationServiceResult<RunStarted>>;
  /** Walk-forward validation: rolling in-sample sweeps choose the parameters of each out-of-sample window. */
  walkForward(tenantId: string, request: WalkForwardRequest): Promise<SimulationServiceResult<RunStarted>>;

  /**
   * Asks a QUEUED or RUNNING run to stop; it ends CANCELLED (a sweep or walk-forward keeps the rows
   * finished before the cancel). `NOT_RUNNING` when it has already finished.
   */
  cancel(tenantId: string, runId: string): SimulationServiceResult<{ status: SimulationRunStatus }>;

  /** Every run of the tenant, newest first, without results. */
  list(tenantId: string): SimulationRunRecord[];
  /** A run with its stored result (the one matching its kind; null while it has none). */
  get(tenantId: string, runId: string): SimulationServiceResult<SimulationRunDetail>;
  /** Deletes a run and its results; a run still going is cancelled first. */
  delete(tenantId: string, runId: string): SimulationServiceResult<void>;

  /**
   * Writes a finished run's report (main/reports). A single or portfolio run: every format; a sweep or
   * walk-forward: `csv` and `json`. A path without the format's extension gets it appended.
   */
  exportRun(
    tenantId: string,
    runId: string,
    format: ReportFormat,
    filePath: string,
  ): Promise<SimulationServiceResult<{ files: string[] }>>;

  /** Progress of every run of every tenant; returns the unsubscribe function. Listeners must not throw. */
  onProgress(listener: (event: SimulationProgress) => void): () => void;
  /** The end of every run (DONE, FAILED or CANCELLED); returns the unsubscribe function. */
  onFinished(listener: (event: SimulationFinished) => void): () => void;

  /** Cancels every run, waits for them to end and stops the worker threads (app quit). Idempotent. */
  close(): Promise<void>;
}

export interface HistorySourceInfo {
  /** Passed as `source` in a request. */
  id: string;
  label: string;
  /** Bar intervals the source can give ('1d' only for daily sources). */
  intervals: readonly BarInterval[];
}

export interface SimulationRequest {
  /** Shown in the run list; default: the symbols, the interval and the dates. */
  name?: string;
  /** Checked with the engine's own validation (`checkSimulationSpec`). */
  spec: SimulationSpec;
  /** A `HistorySourceInfo.id`; the first source when absent. */
  source?: string;
}

export interface SweepRequest extends SimulationRequest {
  grid: SweepGrid;
  /** What ranks the rows; `sharpe` by default. */
  metric?: RankMetric;
}

export interface WalkForwardRequest extends SimulationRequest {
  plan: WalkForwardPlan;
}

/** What a run record's `params` holds: the request as validated (the source resolved). */
export interface SimulationRunParams {
  spec: SimulationSpec;
  source: string;
  grid?: SweepGrid;
  metric?: RankMetric;
  plan?: WalkForwardPlan;
}

export interface RunStarted {
  runId: string;
  kind: SimulationRunKind;
}

export interface SimulationRunDetail {
  run: SimulationRunRecord;
  /** A single or portfolio run's result. */
  result: SimulationResult | null;
  sweep: SweepResult | null;
  walkForward: WalkForwardResult | null;
}

export interface SimulationProgress {
  tenantId: string;
  runId: string;
  kind: SimulationRunKind;
  /** 0..1, never decreasing within a run. */
  fraction: number;
  message: string;
}

export interface SimulationFinished {
  tenantId: string;
  runId: string;
  kind: SimulationRunKind;
  status: 'DONE' | 'FAILED' | 'CANCELLED';
  error: { code: string; message: string } | null;
}

export type SimulationServiceErrorCode =
  | 'NOT_FOUND'
  | 'UNKNOWN_SOURCE'
  | 'INVALID_SPEC'
  | 'INVALID_GRID'
  | 'INVALID_PLAN'
  | 'NOT_RUNNING'
  | 'NOT_FINISHED'
  | 'UNSUPPORTED_FORMAT'
  | 'INVALID_FILE'
  | 'WRITE_FAILED'
  | 'SOURCE_ERROR'
  | 'CLOSED';

export type SimulationServiceResult<T> =
  { ok: true; value: T } | { ok: false; code: SimulationServiceErrorCode; message: string };
