import { parentPort } from 'node:worker_threads';
import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import type { LabOptions } from '../../shared/simulation/strategy';
import { compareRow } from '../../shared/simulation/strategy';
import type { FromCompareWorker, ToCompareWorker } from './compareProtocol';

/** A compare worker: runs each strategy it is sent on the bars it was given (shared, not copied). */
const port = parentPort;
if (port === null) throw new Error('compareWorker must run in a worker thread');
let plan: { spec: SimulationSpec; history: SymbolHistory[]; lab: Partial<LabOptions> } | null = null;

port.on('message', (message: ToCompareWorker) => {
  const reply = (m: FromCompareWorker): void => port.postMessage(m);
  if (message.type === 'init') {
    plan = { spec: message.spec, history: message.history, lab: message.lab };
    return;
  }
  try {
    if (plan === null)
      return reply({
        type: 'failed',
        index: message.index,
        code: 'INVALID_SPEC',
        message: 'entry before init',
      });
    const r = compareRow(plan.spec, plan.history, message.entry, plan.lab);
    if (!r.ok) return reply({ type: 'failed', index: message.index, code: r.code, message: r.message });
    reply({ type: 'row', index: message.index, row: r.row, buyAndHold: r.buyAndHold, dates: r.dates });
  } catch (e) {
    reply({
      type: 'failed',
      index: message.index,
      code: 'WORKER_FAILED',
      message: (e as Error).stack ?? String(e),
    });
  }
});
