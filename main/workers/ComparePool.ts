import { Worker } from 'node:worker_threads';
import { prepareSimulation } from '../../shared/simulation/runSimulation';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation/SimulationSpec';
import type {
  CompareEntry,
  CompareOutcome,
  CompareResult,
  CompareRow,
} from '../../shared/simulation/strategy/compare';
import { assembleCompare, buyAndHoldOf, compareStrategies } from '../../shared/simulation/strategy/compare';
import type { LabOptions } from '../../shared/simulation/strategy/runStrategy';
import { matchingFor } from '../../shared/simulation/strategy/runStrategy';
import { plainArray } from '../../shared/simulation/plainArrays';
import type { FromCompareWorker, ToCompareWorker } from './compareProtocol';
import { shareHistory } from './sharedHistory';
import { workerEntry } from './workerEntry';

export interface CompareRunOptions {
  /** Worker threads; 0 runs in this thread. Default 2. */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

type Failure = { code: string; message: string };

/**
 * SPEC 10's compare on worker threads (SPEC 5: long runs never block the live loop or the UI): each
 * strategy is one task, handed to the next free worker; the bars are shared, not copied, and prepared
 * once per worker and compare. A worker returns only the row the compare shows (metrics computed there,
 * the equity transferred); buy-and-hold is computed once, here. The result is the in-thread compare's,
 * row for row.
 *
 * The threads start on the first compare and stay for the next ones (their code is then already
 * optimised: a compare on warm threads costs its work, not a start); they do not keep the process
 * alive. A cancelled or failed compare ends them; the next compare starts new ones. One compare at a
 * time per pool.
 */
export class ComparePool {
  private workers: Worker[] | null = null;
  private run = 0;

  constructor(private readonly size = 2) {}

  async compare(
    spec: SimulationSpec,
    history: readonly SymbolHistory[],
    entries: readonly CompareEntry[],
    lab: Partial<LabOptions> = {},
    options: Omit<CompareRunOptions, 'workers'> = {},
  ): Promise<CompareOutcome> {
    const size = Math.min(this.size, entries.length);
    if (size <= 0) return compareStrategies(spec, history, entries, lab);
    // The threads start (or are already up) before the run is prepared here: a new thread boots (its
    // bundle loaded and evaluated) while this thread prepares, instead of after it.
    const workers = this.threads().slice(0, size);
    const prepared = prepareSimulation(spec, history);
    if (!prepared.ok) return prepared;
    const run = ++this.run;
    const shared = shareHistory(history);
    const rows: (CompareRow | undefined)[] = new Array(entries.length);
    // Set once the workers have their messages (it runs here meanwhile).
    const benchmark: { buyAndHold: CompareResult['buyAndHold'] | null } = { buyAndHold: null };
    const listeners: [Worker, (m: FromCompareWorker) => void, (e: Error) => void][] = [];
    let next = 0;
    let done = 0;
    let failure: Failure | null;
    try {
      failure = await new Promise<Failure | null>((resolve) => {
        const onAbort = (): void => resolve({ code: 'CANCELLED', message: 'the comparison was cancelled' });
        if (options.signal?.aborted) return onAbort();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const feed = (w: Worker): void => {
          const index = next++;
          const e = entries[index];
          if (e !== undefined)
            w.postMessage({ type: 'entry', run, index, entry: e } satisfies ToCompareWorker);
        };
        for (const w of workers) {
          const onMessage = (m: FromCompareWorker): void => {
            if (m.run !== run) return;
            if (m.type === 'failed') return resolve({ code: m.code, message: m.message });
            rows[m.index] = { ...m.row, equityCents: plainArray(m.equityCents) };
            done++;
            options.onProgress?.(done, entries.length);
            if (done === entries.length) return resolve(null);
            feed(w);
          };
          const onError = (e: Error): void => resolve({ code: 'WORKER_FAILED', message: e.message });
          w.on('message', onMessage);
          w.on('error', onError);
          listeners.push([w, onMessage, onError]);
          w.postMessage({ type: 'init', run, spec, history: shared, lab } satisfies ToCompareWorker);
          feed(w);
        }
        // The benchmark row is the same for every entry: once, here, while the workers run the entries.
        benchmark.buyAndHold = buyAndHoldOf(prepared.plan);
      });
    } finally {
      for (const [w, onMessage, onError] of listeners) {
        w.off('message', onMessage);
        w.off('error', onError);
      }
    }
    if (failure !== null) {
      // Threads still busy with a cancelled compare, or broken: none is reused.
      await this.close();
      return { ok: false, code: failure.code as 'CANCELLED' | 'INVALID_SPEC', message: failure.message };
    }
    if (benchmark.buyAndHold === null)
      return { ok: false, code: 'INVALID_SPEC', message: 'choose at least one strategy to compare' };
    return {
      ok: true,
      result: assembleCompare(
        prepared.plan.spec,
        rows as CompareRow[],
        benchmark.buyAndHold,
        prepared.plan.sessions,
        lab.matching ?? matchingFor(prepared.plan.spec),
      ),
    };
  }

  /** Ends the threads (the next compare starts new ones). */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = null;
    if (workers !== null) await Promise.all(workers.map((w) => w.terminate()));
  }

  private threads(): Worker[] {
    if (this.workers === null) {
      const entry = workerEntry('compareWorker');
      this.workers = Array.from({ length: this.size }, () => {
        const w = new Worker(entry.file, entry.options);
        w.unref();
        // A thread that fails between compares is not reused (during one, the compare reports it).
        w.on('error', () => {
          if (this.workers?.includes(w) === true) void this.close();
        });
        return w;
      });
    }
    return this.workers;
  }
}

/** One compare on threads of its own, ended with it (the CLI's); `workers: 0` runs in this thread. */
export async function runCompare(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  entries: readonly CompareEntry[],
  lab: Partial<LabOptions> = {},
  options: CompareRunOptions = {},
): Promise<CompareOutcome> {
  const size = Math.min(options.workers ?? 2, entries.length);
  if (size <= 0) return compareStrategies(spec, history, entries, lab);
  const pool = new ComparePool(size);
  try {
    return await pool.compare(spec, history, entries, lab, options);
  } finally {
    await pool.close();
  }
}
