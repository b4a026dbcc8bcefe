import type { SimulationSpec, SymbolHistory } from '../../shared/simulation';
import type { CompareEntry, CompareResult, CompareRow, LabOptions } from '../../shared/simulation/strategy';

/** Messages between the compare pool and its workers (one compare at a time per pool). */
export type ToCompareWorker =
  | { type: 'init'; spec: SimulationSpec; history: SymbolHistory[]; lab: Partial<LabOptions> }
  | { type: 'entry'; index: number; entry: CompareEntry };

export type FromCompareWorker =
  | { type: 'row'; index: number; row: CompareRow; buyAndHold: CompareResult['buyAndHold']; dates: string[] }
  | { type: 'failed'; index: number; code: string; message: string };
