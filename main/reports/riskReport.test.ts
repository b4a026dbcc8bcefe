import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/format/Format';
import type { SimulationResult } from '../../shared/simulation';
import { loadHistory, positionSpec, riskEventsOf, runSimulation } from '../../shared/simulation';
import { simSpec } from '../../shared/simulation/testing/bars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { readCsvTable } from '../adapters/data/CsvText';
import { buildReportModel, reportTables } from './ReportModel';
import { writeReport } from './writeReport';

/**
 * A run with every kind of risk event (issue 17, ADR 0155) — KO and PEP through the 2020 crash with the
 * limits of examples/risk-limits.json — in each report format: the risk limits in the summary, a
 * "Risk events" table (a stop exit, validator rejections, the daily loss stop, the circuit breaker) in
 * words through the one formatter, and the JSON's `riskEvents`. A run without limits has neither.
 */
const RISK = { trailingStopPct: 0.3, dailyLossLimitPct: 0.03, maxDrawdownPct: 0.1, maxTotalExposurePct: 0.6 };
let dir: string;
let result: SimulationResult;
let plain: SimulationResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vb-risk-report-'));
  const source = new BundledBarSource();
  const history = await loadHistory(source, source, ['KO', 'PEP'], '2019-01-01', '2020-12-31', '1d');
  if (!history.ok) throw new Error(history.message);
  const run = (config: object) => {
    const spec = simSpec([positionSpec('KO', 5_000_000), positionSpec('PEP', 5_000_000)], {
      from: '2019-01-01',
      to: '2020-12-31',
      config,
    });
    const outcome = runSimulation(spec, history.history);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.result;
  };
  result = run({ risk: RISK });
  plain = run({});
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('risk events in the reports', () => {
  it('has every kind of event to show', () => {
    expect(new Set(riskEventsOf(result).map((e) => e.kind))).toEqual(
      new Set(['trailing_stop', 'rejected', 'daily_loss_stop', 'max_drawdown']),
    );
  });

  it('the model: the limits and the counts in the summary, a Risk events table after the trades', () => {
    const model = buildReportModel(result);
    const summary = new Map(model.summary.rows.map(([k, v]) => [k, v]));
    expect(summary.get('Trailing stop')).toBe(0.3);
    expect(summary.get('Position stop')).toBe('off');
    expect(summary.get('Largest stock exposure')).toBe(0.6);
    expect(summary.get('Stop exits')).toBe(1);
    const events = riskEventsOf(result);
    expect(summary.get('Orders rejected by the validator')).toBe(
      events.filter((e) => e.kind === 'rejected').length,
    );
    expect(summary.get('Halts (daily loss stop, circuit breaker)')).toBe(
      events.filter((e) => e.kind === 'daily_loss_stop' || e.kind === 'max_drawdown').length,
    );
    expect(model.risk?.rows).toHaveLength(events.length);
    const ids = reportTables(model).map((t) => t.id);
    // After the trades (and the round trips that read them), just before the events.
    expect(ids.indexOf('trades')).toBeLessThan(ids.indexOf('risk-events'));
    expect(ids.slice(-2)).toEqual(['risk-events', 'events']);
    // Without limits the report is as it was: no risk rows, no risk table.
    const before = buildReportModel(plain);
    expect(before.risk).toBeUndefined();
    expect(before.summary.rows.some(([k]) => k === 'Stop exits' || k === 'Trailing stop')).toBe(false);
  });

  it('CSV: a risk-events file, one row per event', async () => {
    const file = path.join(dir, 'run.csv');
    const outcome = await writeReport(result, file);
    expect(outcome.ok && outcome.files.map((f) => path.basename(f))).toContain('run.risk-events.csv');
    const table = readCsvTable(readFileSync(path.join(dir, 'run.risk-events.csv'), 'utf8'));
    if (!table.ok) throw new Error('risk-events CSV does not parse');
    expect(table.rows).toHaveLength(riskEventsOf(result).length);
    const text = readFileSync(path.join(dir, 'run.risk-events.csv'), 'utf8');
    expect(text).toContain('Trailing stop exit');
    expect(text).toContain('Max-drawdown circuit breaker');
  });

  it('XLSX: a Risk events sheet', async () => {
    const file = path.join(dir, 'run.xlsx');
    expect((await writeReport(result, file)).ok).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Risk events');
    expect(sheet?.rowCount).toBe(riskEventsOf(result).length + 1);
  });

  it('HTML and PDF: the events in words, figures through the one formatter', async () => {
    const breaker = riskEventsOf(result).find((e) => e.kind === 'max_drawdown');
    const words = `Trading halted by the max-drawdown circuit breaker at equity ${formatMoney(breaker?.amountCents)}`;
    const html = path.join(dir, 'run.html');
    expect((await writeReport(result, html)).ok).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Risk events');
    expect(page).toContain('Risk exit: price at or below the trailing stop: sold');
    expect(page).toContain(words);
    const pdf = path.join(dir, 'run.pdf');
    expect((await writeReport(result, pdf)).ok).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Risk events');
    expect(text).toContain('Trailing stop exit');
  });

  it('JSON: riskEvents beside the result, only for a run with limits', async () => {
    const file = path.join(dir, 'run.json');
    expect((await writeReport(result, file)).ok).toBe(true);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    expect(parsed.riskEvents).toEqual(JSON.parse(JSON.stringify(riskEventsOf(result))));
    const plainFile = path.join(dir, 'plain.json');
    expect((await writeReport(plain, plainFile)).ok).toBe(true);
    expect(JSON.parse(readFileSync(plainFile, 'utf8'))).not.toHaveProperty('riskEvents');
  });
});
