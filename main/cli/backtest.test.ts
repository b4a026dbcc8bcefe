import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLabSettings } from './labSettings';
import { captureCli } from './testing/captureCli';

/** `vb backtest` and `vb indicators` (issue 18), in-process with their output captured. */
const dir = mkdtempSync(path.join(tmpdir(), 'vb-backtest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = ['backtest', '--symbols', 'KO,PEP', '--from', '2015-01-01', '--to', '2017-12-31', '--json'];

describe('vb backtest', () => {
  it('compares strategies on the same symbols beside buy-and-hold; 2 workers give the in-thread result', async () => {
    const args = [...base, '--strategy', 'macd:12,26,9', '--strategy', 'vb', '--sizer', 'percent:0.95'];
    const inThread = await captureCli([...args, '--workers', '0']);
    expect(inThread.code, inThread.err).toBe(0);
    const json = JSON.parse(inThread.out) as {
      strategies: { label: string; metrics: { sharpe: number } }[];
      best: Record<string, number | null>;
      symbols: string[];
    };
    expect(json.symbols).toEqual(['KO', 'PEP']);
    expect(json.strategies.map((s) => s.label)).toEqual([
      'MACD (12, 26, 9) · percent 0.95',
      'Volatility balancing',
    ]);
    expect(json.best.sharpe).not.toBeNull();
    const pooled = await captureCli([...args, '--workers', '2']);
    expect(pooled.code, pooled.err).toBe(0);
    expect(pooled.out).toBe(inThread.out);
  }, 60_000);

  it('writes the comparison in the five report formats', async () => {
    const files = ['c.json', 'c.html', 'c.csv', 'c.xlsx', 'c.pdf'].map((f) => path.join(dir, f));
    const run = await captureCli([
      ...base,
      '--strategy',
      'sma_cross:20,50',
      '--workers',
      '0',
      ...files.flatMap((f) => ['--report', f]),
    ]);
    expect(run.code, run.err).toBe(0);
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(existsSync(path.join(dir, 'c.equity.csv'))).toBe(true);
    expect(existsSync(path.join(dir, 'c.round-trips.csv'))).toBe(true);
    const html = readFileSync(files[1] as string, 'utf8');
    expect(html).toContain('SMA crossover (20, 50)');
    expect(html).toContain('Buy and hold');
    expect(JSON.parse(readFileSync(files[0] as string, 'utf8')).format).toBe('volatility-balancing.compare');
  }, 60_000);

  it('takes strategies, sizer and matching from a lab config file; refuses unknown keys', async () => {
    const good = path.join(dir, 'lab.json');
    writeFileSync(
      good,
      JSON.stringify({
        strategies: [{ id: 'rsi', params: { period: 10 } }],
        sizer: { id: 'fixed', params: { qty: 10 } },
        matching: { fill: 'vwap' },
      }),
    );
    const run = await captureCli([...base, '--lab-config', good, '--workers', '0']);
    expect(run.code, run.err).toBe(0);
    const json = JSON.parse(run.out) as { strategies: { label: string }[]; matching: { fill: string } };
    expect(json.strategies[0]?.label).toBe('RSI (10, 30, 70) · fixed 10');
    expect(json.matching.fill).toBe('vwap');
    expect(() => parseLabSettings('f', '{"strategies":[{"id":"macd","params":{"fats":3}}]}')).toThrow(
      /unknown key "fats"/,
    );
    expect(() => parseLabSettings('f', '{"strategy":[]}')).toThrow(/unknown key "strategy"/);
    expect(() => parseLabSettings('f', '{"sizer":{"id":"percent","params":{"pct":95}}}')).toThrow(/fraction/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"matching":{"fill":"midnight"}}');
    const refused = await captureCli([...base, '--lab-config', bad]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/matching\.fill: use one of close, next_open, vwap/);
  }, 60_000);

  it('applies the risk settings of --config to signal strategies: stop exits and rejections counted', async () => {
    const config = path.join(dir, 'risk.json');
    writeFileSync(config, JSON.stringify({ risk: { trailingStopPct: 0.05 } }));
    const args = [...base, '--strategy', 'macd', '--workers', '0'];
    const plain = JSON.parse((await captureCli(args)).out) as { strategies: { riskExits: number }[] };
    expect(plain.strategies[0]?.riskExits).toBe(0);
    const run = await captureCli([...args, '--config', config]);
    expect(run.code, run.err).toBe(0);
    const json = JSON.parse(run.out) as { strategies: { riskExits: number; trades: number }[] };
    // One exit per symbol at most: a stop's exit pauses the position for the rest of the run.
    expect(json.strategies[0]?.riskExits).toBeGreaterThanOrEqual(1);
    expect(json.strategies[0]?.riskExits).toBeLessThanOrEqual(2);
    const limited = path.join(dir, 'limit.json');
    writeFileSync(limited, JSON.stringify({ risk: { maxPositionQty: 1 } }));
    const rejected = JSON.parse((await captureCli([...args, '--config', limited])).out) as {
      strategies: { rejected: number; trades: number }[];
    };
    expect(rejected.strategies[0]?.trades).toBe(0);
    expect(rejected.strategies[0]?.rejected).toBeGreaterThan(0);
  }, 60_000);

  it('asks for a strategy and for symbols', async () => {
    expect((await captureCli(['backtest', '--symbols', 'KO'])).err).toMatch(/--strategy: give at least one/);
    expect((await captureCli(['backtest', '--strategy', 'vb'])).err).toMatch(/--symbols: give one or more/);
  });
});

describe('vb indicators', () => {
  it('prints every session as JSON, null before an indicator exists', async () => {
    const run = await captureCli([
      'indicators',
      'KO',
      '--from',
      '2020-01-01',
      '--to',
      '2020-12-31',
      '--json',
    ]);
    expect(run.code, run.err).toBe(0);
    const t = JSON.parse(run.out) as { dates: string[]; values: Record<string, (number | null)[]> };
    expect(t.dates).toHaveLength(253);
    expect(t.values.sma200?.[198]).toBeNull();
    expect(typeof t.values.sma200?.[199]).toBe('number');
    expect(t.values.rsi14?.[13]).toBeNull();
    expect(typeof t.values.rsi14?.[14]).toBe('number');
  });

  it('reads bars from a CSV file', async () => {
    const run = await captureCli([
      'indicators',
      'ACME',
      '--csv',
      path.join(__dirname, '../../examples/acme.csv'),
      '--last',
      '2',
    ]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^ACME/);
    expect(run.out.trim().split('\n')).toHaveLength(5);
  });
});
