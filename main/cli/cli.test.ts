import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from './testing/captureCli';

const dir = mkdtempSync(path.join(tmpdir(), 'vb-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]): ReturnType<typeof captureCli> => captureCli(args);

const at = (name: string): string => path.join(dir, name);

describe('vb simulate', () => {
  it('runs a portfolio, prints the summary with a progress bar, writes the reports', async () => {
    const r = await cli(
      'simulate',
      'KO',
      'PEP',
      '--from',
      '2018-01-01',
      '--to',
      '2019-12-31',
      '--threshold',
      '4%',
      '--report',
      at('run.json'),
      '--report',
      at('run.html'),
    );
    expect(r.err).toContain('100%');
    expect(r.code).toBe(0);
    expect(r.out).toContain('KO, PEP  2018-01-02 to 2019-12-31');
    expect(r.out).toMatch(/Sharpe\s+[−-]?\d/);
    const json = JSON.parse(readFileSync(at('run.json'), 'utf8'));
    expect(json.result.inputs.config.trigger).toEqual({ upThreshold: 0.04, downThreshold: 0.04 });
    expect(existsSync(at('run.html'))).toBe(true);
  });

  it('reads settings from a config file, overridden by flags', async () => {
    writeFileSync(
      at('cfg.json'),
      JSON.stringify({ trigger: { upThreshold: 0.07, downThreshold: 0.07 }, sizing: { rebalanceRatio: 2 } }),
    );
    const r = await cli(
      'simulate',
      'KO',
      '--from',
      '2019-01-01',
      '--to',
      '2019-12-31',
      '--config',
      at('cfg.json'),
      '--down',
      '0.05',
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.symbols).toEqual(['KO']);
    const run = await cli(
      'simulate',
      'KO',
      '--from',
      '2019-01-01',
      '--to',
      '2019-12-31',
      '--config',
      at('cfg.json'),
      '--down',
      '0.05',
      '--report',
      at('cfg-run.json'),
    );
    expect(run.code).toBe(0);
    const inputs = JSON.parse(readFileSync(at('cfg-run.json'), 'utf8')).result.inputs;
    expect(inputs.config.trigger).toEqual({ upThreshold: 0.07, downThreshold: 0.05 });
    expect(inputs.config.sizing.rebalanceRatio).toBe(2);
  });

  it('simulates a symbol from an imported CSV', async () => {
    const rows = ['date,open,high,low,close,volume'];
    const days = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09'];
    const closes = [100, 96, 99, 103, 97, 101];
    days.forEach((d, i) => rows.push(`${d},${closes[i]},${closes[i]},${closes[i]},${closes[i]},100000`));
    writeFileSync(at('acme.csv'), rows.join('\n'));
    const r = await cli('simulate', 'ACME', '--csv', `ACME=${at('acme.csv')}`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      symbols: ['ACME'],
      from: '2024-01-02',
      to: '2024-01-09',
      sessions: 6,
    });
  });

  it('applies the optional day-trade limit (SPEC 8) to a run: the day trade is a rejected buy with its reason', async () => {
    // Hourly bars: Monday's buy, Tuesday's sell at +4 %, then Tuesday's buy back at −3.8 %: a day trade.
    const rows = ['datetime,open,high,low,close,volume'];
    for (const [at, close] of [
      ['2024-06-03T19:30:00Z', 100],
      ['2024-06-04T17:30:00Z', 104],
      ['2024-06-04T18:30:00Z', 100],
    ] as const)
      rows.push(`${at},${close},${close},${close},${close},100000`);
    writeFileSync(at('hourly.csv'), rows.join('\n'));
    const base = [
      'simulate',
      'HRLY',
      '--csv',
      `HRLY=${at('hourly.csv')}`,
      '--interval',
      '1h',
      '--allow-gaps',
    ];
    const off = await cli(...base, '--report', at('dt-off.json'));
    expect(off.code, off.err).toBe(0);
    const offTrades = JSON.parse(readFileSync(at('dt-off.json'), 'utf8')).result.trades;
    expect(offTrades.map((t: { side: string; status: string }) => `${t.side} ${t.status}`)).toEqual([
      'BUY FILLED',
      'SELL FILLED',
      'BUY FILLED',
    ]);
    const on = await cli(
      ...base,
      '--day-trade-limit',
      '0',
      '--day-trade-min-equity',
      '1000000',
      '--day-trade-mode',
      'block',
      '--report',
      at('dt-on.json'),
    );
    expect(on.code, on.err).toBe(0);
    const onTrades = JSON.parse(readFileSync(at('dt-on.json'), 'utf8')).result.trades;
    expect(onTrades.at(-1)).toMatchObject({ side: 'BUY', status: 'REJECTED' });
    expect(onTrades.at(-1).reasons).toContain('day_trade_limit');
  });

  it.each([
    {
      name: 'a range with no data',
      args: ['KO', '--from', '1995-01-01', '--to', '1995-12-31'],
      message: 'KO has no bars from 1995-01-01 to 1995-12-31',
    },
    { name: 'an unknown symbol', args: ['NOPE'], message: 'the bundled dataset has no symbol "NOPE"' },
    {
      name: 'an inverted band',
      args: ['KO', '--band', '0.9:0.1'],
      message: '--band "0.9:0.1": the minimum is above the maximum; write it as min:max',
    },
    {
      name: 'a down threshold of 100 % or more',
      args: ['KO', '--down', '150%'],
      message: '--down "150%": must be above 0% and at most 100%',
    },
    {
      name: 'a negative cash amount',
      args: ['KO', '--cash', '-100'],
      message: '--cash "-100": must be above $0',
    },
    {
      name: 'a text number',
      args: ['KO', '--slippage-bps', 'lots'],
      message: '--slippage-bps must be a number like 1,234.56',
    },
    {
      name: 'a decimal comma, never read as ×10',
      args: ['KO', '--threshold', '2,5%'],
      message: '--threshold: "2,5" is ambiguous',
    },
    {
      name: 'a report format it cannot write',
      args: ['KO', '--report', 'x.docx'],
      message:
        '--report "x.docx": cannot tell what to write; end the name with .pdf, .html, .xlsx, .csv, .json',
    },
    {
      name: 'a date that does not exist',
      args: ['KO', '--from', '2020-02-30'],
      message: '--from "2020-02-30": there is no such day',
    },
    {
      name: 'a date before the market calendar',
      args: ['KO', '--from', '1800-01-01'],
      message: '--from "1800-01-01": the market calendar covers 1990-01-01 to 2100-12-31',
    },
  ])('refuses $name with a clear error and writes nothing', async ({ args, message }) => {
    const before = readdirSync(dir).length;
    const r = await cli('simulate', ...args, '--report', at('never.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('refuses a malformed CSV with line numbers and writes nothing', async () => {
    writeFileSync(
      at('bad.csv'),
      'date,open,high,low,close,volume\n2024-01-03,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n2024-01-04,1,1,1,-1,1\n',
    );
    const r = await cli('simulate', 'BAD', '--csv', `BAD=${at('bad.csv')}`, '--report', at('bad-run.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('line 4: close -1 must be > 0');
    expect(r.err).toContain('nothing imported');
    expect(existsSync(at('bad-run.json'))).toBe(false);
  });
});

describe('vb sweep and walk-forward', () => {
  it('sweeps a grid across workers, prints the best rows and a heatmap, writes the table', async () => {
    const r = await cli(
      'sweep',
      'KO',
      '--from',
      '2015-01-01',
      '--to',
      '2019-12-31',
      '--thresholds',
      '0.03,0.06',
      '--ratios',
      '1,2',
      '--workers',
      '2',
      '--heatmap',
      'up,ratio',
      '--out',
      at('sweep.csv'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('4 of 4 combinations, ranked by sharpe');
    expect(r.out).toContain('ratio \\ up');
    const lines = readFileSync(at('sweep.csv'), 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    // Every column is named in the unit it holds.
    expect(lines[0]).toMatch(
      /^#,Up threshold \(fraction\),Down threshold \(fraction\),Rebalance ratio,Minimum stock allocation \(fraction\),Maximum stock allocation \(fraction\),Total return \(fraction\),/,
    );
    expect(lines[0]).toContain('Commissions (USD),Dividends (USD),Final equity (USD),Error');
    expect(r.err).toContain(`results: ${at('sweep.csv')}`);
  });

  it('walks forward and writes the windows and the stitched equity', async () => {
    const r = await cli(
      'walk-forward',
      'KO',
      '--from',
      '2012-01-01',
      '--to',
      '2016-12-31',
      '--in-sample',
      '24m',
      '--out-of-sample',
      '1y',
      '--thresholds',
      '0.03,0.06',
      '--ratios',
      '1',
      '--workers',
      '1',
      '--out',
      at('wf.csv'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 windows (24 months in sample, 12 out of sample)');
    expect(readFileSync(at('wf.csv'), 'utf8').trim().split('\r\n')).toHaveLength(4);
    expect(readFileSync(at('wf.equity.csv'), 'utf8')).toContain(
      'Date,Equity (USD),Buy and hold equity (USD),Drawdown (fraction)',
    );
  });

  it('refuses a bad grid', async () => {
    const r = await cli('sweep', 'KO', '--thresholds', '0.1:0.01:0.01');
    expect(r.code).toBe(2);
    expect(r.err).toContain('needs start ≤ stop and a positive step');
  });
});

it('lists its commands', async () => {
  const r = await cli('--help');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/simulate[\s\S]*sweep[\s\S]*walk-forward/);
});
