import type {
  SimulationOutcome,
  SimulationSpec,
  SymbolHistory,
  WalkForwardOutcome,
  WalkForwardPlan,
} from '../../shared/simulation';

/**
 * Messages between the simulation service and its simulation thread (one run or walk-forward at a
 * time). `cancel` is an Int32Array over a SharedArrayBuffer: the service sets it to 1 and the replay
 * sees it at its next progress check, even while it holds the worker's event loop.
 */
export type ToSimulationWorker =
  | { type: 'run'; job: number; spec: SimulationSpec; history: SymbolHistory[]; cancel: Int32Array }
  | {
      type: 'walkForward';
      job: number;
      spec: SimulationSpec;
      history: SymbolHistory[];
      plan: WalkForwardPlan;
      cancel: Int32Array;
      /** Threads of the in-sample sweeps' pool; default: the machine's parallelism minus one. */
      sweepWorkers?: number;
    }
  /** Also sent on cancel, for work that waits (the walk-forward's sweeps) rather than computes. */
  | { type: 'cancel'; job: number }
  /** Stop: the thread closes its sweep pool and exits. */
  | { type: 'close' };

export type FromSimulationWorker =
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'run'; job: number; outcome: SimulationOutcome }
  | { type: 'walkForward'; job: number; outcome: WalkForwardOutcome }
  /** A bug in the worker (an exception): the job's message, with its stack. */
  | { type: 'failed'; job: number; message: string };
