import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type {
  RankMetric,
  SimulationSpec,
  SweepGrid,
  SweepOutcome,
  SweepParams,
  SweepRow,
  SymbolHistory,
} from '../../shared/simulation';
import type { PerformanceMetrics } from '../../shared/domain/metrics';
import { expandGrid, finishSweep, prepareSimulation } from '../../shared/simulation';
import { shareHistory } from './sharedHistory';
import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';
import { workerEntry } from './workerEntry';

export interface SweepRunOptions {
  metric?: RankMetric;
  /** Parameter sets per message; default: enough chunks for even load and smooth progress. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops every worker at once; the result then holds the rows finished so far. */
  signal?: AbortSignal;
}

/**
 * Worker threads for parameter sweeps (SPEC 5: long runs report progress, can be cancelled, and never
 * block the live loop or the UI). The calling thread only validates, hands out chunks and collects
 * rows; every replay runs in a worker over bars shared through SharedArrayBuffers. The threads are
 * kept between sweeps (walk-forward runs one per window) until `close`; one sweep runs at a time.
 */
export class SweepPool {
  private workers: Worker[] = [];
  private runs = 0;
  private queue: Promise<unknown> = Promise.resolve();

  /** `size` threads; default: the machine's parallelism minus one (at least one). */
  constructor(private readonly size = Math.max(1, availableParallelism() - 1)) {}

  run(
    spec: SimulationSpec,
    history: readonly SymbolHistory[],
    grid: SweepGrid,
    options: SweepRunOptions = {},
  ): Promise<SweepOutcome> {
    const next = this.queue.then(() => this.runNow(spec, history, grid, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.stopWorkers();
  }

  private async stopWorkers(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(count: number): Worker[] {
    const entry = workerEntry('sweepWorker');
    while (this.workers.length < count) this.workers.push(new Worker(entry.file, entry.options));
    return this.workers.slice(0, count);
  }

  private async runNow(
    spec: SimulationSpec,
    history: readonly SymbolHistory[],
    grid: SweepGrid,
    options: SweepRunOptions,
  ): Promise<SweepOutcome> {
    const expanded = expandGrid(grid);
    if (!expanded.ok) return expanded;
    // Validate spec and data here, so a bad input fails before any thread is asked to work.
    const prepared = prepareSimulation(spec, history);
    if (!prepared.ok) return prepared;
    const params = expanded.params;
    const metric = options.metric ?? 'sharpe';
    if (options.signal?.aborted)
      return { ok: true, result: finishSweep([], params.length, metric, true, null) };
    const workers = this.spawn(Math.min(this.size, params.length));
    const chunkSize =
      options.chunkSize ?? Math.max(1, Math.min(64, Math.ceil(params.length / (workers.length * 16))));
    const chunks: { id: number; first: number; params: SweepParams[] }[] = [];
    for (let first = 0, id = 0; first < params.length; first += chunkSize, id++)
      chunks.push({ id, first, params: params.slice(first, first + chunkSize) });
    const run = ++this.runs;
    const rows: SweepRow[] = [];
    const shared = shareHistory(history);
    let next = 0;

    let buyAndHold: PerformanceMetrics | null = null;
    const state = await new Promise<'done' | 'cancelled' | Error>((resolve) => {
      let settled = false;
      const cleanups: (() => void)[] = [];
      const settle = (outcome: 'done' | 'cancelled' | Error): void => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        resolve(outcome);
      };
      const onAbort = (): void => settle('cancelled');
      options.signal?.addEventListener('abort', onAbort);
      cleanups.push(() => options.signal?.removeEventListener('abort', onAbort));
      const feed = (worker: Worker): void => {
        const chunk = chunks[next++];
        if (chunk !== undefined) worker.postMessage({ type: 'chunk', run, ...chunk } satisfies ToSweepWorker);
      };
      for (const worker of workers) {
        const onMessage = (message: FromSweepWorker): void => {
          if (settled || message.run !== run) return;
          if (message.type === 'failed') return settle(new Error(message.message));
          if (message.type === 'buyAndHold') {
            buyAndHold = message.metrics;
            return settle('done');
          }
          if (message.type === 'rows') {
            rows.push(...message.rows);
            options.onProgress?.(rows.length, params.length);
            // Buy-and-hold is the same for every row: one worker computes it once, last.
            if (rows.length === params.length)
              return worker.postMessage({ type: 'buyAndHold', run } satisfies ToSweepWorker);
          }
          feed(worker);
        };
        const onError = (e: unknown): void => settle(e instanceof Error ? e : new Error(String(e)));
        const onExit = (code: number): void =>
          settle(new Error(`a sweep worker stopped with exit code ${code}`));
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        });
        worker.postMessage({ type: 'init', run, spec, history: shared } satisfies ToSweepWorker);
      }
    });

    // A cancelled or failed sweep leaves workers mid-chunk: stop them (the next sweep starts fresh ones).
    if (state !== 'done') await this.stopWorkers();
    if (state instanceof Error) return { ok: false, code: 'WORKER_FAILED', message: state.message };
    const cancelled = state === 'cancelled';
    return {
      ok: true,
      result: finishSweep(rows, params.length, metric, cancelled, buyAndHold),
    };
  }
}

/** One sweep on a pool of its own, closed when the sweep ends. */
export async function runSweepInWorkers(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  grid: SweepGrid,
  options: SweepRunOptions & { workers?: number } = {},
): Promise<SweepOutcome> {
  const pool = new SweepPool(options.workers);
  try {
    return await pool.run(spec, history, grid, options);
  } finally {
    await pool.close();
  }
}
