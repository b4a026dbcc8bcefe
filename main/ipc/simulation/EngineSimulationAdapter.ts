import { statSync } from 'node:fs';
import type { z } from 'zod';
import {
  historySourceIdSchema,
  type CsvImportedDto,
  type DatasetDto,
  type HistorySourceDto,
  type HistorySourceId,
  type importCsvRequest,
  type RunDetailDto,
  type RunInfoDto,
} from '../../../shared/ipc/dto/simulation';
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
import { walkForwardResultView, walkForwardView } from './walkForwardView';
import type { CsvImports } from '../../composition/Backend';
import type { CsvImportResult } from '../../adapters/data/CsvBarSource';
import { formatCount } from '../../../shared/format/Format';

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
    private readonly csv: CsvImports | null = null,
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
    const checked = await this.checkSource(request.setup, built.spec);
    if (checked !== null) return checked;
    const source = request.setup.source;
    const started = request.walkForward
      ? await this.engine.walkForward(this.tenantId, {
          spec: built.spec,
          source,
          plan: {
            inSampleMonths: request.walkForward.inSampleMonths,
            outOfSampleMonths: request.walkForward.outOfSampleMonths,
            metric: request.walkForward.metric,
            grid: toSweepGrid(request.sweep ?? { thresholds: [], rebalanceRatios: [] }, built.spec),
          },
        })
      : request.sweep
        ? await this.engine.sweep(this.tenantId, {
            spec: built.spec,
            grid: toSweepGrid(request.sweep, built.spec),
            source,
          })
        : await this.engine.start(this.tenantId, { spec: built.spec, source });
    if (!started.ok) return ipcFail(CODES[started.code], started.message);
    const record = this.engine.list(this.tenantId).find((r) => r.id === started.value.runId);
    return record
      ? ipcOk(runInfo(record))
      : ipcFail('internal', `run ${started.value.runId} was not recorded`);
  }

  // ── desk: history sources and CSV imports (issue 15, ADR 0064) ──

  /** Every source the engine has, with its intervals and the symbols it can answer for now. */
  async sources(): Promise<HistorySourceDto[]> {
    const list: HistorySourceDto[] = [];
    for (const info of this.engine.sources()) {
      const id = historySourceIdSchema.safeParse(info.id);
      if (!id.success) continue;
      const symbols = await this.engine.listSymbols(info.id);
      list.push({
        id: id.data,
        label: info.label,
        intervals: [...info.intervals],
        symbols: symbols.ok ? [...symbols.value].sort() : [],
        anySymbol: id.data === 'provider',
      });
    }
    return list;
  }

  /** A CSV import, all or nothing per file; a bad line is named with its number and what is wrong. */
  importCsv(request: ImportCsv): IpcResult<CsvImportedDto> {
    if (this.csv === null) return ipcFail('unavailable', 'CSV imports are not available in this build.');
    const name = request.fileName ?? 'the bars file';
    const bars = this.csv.importBars(request.symbol, request.bars, { fileName: name });
    if (!bars.ok) return csvFailure(bars, 'bars', name);
    let dividends: number | null = null;
    if (request.dividends !== undefined && request.dividends.trim() !== '') {
      const divs = this.csv.importDividends(request.symbol, request.dividends);
      if (!divs.ok) return csvFailure(divs, 'dividends', 'the dividends file');
      dividends = divs.rows;
    }
    return ipcOk({
      symbol: bars.symbol,
      rows: bars.rows,
      first: bars.first,
      last: bars.last,
      interval: bars.interval,
      dividends,
      message: `Imported ${formatCount(bars.rows)} ${bars.interval} bars of ${bars.symbol} (${bars.first} to ${bars.last})${dividends === null ? ' without dividends: none will be paid' : ` and ${formatCount(dividends)} dividends`}. Choose “Imported CSV files” to simulate on them.`,
    });
  }

  /** The source exists, offers the interval, has the symbols (the provider downloads any), and has volume for a cap. */
  private async checkSource(
    setup: StartSimulation['setup'],
    spec: SimulationSpec,
  ): Promise<IpcResult<never> | null> {
    const sources = await this.sources();
    const source = sources.find((s) => s.id === setup.source);
    const refuse = (path: string, message: string) => ipcFail('validation', message, [{ path, message }]);
    if (source === undefined)
      return refuse(
        'setup.source',
        setup.source === 'provider'
          ? 'The provider’s history needs the live provider (Yahoo): the demo replays the bundled data'
          : `There is no history source "${setup.source}"`,
      );
    if (!source.intervals.includes(setup.interval))
      return refuse(
        'setup.interval',
        `${source.label} has ${source.intervals.join(', ')} bars, not ${setup.interval}`,
      );
    if (setup.volumeCap !== null && setup.source === 'quote-log')
      return refuse('setup.volumeCap', 'The quote log has no volume: the volume cap cannot apply to it');
    if (!source.anySymbol) {
      const known = new Set(source.symbols);
      const unknown = spec.positions.map((p) => p.symbol).filter((s) => !known.has(s));
      if (unknown.length > 0)
        return refuse(
          'setup.symbols',
          `${source.label}: no history for ${unknown.join(', ')}${UNKNOWN_HINT[source.id]}`,
        );
    }
    return null;
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
    const { run, result, sweep, walkForward } = detail.value;
    return ipcOk({
      run: runInfo(run),
      result: result
        ? resultView(runId, result)
        : walkForward
          ? walkForwardResultView(runId, walkForward)
          : null,
      sweep: sweep ? sweepView(runId, sweep) : null,
      walkForward: walkForward ? walkForwardView(walkForward) : null,
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
    kind: record.kind === 'sweep' || record.kind === 'walk_forward' ? record.kind : 'single',
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

type ImportCsv = z.output<typeof importCsvRequest>;

const UNKNOWN_HINT: Record<HistorySourceId, string> = {
  bundled: '',
  csv: ': import a CSV for it first',
  provider: '',
  'quote-log': ': the live loop has logged no quote of it yet',
};

/** A refused file: one message naming the file and its first bad lines, each line an issue of the field. */
function csvFailure(
  r: Extract<CsvImportResult, { ok: false }>,
  field: 'bars' | 'dividends',
  name: string,
): IpcResult<never> {
  if (r.code === 'INVALID_SYMBOL')
    return ipcFail('validation', r.message, [{ path: 'symbol', message: r.message }]);
  const lines = r.issues.map((i) => (i.line > 0 ? `line ${i.line}: ${i.message}` : i.message));
  const shown = lines.slice(0, 3).join('; ');
  const more = lines.length > 3 ? ` (and ${lines.length - 3} more)` : '';
  return ipcFail(
    'validation',
    `${name} was not imported: ${shown}${more}`,
    lines.map((message) => ({ path: field, message })),
  );
}
