import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('a tax report to a file of another kind is refused (exit 2), nothing written', async () => {
    const dir = path.join(root, 'empty');
    fs.mkdirSync(dir);
    const file = path.join(root, 'tax.docx');
    const r = await captureCli(['tax-report', '--data-dir', dir, '--year', '2024', '--out', file]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(file)).toBe(false);
  });
});
