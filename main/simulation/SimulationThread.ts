import { Worker } from 'node:worker_threads';
import type {
  SimulationOutcome,
  SimulationSpec,
  SymbolHistory,
  WalkForwardOutcome,
  WalkForwardPlan,
} from '../../shared/simulation';
import { shareHistory } from '../workers/sharedHistory';
import type { FromSimulationWorker, ToSimulationWorker } from '../workers/simulationProtocol';
import { workerEntry } from '../workers/workerEntry';

export type WorkerFailure = { ok: false; code: 'WORKER_FAILED'; message: string };

export interface ThreadJobOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting asks the replay to stop at its next progress check; the outcome is then CANCELLED. */
  signal?: AbortSignal;
}

/** How long `close` lets the thread stop its sweep pool before terminating it. */
const CLOSE_GRACE_MS = 5_000;

/**
 * One worker thread (main/workers/simulationWorker.ts) that replays one run or walk-forward at a time.
 * The thread is started on first use and kept; if it dies, the job it had fails with WORKER_FAILED and
 * the next job starts a fresh thread. The bars are posted in SharedArrayBuffers, not copied.
 */
export class SimulationThread {
  private worker: Worker | null = null;
  private jobs = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly sweepWorkers?: number) {}

  run(
    spec: SimulationSpec,
    history: readonly SymbolHistory[],
    options: ThreadJobOptions = {},
  ): Promise<SimulationOutcome | WorkerFailure> {
    return this.enqueue((job, cancel) => ({
      message: { type: 'run', job, spec, history: shareHistory(history), cancel },
      options,
      reply: 'run',
    }));
  }

  walkForward(
    spec: SimulationSpec,
    history: readonly SymbolHistory[],
    plan: WalkForwardPlan,
    options: ThreadJobOptions = {},
  ): Promise<WalkForwardOutcome> {
    return this.enqueue((job, cancel) => ({
      message: {
        type: 'walkForward',
        job,
        spec,
        history: shareHistory(history),
        plan,
        cancel,
        ...(this.sweepWorkers === undefined ? {} : { sweepWorkers: this.sweepWorkers }),
      },
      options,
      reply: 'walkForward',
    }));
  }

  /** Waits for the job under way, then stops the thread (and its sweep pool). */
  async close(): Promise<void> {
    await this.queue;
    const worker = this.worker;
    this.worker = null;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToSimulationWorker);
    const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private enqueue<R extends 'run' | 'walkForward'>(
    build: (
      job: number,
      cancel: Int32Array,
    ) => { message: ToSimulationWorker; options: ThreadJobOptions; reply: R },
  ): Promise<Reply<R>> {
    const next = this.queue.then(() => {
      const job = ++this.jobs;
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      return this.execute(job, cancel, build(job, cancel));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private execute<R extends 'run' | 'walkForward'>(
    job: number,
    cancel: Int32Array,
    { message, options, reply }: { message: ToSimulationWorker; options: ThreadJobOptions; reply: R },
  ): Promise<Reply<R>> {
    const worker = this.thread();
    return new Promise<Reply<R>>((resolve) => {
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const settle = (outcome: Reply<R>): void => {
        cleanup();
        resolve(outcome);
      };
      const fail = (text: string): void => {
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        settle({ ok: false, code: 'WORKER_FAILED', message: text });
      };
      const onMessage = (m: FromSimulationWorker): void => {
        if (!('job' in m) || m.job !== job) return;
        if (m.type === 'progress') options.onProgress?.(m.done, m.total);
        else if (m.type === 'failed') fail(m.message);
        else if (m.type === reply) settle(m.outcome as Reply<R>);
      };
      const onError = (e: unknown): void => fail(e instanceof Error ? e.message : String(e));
      const onExit = (code: number): void => fail(`the simulation thread stopped with exit code ${code}`);
      const onAbort = (): void => {
        Atomics.store(cancel, 0, 1);
        worker.postMessage({ type: 'cancel', job } satisfies ToSimulationWorker);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort);
      if (options.signal?.aborted) Atomics.store(cancel, 0, 1);
      worker.postMessage(message);
    });
  }

  private thread(): Worker {
    if (this.worker === null) {
      const entry = workerEntry('simulationWorker');
      this.worker = new Worker(entry.file, entry.options);
    }
    return this.worker;
  }
}

type Reply<R extends 'run' | 'walkForward'> = R extends 'run'
  ? SimulationOutcome | WorkerFailure
  : WalkForwardOutcome;
