import type { Backend } from '../composition/Backend';
import { createDispatcher, type Dispatch, type DispatchOptions } from './dispatch';
import { createHandlers } from './handlers';
import type { HostServices } from './HostServices';
import { bridgeBackendPushes } from './pushes/backendPushes';
import { createPushHub, type PushHub, type PushPublisher } from './pushes/PushHub';
import type { SimulationService } from './services/SimulationService';

export interface IpcOptions extends DispatchOptions {
  backend: Backend;
  host: HostServices;
  /** The simulation service, built over the push hub (so it can push progress); none → `unavailable`. */
  simulations?: ((pushes: PushPublisher) => SimulationService) | null;
}

export interface Ipc {
  /** Validates and runs one request; both transports call it. */
  dispatch: Dispatch;
  /** Every push (backend facts, settings, simulation progress) goes through here to the sinks. */
  hub: PushHub;
  /** Stops listening to the backend and cancels running simulations. */
  close(): Promise<void>;
}

/** The transport-independent IPC core: handlers derived from the contract, and the push hub. */
export function createIpc(options: IpcOptions): Ipc {
  const log = options.log ?? ((message: string, detail?: unknown) => console.error(message, detail));
  const hub = createPushHub(log);
  const simulations = options.simulations ? options.simulations(hub) : null;
  const handlers = createHandlers({
    backend: options.backend,
    host: options.host,
    pushes: hub,
    simulations,
  });
  const dispatch = createDispatcher(handlers, { responseCheck: options.responseCheck ?? 'strict', log });
  const unsubscribe = bridgeBackendPushes(options.backend, hub, () => options.host.tickIntervalMs());
  return {
    dispatch,
    hub,
    close: async () => {
      unsubscribe();
      await simulations?.close();
    },
  };
}
