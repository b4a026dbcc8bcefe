import { parentPort } from 'node:worker_threads';
// Each import names the module it needs, never a barrel (shared/simulation's index, the strategy index):
// the worker's bundle then holds the engine and the compare only, not the sweeps, walk-forward,
// accounting of runs and reports a barrel pulls in (ADR 0145).
import type { Prepared } from '../../shared/simulation/runSimulation';
import { prepareSimulation } from '../../shared/simulation/runSimulation';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation/SimulationSpec';
import { compareRow } from '../../shared/simulation/strategy/compare';
import type { LabOptions } from '../../shared/simulation/strategy/runStrategy';
import type { FromCompareWorker, ToCompareWorker } from './compareProtocol';

/**
 * A compare worker: prepares the run once (the bars it was given are shared, not copied: sliced,
 * aligned and their dividends placed once per worker, not once per strategy), then runs each strategy
 * it is sent and returns only its row, the daily equity transferred.
 */
const port = parentPort;
if (port === null) throw new Error('compareWorker must run in a worker thread');
let plan: {
  run: number;
  spec: SimulationSpec;
  history: SymbolHistory[];
  lab: Partial<LabOptions>;
  prepared: Prepared | { code: string; message: string };
} | null = null;

port.on('message', (message: ToCompareWorker) => {
  const reply = (m: FromCompareWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  if (message.type === 'init') {
    const prepared = prepareSimulation(message.spec, message.history);
    plan = {
      run: message.run,
      spec: message.spec,
      history: message.history,
      lab: message.lab,
      prepared: prepared.ok ? prepared.plan : prepared,
    };
    return;
  }
  try {
    if (plan === null || plan.run !== message.run)
      return reply({
        type: 'failed',
        run: message.run,
        index: message.index,
        code: 'INVALID_SPEC',
        message: 'entry before init',
      });
    const prepared = plan.prepared;
    if (!('positions' in prepared))
      return reply({
        type: 'failed',
        run: message.run,
        index: message.index,
        code: prepared.code,
        message: prepared.message,
      });
    const r = compareRow(prepared, plan.spec, plan.history, message.entry, plan.lab);
    if (!r.ok)
      return reply({
        type: 'failed',
        run: message.run,
        index: message.index,
        code: r.code,
        message: r.message,
      });
    const { equityCents, ...row } = r.row;
    const equity = Float64Array.from(equityCents);
    reply({ type: 'row', run: message.run, index: message.index, row, equityCents: equity }, [equity.buffer]);
  } catch (e) {
    reply({
      type: 'failed',
      run: message.run,
      index: message.index,
      code: 'WORKER_FAILED',
      message: (e as Error).stack ?? String(e),
    });
  }
});
