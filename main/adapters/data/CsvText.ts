import { exact } from '../../../shared/domain/ExactDecimal';

/** A problem in an imported file, with the 1-based line it is on (0 = the file as a whole). */
export interface CsvIssue {
  line: number;
  message: string;
}

/** At most this many issues are listed; a file wrong on every line would otherwise bury the first cause. */
export const MAX_ISSUES = 50;

export interface CsvRow {
  line: number;
  fields: string[];
}

export type CsvTable = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; issues: CsvIssue[] };

/**
 * Splits CSV text into a header and rows (RFC 4180 quoting, CRLF or LF, a leading BOM). Blank lines are
 * skipped; a row whose field count differs from the header's is an issue on its line.
 */
export function readCsvTable(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  const issues: CsvIssue[] = [];
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const fields = splitCsvLine(raw);
    if (fields === null) {
      issues.push({ line, message: 'unbalanced quotes' });
      continue;
    }
    if (header === null) {
      header = fields.map((f) => f.trim().toLowerCase());
      continue;
    }
    if (fields.length !== header.length) {
      issues.push({
        line,
        message: `expected ${header.length} fields (${quoteCsv(header.join(','))}), found ${fields.length}`,
      });
      continue;
    }
    rows.push({ line, fields: fields.map((f) => f.trim()) });
  }
  if (header === null)
    return { ok: false, issues: [{ line: 0, message: 'the file is empty (no header line)' }] };
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, header, rows };
}

function splitCsvLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/**
 * A decimal field as a number whose shortest text has the same value as the field (SPEC 2.10: the text
 * is the exact price). A field with more digits than a double can carry exactly is refused, not rounded.
 */
export function parseExactDecimal(text: string, name: string): ParsedNumber {
  if (text === '') return { ok: false, message: `${name} is empty` };
  if (!DECIMAL.test(text)) return { ok: false, message: `${name} "${quoteCsv(text)}" is not a number` };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: `${name} "${quoteCsv(text)}" is out of range` };
  if (String(value) !== text && !exact(value).equals(exact(text))) {
    return { ok: false, message: `${name} "${quoteCsv(text)}" has more digits than can be kept exactly` };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (m === null) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Appends `issue` unless the list is full; returns false once it is. */
export function pushIssue(issues: CsvIssue[], issue: CsvIssue): boolean {
  if (issues.length < MAX_ISSUES) issues.push(issue);
  return issues.length < MAX_ISSUES;
}

/** How much of a field or a line a message quotes: a 1 MB line must not become a 1 MB message. */
export const MAX_QUOTED = 200;

/** `text` as a message quotes it: at most its first {@link MAX_QUOTED} characters. */
export function quoteCsv(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}… (${text.length} characters)` : text;
}

/** One message listing the issues, as a user reads it. */
export function formatIssues(issues: readonly CsvIssue[], what: string): string {
  const lines = issues.map((i) => (i.line > 0 ? `  line ${i.line}: ${i.message}` : `  ${i.message}`));
  const more = issues.length >= MAX_ISSUES ? `\n  (only the first ${MAX_ISSUES} problems are listed)` : '';
  return `${what}: ${issues.length === 1 ? '1 problem' : `${issues.length} problems`}, nothing imported\n${lines.join('\n')}${more}`;
}
