import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { equityHistoryRecord } from '../db/testing/records';
import { seededLedger } from '../db/testing/seededLedger';
import { removeDir, tempDir } from '../db/testing/testDatabase';
import { captureCli } from './testing/captureCli';

/**
 * `vb lots`, `vb tax-report` and `vb performance` (SPEC 8) on a data folder whose positions traded:
 * JSON only on stdout with --json, the tax report written in each format, refused input is exit 2.
 */
const root = tempDir('vb-cli-acc-');
afterAll(() => removeDir(root));

async function tradedDataDir(): Promise<string> {
  const dir = path.join(root, 'traded');
  fs.mkdirSync(dir);
  const t = await seededLedger(path.join(dir, 'demo.db'), 6);
  t.close();
  return dir;
}

describe('accounting on the command line', () => {
  it('lots --json, then the tax report of the year of the sales in .xlsx, .csv and .pdf', async () => {
    const dir = await tradedDataDir();
    const lots = await captureCli(['lots', '--data-dir', dir, '--json']);
    expect(lots.code, lots.err).toBe(0);
    const positions = JSON.parse(lots.out).positions as {
      symbol: string;
      realised: { exitDate: string }[];
    }[];
    expect(positions.map((p) => p.symbol).sort()).toEqual(['AAPL', 'KO']);
    const sold = positions.flatMap((p) => p.realised);
    expect(sold.length).toBeGreaterThan(0);
    const year = (sold[0] as { exitDate: string }).exitDate.slice(0, 4);

    const xlsx = path.join(root, `tax-${year}.xlsx`);
    const r = await captureCli(['tax-report', '--data-dir', dir, '--year', year, '--out', xlsx]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Tax report ${year}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.getWorksheet(`Sales ${year}`)?.rowCount).toBe(sold.length + 1);
    for (const ext of ['csv', 'pdf']) {
      const file = path.join(root, `tax-${year}.${ext}`);
      const w = await captureCli(['tax-report', '--data-dir', dir, '--year', year, '--out', file]);
      expect(w.code, w.err).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(100);
    }

    const json = await captureCli(['tax-report', '--data-dir', dir, '--year', year, '--json']);
    expect(json.code, json.err).toBe(0);
    expect(JSON.parse(json.out).sales).toHaveLength(sold.length);

    const perf = await captureCli(['performance', '--data-dir', dir, '--json']);
    expect(perf.code, perf.err).toBe(0);
    expect(JSON.parse(perf.out).roundTripStats.count).toBe(sold.length);
  });

  it('performance for dates outside the equity history is refused (exit 2) with the dates to pick from', async () => {
    const dir = path.join(root, 'history');
    fs.mkdirSync(dir);
    const t = await seededLedger(path.join(dir, 'demo.db'), 2);
    const portfolioId = t.store.portfolios.listByTenant(t.tenantId)[0]!.id;
    const dates = ['2020-01-02', '2020-01-03', '2020-01-06'];
    const rows = dates.map((date, i) => equityHistoryRecord(portfolioId, null, date, 1_000_000 + i * 1000));
    t.store.uow.transaction(() => t.store.equityHistory.replaceFrom(t.tenantId, dates[0]!, rows));
    t.close();
    const all = await captureCli(['performance', '--data-dir', dir, '--json']);
    expect(all.code, all.err).toBe(0);
    const have = JSON.parse(all.out).dates as string[];
    expect(have.length).toBeGreaterThan(0);

    // A range outside the history: exit 2, one line naming the dates to pick from, nothing on stdout.
    const early = await captureCli([
      'performance',
      '--data-dir',
      dir,
      '--from',
      '1990-01-01',
      '--to',
      '1990-02-01',
    ]);
    expect(early.code, early.err).toBe(2);
    expect(early.out).toBe('');
    expect(early.err.trim()).toBe(
      `error: --from/--to: no equity history from 1990-01-01 to 1990-02-01: pick dates from ${have[0]} to ${have[have.length - 1]}`,
    );
    const late = await captureCli(['performance', '--data-dir', dir, '--from', '2099-01-04', '--json']);
    expect(late.code, late.err).toBe(2);
    expect(late.out).toBe('');
    expect(late.err).toContain('--from: no equity history on or after 2099-01-04');
  });

  it('a tax report to a file of another kind is refused (exit 2), nothing written', async () => {
    const dir = path.join(root, 'empty');
    fs.mkdirSync(dir);
    const file = path.join(root, 'tax.docx');
    const r = await captureCli(['tax-report', '--data-dir', dir, '--year', '2024', '--out', file]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(file)).toBe(false);
  });
});
