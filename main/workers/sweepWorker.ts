import { parentPort } from 'node:worker_threads';
import type { Prepared, SimulationSpec, SymbolHistory } from '../../shared/simulation';
import { buyAndHoldMetrics, prepareSimulation, runSweepChunk } from '../../shared/simulation';
import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';

/**
 * A sweep worker: for each sweep it prepares the run once (bars sliced and aligned), then replays each
 * chunk of parameter sets it is sent and posts the rows back. It lives as long as its pool.
 */
const port = parentPort;
if (port === null) throw new Error('sweepWorker must run in a worker thread');
let plan: { run: number; prepared: Prepared; spec: SimulationSpec; history: SymbolHistory[] } | null = null;

port.on('message', (message: ToSweepWorker) => {
  const reply = (m: FromSweepWorker): void => port.postMessage(m);
  const { run } = message;
  try {
    if (message.type === 'init') {
      const prepared = prepareSimulation(message.spec, message.history);
      if (!prepared.ok) return reply({ type: 'failed', run, message: prepared.message });
      plan = { run, prepared: prepared.plan, spec: message.spec, history: message.history };
      return reply({ type: 'ready', run });
    }
    if (plan === null || plan.run !== run)
      return reply({ type: 'failed', run, message: 'chunk before init' });
    if (message.type === 'buyAndHold') {
      return reply({ type: 'buyAndHold', run, metrics: buyAndHoldMetrics(plan.spec, plan.history) });
    }
    reply({
      type: 'rows',
      run,
      id: message.id,
      rows: runSweepChunk(plan.prepared, message.params, message.first),
    });
  } catch (e) {
    reply({ type: 'failed', run, message: (e as Error).stack ?? String(e) });
  }
});
