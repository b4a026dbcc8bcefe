import { parentPort } from 'node:worker_threads';
import type { SweepRunner } from '../../shared/simulation';
import { runSimulation, walkForward } from '../../shared/simulation';
import type { FromSimulationWorker, ToSimulationWorker } from './simulationProtocol';
import { SweepPool } from './SweepPool';

/**
 * The simulation thread: replays one run, or one walk-forward, at a time for the simulation service,
 * so the caller's event loop (the live loop, the UI) never waits for a replay. A walk-forward's
 * in-sample sweeps go to a sweep pool of this thread's own; its out-of-sample replays run here.
 */
const port = parentPort;
if (port === null) throw new Error('simulationWorker must run in a worker thread');
const post = (m: FromSimulationWorker): void => port.postMessage(m);
const cancels = new Map<number, AbortController>();
let pool: SweepPool | null = null;

port.on('message', (message: ToSimulationWorker) => {
  if (message.type === 'close') {
    for (const c of cancels.values()) c.abort();
    void (pool?.close() ?? Promise.resolve()).finally(() => port.close());
    return;
  }
  if (message.type === 'cancel') {
    cancels.get(message.job)?.abort();
    return;
  }
  const { job, cancel } = message;
  const controller = new AbortController();
  cancels.set(job, controller);
  const signal = {
    get aborted(): boolean {
      return controller.signal.aborted || Atomics.load(cancel, 0) !== 0;
    },
  };
  const onProgress = (done: number, total: number): void => post({ type: 'progress', job, done, total });
  void (async () => {
    try {
      if (message.type === 'run') {
        post({
          type: 'run',
          job,
          outcome: runSimulation(message.spec, message.history, { onProgress, signal }),
        });
        return;
      }
      const sweeps = (pool ??= new SweepPool(message.sweepWorkers));
      const runSweep: SweepRunner = (spec, history, grid, metric) =>
        sweeps.run(spec, history, grid, { metric, signal: controller.signal });
      if (Atomics.load(cancel, 0) !== 0) controller.abort();
      const outcome = await walkForward(message.spec, message.history, message.plan, {
        runSweep,
        onProgress,
        signal,
      });
      post({ type: 'walkForward', job, outcome });
    } catch (e) {
      post({ type: 'failed', job, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    } finally {
      cancels.delete(job);
    }
  })();
});
