import type { Backend } from '../../composition/Backend';
import type { HostServices } from '../HostServices';
import type { PushPublisher } from '../pushes/PushHub';
import type { SimulationService } from '../services/SimulationService';

/** What every handler module is built from: the backend, the shell's services and the push hub. */
export interface HandlerDeps {
  backend: Backend;
  host: HostServices;
  pushes: PushPublisher;
  /** Simulations and their exports; absent until wired, then the channels answer `unavailable`. */
  simulations: SimulationService | null;
}
