import type { ReportModel, ReportTable } from './ReportModel';
import { cellKind, csvValue, headerOf, reportTables, unitOf } from './ReportModel';

/** One CSV text per table (RFC 4180, CRLF), keyed by the table id. */
export function renderCsvTables(model: ReportModel): { id: string; text: string }[] {
  return reportTables(model).map((t) => ({ id: t.id, text: renderCsvTable(t) }));
}

/**
 * A table as CSV: numbers as numbers (money in dollars, fractions as fractions), each header naming
 * its column's unit ("Cash (USD)", "Drawdown (fraction)"). A label/value table, whose rows change
 * kind, gets a last column `Unit` naming each row's.
 */
export function renderCsvTable(table: ReportTable): string {
  const perRow = table.rowKinds !== undefined;
  const header = [...table.columns.map((c) => headerOf(c, 'csv')), ...(perRow ? ['Unit'] : [])];
  const lines = [header.map(quote).join(',')];
  table.rows.forEach((row, r) => {
    const fields = row.map((cell, c) => csvValue(cell, cellKind(table, r, c)));
    if (perRow) fields.push(unitOf(table.rowKinds?.[r] ?? 'text', 'csv') ?? '');
    lines.push(fields.map(quote).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
