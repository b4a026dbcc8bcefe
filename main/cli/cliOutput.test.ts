import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli } from './testing/captureCli';

/**
 * What the CLI prints (issue 15, "CLI"): `--json` prints nothing but JSON on stdout, progress and the
 * files written go to stderr; a CSV without its dividends says so; the summary is one aligned table;
 * and every example of the README's "Command line" runs as written.
 */
const repo = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'vb-cli-out-'));
const previousCwd = process.cwd();

beforeAll(() => {
  // The README's examples run from the repository's folder: its examples/ is here too.
  symlinkSync(path.join(repo, 'examples'), path.join(dir, 'examples'));
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(previousCwd);
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]): ReturnType<typeof captureCli> => captureCli(args);

const KO_2019 = ['--from', '2019-01-01', '--to', '2019-12-31'];

describe('--json prints only JSON on stdout', () => {
  it('simulate: the summary as JSON, the reports and the progress on stderr', async () => {
    const r = await cli('simulate', 'KO', ...KO_2019, '--report', 'ko.json', '--report', 'ko.html', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    expect(parsed).toMatchObject({ symbols: ['KO'], reports: ['ko.json', 'ko.html'] });
    expect(typeof parsed.finalEquityCents).toBe('number');
    expect(r.err).toContain('report: ko.json');
    expect(r.err).toContain('100%');
  });

  it('sweep and walk-forward: the whole result as JSON, labelled with its units', async () => {
    const sweep = await cli(
      'sweep',
      'KO',
      ...KO_2019,
      '--thresholds',
      '0.03,0.05',
      '--ratios',
      '1',
      '--workers',
      '1',
      '--json',
    );
    expect(sweep.code).toBe(0);
    expect(JSON.parse(sweep.out)).toMatchObject({ format: 'volatility-balancing.sweep', total: 2 });
    const wf = await cli(
      'walk-forward',
      'KO',
      '--from',
      '2015-01-01',
      '--to',
      '2017-12-31',
      '--in-sample',
      '1y',
      '--out-of-sample',
      '1y',
      '--thresholds',
      '0.03,0.05',
      '--ratios',
      '1',
      '--workers',
      '1',
      '--json',
    );
    expect(wf.code).toBe(0);
    expect(JSON.parse(wf.out)).toMatchObject({
      format: 'volatility-balancing.walk-forward',
      units: { keys: { up: 'fraction' } },
    });
  });
});

describe('messages', () => {
  it('warns that bars from a CSV without --dividends-csv pay no dividends', async () => {
    const without = await cli('simulate', 'ACME', '--csv', 'ACME=examples/acme.csv', '--json');
    expect(without.code).toBe(0);
    expect(without.err).toContain('no --dividends-csv ACME=… was given: no dividends will be paid on ACME');
    expect(JSON.parse(without.out).strategy.dividendsCents).toBe(0);
    const withDividends = await cli(
      'simulate',
      'ACME',
      '--csv',
      'ACME=examples/acme.csv',
      '--dividends-csv',
      'ACME=examples/acme-dividends.csv',
      '--json',
    );
    expect(withDividends.code).toBe(0);
    expect(withDividends.err).not.toContain('no dividends');
    expect(JSON.parse(withDividends.out).strategy.dividendsCents).toBeGreaterThan(0);
  });

  it('prints the summary as one aligned table, every figure through the one formatter', async () => {
    const r = await cli('simulate', 'KO', 'PEP', ...KO_2019);
    expect(r.code).toBe(0);
    const table = r.out.trim().split('\n').slice(2);
    expect(table[0]).toMatch(/^\s+Strategy\s+Buy and hold$/);
    // Right-aligned figures: every row ends in the same column.
    const widths = new Set(table.map((line) => [...line].length));
    expect(widths.size).toBe(1);
    expect(r.out).toMatch(/Final equity\s+\$\d{1,3}(,\d{3})*\.\d\d\s+\$/);
    expect(r.out).toMatch(/Max drawdown\s+−\d+\.\d\d %/);
    expect(r.out).not.toMatch(/\d\.\d{5,}|\d+c\b/);
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Command line'),
    readme.indexOf('\n## ', readme.indexOf('## Command line') + 3),
  );
  // The examples without placeholders (<file>, [dest], [options]) run exactly as written.
  const examples = [...section.matchAll(/^npm run (?:-s )?cli -- (.+?)(?:\s+#.*)?$/gm)]
    .map((m) => (m[1] as string).trim())
    .filter((line) => !/[<[]/.test(line));

  it('has runnable examples, and shows the shipped config file as it is', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const shown = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(shown).toBe(readFileSync(path.join(repo, 'examples/strategy.json'), 'utf8'));
  });

  it.each(examples)('runs `npm run cli -- %s` as written', async (line) => {
    const r = await cli(...line.split(/\s+/));
    expect(r.code, r.err).toBe(0);
  });
});
