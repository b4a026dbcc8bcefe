import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../shared/simulation';
import { loadHistory, positionSpec, runSimulation } from '../../shared/simulation';
import { simSpec } from '../../shared/simulation/testing/bars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { readCsvTable } from '../adapters/data/CsvText';
import { unitOfKey } from './jsonUnits';
import { accountingOfRun } from '../../shared/simulation/accountingOfRun';
import { buildReportModel, formatCell, reportTables } from './ReportModel';
import { sheetName } from './xlsxReport';
import { writeReport } from './writeReport';

/**
 * Every format written from one real run (KO and PEP, 2019–2020, with dividends) and opened again:
 * CSV and JSON parsed, XLSX read back with exceljs, PDF rendered to images with pdftoppm and its text
 * extracted with pdftotext, HTML loaded in Chromium. CI installs chromium and poppler-utils; a missing
 * tool fails these tests rather than skipping them.
 */
const CHROMIUM = '/usr/bin/chromium';
let dir: string;
let result: SimulationResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vb-report-'));
  const source = new BundledBarSource();
  const history = await loadHistory(source, source, ['KO', 'PEP'], '2019-01-01', '2020-12-31', '1d');
  if (!history.ok) throw new Error(history.message);
  const spec = simSpec([positionSpec('KO', 5_000_000), positionSpec('PEP', 5_000_000)], {
    from: '2019-01-01',
    to: '2020-12-31',
  });
  const outcome = runSimulation(spec, history.history);
  if (!outcome.ok) throw new Error(outcome.message);
  result = outcome.result;
  expect(result.trades.length).toBeGreaterThan(10);
  expect(result.events.some((e) => e.type === 'DividendPaid')).toBe(true);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Texts every format a person reads must show, through the one formatter: a trade's fill price (a
 * float32 price of the bundled data, so its raw text is float noise) and notional, the metrics, the
 * final equity.
 */
function expectedTexts(): string[] {
  const fill = result.trades.find(
    (t) => t.status === 'FILLED' && !t.isInitialAllocation && String(t.price).length > 8,
  );
  const model = buildReportModel(result);
  const sharpe = model.metrics.rows.find((r) => r[0] === 'Sharpe ratio');
  return [
    formatCell(fill?.price ?? null, 'price'),
    formatCell(fill?.notionalCents ?? null, 'money'),
    formatCell((sharpe?.[1] as number) ?? null, 'ratio'),
    formatCell(result.equity.equityCents[result.equity.equityCents.length - 1] ?? null, 'money'),
    'DividendPaid',
    // SPEC 8's round trips and their statistics (issue 16).
    'Round-trip statistics',
    formatCell(Math.round(trips().roundTripStats.expectancyCents as number), 'money'),
    formatCell(trips().roundTrips[0]?.pnlCents ?? null, 'money'),
  ];
}

function trips() {
  return accountingOfRun(result);
}

/** What the issue found in reports: cents as "4999556c", raw floats, money without its currency. */
function expectNoRawFigures(text: string): void {
  expect(text).not.toMatch(/\d+c\b/);
  expect(text).not.toMatch(/\d\.\d{5,}/);
  const fill = result.trades.find((t) => String(t.price).length > 8);
  expect(text).not.toContain(String(fill?.price));
}

