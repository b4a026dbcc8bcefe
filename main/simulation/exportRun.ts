import type { SweepGrid } from '../../shared/simulation';
import type { ReportFormat } from '../reports';
import { REPORT_FORMATS, reportFormatOf, writeReport } from '../reports';
import { writeSweep, writeWalkForward } from '../reports/sweepOutput';
import type { SimulationRunDetail, SimulationServiceResult } from './SimulationService';

type Exported = SimulationServiceResult<{ files: string[] }>;

/** The formats a sweep or a walk-forward exports to: tables, not a report with charts. */
const SEARCH_FORMATS: readonly ReportFormat[] = ['csv', 'json'];

/**
 * Writes a run's stored result (main/reports): a single or portfolio run through `writeReport` in any
 * format; a sweep's rows, or a walk-forward's windows and stitched equity, as CSV or JSON (the shapes
 * the CLI writes). `filePath` gets the format's extension when it has none of the report formats.
 */
export async function exportRunDetail(
  detail: SimulationRunDetail,
  format: ReportFormat,
  filePath: string,
): Promise<Exported> {
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    return fail('UNSUPPORTED_FORMAT', `"${format}" is not a report format (${REPORT_FORMATS.join(', ')})`);
  const given = reportFormatOf(filePath);
  if (given !== null && given !== format)
    return fail('INVALID_FILE', `${filePath} names a .${given} file, not .${format}`);
  const file = given === null ? `${filePath}.${format}` : filePath;
  const { run } = detail;
  if (run.kind === 'sweep' || run.kind === 'walk_forward') {
    if (!SEARCH_FORMATS.includes(format))
      return fail(
        'UNSUPPORTED_FORMAT',
        `a ${label(run.kind)} exports as ${SEARCH_FORMATS.join(' or ')}, not ${format}`,
      );
  }
  const grid = gridOf(run.params);
  let written: Awaited<ReturnType<typeof writeSweep>>;
  if (detail.result !== null) {
    const report = await writeReport(detail.result, file);
    return report.ok
      ? { ok: true, value: { files: report.files } }
      : fail(report.code === 'WRITE_FAILED' ? 'WRITE_FAILED' : 'INVALID_FILE', report.message);
  } else if (detail.sweep !== null) {
    written = await writeSweep(detail.sweep, grid, file);
  } else if (detail.walkForward !== null) {
    written = await writeWalkForward(detail.walkForward, grid, file);
  } else {
    return fail('NOT_FINISHED', `run ${run.id} has no result to export (it is ${run.status})`);
  }
  return written.ok ? { ok: true, value: { files: written.files } } : fail('WRITE_FAILED', written.message);
}

/** The grid the run was asked with (a sweep's, or a walk-forward plan's), from its stored params. */
function gridOf(params: unknown): SweepGrid | null {
  const p = params as { grid?: SweepGrid; plan?: { grid?: SweepGrid } } | null;
  return p?.grid ?? p?.plan?.grid ?? null;
}

function label(kind: 'sweep' | 'walk_forward'): string {
  return kind === 'sweep' ? 'sweep' : 'walk-forward';
}

function fail(
  code: 'UNSUPPORTED_FORMAT' | 'INVALID_FILE' | 'NOT_FINISHED' | 'WRITE_FAILED',
  message: string,
): Exported {
  return { ok: false, code, message };
}
