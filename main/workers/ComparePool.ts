import { Worker } from 'node:worker_threads';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import { prepareSimulation } from '../../shared/simulation';
import type {
  CompareEntry,
  CompareOutcome,
  CompareRow,
  CompareResult,
  LabOptions,
} from '../../shared/simulation/strategy';
import {
  assembleCompare,
  buyAndHoldOf,
  compareStrategies,
  matchingFor,
} from '../../shared/simulation/strategy';
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

/**
 * SPEC 10's compare on worker threads (SPEC 5: long runs never block the live loop or the UI): each
 * strategy is one task, handed to the next free worker; the bars are shared, not copied, and prepared
 * once per worker. A worker returns only the row the compare shows (metrics computed there, the equity
 * transferred); buy-and-hold is computed once, here. The threads live for one compare. The result is
 * the in-thread compare's, row for row.
 */
export async function runCompare(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  entries: readonly CompareEntry[],
  lab: Partial<LabOptions> = {},
  options: CompareRunOptions = {},
): Promise<CompareOutcome> {
  const size = Math.min(options.workers ?? 2, entries.length);
  if (size <= 0) return compareStrategies(spec, history, entries, lab);
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) return prepared;
  if (entries.length === 0)
    return { ok: false, code: 'INVALID_SPEC', message: 'choose at least one strategy to compare' };
  const entry = workerEntry('compareWorker');
  const workers = Array.from({ length: size }, () => new Worker(entry.file, entry.options));
  const shared = shareHistory(history);
  const rows: (CompareRow | undefined)[] = new Array(entries.length);
  // Set once the workers have their messages (it runs here meanwhile).
  const benchmark: { buyAndHold: CompareResult['buyAndHold'] | null } = { buyAndHold: null };
  let next = 0;
  let done = 0;
  try {
    const failure = await new Promise<{ code: string; message: string } | null>((resolve) => {
      const onAbort = (): void => resolve({ code: 'CANCELLED', message: 'the comparison was cancelled' });
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (w: Worker): void => {
        const index = next++;
        const e = entries[index];
        if (e !== undefined) w.postMessage({ type: 'entry', index, entry: e } satisfies ToCompareWorker);
      };
      for (const w of workers) {
        w.on('message', (m: FromCompareWorker) => {
          if (m.type === 'failed') return resolve({ code: m.code, message: m.message });
          rows[m.index] = { ...m.row, equityCents: plainArray(m.equityCents) };
          done++;
          options.onProgress?.(done, entries.length);
          if (done === entries.length) return resolve(null);
          feed(w);
        });
        w.on('error', (e) => resolve({ code: 'WORKER_FAILED', message: e.message }));
        w.postMessage({ type: 'init', spec, history: shared, lab } satisfies ToCompareWorker);
        feed(w);
      }
      // The benchmark row is the same for every entry: once, here, while the workers run the entries.
      benchmark.buyAndHold = buyAndHoldOf(prepared.plan);
    });
    if (failure !== null)
      return { ok: false, code: failure.code as 'CANCELLED' | 'INVALID_SPEC', message: failure.message };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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