describe('reports', () => {
  it('JSON holds everything, including the evaluation timeline', async () => {
    const file = path.join(dir, 'run.json');
    expect(await writeReport(result, file)).toEqual({ ok: true, files: [file] });
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    expect(parsed.result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(parsed.result.timeline[0].action.length).toBe(result.timeline[0]?.action.length);
    // Lots, round trips with their statistics and wash sales, as `vb simulate --json` has them.
    expect(parsed.accounting).toEqual(JSON.parse(JSON.stringify(trips())));
    expect(parsed.accounting.roundTrips.length).toBeGreaterThan(5);
    expect(parsed.summary).toContainEqual({
      item: 'Final equity',
      value: result.equity.equityCents[result.equity.equityCents.length - 1],
      unit: 'USD cents (integer)',
    });
  });

  it('JSON labels the unit of every number it holds', async () => {
    const file = path.join(dir, 'units.json');
    expect((await writeReport(result, file)).ok).toBe(true);
    const unlabelled = new Set<string>();
    const walk = (value: unknown, key: string, parent: object | null, where: string): void => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, key, parent, `${where}[]`));
      else if (value !== null && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, k, value, `${where}.${k}`);
      else if (typeof value === 'number') {
        const labelled = unitOfKey(key) !== null || typeof (parent as { unit?: unknown })?.unit === 'string';
        if (!labelled) unlabelled.add(where);
      }
    };
    walk(JSON.parse(readFileSync(file, 'utf8')), '', null, '');
    expect([...unlabelled]).toEqual([]);
  });

  it('CSV writes one file per table, each parseable with the rows of the result', async () => {
    const file = path.join(dir, 'run.csv');
    const outcome = await writeReport(result, file);
    expect(outcome.ok && outcome.files.map((f) => path.basename(f))).toEqual([
      'run.csv',
      'run.metrics.csv',
      'run.monthly-strategy.csv',
      'run.monthly-buy-and-hold.csv',
      'run.equity.csv',
      'run.trades.csv',
      'run.round-trip-stats.csv',
      'run.round-trips.csv',
      'run.events.csv',
    ]);
    const table = (name: string): { header: string[]; rows: { fields: string[] }[] } => {
      const t = readCsvTable(readFileSync(path.join(dir, name), 'utf8'));
      if (!t.ok) throw new Error(`${name} does not parse`);
      return t;
    };
    expect(table('run.trades.csv').rows).toHaveLength(result.trades.length);
    expect(table('run.events.csv').rows).toHaveLength(result.events.length);
    expect(table('run.round-trips.csv').rows).toHaveLength(trips().roundTrips.length);
    const stats = table('run.round-trip-stats.csv');
    expect(stats.rows[0]?.fields.slice(0, 2)).toEqual([
      'Round trips (closed lot parts, FIFO)',
      String(trips().roundTripStats.count),
    ]);
    const equity = table('run.equity.csv');
    expect(equity.rows).toHaveLength(result.equity.dates.length);
    // Money is written in dollars, exactly from the cents, under a header that says so.
    const equityCol = equity.header.indexOf('equity (usd)');
    const last = equity.rows[equity.rows.length - 1]?.fields[equityCol];
    expect(Math.round(Number(last) * 100)).toBe(
      result.equity.equityCents[result.equity.equityCents.length - 1],
    );
    const all = readdirSync(dir)
      .filter((f) => f.startsWith('run.') && f.endsWith('.csv'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    expect(equity.header).toContain('drawdown (fraction)');
    expect(table('run.trades.csv').header).toContain('fill price (usd per share)');
    // A label/value table names each row's unit.
    const summary = table('run.csv');
    expect(summary.header).toEqual(['item', 'value', 'unit']);
    expect(summary.rows.find((r) => r.fields[0] === 'Starting cash')?.fields.slice(1)).toEqual([
      '100000.00',
      'USD',
    ]);
    expect(all).not.toMatch(/\d+c\b/);
  });

  it('XLSX has a sheet per table with the metrics, read back with exceljs', async () => {
    const file = path.join(dir, 'run.xlsx');
    expect((await writeReport(result, file)).ok).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const model = buildReportModel(result);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(reportTables(model).map(sheetName));
    expect(workbook.worksheets.map((w) => w.name)).toContain('Round trips');
    expect(workbook.getWorksheet('Round trips')?.rowCount).toBe(trips().roundTrips.length + 1);
    const metrics = workbook.getWorksheet('Metrics');
    const sharpeRow = metrics?.getRows(2, 20)?.find((r) => r.getCell(1).value === 'Sharpe ratio');
    expect(sharpeRow?.getCell(2).value).toBe(result.metrics.strategy.sharpe);
    expect(sharpeRow?.getCell(3).value).toBe(result.metrics.buyAndHold.sharpe);
    expect(workbook.getWorksheet('Trades')?.rowCount).toBe(result.trades.length + 1);
    expect(workbook.getWorksheet('Daily equity')?.rowCount).toBe(result.equity.dates.length + 1);
    const commission = metrics?.getRows(2, 20)?.find((r) => r.getCell(1).value === 'Commissions');
    expect(commission?.getCell(2).value).toBe((result.metrics.strategy.commissionsCents as number) / 100);
    // Numbers stay numbers, shown with their currency; headers and a Unit column name the units.
    expect(commission?.getCell(2).numFmt).toContain('"$"#,##0.00');
    expect(commission?.getCell(4).value).toBe('USD');
    const equityHeader = workbook.getWorksheet('Daily equity')?.getRow(1).values as unknown[];
    expect(equityHeader).toContain('Equity (USD)');
    expect(equityHeader).toContain('Drawdown (%)');
  });

  it('PDF renders to non-empty pages with pdftoppm and carries the same content', async () => {
    for (const tool of ['pdftoppm', 'pdftotext']) {
      if (!existsSync(`/usr/bin/${tool}`))
        throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
    }
    const file = path.join(dir, 'run.pdf');
    expect((await writeReport(result, file)).ok).toBe(true);
    const pagesDir = mkdtempSync(path.join(dir, 'pages-'));
    execFileSync('pdftoppm', ['-r', '30', '-gray', file, path.join(pagesDir, 'p')]);
    const pages = readdirSync(pagesDir).sort();
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const { width, height, pixels } = readPgm(readFileSync(path.join(pagesDir, page)));
      expect(width * height).toBeGreaterThan(10_000);
      const inked = pixels.filter((p) => p < 200).length;
      expect(inked, `${page} is blank`).toBeGreaterThan(50);
    }
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    // The standard PDF font has no U+2212 minus sign: the PDF prints a hyphen-minus instead.
    for (const expected of expectedTexts()) expect(text).toContain(expected.replace(/\u2212/g, '-'));
    expectNoRawFigures(text);
    expect(text).toContain('Equity: strategy and buy and hold');
  });

  it('HTML is self-contained and opens in Chromium without console errors or network requests', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    const file = path.join(dir, 'run.html');
    expect((await writeReport(result, file)).ok).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    for (const expected of expectedTexts()) expect(html).toContain(expected);
    expectNoRawFigures(html.replace(/<svg[\s\S]*?<\/svg>/g, ''));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.locator('svg polyline').count()).toBe(4);
      expect(await page.locator('#trades tbody tr').count()).toBe(result.trades.length);
      expect(await page.locator('#equity tbody tr').count()).toBe(result.equity.dates.length);
      expect(await page.locator('#round-trips tbody tr').count()).toBe(trips().roundTrips.length);
    } finally {
      await browser.close();
    }
  });

  it('refuses an unknown format and writes nothing', async () => {
    const file = path.join(dir, 'run.docx');
    expect(await writeReport(result, file)).toMatchObject({ ok: false, code: 'UNKNOWN_FORMAT' });
    expect(existsSync(file)).toBe(false);
  });

  it('leaves nothing behind when the target cannot be written', async () => {
    const blocker = path.join(dir, 'blocker');
    execFileSync('touch', [blocker]);
    const outcome = await writeReport(result, path.join(blocker, 'run.csv'));
    expect(outcome).toMatchObject({ ok: false, code: 'WRITE_FAILED' });
    // In words, naming the file asked for, not the temporary one the system error names.
    const message = outcome.ok ? '' : outcome.message;
    expect(message.startsWith(`cannot write ${path.join(blocker, 'run.csv')}, `)).toBe(true);
    expect(message.endsWith(': a file is in the way of its folder')).toBe(true);
    expect(message).not.toContain('.tmp');
    expect(statSync(blocker).isFile()).toBe(true);
  });
});

/** A binary PGM (P5), what `pdftoppm -gray` writes. */
function readPgm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = data.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (match === null) throw new Error('not a PGM image');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return {
    width,
    height,
    pixels: new Uint8Array(data.subarray(match[0].length, match[0].length + width * height)),
  };
}
