import type { PerformanceMetrics } from '../domain/metrics';

/**
 * Simulation runs and their results (SPEC 5): the `sim_*` tables only, never a live table. Every
 * method takes the tenant first and another tenant's run behaves exactly like an unknown one.
 *
 * The payload types (a run's result, a sweep's, a walk-forward's) belong to `shared/simulation`, a
 * layer above the ports; they are supplied as the type parameter so this port depends on the domain
 * only. Results are stored and rebuilt exactly: `JSON.stringify` of what `getRun` returns equals that
 * of what `completeRun` was given.
 */
export interface SimulationRunPayloads {
  result: unknown;
  sweep: unknown;
  walkForward: unknown;
}

export const SIMULATION_RUN_KINDS = ['single', 'portfolio', 'sweep', 'walk_forward'] as const;
/** `single`: one position; `portfolio`: several, side by side; `sweep` and `walk_forward`: parameter searches. */
export type SimulationRunKind = (typeof SIMULATION_RUN_KINDS)[number];

export const SIMULATION_RUN_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'] as const;
export type SimulationRunStatus = (typeof SIMULATION_RUN_STATUSES)[number];

/** A run that has ended (DONE, FAILED or CANCELLED) never changes again, except by deletion. */
export function isFinishedStatus(status: SimulationRunStatus): boolean {
  return status === 'DONE' || status === 'FAILED' || status === 'CANCELLED';
}

export interface NewSimulationRun {
  id: string;
  name: string;
  kind: SimulationRunKind;
  /** What was asked (spec, history source, grid…), JSON-serialisable, stored as given. */
  params: unknown;
  createdAt: number;
}

/** Headline numbers of a finished run, the same for every kind (a sweep's are its best row's). */
export interface SimulationRunHeadline {
  strategy: PerformanceMetrics | null;
  buyAndHold: PerformanceMetrics | null;
}

export interface SimulationRunError {
  /** Machine-readable, e.g. the engine's `NO_DATA` or `INVALID_SPEC`, or `INTERRUPTED`. */
  code: string;
  message: string;
}

export interface SimulationRunRecord {
  id: string;
  tenantId: string;
  name: string;
  kind: SimulationRunKind;
  params: unknown;
  status: SimulationRunStatus;
  /** Fraction done, 0..1. */
  progress: number;
  /** What the run is doing (or did last), for the progress bar. */
  progressMessage: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Set when the run produced a result (DONE, or a cancelled sweep/walk-forward with partial rows). */
  headline: SimulationRunHeadline | null;
  error: SimulationRunError | null;
}

export interface SimulationProgressUpdate {
  /** 0..1; stored clamped. */
  fraction: number;
  message: string | null;
  /** Set on the first update of a run that starts: QUEUED becomes RUNNING. */
  startedAt?: number;
}

/**
 * State changes return false when the run does not exist in the tenant or has already finished (a
 * finished run is never overwritten: a late result after a cancel is dropped).
 */
export interface SimulationRunRepository<P extends SimulationRunPayloads = SimulationRunPayloads> {
  /** A new run in QUEUED. False when the id is already taken. */
  createRun(tenantId: string, run: NewSimulationRun): boolean;
  /** Progress of a QUEUED or RUNNING run; the first update with `startedAt` makes it RUNNING. */
  updateProgress(tenantId: string, runId: string, update: SimulationProgressUpdate): boolean;
  /** Stores a single or portfolio run's whole result in one transaction; the run becomes DONE. */
  completeRun(tenantId: string, runId: string, result: P['result'], finishedAt: number): boolean;
  /**
   * Stores a sweep's rows in one transaction. The run becomes DONE, or CANCELLED when the sweep was
   * cancelled part way (`cancelled`), keeping the rows finished before the cancel.
   */
  saveSweep(
    tenantId: string,
    runId: string,
    sweep: P['sweep'],
    finishedAt: number,
    cancelled: boolean,
  ): boolean;
  /** Like `saveSweep`, for a walk-forward. */
  saveWalkForward(
    tenantId: string,
    runId: string,
    result: P['walkForward'],
    finishedAt: number,
    cancelled: boolean,
  ): boolean;
  failRun(tenantId: string, runId: string, error: SimulationRunError, finishedAt: number): boolean;
  cancelRun(tenantId: string, runId: string, finishedAt: number): boolean;
  /**
   * Runs left QUEUED or RUNNING by a process that stopped (crash, quit) become FAILED with `error`;
   * returns how many. Called once per tenant before this process starts runs of its own.
   */
  failUnfinishedRuns(tenantId: string, error: SimulationRunError, finishedAt: number): number;
  /** The run's record, without its result. */
  findRun(tenantId: string, runId: string): SimulationRunRecord | null;
  /** Newest first. */
  listRuns(tenantId: string): SimulationRunRecord[];
  /** A single or portfolio run's result, rebuilt from the tables; null when it has none. */
  getRun(tenantId: string, runId: string): P['result'] | null;
  getSweep(tenantId: string, runId: string): P['sweep'] | null;
  getWalkForward(tenantId: string, runId: string): P['walkForward'] | null;
  /** Deletes the run and everything stored under it. False when it does not exist. */
  deleteRun(tenantId: string, runId: string): boolean;
}
