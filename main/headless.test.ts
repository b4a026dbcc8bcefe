import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The headless daemon as a process (issue 20): the same exit-code rule as the CLI, one sentence for
 * bad input, never a hang (a data folder under /proc hung it) and never a stack trace.
 */
const root = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'vb-headless-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function headless(...args: string[]): { code: number | null; stderr: string; ms: number } {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'main', 'headless.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, VB_HOME: dir, NODE_NO_WARNINGS: '1' },
    },
  );
  return { code: r.status, stderr: r.stderr, ms: Date.now() - started };
}

describe('npm run headless with bad input', () => {
  it.each([
    {
      name: 'a data folder under /proc',
      args: ['--data-dir', '/proc/vb-no-such-folder'],
      says: '--data-dir',
    },
    {
      name: 'a replay start that does not exist',
      args: ['--replay-start', '2020-02-30'],
      says: '--replay-start',
    },
    {
      name: 'a replay start before the calendar',
      args: ['--replay-start', '1800-01-01'],
      says: '--replay-start',
    },
    { name: 'an unknown flag', args: ['--replay-sped', '300'], says: "unknown option '--replay-sped'" },
  ])('$name: exit 2 at once, one sentence, no stack trace, nothing written', ({ args, says }) => {
    const r = headless(...args, '--duration', '1', '--quiet');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).toEqual([]);
  });
});
