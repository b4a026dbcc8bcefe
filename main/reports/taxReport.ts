import path from 'node:path';
import type { TaxReport } from '../../shared/application/accounting/accountingViews';
import { writeAllOrNothing, type WriteOutcome } from './atomicWrite';
import { renderCsvTables } from './csvReport';
import { renderPdfReport } from './pdfReport';
import type { Column, ReportModel, ReportTable } from './ReportModel';
import { renderXlsxReport } from './xlsxReport';

export const TAX_REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type TaxReportFormat = (typeof TAX_REPORT_FORMATS)[number];

export function taxReportFormatOf(file: string): TaxReportFormat | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (TAX_REPORT_FORMATS as readonly string[]).includes(ext) ? (ext as TaxReportFormat) : null;
}

const col = (key: string, label: string, kind: Column['kind']): Column => ({ key, label, kind });

/**
 * SPEC 8 "Reports" as the report model every exporter lays out (CSV, XLSX, PDF): the year's realised
 * gains (short and long term, after wash-sale adjustments), the yearly columns, every sale in the tax
 * view, and the holdings statement (lots, cost, value).
 */
export function taxReportModel(report: TaxReport): ReportModel {
  const s = report.summary;
  const summary: ReportTable = {
    id: 'summary',
    title: `Realised gains ${report.year}`,
    columns: [col('item', 'Item', 'text'), col('value', 'Value', 'text')],
    rows: [
      ['Sales (lot parts)', s.sales],
      ['Proceeds', s.proceedsCents],
      ['Tax cost', s.taxCostCents],
      ['Short-term gain', s.shortTermCents],
      ['Long-term gain', s.longTermCents],
      ['Wash-sale loss disallowed', s.disallowedCents],
    ],
    rowKinds: ['integer', 'money', 'money', 'money', 'money', 'money'],
  };
  const years: ReportTable = {
    id: 'years',
    title: 'Realised gains per year',
    columns: [
      col('year', 'Year', 'text'),
      col('sales', 'Sales', 'integer'),
      col('proceeds', 'Proceeds', 'money'),
      col('cost', 'Tax cost', 'money'),
      col('short', 'Short term', 'money'),
      col('long', 'Long term', 'money'),
      col('disallowed', 'Wash sales disallowed', 'money'),
    ],
    rows: report.years.map((y) => [
      String(y.year),
      y.sales,
      y.proceedsCents,
      y.taxCostCents,
      y.shortTermCents,
      y.longTermCents,
      y.disallowedCents,
    ]),
  };
  const sales: ReportTable = {
    id: 'sales',
    title: `Sales ${report.year}`,
    columns: [
      col('symbol', 'Symbol', 'text'),
      col('acquired', 'Holding start', 'date'),
      col('sold', 'Sold', 'date'),
      col('qty', 'Shares', 'qty'),
      col('proceeds', 'Proceeds', 'money'),
      col('cost', 'Tax cost', 'money'),
      col('adjustment', 'Of which wash-sale adjustment', 'money'),
      col('gain', 'Gain or loss', 'money'),
      col('disallowed', 'Loss disallowed', 'money'),
      col('reported', 'Reported gain', 'money'),
      col('term', 'Term', 'text'),
    ],
    rows: report.sales.map((p) => [
      p.symbol,
      p.holdingStart,
      p.closeDate,
      p.qty,
      p.proceedsCents,
      p.taxCostCents,
      p.basisAdjustmentCents,
      p.gainCents,
      p.disallowedCents,
      p.reportedGainCents,
      p.longTerm ? 'long' : 'short',
    ]),
  };
  const holdings: ReportTable = {
    id: 'holdings',
    title: 'Holdings: open lots',
    columns: [
      col('symbol', 'Symbol', 'text'),
      col('opened', 'Bought', 'date'),
      col('qty', 'Shares', 'qty'),
      col('price', 'Price paid', 'price'),
      col('cost', 'Cost', 'money'),
      col('taxCost', 'Tax cost', 'money'),
      col('value', 'Value', 'money'),
      col('unrealised', 'Unrealised', 'money'),
    ],
    rows: report.holdings.flatMap((h) =>
      h.lots.map((l) => [
        h.symbol,
        l.openDate,
        l.qty,
        l.price,
        l.costCents,
        l.taxCostCents,
        l.marketValueCents,
        l.unrealisedCents,
      ]),
    ),
  };
  return {
    title: `Tax report ${report.year}`,
    subtitle: 'Realised gains with wash-sale adjustments (US), and holdings',
    summary,
    metrics: years,
    monthly: [],
    equity: holdings,
    trades: sales,
    events: {
      id: 'notes',
      title: 'Notes',
      columns: [col('note', 'Note', 'text')],
      rows: NOTES.map((n) => [n]),
    },
    charts: [],
  };
}

const NOTES = [
  'Lots close in the portfolio’s order (FIFO unless set to LIFO or HIFO); costs include commissions.',
  'A loss is disallowed when shares of the same symbol were bought within 30 days before or after the sale (IRS Publication 550); it is added to those shares’ cost.',
  'Long term: sold after the first anniversary of the holding start.',
];

/** Writes the tax report in the format of the file's extension (CSV: one file per table). */
export async function writeTaxReport(
  report: TaxReport,
  file: string,
): Promise<WriteOutcome | { ok: false; code: 'UNKNOWN_FORMAT'; message: string }> {
  const format = taxReportFormatOf(file);
  if (format === null) {
    return {
      ok: false,
      code: 'UNKNOWN_FORMAT',
      message: `use a .csv, .xlsx or .pdf file for the tax report, not "${file}"`,
    };
  }
  const model = taxReportModel(report);
  const stamp = new Date(`${report.year}-12-31T00:00:00Z`);
  if (format === 'xlsx') return writeAllOrNothing([{ file, data: await renderXlsxReport(model, stamp) }]);
  if (format === 'pdf') return writeAllOrNothing([{ file, data: await renderPdfReport(model, stamp) }]);
  const base = file.slice(0, -'.csv'.length);
  return writeAllOrNothing(
    renderCsvTables(model).map((t) => ({
      file: t.id === 'summary' ? file : `${base}.${t.id}.csv`,
      data: t.text,
    })),
  );
}
