import ExcelJS from 'exceljs';
import { priceDecimals } from '../../shared/format/Format';
import type { CellKind, ReportModel, ReportTable } from './ReportModel';
import { cellKind, headerOf, reportTables, unitOf } from './ReportModel';

/**
 * An XLSX workbook with one sheet per table (summary, metrics, monthly tables, equity, trades,
 * events). Numbers stay numbers (money in dollars, percentages as fractions) so the sheets can be
 * computed on; each cell carries a number format that shows it as the one formatter would (currency,
 * separators, a price's own decimals, percents), and each header names its unit. Dates of the
 * workbook are fixed to the run's last session, so the same run gives the same file content.
 */
export async function renderXlsxReport(model: ReportModel, stamp: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Volatility Balancing';
  workbook.title = model.title;
  workbook.created = stamp;
  workbook.modified = stamp;
  for (const table of reportTables(model)) addSheet(workbook, table);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
export function sheetName(table: ReportTable): string {
  return table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** The Excel number format that shows `value` of `kind` as shared/format would. */
export function excelFormat(kind: CellKind, value: number): string | undefined {
  const decimals = (n: number): string => (n > 0 ? `.${'0'.repeat(n)}` : '');
  switch (kind) {
    case 'money':
      return '"$"#,##0.00;"\u2212$"#,##0.00';
    case 'price':
      return `"$"#,##0${decimals(priceDecimals(value))}`;
    case 'percent':
      return '0.00%';
    case 'setting': {
      // The decimals the percent has (0.001 → 0.1 %), as formatPercentSetting shows it.
      const percent = String(Number((value * 100).toPrecision(12)));
      const dot = percent.indexOf('.');
      return `0${decimals(dot < 0 || percent.includes('e') ? 0 : percent.length - dot - 1)}%`;
    }
    case 'qty':
      return Number.isInteger(value) ? '#,##0' : '#,##0.0#####';
    case 'integer':
      return '#,##0';
    case 'ratio':
      return '0.00';
    case 'number':
      return Number.isInteger(value) ? '#,##0' : '#,##0.0#####';
    case 'bps':
      return `0${Number.isInteger(value) ? '' : '.0'}" bps"`;
    default:
      return undefined;
  }
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const sheet = workbook.addWorksheet(sheetName(table), { views: [{ state: 'frozen', ySplit: 1 }] });
  const perRow = table.rowKinds !== undefined;
  const headers = [...table.columns.map((c) => headerOf(c, 'xlsx')), ...(perRow ? ['Unit'] : [])];
  sheet.columns = headers.map((header, i) => ({
    header,
    key: `c${i}`,
    width: Math.min(
      48,
      Math.max(10, header.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2)),
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  table.rows.forEach((row, r) => {
    const values: (string | number | null)[] = row.map((cell, c) => {
      const kind = cellKind(table, r, c);
      return typeof cell === 'number' && kind === 'money' ? cell / 100 : cell;
    });
    if (perRow) values.push(unitOf(table.rowKinds?.[r] ?? 'text', 'xlsx'));
    const added = sheet.addRow(values);
    row.forEach((cell, c) => {
      const format = typeof cell === 'number' ? excelFormat(cellKind(table, r, c), cell) : undefined;
      if (format !== undefined) added.getCell(c + 1).numFmt = format;
    });
  });
}
