import type { SimulationSpec, SymbolHistory } from '../../shared/simulation/SimulationSpec';
import type { CompareEntry, CompareRow } from '../../shared/simulation/strategy/compare';
import type { LabOptions } from '../../shared/simulation/strategy/runStrategy';

/** Messages between the compare pool and its workers (one compare at a time per pool; `run` numbers it). */
export type ToCompareWorker =
  | { type: 'init'; run: number; spec: SimulationSpec; history: SymbolHistory[]; lab: Partial<LabOptions> }
  | { type: 'entry'; run: number; index: number; entry: CompareEntry };

/**
 * A row as a worker sends it: the daily equity as a transferred Float64Array (moved, not cloned),
 * the rest as it is (metrics, round-trip statistics, markers: small).
 */
export type FromCompareWorker =
  | {
      type: 'row';
      run: number;
      index: number;
      row: Omit<CompareRow, 'equityCents'>;
      equityCents: Float64Array;
    }
  | { type: 'failed'; run: number; index: number; code: string; message: string };
