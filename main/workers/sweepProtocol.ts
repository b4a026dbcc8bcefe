import type { PerformanceMetrics } from '../../shared/domain/metrics';
import type { SimulationSpec, SweepParams, SweepRow, SymbolHistory } from '../../shared/simulation';

/** Messages between the sweep pool and its workers; `run` tells one sweep's messages from another's. */
export type ToSweepWorker =
  | { type: 'init'; run: number; spec: SimulationSpec; history: SymbolHistory[] }
  | { type: 'chunk'; run: number; id: number; first: number; params: SweepParams[] }
  | { type: 'buyAndHold'; run: number };

export type FromSweepWorker =
  | { type: 'ready'; run: number }
  | { type: 'failed'; run: number; message: string }
  | { type: 'rows'; run: number; id: number; rows: SweepRow[] }
  | { type: 'buyAndHold'; run: number; metrics: PerformanceMetrics | null };
