import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { taxReport } from '../../shared/application/accounting/accountingViews';
import { Ledger } from '../../shared/domain/accounting/Ledger';
import { buy, opened, sell } from '../../shared/domain/accounting/testFacts';
import { formatMoney } from '../../shared/format/Format';
import { readCsvTable } from '../adapters/data/CsvText';
import { writeTaxReport } from './taxReport';

/**
 * SPEC 8 "Reports" written as CSV, XLSX and PDF and read back, hand-worked: 10 AAA bought at $100 on
 * 2 Jan 2024, sold at $90 on 1 Feb (a $100 loss), 10 bought back at $92 on 20 Feb — a wash sale: the
 * $100 is disallowed and added to the replacement's cost ($920 + $100 = $1,020), which is still held.
 */
const facts = [
  opened('2024-01-02', 1_000_000),
  buy('2024-01-02', 10, 100),
  sell('2024-02-01', 10, 90),
  buy('2024-02-20', 10, 92),
];
const ledger = new Ledger().applyAll(facts);
const report = taxReport(
  { ledger, facts, portfolioOf: new Map([['p1', 'pf']]) },
  2024,
  '2024-12-31',
  () => 95,
);
const dir = mkdtempSync(path.join(tmpdir(), 'vb-tax-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tax report files', () => {
  it('the year: one sale, a $100 loss, all of it disallowed; the replacement carries it', () => {
    expect(report.summary).toMatchObject({
      sales: 1,
      proceedsCents: 90_000,
      disallowedCents: 10_000,
      shortTermCents: 0,
    });
    expect(report.holdings[0]?.lots[0]).toMatchObject({ costCents: 92_000, taxCostCents: 102_000 });
  });

  it('CSV: one file per table, the summary under the name asked', async () => {
    const file = path.join(dir, 'tax.csv');
    const outcome = await writeTaxReport(report, file);
    expect(outcome.ok && outcome.files.map((f) => path.basename(f))).toEqual([
      'tax.csv',
      'tax.years.csv',
      'tax.holdings.csv',
      'tax.sales.csv',
      'tax.notes.csv',
    ]);
    const sales = readCsvTable(readFileSync(path.join(dir, 'tax.sales.csv'), 'utf8'));
    if (!sales.ok) throw new Error('tax.sales.csv does not parse');
    expect(sales.rows).toHaveLength(1);
    const disallowed = sales.header.findIndex((h) => h.startsWith('loss disallowed'));
    expect(Number(sales.rows[0]?.fields[disallowed])).toBe(100);
  });

  it('XLSX: a sheet per table, amounts as numbers', async () => {
    const file = path.join(dir, 'tax.xlsx');
    expect((await writeTaxReport(report, file)).ok).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Realised gains 2024',
      'Realised gains per year',
      'Holdings  open lots',
      'Sales 2024',
      'Notes',
    ]);
    const summary = workbook.getWorksheet('Realised gains 2024');
    const row = summary?.getRows(2, 10)?.find((r) => r.getCell(1).value === 'Wash-sale loss disallowed');
    expect(row?.getCell(2).value).toBe(100);
  });

  it('PDF: the same content, through the one formatter', async () => {
    if (!existsSync('/usr/bin/pdftotext'))
      throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
    const file = path.join(dir, 'tax.pdf');
    expect((await writeTaxReport(report, file)).ok).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Tax report 2024');
    expect(text).toContain('Wash-sale loss disallowed');
    expect(text).toContain(formatMoney(102_000));
    expect(text).toContain(formatMoney(10_000));
  });

  it('refuses another format and writes nothing', async () => {
    const r = await writeTaxReport(report, path.join(dir, 'tax.docx'));
    expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_FORMAT' });
    expect(existsSync(path.join(dir, 'tax.docx'))).toBe(false);
  });
});
