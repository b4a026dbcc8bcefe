import { statSync } from 'node:fs';
import type { DatasetDto, RunDetailDto, RunInfoDto } from '../../../shared/ipc/dto/simulation';
import { ipcFail, ipcOk, type IpcErrorCode, type IpcResult } from '../../../shared/ipc/result';
import type { SimulationRunRecord } from '../../../shared/ports/SimulationRunRepository';
import type { SimulationSpec } from '../../../shared/simulation';
import type {
  SimulationService as EngineService,
  SimulationServiceErrorCode,
} from '../../simulation/SimulationService';
import type { PushPublisher } from '../pushes/PushHub';
import type { SimulationService, StartSimulation } from '../services/SimulationService';
import { setupToSpec, toSweepGrid } from './setupToSpec';
import { resultView, sweepView } from './views';

const CODES: Record<SimulationServiceErrorCode, IpcErrorCode> = {
  NOT_FOUND: 'not_found',
  UNKNOWN_SOURCE: 'validation',
  INVALID_SPEC: 'validation',
  INVALID_GRID: 'validation',
  INVALID_PLAN: 'validation',
  NOT_RUNNING: 'conflict',
  NOT_FINISHED: 'conflict',
  UNSUPPORTED_FORMAT: 'validation',
  INVALID_FILE: 'validation',
  WRITE_FAILED: 'internal',
  SOURCE_ERROR: 'unavailable',
  CLOSED: 'unavailable',
};

/**
 * The Simulation page over the backend's simulation service (main/simulation, ADR 0050): runs stored in
 * the `sim_*` tables (they survive a restart), executed on worker threads, exported by main/reports.
 */
export class EngineSimulationAdapter implements SimulationService {
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly engine: EngineService,
    private readonly tenantId: string,
    pushes: PushPublisher,
  ) {
    this.unsubscribe = [
      engine.onProgress((e) => {
        if (e.tenantId === tenantId)
          pushes.publish('simulation.progressed', {
            runId: e.runId,
            done: Math.round(e.fraction * 100),
            total: 100,
          });
      }),
      engine.onFinished((e) => {
        if (e.tenantId !== tenantId) return;
        const status = e.status === 'DONE' ? 'done' : e.status === 'FAILED' ? 'failed' : 'cancelled';
        pushes.publish('simulation.finished', { runId: e.runId, status, error: e.error?.message ?? null });
      }),
    ];
  }

  /** The symbols of the bundled dataset (the history the Simulation page replays). */
  async dataset(): Promise<DatasetDto> {
    const symbols = await this.engine.listSymbols('bundled');
    return { symbols: symbols.ok ? [...symbols.value].sort() : [] };
  }

  async start(request: StartSimulation): Promise<IpcResult<RunInfoDto>> {
    const built = setupToSpec(request.setup);
    if (!built.ok) return ipcFail('validation', built.message, built.issues);
    const known = new Set((await this.dataset()).symbols);
    const unknown = built.spec.positions.map((p) => p.symbol).filter((s) => !known.has(s));
    if (unknown.length > 0) {
      const message = `no bundled history for ${unknown.join(', ')}`;
      return ipcFail('validation', message, [{ path: 'setup.symbols', message }]);
    }
    const started = request.sweep
      ? await this.engine.sweep(this.tenantId, {
          spec: built.spec,
          grid: toSweepGrid(request.sweep, built.spec),
          source: 'bundled',
        })
      : await this.engine.start(this.tenantId, { spec: built.spec, source: 'bundled' });
    if (!started.ok) return ipcFail(CODES[started.code], started.message);
    const record = this.engine.list(this.tenantId).find((r) => r.id === started.value.runId);
    return record
      ? ipcOk(runInfo(record))
      : ipcFail('internal', `run ${started.value.runId} was not recorded`);
  }

  cancel(runId: string): IpcResult<RunInfoDto> {
    const cancelled = this.engine.cancel(this.tenantId, runId);
    if (!cancelled.ok && cancelled.code !== 'NOT_RUNNING')
      return ipcFail(CODES[cancelled.code], cancelled.message);
    const detail = this.engine.get(this.tenantId, runId);
    return detail.ok ? ipcOk(runInfo(detail.value.run)) : ipcFail(CODES[detail.code], detail.message);
  }

  list(): RunInfoDto[] {
    return this.engine.list(this.tenantId).map(runInfo);
  }

  get(runId: string): IpcResult<RunDetailDto> {
    const detail = this.engine.get(this.tenantId, runId);
    if (!detail.ok) return ipcFail(CODES[detail.code], detail.message);
    const { run, result, sweep } = detail.value;
    return ipcOk({
      run: runInfo(run),
      result: result ? resultView(runId, result) : null,
      sweep: sweep ? sweepView(runId, sweep) : null,
    });
  }

  async exportRun(runId: string, format: 'csv' | 'xlsx' | 'json' | 'html' | 'pdf', file: string) {
    const written = await this.engine.exportRun(this.tenantId, runId, format, file);
    if (!written.ok) return ipcFail(CODES[written.code], written.message);
    const [first] = written.value.files;
    return ipcOk({
      file: first ?? file,
      bytes: written.value.files.reduce((sum, f) => sum + statSync(f).size, 0),
    });
  }

  /** Stops listening; the engine belongs to the backend, which stops it. */
  close(): Promise<void> {
    for (const off of this.unsubscribe) off();
    return Promise.resolve();
  }
}

/** A stored run as the run list shows it. */
export function runInfo(record: SimulationRunRecord): RunInfoDto {
  const spec = (record.params as { spec?: Partial<SimulationSpec> } | null)?.spec;
  const status =
    record.status === 'DONE'
      ? 'done'
      : record.status === 'FAILED'
        ? 'failed'
        : record.status === 'CANCELLED'
          ? 'cancelled'
          : 'running';
  return {
    id: record.id,
    kind: record.kind === 'sweep' || record.kind === 'walk_forward' ? 'sweep' : 'single',
    status,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
    symbols: spec?.positions?.map((p) => p.symbol) ?? [],
    from: spec?.from ?? '1990-01-01',
    to: spec?.to ?? '1990-01-01',
    progress: { done: Math.round(record.progress * 100), total: 100 },
    error: record.error?.message ?? null,
    totalReturn: record.kind === 'sweep' ? null : (record.headline?.strategy?.totalReturn ?? null),
    buyHoldReturn: record.kind === 'sweep' ? null : (record.headline?.buyAndHold?.totalReturn ?? null),
  };
}
