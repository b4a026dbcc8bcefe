import type { z } from 'zod';
import type {
  CsvImportedDto,
  HistorySourceDto,
  importCsvRequest,
  DatasetDto,
  RunDetailDto,
  RunInfoDto,
  startSimulationRequest,
} from '../../../shared/ipc/dto/simulation';
import type { IpcResult } from '../../../shared/ipc/result';

export type StartSimulation = z.output<typeof startSimulationRequest>;

/**
 * Simulation runs as the Simulation page drives them (SPEC 5): start (one run or a sweep), progress and
 * completion pushed as `simulation.progressed` / `simulation.finished`, cancel, list, results. Runs never
 * block the live loop or the UI: an implementation runs them off the main thread.
 */
export interface SimulationService {
  dataset(): Promise<DatasetDto>;
  // ── desk: the set-up form's sources and CSV imports (issue 15, ADR 0064) ──
  sources(): Promise<HistorySourceDto[]>;
  importCsv(request: z.output<typeof importCsvRequest>): IpcResult<CsvImportedDto>;
  start(request: StartSimulation): Promise<IpcResult<RunInfoDto>>;
  cancel(runId: string): IpcResult<RunInfoDto>;
  list(): RunInfoDto[];
  get(runId: string): IpcResult<RunDetailDto>;
  /** Writes a finished run's report in a format (SPEC 5 exports). */
  exportRun(
    runId: string,
    format: 'csv' | 'xlsx' | 'json' | 'html' | 'pdf',
    file: string,
  ): Promise<IpcResult<{ file: string; bytes: number }>>;
  /** Stops running work (app quit). */
  close(): Promise<void>;
}
