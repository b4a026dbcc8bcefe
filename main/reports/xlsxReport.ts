import ExcelJS from 'exceljs';
import type { CellKind, ReportModel, ReportTable } from './ReportModel';
import { cellKind, reportTables } from './ReportModel';

const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  money: '#,##0.00',
  percent: '0.00%',
  integer: '#,##0',
};

/**
 * An XLSX workbook with one sheet per table (summary, metrics, monthly tables, equity, trades,
 * events). Numbers stay numbers (money in dollars, percentages as fractions with a % format) so the
 * sheets can be computed on. Dates of the workbook are fixed to the run's last session, so the same
 * run gives the same file content.
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

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable): void {
  const sheet = workbook.addWorksheet(sheetName(table), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: c.label,
    key: `c${i}`,
    width: Math.min(
      48,
      Math.max(10, c.label.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2)),
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  table.rows.forEach((row, r) => {
    const values = row.map((cell, c) => {
      const kind = cellKind(table, r, c);
      return typeof cell === 'number' && kind === 'money' ? cell / 100 : cell;
    });
    const added = sheet.addRow(values);
    row.forEach((cell, c) => {
      const format = typeof cell === 'number' ? NUMBER_FORMATS[cellKind(table, r, c)] : undefined;
      if (format !== undefined) added.getCell(c + 1).numFmt = format;
    });
  });
}
