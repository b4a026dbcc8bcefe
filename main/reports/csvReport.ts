import type { ReportModel, ReportTable } from './ReportModel';
import { cellKind, csvValue, reportTables } from './ReportModel';

/** One CSV text per table (RFC 4180, CRLF), keyed by the table id. */
export function renderCsvTables(model: ReportModel): { id: string; text: string }[] {
  return reportTables(model).map((t) => ({ id: t.id, text: renderCsvTable(t) }));
}

export function renderCsvTable(table: ReportTable): string {
  const lines = [table.columns.map((c) => quote(c.label)).join(',')];
  table.rows.forEach((row, r) =>
    lines.push(row.map((cell, c) => quote(csvValue(cell, cellKind(table, r, c)))).join(',')),
  );
  return `${lines.join('\r\n')}\r\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
