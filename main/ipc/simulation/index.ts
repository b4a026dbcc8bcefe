import type { Backend } from '../../composition/Backend';
import type { PushPublisher } from '../pushes/PushHub';
import type { SimulationService } from '../services/SimulationService';
import { EngineSimulationAdapter } from './EngineSimulationAdapter';

/** The Simulation page's service: the backend's own simulation service, in the contract's terms. */
export function createSimulationService(backend: Backend, pushes: PushPublisher): SimulationService {
  return new EngineSimulationAdapter(backend.simulations, backend.tenantId, pushes, backend.csvImports);
}
