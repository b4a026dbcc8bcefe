import { ipcFail, ipcOk } from '../../../shared/ipc/result';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';

type Channels = Extract<keyof Handlers, `simulation.${string}`>;

const UNAVAILABLE = 'Simulation is not available in this build yet.';

/** The Simulation page: delegates to the simulation service (runs off the main thread). */
export function simulationHandlers({ simulations }: HandlerDeps): Pick<Handlers, Channels> {
  return {
    'simulation.getDataset': async () =>
      simulations ? ipcOk(await simulations.dataset()) : ipcFail('unavailable', UNAVAILABLE),
    'simulation.startSimulation': (req) =>
      simulations ? simulations.start(req) : ipcFail('unavailable', UNAVAILABLE),
    'simulation.cancelSimulation': (req) =>
      simulations ? simulations.cancel(req.runId) : ipcFail('unavailable', UNAVAILABLE),
    'simulation.listRuns': () => ipcOk(simulations ? simulations.list() : []),
    'simulation.getRun': (req) =>
      simulations ? simulations.get(req.runId) : ipcFail('unavailable', UNAVAILABLE),
    'simulation.listSources': async () =>
      simulations ? ipcOk(await simulations.sources()) : ipcFail('unavailable', UNAVAILABLE),
    'simulation.importCsv': (req) =>
      simulations ? simulations.importCsv(req) : ipcFail('unavailable', UNAVAILABLE),
  };
}
