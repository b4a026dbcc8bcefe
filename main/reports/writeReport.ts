import path from 'node:path';
import type { SimulationResult } from '../../shared/simulation';
import { writeAllOrNothing } from './atomicWrite';
import { renderCsvTables } from './csvReport';
import { renderHtmlReport } from './htmlReport';
import { renderJsonReport } from './jsonReport';
import { renderPdfReport } from './pdfReport';
import type { ReportModel } from './ReportModel';
import { buildReportModel } from './ReportModel';
import { renderXlsxReport } from './xlsxReport';

export const REPORT_FORMATS = ['pdf', 'html', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportOutcome =
  { ok: true; files: string[] } | { ok: false; code: 'UNKNOWN_FORMAT' | 'WRITE_FAILED'; message: string };

/** The format a path asks for, from its extension. */
export function reportFormatOf(file: string): ReportFormat | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (REPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ReportFormat) : null;
}

/**
 * Renders a report in the format of `file`'s extension and writes it. Everything is rendered in
 * memory first, then written to temporary files renamed into place, so a failure leaves nothing
 * behind. CSV gives one file per table: `<name>.csv` is the summary, `<name>.<table>.csv` the others.
 */
export async function writeReport(result: SimulationResult, file: string): Promise<ReportOutcome> {
  const model = buildReportModel(result);
  return writeModelReport(model, file, new Date(`${result.inputs.lastSession}T00:00:00Z`), () =>
    renderJsonReport(model, result),
  );
}

/**
 * A report model written as `file` in the format of its extension, atomically (every report of SPEC 5
 * and the compare of SPEC 10 go through it): PDF, HTML, XLSX and CSV render the model; JSON is the
 * caller's (`json`), each report's own document. `stamp` dates the PDF and XLSX.
 */
export async function writeModelReport(
  model: ReportModel,
  file: string,
  stamp: Date,
  json: () => string,
): Promise<ReportOutcome> {
  const format = reportFormatOf(file);
  if (format === null) {
    return {
      ok: false,
      code: 'UNKNOWN_FORMAT',
      message: `cannot tell the report format of "${file}": use .${REPORT_FORMATS.join(', .')}`,
    };
  }
  let outputs: { file: string; data: string | Buffer }[];
  switch (format) {
    case 'json':
      outputs = [{ file, data: json() }];
      break;
    case 'html':
      outputs = [{ file, data: renderHtmlReport(model) }];
      break;
    case 'xlsx':
      outputs = [{ file, data: await renderXlsxReport(model, stamp) }];
      break;
    case 'pdf':
      outputs = [{ file, data: await renderPdfReport(model, stamp) }];
      break;
    case 'csv': {
      const base = file.slice(0, -'.csv'.length);
      outputs = renderCsvTables(model).map((t) => ({
        file: t.id === 'summary' ? file : `${base}.${t.id}.csv`,
        data: t.text,
      }));
      break;
    }
  }
  return writeAllOrNothing(outputs);
}
