import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from './testing/captureCli';

const dir = mkdtempSync(path.join(tmpdir(), 'vb-risk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);

/**
 * Two made-up symbols with six closes each, so the figures can be checked by hand:
 *   AAA closes 100 101 99 102 101 103 → returns .01, −.0198…, .0303…, −.0098…, .0198…
 *   BBB is constant: no risk of its own.
 */
writeFileSync(
  at('aaa.csv'),
  'date,open,high,low,close\n2024-01-02,100,100,100,100\n2024-01-03,101,101,101,101\n2024-01-04,99,99,99,99\n2024-01-05,102,102,102,102\n2024-01-08,101,101,101,101\n2024-01-09,103,103,103,103\n',
);
writeFileSync(
  at('bbb.csv'),
  'date,open,high,low,close\n2024-01-02,50,50,50,50\n2024-01-03,50,50,50,50\n2024-01-04,50,50,50,50\n2024-01-05,50,50,50,50\n2024-01-08,50,50,50,50\n2024-01-09,50,50,50,50\n',
);
writeFileSync(at('holdings.csv'), 'symbol,qty\nAAA,10\nBBB,20\n');
/** The holdings file with the histories of its two stocks. */
const HOLDINGS_AB = [
  '--holdings',
  at('holdings.csv'),
  '--csv',
  `AAA=${at('aaa.csv')}`,
  '--csv',
  `BBB=${at('bbb.csv')}`,
];

describe('vb risk --holdings (no database)', () => {
  it('prints only JSON with --json, figures from SPEC 9', async () => {
    const r = await captureCli(['risk', ...HOLDINGS_AB, '--cash', '970', '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    // Valued at the last close: AAA 10 × 103 = 1030, BBB 20 × 50 = 1000; equity 1030 + 1000 + 970.
    expect(json.stockValueUsd).toBe(2030);
    expect(json.equityUsd).toBe(3000);
    expect(json.sessions).toBe(5);
    // P&L_t = 1030·r_AAA (BBB is flat); the worst return is 99/101 − 1, the next 101/102 − 1.
    const pnl = [101 / 100 - 1, 99 / 101 - 1, 102 / 99 - 1, 101 / 102 - 1, 103 / 101 - 1].map(
      (x) => 1030 * x,
    );
    const sorted = [...pnl].sort((a, b) => a - b);
    const q95 = (sorted[0] as number) + 0.2 * ((sorted[1] as number) - (sorted[0] as number));
    const l95 = json.levels.find((l: { confidence: number }) => l.confidence === 0.95);
    expect(l95.historicalVar1dUsd).toBeCloseTo(-q95, 9);
    expect(json.correlation.matrix).toEqual([
      [1, null],
      [null, 1],
    ]);
    expect(json.holdings.map((h: { symbol: string }) => h.symbol)).toEqual(['AAA', 'BBB']);
  });

  it('stress with a user window and shocks, per position and total', async () => {
    const r = await captureCli([
      'stress',
      ...HOLDINGS_AB,
      '--window',
      '2024-01-03:2024-01-05',
      '--shock',
      '-20%',
      '--shock',
      'AAA:-50%',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual([
      '2024-01-03 to 2024-01-05',
      'All stocks −20 %',
      'AAA −50 %',
    ]);
    // AAA 101 → 102 over the window on a value of 1030.
    expect(json.scenarios[0].pnlUsd).toBeCloseTo(1030 * (102 / 101 - 1), 9);
    expect(json.scenarios[1].pnlUsd).toBeCloseTo(-406, 9);
    expect(json.scenarios[2].positions.map((p: { pnlUsd: number }) => p.pnlUsd)).toEqual([-515, 0]);
  });

  it('a window after the as-of date has no data: said in words, no $0.00 figure', async () => {
    const args = ['stress', ...HOLDINGS_AB, '--as-of', '2024-01-05', '--window', '2024-01-03:2024-01-09'];
    const json = await captureCli([...args, '--json']);
    expect(json.code, json.err).toBe(0);
    expect(JSON.parse(json.out).scenarios).toMatchObject([
      { name: '2024-01-03 to 2024-01-09', pnlUsd: null, pnlPct: null, flagged: false, noData: 'after_as_of' },
    ]);
    const text = await captureCli(args);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(
      /2024-01-03 to 2024-01-09 \(2024-01-03 to 2024-01-09\) +— +— +no data for this window: it ends after 2024-01-05, the date the holdings are valued at/,
    );
    expect(text.out).not.toMatch(/\$0\.00|proxy/);
  });

  it('an as-of date before the holdings share a history is bad input, naming the dates to pick from', async () => {
    // CCC starts two sessions after AAA: the shared closes are 2024-01-04, 05, 08, 09.
    writeFileSync(
      at('ccc.csv'),
      'date,open,high,low,close\n2024-01-04,20,20,20,20\n2024-01-05,21,21,21,21\n2024-01-08,20,20,20,20\n2024-01-09,22,22,22,22\n',
    );
    writeFileSync(at('two.csv'), 'symbol,qty\nAAA,10\nCCC,20\n');
    const run = (command: string, asOf: string) =>
      captureCli([
        command,
        '--holdings',
        at('two.csv'),
        '--csv',
        `AAA=${at('aaa.csv')}`,
        '--csv',
        `CCC=${at('ccc.csv')}`,
        '--as-of',
        asOf,
      ]);
    const cases: [string, string, string][] = [
      // risk needs three shared closes (two returns): the first as-of that works is the third shared date.
      [
        'risk',
        '2024-01-03',
        'no closes on or before 2024-01-03 for CCC: pick a date from 2024-01-08 to 2024-01-09',
      ],
      [
        'risk',
        '2024-01-04',
        'AAA, CCC share one close on or before 2024-01-04 (the figures need 3: two daily returns): pick a date from 2024-01-08 to 2024-01-09',
      ],
      [
        'risk',
        '2024-01-05',
        'AAA, CCC share 2 closes on or before 2024-01-05 (the figures need 3: two daily returns): pick a date from 2024-01-08 to 2024-01-09',
      ],
      [
        'risk',
        '2023-12-29',
        'no closes on or before 2023-12-29 for AAA, CCC: pick a date from 2024-01-08 to 2024-01-09',
      ],
      // stress values each holding at its last close: every holding needs one.
      [
        'stress',
        '2024-01-03',
        'no closes on or before 2024-01-03 for CCC: pick a date from 2024-01-04 to 2024-01-09',
      ],
    ];
    for (const [command, asOf, says] of cases) {
      const r = await run(command, asOf);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(`error: --as-of: ${says}\n`);
    }
    expect((await run('risk', '2024-01-08')).code).toBe(0);
    expect((await run('stress', '2024-01-04')).code).toBe(0);
  });

  it('a bad holdings line is bad input, with its line number', async () => {
    writeFileSync(at('bad.csv'), 'symbol,qty\nKO,lots\n');
    const r = await captureCli(['risk', '--holdings', at('bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 2/);
    expect(r.out).toBe('');
  });

  it('the bundled data answers for bundled symbols', async () => {
    writeFileSync(at('blue.csv'), 'KO,100\nPEP,50\n');
    const r = await captureCli([
      'risk',
      '--holdings',
      at('blue.csv'),
      '--window',
      '250',
      '--as-of',
      '2020-12-31',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Holdings valued at the close of 2020-12-31');
    expect(r.out).toContain('Window: 250 daily returns');
    expect(r.out).toMatch(/Parametric VaR 99 %\s+\$/);
  });
});
